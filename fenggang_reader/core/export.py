"""Machine-readable exports of the annotated report (``fenggang-reader export-pinyin``)."""

from __future__ import annotations

import json

from .model import Report
from .pinyin import Annotator, PinyinStyle


def pinyin_export(report: Report, annotator: Annotator) -> list[dict]:
    """One entry per block in reading order: id, kind (BlockKind's value), displayed text, tone-mark reading per
    character."""
    return [
        {"id": b.id, "kind": b.kind.value, "text": b.text,
         "pinyin": annotator.rendered(b.text, b.id, PinyinStyle.TONE_MARKS)}
        for b in report.blocks
    ]


def pinyin_export_json(report: Report, annotator: Annotator) -> str:
    return json.dumps(pinyin_export(report, annotator), ensure_ascii=False, indent=1)
