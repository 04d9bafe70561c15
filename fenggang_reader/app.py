"""Wiring: the QApplication, settings, the report and the main window."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from . import APP_ID, __version__
from .core.events import EventLog
from .core.pronunciation import RecordError
from .core.reader_annotator import preload_readings, reader_annotator
from .core.recovery import sweep_stale_temps
from .core.report_format import ReportFormatError, load_report
from .core.resources import load_bundled_report, resources_dir
from .core.settings import Settings
from .core.storage import AppDirs
from .single_instance import SingleInstance, bring_to_front
from .ui.crash_dialog import install_crash_handling

log = logging.getLogger(__name__)
UI_FONT_PT = 15


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
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
    """A resource we cannot do without: say which, on stderr and (with a screen) in a dialog."""
    print(f"fenggang-reader: {message}", file=sys.stderr)
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        QMessageBox.critical(None, "Fenggang Reader", message)
    return 1


def run_app(args: argparse.Namespace) -> int:
    events = EventLog(args.event_log)
    events.emit("app.start", version=__version__)
    app = create_application()
    dirs = AppDirs.default()
    instance = SingleInstance(dirs.config)
    if not instance.acquire():  # already open: that window came to the front
        events.emit("app.handed_off")
        events.close()
        return 0
    crash = install_crash_handling(dirs.log)
    if instance.stale_removed:
        log.info("removed the stale instance socket of a run that ended abruptly")
    for folder in (dirs.config, dirs.data):
        sweep_stale_temps(folder)  # leftovers of writes a crash interrupted; the files themselves are whole
    try:
        report = load_report(args.report) if args.report else load_bundled_report()
        annotator = reader_annotator()  # the reader's corrections and 一/不 choice: ui/pronunciation_dialog
    except (ReportFormatError, RecordError) as exc:
        return _fatal(str(exc))
    settings = Settings.load(dirs.settings_file)

    from .ui.i18n import apply_language
    from .ui.main_window import MainWindow  # after QApplication: widgets need it

    apply_language(settings["language"])  # before any widget, so every text starts translated

    # A warm start takes every reading from the cache and never loads pypinyin's dictionaries.
    readings_cache = dirs.cache / "readings.json"
    block_keys = [(b.id, b.text) for b in report.blocks]
    window = MainWindow(report, annotator, settings, events)
    # After the window: its pronunciation feature has set the reader's corrections and 一/不 tones, which the cache's
    # fingerprint covers. A first start, or new corrections: the shipped readings may still fit.
    if preload_readings(annotator, report, readings_cache) < len(block_keys):
        window.view.after_warm_up = lambda: annotator.save_cache(readings_cache, block_keys)
    crash.parent_window = window
    instance.activation_requested.connect(lambda: bring_to_front(window))
    window.view.first_paint.connect(lambda: events.emit("app.first_paint"))
    window.show()
    QTimer.singleShot(0, lambda: window.restore_position(offer=True))
    QTimer.singleShot(0, lambda: window.show_problems(settings.problems))
    if args.quit_after:
        QTimer.singleShot(int(args.quit_after * 1000), window.close)
    code = app.exec()
    instance.release()
    events.emit("app.quit")
    events.close()
    return code
