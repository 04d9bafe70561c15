"""The report's pinyin against the review (现汉 7th edition), on real sentences and as a whole."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from fenggang_reader.core.pinyin import PinyinStyle, base_readings, pinyin_line
from fenggang_reader.core.resources import bundled_annotator
from fenggang_reader.core.syllables import candidates, is_han

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    if "pinyin_review" in sys.modules:
        return sys.modules["pinyin_review"]
    spec = importlib.util.spec_from_file_location("pinyin_review", ROOT / "tools" / "pinyin_review.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["pinyin_review"] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def annotator():
    return bundled_annotator()


@pytest.fixture(scope="module")
def review_rows():
    """The review of every polyphonic occurrence in the report (~3 CPU-s), made once for the tests that read it."""
    return _tool().build_rows()


def _block(report, block_id):
    return next(b for b in report.blocks if b.id == block_id)


def _word(report, annotator, block_id, word, nth=0):
    """Tone-mark readings of the nth occurrence of word in the block (and pypinyin's, for contrast)."""
    text = _block(report, block_id).text
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    shown = annotator.readings(text, block_id)[start : start + len(word)]
    raw = base_readings(text)[start : start + len(word)]
    return pinyin_line(shown), pinyin_line(raw)


@pytest.mark.parametrize(
    ("block_id", "word", "expected", "pypinyin_said"),
    [
        # grammatical construction 以…为…: 为 wéi
        ("y2024-p01", "思想为指导", "sī xiǎng wéi zhǐ dǎo", "sī xiǎng wèi zhǐ dǎo"),
        ("s7-p05", "同志为核心", "tóng zhì wéi hé xīn", "tóng zhì wèi hé xīn"),
        ("note-4", "划分为三大类", "huà fēn wéi sān dà lèi", "huà fēn wèi sān dà lèi"),
        # second syllable keeps its full tone
        ("y2024-p03", "深圳电子行业", "shēn zhèn diàn zǐ háng yè", "shēn zhèn diàn zi háng yè"),
        # structural particle 地
        ("s7-p05", "紧密地团结", "jǐn mì de tuán jié", "jǐn mì dì tuán jié"),
        # ordinal 第一 keeps yī (pypinyin gave the sandhi form)
        ("y2024-p05", "总分第一名", "zǒng fēn dì yī míng", "zǒng fēn dì yì míng"),
        # neutral tone per 现汉
        ("y2025-p01", "扎实推进", "zhā shi tuī jìn", "zhā shí tuī jìn"),
        # polyphones in the wrong sense
        ("y2024-p07", "常治长效", "cháng zhì cháng xiào", "cháng zhì zhǎng xiào"),
        ("s7-p01", "政治上行动上", "zhèng zhì shàng xíng dòng shàng", "zhèng zhì shàng háng dòng shàng"),
        ("s2-p03", "更多长钱活水", "gèng duō cháng qián huó shuǐ", "gèng duō zhǎng qián huó shuǐ"),
        ("y2024-p05", "冠亚军", "guàn yà jūn", "guān yà jūn"),
        ("s6-p02", "矛盾纠纷联调", "máo dùn jiū fēn lián tiáo", "máo dùn jiū fēn lián diào"),
    ],
)
def test_corrections_on_report_sentences(report, annotator, block_id, word, expected, pypinyin_said):
    shown, raw = _word(report, annotator, block_id, word)
    assert raw == pypinyin_said  # the trap is real
    assert shown == expected


@pytest.mark.parametrize(
    ("block_id", "word", "expected"),
    [
        ("speaker", "凤岗镇人民政府镇长", "fèng gǎng zhèn rén mín zhèng fǔ zhèn zhǎng"),
        ("speaker", "韩俊峰", "hán jùn fēng"),
        ("y2024-p03", "雁田村", "yàn tián cūn"),
        ("y2024-p04", "黄洞-塘沥片区", "huáng dòng táng lì piàn qū"),
        ("y2024-p04", "油甘埔村", "yóu gān pǔ cūn"),
        ("y2024-p04", "官井头村", "guān jǐng tóu cūn"),
        ("y2024-p04", "天堂围村", "tiān táng wéi cūn"),
        ("s4-p04", "雁田洪木涧", "yàn tián hóng mù jiàn"),
        ("y2024-p03", "龙华区", "lóng huá qū"),
        ("y2024-p03", "东莞", "dōng guǎn"),
        ("s1-p03", "博深高速", "bó shēn gāo sù"),
        ("s5-p05", "贵州德江", "guì zhōu dé jiāng"),
        ("y2024-p02", "龙凤山庄", "lóng fèng shān zhuāng"),
        ("y2024-p02", "益田假日", "yì tián jià rì"),
    ],
)
def test_local_names(report, annotator, block_id, word, expected):
    assert _word(report, annotator, block_id, word)[0] == expected


def test_export_pinyin_reflects_the_record(report):
    out = subprocess.run(
        [sys.executable, "-m", "fenggang_reader", "export-pinyin"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    data = {d["id"]: d for d in json.loads(out)}
    entry = data["y2024-p01"]
    i = entry["text"].index("思想为指导") + 2
    assert entry["pinyin"][i] == "wéi"
    entry = data["note-21"]
    assert entry["pinyin"][entry["text"].index("子方案")] == "zǐ"


def test_every_polyphonic_occurrence_is_reviewed_and_shown_as_decided(report, review_rows):
    tool = _tool()
    rows = review_rows
    covered = {(r.block, r.offset) for r in rows}
    for block in report.blocks:
        for i, char in enumerate(block.text):
            if is_han(char) and len(set(candidates(char))) > 1:
                assert (block.id, i) in covered, f"{block.id}:{i} {char} has no review row"
    undecided = [r for r in rows if not r.decided]
    assert not undecided, undecided[:5]
    wrong = [r for r in rows if r.shown != r.decided]
    assert not wrong, wrong[:5]
    # the committed review is what the tool produces now
    assert (ROOT / "resources/pronunciation/review.tsv").read_text(encoding="utf-8") == tool.render_review(rows)


def test_review_decisions_match_export(report):
    """Decided readings in review.tsv equal what export-pinyin prints (tone marks)."""
    from fenggang_reader.core.export import pinyin_export

    exported = {d["id"]: d["pinyin"] for d in pinyin_export(report, bundled_annotator())}
    lines = (ROOT / "resources/pronunciation/review.tsv").read_text(encoding="utf-8").splitlines()[1:]
    assert len(lines) > 4800
    for line in lines:
        block, offset, _char, _ctx, _pat, _raw, decided, _shown, status, _why = line.split("\t")
        assert status in ("ok", "corrected")
        assert exported[block][int(offset)] == decided, line


def test_review_counts_the_traps(review_rows):
    tool = _tool()
    stats = tool.summary(review_rows)
    assert stats["final_wrong"] == 0
    assert stats["pypinyin_wrong"] > 50  # the review found real errors, not just restated pypinyin
    assert stats["polyphonic_occurrences"] == 4850


def test_pinyin_line_style_is_marks():
    assert pinyin_line(["wei2"], PinyinStyle.TONE_MARKS) == "wéi"
