"""The letter spacing the reader adds to its characters beyond their base: the room each reading takes, and the
justified lines; and when each must be set anew.

Why an object of its own: both are costly (the room is measured over every block's readings, justifying edits the
formats of every line in view), both must be redone only when something they depend on changed (the readings,
their style, the sizes, fonts, spacing, width, characters), and an edit of either can move line breaks the other
then depends on. ReaderView composes one and tells it what changed; it keeps the state that says what is set now.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol

from PySide6.QtCore import QObject, QSizeF
from PySide6.QtGui import QFont, QFontMetricsF, QTextDocument

from ..core.model import Block
from ..core.settings import CHARACTER_SPACING, FONT_SIZE
from .line_justification import EdgeRules, LineJustifier
from .reader_document import han_spacing_spans, set_letter_spacing
from .reading_room import ROOM_MEMO, RoomFonts
from .ruby import ZHUYIN_RATIO, zhuyin_column_width
from .waiting_blocks import WaitingBlocks

_ROOM_AT_ONCE_CHARS = 60_000  # a document up to this long takes its room in one pass once painted (the report: 14k)
_ROOM_NOW_CHARS = 6_000  # a longer one at once only within this many characters of the reading place, rest idle
# Before the first paint only the blocks within this many screens' worth of characters of the reading place take
# their room (at least _FIRST_ROOM_MIN_CHARS); the others just after it (ui/block_window.py estimates a screen).
_FIRST_ROOM_SCREENS = 3
_FIRST_ROOM_MIN_CHARS = 1_500
_STEP_SECONDS = 0.008  # one idle slice of taking the room
_MEMO_SIZES = 24  # the room measured at this many sizes is kept (every size stop of a zoom in and out)
_LARGEST_PT = float(FONT_SIZE.maximum or 0)


class TypesettingHost(Protocol):
    """What Typesetting asks of its view (ReaderView)."""

    cjk_spacing_percent: float

    def document(self) -> QTextDocument: ...
    def body_font(self) -> QFont: ...
    def pinyin_font(self, factor: float = 1.0) -> QFont: ...
    def room_readings(self, index: int) -> Sequence[str | None]: ...
    def block_factor(self, index: int) -> float: ...
    def em_width(self, index: int) -> float: ...
    def shown_text(self, index: int) -> str: ...
    def document_spans(self, index: int, ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]: ...
    def format_runs(self, indices: list[int]) -> None: ...
    def place_index(self) -> int: ...
    def blocks_around(self, place: int, chars: int) -> list[int]: ...
    def chars_per_screen(self) -> int: ...
    def keeping_place(self) -> AbstractContextManager[None]: ...


class Typesetting:
    """The readings' room (ruby.ruby_room) and the justified lines (line_justification.LineJustifier) of one view."""

    def __init__(self, host: TypesettingHost, parent: QObject, blocks: Sequence[Block], justified: Sequence[int],
                 near_view: Callable[[float], dict[int, range]], *, on_screen: bool = True):
        self._host = host
        self._on_screen = on_screen  # a view the reader reads: it takes the room of its first screen first
        self._blocks = blocks
        # block -> {offset: letter spacing %} of the characters spaced wider than the others for their reading, and
        # the spacing of the others; None: not known (every character is set anew).
        self._room: dict[int, dict[int, float]] | None = {}
        self._base = float(CHARACTER_SPACING.default)
        self._room_key: tuple | None = None  # what the room now set was measured for
        self._room_memo: dict[tuple, dict[int, dict[int, float]]] = {}  # measured room by what it was measured for
        self._readings_generation = 0  # counts changes of the readings (corrections, the tones of 一 and 不)
        self._active = False  # the room is taken once the view is shown or laid out (print sets its fonts first)
        self._text_edits = 0  # counts edits of the characters, marks or room: they may move line breaks
        self._justified_key: tuple | None = None  # what the lines were last justified for
        self._held_width: float | None = None  # the text width while layout waits (one_layout)
        self.justifier = LineJustifier(parent, host.document, justified, near_view, self.one_layout)
        # A long document takes the room of the blocks near the reading place at once, the others while idle.
        self._long = sum(len(block.text) for block in blocks) > _ROOM_AT_ONCE_CHARS
        self._measured: dict[int, dict[int, float]] | None = None  # the room measured for the key now in use
        self._room_fonts: dict[tuple[float, bool], RoomFonts] = {}  # by size factor and heading, for the key in use
        # Blocks whose room may not be the one for the key now in use.
        self._pending = WaitingBlocks(parent, host.place_index, self._room_step, _STEP_SECONDS)
        self._idle_work = False  # far blocks take their room once the first screen is painted (start_idle_work)

    # -- what changed ----------------------------------------------------------------------------
    @property
    def long_document(self) -> bool:
        """Longer than a document whose room is taken in one pass: the view's work far from the place waits for idle."""
        return self._long

    @property
    def active(self) -> bool:
        """Whether the view was shown or laid out: before, nothing is drawn, so nothing is justified or fitted."""
        return self._active

    def activate(self) -> bool:
        """The view is shown or laid out: from now on the readings take their room. True the first time."""
        if self._active:
            return False
        self._active = True
        return True

    def readings_changed(self) -> None:
        """A correction or the tones of 一 and 不 changed the readings: their room is measured anew."""
        self._readings_generation += 1

    def text_edited(self) -> None:
        """The characters or the line-breaking marks changed: the lines are justified anew."""
        self._text_edits += 1

    def spacing_forgotten(self) -> None:
        """Every wide character was respaced (a new character spacing): which has which room is no longer known."""
        self._room = None

    @property
    def readings_generation(self) -> int:
        """Counts the changes of the readings (what was measured or drawn for them before is stale)."""
        return self._readings_generation

    # -- the room each reading takes ---------------------------------------------------------------
    @property
    def base(self) -> float:
        """The letter spacing (%) of a Han character without room of its own, as set now."""
        return self._base

    def spacing(self, index: int, offset: int) -> float:
        """The letter spacing (%) of character ``offset`` of block ``index`` as set now (its room, or the base)."""
        return (self._room or {}).get(index, {}).get(offset, self._base)

    def room_of(self, index: int) -> dict[int, float]:
        """Block ``index``'s characters spaced wider than the base for their reading (offset: spacing %)."""
        return dict((self._room or {}).get(index, {}))

    def ensure_room(self, inputs: tuple, horizontal: bool, zhuyin: bool) -> bool:
        """Space each character for its reading (pinyin or Jyutping above: ruby.ruby_room; zhuyin, ``zhuyin``: a
        column beside every character) once the view is active, and again whenever ``inputs`` (what the room
        depends on: style, readings, sizes, fonts, spacing) or the readings changed. ``horizontal``: readings are
        shown above the characters. True when the room was set anew (the readings are to be measured anew)."""
        if not self._active:
            return False
        key = (*inputs, self._readings_generation)
        if key == self._room_key:
            return False
        self._room_key = key
        self._room_fonts = {}
        base = self._zhuyin_spacing() if zhuyin else self._host.cjk_spacing_percent
        self._measured = None
        if horizontal:  # measured once a size and block: zooming in and out again costs only the new spacing
            if key not in self._room_memo and len(self._room_memo) > _MEMO_SIZES:
                self._room_memo.clear()
            self._measured = self._room_memo.setdefault(key, {})
        # Before the first paint every document takes the room of its first screen only (a short one the rest in one
        # pass just after the paint: 25-35 ms CPU of a 10,000-character document's opening, nearly all of it for blocks
        # below the first screen); a long one within _ROOM_NOW_CHARS of the place afterwards, the rest while idle.
        first_screen = self._on_screen and not self._idle_work
        lazy = (self._long or first_screen) and self._room is not None and base == self._base
        chars = _ROOM_NOW_CHARS if not first_screen else \
            max(_FIRST_ROOM_MIN_CHARS, _FIRST_ROOM_SCREENS * self._host.chars_per_screen())
        now = self._host.blocks_around(self._host.place_index(), chars) if lazy else range(len(self._blocks))
        spans = self._room_spans(now, base)
        if spans:  # justified runs back to their own spacing first (LineJustifier.reset), justified anew after
            self.justifier.reset()
            self._text_edits += 1
        set_letter_spacing(self._host.document(), spans)
        self._base = base
        taken = set(now)
        self._pending.wait(index for index in range(len(self._blocks)) if index not in taken)
        if self._idle_work:
            self._pending.resume()
        return True

    def room_waiting(self) -> int:
        """How many blocks wait for their room (taken after the first paint, a long document's while idle)."""
        return len(self._pending)

    def start_idle_work(self) -> None:
        """The first screen is painted: the far blocks take their room from now on, while idle (before, each slice
        laid the whole text out ahead of the first paint: ~0.2 s for 300,000 characters)."""
        self._idle_work = True
        self._pending.resume()
        self.justifier.start_idle_work()

    def _wanted(self, index: int, base: float) -> dict[int, float]:
        """Block ``index``'s room for the key now in use (nothing without ruby above the characters)."""
        if self._measured is None:
            return {}
        room = self._measured.get(index)
        if room is None:
            room = self._measured[index] = self._room_for(index, base)
        return room

    def _room_spans(self, indices: Iterable[int], base: float) -> list[tuple[int, int, float]]:
        """The letter-spacing edits that give these blocks their room now (the room they are then said to have)."""
        spans: list[tuple[int, int, float]] = []
        room = self._room if self._room is not None else {}
        indices = list(indices)
        self._host.format_runs(indices)  # a block built plain: its runs' spacing first, or it would undo the room
        for index in indices:
            new = self._wanted(index, base)
            old = room.get(index, {}) if self._room is not None else None
            if old is not None and old == new and base == self._base:
                continue
            runs = list(han_spacing_spans(self._blocks[index].text, new, base, old, self._base))
            positions = self._host.document_spans(index, ((start, end) for start, end, _spacing in runs))
            for (first, last), (_start, _end, spacing) in zip(positions, runs, strict=True):
                spans.append((first, last, spacing))
            room[index] = new
        self._room = room
        return spans

    def _room_step(self) -> None:
        """While idle: the other blocks get their room, the reading place kept (a block above it grows or shrinks) and
        the lines in view justified after: a long document's those nearest the place first, in slices; a short one's
        all in one pass (each pass lays the whole text out first: in slices the shipped report took ~0.6 s)."""
        with self._host.keeping_place():
            if not self._long:
                self._give_room(self._pending.take_all())
                return
            for index in self._pending.nearest():
                self._give_room([index])

    def take_room_near(self, index: int) -> None:
        """The blocks near block ``index`` their room now if they still wait for it (a jump far into a long document:
        its lines are measured next)."""
        if self._pending:
            todo = self._pending.take(set(self._host.blocks_around(index, _ROOM_NOW_CHARS)))
            if todo:
                self._give_room(todo)

    def finish_room(self) -> None:
        """Every block its room now (print, export-lines: they read every line)."""
        pending = self._pending.take_all()
        if pending:
            self._give_room(pending)

    def _give_room(self, indices: list[int]) -> None:
        """Give these blocks their room in the laid-out text (their justified runs put back first). The whole text is
        laid out first: an edit while Qt's lazy layout is under way made it skip blocks, which then had no lines at
        all, even once the document's size was asked for (as line_justification._laid_out_to_the_end says)."""
        spans = self._room_spans(indices, self._base)
        if not spans:
            return
        doc = self._host.document()
        doc.documentLayout().documentSize()
        self.justifier.forget(indices)
        set_letter_spacing(doc, spans)

    def _zhuyin_spacing(self) -> float:
        """The letter spacing (%) of a Han character in zhuyin: wide enough for a column and a space of the zhuyin
        font beside the character. Measured at the largest size, the same at every size: a change of size then
        respaces nothing."""
        body = self._host.body_font()
        body.setPointSizeF(_LARGEST_PT)
        font = self._host.body_font()
        font.setPointSizeF(_LARGEST_PT * ZHUYIN_RATIO)
        em = QFontMetricsF(body).horizontalAdvance("中")
        needed = em + zhuyin_column_width(font) + QFontMetricsF(font).horizontalAdvance(" ")
        return max(self._host.cjk_spacing_percent, round(100.0 * needed / em, 1))

    def _room_for(self, index: int, base: float) -> dict[int, float]:
        """Block ``index``'s characters that need more than ``base`` % for their reading (offset: spacing %), from the
        process-wide memo (ui/reading_room.py) or measured there."""
        host = self._host
        factor = host.block_factor(index)
        kind = (factor, self._blocks[index].kind.is_heading)  # a heading's em is bold (RubyLayer.em_width)
        fonts = self._room_fonts.get(kind)
        if fonts is None:
            body = host.body_font()
            body.setPointSizeF(body.pointSizeF() * factor)
            fonts = self._room_fonts[kind] = RoomFonts(body, host.pinyin_font(factor), host.em_width(index))
        # The widest possible readings while a block's own are computed.
        return ROOM_MEMO.room(host.shown_text(index), host.room_readings(index), fonts, base)

    # -- justified lines ---------------------------------------------------------------------------
    def justify(self, inputs: tuple, rules: EdgeRules, own: bool) -> None:
        """Justify the lines for ``inputs`` (the width, sizes, spacing and fonts in use): anew when they or the text
        changed, those in view now and the rest soon (LineJustifier). ``own``: the reader sets the spacing itself,
        else Qt justifies (print, the PDF, a screen reader)."""
        if not self._active:  # justified once shown or laid out (activate): a window is built in several steps
            return
        key = (*inputs, own, self._text_edits)
        if key != self._justified_key:
            self._justified_key = key
            self.justifier.relayout(rules, own)

    def unjustify_for(self, inputs: tuple, rules: EdgeRules, own: bool) -> None:
        """justify's edits that need no layout, made before a layout that other edits also need (one_layout)."""
        key = (*inputs, own, self._text_edits)
        if self._active and key != self._justified_key:
            self._justified_key = None  # justify then finds the key new and justifies
            self.justifier.unjustify(rules, own)

    # -- one layout for many edits -------------------------------------------------------------------
    def text_width(self) -> float:
        """The document's text width, also while its layout waits (one_layout)."""
        return self._held_width if self._held_width is not None else self._host.document().textWidth()

    @property
    def holding_layout(self) -> bool:
        """Inside one_layout: the text is not laid out, nothing may ask where a line is."""
        return self._held_width is not None

    @contextmanager
    def one_layout(self) -> Iterator[None]:
        """Make several edits (font, formats, marks, room, spacing put back) and lay the text out once, after the
        last: Qt lays a document out again after each edit, a whole pass each (a size change made five). A document
        without a page size is not laid out (QTextDocumentLayout.documentChanged returns at once); nothing may ask
        for the layout meanwhile."""
        doc = self._host.document()
        if self._held_width is not None:
            yield
            return
        size = doc.pageSize()
        self._held_width = doc.textWidth()
        doc.setPageSize(QSizeF(0, 0))
        try:
            yield
        finally:
            self._held_width = None
            doc.setPageSize(size)
