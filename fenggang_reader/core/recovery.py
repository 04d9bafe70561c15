"""Starting clean after a crash, and noticing when the disk refuses our files.

``sweep_stale_temps`` removes the temporary files an interrupted atomic write leaves beside its target
(the target itself is always whole: see core/storage.py). ``DiskProblemWatcher`` is a logging handler
that recognises "the disk said no" (read-only, full, no permission) in the warnings the settings and the
audio cache already log, and calls back once per area, so the reader is told once, not on every save.
"""

from __future__ import annotations

import errno
import logging
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

# atomic_write_bytes uses tempfile.mkstemp(prefix=".<name>.", suffix=".tmp")
_TEMP = re.compile(r"^\..+\.[A-Za-z0-9_]{6,}\.tmp$")
DISK_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EIO,
                         errno.EFBIG})

# logger name prefix → area shown to the reader
AREAS = {
    "fenggang_reader.core.settings": "settings",
    "fenggang_reader.speech.cache": "cache",
}


def sweep_stale_temps(folder: Path, older_than: float = 0.0) -> list[Path]:
    """Delete leftovers of interrupted atomic writes directly in ``folder``; returns what was removed.

    Call it only while this process is the single writer (after the single-instance lock).
    """
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    now = time.time()
    for path in entries:
        if not _TEMP.match(path.name):
            continue
        try:
            if not path.is_file() or now - path.stat().st_mtime < older_than:
                continue
            path.unlink()
            removed.append(path)
        except OSError as exc:
            log.info("cannot remove the leftover %s: %s", path, exc)
    if removed:
        log.info("removed %d leftover temporary file(s) in %s", len(removed), folder)
    return removed


def disk_error_in(record: logging.LogRecord) -> OSError | None:
    """The OSError a log record carries (as an argument or exc_info) when it is a refusal by the disk."""
    candidates: list[object] = []
    if isinstance(record.args, tuple):
        candidates.extend(record.args)
    elif isinstance(record.args, dict):
        candidates.extend(record.args.values())
    if record.exc_info and record.exc_info[1] is not None:
        candidates.append(record.exc_info[1])
    for item in candidates:
        if isinstance(item, OSError) and item.errno in DISK_ERRNOS:
            return item
    return None


class DiskProblemWatcher(logging.Handler):
    """Calls ``notify(area, error)`` the first time each area's files cannot be written (any thread)."""

    def __init__(self, notify: Callable[[str, OSError], None]):
        super().__init__(level=logging.WARNING)
        self._notify = notify
        self._seen: set[str] = set()
        self._seen_lock = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        area = next((a for prefix, a in AREAS.items() if record.name.startswith(prefix)), None)
        if area is None:
            return
        error = disk_error_in(record)
        if error is None:
            return
        with self._seen_lock:
            if area in self._seen:
                return
            self._seen.add(area)
        try:
            self._notify(area, error)
        except Exception:  # noqa: BLE001 - a logging handler must never raise into the caller
            self.handleError(record)

    def attach(self) -> DiskProblemWatcher:
        logging.getLogger("fenggang_reader").addHandler(self)
        return self

    def detach(self) -> None:
        logging.getLogger("fenggang_reader").removeHandler(self)
