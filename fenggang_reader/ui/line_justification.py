"""Justified lines (两端对齐) set by the reader itself, and half cells at a line's edges (clreq).

Qt's AlignJustify spreads a line's slack over every glyph of a Han script item, digits and Latin letters
included (2024 at 96 pt: 76.4 px a digit instead of 71.0), and knows no half cells at a line's start or end.
So the justified blocks are laid out left-aligned at their base spacing, and then, line by line, their wide
characters (Han, full-width punctuation) get extra letter spacing in the document's own formats, so positions
never move: the slack goes between Chinese characters, never inside a digit or Latin run, and the pinyin stays
centred on its character (the extra space comes after the glyph). An opening bracket or quote that starts a
line gives up the empty left half of its cell (the font's ``halt`` feature moves its ink left), and a mark
whose ink is on the left that ends a full line gives up its right half, so both edges are flush with ink.

Line breaks never change: a line keeps exactly the room it had (the extra space is the slack, a hair less),
so its characters still fit and nothing more does. Every adjusted run carries ``JUSTIFIED``, the spacing it
had; ``reset`` puts that back before the next layout (a new width, size, spacing or reading's room).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLayout,
    QTextLine,
)

from ..core.line_breaks import MARKS
from .reader_document import gives_up_half, is_wide, set_alignment
from .text_geometry import cursor_x

JUSTIFIED = QTextFormat.Property.UserProperty + 1  # on a run this module spaced: the spacing it had before
HALT = QFont.Tag("halt")  # OpenType "alternate half widths": the mark's ink moved into half a cell
LINE_START_HALVES = "（《「『“‘〔【〈"  # opening marks: ink in the right half of the cell
_LIGATURES = "—…"
_STEP_SECONDS = 0.012  # justifying while idle: at most this long between two looks at the event queue
IN_VIEW = 0.0  # blocks within this many window heights of the view are justified before they are painted
REACH = 1.5  # and within this many while idle; justified blocks farther away are put back to their base spacing
AHEAD = 2.0  # a block read through (lines of it justified, more in view): its lines this near too, in one layout


@dataclass(frozen=True, slots=True)
class EdgeRules:
    """Which marks give up half a cell at a line's edges: ``line_end`` those whose ink sits in the left half of the
    cell in the fonts now in use (as for the first of two marks in a row); ``line_start`` the opening ones."""

    line_end: str
    line_start: str = LINE_START_HALVES


def reset(doc: QTextDocument, blocks: Sequence[int]) -> None:
    """Put back the spacing every run ``justify`` spaced in ``blocks`` had before (the value of its JUSTIFIED)."""
    spaced = [(index, _spaced_runs(doc.findBlockByNumber(index))) for index in sorted(blocks)]
    spaced = [(index, runs) for index, runs in spaced if runs]
    if not spaced:
        return
    _laid_out_to_the_end(doc)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    for index, runs in spaced:
        block = doc.findBlockByNumber(index)
        for start, length, fmt in runs:
            fmt.setFontLetterSpacing(float(fmt.property(JUSTIFIED)))
            fmt.clearProperty(JUSTIFIED)
            features = dict(fmt.fontFeatures())
            if features.pop(HALT, None) is not None:
                fmt.setFontFeatures(features)
            cursor.setPosition(block.position() + start)
            cursor.setPosition(block.position() + start + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(fmt)
    cursor.endEditBlock()


def _spaced_runs(block: QTextBlock) -> list[tuple[int, int, QTextCharFormat]]:
    """(start in the block, length, format) of each run carrying JUSTIFIED."""
    out = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.isValid() and fragment.charFormat().hasProperty(JUSTIFIED):
            out.append((fragment.position() - block.position(), fragment.length(), fragment.charFormat()))
        it += 1
    return out


def _laid_out_to_the_end(doc: QTextDocument) -> None:
    """The whole text laid out before an edit, unless its layout is held (Typesetting.one_layout: the text is laid
    out once the hold ends; asking meanwhile would lay it out at no width). An edit while Qt's lazy layout was under
    way left blocks without lines, even once the document's size was asked for. On a laid-out text the edit block's
    end lays out again the blocks from its first edit to its last, once (the edits go in the text's order): a second
    pass over them (markContentsDirty) was half of justifying a line at 96 pt, where a paragraph has ~250 lines."""
    if not doc.pageSize().isNull():
        doc.documentLayout().documentSize()


def justify(doc: QTextDocument, blocks: Sequence[int], rules: EdgeRules,
            lines: Mapping[int, Collection[int]] | None = None,
            hold: Callable[[], AbstractContextManager[None]] | None = None) -> list[int]:
    """Space the laid-out, left-aligned ``blocks`` (at their base spacing): every line but a block's last reaches
    the right edge; half cells at the edges. Only the line numbers ``lines`` gives a block, when it gives any: a
    line's spacing depends on that line alone, so the others may follow later. Every line is planned before any
    edit, and the edits made inside ``hold`` when given (the text laid out anew after them, from its start). The
    blocks whose line breaks moved, which only a font without the ``halt`` feature can cause (a bracket it left
    whole made its line too long): reset those."""
    halted: dict[int, list[int]] = {}  # block → its line starts, for the blocks where halt was asked for
    planned = []
    for index in sorted(blocks):  # edits in the text's order (_laid_out_to_the_end)
        block = doc.findBlockByNumber(index)
        layout = block.layout()
        text = block.text()
        wanted = lines.get(index) if lines is not None else None
        numbers = range(layout.lineCount()) if wanted is None else sorted(wanted)
        spacings = _spacings(block, [layout.lineAt(number) for number in numbers])
        plans = [_plan(layout, number, text, spacings, rules, number == layout.lineCount() - 1)
                 for number in numbers]
        if any(change.halt for plan in plans for change in plan):
            halted[index] = _line_starts(block)
        if any(plans):
            planned.append((index, block.position(), text, plans))
    with hold() if hold is not None else nullcontext():  # all planned before any edit: an edit clears the layouts
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for _index, position, text, plans in planned:
            for plan in plans:
                if plan:
                    _apply(cursor, position, text, plan)
        cursor.endEditBlock()
    if not halted:
        return []
    doc.documentLayout().blockBoundingRect(doc.findBlockByNumber(max(halted)))  # their lines, laid out anew
    return [index for index, starts in halted.items() if _line_starts(doc.findBlockByNumber(index)) != starts]


def _line_starts(block: QTextBlock) -> list[int]:
    layout = block.layout()
    return [layout.lineAt(n).textStart() for n in range(layout.lineCount())]


@dataclass(frozen=True, slots=True)
class _Change:
    offset: int  # in the block
    spacing: float  # letter spacing, percent of the glyph's own advance
    halt: bool
    base: float  # the spacing it had


def _spacings(block: QTextBlock, lines: Sequence[QTextLine]) -> dict[int, float]:
    """The letter spacing (percent) of each character of ``lines`` (offset in the block: spacing), asked of a cursor
    character by character: walking the block's runs from its start cost ~3 ms a call at 96 pt (a paragraph of
    1,000 characters has ~800 runs: marks, terms, readings' room, justified runs), the few lines in view ~0.1 ms."""
    cursor = QTextCursor(block)
    position = block.position()
    out: dict[int, float] = {}
    for line in lines:
        for offset in range(line.textStart(), line.textStart() + line.textLength()):
            cursor.setPosition(position + offset + 1)  # the format of the character before the cursor
            fmt = cursor.charFormat()
            spacing = fmt.fontLetterSpacing() if fmt.hasProperty(QTextFormat.Property.FontLetterSpacing) else 100.0
            out[offset] = spacing or 100.0
    return out


def _plan(layout: QTextLayout, number: int, text: str, spacings: Mapping[int, float],
          rules: EdgeRules, last: bool) -> list[_Change]:
    """The spacing changes of one line: half cells at its edges, its slack between its wide characters.

    In Qt's own units (1/64 px) and arithmetic, so the line ends a few units short of the edge, never past it."""
    line = layout.lineAt(number)
    start, end = line.textStart(), line.textStart() + line.textLength()
    while end > start and (text[end - 1].isspace() or text[end - 1] in MARKS):
        end -= 1
    first = start
    while first < end and text[first] in MARKS:
        first += 1
    if end <= first:
        return []
    advance = _advances(line, text, first, end)
    halves = set()  # the characters that give up half their cell
    if text[first] in rules.line_start and first in advance:
        halves.add(first)
    if not last and text[end - 1] in rules.line_end and end - 1 in advance and end - 1 != first \
            and not gives_up_half(text, end - 1, rules.line_end):  # ，“: its half is gone already
        halves.add(end - 1)
    points = [i for i in range(first, end - 1) if i in advance and _spreads(text, i)] if not last else []
    if not points and not last:
        halves.discard(end - 1)  # nothing to give the room to: a half cell at the end would leave it ragged
    changed = sorted(set(points) | halves)
    if not changed:
        return []
    found = {i: _natural(a, _fixed(spacings[i])) for i, a in advance.items() if is_wide(text[i]) or i in changed}
    # A spacing Qt rounds otherwise than _spaced (a long reading's 141.7 %) has no exact natural advance: a full-width
    # character then takes that of the others on the line (all one em), and more room is kept for it.
    ems = [n for i, n in found.items() if n is not None and is_wide(text[i])]
    em = max(set(ems), key=ems.count) if ems else None
    found = {i: found[i] for i in changed}
    natural = {i: n if n is not None else em if em is not None and is_wide(text[i])
               else advance[i] * 6400 // _fixed(spacings[i]) for i, n in found.items()}
    unsure = sum(1 for n in found.values() if n is None)
    # A half cell: the glyph's advance halves (halt, at the line's start) or its spacing loses 50 % (at its end).
    glyph = {i: natural[i] // 2 if i == first and i in halves else natural[i] for i in changed}
    base = {i: _fixed(spacings[i]) - (3200 if i in halves and i != first else 0) for i in changed}
    if first in halves:  # the same cell less half an em, from spacing on half the glyph: 2 × (spacing − 50 %)
        base[first] = 2 * _fixed(spacings[first]) - 6400
    cells = {i: _spaced(glyph[i], base[i]) for i in changed}
    if points:
        right = round(cursor_x(line, end) * 64)
        room = round((line.x() + line.width()) * 64) - right + sum(advance[i] for i in changed) - sum(cells.values())
        # Room kept (1/64 px) per character: Qt's rounding of a spacing like 141.7 % (a long reading's room) is a
        # unit off the emulation now and then, more the more a character widens (创 at 96 pt: 5 units at 430 %),
        # and a line one unit too long loses its last word.
        share = max(0, room) // len(points)
        widening = sum(max(0, round((advance[i] + share) / max(1, advance[i])) - 1) for i in points)
        room -= len(points) + 2 + 3 * unsure + 3 * widening
        share, rest = divmod(max(0, room), len(points))
        for n, i in enumerate(points):
            cells[i] += share + (1 if n < rest else 0)
    changes = []
    for i in changed:
        spacing = _spacing_for(glyph[i], cells[i], base[i])
        if spacing != _fixed(spacings[i]) or i == first and i in halves:
            changes.append(_Change(i, spacing / 64, i == first and i in halves, spacings[i]))
    return changes


def _spreads(text: str, i: int) -> bool:
    """Whether the space after ``text[i]`` may grow: after a wide character, or between a Latin or digit run and
    the wide character after it (2024｜年), never inside the run."""
    if is_wide(text[i]):
        return True
    following = next((c for c in text[i + 1:i + 4] if c not in MARKS), "")
    return bool(following) and is_wide(following)


@cache
def _fixed(value: float) -> int:
    """A value in Qt's QFixed units (1/64), as QFixed::fromReal rounds it."""
    return int(value * 64 + 0.5)


def _spaced(glyph: int, spacing: int) -> int:
    """The advance Qt gives a glyph of advance ``glyph`` (1/64 px) at letter spacing ``spacing`` (1/64 %)
    (QTextEngine::shapeText: advance += (spacing - 100) * advance / 100, in QFixed)."""
    product = ((spacing - 6400) * glyph + 32) >> 6
    return glyph + (abs(product) // 100) * (1 if product >= 0 else -1)


@cache
def _natural(advance: int, spacing: int) -> int | None:
    """The glyph's own advance (1/64 px), from its advance at ``spacing``; None if none gives exactly that."""
    guess = advance * 6400 // spacing if spacing else advance
    for candidate in sorted(range(guess - 3, guess + 4), key=lambda c: abs(c - guess)):
        if _spaced(candidate, spacing) == advance:
            return candidate
    return None


@cache
def _spacing_for(glyph: int, cell: int, spacing: int) -> int:
    """The largest letter spacing (1/64 %) that gives a glyph of advance ``glyph`` no more than ``cell``."""
    if glyph <= 0:
        return spacing
    spacing = 6400 + (cell - glyph) * 6400 // glyph
    while _spaced(glyph, spacing + 1) <= cell:
        spacing += 1
    while _spaced(glyph, spacing) > cell:
        spacing -= 1
    return spacing


def _advances(line: QTextLine, text: str, first: int, end: int) -> dict[int, int]:
    """The advance (1/64 px) of each character of the line from ``first`` to ``end`` but the marks (zero width) and the
    characters of —— and …… (one ligature in the CJK fonts: a format change inside it would split it).

    cursorToX, not glyphRuns: a run's string indexes are wrong after a line-breaking mark (all 270 on a line
    of y2024-p02 at 28 pt)."""
    xs = [round(cursor_x(line, i) * 64) for i in range(first, end + 1)]
    return {i: xs[i + 1 - first] - xs[i - first] for i in range(first, end)
            if text[i] not in MARKS and text[i] not in _LIGATURES}


def _apply(cursor: QTextCursor, base: int, text: str, plan: list[_Change]) -> None:
    """Set each change, neighbours with the same spacing in one edit (with the zero-width marks between them:
    each edit costs, and a line of words kept whole has a mark every few characters)."""
    i = 0
    while i < len(plan):
        change = plan[i]
        j = i + 1
        while j < len(plan) and not text[plan[j - 1].offset + 1:plan[j].offset].strip(MARKS) \
                and plan[j].spacing == change.spacing and plan[j].base == change.base \
                and not plan[j].halt and not change.halt:
            j += 1
        cursor.setPosition(base + change.offset)
        cursor.setPosition(base + plan[j - 1].offset + 1, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setFontLetterSpacingType(QFont.SpacingType.PercentageSpacing)
        fmt.setFontLetterSpacing(change.spacing)
        fmt.setProperty(JUSTIFIED, change.base)
        if change.halt:
            features = dict(cursor.charFormat().fontFeatures())
            features[HALT] = 1
            fmt.setFontFeatures(features)
        cursor.mergeCharFormat(fmt)
        i = j


class LineJustifier(QObject):
    """Keeps the lines a reader can reach soon justified, for the layout now in use.

    A pass over the whole report takes 100–200 ms, and putting every justified run back before a new layout (a size
    change, a resize step) as long, so only the lines near the view are justified: after a change the spacing goes
    back to its base (the line breaks then are the final ones), the lines in view are justified at once, the blocks a
    few screens above and below a few at a time while the event loop is idle, and blocks the view has left far
    behind are put back to their base spacing then, so the next change has little to undo. Justifying never moves
    a line break, so nothing moves on screen while that goes on; ``finish`` justifies every line (print,
    export-lines, tests)."""

    def __init__(self, parent: QObject, document: Callable[[], QTextDocument], blocks: Sequence[int],
                 near_view: Callable[[float], dict[int, range]],
                 hold: Callable[[], AbstractContextManager[None]] | None = None):
        super().__init__(parent)
        self._document = document
        self._hold = hold  # edits without a layout each, the text laid out once after (Typesetting.one_layout)
        self._blocks = list(blocks)
        self._justified = set(self._blocks)
        self._own = True  # the reader justifies (else Qt: unjustify)
        self._aligned: Qt.AlignmentFlag | None = None  # the justified blocks' alignment as set (None: as built)
        self._near_view = near_view  # block -> its lines within so many window heights above and below the view
        self._stale: dict[int, None] = {}  # blocks with lines still to justify, in order
        self._done: dict[int, set[int]] = {}  # of those, the lines already justified
        self._spaced: set[int] = set()  # blocks that may hold justified runs (the only ones reset looks through)
        self._whole = False  # every line justified on purpose (finish): none is put back while idle
        self._deferred = 0  # inside deferred(): the view is still moving, its lines are justified once it is still
        self._rules = EdgeRules("")
        self._idle_work = False  # the blocks beyond the view wait for the first paint (start_idle_work)
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def reset(self) -> None:
        """Every run back to its spacing before justifying: call before changing spacing or characters (a run
        keeps the spacing it had, so an edit between would be undone)."""
        self._put_back(sorted(self._spaced))
        self._whole = False
        self._stale = dict.fromkeys(self._blocks)

    def forget(self, indices: Sequence[int]) -> None:
        """These blocks' runs back to their spacing before justifying, to be justified anew: call before another edit
        of their spacing (Typesetting gives a long document's far blocks their room while idle)."""
        self._put_back(sorted(self._spaced.intersection(indices)))
        if self._own:
            self._stale.update(dict.fromkeys(index for index in indices if index in self._justified))

    def relayout(self, rules: EdgeRules, own: bool) -> None:
        """The layout changed (width, sizes, characters): base spacing everywhere, then justify anew (``own``) or
        leave it to Qt (while an assistive technology is active: spacing edits would reach it as changed text)."""
        self.unjustify(rules, own)
        self.justify_in_view()

    def built_aligned(self, alignment: Qt.AlignmentFlag) -> None:
        """The justified blocks were built with this alignment: the first unjustify need not set it (a look and an
        edit at every block, ~5-8 ms of a 300,000-character document's first paint)."""
        self._aligned = alignment

    def unjustify(self, rules: EdgeRules, own: bool) -> None:
        """relayout's first half, which needs no layout (ReaderView makes it with its other edits, then lays out once):
        base spacing everywhere, the alignment for ``own``, every line to justify anew."""
        doc = self._document()
        self._put_back(sorted(self._spaced))
        self._whole = False
        alignment = Qt.AlignmentFlag.AlignLeft if own else Qt.AlignmentFlag.AlignJustify
        if alignment != self._aligned:  # a look at every block (~5 ms for 300,000 characters), twice a size change
            set_alignment(doc, self._blocks, alignment)
            self._aligned = alignment
        self._rules = rules
        self._own = own
        self._stale = dict.fromkeys(self._blocks) if own else {}
        if not own:
            self._timer.stop()

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Justify the lines in view once, after what happens inside (a relayout that puts the reading place back:
        the view scrolls there only at the end, and the lines in view before are not those in view after)."""
        self._deferred += 1
        try:
            yield
        finally:
            self._deferred -= 1
        self.justify_in_view()

    def justify_in_view(self) -> None:
        """Justify the lines now in view that are not yet (call before they are painted), the rest while idle."""
        if self._deferred:
            return
        if self._stale:
            near = self._near_view(IN_VIEW)
            wanted = {index: set(lines) for index, lines in near.items() if index in self._stale}
            going_through = [index for index, lines in wanted.items()
                             if index in self._done and not lines <= self._done[index]]
            if going_through:  # its paragraph is laid out anew anyway: at 96 pt one edit for ~3 PgDowns, not one each
                ahead = self._near_view(AHEAD)
                for index in going_through:
                    wanted[index].update(ahead.get(index, ()))
            self._justify(wanted, reach=max(near, default=0) + 1)
        if self._idle_work and not self._whole and (self._stale or self._spaced):
            self._timer.start()

    def start_idle_work(self) -> None:
        """The first screen is painted: the blocks near it are justified while idle from now on. Before, the first
        slice ran ahead of the first paint and laid the whole text out for blocks not on screen (~25 ms CPU a window
        of the shipped report); the lines in view are justified before they are painted either way."""
        self._idle_work = True
        if not self._whole and (self._stale or self._spaced):
            self._timer.start()

    def finish(self) -> None:
        """Justify every line now (print, export-lines, tests)."""
        self._justify(dict.fromkeys(self._stale))
        self._whole = True
        self._timer.stop()

    def _step(self) -> None:
        """While idle: the blocks near the view still to justify, then the far ones put back, a few at a time."""
        started = time.perf_counter()
        while time.perf_counter() - started < _STEP_SECONDS:
            near = self._near_view(REACH) if self._stale or not self._whole else {}
            todo = [index for index in near if index in self._stale]
            if todo:
                self._justify(dict.fromkeys(todo[:4]))
                continue
            far = sorted(self._spaced - near.keys()) if not self._whole else []
            if not far:
                self._timer.stop()
                return
            self._put_back(far[:8])
            self._stale.update(dict.fromkeys(far[:8]))

    def _put_back(self, indices: list[int]) -> None:
        reset(self._document(), indices)
        self._spaced.difference_update(indices)
        for index in indices:
            self._done.pop(index, None)

    def _justify(self, wanted: Mapping[int, set[int] | None], reach: int | None = None) -> None:
        """Justify these lines of each block (None: all) that are not yet. An edit while Qt's lazy layout is under way
        leaves blocks without lines (_laid_out_to_the_end), so the text is laid out to its end first; or, with
        ``reach`` (the block after the view) in the first half of a text not yet laid out to its end, the edits are
        held and the text laid out anew up to ``reach``: twice the layout up to the view costs less than once to the
        end (the first screen of 300,000 characters: ~20 ms against ~150)."""
        if not wanted:  # nothing to edit (the first screen holds no paragraph): the layout need not reach the end
            return
        doc = self._document()
        layout = doc.documentLayout()
        hold = None
        if reach is not None and self._hold is not None and not doc.pageSize().isNull():
            reached = doc.findBlockByNumber(min(reach, doc.blockCount() - 1))
            last = doc.lastBlock()  # Qt lays the text out in order; a hidden last block: a stretch, laid out whole
            unfinished = last.isVisible() and not last.layout().lineCount()
            if unfinished and 2 * reached.position() < doc.characterCount():
                layout.blockBoundingRect(reached)  # the lines to justify
                hold = self._hold
        if hold is None:
            _laid_out_to_the_end(doc)
        lines = {}
        for index, numbers in wanted.items():
            done = self._done.get(index, set())
            count = doc.findBlockByNumber(index).layout().lineCount()
            todo = set(range(count) if numbers is None else numbers) - done
            if todo:
                lines[index] = todo
            elif count and len(done) >= count:
                self._finished(index)
        if not lines:
            return
        moved = justify(doc, list(lines), self._rules, lines, hold)
        if hold is not None and reach is not None:  # laid out anew from the start: up to the view, and its range
            layout.blockBoundingRect(doc.findBlockByNumber(min(reach, doc.blockCount() - 1)))
        if moved:  # the fonts have no half-width brackets: justify those blocks without them, every line
            _laid_out_to_the_end(doc)
            self._put_back(moved)
            _laid_out_to_the_end(doc)
            justify(doc, moved, EdgeRules(self._rules.line_end, line_start=""))
            lines.update({index: set(range(doc.findBlockByNumber(index).layout().lineCount())) for index in moved})
        self._spaced.update(lines)
        for index, numbers in lines.items():
            done = self._done.setdefault(index, set())
            done |= numbers
            if len(done) >= doc.findBlockByNumber(index).layout().lineCount():
                self._finished(index)

    def _finished(self, index: int) -> None:
        self._stale.pop(index, None)
        self._done.pop(index, None)
