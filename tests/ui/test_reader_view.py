"""The reader view: pinyin placement measured on rendered pixels, line breaking, reflow, sizes."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QImage

from fenggang_reader.core.line_breaks import strip_marks
from fenggang_reader.core.model import BlockKind
from fenggang_reader.ui.themes import Theme, theme

NO_LINE_START = "，。、；：？！）”"
NO_LINE_END = "（“"


def _ink_theme() -> Theme:
    base = theme("light")
    return Theme(**{**base.__dict__, "background": "#ffffff", "current_tint": "#ffffff", "text": "#000000",
                    "pinyin": "#000000", "focus_ring": "#ffffff"})


def _grab(view) -> QImage:
    view.viewport().repaint()
    return view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _ink_columns(diff_a: QImage, diff_b: QImage, x0: int, x1: int, y0: int, y1: int) -> list[int]:
    cols = []
    for x in range(max(0, x0), min(diff_a.width(), x1)):
        for y in range(max(0, y0), min(diff_a.height(), y1)):
            if diff_a.pixel(x, y) != diff_b.pixel(x, y):
                cols.append(x)
                break
    return cols


@pytest.mark.parametrize("points", [16, 72])
def test_pinyin_ink_centred_on_its_character_and_never_overlapping(view, points):
    """Render with and without pinyin; the difference is the pinyin's ink. Each syllable's ink must sit
    centred over its own character, and neighbouring syllables' ink must not touch."""
    view.set_theme(_ink_theme())
    view.set_font_size(points)
    view.set_current_block("y2024-p01")
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 1)
    index = view.report.index_of("y2024-p01")
    with_pinyin = _grab(view)
    view.set_pinyin_visible(False)
    without = _grab(view)
    view.set_pinyin_visible(True)
    dy = view.verticalScrollBar().value()
    cells = view.ruby_cells(index)
    column = view.document().documentLayout().blockBoundingRect(view.document().findBlockByNumber(index))
    checked = 0
    previous_ink_right: dict[int, int] = {}
    for cell in cells:
        offset, char_rect, pinyin_rect = cell.offset, cell.char, cell.ruby
        top = int(pinyin_rect.top()) - dy - 2
        bottom = int(pinyin_rect.bottom()) - dy + 3
        if top < 0 or bottom > with_pinyin.height():
            continue
        # The ruby's own box, a pixel of antialiasing either side: a neighbour's ink is outside it (never touching).
        left, right = int(pinyin_rect.left()) - 1, int(pinyin_rect.right()) + 1
        cols = _ink_columns(with_pinyin, without, left, right + 1, top, bottom)
        assert cols, f"no pinyin ink over character {offset}"
        ink_centre = (cols[0] + cols[-1]) / 2
        centre = char_rect.center().x()
        at_an_edge = pinyin_rect.left() <= column.left() + 0.01 or pinyin_rect.right() >= column.right() - 0.01
        if at_an_edge:  # moved in to begin or end with the line: inside the text column, over its character
            assert column.left() - 1 <= cols[0] and cols[-1] <= column.right() + 1, (offset, cols[0], cols[-1])
            assert cols[0] <= char_rect.right() and cols[-1] >= char_rect.left(), offset
        else:
            assert abs(ink_centre - centre) <= max(2.0, char_rect.width() * 0.08), (offset, ink_centre, centre)
        line_key = int(char_rect.top())
        if line_key in previous_ink_right:
            assert cols[0] > previous_ink_right[line_key] + 1, f"pinyin ink touches before character {offset}"
        previous_ink_right[line_key] = cols[-1]
        # The pinyin sits above its character, not on the line above's characters.
        assert pinyin_rect.bottom() <= char_rect.top() + char_rect.height() * 0.3
        checked += 1
    assert checked >= 20


def _lines(view, index):
    block = view.document().findBlockByNumber(index)
    layout = block.layout()
    text = block.text()
    return [strip_marks(text[layout.lineAt(i).textStart(): layout.lineAt(i).textStart() + layout.lineAt(i).textLength()])
            for i in range(layout.lineCount())]


