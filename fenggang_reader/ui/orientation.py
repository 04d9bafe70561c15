"""Knowing where you are without seeing: what the screen reader hears at start, on each move and on Ctrl+I.

- Moving to a paragraph says its place and its text once ("第2段，共86段。…"), headings with their
  level; said through ui/announcer.py, so the screen reader is interrupted rather than queued.
  Nothing is said while read aloud moves the paragraph (the voice is already reading it).
- Ctrl+I says the part, the heading, the place and the first words.
- At start: the document (the window's title), the place and "F1 for help", all in what the screen
  reader says as the window comes up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from ..core.model import BlockKind
from . import app_filters
from .announcer import Announcer, description_channel

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .read_aloud_actions import LazyReadAloud
    from .screen_reader import ScreenReaderMode

FIRST_WORDS = 30  # characters of the paragraph Ctrl+I reads


def _t(text: str) -> str:
    return QCoreApplication.translate("Orientation", text)


def block_text(window: MainWindow, index: int) -> str:
    return window.view.shown_text(index)  # as shown (Simplified or Traditional)


def place_text(window: MainWindow, index: int) -> str:
    """"Paragraph 5 of 86", with ", heading level 2" on a heading."""
    place = window.position_text() if index == window.view.current_index() else _t("Paragraph %1 of %2").replace(
        "%1", str(index + 1)).replace("%2", str(len(window.report.blocks)))
    level = window.report.blocks[index].heading_level
    if level:
        place += _t(", heading level %1").replace("%1", str(level))
    return place


def view_description(window: MainWindow) -> str:
    """The report view's own description: the place. Orca reads the text itself (the line at the caret as
    the view gets the focus: it is read-only text, ui/text_role.py); the paragraph here too was read twice."""
    return place_text(window, window.view.current_index())


def paragraph_message(window: MainWindow, index: int | None = None) -> str:
    """What the screen reader says on arriving at a paragraph: its place, then its whole text."""
    index = window.view.current_index() if index is None else index
    return _t("%1. %2").replace("%1", place_text(window, index)).replace("%2", block_text(window, index))


def where_am_i_text(window: MainWindow) -> str:
    """Ctrl+I: the part, the heading (and sub-heading), the place and the first words of the paragraph."""
    index = window.view.current_index()
    blocks = window.report.blocks
    part = ""
    headings: list[str] = []  # innermost first: the （一） sub-heading, then its 一、 heading
    deepest = 99
    for i in range(index, -1, -1):
        block = blocks[i]
        if block.kind is BlockKind.HEADING and block.heading_level < deepest:
            headings.append(block_text(window, i))
            deepest = block.heading_level
        elif block.kind in (BlockKind.PART, BlockKind.NOTES_HEADING, BlockKind.TITLE):
            part = block_text(window, i)
            break
    text = block_text(window, index)
    words = text if len(text) <= FIRST_WORDS else text[:FIRST_WORDS] + "…"
    pieces = [p for p in (part, *reversed(headings)) if p and p != text]
    pieces.append(place_text(window, index))
    return _t("%1: %2").replace("%1", _t(", ").join(pieces)).replace("%2", words)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding ``start:end`` (Chinese sentences end at 。！？；)."""
    first = max(text.rfind(mark, 0, start) for mark in "。！？；") + 1
    ends = [i for i in (text.find(mark, end) for mark in "。！？；") if i >= 0]
    return text[first:min(ends) + 1 if ends else len(text)].strip()


def match_text(window: MainWindow, block_index: int, start: int, end: int, number: int, total: int) -> str:
    """Find: "第2处，共5处：" and the sentence the match is in."""
    count = QCoreApplication.translate("FindBar", "%1 of %2").replace("%1", str(number)).replace("%2", str(total))
    return _t("%1: %2").replace("%1", count).replace("%2", sentence_around(block_text(window, block_index), start, end))


def start_text(window: MainWindow) -> str:
    """The greeting: the place and the help key (the window's title, said just before, names the document)."""
    return _t("%1. Press F1 for help.").replace("%1", window.position_text())


