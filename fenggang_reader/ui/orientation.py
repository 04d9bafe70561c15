"""Knowing where you are without seeing: what the screen reader hears at start, on each move and on Ctrl+I.

- Moving to a paragraph says its place and its text once ("第2段，共86段。…"), headings with their
  level; said through ui/announcer.py, so the screen reader is interrupted rather than queued.
  Nothing is said while read aloud moves the paragraph (the voice is already reading it).
- Ctrl+I says the part, the heading, the place and the first words.
- At start, in screen-reader mode: the document, the place and "F1 for help".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from ..core.model import BlockKind
from .announcer import Announcer, description_channel

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .read_aloud_actions import LazyReadAloud
    from .screen_reader import ScreenReaderMode
    from .startup import StartUp

FIRST_WORDS = 30  # characters of the paragraph Ctrl+I reads
START_DELAY_MS = 1500  # after the screen reader has said the window and the focused text


def _t(text: str) -> str:
    return QCoreApplication.translate("Orientation", text)


def block_text(window: MainWindow, index: int) -> str:
    return window.view.document().findBlockByNumber(index).text()  # as shown (Simplified or Traditional)


def place_text(window: MainWindow, index: int) -> str:
    """"Paragraph 5 of 86", with ", heading level 2" on a heading."""
    place = window.position_text() if index == window.view.current_index() else _t("Paragraph %1 of %2").replace(
        "%1", str(index + 1)).replace("%2", str(len(window.report.blocks)))
    level = window.report.blocks[index].kind.heading_level
    if level:
        place += _t(", heading level %1").replace("%1", str(level))
    return place


def paragraph_message(window: MainWindow, index: int | None = None) -> str:
    """What the screen reader says on arriving at a paragraph: its place, then its whole text."""
    index = window.view.current_index() if index is None else index
    return _t("%1. %2").replace("%1", place_text(window, index)).replace("%2", block_text(window, index))


def where_am_i_text(window: MainWindow) -> str:
    """Ctrl+I: the part, the heading, the place and the first words of the paragraph."""
    index = window.view.current_index()
    blocks = window.report.blocks
    part = heading = ""
    for i in range(index, -1, -1):
        kind = blocks[i].kind
        if kind is BlockKind.HEADING and not heading and not part:
            heading = block_text(window, i)
        elif kind in (BlockKind.PART, BlockKind.NOTES_HEADING, BlockKind.TITLE):
            part = block_text(window, i)
            break
    text = block_text(window, index)
    words = text if len(text) <= FIRST_WORDS else text[:FIRST_WORDS] + "…"
    pieces = [p for p in (part, heading) if p and p != text]
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
    return (_t("%1. %2. Press F1 for help.").replace("%1", window.document_title())
            .replace("%2", window.position_text()))


class Orientation(QObject):
    """Keeps the report view's description on the current paragraph and says each move."""

    def __init__(self, window: MainWindow, read_aloud: LazyReadAloud, screen_reader: ScreenReaderMode,
                 startup: StartUp):
        super().__init__(window)
        self.window = window
        self.read_aloud = read_aloud
        self.screen_reader = screen_reader
        self.startup = startup
        self.announcer = Announcer(window, hold=self.app_voice_reading)
        self.announcer.own_description(window.view, lambda: paragraph_message(window))
        window.announced.connect(self.announcer.say)
        self._greeted = False  # the start message is dropped once anything else has been said
        window.view.current_block_changed.connect(self.moved)
        window.view.first_paint.connect(self.greet)
        window.retranslated.connect(self.refresh)
        window.retranslated.connect(window.contents.describe_levels)
        window.view.document().contentsChanged.connect(self.refresh)  # e.g. switched to Traditional
        self.refresh()

    def app_voice_reading(self) -> bool:
        return self.screen_reader.active and self.read_aloud.is_reading()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress:
            self._greeted = True  # the reader is already doing something: no start message over it
        return False

    def refresh(self, *_args: object) -> None:
        """Set the description without saying it (not while the view holds a message being heard)."""
        view = self.window.view
        if not (description_channel() and view.hasFocus()):
            view.setAccessibleDescription(paragraph_message(self.window))

    def moved(self, *_args: object) -> None:
        view = self.window.view
        if description_channel() and view.hasFocus():
            if not self.read_aloud.is_reading():
                self.announcer.say(paragraph_message(self.window))
        else:
            self.refresh()

    def greet(self) -> None:
        """In screen-reader mode, once the window is up: the document, the place and the help key."""
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

        index = self.window.view.current_index()  # a move (or a message) since then: no greeting over it

        def say() -> None:  # Qt's bridge may be switched on only after the first paint: look now
            self.screen_reader.refresh()
            if app is not None:
                app.removeEventFilter(self)
            quiet = self.announcer.pending() is None and self.window.view.current_index() == index
            if self.screen_reader.active and quiet and not self._greeted and self.startup.bar is None:
                self.window.announce(start_text(self.window))

        QTimer.singleShot(START_DELAY_MS, self.window, say)

