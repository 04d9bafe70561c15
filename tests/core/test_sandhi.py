"""一/不: citation forms in the ruby by default, spoken forms on request."""

from __future__ import annotations

import pytest

from fenggang_reader.core.pinyin import Annotator, pinyin_line
from fenggang_reader.core.pronunciation import Entry, PronunciationRecord
from fenggang_reader.core.resources import bundled_annotator
from fenggang_reader.core.sandhi import citation_forms, spoken_forms
from fenggang_reader.core.settings import Settings


def test_citation_forms_undo_the_dictionary_sandhi():
    assert citation_forms("进一步不对", ["jin4", "yi2", "bu4", "bu2", "dui4"]) == ["jin4", "yi1", "bu4", "bu4", "dui4"]
    assert citation_forms("不", ["fou3"]) == ["fou3"]  # another reading is left alone


@pytest.mark.parametrize(
    ("text", "citation", "spoken"),
    [
        ("进一步加强", "jìn yī bù jiā qiáng", "jìn yí bù jiā qiáng"),
        ("一般公共预算", "yī bān gōng gòng yù suàn", "yì bān gōng gòng yù suàn"),
        ("一带一路", "yī dài yī lù", "yí dài yí lù"),
        ("一老一小", "yī lǎo yī xiǎo", "yì lǎo yì xiǎo"),
        ("第一名", "dì yī míng", "dì yī míng"),  # ordinal
        (
            "成为全市5个入选镇之一",
            "chéng wéi quán shì gè rù xuǎn zhèn zhī yī",
            "chéng wéi quán shì gè rù xuǎn zhèn zhī yī",
        ),
        ("十一月", "shí yī yuè", "shí yī yuè"),  # counting
        ("一百", "yī bǎi", "yì bǎi"),
        ("一个项目", "yī gè xiàng mù", "yí gè xiàng mù"),
        ("不断提升", "bù duàn tí shēng", "bú duàn tí shēng"),
        ("不足", "bù zú", "bù zú"),
        ("来之不易", "lái zhī bù yì", "lái zhī bú yì"),
    ],
)
def test_citation_and_spoken(text, citation, spoken):
    assert pinyin_line(Annotator().readings(text)) == citation
    assert pinyin_line(Annotator(sandhi="spoken").readings(text)) == spoken


def test_neutral_next_syllable_counts_with_its_dictionary_tone():
    assert spoken_forms("一个", ["yi1", "ge5"]) == ["yi2", "ge5"]
    assert spoken_forms("不是", ["bu4", "shi5"], first_tone=lambda c: 4) == ["bu2", "shi5"]


def test_record_freezes_ordinals_the_rules_cannot_see(report):
    annotator = bundled_annotator()
    annotator.sandhi = "spoken"
    block = next(b for b in report.blocks if b.id == "s1-p03")
    i = block.text.index("工业一路") + 2
    assert annotator.readings(block.text, block.id)[i] == "yi1"  # Road No. 1
    without = Annotator(sandhi="spoken")
    assert without.readings(block.text, block.id)[i] == "yi2"


def test_a_users_choice_is_kept_in_spoken_mode():
    user = PronunciationRecord([Entry("at", "b:0", ("yi4",))])
    assert Annotator(user=user, sandhi="spoken").readings("一定", "b")[0] == "yi4"
    assert Annotator(user=user).readings("一定", "b")[0] == "yi4"


def test_switching_sandhi_clears_the_cache():
    annotator = Annotator()
    assert annotator.readings("不断")[0] == "bu4"
    annotator.sandhi = "spoken"
    assert annotator.readings("不断")[0] == "bu2"
    with pytest.raises(ValueError, match="citation"):
        annotator.sandhi = "loud"


def test_setting_declared_with_citation_default(tmp_path):
    settings = Settings.load(tmp_path / "s.json")
    assert settings["tone_sandhi"] == "citation"
    settings.set("tone_sandhi", "spoken")
    with pytest.raises(ValueError):
        settings.set("tone_sandhi", "loud")
