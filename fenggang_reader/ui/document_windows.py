"""The reader's one window, and a fresh one for each document opened in it.

A window is built for one Report: the view, the contents panel, find, the glossary, read aloud and the
exports all take it at construction. Opening another document builds a new ``MainWindow`` for it in the old
one's place rather than asking every part to change its document, so no part can go on showing the old one.
The old window stops reading aloud and saves its place first; the new one gets a copy of the settings (with the
window's geometry, maximised state and panel layout just saved), the same event log and recent documents, and
is shown where the old one was; the old one then closes without saving again and is deleted. What the app
hooks onto "the window" (crash dialog parent, single-instance activation, session end) is ``attach``, applied to
each window in turn.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from ..core.document_places import DocumentSource
from ..core.events import EventLog
from ..core.model import Report
from ..core.recent_documents import RecentDocuments
from ..core.settings import Settings

if TYPE_CHECKING:
    from .document_loader import LoadedDocument
    from .main_window import MainWindow

log = logging.getLogger(__name__)

BuildWindow = Callable[[Report, DocumentSource, Settings], "MainWindow"]


def _t(text: str) -> str:
    return QCoreApplication.translate("DocumentWindows", text)


def note_opened(recent: RecentDocuments, report: Report, source: DocumentSource, title: str) -> None:
    """The recent documents learn what is open now (the shipped report is never in the list)."""
    if source.path is None:
        if recent.current is None:  # as it was: nothing to write (a usual start of the built-in report)
            return
        recent.builtin_opened()
    else:
        recent.opened(source.path, title, report.fingerprint)
    recent.save()


def document_opened_event(events: EventLog, report: Report, source: DocumentSource, ms: float) -> None:
    events.emit("document.open", path=str(source.path) if source.path is not None else None,
                blocks=len(report.blocks), chars=sum(len(b.text) for b in report.blocks), ms=round(ms, 1))


class DocumentWindows(QObject):
    """Holds the current window (``window``); ``show_document`` puts a loaded document in its place."""

    window_changed = Signal(object)  # the new MainWindow

    def __init__(self, build: BuildWindow, attach: Callable[[MainWindow], None], recent: RecentDocuments,
                 events: EventLog):
        super().__init__()
        self._build = build
        self._attach = attach
        self.recent = recent
        self.events = events
        self.window: MainWindow | None = None

    def adopt(self, window: MainWindow) -> None:
        """``window`` is the reader's window now: the app's hooks move to it, its opened documents come here."""
        self.window = window
        window.opening.ready.connect(self.show_document)
        self._attach(window)
        self.window_changed.emit(window)

    def show_document(self, loaded: LoadedDocument) -> MainWindow:
        """A new window for ``loaded`` where the current one is; the current one closes."""
        old = self.window
        assert old is not None, "adopt() the first window before opening documents in it"
        if old.read_aloud.built:  # not one more word of the old document
            old.read_aloud.controller.stop()
        old.save_state()
        old.replaced = True  # its close saves nothing more: the new window's settings are a copy of these
        settings = Settings(path=old.settings.path, values=dict(old.settings.values))
        window = self._build(loaded.report, loaded.source, settings)
        # The old window's objects must become collectable (app.py froze them after the first paint), once the new
        # window is painted: unfrozen before it was built, a full collection meanwhile scanned all start-up made too
        # (145 ms CPU in one of four opens of 300,000 characters in benchmarks/bench_scale.py's warm case).
        window.view.first_paint.connect(gc.unfreeze)
        note_opened(self.recent, loaded.report, loaded.source, window.document_title())
        document_opened_event(self.events, loaded.report, loaded.source, loaded.ms)
        self.adopt(window)
        if old.isFullScreen():
            window.showFullScreen()
        elif old.isMaximized():
            window.showMaximized()
        else:
            window.show()
        old.close()
        old.deleteLater()
        QTimer.singleShot(0, lambda: self._arrive(window))
        return window

    def _arrive(self, window: MainWindow) -> None:
        """At the document's remembered place (or its start), the keys in the text, its title said."""
        if self.window is not window:
            return
        window.key_hints.show_unless_hidden_before()  # Space, + / −, F1 stay up in every window until hidden
        window.restore_position()
        window.activateWindow()
        window.view.setFocus(Qt.FocusReason.OtherFocusReason)
        announce_once_focused(window, _t("Opened “%1”.").replace("%1", window.document_title()))


FOCUS_PATIENCE_MS = 3000  # a window manager activates a new window within a few hundred ms; then say it anyway


def announce_once_focused(window: MainWindow, text: str) -> None:
    """``window.announce(text)`` once the keyboard focus is in ``window``.

    A screen reader hears a message from the focused control of the active window (ui/announcer.py): a window
    shown a moment ago is activated by the window manager a little later, and a message given before then went
    to the old window's control, or nowhere (with the real Orca, "Opened …" after Ctrl+O was never heard)."""
    if _focus_in(window):
        window.announce(text)
    else:
        _AnnounceOnFocus(window, text)


def _focus_in(window: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and focus.window() is window


class _AnnounceOnFocus(QObject):
    """Holds a message until the focus arrives in its window (or FOCUS_PATIENCE_MS pass); a child of the window,
    so a window closed meanwhile takes it along, connections and all."""

    def __init__(self, window: MainWindow, text: str):
        super().__init__(window)
        self._window, self._text = window, text
        self._delivered = False
        app = QApplication.instance()
        assert isinstance(app, QApplication)  # a window exists
        self._app = app
        app.focusChanged.connect(self._focus_changed)
        QTimer.singleShot(FOCUS_PATIENCE_MS, self, self._deliver)

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        if _focus_in(self._window):
            self._deliver()

    def _deliver(self) -> None:
        if self._delivered:
            return
        self._delivered = True
        self._app.focusChanged.disconnect(self._focus_changed)
        self._window.announce(self._text)
        self.deleteLater()