class Orientation(QObject):
    """Keeps the report view's description on the current place and says each move.

    The start orientation (the place, F1) is the window's description until the reader does something:
    Orca says a window's name, role and description when it comes up, so the greeting is part of the first
    thing it says ("凤岗镇政府工作报告 — 凤岗读报 Fenggang Reader frame. Paragraph 1 of 86. Press F1 for help.").
    Sent as a message after the first paint, it came after the window title and the focused text (~6 s of
    speech), and the reader's first key cut it off. The window is where the greeting goes: Orca says the
    focused text's description only after its name, role and the line at the caret."""

    def __init__(self, window: MainWindow, read_aloud: LazyReadAloud, screen_reader: ScreenReaderMode):
        super().__init__(window)
        self.window = window
        self.read_aloud = read_aloud
        self.screen_reader = screen_reader
        self.announcer = Announcer(window, hold=self.app_voice_reading)
        self.announcer.own_description(window.view, lambda: view_description(window))
        window.announced.connect(self.announcer.say)
        self.greeting_due = True  # until the reader presses a key, or the window is left
        self._following_caret = False
        window.view.current_block_changed.connect(self.moved)
        window.view.cursorPositionChanged.connect(self._caret_moved)
        window.retranslated.connect(self.refresh)
        window.retranslated.connect(window.contents.describe_levels)
        window.view.document().contentsChanged.connect(self.refresh)  # e.g. switched to Traditional
        window.view.first_paint.connect(self._listen_for_keys)  # not before: no filter on every start-up event
        window.installEventFilter(self)
        self.refresh()

    def _listen_for_keys(self) -> None:
        if self.greeting_due:
            app_filters.install(self)

    def app_voice_reading(self) -> bool:
        return self.screen_reader.active and self.read_aloud.is_reading()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        pressed = kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)  # a shortcut takes the press itself
        if pressed or (kind == QEvent.Type.WindowDeactivate and watched is self.window):
            self.end_greeting()  # heard (or passed over): never again after a dialog closes
        return False

    def end_greeting(self) -> None:
        if self.greeting_due:
            self.greeting_due = False
            app_filters.remove(self)
            self.window.removeEventFilter(self)
            self.window.setAccessibleDescription("")  # the window is not the focus: not spoken

    def refresh(self, *_args: object) -> None:
        """Set the description without saying it (not while the view holds a message being heard)."""
        view = self.window.view
        if not (description_channel() and view.hasFocus()):
            view.setAccessibleDescription(view_description(self.window))
        if self.greeting_due:
            self.window.setAccessibleDescription(start_text(self.window))

    def where_am_i(self) -> None:
        """Ctrl+I. While the app's own voice reads to a screen-reader user, the voice pauses so the answer
        is heard alone and at once (held back, it would never be said; queued, it would come after the
        sentence, or over the online voice); Space then goes on with the same sentence. When the screen
        reader has finished cannot be known here, so the voice does not go on by itself."""
        text = where_am_i_text(self.window)
        if self.app_voice_reading():
            self.read_aloud.controller.pause()
            text = _t("%1 (Reading paused: Space goes on.)").replace("%1", text)
        self.window.announce(text)

    def _caret_moved(self) -> None:
        """The caret moved by the screen reader (Orca's Say All, its caret navigation; ours moves unreported):
        the current paragraph follows it, unsaid, since the screen reader is reading that text itself. It
        followed the top of the scrolled view, late, and each move was said over Say All (double speech).
        Not while the app's own voice reads: the voice is the place then. Orca moves the caret on through the
        Say All it had queued when the start of our reading silences it, and reading jumped paragraphs ahead."""
        view = self.window.view
        index = view.textCursor().blockNumber()
        if self.screen_reader.active and index != view.current_index() and not self.read_aloud.is_reading():
            self._following_caret = True
            try:
                view.set_current_index(index, ensure_visible=False, move_caret=False)
            finally:
                self._following_caret = False

    def moved(self, *_args: object) -> None:
        if self._following_caret:
            return
        view = self.window.view
        if description_channel() and view.hasFocus():
            if not self.read_aloud.is_reading():
                self.announcer.say(paragraph_message(self.window))
            if self.greeting_due:  # e.g. the place restored after the first paint
                self.window.setAccessibleDescription(start_text(self.window))
        else:
            self.refresh()
