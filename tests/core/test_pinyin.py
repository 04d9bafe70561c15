from __future__ import annotations

import json
import subprocess
import sys

import pytest

from fenggang_reader.core.pinyin import Annotator, PinyinStyle, render
from fenggang_reader.core.pronunciation import Entry, PronunciationRecord, RecordError
from fenggang_reader.core.syllables import candidates, canonical


def test_styles():
    assert render("zhong1", PinyinStyle.TONE_MARKS) == "zhōng"
    assert render("lv4", PinyinStyle.TONE_MARKS) == "lǜ"
    assert render("lv4", PinyinStyle.TONE_NUMBERS) == "lü4"
    assert render("hang2", PinyinStyle.ZHUYIN) == "ㄏㄤˊ"
    assert render("le5", PinyinStyle.ZHUYIN) == "˙ㄌㄜ"
    assert render("le5", PinyinStyle.TONE_MARKS) == "le"


def test_canonical_forms():
    assert canonical("zhōng") == "zhong1"
    assert canonical("le") == "le5"
    assert canonical("lü4") == "lv4"


def test_one_reading_per_han_character_none_elsewhere():
    annotator = Annotator()
    text = "实现地区生产总值411亿元，同比增长3.6%。"
    readings = annotator.readings(text)
    assert len(readings) == len(text)
    for ch, r in zip(text, readings, strict=True):
        assert (r is None) == (not ("\u4e00" <= ch <= "\u9fff"))
    assert readings[text.index("长")] == "zhang3"


def test_record_word_and_occurrence_overrides():
    record = PronunciationRecord.parse("word\t银行\tyin2 hang2\t\tbank\nat\tp1:0\tchong2\t\t\n")
    annotator = Annotator(record)
    assert annotator.readings("银行", "x") == ["yin2", "hang2"]
    assert annotator.readings("重要", "p1")[0] == "chong2"
    assert annotator.readings("重要", "p2")[0] == "zhong4"


def test_user_layer_wins_and_star_keeps():
    record = PronunciationRecord([Entry("word", "为中心", ("wei2", "*", "*"))])
    user = PronunciationRecord([Entry("at", "b:1", ("wei4",))])
    annotator = Annotator(record, user)
    assert annotator.readings("以为中心", "a")[1:4] == ["wei2", "zhong1", "xin1"]
    assert annotator.readings("以为中心", "b")[1] == "wei4"


def test_record_errors_name_the_line():
    with pytest.raises(RecordError, match="line 2"):
        PronunciationRecord.parse("# h\nword\t银行\tyin2\n", "r.tsv")


def test_candidates():
    assert "zhong4" in candidates("重") and "chong2" in candidates("重")
    assert candidates("a") == []


def test_record_round_trip():
    record = PronunciationRecord([Entry("word", "银行", ("yin2", "hang2"), "", "bank")])
    assert PronunciationRecord.parse(record.dumps()).entries == record.entries


def test_export_pinyin_cli(report):
    out = subprocess.run(
        [sys.executable, "-m", "fenggang_reader", "export-pinyin"], capture_output=True, text=True, check=True
    ).stdout
    data = json.loads(out)
    assert [d["id"] for d in data] == [b.id for b in report.blocks]
    assert data[0] == {"id": "title", "kind": "title", "text": "政府工作报告",
                       "pinyin": ["zhèng", "fǔ", "gōng", "zuò", "bào", "gào"]}
    for entry in data:
        assert len(entry["pinyin"]) == len(entry["text"])


def test_tone_marks_match_pypinyin_on_every_dictionary_reading():
    import unicodedata

    from pypinyin.contrib.tone_convert import to_tone3
    from pypinyin.pinyin_dict import pinyin_dict

    from fenggang_reader.core.syllables import tone_marks

    for value in pinyin_dict.values():
        for reading in value.split(","):
            assert tone_marks(to_tone3(reading, neutral_tone_with_five=True)) == unicodedata.normalize("NFC", reading)


def test_readings_cache_round_trip_and_invalidation(tmp_path, report):
    from fenggang_reader.core.resources import bundled_annotator

    path = tmp_path / "readings.json"
    keys = [(b.id, b.text) for b in report.blocks]
    first = bundled_annotator()
    assert first.load_cache(path, keys) == 0
    first.save_cache(path, keys)
    second = bundled_annotator()
    assert second.load_cache(path, keys) == len(keys)
    for block_id, text in keys:
        assert second.readings(text, block_id) == first.readings(text, block_id)
    # A user correction changes the fingerprint: the old cache must not be used.
    third = bundled_annotator()
    third.user.add(Entry("at", "title:0", ("zheng4",)))
    assert third.load_cache(path, keys) == 0
    # A damaged file is ignored, not fatal.
    path.write_text("{ broken", encoding="utf-8")
    assert bundled_annotator().load_cache(path, keys) == 0


def test_cached_start_never_imports_pypinyin(tmp_path, report):
    code = (
        "import sys; from fenggang_reader.core.resources import bundled_annotator, load_bundled_report\n"
        "from pathlib import Path\n"
        f"p = Path({str(tmp_path / 'r.json')!r}); r = load_bundled_report(); k = [(b.id, b.text) for b in r.blocks]\n"
        "a = bundled_annotator(); a.save_cache(p, k)\n"
        "for m in [m for m in sys.modules if m.startswith('pypinyin')]: del sys.modules[m]\n"
        "b = bundled_annotator(); assert b.load_cache(p, k) == len(k)\n"
        "from fenggang_reader.core.pinyin import PinyinStyle\n"
        "[b.rendered(t, i, PinyinStyle.TONE_MARKS) for i, t in k]\n"
        "assert not [m for m in sys.modules if m.startswith('pypinyin')], 'pypinyin loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
