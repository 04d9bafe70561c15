"""Words kept whole at line ends (core/words.py): how long a word a line can spare room for, the marks that keep
it, the shipped words of the report, and a damaged words file that costs nothing but the keeping."""

from __future__ import annotations

import json

import pytest

from fenggang_reader.core.line_breaks import WORD_JOINER, layout_text
from fenggang_reader.core.pronunciation import PronunciationRecord
from fenggang_reader.core.resources import record_path, words_path
from fenggang_reader.core.words import load_words, longest_kept_word, record_words, segment, segmenter_name

_RECORD_WORDS = record_words(PronunciationRecord.load(record_path()))  # as tools/build-readings segments


@pytest.mark.parametrize(("cells", "longest"), [(6, 1), (9.9, 1), (10, 2), (19, 2), (20, 3), (30, 4), (80, 4)])
def test_a_line_spares_a_tenth_of_its_cells_for_a_word(cells, longest):
    assert longest_kept_word(cells) == longest


@pytest.mark.parametrize(("cells", "longest"), [(5, 4), (9, 4), (4, 1), (3, 1)])
def test_the_title_block_keeps_every_word_a_line_can_hold(cells, longest):
    assert longest_kept_word(cells, title_block=True) == longest


def test_the_towns_places_and_people_are_words():
    """jieba does not know them; the record lists them, so no line end splits 凤｜岗 (the 36 pt cover did)."""
    text = "在凤岗镇雁田村、油甘埔村，镇长韩俊峰"
    words = {text[start:start + length] for start, length in segment(text, _RECORD_WORDS)}
    assert {"凤岗镇", "雁田", "油甘埔", "韩俊峰"} <= words


def test_words_up_to_the_longest_kept_are_joined_and_longer_ones_may_break():
    text = "推进东莞充电桩建设高质量发展"
    words = segment(text, _RECORD_WORDS)
    assert {(2, 2), (9, 3)} <= set(words)  # 东莞, 高质量
    joined = {offset for offset, mark in layout_text(text, words=words, longest_word=3).marks if mark == WORD_JOINER}
    assert {3, 10, 11} <= joined  # 东⁠莞, 高⁠质⁠量
    narrow = {offset for offset, mark in layout_text(text, words=words, longest_word=2).marks if mark == WORD_JOINER}
    assert 3 in narrow and not {10, 11} & narrow  # a line of 10–19 cells keeps 东莞, not 高质量
    assert not {3, 10} & {o for o, _ in layout_text(text, words=words, longest_word=1).marks}


def test_the_shipped_words_are_what_the_segmenter_makes_today(report):
    data = json.loads(words_path().read_text(encoding="utf-8"))
    hint = "run tools/build-readings"
    assert data["segmenter"] == segmenter_name(), hint
    for block in report.blocks:
        stored = data["blocks"][block.id]
        assert stored["text"] == block.text, f"{block.id}: {hint}"
        assert [tuple(w) for w in stored["words"]] == list(segment(block.text, _RECORD_WORDS)), f"{block.id}: {hint}"
    assert sum(len(b["words"]) for b in data["blocks"].values()) > 4000


@pytest.mark.parametrize("content", [
    b"", b"[" * 100_000, b'{"blocks": []}', b'{"blocks": {"b": {"text": "\\u4e00\\u4e8c", "words": [[0, 9]]}}}',
    b'{"blocks": {"b": {"text": "\\u4e00\\u4e8c", "words": [[0, "2"]]}}}', "凤".encode("gbk"),
], ids=["empty", "nested", "wrong-shape", "out-of-range", "not-numbers", "gbk"])
def test_a_damaged_words_file_gives_no_words_and_no_error(tmp_path, content):
    path = tmp_path / "words.json"
    path.write_bytes(content)
    assert load_words(path, [("b", "一二")]) == {}
    assert load_words(tmp_path / "missing.json", [("b", "一二")]) == {}


def test_words_are_taken_only_for_the_text_they_were_made_for(tmp_path):
    path = tmp_path / "words.json"
    path.write_text(json.dumps({"blocks": {"a": {"text": "东莞凤岗", "words": [[0, 2], [2, 2]]},
                                           "b": {"text": "旧的文字", "words": [[0, 2]]}}}), encoding="utf-8")
    assert load_words(path, [("a", "东莞凤岗"), ("b", "新的文字")]) == {"a": ((0, 2), (2, 2))}


def test_the_words_file_is_read_once_and_again_when_it_changes(tmp_path, monkeypatch):
    path = tmp_path / "words.json"
    path.write_text(json.dumps({"blocks": {"a": {"text": "东莞凤岗", "words": [[0, 2]]}}}), encoding="utf-8")
    reads = []
    read_text = type(path).read_text
    monkeypatch.setattr(type(path), "read_text", lambda self, *a, **k: reads.append(self) or read_text(self, *a, **k))
    assert load_words(path, [("a", "东莞凤岗")]) == {"a": ((0, 2),)}
    assert load_words(path, [("a", "东莞凤岗")]) == {"a": ((0, 2),)}
    assert reads == [path]  # every ReaderView asks: the file is parsed once a process
    path.write_text(json.dumps({"blocks": {"a": {"text": "东莞凤岗", "words": [[0, 2], [2, 2]]}}}), encoding="utf-8")
    assert load_words(path, [("a", "东莞凤岗")]) == {"a": ((0, 2), (2, 2))}  # a new file is read anew
    assert len(reads) == 2
