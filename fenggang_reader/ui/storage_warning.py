"""Tell the reader, once, when their settings or the audio cache cannot be written.

The app keeps working from memory either way (settings last until it closes; speech is fetched
again); what matters is that the reader knows why a change may not survive a restart, without a
message on every save, and without a dialog that takes the keyboard in the middle of reading: the
message is announced and stays on the status bar. core/recovery.py recognises the refusals in the log; this shows them.
"""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel

from ..core.recovery import DiskProblemWatcher
from ..core.storage import AppDirs

if TYPE_CHECKING:
    from .main_window import MainWindow



def describe(area: str, error: OSError, dirs: AppDirs) -> str:
    full = error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
    if full:
        reason = QCoreApplication.translate("StorageWarning", "the disk is full")
    else:
        reason = QCoreApplication.translate("StorageWarning", "the folder cannot be written")
    if area == "settings":
        text = QCoreApplication.translate(
            "StorageWarning", "Your settings cannot be saved: %1 (%2). The reader keeps working, but changes are "
                              "forgotten when it closes.")
        folder = dirs.config
    else:
        text = QCoreApplication.translate(
            "StorageWarning", "Spoken audio cannot be kept on this computer: %1 (%2). Reading aloud still works, "
                              "but needs the network each time.")
        folder = dirs.cache
    return text.replace("%1", reason).replace("%2", str(folder))


class StorageWarnings(QObject):
    """Bridges the watcher (any thread) to the window (GUI thread)."""

    problem = Signal(str, object)  # area, OSError
    shown = Signal(str)  # the message, after it was shown (tests and the event log)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.messages: list[str] = []
        self.labels: dict[str, QLabel] = {}  # area → its status-bar label
        self.dirs = AppDirs.default()
        self.problem.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.watcher = DiskProblemWatcher(self._notify).attach()
        window.destroyed.connect(self.watcher.detach)

    def _notify(self, area: str, error: OSError) -> None:
        """Runs on whichever thread logged the refusal."""
        if not shiboken6.isValid(self):  # the window is gone (tests open many): stop listening
            self.watcher.detach()
            return
        self.problem.emit(area, error)

    def _show(self, area: str, error: OSError) -> None:
        """Say it without taking the keyboard: a reader in the middle of a paragraph (or of listening) keeps
        the focus, and Space still reads. The message stays on the status bar as a label for the session."""
        text = describe(area, error, self.dirs)
        self.messages.append(text)
        self.window.events.emit("storage.warning", area=area, errno=error.errno)
        self.window.announce(text)
        label = QLabel(self._short_text(area), self.window)
        label.setObjectName(f"storageWarning_{area}")
        label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        label.setToolTip(text)
        label.setAccessibleName(label.text())
        label.setAccessibleDescription(text)
        self.labels[area] = label
        self.window.statusBar().addPermanentWidget(label)
        self.shown.emit(text)

    @staticmethod
    def _short_text(area: str) -> str:
        if area == "settings":
            return QCoreApplication.translate("StorageWarning", "⚠ Settings cannot be saved")
        return QCoreApplication.translate("StorageWarning", "⚠ Spoken audio cannot be kept")
