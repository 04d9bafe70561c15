"""The application log: one rotated file in the platformdirs log folder, plus crash reports.

A reader who hits a bug cannot describe a traceback; the log can. It is bounded (a few rotated files
of ``MAX_BYTES``), so years of use never fill a disk. Pure Python: the Qt hooks live in ui/crash_dialog.py.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import platform
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import TextIO

from .. import __version__

LOG_NAME = "fenggang-reader.log"
FATAL_NAME = "fatal.log"  # faulthandler's output: tracebacks of hard crashes (segfaults, aborts)
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)-8s %(name)s [%(threadName)s] %(message)s"

_HANDLER_NAME = "fenggang-reader-file"
_fatal_handle: TextIO | None = None


class _LogFile(logging.handlers.RotatingFileHandler):
    """The rotated log file. On a full or read-only disk it says so once on stderr instead of printing a
    traceback for every record (logging's default), and notes how much was lost once writing works again."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.failing = False
        self.lost = 0  # records not written since the failure began
        self._failed_now = False

    def emit(self, record: logging.LogRecord) -> None:
        self._failed_now = False
        super().emit(record)  # on failure logging calls handleError
        if self.failing and not self._failed_now:  # written again: the disk has room
            self.failing = False
            lost, self.lost = self.lost, 0
            logging.getLogger(__name__).warning("%d log record(s) were lost while the log could not be written",
                                                lost)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        self._failed_now = True
        self.lost += 1
        if self.failing:
            return
        self.failing = True
        error = sys.exc_info()[1]
        reason = getattr(error, "strerror", None) or error
        print(f"fenggang-reader: cannot write the log {self.baseFilename} ({reason}); log messages are lost until "
              "it can be written again", file=sys.stderr)


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path | None:
    """Send the package's log records (and Qt's, via ui/crash_dialog.py) to a rotated file.

    Idempotent. Returns the log file, or None when the folder cannot be written: the app then runs
    without a log file rather than not at all.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == _HANDLER_NAME:
            root.removeHandler(handler)
            handler.close()
    path = log_dir / LOG_NAME
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = _LogFile(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=False)
    except OSError as exc:
        print(f"fenggang-reader: cannot write the log in {log_dir}: {exc}", file=sys.stderr)
        return None
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    logging.getLogger(__name__).info("Fenggang Reader %s started (Python %s, %s)", __version__,
                                     platform.python_version(), platform.platform())
    return path


def enable_fatal_log(log_dir: Path) -> Path | None:
    """Hard crashes (segfault, abort) bypass Python's hooks: faulthandler writes their tracebacks here."""
    global _fatal_handle
    path = log_dir / FATAL_NAME
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_BYTES:
            path.replace(path.with_suffix(".log.1"))
        handle = open(path, "a", encoding="utf-8")  # noqa: SIM115 - must stay open for the process's life
    except OSError:
        return None
    if _fatal_handle is not None:
        _fatal_handle.close()
    _fatal_handle = handle
    faulthandler.enable(file=handle, all_threads=True)
    return path


def close_log() -> None:
    """Detach and close the file handler (the tests call it; the app simply exits)."""
    global _fatal_handle
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == _HANDLER_NAME:
            root.removeHandler(handler)
            handler.close()
    if _fatal_handle is not None:
        faulthandler.disable()
        _fatal_handle.close()
        _fatal_handle = None


def log_file() -> Path | None:
    """Where the log currently goes, if anywhere."""
    for handler in logging.getLogger().handlers:
        if handler.get_name() == _HANDLER_NAME and isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
    return None


def crash_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
                 where: str = "", versions: tuple[str, ...] = ()) -> str:
    """The details a developer needs, as plain text the reader can copy into an e-mail."""
    lines = [
        f"Fenggang Reader {__version__}",
        f"Time: {time.strftime('%Y-%m-%d %H:%M:%S')}",
        f"Python {platform.python_version()} on {platform.platform()}",
    ]
    lines.extend(versions)  # e.g. the Qt versions, which the core cannot ask for itself
    if where:
        lines.append(f"Where: {where}")
    lines.append("")
    lines.extend(line.rstrip("\n") for line in traceback.format_exception(exc_type, exc, tb))
    return "\n".join(lines)
