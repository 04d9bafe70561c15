"""The room each reading of a block takes (ruby.ruby_room as letter spacing), measured once a process for each text,
readings, fonts and spacing.

Why a memo of its own, process-wide: measuring a block's readings is the costliest part of giving a view its room
(~60 ms for the shipped report's every block), and it depends on nothing but what is measured: the characters as
shown, their readings, the fonts at the block's size and the base spacing. So a second window, a print copy, a view
going back to a size it had, a test building its own window, all find the room already measured, whatever view
measured it first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import QFont, QFontMetricsF

from .reader_document import is_wide
from .ruby import ruby_room

_TEXTS = 20_000  # (text, readings) pairs kept; a 300,000-character document has ~1,400 blocks
_FONTS_A_TEXT = 24  # rooms kept for one text: every size stop of a zoom in and out


@dataclass(frozen=True)
class RoomFonts:
    """The fonts a block's room is measured with: ``body`` the characters' and ``ruby`` the readings' at the block's
    size, ``em`` one Han character's advance (bold in a heading). Made once a size and kind of block, not a block."""

    body: QFont
    ruby: QFont
    em: float
    key: tuple = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", (_font_key(self.body), _font_key(self.ruby), self.em))


class RoomMemo:
    """Rooms by text and readings, then by fonts and spacing; each reading's width by font."""

    def __init__(self) -> None:
        self._rooms: dict[tuple[str, tuple[str | None, ...]], dict[tuple, dict[int, float]]] = {}
        self._widths: dict[tuple[tuple, str], float] = {}  # (ruby font, reading) -> width in the ruby font's pixels
        self.measured = 0  # blocks measured (not found): what the tests count

    def room(self, shown: str, readings: Sequence[str | None], fonts: RoomFonts, base: float) -> dict[int, float]:
        """The characters of ``shown`` that need more than ``base`` % letter spacing for their ``readings`` (offset:
        spacing %) in ``fonts``. The dict is shared: read it, never change it."""
        text_key = (shown, tuple(readings))
        fonts_key = (fonts.key, base)
        rooms = self._rooms.get(text_key)
        if rooms is None:
            if len(self._rooms) >= _TEXTS:
                self._rooms.clear()
            rooms = self._rooms[text_key] = {}
        room = rooms.get(fonts_key)
        if room is None:
            if len(rooms) >= _FONTS_A_TEXT:
                rooms.clear()
            room = rooms[fonts_key] = self._measure(shown, text_key[1], fonts, base)
        return room

    def forget_rooms(self) -> None:
        """Forget every text's rooms (the readings' widths are kept): benchmarks/bench_scale.py opens a document as
        one not seen before."""
        self._rooms.clear()

    def _measure(self, shown: str, readings: tuple[str | None, ...], fonts: RoomFonts, base: float) -> dict[int, float]:
        self.measured += 1
        em = fonts.em
        ruby_metrics = QFontMetricsF(fonts.ruby)
        font_key = fonts.key[1]
        widths: list[float | None] = []
        for reading in readings:
            if reading is None:
                widths.append(None)
                continue
            width = self._widths.get((font_key, reading))
            if width is None:
                if len(self._widths) >= _TEXTS:
                    self._widths.clear()
                width = self._widths[(font_key, reading)] = ruby_metrics.horizontalAdvance(reading)
            widths.append(width / em)
        if not any(w is not None and w > 1.0 for w in widths):
            return {}
        fm = QFontMetricsF(fonts.body)
        compressed = (base - 50.0) / 100.0  # the least a full-width mark advances (punctuation compression)

        def between(i: int, j: int) -> float:
            return sum(compressed if is_wide(c) else fm.horizontalAdvance(c) / em for c in shown[i + 1:j])

        gap = ruby_metrics.horizontalAdvance(" ") / em
        return {offset: round(100.0 * advance, 1) + 0.1
                for offset, advance in ruby_room(widths, between, base / 100.0, gap).items()}


def _font_key(font: QFont) -> tuple:
    """What tells two fonts apart (QFont.key rounds the size to 1/1000 pt and names only the first family)."""
    return font.key(), font.pointSizeF(), tuple(font.families()), font.hintingPreference()


ROOM_MEMO = RoomMemo()  # one a process: the room depends only on what its key holds
