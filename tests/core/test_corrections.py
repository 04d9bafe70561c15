"""Users' own corrections: candidates with meanings, stored in the data directory, reset one or all."""

from __future__ import annotations

from fenggang_reader.core.corrections import (
    CorrectionStore,
    load_glosses,
    parse_glosses,
    reading_candidates,
    selection_candidates,
    spoken_respelling,
)
from fenggang_reader.core.pinyin import Annotator
from fenggang_reader.core.pronunciation import PronunciationRecord
from fenggang_reader.core.resources import bundled_annotator
from fenggang_reader.core.respell import spoken_text
from fenggang_reader.core.storage import AppDirs

SENTENCE = "扎实推进重点行业领域风险隐患排查整治"


def test_candidates_carry_the_meaning_that_selects_them():
    found = {c.reading: c.gloss for c in reading_candidates("行")}
    assert "行业" in found["hang2"] and "行动" in found["xing2"]
    assert "heng2" in found  # dictionary readings without a gloss are still offered
    assert reading_candidates("a") == []


def test_every_glossed_reading_is_a_real_reading():
    from fenggang_reader.core.syllables import candidates

    for char, glossed in load_glosses().items():
        for cand in glossed:
            assert cand.reading in candidates(char) or char in "一不", (char, cand.reading)


def test_selection_lists_each_han_character():
    picked = selection_candidates(SENTENCE + "R&D", 6, 10)
    assert [p[1] for p in picked] == ["行", "业", "领", "域"]


def test_choose_applies_to_display_and_speech_and_persists(report):
    store = CorrectionStore.open()
    assert store.path == AppDirs.default().data / "corrections.tsv"
    block = next(b for b in report.blocks if b.id == "s6-p01")
    i = block.text.index("重点行业")
    entry = store.choose(block.id, i + 2, ["xing2"], text="行")
    assert entry.spoken and entry.spoken != "行"

    annotator = bundled_annotator(store.path)
    assert annotator.readings(block.text, block.id)[i + 2] == "xing2"
    spoken, offsets = spoken_text(block.text, block.id, [annotator.record, store.record])
    assert spoken[i + 2] == entry.spoken and offsets[i + 2] == i + 2

    again = CorrectionStore.open()
    assert again.at(block.id, i + 2).readings == ("xing2",)

    assert again.reset(block.id, i + 2)
    assert not again.reset(block.id, i + 2)
    assert CorrectionStore.open().record.entries == []
    assert bundled_annotator(store.path).readings(block.text, block.id)[i + 2] == "hang2"


def test_reset_all_clears_in_place():
    store = CorrectionStore.open()
    store.choose("s6-p01", 0, ["za1", "shi2"], text="扎实")
    store.choose("s6-p01", 4, ["chong2"], text="重")
    annotator = Annotator(user=store.record)
    assert annotator.readings("扎实推进重点", "s6-p01")[4] == "chong2"
    assert store.reset_all() == 2
    annotator.invalidate()
    assert annotator.readings("扎实推进重点", "s6-p01")[4] == "zhong4"
    assert PronunciationRecord.load(store.path).entries == []


def test_a_damaged_file_is_kept_aside_not_lost():
    path = AppDirs.default().data / "corrections.tsv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("at\tnot an offset\tzhong4\n", encoding="utf-8")
    store = CorrectionStore.open()
    assert store.record.entries == [] and "kept as" in store.problem
    assert list(path.parent.glob("corrections.tsv.*.bad"))


def test_respelling_only_replaces_polyphones():
    assert spoken_respelling("行业", ["hang2", "ye4"])[1] == "业"
    assert spoken_respelling("行业", ["hang2", "ye4"])[0] != "行"
    assert spoken_respelling("雁田", ["yan4", "tian2"]) == ""


def test_gloss_table_errors_name_the_line():
    import pytest

    from fenggang_reader.core.pronunciation import RecordError

    with pytest.raises(RecordError, match="line 2"):
        parse_glosses("# c\n行行\thang2\tx\n", "g.tsv")
