"""Keep-together rules over the whole report, as the reader view lays it out (core/line_breaks.py): a number
with its unit, a word where its line can spare the room, no last line of a single character, a balanced title,
and marks that stay in the layout."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QGuiApplication

from fenggang_reader.core.line_breaks import MARKS
from fenggang_reader.core.model import BlockKind
from fenggang_reader.core.resources import bundled_words
from fenggang_reader.ui.line_export import laid_out_view, view_lines
from tests.support.shipped import shipped

SIZES = [(16, 800), (28, 800), (28, 1200), (48, 800), (48, 640), (96, 800), (96, 1600)]
CLOSING = "，。、；：？！）》」』”’"


@pytest.fixture(scope="module")
def views(laid_out_views):
    return {key: laid_out_views(*key) for key in SIZES}


def _by_block(view) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for line in view_lines(view):
        out.setdefault(line["block"], []).append(line)
    return out


@pytest.mark.parametrize("key", SIZES)
def test_a_number_stays_with_its_unit_unless_together_they_are_wider_than_a_line(views, key):
    view = views[key]
    width = key[1] - 2 * view.document().rootFrame().frameFormat().leftMargin()
    numbers = 0
    by_block = _by_block(view)
    for index, block in enumerate(view.report.blocks):
        lines = by_block[block.id]
        fits = view.fits_on_a_line(index, width)
        for before, after in zip(lines, lines[1:], strict=False):
            if not before["text"] or not after["text"]:
                continue
            tail, head = before["text"][-1], after["text"][0]
            if tail.isdigit() and (head.isdigit() or "\u4e00" <= head <= "\u9fff"):
                # what would have had to fit on one line: the number, its unit and the punctuation after it
                run = (re.search(r"[“「]?[0-9.]+$", before["text"]).group()
                       + re.match(r"[0-9.%]*.[”」]?[，。、；：]*", after["text"]).group())
                assert not fits(run), (key, block.id, before["text"], after["text"])
        numbers += len(re.findall(r"\d+", block.text))
    assert numbers > 200


@pytest.mark.parametrize("key", SIZES)
def test_a_word_stays_whole_where_its_line_can_spare_the_room(views, key):
    """A line of 20–29 cells (28 pt in 1200 px) keeps words of up to three characters whole, 10–19 cells two;
    at 96 pt in 800 px (6 cells) no line is left short for a word."""
    view = views[key]
    words, by_block = bundled_words(view.report), _by_block(view)
    kept = split = 0
    for block in view.report.blocks:
        ends, offset = set(), 0
        for line in by_block[block.id][:-1]:
            offset += len(line["text"])
            ends.add(offset)
        longest = view.longest_whole_word(block.kind)
        for start, length in words.get(block.id, ()):
            inside = ends & set(range(start + 1, start + length))
            if length <= longest:
                assert not inside, (key, block.id, block.text[start:start + length])
                kept += block.kind is not BlockKind.META  # the occasion and the speaker keep theirs on any line
            split += bool(inside)
    if key == (28, 1200):
        assert kept > 4000 and view.longest_whole_word(BlockKind.PARAGRAPH) == 3
    if key[0] == 96 and key[1] <= 800:
        assert kept == 0 and split > 1000  # words break like any text where a line holds ~6 characters


@pytest.mark.parametrize("key", SIZES)
def test_no_block_ends_with_a_line_of_one_character(views, key):
    view = views[key]
    for block_id, lines in _by_block(view).items():
        if len(lines) > 1:
            last = lines[-1]["text"].rstrip(CLOSING)
            assert len(last) > 1, (key, block_id, lines[-2]["text"], lines[-1]["text"])


@pytest.mark.parametrize("key", SIZES)
def test_the_title_breaks_into_lines_of_even_length(views, key):
    view = views[key]
    title = next(b for b in view.report.blocks if b.kind is BlockKind.TITLE)
    lengths = [len(line["text"]) for line in _by_block(view)[title.id]]
    assert max(lengths) - min(lengths) <= 1, (key, lengths)
    if key in ((48, 800), (96, 800)):
        assert len(lengths) == 2  # 政府工 / 作报告, never 政府工作报 / 告


def test_the_marks_stay_in_the_layout(views):
    view = laid_out_view(*shipped(), size=96, width=800)  # its own: this test selects and copies, the others only read
    report = view.report
    assert view.toPlainText() == "\n".join(b.text for b in report.blocks)
    assert any(ch in MARKS for ch in view.document().toPlainText())
    for index, block in enumerate(report.blocks):
        assert view.shown_text(index) == block.text
        laid = view.document().findBlockByNumber(index).text()
        start = view.block_position(index)
        for offset in range(0, len(block.text), 7):
            assert laid[view.document_position(index, offset) - start] == block.text[offset]
            assert view.text_place(view.document_position(index, offset)) == (index, offset)
    first, last = view.document_span(0, 0, len(report.blocks[0].text))
    cursor = view.textCursor()
    cursor.setPosition(first)
    cursor.setPosition(last, cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.copy()
    assert QGuiApplication.clipboard().text() == report.blocks[0].text
