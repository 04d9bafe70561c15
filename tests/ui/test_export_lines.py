"""export-lines: the reader view's own lines as JSON, for checks of the typesetting at any size and width."""

from __future__ import annotations

import json

import pytest

from fenggang_reader.cli import main
from fenggang_reader.core.script import Script, to_script

CLOSING = "，。、；：？！）》」』”’"  # never at the start of a line (clreq line-start rules)
OPENING = "（《「『“‘"  # never at the end of one


def _unspaced(text: str) -> str:
    """Without spaces: a space that ends a line (镇长　) is not drawn on it."""
    return "".join(text.split())


def _lines(capsys, *args: str) -> list[dict]:
    capsys.readouterr()
    assert main(["export-lines", *args]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(("size", "width", "script"), [
    (16, 1200, "simplified"), (28, 800, "simplified"), (48, 800, "hk"), (48, 640, "simplified"), (96, 1600, "tw"),
    (96, 800, "simplified"), (80, 700, "tw")])
def test_lines_cover_the_report_in_order_and_keep_the_line_rules(capsys, report, size, width, script):
    lines = _lines(capsys, "--size", str(size), "--width", str(width), "--script", script)
    by_block: dict[str, list[dict]] = {}
    for line in lines:
        by_block.setdefault(line["block"], []).append(line)
    assert list(by_block) == [b.id for b in report.blocks]
    for block in report.blocks:
        own = by_block[block.id]
        assert [line["line"] for line in own] == list(range(len(own)))
        assert [line["last"] for line in own] == [False] * (len(own) - 1) + [True]
        shown = to_script(block.text, Script(script))
        assert _unspaced("".join(line["text"] for line in own)) == _unspaced(shown)
        for line in own:
            assert 0 <= line["left"] < line["right"] <= width, line
            assert line["text"][0] not in CLOSING, line
            assert line["text"][-1] not in OPENING or line["last"], line


def test_a_larger_size_or_a_narrower_area_gives_more_lines(capsys):
    counts = {(size, width): len(_lines(capsys, "--size", str(size), "--width", str(width)))
              for size, width in ((28, 800), (56, 800), (28, 400))}
    assert counts[(56, 800)] > counts[(28, 800)] * 1.7
    assert counts[(28, 400)] > counts[(28, 800)] * 1.7


@pytest.mark.parametrize("args", [["--size", "200", "--width", "800"], ["--size", "28", "--width", "0"]])
def test_bad_sizes_are_refused(capsys, args):
    assert main(["export-lines", *args]) == 1
    assert "fenggang-reader: --" in capsys.readouterr().err


@pytest.mark.parametrize("width", [400, 560, 800])
def test_the_title_block_never_splits_the_towns_name(capsys, width):
    """At 36 pt the PDF's cover read 在凤｜岗镇: the occasion line's lines are short, its words are kept whole."""
    lines = [line["text"] for line in _lines(capsys, "--size", "36", "--width", str(width))
             if line["block"] in ("occasion", "speaker")]
    assert not any(a.endswith("凤") and b.startswith("岗") for a, b in zip(lines, lines[1:], strict=False)), lines
