"""Justified lines (两端对齐) over the whole report, as the reader view lays them out (ui/line_export.py)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QFontMetricsF, QTextLayout

from fenggang_reader.core.model import BlockKind
from fenggang_reader.ui.line_export import view_lines

JUSTIFIED = (BlockKind.PARAGRAPH, BlockKind.NOTE)
SIZES = [(16, 800), (28, 800), (28, 1200), (48, 800), (96, 1600)]


@pytest.fixture(scope="module")
def views(laid_out_views):
    return {key: laid_out_views(*key) for key in SIZES}


@pytest.mark.parametrize("key", SIZES)
def test_paragraph_lines_reach_both_edges_and_the_last_line_is_left_aligned(views, key):
    view = views[key]
    kinds = {b.id: b.kind for b in view.report.blocks}
    lines = [line for line in view_lines(view) if kinds[line["block"]] in JUSTIFIED]
    full = [line for line in lines if not line["last"]]
    left, right = min(line["left"] for line in lines), max(line["right"] for line in full)
    assert len(full) > 100
    for line in full:
        assert line["left"] == left and abs(line["right"] - right) <= 1.0, line
    em = QFontMetricsF(view.body_font()).horizontalAdvance("中")
    for line in lines:
        if line["last"]:
            assert line["left"] == left, line
            # not stretched: its characters keep their natural advance (a long reading's character its wider one)
            wide = sum(1 for ch in line["text"] if ord(ch) >= 0x2E80 or ch in "“”‘’—…·")
            if wide == len(line["text"]):
                assert line["right"] - line["left"] <= _spaced_width(view, line, em) + 1.0, line


def _spaced_width(view, line, em: float) -> float:
    """The advance of a line of wide characters, each at its own letter spacing (% of the em)."""
    block = view.document().findBlockByNumber(view.report.index_of(line["block"]))
    text_line = block.layout().lineAt(line["line"])
    start, end = text_line.textStart(), text_line.textStart() + text_line.textLength()
    width = 0.0
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        first = fragment.position() - block.position()
        for offset in range(max(start, first), min(end, first + fragment.length())):
            if ord(block.text()[offset]) >= 0x2E80 or block.text()[offset] in "“”‘’—…·":
                width += em * fragment.charFormat().fontLetterSpacing() / 100
        it += 1
    return width


@pytest.mark.parametrize("key", [(28, 800), (96, 1600)])
def test_space_is_never_put_inside_a_digit_or_latin_run(views, key):
    view = views[key]
    metrics = QFontMetricsF(view.body_font())
    flags = QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions
    checked = 0
    for index, block in enumerate(view.report.blocks):
        if block.kind not in JUSTIFIED:
            continue
        text_block = view.document().findBlockByNumber(index)
        text = text_block.text()
        layout = text_block.layout()
        for n in range(layout.lineCount() - 1):  # the last line is not justified
            line = layout.lineAt(n)
            xs: dict[int, float] = {}
            for run in line.glyphRuns(line.textStart(), line.textLength(), flags):
                for string_index, pos in zip(run.stringIndexes(), run.positions(), strict=False):
                    xs.setdefault(string_index, pos.x())
            for match in re.finditer(r"[0-9A-Za-z.%]{2,}", text[line.textStart():line.textStart() + line.textLength()]):
                start = line.textStart() + match.start()
                for offset in range(start, start + len(match.group()) - 1):
                    if offset in xs and offset + 1 in xs:
                        natural = metrics.horizontalAdvance(text[offset])
                        assert abs(xs[offset + 1] - xs[offset] - natural) <= 0.6, (block.id, match.group())
                        checked += 1
    assert checked > 50
