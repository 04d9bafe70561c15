"""The Traditional view: exact conversions, lengths kept, pinyin aligned, find across scripts."""

from __future__ import annotations

import pytest

from fenggang_reader.core import script as script_mod
from fenggang_reader.core.pinyin import pinyin_line
from fenggang_reader.core.resources import bundled_annotator
from fenggang_reader.core.script import Converter, Folder, Script, to_script
from fenggang_reader.core.search import find_all

HK, TW = Script.TRADITIONAL_HK, Script.TRADITIONAL_TW


def test_known_sentences(report):
    speaker = report.get("speaker").text
    assert speaker == "凤岗镇人民政府镇长　韩俊峰"
    assert to_script(speaker, TW) == "鳳崗鎮人民政府鎮長　韓俊峰"
    assert to_script(speaker, HK) == "鳳崗鎮人民政府鎮長　韓俊峯"  # HK glyph standard: 峯
    assert to_script("政府工作报告", HK) == to_script("政府工作报告", TW) == "政府工作報告"
    assert to_script("发展了一个里程碑，头发", HK) == "發展了一個里程碑，頭髮"  # phrase context: 发 → 發 / 髮
    assert to_script("平台，户，保税", TW) == "平臺，戶，保稅"
    assert to_script("平台，户，保税", HK) == "平台，户，保税"
    assert to_script("凤岗", Script.SIMPLIFIED) == "凤岗"


@pytest.mark.parametrize("script", [HK, TW])
def test_traditional_views_quote_with_corner_brackets(report, script):
    assert to_script("实施“十四五”规划，‘内’", script) == "實施「十四五」規劃，『內』"
    shown = "".join(Converter(script).convert(b.text) for b in report.blocks)
    assert "“" not in shown and "”" not in shown and shown.count("「") == shown.count("」") > 100
    assert to_script("“十四五”", Script.SIMPLIFIED) == "“十四五”"


def test_taiwan_keeps_the_words():
    """s2twp would swap vocabulary (信息 → 資訊) and put the pinyin of one word over another."""
    assert to_script("信息和软件", TW) == "信息和軟件"


@pytest.mark.parametrize("script", [HK, TW])
def test_every_block_keeps_its_length_without_fallback(report, script):
    converter = Converter(script)
    for block in report.blocks:
        shown = converter.convert(block.text)
        assert len(shown) == len(block.text), block.id
    assert converter.fallbacks == 0


def test_pinyin_from_the_simplified_text_sits_over_the_traditional_characters(report):
    annotator = bundled_annotator()
    block = report.get("speaker")
    readings = annotator.readings(block.text, block.id)
    shown = to_script(block.text, HK)
    start = shown.index("鳳崗鎮")
    assert pinyin_line(readings[start:start + 3]) == "fèng gǎng zhèn"
    assert shown[start:start + 3] == "鳳崗鎮" and block.text[start:start + 3] == "凤岗镇"
    occasion = report.get("occasion")
    shown = to_script(occasion.text, TW)
    i = shown.index("鳳崗鎮第十八屆人民代表大會")
    assert pinyin_line(annotator.readings(occasion.text, occasion.id)[i:i + 13]) == (
        "fèng gǎng zhèn dì shí bā jiè rén mín dài biǎo dà huì")


def test_a_conversion_that_changes_length_falls_back_to_single_characters(monkeypatch):
    class Lengthening:
        def convert(self, text: str) -> str:
            if len(text) > 1:
                return text.replace("U盘", "隨身碟")  # a vocabulary swap: 2 → 3 characters
            return {"盘": "盤", "发": "發"}.get(text, text)

    monkeypatch.setattr(script_mod, "_opencc", lambda config: Lengthening())
    converter = Converter(HK)
    assert converter.convert("发U盘") == "發U盤"
    assert converter.fallbacks == 1


def test_fold_equates_both_scripts_on_the_whole_report(report):
    folder = Folder(b.text for b in report.blocks)
    for script in (HK, TW):
        converter = Converter(script)
        for block in report.blocks:
            shown = converter.convert(block.text)
            assert folder.fold(shown) == folder.fold(block.text), block.id
            assert len(folder.fold(shown)) == len(shown)


def test_find_works_with_queries_in_either_script(report):
    folder = Folder(b.text for b in report.blocks)
    simplified = find_all(report, "凤岗镇", fold=folder)
    assert simplified
    assert find_all(report, "鳳崗鎮", fold=folder) == simplified
    assert find_all(report, "鳳崗鎮") == []  # without folding a Traditional query finds nothing
    assert find_all(report, "发展", fold=folder) == find_all(report, "發展", fold=folder) != []
    # OpenCC picks a different character in context (借助 → 藉助): the folder learnt the pair.
    assert find_all(report, "藉助", fold=folder) == find_all(report, "借助", fold=folder) != []
    assert find_all(report, "傢俱", fold=folder) == find_all(report, "家具", fold=folder) != []
