"""What happens when something goes wrong: everything is logged, the reader is told kindly, the app goes on.

``CrashHandler.install`` hooks ``sys.excepthook`` (PySide6 routes exceptions raised in slots and event
handlers there, and then carries on), ``threading.excepthook`` and Qt's message handler. Each error is
written to the rotated log (core/logging_setup.py); a large-print dialog says what happened and offers
to copy the details. Only ``run_app`` installs it: under pytest, pytest-qt's own hooks stay in charge,
so an exception in a slot still fails the test.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.logging_setup import crash_report, enable_fatal_log, log_file, setup_logging
from .forms import LARGE_PRINT_PT, large_print

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

MAX_DIALOGS = 3  # after this many in one session, errors are only logged (no dialog storm)
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}



class CrashDialog(QDialog):
    """Large print, plain words, one obvious button to copy the details for whoever helps."""

    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(QCoreApplication.translate("CrashDialog", "Something went wrong"))
        font = large_print(self)
        layout = QVBoxLayout(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                             | Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        self.details.setAccessibleName(QCoreApplication.translate("CrashDialog", "Error details"))
        small = QFont(font)
        small.setPointSize(max(12, LARGE_PRINT_PT - 6))
        self.details.setFont(small)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(QCoreApplication.translate("CrashDialog", "Copy the details"), self)
        self.copy_button.setObjectName("crashCopy")
        self.copy_button.setMinimumHeight(48)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QCoreApplication.translate("CrashDialog", "Continue reading"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.setObjectName("crashContinue")
        self.close_button.setMinimumHeight(48)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.count = 0
        self._log_path = log_path
        self.add_error(details)
        self.resize(760, 520)
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def add_error(self, details: str) -> None:
        """Another error while the dialog is open joins it instead of opening a new window."""
        self.count += 1
        current = self.details.toPlainText()
        self.details.setPlainText(f"{current}\n\n{'-' * 40}\n{details}" if current else details)
        text = QCoreApplication.translate(
            "CrashDialog", "The reader met an unexpected problem. It keeps running: you can go on reading.")
        if self.count > 1:
            more = QCoreApplication.translate("CrashDialog", "(%1 problems so far.)")
            text += " " + more.replace("%1", str(self.count))
        if self._log_path is not None:
            saved = QCoreApplication.translate(
                "CrashDialog", "The details were saved in %1. If you want help, copy them and send them to "
                               "whoever looks after this computer.")
            text += "\n\n" + saved.replace("%1", str(self._log_path))
        self.message.setText(text)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(QCoreApplication.translate("CrashDialog", "Copied"))


class CrashHandler(QObject):
    """Installs the hooks; errors from any thread reach the dialog on the GUI thread through a signal."""

    error_reported = Signal(str)  # the details text, queued to the GUI thread
    dialog_shown = Signal()  # the reader can see the dialog now (the event log records it)

    def __init__(self, *, show_dialog: bool = True, parent: QObject | None = None):
        super().__init__(parent)
        self.show_dialog = show_dialog
        self.errors = 0
        self.dialog: CrashDialog | None = None
        self.parent_window: QWidget | None = None
        self.application_started = True  # run_app installs the hooks before QApplication and says when it exists
        self._dialogs_shown = 0
        self._previous_excepthook: Callable[..., Any] | None = None
        self._previous_thread_hook: Callable[..., Any] | None = None
        self._previous_qt_handler: Callable[..., Any] | None = None
        self._installed = False
        self._in_handler = threading.local()
        self.error_reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    # ---- hooks
    def install(self) -> CrashHandler:
        if self._installed:
            return self
        self._previous_excepthook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle_exception
        threading.excepthook = self._thread_hook
        self._previous_qt_handler = qInstallMessageHandler(self.handle_qt_message)
        self._installed = True
        return self

    def uninstall(self) -> None:
        if not self._installed:
            return
        sys.excepthook = self._previous_excepthook or sys.__excepthook__
        threading.excepthook = self._previous_thread_hook or threading.__excepthook__
        qInstallMessageHandler(self._previous_qt_handler)
        self._installed = False

    def handle_exception(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
                         where: str = "") -> None:
        """sys.excepthook: log, tell the reader, keep going. Ctrl+C still interrupts as usual."""
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if getattr(self._in_handler, "active", False):  # an error while reporting an error: stderr only
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._in_handler.active = True
        try:
            self.errors += 1
            details = crash_report(exc_type, exc, tb, where, (f"Qt {qVersion()}", f"PySide6 {PYSIDE_VERSION}"))
            log.error("unhandled exception%s:\n%s", f" in {where}" if where else "", details)
            print(details, file=sys.stderr)
            self.error_reported.emit(details)
        finally:
            self._in_handler.active = False

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        self.handle_exception(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback,
                              where=f"thread {name}")

    def handle_qt_message(self, mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        """Qt's warnings go to the log (and stderr, as Qt would); a fatal one is flushed before Qt aborts."""
        level = _QT_LEVELS.get(mode, logging.WARNING)
        category = getattr(context, "category", None)
        where = f" ({category})" if category not in (None, "", "default") else ""
        qt_log.log(level, "%s%s", message, where)
        if level >= logging.WARNING:
            print(f"Qt: {message}{where}", file=sys.stderr)
        if mode == QtMsgType.QtFatalMsg:
            for handler in logging.getLogger().handlers:
                handler.flush()
            if not self.application_started:  # Qt itself could not start (no display, no platform plugin)
                self._cannot_start(message)

    @staticmethod
    def _cannot_start(message: str) -> None:
        """No window can say it: a plain sentence on stderr and in the log, then exit 1 instead of Qt's abort."""
        where = log_file()
        first = message.strip().splitlines()[0] if message.strip() else "Qt could not start"
        text = (f"fenggang-reader: the reader cannot open its window (Qt: {first}) Is a desktop (a display) "
                f"running?" + (f" The details are in {where}." if where else ""))
        log.critical("%s", text)
        print(text, file=sys.stderr, flush=True)
        for handler in logging.getLogger().handlers:
            handler.flush()
        if sys.platform == "win32":  # a double-clicked app has no console: Qt's own handler would show a box
            import ctypes

            ctypes.windll.user32.MessageBoxW(None, text, "Fenggang Reader", 0x10)  # MB_ICONERROR
        os._exit(1)

    # ---- the dialog (GUI thread)
    def _show(self, details: str) -> None:
        if not self.show_dialog:
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_error(details)
            return
        if self._dialogs_shown >= MAX_DIALOGS:
            return
        self._dialogs_shown += 1
        self.dialog = CrashDialog(details, log_file(), self.parent_window)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._dialog_gone)
        self.dialog.open()  # window-modal, not exec(): the event loop (and reading aloud) carries on
        self.dialog_shown.emit()

    def _dialog_gone(self) -> None:
        self.dialog = None


def install_crash_handling(log_dir: Path, *, show_dialog: bool = True) -> CrashHandler:
    """What run_app calls once: the rotated log, the fatal-crash log and the hooks."""
    setup_logging(log_dir)
    enable_fatal_log(log_dir)
    return CrashHandler(show_dialog=show_dialog, parent=QCoreApplication.instance()).install()
