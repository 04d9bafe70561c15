"""Logging out, shutting down or ``kill``: the reader closes as if Ctrl+Q was pressed, so nothing is lost.

A desktop session ends its programs with SIGTERM (or SIGHUP when the terminal goes); Python's default would
end the process at once, losing the settings the 400 ms save timer had not written yet and the window layout,
which is saved only on close. The signal's number is written to a socket that a QSocketNotifier watches
(``signal.set_wakeup_fd``), so the event loop wakes even while no Python code runs, and the window closes
normally. Qt's own session manager (X11/Windows logout) asks to commit data: that saves too.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


class SessionEnd(QObject):
    """Closes the window (which saves) when the process is asked to end; ``received`` lists what came."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.received: list[int] = []
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._wake)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {sig: signal.signal(sig, _note_only) for sig in SIGNALS}
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.commitDataRequest.connect(lambda _manager: window.save_state())

    def _wake(self) -> None:
        try:
            data = self._reader.recv(64)
        except OSError:
            return
        signals = [number for number in data if number in SIGNALS]
        if not signals:
            return
        self.received.extend(signals)
        log.info("asked to end (signal %s): saving and closing", ", ".join(str(n) for n in signals))
        self.window.save_state()  # even if a feature keeps the window open (an export asking to cancel)
        self.window.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def restore(self) -> None:
        """Put the previous handlers back (tests open and close many windows)."""
        if not self._previous:
            return
        for sig, handler in self._previous.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(sig, handler)
        self._previous = {}
        with contextlib.suppress(ValueError):
            signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()


def _note_only(_signum: int, _frame: object) -> None:
    """The Python-level handler: the work happens in SessionEnd._wake, on the event loop."""


def stop_on_signals(window: MainWindow) -> SessionEnd:
    """Close ``window`` when the process is asked to end. The window is the handler's Qt parent, which keeps it,
    its Python side included, as long as the window lives."""
    return SessionEnd(window)
