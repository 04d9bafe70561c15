"""How large each kind of block is drawn and the room around it: the reader document's block and character formats
for the size, line height and spacing in use.

Why an object of its own: the sizes of headings (and print's cap on the title) and the margins of each kind of block
are one table read in three places (the formats, the ruby's size, the line-breaking marks' widths), and setting the
formats of a long document fast is a matter of merging them over runs of blocks. ReaderView composes one
(view.block_formats) and gives it the size and spacing in use.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from PySide6.QtGui import QFont, QFontMetricsF, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from ..core.model import Block, BlockKind
from ..core.settings import FONT_SIZE

_LARGEST_PT = float(FONT_SIZE.maximum or 0)

# Heading sizes relative to the body (QTextFormat.FontSizeAdjustment steps are too coarse).
SIZE_FACTOR = {
    BlockKind.TITLE: 1.6,
    BlockKind.PART: 1.3,
    BlockKind.NOTES_HEADING: 1.3,
    BlockKind.HEADING: 1.12,
}


class BlockFormats:
    """Each block's size factor, and its formats set for a size (apply)."""

    def __init__(self, blocks: Sequence[Block]):
        self._blocks = blocks
        self.caps: dict[BlockKind, float] = {}  # see ReaderView.cap_kind_factor
        # The runs of blocks that are not paragraphs or notes (their own margins), and the blocks drawn larger.
        self._kind_runs: list[tuple[int, int, BlockKind]] = []
        for index, block in enumerate(blocks):
            if block.kind in (BlockKind.PARAGRAPH, BlockKind.NOTE):
                continue
            if self._kind_runs and self._kind_runs[-1][1] == index - 1 and self._kind_runs[-1][2] is block.kind:
                self._kind_runs[-1] = (self._kind_runs[-1][0], index, block.kind)
            else:
                self._kind_runs.append((index, index, block.kind))
        self._run_lasts = [last for _first, last, _kind in self._kind_runs]  # in order: the runs do not overlap
        self._sized_blocks = [i for i, block in enumerate(blocks) if block.kind in SIZE_FACTOR]
        self._applied: tuple[QFont, float, float, float, float] | None = None  # apply's sizes, for apply_to

    def apply_to(self, doc: QTextDocument, blocks: list[int]) -> None:
        """Give ``blocks`` the formats of the last ``apply`` (a long document's blocks as they are shown: apply set
        only the stretch laid out, ui/block_window.py)."""
        if self._applied is None or not blocks:
            return
        ordered = sorted(blocks)
        start = previous = ordered[0]
        for index in ordered[1:]:
            if index != previous + 1:  # the end of a run of neighbours: one merge a run
                self._set_with_neighbours(doc, self._applied, start, previous)
                start = index
            previous = index
        self._set_with_neighbours(doc, self._applied, start, previous)

    def factor(self, index: int, font_pt: float) -> float:
        """How much larger than the body block ``index`` is drawn at ``font_pt``."""
        block = self._blocks[index]
        if block.heading_level > BlockKind.HEADING.heading_level:  # （一） under 一、: bold at the body's size
            return 1.0
        return self.kind_factor(block.kind, font_pt)

    def kind_factor(self, kind: BlockKind, font_pt: float) -> float:
        """How much larger than the body a block of ``kind`` is drawn. Headings never pass the largest body size:
        at 96 pt a 154 pt title line with its pinyin is taller than the text area of an 800×600 window, and a
        line that never fits whole cannot be read screen by screen."""
        factor = max(1.0, min(SIZE_FACTOR.get(kind, 1.0), _LARGEST_PT / font_pt))
        return min(factor, self.caps.get(kind, factor))

    def apply(self, doc: QTextDocument, body: QFont, line_height: float, band: float, gap: float,
              font_pt: float, shown: tuple[int, int] | None = None) -> None:
        """Set the document's margins and every block's line height, margins and size for ``body`` at ``font_pt``,
        a ruby band of ``band`` pixels above the body's lines and ``gap`` lines after a paragraph. Only the blocks
        ``shown`` (first, last) when given: a hidden block takes no layout, and gets its formats as it is shown
        (apply_to; the whole of a 300,000-character document took ~13 ms a size change)."""
        self._applied = (QFont(body), line_height, band, gap, font_pt)
        px = QFontMetricsF(body).height()
        doc.setDocumentMargin(0)
        frame = doc.rootFrame().frameFormat()
        side = min(px * 0.6, 40.0)
        frame.setLeftMargin(side)
        frame.setRightMargin(side)
        frame.setTopMargin(band * self.kind_factor(BlockKind.TITLE, font_pt) + px * 0.3)
        frame.setBottomMargin(px)
        doc.rootFrame().setFrameFormat(frame)
        first, last = shown if shown is not None else (0, len(self._blocks) - 1)
        self._set_with_neighbours(doc, self._applied, first, last)

    def _set_with_neighbours(self, doc: QTextDocument, applied: tuple[QFont, float, float, float, float], first: int,
                             last: int) -> None:
        """Blocks ``first``..``last`` and the block on either side: Qt collapses a shown block's margin with its hidden
        neighbour's (a first block shown 8.8 px too low at 36 pt, its neighbour's margin still that of 40 pt)."""
        self._set(doc, *applied, max(0, first - 1), min(len(self._blocks) - 1, last + 1))

    def _set(self, doc: QTextDocument, body: QFont, line_height: float, band: float, gap: float, font_pt: float,
             first_block: int, last_block: int) -> None:
        """The formats of blocks ``first_block``..``last_block`` (see apply)."""
        px = QFontMetricsF(body).height()
        # One merge gives every block the paragraphs' spacing, then the few other kinds theirs: a format a block was a
        # Python loop over the whole document at every size (25–50 ms for 300,000 characters).
        formats: dict[tuple[float, float], QTextBlockFormat] = {}
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        keep = QTextCursor.MoveMode.KeepAnchor
        runs = self._block_format_runs(px * gap, px * gap * 0.64, px * 0.5, first_block, last_block)
        for first, last, (bottom, top) in runs:
            first, last = max(first, first_block), min(last, last_block)
            fmt = formats.get((bottom, top))
            if fmt is None:
                fmt = formats[(bottom, top)] = QTextBlockFormat()
                fmt.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
                fmt.setBottomMargin(bottom)
                fmt.setTopMargin(top)
            cursor.setPosition(doc.findBlockByNumber(first).position())
            end = doc.findBlockByNumber(last)
            cursor.setPosition(end.position() + end.length() - 1, keep)
            cursor.mergeBlockFormat(fmt)
        for index in self._sized_blocks[bisect_left(self._sized_blocks, first_block):
                                         bisect_right(self._sized_blocks, last_block)]:
            block = doc.findBlockByNumber(index)
            char_fmt = QTextCharFormat()
            char_fmt.setFontPointSize(font_pt * self.factor(index, font_pt))
            cursor.setPosition(block.position())
            cursor.setPosition(block.position() + block.length() - 1, keep)
            cursor.mergeCharFormat(char_fmt)
        cursor.endEditBlock()

    def _block_format_runs(self, paragraph_gap: float, other_gap: float, heading_top: float, first_block: int,
                           last_block: int) -> list[tuple[int, int, tuple[float, float]]]:
        """(first block, last block, (bottom margin, top margin)) for blocks ``first_block``..``last_block``: all of them
        at the paragraphs' margins first, then each run of blocks of other kinds there at theirs (only the runs there:
        a long document shows a stretch, and its runs are many)."""
        out = [(first_block, last_block, (paragraph_gap, 0.0))]
        start = bisect_left(self._run_lasts, first_block)  # the first run ending at or after first_block
        for first, last, kind in self._kind_runs[start:]:
            if first > last_block:
                break
            top = heading_top if kind in (BlockKind.PART, BlockKind.HEADING, BlockKind.NOTES_HEADING) else 0.0
            out.append((first, last, (other_gap, top)))
        return out
