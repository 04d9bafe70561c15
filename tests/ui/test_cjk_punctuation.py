"""CJK punctuation is drawn full-width from the CJK font whatever the interface language (issue 15 item 6)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFontMetricsF

from fenggang_reader.core.line_breaks import MARKS
from fenggang_reader.core.model import BlockKind
from fenggang_reader.core.script import Script
from fenggang_reader.core.syllables import is_han
from fenggang_reader.ui.line_export import laid_out_view, view_lines
from fenggang_reader.ui.reader_document import PUNCTUATION
from tests.support.shipped import shipped


@pytest.fixture
def default_locale():
    saved = QLocale()
    yield
    QLocale.setDefault(saved)


def test_lines_are_the_same_in_every_interface_language(qapp, default_locale):
    """HarfBuzz shapes with the interface's locale: in English Noto CJK drew —— and “” as short Latin marks."""
    from fenggang_reader.app import create_application

    create_application()
    report, annotator = shipped()
    laid_out = {}
    for language in ("zh_CN", "en"):
        QLocale.setDefault(QLocale(language))
        view = laid_out_view(report, annotator, size=28, width=900)
        laid_out[language] = [(line["text"], line["right"]) for line in view_lines(view)]
        dash = view.document().findBlockByNumber(report.index_of("occasion")).layout().lineAt(0)
        assert dash.cursorToX(2)[0] - dash.cursorToX(0)[0] >= 2 * view.body_font().pointSizeF() * view.logicalDpiY() / 72, language
    assert laid_out["en"] == laid_out["zh_CN"]


@pytest.mark.parametrize(("size", "width", "script"), [(28, 800, Script.SIMPLIFIED), (48, 640, Script.TRADITIONAL_TW),
                                                       (96, 800, Script.SIMPLIFIED)])
def test_the_first_of_two_marks_in_a_row_takes_half_a_cell(qapp, size, width, script):
    """标点挤压: ”。 and ）， take a cell and a half, not two with a hole; a mark alone keeps its whole cell. In
    Taiwan's fonts ，。 sit in the middle of the cell, so there only closing brackets and quotes give room."""
    from fenggang_reader.app import create_application

    create_application()
    report, annotator = shipped()
    view = laid_out_view(report, annotator, size=size, width=width, script=script)
    em = QFontMetricsF(view.body_font()).horizontalAdvance("中")
    cell = em * view.cjk_spacing_percent / 100
    left = "”’）》」』" + ("，。、；：？！" if script is Script.SIMPLIFIED else "")
    seen = {"half": 0, "whole": 0}
    for index, block in enumerate(report.blocks):
        if block.kind.is_heading or block.kind is BlockKind.TITLE:
            continue  # larger type
        text_block = view.document().findBlockByNumber(index)
        text, layout = text_block.text(), text_block.layout()
        for i, char in enumerate(text[:-1]):
            line = layout.lineForTextPosition(i)
            if char not in PUNCTUATION or not text[i + 1:line.textStart() + line.textLength()].strip(MARKS):
                continue  # a line's last mark: its advance is not on the line, or it gives up half a cell there
            extra = _justified_extra(view, index, line, text, cell)
            if extra is None:
                continue  # a justified line with no two Han characters in a row (22.6%。企 at 96 pt)
            advance = line.cursorToX(i + 1)[0] - line.cursorToX(i)[0] - extra
            following = text[i + 1:].lstrip(MARKS)[:1]
            if char in left and following and following in PUNCTUATION:
                assert abs(advance - (cell - em / 2)) < 1.0, (block.id, text[i - 3:i + 3])
                seen["half"] += 1
            elif char in "，。、":
                assert abs(advance - cell) < 1.0, (block.id, text[i - 3:i + 3])
                seen["whole"] += 1
    assert seen["half"] > 10 and seen["whole"] > 300, seen  # at 96 pt most pairs end a line


def _justified_extra(view, index: int, line, text: str, cell: float) -> float | None:
    """The room justification gave each character of ``line`` (ui/line_justification.py): what a Han character's
    advance has beyond its cell (nothing on a paragraph's last line), not counting the characters widened for a
    long reading (ui/ruby.py); None if no such character shows it."""
    start, end = line.textStart(), line.textStart() + line.textLength()
    if end == len(text):
        return 0.0
    room, marks = view.typesetting.room_of(index), view.layout_of(index)
    gaps = [line.cursorToX(i + 1)[0] - line.cursorToX(i)[0] for i in range(start, end - 1)
            if is_han(text[i]) and marks.to_report(i) not in room and text[i + 1:end].strip(MARKS)]
    return min(gaps) - cell if gaps else None
