"""One reading (pinyin, Jyutping or zhuyin) as drawn beside its character, and the room it needs.

Readings are never condensed: a reading wider than its character's cell widens that cell (extra letter
spacing on the character, ruby_room), so neighbouring readings keep at least a space of the ruby font between
them. Zhuyin is set as Taiwan readers learnt it: a vertical column to the right of the character, the light-tone
dot ˙ above the column and the tone mark ˊˇˋ beside the last symbol; its room is taken to the right of each
character (a wider advance), not above the line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPainterPath, QStaticText

PINYIN_RATIO = 0.46  # horizontal ruby (pinyin, Jyutping) size relative to the body text
ZHUYIN_RATIO = 0.5  # zhuyin: at least half the body size (issue 15)
TONE_MARKS = "ˊˇˋ"
LIGHT_TONE = "˙"
ZHUYIN_STEP = 1.06  # one symbol below the other (ink 0.86 em of the zhuyin font: a clear gap between)
_TONE_GAP = 0.04  # between the column's ink and the tone mark's, in ems of the zhuyin font
_DOT_GAP = 0.12  # between the light-tone dot and the first symbol
_EM_BOX_CENTRE = 0.38  # a Han glyph's ideographic em box is centred this many ems above the baseline


def split_zhuyin(syllable: str) -> tuple[bool, str, str]:
    """(light tone?, the symbols, the tone mark or "") of a zhuyin syllable as core.pinyin renders it (˙ first)."""
    light = syllable.startswith(LIGHT_TONE)
    body = syllable.lstrip(LIGHT_TONE)
    tone = body[-1] if body and body[-1] in TONE_MARKS else ""
    return light, body[:len(body) - len(tone)], tone


@dataclass(frozen=True, slots=True)
class _Part:
    static: QStaticText
    origin: QPointF  # where QStaticText's top-left goes, relative to the ruby's box


@dataclass(frozen=True, slots=True)
class RubyText:
    """A reading prepared for drawing: its box (what the reading covers) and the parts drawn in it."""

    width: float
    height: float
    font: QFont
    parts: tuple[_Part, ...]
    vertical: bool
    symbols_top: float = 0.0  # vertical: the first symbol's top in the box (below the light-tone dot)
    ink_bottom: float = 0.0  # vertical: where the last symbol's ink ends, below the box's top

    def paint(self, painter: QPainter, left: float, top: float) -> None:
        """Draw at the box's top-left (the painter's font already set to ``font``)."""
        for part in self.parts:
            painter.drawStaticText(QPointF(left + part.origin.x(), top + part.origin.y()), part.static)


def _static(text: str, font: QFont) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.prepare(font=font)
    return static


def horizontal_ruby(syllable: str, font: QFont) -> RubyText:
    """Pinyin or Jyutping at its natural width (never condensed); the box is its advance by the font's ascent."""
    fm = QFontMetricsF(font)
    return RubyText(fm.horizontalAdvance(syllable), fm.ascent(), font,
                    (_Part(_static(syllable, font), QPointF(0, 0)),), False)


_INK: dict[tuple[str, str], QRectF] = {}


def _ink_of(char: str, font: QFont) -> QRectF:
    """The outline's bounds of ``char`` (origin on the baseline): tightBoundingRect reports the tone marks as tall
    as a symbol, the outline does not."""
    key = (char, font.key())
    ink = _INK.get(key)
    if ink is None:
        path = QPainterPath()
        path.addText(QPointF(0, 0), font, char)
        ink = _INK[key] = path.boundingRect()
    return ink


def zhuyin_column_width(font: QFont) -> float:
    """The widest column (symbols and a tone mark beside them), from the column's left edge to the mark's ink."""
    fm = QFontMetricsF(font)
    em = fm.horizontalAdvance("ㄓ")
    widest_mark = max(_ink_of(mark, font).width() for mark in TONE_MARKS)
    return _symbols_right(font) + _TONE_GAP * em + widest_mark + 0.02 * em


