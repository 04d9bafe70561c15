"""Readings caches and corrections per document (core/reader_annotator.py): the shipped report keeps its files,
every other document has its own, a correction in one never reaches another, and both survive a restart."""

from __future__ import annotations

import json
import os

from fenggang_reader.core.corrections import CorrectionStore
from fenggang_reader.core.model import Block, BlockKind, Report
from fenggang_reader.core.reader_annotator import (
    corrections_path,
    exporting_annotator,
    preload_readings,
    prune_readings_caches,
    reader_annotator,
    readings_cache_path,
)
from fenggang_reader.core.settings import Settings
from fenggang_reader.core.storage import AppDirs


def _document(*texts: str) -> Report:
    return Report([Block(BlockKind.PARAGRAPH, f"d-p{i:04d}", text) for i, text in enumerate(texts, start=1)])


def test_the_shipped_report_keeps_its_files_and_others_have_their_own(report):
    dirs = AppDirs.default()
    first, second = _document("行长到银行。"), _document("行长到银行去。")
    assert corrections_path(dirs, report) == corrections_path(dirs) == dirs.data / "corrections.tsv"
    assert readings_cache_path(report, dirs) == dirs.cache / "readings.json"
    assert corrections_path(dirs, first) == dirs.data / "corrections" / f"{first.fingerprint}.tsv"
    assert readings_cache_path(first, dirs) != readings_cache_path(second, dirs)
    assert corrections_path(dirs, first) != corrections_path(dirs, second)


def test_a_correction_in_one_document_does_not_change_another_and_a_restart_keeps_both():
    dirs = AppDirs.default()
    settings = Settings.load(dirs.settings_file)
    text = "行长到银行。"
    first, second = _document(text), _document(text, "第二段。")
    block_id = first.blocks[0].id  # the same id and text in both documents
    assert second.blocks[0].id == block_id and first.fingerprint != second.fingerprint

    store = CorrectionStore.open(corrections_path(dirs, first))
    store.choose(block_id, 0, ["xing2"], text="行")
    CorrectionStore.open(corrections_path(dirs, second)).choose(block_id, 4, ["xing2"], text="行")

    # A restart: everything read again from the files.
    in_first = exporting_annotator(settings, dirs, first).readings(text, block_id)
    in_second = exporting_annotator(settings, dirs, second).readings(text, block_id)
    in_report = exporting_annotator(settings, dirs).readings(text, block_id)
    assert (in_first[0], in_first[4]) == ("xing2", "hang2")
    assert (in_second[0], in_second[4]) == ("hang2", "xing2")
    assert (in_report[0], in_report[4]) == ("hang2", "hang2")


def test_readings_caches_per_document_round_trip_and_ignore_stale_or_damaged_files():
    dirs = AppDirs.default()
    document = _document("以人民为中心。", "认真地学习。")
    keys = [(b.id, b.text) for b in document.blocks]
    path = readings_cache_path(document, dirs)
    path.parent.mkdir(parents=True, exist_ok=True)
    made = reader_annotator(report=document)
    made.save_cache(path, keys)
    fresh = reader_annotator(report=document)
    assert preload_readings(fresh, document, path) == 2
    assert fresh.readings(*reversed(keys[0]))[3] == "wei2"

    other = _document("以人民为中心。", "认真地学习！")  # one block differs: only the other one is taken
    assert preload_readings(reader_annotator(report=other), other, path) == 1
    path.write_text(json.dumps({"fingerprint": "old", "blocks": {}}), encoding="utf-8")
    assert preload_readings(reader_annotator(report=document), document, path) == 0
    path.write_bytes(b"\xff\xfe not json")
    assert preload_readings(reader_annotator(report=document), document, path) == 0


def test_only_the_most_recent_readings_caches_are_kept():
    dirs = AppDirs.default()
    folder = dirs.cache / "readings"
    folder.mkdir(parents=True)
    for n in range(25):
        path = folder / f"{n:032x}.json"
        path.write_text("{}", encoding="utf-8")
        os.utime(path, (1_000_000 + n, 1_000_000 + n))
    assert prune_readings_caches(dirs, keep=20) == 5
    assert sorted(p.name for p in folder.iterdir()) == [f"{n:032x}.json" for n in range(5, 25)]


def test_entries_keyed_by_block_apply_only_to_the_shipped_report(report, monkeypatch, tmp_path):
    from fenggang_reader.core import reader_annotator as module

    record = tmp_path / "record.tsv"
    record.write_text("word\t银行\tyin2 hang2\t\t\nat\td-p0001:0\txing2\t\t\n", encoding="utf-8")
    monkeypatch.setattr(module, "record_path", lambda: record)
    document = _document("行长到银行。")
    shipped_like = _document("行长到银行。")
    shipped_like.builtin = True
    assert reader_annotator(report=document).readings("行长到银行。", "d-p0001")[0] == "hang2"
    assert reader_annotator(report=shipped_like).readings("行长到银行。", "d-p0001")[0] == "xing2"
    assert reader_annotator(report=document).record.entries[0].target == "银行"  # word entries apply everywhere
