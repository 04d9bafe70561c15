"""The widest-reading table (resources/pronunciation/widest.json) the view reserves room by while a document's
readings are computed: current with pypinyin's dictionary, and never narrower than the reading that arrives."""

from __future__ import annotations

from fenggang_reader.core.pinyin import Annotator
from fenggang_reader.core.syllables import candidates
from fenggang_reader.core.widest_readings import FALLBACK, FIRST, LAST, widest_reading, widest_readings


def test_the_table_is_current_with_pypinyins_dictionary():
    for code in range(FIRST, LAST + 1, 7):
        char = chr(code)
        found = candidates(char)
        expected = max(found, key=len) if found else FALLBACK
        assert len(widest_reading(char)) == len(expected), f"{char}: run tools/build-readings"


def test_no_reading_in_context_is_longer_than_the_widest():
    text = "坚持以人民为中心，镇长单志强认真地做好重庆、厦门、长沙的行长工作。"
    for char, reading, widest in zip(text, Annotator().readings(text), widest_readings(text), strict=True):
        assert (reading is None) == (widest is None)
        if reading is not None:
            assert len(reading) <= len(widest), char


def test_characters_outside_the_table_get_the_widest_syllable():
    assert widest_reading("\U00020000") == FALLBACK
    readings = widest_readings("a中")
    assert readings[0] is None and readings[1] is not None and readings[1][:-1] == "zhong"
