"""Opening a document off the GUI thread: extracting and structuring a large PDF takes seconds, and the window
must keep answering keys meanwhile.

``load`` runs a job (``open_document`` of a path, or saving and opening pasted text) on a thread of its own.
The thread makes no Qt call: the window polls for its result, so a thread still working when the app ends
cannot touch Qt while Python finalizes. A second ``load`` replaces the first: the first one's result, when it
comes, is dropped. While loading the cursor is busy.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from ..core.document_places import DocumentSource
from ..core.model import Report

log = logging.getLogger(__name__)

POLL_MS = 25


@dataclass(frozen=True)
class LoadedDocument:
    report: Report
    source: DocumentSource
    ms: float  # how long the job took (extracting and structuring), on its thread


@dataclass(frozen=True)
class LoadFailure:
    source: DocumentSource
    error: BaseException


class DocumentLoader(QObject):
    """One job at a time; ``loaded`` or ``failed`` for the newest only."""

    started = Signal(object)  # DocumentSource
    loaded = Signal(object)  # LoadedDocument
    failed = Signal(object)  # LoadFailure

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._job: tuple[DocumentSource, Future[tuple[Report, DocumentSource, float]]] | None = None
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self._check)
        self._busy_cursor = False

    @property
    def loading(self) -> bool:
        return self._job is not None

    def load(self, source: DocumentSource, job: Callable[[], tuple[Report, DocumentSource]]) -> None:
        """Run ``job`` on a thread: the document and where it now is (pasted text is saved first). A job still
        running is forgotten (its thread ends by itself)."""
        future: Future[tuple[Report, DocumentSource, float]] = Future()

        def run() -> None:
            if not future.set_running_or_notify_cancel():
                return
            started = time.perf_counter()
            try:
                report, opened = job()
                future.set_result((report, opened, (time.perf_counter() - started) * 1000))
            except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, which reports it
                future.set_exception(exc)

        if self._job is not None:
            self._job[1].cancel()  # never started: it will not run
        self._job = (source, future)
        threading.Thread(target=run, name="open-document", daemon=True).start()
        self._set_busy(True)
        self._poll.start()
        self.started.emit(source)

    def cancel(self) -> None:
        if self._job is not None:
            self._job[1].cancel()
        self._finish()

    def _check(self) -> None:
        if self._job is None:
            self._poll.stop()
            return
        source, future = self._job
        if not future.done():
            return
        self._finish()
        if future.cancelled():
            return
        error = future.exception()
        if error is not None:
            if not _expected(error):
                log.error("opening %s failed", source.path or "the pasted text", exc_info=error)
            self.failed.emit(LoadFailure(source, error))
            return
        report, opened, ms = future.result()
        self.loaded.emit(LoadedDocument(report, opened, ms))

    def _finish(self) -> None:
        self._job = None
        self._poll.stop()
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        if busy == self._busy_cursor:
            return
        self._busy_cursor = busy
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QGuiApplication.restoreOverrideCursor()


def _expected(error: BaseException) -> bool:
    from ..core.documents.extract import DocumentError

    return isinstance(error, DocumentError)
