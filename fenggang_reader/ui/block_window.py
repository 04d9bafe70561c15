"""A long document on screen is laid out a stretch at a time: the blocks around the reading place, the rest hidden.

Qt lays a QTextDocument out from its start, and its layout ends at 2^23 px: at 72 pt in an 800-px window the last
627 of the 1,415 paragraphs of a 300,000-character document had no lines at all and could not be read, and every
text-size change laid the whole text out again (0.3 s). A hidden block (``QTextBlock.setVisible(False)``) keeps its
text, its number and its positions, so every user of block indexes and document positions is unchanged, but it takes
no layout and no height. So the view of a long document shows the blocks within a few screens' worth of characters
of the reading place: a jump (``cover``, from ``ReaderView.ensure_typeset``, which every jump calls before it
measures) moves the stretch to its target; paging, Down and scrolling near either end (``make_room``) move it along,
keeping what is on screen where it is. The scroll bar spans the stretch; the place in the whole document is on the
status bar. Views that print or export lay everything out (they are never windowed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from .reader_view import ReaderView

LONG_CHARS = 60_000  # a document longer than this is shown a stretch at a time (the shipped report: 14k)
SCREENS_BEFORE = 4  # characters before the place: this many screens' worth at the current size and window
SCREENS_AFTER = 8
MIN_CHARS_BEFORE = 1_500
MIN_CHARS_AFTER = 3_000
ROOM_SCREENS = 2  # paging or scrolling closer than this to a hidden end moves the stretch along


class BlockWindow(QObject):
    """Which blocks of one ReaderView's document are shown (laid out): all, or a stretch of a long document."""

    def __init__(self, view: ReaderView):
        super().__init__(view)
        self.view = view
        self.active = False
        self.first = 0
        self.last = -1  # the whole document while not active
        self._moving = False
        self._look = QTimer(self, singleShot=True, interval=0)
        self._look.timeout.connect(lambda: self.make_room(0))

    # -- what is shown ---------------------------------------------------------------------------
    def bounds(self) -> tuple[int, int]:
        """The first and last block shown."""
        if not self.active:
            return 0, self.view.document().blockCount() - 1
        return self.first, self.last

    def start(self, index: int = 0) -> None:
        """After the document is built: a long document on screen shows only the stretch around block ``index``."""
        doc = self.view.document()
        self.active = self.view.on_screen() and doc.characterCount() > LONG_CHARS
        self.first, self.last = 0, doc.blockCount() - 1  # Qt shows every block of a new document
        if self.active:
            self._show(*self._stretch(index))

    def cover(self, index: int) -> None:
        """Block ``index`` is about to be measured or shown (a jump): shown, with room around it."""
        if not self.active or self._moving:
            return
        if self._roomy(index):
            return
        self._show(*self._stretch(index))

    def make_room(self, direction: int) -> None:
        """Before paging or stepping (``direction`` 1 down, -1 up; 0 both, after a scroll): at least ROOM_SCREENS
        screens laid out beyond the window in that direction, unless the document ends there. What is on screen
        stays where it is."""
        if not self.active or self._moving:
            return
        view = self.view
        height = view.viewport().height()
        top = view.verticalScrollBar().value()
        total = view.document().documentLayout().documentSize().height()
        short_below = direction >= 0 and self.last < view.document().blockCount() - 1 \
            and total - (top + height) < ROOM_SCREENS * height
        short_above = direction <= 0 and self.first > 0 and top < ROOM_SCREENS * height
        if not (short_below or short_above):
            return
        navigator = view.navigator
        place, y = navigator.reading_place()
        self._moving = True
        try:
            with navigator.own_scrolls():
                self._show(*self._stretch(place.index))
            navigator.restore_place(place, y)
        finally:
            self._moving = False

    def look_soon(self) -> None:
        """After a scroll by the reader or a relayout: see to the room on both sides once the event loop turns."""
        if self.active:
            self._look.start()

    # -- the stretch -----------------------------------------------------------------------------
    def chars_per_screen(self) -> int:
        """About how many characters a screen shows at the size and window now in use (a line with its ruby: two ems)."""
        view = self.view
        em = max(1.0, view.font_size() * view.logicalDpiY() / 72.0)
        columns = max(1.0, view.viewport().width() / em)
        rows = max(1.0, view.viewport().height() / (em * 2))  # a line with its ruby: about two ems
        return int(columns * rows)

    def _stretch(self, index: int) -> tuple[int, int]:
        """The blocks within a few screens' worth of characters before and after block ``index``."""
        doc = self.view.document()
        block = doc.findBlockByNumber(max(0, min(index, doc.blockCount() - 1)))
        per_screen = self.chars_per_screen()
        before = max(MIN_CHARS_BEFORE, SCREENS_BEFORE * per_screen)
        after = max(MIN_CHARS_AFTER, SCREENS_AFTER * per_screen)
        first = doc.findBlock(max(0, block.position() - before)).blockNumber()
        end = min(doc.characterCount() - 1, block.position() + block.length() + after)
        last = doc.findBlock(end).blockNumber()
        if last < 0:
            last = doc.blockCount() - 1
        return min(first, block.blockNumber()), max(last, block.blockNumber())

    def _roomy(self, index: int) -> bool:
        """Block ``index`` is shown with at least a quarter of the stretch's characters on each side (or an end)."""
        if not self.first <= index <= self.last:
            return False
        doc = self.view.document()
        per_screen = self.chars_per_screen()
        block = doc.findBlockByNumber(index)
        first, last = doc.findBlockByNumber(self.first), doc.findBlockByNumber(self.last)
        above = block.position() - first.position()
        below = last.position() + last.length() - (block.position() + block.length())
        enough_above = self.first == 0 or above >= max(MIN_CHARS_BEFORE, SCREENS_BEFORE * per_screen) // 4
        enough_below = self.last == doc.blockCount() - 1 or below >= max(MIN_CHARS_AFTER, SCREENS_AFTER * per_screen) // 4
        return enough_above and enough_below

    def _show(self, first: int, last: int) -> None:
        """Show blocks ``first``..``last`` and hide the rest; Qt lays out again what changed."""
        doc = self.view.document()
        old_first, old_last = self.first, self.last
        if (first, last) == (old_first, old_last):
            return
        shown = [number for number in range(first, last + 1) if not old_first <= number <= old_last]
        # A size change set the formats of the stretch shown only. Set before any block is hidden: an edit lays out
        # what is shown, and with nothing shown the scroll bar went, and the resize put the old stretch back.
        self.view.block_formats.apply_to(doc, shown)
        changed: list[int] = []
        for number in range(old_first, old_last + 1):
            if not first <= number <= last:
                doc.findBlockByNumber(number).setVisible(False)
                changed.append(number)
        for number in shown:
            doc.findBlockByNumber(number).setVisible(True)
        changed += shown
        self.first, self.last = first, last
        if changed:
            start = doc.findBlockByNumber(min(changed)).position()
            end_block = doc.findBlockByNumber(max(changed))
            doc.markContentsDirty(start, end_block.position() + end_block.length() - start)
            # Laid out now (a stretch costs little), and the scroll range set from it at once: Qt would set it from a
            # timer, and a jump made meanwhile was clamped to the old stretch's range.
            layout = doc.documentLayout()
            layout.documentSizeChanged.emit(layout.documentSize())
