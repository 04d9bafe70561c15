"""Ruby that never squeezes (issue 15 item 4) and zhuyin as Taiwan readers expect (item 5), over the whole report.

Measured on painted pixels where it matters: each reading is painted as wide as it is drawn alone (never
condensed), two readings on a line always have blank pixels between them, a line's first reading stays off the
focus ring, and a zhuyin column stands right of its character with the tone mark beside its last symbol.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPainterPath

from fenggang_reader.core.pinyin import PinyinStyle
from fenggang_reader.core.script import Script
from fenggang_reader.ui.line_export import laid_out_view
from fenggang_reader.ui.reader_view import ReaderView
from fenggang_reader.ui.ruby import ZHUYIN_RATIO, vertical_zhuyin
from fenggang_reader.ui.themes import Theme, theme
from tests.support.shipped import shipped

SIZES = (12, 16, 48, 96)
WIDTH = 800  # the text area of an 800-pixel window, about


def _ink_theme() -> Theme:
    base = theme("light")
    return Theme(**{**base.__dict__, "background": "#ffffff", "current_tint": "#ffffff", "text": "#000000",
                    "pinyin": "#000000", "focus_ring": "#ffffff"})


@pytest.fixture(scope="module")
def report_and_annotator(qapp):
    from fenggang_reader.app import create_application

    create_application()
    return shipped()


@pytest.fixture(scope="module")
def views(report_and_annotator):
    """The report laid out at a size and pinyin style, each made once here (the module's tests made 16 layouts, 7
    of them different; tests/conftest.py keeps the module on one worker). The tests only read and paint them."""
    made: dict[tuple[int, PinyinStyle], ReaderView] = {}

    def view(size: int, style: PinyinStyle = PinyinStyle.TONE_MARKS):
        if (size, style) not in made:
            made[size, style] = _view(report_and_annotator, size, style)
        return made[size, style]

    return view


def _view(report_and_annotator, size: int, style: PinyinStyle = PinyinStyle.TONE_MARKS, width: int = WIDTH):
    view = laid_out_view(*report_and_annotator, size=size, width=width)
    view.set_pinyin_style(style)
    view.set_theme(_ink_theme())
    view.ensure_laid_out()
    return view


def _ink_columns(view, band: QRectF) -> list[bool]:
    """Which pixel columns of ``band`` (document coordinates) hold ruby ink, as the view paints it."""
    image = QImage(int(band.width()) + 1, int(band.height()) + 1, QImage.Format.Format_Grayscale8)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.translate(-band.left(), -band.top())
    view.paint_pinyin_in(painter, band)
    painter.end()
    stride, width = image.bytesPerLine(), image.width()
    data = bytes(image.constBits())
    # A column holds ink when any of its pixels is darker than 200: each row becomes 1 (ink) or 0 per pixel, and
    # the rows are OR-ed as big integers (in C, not pixel by pixel in Python: that was 10 % of this module's CPU).
    any_ink = 0
    for y in range(image.height()):
        any_ink |= int.from_bytes(data[y * stride:y * stride + width].translate(_INK), "big")
    return [value != 0 for value in any_ink.to_bytes(width, "big")]


_INK = bytes(1 if value < 200 else 0 for value in range(256))  # a grey level -> 1 where it counts as ink


def _lines(view):
    """Each laid-out line's readings (ruby cells), in order, with the block they belong to."""
    for index in range(len(view.report.blocks)):
        by_line: dict[float, list] = {}
        for cell in view.ruby_cells(index):
            by_line.setdefault(round(cell.char.top(), 2), []).append(cell)
        for cells in by_line.values():
            yield index, cells


