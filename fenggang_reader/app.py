"""Wiring: the QApplication, settings, the report and the main window."""

from __future__ import annotations

import argparse
import gc
import logging
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from . import APP_ID, __version__
from .core.events import EventLog
from .core.logging_setup import log_file as crash_log_path
from .core.model import Report
from .core.pinyin import Annotator
from .core.pronunciation import RecordError
from .core.reader_annotator import cached_readings, reader_annotator
from .core.recovery import sweep_stale_temps
from .core.report_format import ReportFormatError, load_report
from .core.resources import load_bundled_report, resources_dir
from .core.settings import Settings
from .core.storage import AppDirs, keep_aside
from .single_instance import SingleInstance, bring_to_front
from .ui.crash_dialog import CrashHandler, install_crash_handling
from .ui.session_end import stop_on_signals

log = logging.getLogger(__name__)
UI_FONT_PT = 15
FREEZE_AFTER_MS = 2000  # after the first paint, the readings warm-up and the read-aloud build


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("Fenggang Reader")
    app.setApplicationDisplayName("凤岗读报 Fenggang Reader")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("fenggang-reader")
    QGuiApplication.setDesktopFileName(APP_ID)
    font = QFont(app.font())
    font.setFamilies(["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", *font.families()])
    font.setPointSize(max(font.pointSize(), UI_FONT_PT))  # menus, panels and dialogs in large print
    app.setFont(font)
    icon = resources_dir() / "icons" / "fenggang-reader.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def _fatal(message: str) -> int:
    """A resource we cannot do without: say which, on stderr, in the log and (with a screen) in a dialog."""
    print(f"fenggang-reader: {message}", file=sys.stderr)
    log.error("cannot start: %s", message)
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        QMessageBox.critical(None, "Fenggang Reader", message)
    return 1


def run_app(args: argparse.Namespace) -> int:
    events = EventLog(args.event_log)
    events.emit("app.start", version=__version__)
    dirs = AppDirs.default()
    # Before QApplication: a Qt that cannot start (no display) is then logged and said plainly, not an abort.
    crash = install_crash_handling(dirs.log)
    crash.application_started = False
    app = create_application()
    crash.application_started = True
    crash.error_reported.connect(lambda _details: events.emit("app.error"))
    crash.dialog_shown.connect(lambda: events.emit("app.crash_dialog"))
    instance = SingleInstance(dirs.config)
    if not instance.acquire():  # already open: that window came to the front
        events.emit("app.handed_off")
        events.close()
        return 0
    if instance.stale_removed:
        log.info("removed the stale instance socket of a run that ended abruptly")
    for folder in (dirs.config, dirs.data):
        sweep_stale_temps(folder)  # leftovers of writes a crash interrupted; the files themselves are whole
    try:
        report = load_report(args.report) if args.report else load_bundled_report()
        annotator = reader_annotator(report=report)  # corrections and 一/不 choice: ui/pronunciation_dialog
    except (ReportFormatError, RecordError) as exc:
        return _fatal(str(exc))
    try:
        settings = Settings.load(dirs.settings_file)  # damaged files are expected there: this is for bugs
    except Exception:  # noqa: BLE001 - reported, and the reader starts with the defaults
        _report(crash, "reading the settings")
        settings = _defaults_instead_of(Settings(path=dirs.settings_file))
    try:
        window = _open_window(report, annotator, settings, events, dirs)
    except Exception:  # noqa: BLE001 - any failure before exec(): reported, then one try with the defaults
        _report(crash, "start-up")
        settings = _defaults_instead_of(settings)
        try:
            window = _open_window(report, annotator, settings, events, dirs)
        except Exception:  # noqa: BLE001 - even the defaults fail: the details are logged and shown, then exit
            _report(crash, "start-up with the default settings")
            return _fatal("the reader could not start; the details are in the log" +
                          (f" {crash_log_path()}" if crash_log_path() else ""))
    crash.parent_window = window
    instance.activation_requested.connect(lambda: bring_to_front(window))
    window.view.first_paint.connect(lambda: events.emit("app.first_paint"))
    stop_on_signals(window)
    # What start-up made lives as long as the app (modules, the report, its readings, the window): take it out
    # of the cyclic GC's scans, or one full collection stalls a page turn by ~110 ms (benchmarks/bench_paging.py).
    window.view.first_paint.connect(lambda: QTimer.singleShot(FREEZE_AFTER_MS, gc.freeze))
    if window.maximise_at_first_show:  # a first start on a small screen (ui/window_fit.py)
        window.showMaximized()
    else:
        window.show()
    QTimer.singleShot(0, lambda: window.restore_position(offer=True))
    QTimer.singleShot(0, lambda: window.show_problems(settings.problems, settings.kept_aside))
    if args.quit_after:
        QTimer.singleShot(int(args.quit_after * 1000), window.close)
    code = app.exec()
    instance.release()
    events.emit("app.quit")
    events.close()
    return code


def _report(crash: CrashHandler, where: str) -> None:
    """The exception being handled, to the log, stderr and (once the event loop runs) the crash dialog."""
    exc_type, exc, tb = sys.exc_info()
    if exc_type is not None and exc is not None:
        crash.handle_exception(exc_type, exc, tb, where=where)


def _open_window(report: Report, annotator: Annotator, settings: Settings, events: EventLog, dirs: AppDirs):
    """The main window with the reader's settings and readings; anything that fails here has a second chance."""
    from .ui.i18n import apply_language
    from .ui.main_window import MainWindow  # after QApplication: widgets need it

    apply_language(settings["language"])  # before any widget, so every text starts translated
    # A warm start takes every reading from the cache and never loads pypinyin's dictionaries.
    window = MainWindow(report, annotator, settings, events)
    # After the window: its pronunciation feature has set the reader's corrections and 一/不 tones, which the cache's
    # fingerprint covers. A first start, or new corrections: the shipped readings may still fit.
    window.view.after_warm_up = cached_readings(annotator, report, dirs)  # per document (core/reader_annotator.py)
    return window


def _defaults_instead_of(settings: Settings) -> Settings:
    """The window could not be built with these settings: start with the defaults, the file kept aside."""
    fresh = Settings(path=settings.path)
    if settings.path is not None and settings.path.exists():
        fresh.kept_aside = keep_aside(settings.path)
    where = f" Your settings file was kept as {fresh.kept_aside.name}." if fresh.kept_aside else ""
    fresh.problems.append(f"The reader could not start with your settings, so it started with the usual ones.{where}")
    return fresh
