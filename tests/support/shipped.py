"""The bundled report with the annotator a start of the app has: its shipped readings already loaded."""

from __future__ import annotations

from fenggang_reader.core.model import Report
from fenggang_reader.core.pinyin import Annotator
from fenggang_reader.core.reader_annotator import preload_readings, reader_annotator
from fenggang_reader.core.resources import load_bundled_report


def shipped() -> tuple[Report, Annotator]:
    """No window fixture re-annotates the report with pypinyin (~0.3 s per window, ~20 s a suite)."""
    report = load_bundled_report()
    return report, shipped_annotator(report)


def shipped_annotator(report: Report) -> Annotator:
    """A new annotator for ``report`` (the shipped record, no corrections, citation tones) with its readings
    loaded, as a start of the app has them: pypinyin runs only for what a test changes."""
    annotator = reader_annotator()
    preload_readings(annotator, report)
    return annotator
