"""Half cells at the edges of justified lines (issue 15 item 2, clreq): a line that starts with an opening bracket
or quote has its ink at the left edge, a full line that ends with 。，、 its ink at the right edge; justifying
never moves a line break. Over the whole report at 16–96 pt, from the glyphs as the view paints them."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetricsF

from fenggang_reader.core.line_breaks import MARKS
from fenggang_reader.core.model import BlockKind
from fenggang_reader.ui.line_export import laid_out_view, view_lines
from fenggang_reader.ui.line_justification import LINE_START_HALVES
from fenggang_reader.ui.reader_document import gives_up_half
from tests.support.shipped import shipped

SIZES = [(16, 800), (28, 800), (48, 1000), (96, 1600), (96, 800)]
LINE_END_HALVES = "，。、；：？！"  # their ink is in the left half of the cell in the Simplified fonts


@pytest.fixture(scope="module")
def views(laid_out_views):
    return {key: laid_out_views(*key) for key in SIZES}


def _ink(line, first: bool) -> float:
    """The left edge of the line's first glyph's ink, or the right edge of its last glyph's ink."""
    runs = [run for run in line.glyphRuns() if len(run.glyphIndexes())]
    run = runs[0] if first else runs[-1]
    index = 0 if first else len(run.glyphIndexes()) - 1
    if not first:  # a zero-width mark's glyph may come last
        while index > 0 and run.rawFont().boundingRect(run.glyphIndexes()[index]).width() == 0:
            index -= 1
    rect = run.rawFont().boundingRect(run.glyphIndexes()[index])
    x = run.positions()[index].x()
    return x + (rect.left() if first else rect.right())


@pytest.mark.parametrize("key", SIZES)
def test_ink_reaches_both_edges_at_opening_and_closing_marks(views, key):
    view = views[key]
    em = QFontMetricsF(view.body_font()).horizontalAdvance("中")
    seen = {"start": 0, "end": 0}
    for index, block in enumerate(view.report.blocks):
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.NOTE):
            continue
        text_block = view.document().findBlockByNumber(index)
        text, layout = text_block.text(), text_block.layout()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            chars = text[line.textStart():line.textStart() + line.textLength()]
            shown = chars.strip(MARKS)
            if shown[:1] in LINE_START_HALVES:
                # a whole cell leaves ~0.6 em of paper before the ink of “ or （
                assert _ink(line, first=True) - line.x() < 0.3 * em, (key, block.id, shown[:6])
                seen["start"] += 1
            last = line.textStart() + len(chars.rstrip(MARKS)) - 1
            if number < layout.lineCount() - 1 and text[last] in LINE_END_HALVES \
                    and not gives_up_half(text, last, LINE_END_HALVES) and len(shown) > 1:
                # a whole cell leaves ~1 em after the ink of 。; a Han character ~0.4 em (its spacing)
                assert line.x() + line.width() - _ink(line, first=False) < 0.6 * em, (key, block.id, shown[-6:])
                seen["end"] += 1
    assert seen["start"] > 5 and seen["end"] > 20, seen


@pytest.mark.parametrize("key", [(16, 1600), (28, 800), (96, 800)])
def test_justifying_never_moves_a_line_break(qapp, key):
    """The lines are those Qt breaks at the base spacing: the slack goes between characters, never more."""
    from fenggang_reader.app import create_application

    create_application()
    view = laid_out_view(*shipped(), size=key[0], width=key[1])
    justified = [(line["block"], line["text"]) for line in view_lines(view)]
    view.typesetting.justifier.relayout(view.typesetting.justifier._rules, own=False)  # Qt's justification
    view.ensure_laid_out()
    assert [(line["block"], line["text"]) for line in view_lines(view)] == justified