def _natural_ink(view, index: int, syllable: str, cache: dict) -> int:
    """How wide the syllable's ink is painted alone, in the block's ruby font (the same threshold as the line)."""
    factor = view._factor(index)  # noqa: SLF001 - the block's size, as the view draws its ruby
    key = (syllable, factor)
    if key not in cache:
        font = view.pinyin_font(factor)
        metrics = QFontMetricsF(font)
        image = QImage(int(metrics.horizontalAdvance(syllable)) + 20, int(metrics.height()) + 10,
                       QImage.Format.Format_Grayscale8)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setFont(font)
        painter.setPen(QColor("#000000"))
        painter.drawText(QPointF(10.3, metrics.ascent() + 5), syllable)
        painter.end()
        stride, width = image.bytesPerLine(), image.width()
        data = bytes(image.constBits())
        rows = [data[y * stride:y * stride + width] for y in range(image.height())]
        window = range(int(10.3) - 1, int(10.3 + metrics.horizontalAdvance(syllable)) + 2)  # as on the line
        cols = [x for x, value in enumerate(map(min, zip(*rows, strict=True))) if value < 200 and x in window]
        cache[key] = cols[-1] - cols[0] + 1
    return cache[key]


@pytest.mark.parametrize("size", SIZES)
def test_no_reading_is_condensed_and_none_touch(views, size):
    """Every line of the report at 12 and 16 pt, every fifth line at 48 and 96 pt: each reading's painted ink is as
    wide as the syllable's own outline, and between two readings of a line there is at least one blank column."""
    view = views(size)
    step = 1 if size <= 16 else 5
    checked = long_ones = 0
    natural_widths: dict = {}
    for index, cells in list(_lines(view))[::step]:
        block = view.report.blocks[index]
        syllables = dict(zip((g.offset for g in view.glyphs(index)), (g.syllable for g in view.glyphs(index)),
                             strict=True))
        top = min(c.ruby.top() for c in cells)
        left = min(c.ruby.left() for c in cells) - 2
        descent = QFontMetricsF(view.pinyin_font(view._factor(index))).descent()  # noqa: SLF001 - j, g, y
        band = QRectF(left, top - 1, max(c.ruby.right() for c in cells) - left + 3,
                      max(c.ruby.bottom() for c in cells) + descent - top + 2)
        ink = _ink_columns(view, band)
        previous_right = None
        for cell in cells:
            first_col = int(cell.ruby.left() - band.left()) - 1
            last_col = int(cell.ruby.right() - band.left()) + 1
            cols = [x for x in range(max(0, first_col), min(len(ink), last_col + 1)) if ink[x]]
            assert cols, (block.id, cell.offset)
            natural = _natural_ink(view, index, syllables[cell.offset], natural_widths)
            assert cols[-1] - cols[0] + 1 >= natural - 1.5, ("condensed", size, block.id, cell.offset,
                                                             syllables[cell.offset], cols[-1] - cols[0] + 1, natural)
            if previous_right is not None:
                assert cols[0] - previous_right >= 2, ("touching", size, block.id, cell.offset, syllables[cell.offset])
            previous_right = cols[-1]
            checked += 1
            long_ones += natural > cell.char.width()
    assert checked > (2000 if step == 1 else 300) and long_ones > 10, (checked, long_ones)


@pytest.mark.parametrize("size", SIZES)
def test_readings_centred_on_their_characters_inside_the_text_column(views, size):
    """Over the whole report: a reading is centred on its character unless it begins or ends a line, where it is
    moved in to start or end with the text column (the focus ring is drawn outside the column)."""
    view = views(size)
    moved = 0
    for index, cells in _lines(view):
        column = view.document().documentLayout().blockBoundingRect(view.document().findBlockByNumber(index))
        for position, cell in enumerate(cells):
            assert column.left() - 0.01 <= cell.ruby.left() and cell.ruby.right() <= column.right() + 0.01
            off_centre = abs(cell.ruby.center().x() - cell.char.center().x())
            if off_centre > 0.01:
                assert position in (0, len(cells) - 1), (view.report.blocks[index].id, cell.offset)
                assert cell.ruby.left() <= column.left() + 0.01 or cell.ruby.right() >= column.right() - 0.01
                moved += 1
    assert moved > 0 if size >= 48 else True