@pytest.mark.parametrize("points", [16, 28, 48, 96])
def test_chinese_line_breaking_rules_and_unbroken_latin_runs(view, points):
    view.set_font_size(points)
    view.document().documentLayout().documentSize()
    for index, block in enumerate(view.report.blocks):
        lines = _lines(view, index)
        assert "".join(lines) == block.text
        for line in lines[1:]:
            assert line[0] not in NO_LINE_START, (block.id, line[:10])
        for line in lines[:-1]:
            assert line.rstrip()[-1] not in NO_LINE_END, (block.id, line[-10:])
        # Digit and Latin runs (411亿元's 411, 3.6%, R&D, 5G, “1310”) never break inside.
        starts = [sum(len(x) for x in lines[:i]) for i in range(len(lines))]
        for run in re.finditer(r"[0-9A-Za-z.%&+]{2,}", block.text):
            line_of = [max(i for i, s in enumerate(starts) if s <= pos) for pos in (run.start(), run.end() - 1)]
            assert line_of[0] == line_of[1], (points, block.id, run.group())


@pytest.mark.parametrize("width", [1280, 900, 600])
def test_reflows_without_horizontal_scrollbar_at_96pt(view, width):
    view.resize(width, 800)
    view.set_font_size(96)
    view.document().documentLayout().documentSize()
    assert view.horizontalScrollBar().maximum() == 0
    assert view.document().size().width() <= view.viewport().width() + 1


def test_a_new_view_shows_the_start_of_its_text_with_the_caret_there(view):
    """The text goes into the view's document after the view has it (nothing is laid out before it is shown): the
    caret, which Qt moves on past text put in before it, is set back to the start, or the view opened at the end."""
    assert view.textCursor().position() == 0
    assert view.verticalScrollBar().value() == 0


def test_font_size_range_and_ctrl_wheel(view, qtbot):
    view.set_font_size(200)
    assert view.font_size() == 96
    view.set_font_size(1)
    assert view.font_size() == 12
    view.set_font_size(28)
    from PySide6.QtGui import QWheelEvent

    pos = QPointF(200, 200)
    event = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    with qtbot.waitSignal(view.zoom_requested) as zoom:
        QGuiApplication.sendEvent(view.viewport(), event)
    assert zoom.args == [1] and view.font_size() == 28, "the window chooses the size (its stops, its messages)"


def test_reading_place_kept_at_its_height_across_font_changes(view):
    view.set_current_block("s3-p02")
    place, y = view.navigator.reading_place()
    for points in (40, 96, 12, 28):
        view.set_font_size(points)
        box = view.line_geometry.line_at(place.index, place.offset)
        assert view.current_block().id == "s3-p02"
        assert abs(box.top - view.verticalScrollBar().value() - y) <= 1, points
        assert view.navigator.visible_lines()[0] == box


def test_selection_copies_clean_chinese(view):
    index = view.report.index_of("intro-p01")
    block = view.document().findBlockByNumber(index)
    cursor = view.textCursor()
    cursor.setPosition(block.position())
    cursor.setPosition(block.position() + block.length() - 1, cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.copy()
    assert QGuiApplication.clipboard().text() == view.report.block("intro-p01").text


def test_click_on_pinyin_band_belongs_to_the_line_below(view, qtbot):
    view.set_font_size(48)
    index = view.report.index_of("y2024-p01")
    view.set_current_block("y2024-p01")
    dy = view.verticalScrollBar().value()
    rects = view.pinyin_rects(index)
    offset, char_rect, pinyin_rect = rects[len(rects) // 2]
    point = QPoint(int(pinyin_rect.center().x()), int(pinyin_rect.center().y()) - dy)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.text_place(view.textCursor().position()) in ((index, offset), (index, offset + 1))


def test_headings_carry_heading_levels(view):
    for index, block in enumerate(view.report.blocks):
        level = view.document().findBlockByNumber(index).blockFormat().headingLevel()
        assert level == block.kind.heading_level
    assert sum(1 for b in view.report.blocks if b.kind is BlockKind.HEADING) == 7
