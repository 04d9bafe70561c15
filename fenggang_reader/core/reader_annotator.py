"""The reader's one annotator: the shipped record, the reader's own corrections and the 一/不 choice; and where each
document keeps its readings cache and its corrections.

The view, read aloud and every export (export-pinyin, export-pdf, export-audio and the export dialogs) take
their readings from an annotator made here, so a file exported with the "spoken" tones of 一 and 不 shows
exactly what the window shows. Built three times by hand before, the exports forgot ``tone_sandhi``.

Per document (keyed by ``Report.fingerprint``): the shipped report keeps the files it always had
(``readings.json`` in the cache folder, ``corrections.tsv`` in the data folder), so an existing reader loses
nothing; any other document has ``readings/<fingerprint>.json`` (the most recent ``READINGS_CACHES_KEPT``) and
``corrections/<fingerprint>.tsv``. The record's entries keyed by block id were reviewed for the shipped report and
apply to it alone; its word entries apply everywhere.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from .model import Report
from .pinyin import Annotator
from .pronunciation import PronunciationRecord
from .resources import readings_path, record_path
from .sandhi import CITATION
from .settings import TONE_SANDHI, Settings
from .storage import AppDirs

log = logging.getLogger(__name__)

CORRECTIONS_FILE = "corrections.tsv"  # core/corrections.FILE_NAME, in the user's data folder
READINGS_FILE = "readings.json"  # the shipped report's readings cache, in the user's cache folder
READINGS_CACHES_KEPT = 20  # other documents' readings caches: the most recently used are kept


def corrections_path(dirs: AppDirs | None = None, report: Report | None = None) -> Path:
    """The reader's corrections for ``report`` (the shipped report's when None)."""
    data = (dirs or AppDirs.default()).data
    if report is None or report.builtin:
        return data / CORRECTIONS_FILE
    return data / "corrections" / f"{report.fingerprint}.tsv"


def readings_cache_path(report: Report, dirs: AppDirs | None = None) -> Path:
    """Where the readings computed for ``report`` are kept between starts."""
    cache = (dirs or AppDirs.default()).cache
    if report.builtin:
        return cache / READINGS_FILE
    return cache / "readings" / f"{report.fingerprint}.json"


def prune_readings_caches(dirs: AppDirs | None = None, keep: int = READINGS_CACHES_KEPT) -> int:
    """Remove all but the ``keep`` most recently written readings caches of documents; returns how many went."""
    folder = (dirs or AppDirs.default()).cache / "readings"
    try:
        caches = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return 0
    removed = 0
    for path in caches[keep:]:
        try:
            path.unlink()
            removed += 1
        except OSError as exc:
            log.info("could not remove the old readings cache %s: %s", path, exc)
    return removed


def shipped_record(report: Report | None = None) -> PronunciationRecord:
    """The shipped pronunciation record as it applies to ``report``: whole for the shipped report (or None),
    only its word entries for any other document. Raises RecordError when the file is damaged."""
    record = PronunciationRecord.load(record_path())
    if report is not None and not report.builtin:
        record = PronunciationRecord([e for e in record.entries if e.scope == "word"])
    return record


def reader_annotator(settings: Settings | None = None, user: PronunciationRecord | None = None,
                     report: Report | None = None) -> Annotator:
    """The annotator for ``report`` (the shipped report when None) with ``settings``' 一/不 choice (citation forms
    without settings) and ``user`` as the reader's corrections. Raises RecordError when the shipped record is
    damaged."""
    sandhi = settings.value(TONE_SANDHI) if settings is not None else CITATION
    return Annotator(shipped_record(report), user, sandhi)


def exporting_annotator(settings: Settings, dirs: AppDirs | None = None, report: Report | None = None) -> Annotator:
    """The annotator a command-line export of ``report`` (the shipped report when None) uses: the reader's
    settings and that document's saved corrections.

    A damaged corrections file raises RecordError (the command says so and stops; the window keeps the file
    aside when it next starts)."""
    path = corrections_path(dirs, report)
    user = PronunciationRecord.load(path) if path.exists() else PronunciationRecord()
    return reader_annotator(settings, user, report)


def preload_readings(annotator: Annotator, report: Report, cache: Path | None = None) -> int:
    """Take the readings from ``cache`` (the reader's own, written after a start that computed them) or else,
    for the shipped report, from the shipped ones, when either was made for this annotator's inputs; returns how
    many blocks were taken. The rest are computed with pypinyin on demand."""
    keys = [(b.id, b.text) for b in report.blocks]
    taken = annotator.load_cache(cache, keys) if cache is not None else 0
    if taken < len(keys) and report.builtin:
        taken = max(taken, annotator.load_cache(readings_path(), keys))
    return taken


def cached_readings(annotator: Annotator, report: Report, dirs: AppDirs | None = None) -> Callable[[], None] | None:
    """Give ``annotator`` the readings of ``report`` kept from before (its cache, or the shipped ones) and return what
    saves them once the rest are computed (None when every block was taken). Call it once the annotator has the
    reader's corrections and 一/不 tones: the cache is made for those. A window opening a document sets the result
    as its view's ``after_warm_up``."""
    dirs = dirs or AppDirs.default()
    path = readings_cache_path(report, dirs)
    keys = [(b.id, b.text) for b in report.blocks]
    if preload_readings(annotator, report, path) == len(keys):
        return None

    def save() -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        annotator.save_cache(path, keys)
        if not report.builtin:
            prune_readings_caches(dirs)

    return save