def _symbols_right(font: QFont) -> float:
    """Where the symbols' ink ends in the column (their advance leaves a margin on the right)."""
    return max(_ink_of(symbol, font).right() for symbol in "ㄓㄤㄨ")


def vertical_zhuyin(syllable: str, font: QFont) -> RubyText:
    """Zhuyin as a column: each symbol below the one before, the tone mark to the right of the last symbol (its
    ink centred beside the last symbol's upper half), the light-tone dot centred above the column."""
    fm = QFontMetricsF(font)
    em = fm.horizontalAdvance("ㄓ")
    ascent = fm.ascent()
    light, symbols, tone = split_zhuyin(syllable)
    parts: list[_Part] = []
    y = 0.0
    if light:
        dot = _ink_of(LIGHT_TONE, font)
        column_centre = _ink_of("ㄓ", font).center().x()
        # The dot's ink top at the box's top, centred over the symbols' ink.
        parts.append(_Part(_static(LIGHT_TONE, font), QPointF(column_centre - dot.center().x(), -(ascent + dot.top()))))
        y = dot.height() + _DOT_GAP * em
    symbols_top = ink_bottom = y
    for symbol in symbols:
        # Each symbol's em box is the step: its top ZHUYIN_STEP ems below the previous one's.
        parts.append(_Part(_static(symbol, font), QPointF(0, y - (ascent - 0.88 * em))))
        ink_bottom = y + 0.88 * em + _ink_of(symbol, font).bottom()
        y += ZHUYIN_STEP * em
    if tone:
        mark = _ink_of(tone, font)
        last_top = y - ZHUYIN_STEP * em  # the last symbol's em box: the mark beside its upper part (ㄧ is a flat
        target_centre_y = last_top + 0.36 * em  # stroke in the middle, so the box, not the ink)
        x = _symbols_right(font) + _TONE_GAP * em - mark.left()
        origin_y = target_centre_y - mark.center().y() - ascent  # baseline at centre - ink centre; origin = baseline - ascent
        parts.append(_Part(_static(tone, font), QPointF(x, origin_y)))
    width = zhuyin_column_width(font) if tone else _symbols_right(font)
    return RubyText(width, y, font, tuple(parts), True, symbols_top, ink_bottom)


def zhuyin_top(baseline: float, body_em: float, descent: float, ruby: RubyText) -> float:
    """The top of a zhuyin column beside a character whose baseline is at ``baseline``: the symbols centred on the
    character's em box, the light-tone dot above them; a tall column is raised so that its ink ends within the line
    (``descent`` below the baseline), which paging keeps whole."""
    symbols = ruby.height - ruby.symbols_top
    centred = baseline - _EM_BOX_CENTRE * body_em - symbols / 2 - ruby.symbols_top
    return min(centred, baseline + descent - ruby.ink_bottom)


def ruby_room(widths: Sequence[float | None], between: Callable[[int, int], float], cell: float, gap: float) -> dict[int, float]:
    """The advance each character needs so that no two neighbouring readings touch, in the units of ``widths``.

    ``widths[i]`` is the width of character i's reading (None: no reading), each centred on its character, whose
    glyph is one unit wide (1.0) and normally advances ``cell``; ``between(i, j)`` is how far the characters
    between i and j advance. A reading wider than its glyph may begin a line, where it is moved right to start
    with the line, or end one, moved left: the room after it allows for that. Returns the advances that must be
    larger than ``cell`` (character offset: advance)."""
    wider: dict[int, float] = {}
    previous = None
    for j, width in enumerate(widths):
        if width is None:
            continue
        if previous is not None:
            i = previous
            w_i = widths[i]
            assert w_i is not None
            lead = max(0.0, (w_i - 1.0) / 2)  # i begins a line: moved right by its overhang
            trail = max(0.0, (width + 1.0) / 2 - cell)  # j ends a line: moved left by what passes its cell
            needed = (w_i + width) / 2 + gap + max(lead, trail)
            if needed > cell + 1e-6 and j > i + 1:  # characters between (a mark, digits) give room of their own
                needed -= between(i, j)
            if needed > cell + 1e-6:
                wider[i] = needed
        previous = j
    return wider
