"""Crash handling: errors are logged to a rotated file, the reader sees one kind dialog, the app goes on."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, Signal, qWarning
from PySide6.QtWidgets import QApplication

from fenggang_reader.core import logging_setup
from fenggang_reader.core.storage import AppDirs
from fenggang_reader.ui.crash_dialog import MAX_DIALOGS, CrashDialog, CrashHandler, install_crash_handling


@pytest.fixture
def handler(app, qtbot):
    """The app's crash handling, installed for one test and taken out again afterwards."""
    crash = install_crash_handling(AppDirs.default().log)
    yield crash
    crash.uninstall()
    if crash.dialog is not None:
        crash.dialog.close()
    logging_setup.close_log()


@pytest.fixture
def app(qapp):
    from fenggang_reader.app import create_application

    return create_application()


def log_text() -> str:
    return (AppDirs.default().log / logging_setup.LOG_NAME).read_text(encoding="utf-8")


class Emitter(QObject):
    fired = Signal()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_shown_and_the_app_keeps_running(handler, qtbot):
    calls = []

    def bad_slot():
        calls.append("bad")
        raise RuntimeError("slot exploded: 凤岗")

    emitter = Emitter()
    emitter.fired.connect(bad_slot)
    emitter.fired.connect(lambda: calls.append("after"))  # later slots still run
    emitter.fired.emit()
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert calls == ["bad", "after"]
    assert handler.errors == 1
    text = log_text()
    assert "slot exploded: 凤岗" in text and "RuntimeError" in text and "bad_slot" in text
    dialog = handler.dialog
    assert isinstance(dialog, CrashDialog)
    assert dialog.font().pointSize() >= 18  # large print
    assert "slot exploded" in dialog.details.toPlainText()
    assert str(AppDirs.default().log) in dialog.message.text()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert "slot exploded: 凤岗" in QApplication.clipboard().text()
    assert "Fenggang Reader" in QApplication.clipboard().text()
    # the event loop still runs after the error
    ticked = []
    QTimer.singleShot(0, lambda: ticked.append(1))
    qtbot.waitUntil(lambda: ticked == [1])


@pytest.mark.qt_no_exception_capture
def test_errors_while_the_dialog_is_open_join_it_and_dialogs_are_bounded(handler, qtbot):
    for n in range(3):
        handler.handle_exception(ValueError, ValueError(f"error {n}"), None)
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.count == 3)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()]
    assert len(dialogs) == 1
    assert "3" in handler.dialog.message.text()
    # close and re-open until the session's limit: later errors are logged only
    for _ in range(MAX_DIALOGS + 2):
        if handler.dialog is not None:
            handler.dialog.accept()
            qtbot.waitUntil(lambda: handler.dialog is None)
        handler.handle_exception(ValueError, ValueError("again"), None)
        QApplication.processEvents()
    assert handler._dialogs_shown == MAX_DIALOGS
    assert log_text().count("ValueError: again") == MAX_DIALOGS + 2


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_thread_reaches_the_gui_dialog(handler, qtbot):
    def worker():
        raise OSError("worker failed")

    thread = threading.Thread(target=worker, name="test-worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: handler.dialog is not None)
    assert "worker failed" in handler.dialog.details.toPlainText()
    assert "thread test-worker" in log_text()


def test_qt_warnings_go_to_the_log(handler, qtbot):
    qWarning("a Qt warning for the log")
    assert "WARNING  qt" in log_text() and "a Qt warning for the log" in log_text()


def test_dialog_can_be_disabled(app, qtbot):
    crash = CrashHandler(show_dialog=False)
    crash.handle_exception(ValueError, ValueError("quiet"), None)
    QApplication.processEvents()
    assert crash.dialog is None and crash.errors == 1


def test_the_log_rotates_and_stays_bounded(tmp_path):
    path = logging_setup.setup_logging(tmp_path / "log")
    try:
        logger = logging.getLogger("fenggang_reader.test")
        line = "x" * 1000
        for _ in range(6000):  # ~6 MB offered
            logger.info(line)
    finally:
        logging_setup.close_log()
    files = sorted(p.name for p in (tmp_path / "log").iterdir())
    assert path is not None and path.name in files
    assert len(files) <= logging_setup.BACKUP_COUNT + 1
    total = sum(p.stat().st_size for p in (tmp_path / "log").iterdir())
    assert total <= (logging_setup.BACKUP_COUNT + 1) * logging_setup.MAX_BYTES + 4096


def test_an_unwritable_log_folder_does_not_stop_the_app(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert logging_setup.setup_logging(blocker / "log") is None
    assert "cannot write the log" in capsys.readouterr().err


def test_the_test_fixtures_leave_pytest_qt_in_charge(qapp):
    """Only run_app installs the handler: a slot's exception must still fail a test."""
    assert not isinstance(getattr(sys.excepthook, "__self__", None), CrashHandler)


def test_a_hard_crash_leaves_a_traceback_in_the_fatal_log(tmp_path):
    code = (
        "import ctypes, pathlib, sys\n"
        "from fenggang_reader.core.logging_setup import enable_fatal_log\n"
        "enable_fatal_log(pathlib.Path(sys.argv[1]))\n"
        "ctypes.string_at(0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, timeout=60)
    assert result.returncode != 0
    fatal = (tmp_path / logging_setup.FATAL_NAME).read_text(encoding="utf-8")
    assert "Segmentation fault" in fatal and "string_at" in fatal
