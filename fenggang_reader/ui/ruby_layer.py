"""The ruby layer of the reader view: where each reading sits beside its character, and painting it.

Why an object of its own: the view keeps the characters in Qt's layout and draws the readings over it in a pass of
its own; every reading is placed in one place (glyphs), read by the painter, the cells (print, tests), the
hit-test and the line geometry, and that placement is a cache per block that edits, sizes and readings clear.
ReaderView composes one (view.ruby_layer).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextDocument, QTextLayout
from PySide6.QtWidgets import QWidget

from ..core.line_breaks import MARKS, LayoutText
from ..core.model import Block
from .line_break_marks import LineBreakMarks
from .ruby import RubyText, horizontal_ruby, vertical_zhuyin, zhuyin_top
from .text_geometry import cursor_x
from .themes import Theme
from .typesetting import Typesetting

_RUBY_TEXTS_KEPT = 20_000  # readings prepared for drawing (a few hundred syllables a size, 18 sizes, 3 styles)


@dataclass(frozen=True, slots=True)
class RubyCell:
    """One annotated character and its ruby, in document coordinates (ReaderView.ruby_cells)."""

    offset: int  # in the block
    char: QRectF  # the character's glyph (its advance without the letter spacing)
    ruby: QRectF  # the ruby as drawn, never condensed: above the character, or (zhuyin) a column to its right
    cell: QRectF  # what belongs to the character: from its ruby's top to its foot, as wide as its spaced advance


@dataclass(frozen=True, slots=True)
class _RubyMetrics:
    """Where the ruby of one block sits relative to each line's top (it depends on the block's size factor)."""

    factor: float
    ascent: float
    baseline: float  # the ruby's baseline, below the line top (negative: above it)

    @property
    def top(self) -> float:
        return self.baseline - self.ascent


@dataclass(slots=True)  # one per annotated character in view: no __dict__ each
class Glyph:
    """One annotated character of a laid-out block, in block-relative coordinates."""

    offset: int
    x0: float
    x1: float  # right edge of the glyph itself (without the letter spacing)
    line_top: float
    line_height: float
    syllable: str
    advance: float  # the character's advance with its letter spacing (its cell's width)
    ruby: RubyText
    ruby_left: float  # the ruby's box, block-relative
    ruby_top: float


@dataclass(slots=True)
class _Placing:
    """What placing a block's lines needs (the same for each line), and its lines placed so far."""

    index: int
    readings: Sequence[str | None]
    marks: LayoutText
    shown: str
    em: float
    factor: float
    vertical: bool
    above: float
    lines: dict[int, list[Glyph]]


class RubyHost(Protocol):
    """What RubyLayer asks of its view (ReaderView)."""

    typesetting: Typesetting
    line_breaks: LineBreakMarks

    def document(self) -> QTextDocument: ...
    def viewport(self) -> QWidget: ...
    def body_font(self) -> QFont: ...
    def pinyin_font(self, factor: float = 1.0) -> QFont: ...
    def font_size(self) -> int: ...
    def vertical_ruby(self) -> bool: ...
    def block_factor(self, index: int) -> float: ...
    def block_readings(self, index: int) -> Sequence[str | None]: ...


