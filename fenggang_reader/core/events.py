"""The --event-log: JSON lines with a monotonic time since process start and the wall clock.

Benchmarks and end-to-end tests read it. Event names are a public interface: keep them stable
(app.start, app.first_paint, speech.request, speech.audio_start, speech.boundary, speech.end,
speech.fallback, paragraph.current).
"""

from __future__ import annotations

import json
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
        self._lock = threading.Lock()
        self._handle: TextIO | None = None
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
            if self._handle is not None:
                self._handle.write(line + "\n")

    def close(self) -> None:
        with self._lock:
            if self._handle is not None:
                self._handle.close()
                self._handle = None


NULL_LOG = EventLog()
