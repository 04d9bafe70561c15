"""The --event-log: JSON lines with a monotonic time since process start and the wall clock.

Benchmarks and end-to-end tests read it. Event names are a public interface: keep them stable
(app.start, app.first_paint, speech.request, speech.audio_start, speech.boundary, speech.end,
speech.fallback, paragraph.current, view.visible; at start-up app.message when a message about the
reader's files is shown, app.error when an error is reported and app.crash_dialog when its dialog opens;
document.open with path (null for the built-in report), blocks, chars and ms each time a document is shown, and
document.open_failed with path and problem).
"""

from __future__ import annotations

import contextlib
import json
import sys
import threading
import time
from pathlib import Path
from typing import Any, TextIO

# Measured from interpreter start when possible, so "app.start" shows import cost too.
_T0 = time.perf_counter()


def set_process_start(t0: float) -> None:
    global _T0
    _T0 = t0


class EventLog:
    """Appends one JSON object per line; a no-op when no path is given. Thread-safe."""

    def __init__(self, path: Path | None = None):
        """Raises OSError when path cannot be written (the command line checks first: unwritable())."""
        self._lock = threading.Lock()
        self._handle: TextIO | None = None
        self.path = path
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = open(path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - lives as long as the app

    @property
    def enabled(self) -> bool:
        return self._handle is not None

    def emit(self, event: str, **fields: Any) -> None:
        if self._handle is None:
            return
        record = {"event": event, "t": round(time.perf_counter() - _T0, 6), "wall": time.time(), **fields}
        line = json.dumps(record, ensure_ascii=False)
        with self._lock:
            if self._handle is None:
                return
            try:
                self._handle.write(line + "\n")
            except OSError as exc:  # the disk filled up or went away: stop logging events, say it once
                self._give_up(exc)

    def _give_up(self, exc: OSError) -> None:
        handle, self._handle = self._handle, None
        print(f"fenggang-reader: the event log {self.path} cannot be written any more ({exc.strerror or exc}); "
              "events are no longer recorded", file=sys.stderr)
        if handle is not None:
            with contextlib.suppress(OSError):
                handle.close()

    def close(self) -> None:
        with self._lock:
            if self._handle is not None:
                try:
                    self._handle.close()
                except OSError as exc:  # the last buffered line could not be written
                    self._handle = None
                    self._give_up(exc)
                self._handle = None


def unwritable(path: Path) -> str | None:
    """Why events cannot be appended to path (in plain words), or None when they can."""
    try:
        EventLog(path).close()
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


NULL_LOG = EventLog()