def test_a_line_initial_reading_never_runs_under_the_focus_ring_at_96_points(make_window, qtbot):
    """800×600 at 96 pt, the current paragraph with a line that begins with a long reading: the ring's pixels are the
    same with and without the pinyin."""
    window = make_window()
    window.resize(800, 600)
    window.set_font_size(96)
    qtbot.waitUntil(lambda: window.view.font_size() == 96)
    view = window.view
    found = None
    for index in range(len(view.report.blocks)):
        for _, cells in _lines_of(view, index):
            if cells[0].ruby.width() > cells[0].char.width() * 1.2:
                found = (index, cells[0])
                break
        if found:
            break
    assert found is not None
    index, cell = found
    view.set_current_index(index, ensure_visible=False)
    view.verticalScrollBar().setValue(int(cell.ruby.top() - 40))
    ring = QColor("#ff0000")
    base = view.current_theme()
    view.set_theme(Theme(**{**base.__dict__, "focus_ring": ring.name(), "pinyin": "#000000"}))

    def grab() -> QImage:
        view.viewport().repaint()
        return view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)

    with_pinyin = grab()
    view.set_pinyin_visible(False)
    view.verticalScrollBar().setValue(int(cell.ruby.top() - 40))
    without = grab()
    dy = view.verticalScrollBar().value()
    ring_pixels = 0
    for y in range(max(0, int(cell.ruby.top()) - dy), min(with_pinyin.height(), int(cell.ruby.bottom()) - dy + 1)):
        for x in range(0, int(cell.ruby.right())):
            if QColor(without.pixel(x, y)) == ring:
                ring_pixels += 1
                assert with_pinyin.pixel(x, y) == without.pixel(x, y), (x, y)
    assert ring_pixels > 0


def _lines_of(view, index: int):
    by_line: dict[float, list] = {}
    for cell in view.ruby_cells(index):
        by_line.setdefault(round(cell.char.top(), 2), []).append(cell)
    yield from ((index, cells) for cells in by_line.values())


@pytest.mark.parametrize("size", (16, 48, 96))
def test_zhuyin_stands_in_a_column_right_of_each_character(views, size):
    """Zhuyin at half the body size or more, each column between its character and the next character, its
    symbols centred on the character's height, within the line (the room is taken beside, not above)."""
    view = views(size, PinyinStyle.ZHUYIN)
    assert view.pinyin_font().pointSizeF() >= ZHUYIN_RATIO * size - 0.01
    pinyin = views(size)
    checked = 0
    glyphs_at: dict[int, dict[int, list]] = {}  # each block's glyphs by offset, looked up once a block
    for index, cells in _lines(view):
        if index not in glyphs_at:
            glyphs_at[index] = {}
            for glyph in view.glyphs(index):
                glyphs_at[index].setdefault(glyph.offset, []).append(glyph)
        for this, following in zip(cells, [*cells[1:], None], strict=True):
            assert this.ruby.left() >= this.char.right() - 0.01, (index, this.offset)
            assert this.ruby.right() <= this.cell.right() + 0.01, (index, this.offset)
            if following is not None and following.char.left() > this.char.left():
                assert this.ruby.right() < following.char.left(), (index, this.offset)
            assert abs(this.ruby.center().y() - this.char.center().y()) < this.char.height() * 0.25
            checked += 1
        # Within its line's box, which paging keeps whole: no symbol's ink below the characters' line.
        origin = view.document().documentLayout().blockBoundingRect(view.document().findBlockByNumber(index)).top()
        for offset in {cell.offset for cell in cells}:
            for glyph in glyphs_at[index].get(offset, ()):
                box = view.line_geometry.line_at(index, glyph.offset)
                assert box.top - 0.5 <= origin + glyph.ruby_top, (index, glyph.offset)
                assert origin + glyph.ruby_top + glyph.ruby.ink_bottom <= box.bottom + 0.5, (index, glyph.offset)
    assert checked > 11000
    # The lines come closer together than with pinyin above them: the band above is not kept.
    assert view.pinyin_band_height() < pinyin.pinyin_band_height() * 0.4
    index = view.report.index_of("y2024-p01")
    assert view.document().documentLayout().blockBoundingRect(view.document().findBlockByNumber(index)).height() \
        / max(1, view.document().findBlockByNumber(index).layout().lineCount()) \
        < pinyin.document().documentLayout().blockBoundingRect(pinyin.document().findBlockByNumber(index)).height() \
        / max(1, pinyin.document().findBlockByNumber(index).layout().lineCount())


