"""The reader's document is built in runs found by a regular expression: the same runs and formats as a loop over
every character, and the same half cells as compress_punctuation gives (ui/reader_document.py)."""

from __future__ import annotations

import re

import pytest

from fenggang_reader.core.line_breaks import BREAK_HERE, MARKS, WORD_JOINER, layout_text
from fenggang_reader.core.model import BlockKind
from fenggang_reader.ui.reader_document import (
    CLOSERS,
    LEFT_IN_SIMPLIFIED,
    QUOTES_CLOSING,
    WIDE_RANGES,
    WideRuns,
    build_document,
    compress_punctuation,
    is_wide,
)
from tests.support.shipped import shipped

SIMPLIFIED = CLOSERS + QUOTES_CLOSING + LEFT_IN_SIMPLIFIED


def _runs_by_character(text: str) -> list[tuple[int, int, bool]]:
    """The runs as the reader found them before: character by character."""
    out, start = [], 0
    while start < len(text):
        kind = is_wide(text[start])
        end = start + 1
        while end < len(text) and (text[end] in MARKS or is_wide(text[end]) == kind):
            end += 1
        out.append((start, end, kind))
        start = end
    return out


def test_every_code_point_of_the_wide_ranges_is_wide():
    ranges = re.findall(r"(.)-(.)", WIDE_RANGES)
    assert len(ranges) == WIDE_RANGES.count("-")
    narrow = [hex(cp) for first, last in ranges for cp in range(ord(first), ord(last) + 1) if not is_wide(chr(cp))]
    assert narrow == []


@pytest.mark.parametrize("text", [
    "", "中", "a", WORD_JOINER, WORD_JOINER + "中" + BREAK_HERE + "a", "2024" + WORD_JOINER + "年，全镇“1310”[3]工程",
    "——……·" + BREAK_HERE + "ab", "ｘ１２（ＡＢ）", "𠀀𪚥 emoji 😀 가나 かな", "a" + WORD_JOINER + WORD_JOINER + "b中",
])
def test_runs_are_those_of_a_loop_over_the_characters(text):
    assert list(WideRuns()(text)) == _runs_by_character(text)


def test_runs_of_the_report_with_its_marks():
    report, _ = shipped()
    runs = WideRuns()
    for block in report.blocks:
        text = layout_text(block.text, longest_word=4).apply(block.text)
        assert list(runs(text)) == _runs_by_character(text), block.id


def test_the_report_is_split_into_runs_with_the_pattern_it_started_with():
    """The wide marks every Chinese text has (“” — …) are in the pattern from the start: each one met later compiled it
    anew, ~10 ms apiece while a document opened."""
    report, _ = shipped()
    runs = WideRuns()
    pattern = runs._pattern
    for block in report.blocks:
        list(runs(block.text))
    assert runs._pattern is pattern


def _formats(doc) -> list[tuple[int, str, float, bool]]:
    out = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            out.append((fragment.position(), fragment.text(), round(fmt.fontLetterSpacing(), 2), fmt.fontWeight() > 500))
            it += 1
        block = block.next()
    return out


@pytest.mark.parametrize("compressible", [SIMPLIFIED, CLOSERS + QUOTES_CLOSING])
def test_the_document_is_built_with_the_half_cells_compress_punctuation_gives(qapp, compressible):
    report, _ = shipped()
    layouts = [layout_text(block.text, title=block.kind is BlockKind.TITLE, longest_word=2) for block in report.blocks]
    doc = build_document(None, report.blocks, layouts, str, 250.0, 112.0, compressible)
    built = _formats(doc)
    compress_punctuation(doc, 112.0, compressible)
    assert _formats(doc) == built
    assert sum(1 for _, _, spacing, _ in built if spacing == 62.0) > 20  # half cells there are
    text = doc.toPlainText()
    for position, fragment, spacing, _bold in built:  # each run one kind: wide ones spaced, narrow ones not
        kinds = {is_wide(c) for c in fragment if c not in MARKS}
        assert kinds in ({True}, {False}, set()), (position, fragment)
        wanted = {112.0, 62.0} if set(fragment) <= set(compressible) else {112.0} if kinds == {True} else {100.0}
        assert spacing in wanted, (position, fragment)
        assert text[position:position + len(fragment)] == fragment
