"""Wiring: the QApplication, settings, the document to open and the main window (one at a time: a document
opened in the window gets a fresh window, ui/document_windows.py)."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from . import APP_ID, __version__
from .core.document_places import DocumentSource
from .core.events import EventLog
from .core.logging_setup import log_file as crash_log_path
from .core.model import Report
from .core.pinyin import Annotator
from .core.pronunciation import RecordError
from .core.reader_annotator import cached_readings, reader_annotator
from .core.recent_documents import FILE_NAME as RECENT_FILE_NAME
from .core.recent_documents import RecentDocuments
from .core.recovery import sweep_stale_temps
from .core.report_format import ReportFormatError, load_report
from .core.resources import load_bundled_report, resources_dir
from .core.settings import Settings
from .core.storage import AppDirs, keep_aside
from .single_instance import SingleInstance, bring_to_front
from .ui.crash_dialog import CrashHandler, install_crash_handling

if TYPE_CHECKING:
    from .ui.main_window import MainWindow
from .ui.session_end import SessionEnd, stop_on_signals

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
    from .ui.app_style import ReaderStyle  # widgets' modules load once the application exists
    from .ui.focus_ring import FocusRing

    if not isinstance(app.style(), ReaderStyle):
        app.setStyle(ReaderStyle())  # check boxes and radio buttons as large as their text, outlined
    FocusRing.install(app)  # every control the keyboard reaches is ringed in the theme's focus colour
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
    file: Path | None = getattr(args, "file", None)
    instance = SingleInstance(dirs.config, open_path=file.absolute() if file is not None else None)
    if not instance.acquire():  # already open: that window came to the front (and opens FILE)
        events.emit("app.handed_off")
        events.close()
        return 0
    if instance.stale_removed:
        log.info("removed the stale instance socket of a run that ended abruptly")
    for folder in (dirs.config, dirs.data):
        sweep_stale_temps(folder)  # leftovers of writes a crash interrupted; the files themselves are whole
    recent = RecentDocuments.load(dirs.data / RECENT_FILE_NAME)
    # FILE, else the document open last; one that cannot be opened leaves the built-in report and a message.
    opened: tuple[Report, DocumentSource, float] | None = None
    start_problem: tuple[Path, BaseException, bool] | None = None
    wanted = file if file is not None else (recent.current if not args.report else None)
    if wanted is not None:
        try:
            opened = _open_file(wanted)
        except Exception as exc:  # noqa: BLE001 - a DocumentError, or a fault: either way the report opens
            if not _is_document_error(exc):
                log.exception("opening %s at start failed", wanted)
            start_problem = (wanted, exc, file is None)
            recent.builtin_opened()
    try:
        if opened is None:
            started = time.perf_counter()
            builtin = load_report(args.report) if args.report else load_bundled_report()
            opened = (builtin, DocumentSource(), (time.perf_counter() - started) * 1000)
        annotator = reader_annotator(report=opened[0])  # corrections and 一/不 choice: ui/pronunciation_dialog
    except (ReportFormatError, RecordError) as exc:
        return _fatal(str(exc))
    report, source, open_ms = opened
    opened_report = report
    try:
        settings = Settings.load(dirs.settings_file)  # damaged files are expected there: this is for bugs
    except Exception:  # noqa: BLE001 - reported, and the reader starts with the defaults
        _report(crash, "reading the settings")
        settings = _defaults_instead_of(Settings(path=dirs.settings_file))

    def build(report: Report, source: DocumentSource, settings: Settings) -> MainWindow:
        # The shipped record applies whole to the shipped report only (core/reader_annotator.py); each other
        # document gets an annotator (and so readings) of its own.
        document_annotator = annotator if report is opened_report else reader_annotator(report=report)
        return _open_window(report, document_annotator, settings, events, dirs, source, recent)

    # What start-up made (modules, the report, the annotator and whatever it loaded) lives as long as the app: out of
    # the cyclic GC's scans before the first window is built, where a full collection of it fell into the first paint
    # (~60 ms with pypinyin's dictionaries loaded, ~30 ms without: benchmarks/bench_scale.py does the same).
    gc.freeze()
    try:
        window = build(report, source, settings)
    except Exception:  # noqa: BLE001 - any failure before exec(): reported, then one try with the defaults
        _report(crash, "start-up")
        settings = _defaults_instead_of(settings)
        try:
            window = build(report, source, settings)
        except Exception:  # noqa: BLE001 - even the defaults fail: the details are logged and shown, then exit
            _report(crash, "start-up with the default settings")
            return _fatal("the reader could not start; the details are in the log" +
                          (f" {crash_log_path()}" if crash_log_path() else ""))
    from .ui.document_windows import DocumentWindows, document_opened_event, note_opened

    session_end: list[SessionEnd] = []

    def attach(window: MainWindow) -> None:
        """What the app hooks onto the window, moved to each new one: crash dialog parent, session end, the
        cyclic GC left out of what the window made once it is painted."""
        crash.parent_window = window
        for handler in session_end:
            handler.restore()
        session_end[:] = [stop_on_signals(window)]
        # What start-up made lives as long as the window (modules, the report, its readings): take it out of the
        # cyclic GC's scans, or one full collection stalls a page turn by ~110 ms (benchmarks/bench_paging.py).
        window.view.first_paint.connect(lambda: QTimer.singleShot(FREEZE_AFTER_MS, gc.freeze))

    windows = DocumentWindows(build, attach, recent, events)
    window.view.first_paint.connect(lambda: events.emit("app.first_paint"))
    windows.adopt(window)
    note_opened(recent, report, source, window.document_title())
    document_opened_event(events, report, source, open_ms)
    instance.activation_requested.connect(lambda: bring_to_front(windows.window))
    instance.open_requested.connect(lambda path: windows.window.opening.open_path(path) if windows.window else None)
    if window.maximise_at_first_show:  # a first start on a small screen (ui/window_fit.py)
        window.showMaximized()
    else:
        window.show()
    QTimer.singleShot(0, lambda: window.restore_position(offer=True))
    QTimer.singleShot(0, lambda: window.show_problems(settings.problems, settings.kept_aside))
    if recent.problems:
        QTimer.singleShot(0, lambda: window.opening.show_recent_problems(recent.problems, recent.kept_aside))
    if start_problem is not None:
        QTimer.singleShot(0, lambda: window.opening.show_start_problem(*start_problem))
    if args.quit_after:
        QTimer.singleShot(int(args.quit_after * 1000), lambda: windows.window.close() if windows.window else None)
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


def _open_file(path: Path) -> tuple[Report, DocumentSource, float]:
    from .core.documents.open import open_document

    started = time.perf_counter()
    report = open_document(path)
    return report, DocumentSource(path.absolute()), (time.perf_counter() - started) * 1000


def _is_document_error(exc: BaseException) -> bool:
    from .core.documents.extract import DocumentError

    return isinstance(exc, DocumentError)


def _open_window(report: Report, annotator: Annotator, settings: Settings, events: EventLog, dirs: AppDirs,
                 source: DocumentSource, recent: RecentDocuments) -> MainWindow:
    """The main window with the reader's settings and readings; anything that fails here has a second chance."""
    from .ui.i18n import apply_language
    from .ui.main_window import MainWindow  # after QApplication: widgets need it

    apply_language(settings["language"])  # before any widget, so every text starts translated
    window = MainWindow(report, annotator, settings, events, source=source, recent=recent)
    # A warm start takes every reading from the cache and never loads pypinyin's dictionaries.
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
