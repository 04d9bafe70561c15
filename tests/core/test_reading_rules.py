"""The reading rules for text nobody reviewed (core/reading_rules.py): better than pypinyin alone on every
construction group of the evaluation set, never changing the shipped report's readings, and never over the
record or the reader's corrections."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from fenggang_reader.core import pinyin
from fenggang_reader.core.pinyin import Annotator
from fenggang_reader.core.pronunciation import PronunciationRecord
from fenggang_reader.core.reading_rules import apply_reading_rules
from fenggang_reader.core.resources import bundled_annotator

EVALUATION = Path(__file__).resolve().parents[2] / "benchmarks" / "eval_reading_rules.py"


@pytest.fixture(scope="module")
def evaluation():
    spec = importlib.util.spec_from_file_location("eval_reading_rules", EVALUATION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


def test_the_evaluation_set_is_large_and_judges_every_group(evaluation):
    cases = evaluation.load_cases()
    assert len(cases) >= 150
    groups = {case.group for case in cases}
    assert groups == {"wei", "di", "de", "ge", "name", "place"}
    for case in cases:
        assert case.gold, case.text
        for offset, _ in case.gold:
            assert "\u4e00" <= case.text[offset] <= "\u9fff", case.text


def test_our_annotator_makes_fewer_errors_than_pypinyin_in_each_group(evaluation):
    cases = evaluation.load_cases()
    alone, ours = evaluation.errors(cases), evaluation.errors(cases, Annotator())
    for group in sorted(alone):
        assert len(ours[group]) < len(alone[group]), (group, ours[group])


def test_our_annotator_makes_fewer_errors_on_the_held_out_sentences(evaluation):
    cases = evaluation.load_cases(evaluation.HELD_OUT)
    alone, ours = evaluation.errors(cases), evaluation.errors(cases, Annotator())
    assert sum(map(len, ours.values())) < sum(map(len, alone.values()))


def test_the_shipped_report_reads_as_without_the_rules(report, monkeypatch):
    """The record already decides the report: the rules change none of its readings (export-pinyin is the same)."""
    with_rules = bundled_annotator()
    expected = [with_rules.readings(b.text, b.id) for b in report.blocks]
    monkeypatch.setattr(pinyin, "apply_reading_rules", lambda text, readings: list(readings))
    without = bundled_annotator()
    assert [without.readings(b.text, b.id) for b in report.blocks] == expected


@pytest.mark.parametrize(("text", "char", "reading"), [
    ("以人民为中心", "为", "wei2"),
    ("以实际行动为群众办实事", "为", "wei4"),
    ("为了群众", "为", "wei4"),
    ("以“微改造”为切入点", "为", "wei2"),
    ("认真地学习", "地", "de5"),
    ("土地整备", "地", "di4"),
    ("落实地方责任", "地", "di4"),
    ("做得好", "得", "de5"),
    ("取得成绩", "得", "de2"),
    ("镇长单志强", "单", "shan4"),
    ("简单明了", "单", "dan1"),
    ("曾书记", "曾", "zeng1"),
    ("曾经", "曾", "ceng2"),
    ("麻涌镇", "涌", "chong1"),
    ("涌现", "涌", "yong3"),
])
def test_rules(text, char, reading):
    assert Annotator().readings(text)[text.index(char)] == reading


def test_the_record_and_the_reader_overrule_the_rules():
    text = "以人民为中心，认真地学习"
    record = PronunciationRecord.parse("word\t认真地\t* * di4\t\t\n")
    user = PronunciationRecord.parse("at\td-p0001:3\twei4\t\t\n")
    readings = Annotator(record, user).readings(text, "d-p0001")
    assert readings[3] == "wei4"  # the reader's choice
    assert readings[text.index("地")] == "di4"  # the record's word


def test_rules_keep_the_length_and_leave_what_they_do_not_know():
    readings = ["yi3", "ren2", "min2", "wei4", "zhong1", "xin1", None]
    out = apply_reading_rules("以人民为中心。", readings)
    assert out == ["yi3", "ren2", "min2", "wei2", "zhong1", "xin1", None]
    assert readings[3] == "wei4"  # a new list
    assert apply_reading_rules("短", ["duan3", "x"]) == ["duan3", "x"]  # mismatched lengths: untouched
