"""Jyutping ruby: known words, one reading per Han character, aligned with the text."""

from __future__ import annotations

from fenggang_reader.core.jyutping import SYLLABLE, JyutpingAnnotator, jyutping_line, jyutping_readings
from fenggang_reader.core.syllables import is_han


def test_known_words():
    assert jyutping_line(jyutping_readings("凤岗")) == "fung6 gong1"
    assert jyutping_line(jyutping_readings("政府工作报告")) == "zing3 fu2 gung1 zok3 bou3 gou3"
    # Read from the Traditional form: Simplified 医/达/划 alone are misread by the dictionary.
    assert jyutping_line(jyutping_readings("医院")) == "ji1 jyun2"  # changed tone, as spoken
    assert jyutping_line(jyutping_readings("达到")) == "daat6 dou3"
    assert jyutping_line(jyutping_readings("规划")) == "kwai1 waak6"


def test_both_scripts_read_the_same():
    assert jyutping_readings("凤岗镇人民政府") == jyutping_readings("鳳崗鎮人民政府")


def test_aligned_with_the_text_and_none_for_non_han():
    text = "2025年凤岗，GDP增长5%。"
    readings = jyutping_readings(text)
    assert len(readings) == len(text)
    for char, reading in zip(text, readings, strict=True):
        assert (reading is not None) == is_han(char), char
    assert jyutping_readings("") == []


def test_every_han_character_of_the_report_has_a_reading(report):
    annotator = JyutpingAnnotator()
    for block in report.blocks:
        readings = annotator.rendered(block.text, block.id, None)
        assert len(readings) == len(block.text)
        for char, reading in zip(block.text, readings, strict=True):
            if is_han(char):
                assert reading is not None and SYLLABLE.match(reading), (block.id, char, reading)
            else:
                assert reading is None
    assert annotator.readings(report.blocks[0].text) == annotator.readings(report.blocks[0].text)
