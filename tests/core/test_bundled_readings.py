"""The shipped readings (resources/report/readings.json) are exactly what the annotator makes today."""

from __future__ import annotations

import json

import pytest

from fenggang_reader.core.resources import bundled_annotator, readings_path
from fenggang_reader.core.settings import Settings


def test_shipped_readings_match_the_record_and_pypinyin_of_today(report, tmp_path):
    annotator = bundled_annotator()
    annotator.sandhi = Settings.load(tmp_path / "settings.json")["tone_sandhi"]  # the default
    data = json.loads(readings_path().read_text(encoding="utf-8"))
    hint = "run tools/build-readings"
    assert data["fingerprint"] == annotator.fingerprint(), f"made for another record or pypinyin: {hint}"
    assert list(data["blocks"]) == [b.id for b in report.blocks], hint
    for block in report.blocks:
        stored = data["blocks"][block.id]
        assert stored["text"] == block.text, f"{block.id}: {hint}"
        assert stored["readings"] == annotator.readings(block.text, block.id), f"{block.id}: {hint}"


@pytest.mark.parametrize("content", [
    b"[" * 100_000 + b"]" * 100_000,
    b'{"fingerprint": "x", "blocks": {"a": 1}}'.replace(b"x", "凤".encode("gbk")),
    b'{"fingerprint": null, "blocks": []}',
], ids=["nested-100000", "gbk", "wrong-shape"])
def test_a_damaged_readings_cache_is_ignored(tmp_path, report, content):
    from fenggang_reader.core.reader_annotator import reader_annotator

    cache = tmp_path / "readings.json"
    cache.write_bytes(content)
    annotator = reader_annotator()
    assert annotator.load_cache(cache, [(b.id, b.text) for b in report.blocks[:3]]) == 0


def test_cached_readings_that_are_not_text_are_not_taken(tmp_path, report):
    from fenggang_reader.core.reader_annotator import reader_annotator

    annotator = reader_annotator()
    block = report.blocks[2]
    cache = tmp_path / "readings.json"
    cache.write_text(json.dumps({"fingerprint": annotator.fingerprint(),
                                 "blocks": {block.id: {"text": block.text, "readings": [7] * len(block.text)}}}))
    assert annotator.load_cache(cache, [(block.id, block.text)]) == 0
