"""Reading by screens and placing targets: how the reader's view moves through the text.

At 48–96 pt most paragraphs are taller than the window, so the view moves by lines, never by paragraphs:
- PgDown/PgUp show the next/previous screen minus one line, the top line never cut (ruby included);
- Down/Up show the current paragraph's next/previous screen while it continues beyond the window, and
  only then go to the next/previous paragraph, so no text is skipped;
- every jump (keys, contents, find, a note's uses, resume, the voice) goes through ``reveal``, which puts
  the target's first line whole at the reading line in the upper third (a find match: in view, centred
  when its paragraph is taller than the window);
- the reading place (the first fully visible line) survives zoom, resize, spacing and script changes;
- ``rested`` says what is fully visible each time the view comes to rest (the view.visible event).
Line geometry comes from ui/text_geometry.py.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.reading_place import TextPlace
from .text_geometry import LineBox

if TYPE_CHECKING:
    from .reader_view import ReaderView

READING_LINE = 0.2  # where a jump puts its target's first line: a fifth of the way down the window
UPPER_THIRD = 1 / 3  # a target already whole within the upper third is left where it is
EDGE = 4  # pixels kept free above a line placed at the top (its ruby never touches the edge)
REST_MS = 80  # the view is at rest after this long without a scroll, resize or zoom


@dataclass(frozen=True, slots=True)
class VisibleRange:
    """First and last character (inclusive) whose whole line, characters and ruby, is in the viewport."""

    first: TextPlace
    last: TextPlace
    font_pt: int


class Navigator(QObject):
    """Moves one ReaderView by screens, lines and placed jumps, and keeps its reading place."""

    rested = Signal(object)  # VisibleRange, or None when no line fits whole in the window

    def __init__(self, view: ReaderView):
        super().__init__(view)
        self.view = view
        self.line_geometry = view.line_geometry
        self._pinned: tuple[TextPlace, float] | None = None  # the place kept across relayouts, and its y
        self._own_scrolls = 0  # > 0 while this class scrolls (a scroll by the reader unpins the place)
        self._reader_scrolled = False
        self._scrolled_this_turn = False  # a scroll not ours since the event loop's last turn (see _caret_moved)
        self._rest = QTimer(self, singleShot=True, interval=REST_MS)
        self._rest.timeout.connect(self._came_to_rest)
        view.verticalScrollBar().valueChanged.connect(self._scrolled)
        view.cursorPositionChanged.connect(self._caret_moved)

    # -- what is on screen ---------------------------------------------------------------------
    def span(self) -> tuple[float, float]:
        """The viewport in document coordinates (top, bottom)."""
        top = float(self.view.verticalScrollBar().value())
        return top, top + self.view.viewport().height()

    def visible_lines(self) -> list[LineBox]:
        """The lines shown whole, characters and ruby."""
        return self.line_geometry.fully_inside(*self.span())

    def visible_range(self) -> VisibleRange | None:
        lines = self.visible_lines()
        if not lines:
            return None
        first, last = lines[0], lines[-1]
        last_offset = max(last.start, min(last.end, len(self.view.report.blocks[last.index].text)) - 1)
        return VisibleRange(TextPlace(first.index, first.start), TextPlace(last.index, last_offset),
                            self.view.font_size())

    def is_whole(self, box: LineBox) -> bool:
        top, bottom = self.span()
        return box.top >= top - 0.01 and box.bottom <= bottom + 0.01

    # -- the reading place ---------------------------------------------------------------------
    def reading_place(self) -> tuple[TextPlace, float]:
        """The first fully visible line (the first line cut by the top when none is whole) and its y."""
        if self._pinned is not None:
            return self._pinned
        top, bottom = self.span()
        lines = self.line_geometry.fully_inside(top, bottom)
        box = lines[0] if lines else self.line_geometry.first_line_from(top)
        if box is None:
            return TextPlace(0, 0), 0.0
        return TextPlace(box.index, box.start), box.top - top

    def restore_place(self, place: TextPlace, y: float) -> None:
        """Scroll so the line holding ``place`` has its top (ruby included) at viewport ``y``; keep that place
        until the reader scrolls (repeated zooms never drift)."""
        self.view.ensure_typeset(place.index)
        box = self.line_geometry.line_at(place.index, place.offset)
        height = self.view.viewport().height()
        y = max(0.0, min(y, height - box.height - 1))  # a taller line stays whole when it can (1: rounding)
        self._scroll_line_to(box, y)
        self._pinned = (place, y)
        self.schedule_rest()

    @contextmanager
    def keeping_place(self) -> Iterator[None]:
        """Around a relayout (size, spacing, font, script): the reading place stays at the same height.
        Before the window is shown there is no place on screen to keep (nor one to pin)."""
        if not self.view.isVisible():
            yield
            return
        place, y = self.reading_place()
        self._own_scrolls += 1
        try:
            yield
        finally:
            self._own_scrolls -= 1
        self.restore_place(place, y)

    @contextmanager
    def own_scrolls(self) -> Iterator[None]:
        """Scrolls made inside (Qt's own, during a resize) are not the reader's."""
        self._own_scrolls += 1
        try:
            yield
        finally:
            self._own_scrolls -= 1

    # -- moving --------------------------------------------------------------------------------
    def page(self, direction: int) -> bool:
        """One screen minus one line down (1) or up (-1); the top line whole. False at the end/start."""
        self.view.block_window.make_room(direction)
        top, bottom = self.span()
        lines = self.line_geometry.fully_inside(top, bottom)
        if direction > 0:
            if lines:  # the last whole line becomes the first (one line of context), or the next one
                target = lines[-1] if len(lines) > 1 else self.line_geometry.next_line(lines[0])
                fresh = self.line_geometry.next_line(lines[-1])  # the first line not seen whole before
            else:  # a line taller than the window: go on to the next line that starts lower
                target = next((b for b in self.line_geometry.lines_between(top, bottom) if b.top > top + EDGE + 0.5),
                              None)
                if target is None:
                    cut = self.line_geometry.first_line_from(top)
                    target = self.line_geometry.next_line(cut) if cut is not None else None
                fresh = target
            bar = self.view.verticalScrollBar()
            if target is None or bar.value() >= bar.maximum():
                return False
            self._scroll_to(math.floor(target.top) - EDGE)
        else:
            shown = self.view.block_window.bounds()[0]
            start = self._line_value(self.line_geometry.line(shown, 0), EDGE)  # the top of the report (or the stretch)
            if top <= start:
                return False
            target = self._screen_above(lines[0] if lines else None, top, bottom - top)
            self._scroll_to(start if target is None or target.key() == (0, 0) else math.floor(target.top) - EDGE)
            fresh = target
        self._follow_screen(fresh)
        self.schedule_rest()
        return True

    def _screen_above(self, first: LineBox | None, top: float, height: float) -> LineBox | None:
        """The line to put at the top so that ``first`` becomes the last whole line (or the one before it)."""
        geometry = self.line_geometry
        if first is None:  # nothing whole: the line cut by the top, or the one before it
            cut = geometry.first_line_from(top)
            if cut is None:
                return None
            return cut if cut.top < top - 0.5 else geometry.previous_line(cut)
        target = first
        while (before := geometry.previous_line(target)) is not None and first.bottom - before.top <= height - EDGE:
            target = before
        return geometry.previous_line(first) if target is first else target

    def step(self, direction: int) -> bool:
        """Down (1) / Up (-1): the current paragraph's next screen while it continues beyond the window,
        else the next paragraph, placed. False at the end/start of the report."""
        view = self.view
        view.block_window.make_room(direction)
        index = view.current_index()
        first, last = self.line_geometry.line(index, 0), self.line_geometry.last_line(index)
        top, bottom = self.span()
        if direction > 0:
            if first.top >= bottom:  # the current paragraph is below the window: show it first
                self.reveal(index)
                return True
            if last.bottom > bottom + 0.01:
                return self.page(1)
        else:
            if last.bottom <= top:
                self.reveal(index)
                return True
            if first.top < top - 0.01:
                return self.page(-1)
        target = index + direction
        if not 0 <= target < len(view.report.blocks):
            return False
        view.set_current_index(target)  # reveals it
        return True

    def reveal(self, index: int, offset: int = 0, force: bool = False) -> None:
        """Put the line holding ``offset`` of block ``index`` whole at the reading line (left where it is when
        it is already whole in the upper third, unless ``force``)."""
        self.view.ensure_typeset(index)
        box = self.line_geometry.line_at(index, offset)
        top, bottom = self.span()
        if force or not (self.is_whole(box) and box.top - top <= (bottom - top) * UPPER_THIRD):
            self._scroll_line_to(box, self._reading_y(box))
        self.schedule_rest()

    def reveal_span(self, index: int, start: int, end: int, top_before: float | None = None, room_below: float = 0.0
                    ) -> None:
        """A term reached by Tab, Shift+Tab, N or a jump: left where it is when its lines (ruby included) were
        whole on screen before the move (``top_before``: the scroll position then, e.g. before Qt's own minimal
        scroll to the window's edge), else its first line placed whole at the reading line. ``room_below``:
        keep that many pixels free under the term (its note), moving it up towards the top when needed."""
        self.view.ensure_typeset(index)
        geometry = self.line_geometry
        first, last = geometry.line_at(index, start), geometry.line_at(index, max(start, end - 1))
        height = self.view.viewport().height()
        top = self.span()[0] if top_before is None else float(top_before)
        if first.top >= top - 0.01 and last.bottom <= top + height - room_below + 0.01:
            if top != self.span()[0]:
                self._scroll_to(math.floor(top))
        else:  # at the reading line, higher when that keeps the whole term (and the room) in the window
            y = max(float(EDGE), min(self._reading_y(first), height - EDGE - room_below - (last.bottom - first.top)))
            self._scroll_line_to(first, y)
        self.schedule_rest()

    def reveal_match(self, index: int, start: int, end: int) -> None:
        """A find match: in view with its paragraph's first line at the reading line when both fit, else the
        match's line centred. A match already whole on screen stays where it is."""
        self.view.ensure_typeset(index)
        geometry = self.line_geometry
        head = geometry.line(index, 0)
        match_first = geometry.line_at(index, start)
        match_last = geometry.line_at(index, max(start, end - 1))
        if not (self.is_whole(match_first) and self.is_whole(match_last)):
            height = self.view.viewport().height()
            y = self._reading_y(head)
            if match_last.bottom - head.top + y <= height - EDGE:
                self._scroll_line_to(head, y)
            else:
                extent = match_last.bottom - match_first.top
                self._scroll_line_to(match_first, max(float(EDGE), (height - extent) / 2))
        self.schedule_rest()

    def follow_voice(self, index: int, offset: int) -> None:
        """The sentence being read starts on a line out of view (a paragraph taller than the window): place
        that line at the reading line, so the text follows the voice."""
        self.view.ensure_typeset(index)
        box = self.line_geometry.line_at(index, offset)
        if not self.is_whole(box):
            self._scroll_line_to(box, self._reading_y(box))
            self.schedule_rest()

    def _reading_y(self, box: LineBox) -> float:
        height = self.view.viewport().height()
        return max(float(EDGE), min(height * READING_LINE, height - box.height - EDGE))

    def _scroll_line_to(self, box: LineBox, y: float) -> None:
        self._scroll_to(self._line_value(box, y))

    def _line_value(self, box: LineBox, y: float) -> int:
        """The scroll position that puts ``box`` at viewport ``y``. The report's first line stays at the very
        top with the margin above it, unless that margin would cut it (96 pt under the first-start banner in
        800×600): then it goes to ``y`` like any other line."""
        if box.key() == (0, 0) and box.bottom <= self.view.viewport().height() + 0.01:
            return 0
        return math.floor(box.top - y)

    def _scroll_to(self, value: int) -> None:
        self._pinned = None
        self._own_scrolls += 1
        try:
            self.view.reach(value)
            self.view.verticalScrollBar().setValue(max(0, value))
        finally:
            self._own_scrolls -= 1

    def _follow_screen(self, line: LineBox | None) -> None:
        """After a page: the paragraph of the first new line is current, the caret at that line (screen readers
        read from it); the view does not move."""
        if line is None or not self.is_whole(line):
            lines = self.visible_lines()
            line = lines[0] if lines else line
        if line is None:
            return
        self.view.set_current_index(line.index, ensure_visible=False, move_caret=False)
        self.view.place_caret(self.view.document_position(line.index, line.start))

    # -- coming to rest ------------------------------------------------------------------------
    def schedule_rest(self) -> None:
        self._rest.start()

    def _scrolled(self, _value: int) -> None:
        if self._own_scrolls == 0:
            self._reader_scrolled = True
            self._pinned = None
            self.view.block_window.look_soon()  # wheel or scroll bar near a hidden end: more text there
            if not self._scrolled_this_turn:
                self._scrolled_this_turn = True
                QTimer.singleShot(0, self, self._next_turn)
        self._rest.start()

    def _next_turn(self) -> None:
        self._scrolled_this_turn = False

    def _caret_moved(self) -> None:
        """Qt scrolls a caret set out of view into it, and says the caret moved just after: that scroll is the
        caret's, not the reader's, so the place does not follow the screen at rest. The caret's owner says where
        the place goes (a screen reader's caret: ui/orientation.py; while the app's voice reads, nowhere — Orca
        moving the caret through the Say All it had queued made reading jump ahead once the view came to rest)."""
        if self._scrolled_this_turn:
            self._reader_scrolled = False

    def _came_to_rest(self) -> None:
        if self._reader_scrolled:  # wheel or scroll bar: the current paragraph follows what is on screen
            self._reader_scrolled = False
            lines = self.visible_lines()
            if lines and self.view.current_index() not in {line.index for line in lines}:
                self.view.set_current_index(lines[0].index, ensure_visible=False, move_caret=False)
        self.rested.emit(self.visible_range())