class RubyLayer:
    """Each block's readings placed over its laid-out lines (glyphs), and drawn (paint)."""

    def __init__(self, host: RubyHost, blocks: Sequence[Block]):
        self._host = host
        self._blocks = blocks
        self._glyph_cache: dict[int, list[Glyph]] = {}
        self._placings: dict[int, _Placing] = {}  # the lines placed so far of blocks not placed whole
        self._glyph_width = -1.0  # the text width the glyphs were placed at
        # Readings prepared for drawing, by (reading, font, vertical): kept across sizes, so zooming back draws at once.
        self._ruby_texts: dict[tuple[str, str, bool], RubyText] = {}
        self._ruby_fonts: dict[float, tuple[QFont, str]] = {}  # the ruby's font at the sizes in use, with its key

    # -- what is placed anew ---------------------------------------------------------------------
    def forget(self) -> None:
        """Every block's glyphs placed anew, and the ruby's fonts made anew (a change of size, spacing or ruby)."""
        self._glyph_cache.clear()
        self._placings.clear()
        self._ruby_fonts.clear()

    def forget_fonts(self) -> None:
        """The ruby's fonts made anew (the sizes before are gone)."""
        self._ruby_fonts.clear()

    def forget_block(self, index: int) -> None:
        """Block ``index``'s glyphs placed anew (its readings arrived)."""
        self._glyph_cache.pop(index, None)
        self._placings.pop(index, None)

    def forget_edited(self, position: int, removed: int, added: int) -> None:
        """An edit (a justified line, a link, the characters) changed the blocks from ``position`` on: their glyphs are
        placed anew, and drawn anew if they were drawn. The others keep theirs: a glyph is placed relative to its
        block (changes of size, spacing or ruby call ReaderView.invalidate_layout_cache)."""
        doc = self._host.document()
        first = doc.findBlock(position).blockNumber()
        last = doc.findBlock(position + max(removed, added)).blockNumber()
        if first < 0 or last < 0:
            last = doc.blockCount() - 1
        dropped = [index for index in range(max(0, first), last + 1)
                   if (self._glyph_cache.pop(index, None), self._placings.pop(index, None)) != (None, None)]
        if dropped:
            self._host.viewport().update()

    # -- placing ---------------------------------------------------------------------------------
    def glyphs(self, index: int) -> list[Glyph]:
        """Where each annotated character of block `index` and its ruby sit (block-relative), computed once per
        layout: the one place that places a reading (ruby_cells, the painter and hit_test read it from here)."""
        glyphs = self._glyph_cache[index] = self.glyphs_between(index, -math.inf, math.inf)  # every line
        return glyphs

    def glyphs_between(self, index: int, top: float, bottom: float) -> list[Glyph]:
        """The glyphs of block ``index``'s lines near block-relative ``top``..``bottom`` (a line and its ruby's
        height either side), all of them once the block is placed whole: the painter places only the lines it draws
        (a paragraph of 40 lines placed whole when PgDown showed six of them, and again after each justified line
        edited it)."""
        self._check_width()
        cached = self._glyph_cache.get(index)
        if cached is not None:
            return cached
        placing, layout = self._placing(index)
        out: list[Glyph] = []
        for line_no in range(layout.lineCount()):
            line = layout.lineAt(line_no)
            reach = 2 * line.height()
            if line.y() - reach <= bottom and line.y() + line.height() + reach >= top:
                out.extend(self._line(placing, layout, line_no))
        return out

    def _check_width(self) -> None:
        width = self._host.document().textWidth()
        if width != self._glyph_width:  # a new width lays every block out anew, with no edit to say so
            self._glyph_cache.clear()
            self._placings.clear()
            self._glyph_width = width

    def _placing(self, index: int) -> tuple[_Placing, QTextLayout]:
        """What placing block ``index``'s lines needs, the lines placed so far (kept until the block is placed anew),
        and its layout: asked anew each time, never kept (a kept wrapper outlived its document, and PySide gave it
        to the next object made at that address: a QAction came back as a QTextLayout)."""
        host = self._host
        block = host.document().findBlockByNumber(index)
        placing = self._placings.get(index)
        if placing is not None:
            return placing, block.layout()
        host.document().documentLayout().blockBoundingRect(block)  # its lines (Qt lays a long text out lazily)
        vertical = host.vertical_ruby()
        placing = self._placings[index] = _Placing(
            index, host.block_readings(index), host.line_breaks.layout_of(index), block.text(),
            self.em_width(index), host.block_factor(index), vertical,
            self._ruby_metrics(index).top if not vertical else 0.0, {})
        return placing, block.layout()

    def _line(self, placing: _Placing, layout: QTextLayout, line_no: int) -> list[Glyph]:
        """The glyphs of one line of a block (see glyphs)."""
        glyphs = placing.lines.get(line_no)
        if glyphs is not None:
            return glyphs
        index, readings, marks, shown = placing.index, placing.readings, placing.marks, placing.shown
        em, factor, vertical, above = placing.em, placing.factor, placing.vertical, placing.above
        spacing = self._host.typesetting.spacing
        flags = (QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes
                 | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions)
        glyphs = placing.lines[line_no] = []
        line = layout.lineAt(line_no)
        start, length = line.textStart(), line.textLength()
        natural = line.ascent() + line.descent()
        baseline = line.y() + line.ascent()
        left_edge, right_edge = 0.0, line.x() + line.width()  # the text column: the focus ring is outside it
        # One call per line gives every glyph's x (cursorToX per character is ~30× slower).
        xs: dict[int, float] = {}
        for run in line.glyphRuns(start, length, flags):
            for string_index, pos in zip(run.stringIndexes(), run.positions(), strict=False):
                xs.setdefault(string_index, pos.x())
        for position in range(start, min(start + length, len(shown))):
            if shown[position] in MARKS:
                continue
            offset = marks.to_report(position)
            syllable = readings[offset] if offset < len(readings) else None
            if syllable is None:
                continue
            x0 = xs.get(position)
            if x0 is None:
                x0 = cursor_x(line, position)
            ruby = self._ruby_text(syllable, factor)
            if vertical:
                ruby_left, ruby_top = x0 + em, zhuyin_top(baseline, em, line.descent(), ruby)
            else:  # centred on the character; at a line's start or end, moved in to begin or end with the line
                ruby_left = max(left_edge, min(x0 + em / 2 - ruby.width / 2, right_edge - ruby.width))
                ruby_top = line.y() + above
            advance = em * spacing(index, offset) / 100.0
            glyphs.append(Glyph(offset, x0, x0 + em, line.y(), natural, syllable, advance, ruby, ruby_left, ruby_top))
        return glyphs

    def em_width(self, index: int) -> float:
        """Advance of one Han character in block `index` (without the extra letter spacing)."""
        font = self._host.body_font()
        font.setPointSizeF(font.pointSizeF() * self._host.block_factor(index))
        if self._blocks[index].kind.is_heading:
            font.setWeight(QFont.Weight.Bold)
        return QFontMetricsF(font).horizontalAdvance("中")

    # -- ruby geometry: the one place that says where a character's ruby is ------------------------
    def _ruby_metrics(self, index: int) -> _RubyMetrics:
        factor = self._host.block_factor(index)
        fm = QFontMetricsF(self._host.pinyin_font(factor))
        return _RubyMetrics(factor, fm.ascent(), self._glyph_top_inset(factor) - fm.descent() * 0.35)

    def ruby_cells(self, index: int) -> list[RubyCell]:
        """Every annotated character of block ``index`` with its ruby and its cell, in document coordinates.

        The painter, hit_test, printing and the tests all take the ruby's place from here (glyphs)."""
        doc = self._host.document()
        block = doc.findBlockByNumber(index)
        top_left = doc.documentLayout().blockBoundingRect(block).topLeft()
        x, y = top_left.x(), top_left.y()
        out = []
        for g in self.glyphs(index):
            ruby = QRectF(x + g.ruby_left, y + g.ruby_top, g.ruby.width, g.ruby.height)
            line_top = y + g.line_top
            top = min(ruby.top(), line_top)
            out.append(RubyCell(g.offset, QRectF(x + g.x0, line_top, g.x1 - g.x0, g.line_height), ruby,
                                QRectF(x + g.x0, top, g.advance, line_top + g.line_height - top)))
        return out

    def _glyph_top_inset(self, factor: float = 1.0) -> float:
        """Distance from the line top to the top of a Han glyph (fonts leave room above the ink)."""
        font = self._host.body_font()
        font.setPointSizeF(font.pointSizeF() * factor)
        fm = QFontMetricsF(font)
        return max(0.0, fm.ascent() - fm.capHeight() * 1.22)

    def _ruby_text(self, syllable: str, factor: float = 1.0) -> RubyText:
        """A reading prepared for drawing at the size of the characters of a block drawn ``factor`` times the body."""
        font_and_key = self._ruby_fonts.get(factor)
        if font_and_key is None:
            font = self._host.pinyin_font(factor)
            font_and_key = self._ruby_fonts[factor] = (font, font.key())
        font, font_key = font_and_key
        vertical = self._host.vertical_ruby()
        key = (syllable, font_key, vertical)
        hit = self._ruby_texts.get(key)
        if hit is None:
            if len(self._ruby_texts) > _RUBY_TEXTS_KEPT:
                self._ruby_texts.clear()
            hit = vertical_zhuyin(syllable, font) if vertical else horizontal_ruby(syllable, font)
            self._ruby_texts[key] = hit
        return hit

    def above(self, index: int) -> float:
        """How far the ruby of block ``index`` reaches above the top of its line (as paint draws it)."""
        if self._host.vertical_ruby():
            readings = {r for r in self._host.block_readings(index) if r is not None}
            return self.zhuyin_above(self._host.block_factor(index), readings)
        return max(0.0, -self._ruby_metrics(index).top)

    def zhuyin_above(self, factor: float, syllables: set[str] | None = None) -> float:
        """How far the tallest of these zhuyin columns (by default three symbols, or two under a light-tone dot)
        reaches above its line's top."""
        font = self._host.body_font()
        font.setPointSizeF(font.pointSizeF() * factor)
        fm = QFontMetricsF(font)
        em = fm.horizontalAdvance("中")
        tops = [zhuyin_top(fm.ascent(), em, fm.descent(), self._ruby_text(syllable, factor))
                for syllable in (syllables or {"ㄓㄨㄤ", "˙ㄇㄣ"})]
        return max(0.0, -min(tops, default=0.0))

    # -- painting ----------------------------------------------------------------------------------
    def paint(self, painter: QPainter, visible: list[int], exposed: QRectF, t: Theme,
              speech: tuple[int, int, int] | None, word: tuple[int, int, int] | None) -> None:
        """Draw the ruby of blocks ``visible`` that meets ``exposed`` (document coordinates), the voice's sentence
        and word highlighted."""
        doc = self._host.document()
        rule = max(2.0, self._host.font_size() / 12)  # the thickness of the rule under the characters being read
        current_colour = None
        current_font = None
        for index in visible:
            block = doc.findBlockByNumber(index)
            top_left = doc.documentLayout().blockBoundingRect(block).topLeft()
            x, y = top_left.x(), top_left.y()
            for g in self.glyphs_between(index, exposed.top() - y, exposed.bottom() - y):  # ruby_cells' geometry
                ruby_top, line_top = y + g.ruby_top, y + g.line_top
                if min(ruby_top, line_top) > exposed.bottom() or line_top + g.line_height < exposed.top():
                    continue
                colour = t.pinyin
                for span, bg, fg in ((speech, t.speech_bg, t.speech_text), (word, t.word_bg, t.word_text)):
                    if span and span[0] == index and span[1] <= g.offset < span[2]:
                        if g.ruby.vertical:  # the column is inside the character's cell, which Qt highlights
                            painter.fillRect(QRectF(x + g.ruby_left, ruby_top, g.ruby.width, g.ruby.height), QColor(bg))
                        else:
                            painter.fillRect(QRectF(x + g.x0, ruby_top - 1, g.advance, line_top - ruby_top + 1),
                                             QColor(bg))
                        colour = fg
                if speech and speech[0] == index and speech[1] <= g.offset < speech[2]:
                    # Not by colour alone: a thick rule under the characters being read.
                    rule_y = line_top + g.line_height + 1
                    painter.fillRect(QRectF(x + g.x0, rule_y, g.x1 - g.x0 + 0.5, rule), QColor(t.text))
                if colour != current_colour:
                    painter.setPen(QColor(colour))
                    current_colour = colour
                if g.ruby.font is not current_font:
                    painter.setFont(g.ruby.font)
                    current_font = g.ruby.font
                g.ruby.paint(painter, x + g.ruby_left, ruby_top)