def _rendered(syllable: str, font) -> tuple[QImage, list[tuple[int, int]]]:
    """The syllable's column painted alone; its ink's (x, y) pixels."""
    ruby = vertical_zhuyin(syllable, font)
    image = QImage(int(ruby.width) + 40, int(ruby.height) + 40, QImage.Format.Format_Grayscale8)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setFont(ruby.font)
    painter.setPen(QColor("#000000"))
    ruby.paint(painter, 20, 20)
    painter.end()
    return image, [(x, y) for y in range(image.height()) for x in range(image.width())
                   if QColor(image.pixel(x, y)).red() < 160]


@pytest.mark.parametrize("pixel_size", (10, 48))
def test_zhuyin_tone_mark_beside_the_last_symbol_and_the_light_tone_dot_above(views, pixel_size):
    """Taiwan's standard: ˊˇˋ to the right of the column beside its last symbol, ˙ above the first symbol."""
    view = views(16, PinyinStyle.ZHUYIN)
    font = view.pinyin_font()
    font.setPixelSize(pixel_size)
    for symbols, tone in (("ㄓㄨㄤ", "ˋ"), ("ㄕ", "ˋ"), ("ㄐㄧ", "ˇ"), ("ㄋㄧㄢ", "ˊ")):
        _, with_tone = _rendered(symbols + tone, font)
        _, plain = _rendered(symbols, font)
        _, before_last = _rendered(symbols[:-1], font) if len(symbols) > 1 else (None, [])
        mark = set(with_tone) - set(plain)
        last = set(plain) - set(before_last)
        assert mark and last
        assert min(x for x, _ in mark) > max(x for x, _ in plain), (symbols, tone)  # right of the column
        # Beside the last symbol: below the ink of the symbols before it, above the column's foot.
        mark_centre = (min(y for _, y in mark) + max(y for _, y in mark)) / 2
        above = max((y for _, y in before_last), default=min(y for _, y in plain) - 1)
        assert above < mark_centre < max(y for _, y in last), (symbols, tone, above, mark_centre)
        # A symbol is as wide as half a body character or more: the column is never squeezed.
        assert max(x for x, _ in plain) - min(x for x, _ in plain) + 1 >= 0.7 * QFontMetricsF(font).horizontalAdvance("ㄓ")
    _, light = _rendered("˙ㄉㄜ", font)
    _, plain = _rendered("ㄉㄜ", font)
    dot = {(x, y) for x, y in light} - {(x, y + (max(y for _, y in light) - max(y for _, y in plain))) for x, y in plain}
    symbols_top = min(y for _, y in set(light) - dot)
    assert dot and max(y for _, y in dot) < symbols_top  # above the column
    column = [x for x, _ in set(light) - dot]
    centre = (min(column) + max(column)) / 2
    dot_centre = (min(x for x, _ in dot) + max(x for x, _ in dot)) / 2
    assert abs(dot_centre - centre) <= max(1.5, 0.15 * (max(column) - min(column)))


@pytest.mark.parametrize("script", (Script.TRADITIONAL_HK, Script.TRADITIONAL_TW))
def test_hong_kong_and_taiwan_views_quote_with_corner_brackets_and_centre_their_commas(report_and_annotator, script):
    """「」 and 『』 where the report has “” and ‘’; ，and 。 centred in their cells (the mainland sets them low left)."""
    view = laid_out_view(*report_and_annotator, size=28, width=WIDTH, script=script)
    mainland = laid_out_view(*report_and_annotator, size=28, width=WIDTH)
    shown = "".join(view.shown_text(i) for i in range(len(view.report.blocks)))
    assert "「" in shown and "」" in shown and "“" not in shown and "”" not in shown

    def comma_centre(v) -> float:
        path = QPainterPath()
        path.addText(QPointF(0, 0), v.body_font(), "，")
        return path.boundingRect().center().x() / QFontMetricsF(v.body_font()).horizontalAdvance("中")

    assert abs(comma_centre(view) - 0.5) < 0.1
    assert comma_centre(mainland) < 0.35
