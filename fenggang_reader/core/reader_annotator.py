"""The reader's one annotator: the shipped record, the reader's own corrections and the 一/不 choice.

The view, read aloud and every export (export-pinyin, export-pdf, export-audio and the export dialogs) take
their readings from an annotator made here, so a file exported with the "spoken" tones of 一 and 不 shows
exactly what the window shows. Built three times by hand before, the exports forgot ``tone_sandhi``.
"""

from __future__ import annotations

from pathlib import Path

from .model import Report
from .pinyin import Annotator
from .pronunciation import PronunciationRecord
from .resources import readings_path, record_path
from .sandhi import CITATION
from .settings import TONE_SANDHI, Settings
from .storage import AppDirs

CORRECTIONS_FILE = "corrections.tsv"  # core/corrections.FILE_NAME, in the user's data folder


def corrections_path(dirs: AppDirs | None = None) -> Path:
    return (dirs or AppDirs.default()).data / CORRECTIONS_FILE


def reader_annotator(settings: Settings | None = None, user: PronunciationRecord | None = None) -> Annotator:
    """The annotator for ``settings`` (their 一/不 choice; citation forms without settings) with ``user`` as the
    reader's corrections. Raises RecordError when the shipped record is damaged."""
    sandhi = settings.value(TONE_SANDHI) if settings is not None else CITATION
    return Annotator(PronunciationRecord.load(record_path()), user, sandhi)


def exporting_annotator(settings: Settings, dirs: AppDirs | None = None) -> Annotator:
    """The annotator a command-line export uses: the reader's settings and saved corrections.

    A damaged corrections file raises RecordError (the command says so and stops; the window keeps the file
    aside when it next starts)."""
    path = corrections_path(dirs)
    user = PronunciationRecord.load(path) if path.exists() else PronunciationRecord()
    return reader_annotator(settings, user)


def preload_readings(annotator: Annotator, report: Report, cache: Path | None = None) -> int:
    """Take the readings from ``cache`` (the reader's own, written after a start that computed them) or else
    from the shipped ones, when either was made for this annotator's inputs; returns how many blocks were
    taken. The rest are computed with pypinyin on demand."""
    keys = [(b.id, b.text) for b in report.blocks]
    taken = annotator.load_cache(cache, keys) if cache is not None else 0
    if taken < len(keys):
        taken = max(taken, annotator.load_cache(readings_path(), keys))
    return taken
