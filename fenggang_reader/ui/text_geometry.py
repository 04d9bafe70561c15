"""Where each line of the reader sits, pinyin included: the one place that knows the line geometry.

A line of the reader is taller than Qt's line: its ruby (pinyin, Jyutping) is painted above it, in the
extra height that proportional line spacing leaves below the line before. Paging, placement, the
reading place and the view.visible event all need "the whole line, characters and ruby", so they all
ask this module (typesetting changes to the line layout belong here too).
Coordinates are document coordinates (the viewport's top is at the vertical scroll value).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import cast

from PySide6.QtGui import QTextBlock, QTextDocument, QTextLine

from ..core.line_breaks import NO_MARKS, LayoutText


def cursor_x(line: QTextLine, position: int) -> float:
    """Where ``position`` (in the block) sits on the line, from the block's left edge. QTextLine.cursorToX returns
    the pair (x, position); PySide6's stubs type it as ``object``."""
    return cast(tuple[float, int], line.cursorToX(position))[0]


@dataclass(frozen=True, slots=True)
class LineBox:
    """One laid-out line: its block, its characters [start, end) and its vertical extent with the ruby."""

    index: int  # block index
    line: int  # line number within the block
    start: int  # offset of the first character in the block
    end: int  # offset after the last character
    top: float  # top of the ruby above the line
    text_top: float  # top of Qt's line (the characters)
    bottom: float  # bottom of the characters

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def key(self) -> tuple[int, int]:
        """Reading order: compare lines by (block, line)."""
        return (self.index, self.line)


