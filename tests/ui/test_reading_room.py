"""The readings' room measured once a process (ui/reading_room.py): a second view finds it measured, and the memo
tells apart everything the room depends on."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF

from fenggang_reader.ui.line_export import laid_out_view
from fenggang_reader.ui.reading_room import ROOM_MEMO, RoomFonts, RoomMemo
from tests.support.shipped import shipped


def test_a_second_view_finds_the_room_measured_and_the_same(qapp):
    first = laid_out_view(*shipped(), size=22, width=900)
    measured = ROOM_MEMO.measured
    second = laid_out_view(*shipped(), size=22, width=900)
    blocks = range(len(second.report.blocks))
    assert ROOM_MEMO.measured == measured, "every block's room was in the memo"
    rooms = [second.typesetting.room_of(i) for i in blocks]
    assert any(rooms) and rooms == [first.typesetting.room_of(i) for i in blocks]


def _fonts(points: float, bold: bool = False) -> RoomFonts:
    body = QFont()
    body.setFamilies(["Noto Sans CJK SC", "sans-serif"])
    body.setPointSizeF(points)
    if bold:
        body.setWeight(QFont.Weight.Bold)
    ruby = QFont(body)
    ruby.setPointSizeF(points * 0.4)
    return RoomFonts(body, ruby, QFontMetricsF(body).horizontalAdvance("中"))


def test_the_memo_measures_anew_whatever_the_room_depends_on(qapp):
    memo = RoomMemo()
    text, readings = "创新创业", ["chuàng", "xīn", "chuàng", "yè"]
    fonts = _fonts(36)
    room = memo.room(text, readings, fonts, 110.0)
    assert room and memo.measured == 1
    assert memo.room(text, list(readings), _fonts(36), 110.0) == room and memo.measured == 1
    short = memo.room(text, ["a", "b", "c", "d"], fonts, 110.0)  # other readings
    assert memo.measured == 2 and short != room
    memo.room(text, readings, fonts, 150.0)  # another base spacing
    assert memo.measured == 3
    memo.room(text, readings, _fonts(36.5), 110.0)  # another size
    assert memo.measured == 4
    memo.room(text, readings, _fonts(36, bold=True), 110.0)  # another font
    assert memo.measured == 5
    memo.room("创新创新", readings, fonts, 110.0)  # other characters
    assert memo.measured == 6
