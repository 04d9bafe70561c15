"""The shipped readings (resources/report/readings.json) are exactly what the annotator makes today."""

from __future__ import annotations

import json

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