class TextGeometry:
    """Line boxes of a QTextDocument whose lines carry ruby; ``ruby_above(index)`` says how far above the
    line top the ruby of block ``index`` reaches (it depends on the block's size). Offsets are the report's:
    ``layout_of(index)`` maps them to the document's, which also holds line-breaking marks."""

    def __init__(self, document: Callable[[], QTextDocument], ruby_above: Callable[[int], float],
                 layout_of: Callable[[int], LayoutText] = lambda index: NO_MARKS,
                 bounds: Callable[[], tuple[int, int]] | None = None):
        self._document = document
        # The blocks shown, first and last (ui/block_window.py: a long document shows a stretch; the rest has no lines).
        self._bounds = bounds or (lambda: (0, document().blockCount() - 1))
        self._ruby_above = ruby_above
        self._layout_of = layout_of
        self._ruby_cache: dict[int, float] = {}

    def invalidate(self) -> None:
        """Forget cached sizes (after a font, spacing or script change)."""
        self._ruby_cache.clear()

    def _above(self, index: int) -> float:
        above = self._ruby_cache.get(index)
        if above is None:
            above = self._ruby_cache[index] = self._ruby_above(index)
        return above

    # -- single lines --------------------------------------------------------------------------
    def block_count(self) -> int:
        return self._document().blockCount()

    def _laid_out(self, index: int) -> QTextBlock:
        """Block ``index`` with its lines: Qt lays a long text out lazily, up to the block whose box is asked for."""
        doc = self._document()
        block = doc.findBlockByNumber(index)
        doc.documentLayout().blockBoundingRect(block)
        return block

    def line_count(self, index: int) -> int:
        return max(1, self._laid_out(index).layout().lineCount())

    def line(self, index: int, line_no: int) -> LineBox:
        doc = self._document()
        block = doc.findBlockByNumber(index)
        origin = doc.documentLayout().blockBoundingRect(block).top()
        layout = block.layout()
        if layout.lineCount() == 0:  # not laid out (an empty block): the block's own box
            return LineBox(index, 0, 0, 0, origin - self._above(index), origin, origin + 1)
        text_line = layout.lineAt(max(0, min(line_no, layout.lineCount() - 1)))
        top = origin + text_line.y()
        marks = self._layout_of(index)
        return LineBox(index, text_line.lineNumber(), marks.to_report(text_line.textStart()),
                       marks.to_report(text_line.textStart() + text_line.textLength()), top - self._above(index), top,
                       top + text_line.ascent() + text_line.descent())

    def line_at(self, index: int, offset: int) -> LineBox:
        """The line holding character ``offset`` of block ``index`` (clamped to the block)."""
        layout = self._laid_out(index).layout()
        position = self._layout_of(index).to_layout(max(0, offset))
        text_line = layout.lineForTextPosition(position) if layout.lineCount() else None
        if text_line is None or not text_line.isValid():  # past the end: the last line
            return self.line(index, layout.lineCount() - 1)
        return self.line(index, text_line.lineNumber())

    def next_line(self, box: LineBox) -> LineBox | None:
        if box.line + 1 < self.line_count(box.index):
            return self.line(box.index, box.line + 1)
        if box.index + 1 <= self._bounds()[1]:
            return self.line(box.index + 1, 0)
        return None

    def previous_line(self, box: LineBox) -> LineBox | None:
        if box.line > 0:
            return self.line(box.index, box.line - 1)
        if box.index > self._bounds()[0]:
            return self.line(box.index - 1, self.line_count(box.index - 1) - 1)
        return None

    def last_line(self, index: int) -> LineBox:
        return self.line(index, self.line_count(index) - 1)

    # -- ranges --------------------------------------------------------------------------------
    def block_at(self, y: float) -> int:
        """The block whose box holds document y (the one before, in the gap between two blocks). Qt lays a long
        document out lazily and asking for a block's box lays the text out up to it, so the search gallops from the
        start, never asking for a block much further in than the answer (a quarter more)."""
        doc = self._document()
        tops = _BlockTops(doc, doc.documentLayout())
        first, last = self._bounds()  # the blocks before and after the shown stretch have no height
        count = last + 1
        low, high = first, first + 1
        while high < count and tops[high] <= y:
            low, high = high, high + (high - first) // 4 + 1
        return max(first, min(last, bisect_right(tops, y, low, min(high, count)) - 1))

    def first_line_from(self, y: float) -> LineBox | None:
        """The first line whose box ends below document y (lines cut by y included)."""
        index = self.block_at(y)
        box: LineBox | None = self._first_line_in_block_from(index, y)
        last = self._bounds()[1]
        while box is None and index + 1 <= last:
            index += 1
            box = self._first_line_in_block_from(index, y)
        return box

    def _first_line_in_block_from(self, index: int, y: float) -> LineBox | None:
        low, high = 0, self.line_count(index) - 1
        if self.line(index, high).bottom <= y:
            return None
        while low < high:  # binary search: tall blocks at 96 pt have hundreds of lines
            middle = (low + high) // 2
            if self.line(index, middle).bottom <= y:
                low = middle + 1
            else:
                high = middle
        return self.line(index, low)

    def line_hit(self, y: float) -> LineBox | None:
        """The line whose box (characters or ruby) holds document y; None between lines."""
        box = self.first_line_from(y)
        return box if box is not None and box.top <= y else None

    def lines_between(self, top: float, bottom: float) -> Iterator[LineBox]:
        """Every line that overlaps [top, bottom], in reading order."""
        box = self.first_line_from(top)
        while box is not None and box.top < bottom:
            yield box
            box = self.next_line(box)

    def fully_inside(self, top: float, bottom: float) -> list[LineBox]:
        """The lines whose whole box (characters and ruby) lies within [top, bottom]."""
        return [box for box in self.lines_between(top, bottom) if box.top >= top - 0.01 and box.bottom <= bottom + 0.01]

    def blocks_meeting(self, top: float, bottom: float, band: float) -> list[int]:
        """The blocks whose box, ``band`` pixels of ruby above it included, meets [top, bottom] (document y)."""
        doc = self._document()
        layout = doc.documentLayout()
        out = []
        block = doc.findBlockByNumber(self.block_at(top))
        last = self._bounds()[1]
        while block.isValid() and block.blockNumber() <= last:
            rect = layout.blockBoundingRect(block).adjusted(0, -band, 0, 0)
            if rect.top() > bottom:
                break
            if rect.bottom() >= top:
                out.append(block.blockNumber())
            block = block.next()
        return out

    def line_numbers_between(self, top: float, bottom: float, band: float) -> dict[int, range]:
        """The lines that meet [top, bottom] (document y) in the blocks that do (blocks_meeting): block index -> the
        numbers of its lines there."""
        doc = self._document()
        layout = doc.documentLayout()
        out = {}
        for index in self.blocks_meeting(top, bottom, band):
            block = doc.findBlockByNumber(index)
            y = layout.blockBoundingRect(block).top()
            lines = block.layout()
            count = lines.lineCount()
            first = bisect_left(range(count), top, key=lambda n: y + lines.lineAt(n).rect().bottom())
            last = bisect_right(range(count), bottom, key=lambda n: y + lines.lineAt(n).y())
            if first < last:
                out[index] = range(first, last)
        return out


class _BlockTops:
    """Block tops as a lazy sequence for bisect (no list to keep in step with the layout)."""

    def __init__(self, doc: QTextDocument, layout) -> None:
        self._doc, self._layout = doc, layout

    def __len__(self) -> int:
        return self._doc.blockCount()

    def __getitem__(self, index: int) -> float:
        return self._layout.blockBoundingRect(self._doc.findBlockByNumber(index)).top()
