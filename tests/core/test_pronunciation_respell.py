"""Speech-only respellings: the text an engine receives says what the ruby shows."""

from __future__ import annotations

from fenggang_reader.core.pronunciation import Entry, PronunciationRecord
from fenggang_reader.core.resources import bundled_annotator, record_path
from fenggang_reader.core.respell import homophone, spoken_text
from fenggang_reader.core.syllables import candidates


def test_report_sentence_sent_to_the_engine(report):
    record = PronunciationRecord.load(record_path())
    block = next(b for b in report.blocks if b.id == "y2024-p01")
    spoken, offsets = spoken_text(block.text, block.id, [record])
    assert "习近平新时代中国特色社会主义思想围指导" in spoken
    assert "思想为指导" not in spoken
    assert len(spoken) == len(offsets) == len(block.text)  # same-length respelling: offsets are identity
    assert offsets == list(range(len(block.text)))
    # display is untouched by respellings
    assert block.text[offsets[spoken.index("围")]] == "为"
    assert bundled_annotator().readings(block.text, block.id)[spoken.index("围")] == "wei2"


def test_respelled_words_in_the_record_are_homophones():
    """Each respelling has the entry's readings: no respelling may change what is heard."""
    annotator = bundled_annotator()
    for entry in PronunciationRecord.load(record_path()).entries:
        if not entry.spoken:
            continue
        assert len(entry.spoken) == len(entry.target), entry
        shown = annotator.readings(entry.target, "x")
        for char, reading in zip(entry.spoken, shown, strict=True):
            assert reading in candidates(char) or reading.endswith("5"), (entry.target, char, reading)


def test_offsets_map_longer_and_shorter_respellings_into_the_span():
    text = "去凤岗。"
    record = PronunciationRecord([Entry("word", "凤岗", ("feng4", "gang3"), "凤凰岗")])
    spoken, offsets = spoken_text(text, "", [record])
    assert spoken == "去凤凰岗。"
    assert offsets == [0, 1, 2, 2, 3]


def test_later_records_win_overlaps():
    shipped = PronunciationRecord([Entry("word", "联调", ("lian2", "tiao2"), "联条")])
    user = PronunciationRecord([Entry("at", "b:1", ("diao4",), "掉")])
    assert spoken_text("联调。", "b", [shipped, user])[0] == "联掉。"
    assert spoken_text("联调。", "c", [shipped, user])[0] == "联条。"


def test_homophone_has_one_reading_only():
    for reading in ("wei2", "hang2", "chang2", "tiao2", "fen4"):
        char = homophone(reading)
        assert char is not None and set(candidates(char)) == {reading}
    assert homophone("de5") is None
    assert homophone("hang2", avoid=homophone("hang2")) != homophone("hang2")
