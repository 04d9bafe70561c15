"""Where the bundled resources are, in a source checkout, an installed wheel or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path

from .model import Report
from .pinyin import Annotator
from .pronunciation import PronunciationRecord
from .report_format import load_report
from .words import WordSpans, load_words


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    bundled = Path(__file__).resolve().parent.parent / "resources"
    if bundled.is_dir():  # installed wheel: resources shipped inside the package
        return bundled
    return Path(__file__).resolve().parents[2] / "resources"


def report_path() -> Path:
    return resources_dir() / "report" / "report.tsv"


def readings_path() -> Path:
    """The report's readings for the shipped record and default settings (tools/build-readings), so even
    the first start paints without loading pypinyin's dictionaries."""
    return resources_dir() / "report" / "readings.json"


def words_path() -> Path:
    """Where the report's words are (tools/build-readings), so line ends keep them whole (core/words.py)."""
    return resources_dir() / "report" / "words.json"


def record_path() -> Path:
    return resources_dir() / "pronunciation" / "record.tsv"


def load_bundled_report() -> Report:
    """The shipped report: the one document whose reviewed readings, words and record entries apply."""
    report = load_report(report_path())
    report.builtin = True
    return report


def bundled_words(report: Report) -> dict[str, WordSpans]:
    """The words of the report's blocks that are the shipped report's (core/words.py)."""
    return load_words(words_path(), ((b.id, b.text) for b in report.blocks))


def bundled_annotator(user_record: Path | None = None) -> Annotator:
    """The annotator with the shipped record and, when given, the user's corrections file."""
    user = PronunciationRecord.load(user_record) if user_record else PronunciationRecord()
    return Annotator(PronunciationRecord.load(record_path()), user)
