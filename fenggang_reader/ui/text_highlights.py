"""The reader view's highlights of the text: the sentence and the word the voice is reading, and find's matches.

Why an object of its own: each is kept as a place in the report's text (block, start, end), not as document
positions, and mapped to the document's positions at each redraw, so a relayout that changes the line-breaking marks
(a resize, a size change) leaves them on their characters. ReaderView composes one (view.highlights), draws the
ruby's part of them, and gives Qt these selections for the characters.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from ..core.model import Report
from .themes import Theme

Span = tuple[int, int, int]  # (block index, start, end) in the report's text


class HighlightsHost(Protocol):
    """What TextHighlights asks of its view (ReaderView)."""

    def document(self) -> QTextDocument: ...
    def document_span(self, index: int, start: int, end: int) -> tuple[int, int]: ...


class TextHighlights:
    """The voice's sentence and word, and find's matches with the current one, as places in the report's text."""

    def __init__(self, host: HighlightsHost, report: Report):
        self._host = host
        self._report = report
        self.speech: Span | None = None  # (block index, start, end)
        self.word: Span | None = None
        self.find_matches: list[Span] = []  # (block, start, end) in the report's text
        self.find_current = -1

    def set_speech(self, block_id: str | None, start: int = 0, end: int = 0,
                   word: tuple[int, int] | None = None) -> None:
        """The sentence being spoken (and the word, when the engine reports words); None: nothing is."""
        if block_id is None:
            self.speech = self.word = None
        else:
            index = self._report.index_of(block_id)
            self.speech = (index, start, end)
            self.word = (index, word[0], word[1]) if word else None

    def set_find_matches(self, matches: list[Span], current: int) -> None:
        """Find's matches, (block, start, end) in the report's text, and which of them is the current one."""
        self.find_matches = matches
        self.find_current = current

    def selections(self, t: Theme) -> list[QTextEdit.ExtraSelection]:
        """The highlights as Qt's extra selections, in the document's positions of now, coloured by theme ``t``."""
        selections = []
        for i, (index, start, end) in enumerate(self.find_matches):
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(t.speech_bg if i == self.find_current else t.current_tint))
            fmt.setForeground(QColor(t.speech_text if i == self.find_current else t.text))
            fmt.setFontUnderline(True)
            selections.append(self._selection(*self._host.document_span(index, start, end), fmt))
        for span, bg, fg in ((self.speech, t.speech_bg, t.speech_text), (self.word, t.word_bg, t.word_text)):
            if span:
                index, start, end = span
                fmt = QTextCharFormat()
                fmt.setBackground(QColor(bg))
                fmt.setForeground(QColor(fg))
                selections.append(self._selection(*self._host.document_span(index, start, end), fmt))
        return selections

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self._host.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel
