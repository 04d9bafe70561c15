"""One main window over the whole report shared by a module's tests that only read it, or only move the place.

A window of the whole report costs ~0.3 CPU-s a test to build, show, warm up and close, and many tests only look at it
(menus, names, contents, layout facts) or move through the text. Each test gets the module's window back at the start
of the text with the find bar closed and the focus in the text; anything else it leaves changed (settings, text size,
the place once put back, open dialogs or menus, focus, highlights, size) fails that test, with what changed
(``SharedWindow``). What the guard cannot see is for the marking to rule out: a test that rewires the window
(disconnects a signal, patches one of its objects) or that needs a window in its first state keeps a window of its own.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from fenggang_reader.core.reading_place import TextPlace
from fenggang_reader.ui.main_window import MainWindow

SETTLE_S = 2.0  # the place, put back, is remembered once the view comes to rest (navigation.REST_MS after the move)


def _name(widget: QWidget | None) -> str:
    return "" if widget is None else f"{type(widget).__name__}:{widget.objectName()}"


@dataclass(frozen=True)
class WindowState:
    """What a test could leave changed in a shared window, as the next test would see it."""

    settings: dict[str, Any]
    font_size: int
    current_index: int
    scroll: tuple[int, int]
    caret: tuple[int, int]
    size: tuple[int, int]
    window_state: int
    title: str
    focus: str
    others_open: tuple[str, ...]
    popup: str
    find_bar_open: bool
    contents_open: bool
    highlights: int

    @classmethod
    def of(cls, window: MainWindow) -> WindowState:
        view, cursor = window.view, window.view.textCursor()
        others = sorted(_name(w) for w in QApplication.topLevelWidgets()
                        if w.isVisible() and w is not window and w.windowType() != Qt.WindowType.ToolTip)
        return cls(settings=copy.deepcopy(dict(window.settings.values)), font_size=view.font_size(),
                   current_index=view.current_index(),
                   scroll=(view.verticalScrollBar().value(), view.horizontalScrollBar().value()),
                   caret=(cursor.position(), cursor.anchor()), size=(window.width(), window.height()),
                   window_state=window.windowState().value, title=window.windowTitle(),
                   focus=_name(window.focusWidget()), others_open=tuple(others),
                   popup=_name(QApplication.activePopupWidget()), find_bar_open=window.find_bar.isVisible(),
                   contents_open=window.contents_dock.isVisible(), highlights=len(view.extraSelections()))

    def changes(self, other: WindowState) -> dict[str, tuple[Any, Any]]:
        """(expected, found) of each field that differs; of settings, only the names that differ."""
        mine, theirs = asdict(self), asdict(other)
        out = {key: (mine[key], theirs[key]) for key in mine if key != "settings" and mine[key] != theirs[key]}
        out.update({f"settings[{name!r}]": (self.settings.get(name), other.settings.get(name))
                    for name in sorted(self.settings.keys() | other.settings.keys())
                    if self.settings.get(name) != other.settings.get(name)})
        return out


PLACE_SETTINGS = ("current_block", "reading_place", "scroll_fraction")


def shown_painted(window: MainWindow, width: int, height: int, at: QPoint | None = None) -> MainWindow:
    """The window at its size (and place on the screen), shown and painted, back at its remembered place with the
    focus in the text: as a window a test builds, shared or not, starts."""
    window.resize(width, height)
    if at is not None:
        window.move(at)
    window.show()
    while not window.view.painted():
        QApplication.processEvents()
    window.restore_position()
    window.view.setFocus()
    return window


def shared_or_own(request: Any, qtbot: Any, make: Callable[[], MainWindow]) -> MainWindow:
    """For a test marked ``shared_window`` its module's window (tests/ui/conftest.py ``shared_window``), for any
    other a window of its own, made now and closed after it."""
    if request.node.get_closest_marker("shared_window") is not None:
        return request.getfixturevalue("shared_window")
    window = make()
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def back_to_start(window: MainWindow) -> None:
    """The place at the start of the text, the find bar closed and the focus in the text, as a first start leaves
    them (restore_position)."""
    if window.find_bar.isVisible():
        window.find_bar.close_bar()
    window.view.set_current_index(0, ensure_visible=False)
    window.view.navigator.restore_place(TextPlace(0, 0), 0.0)
    window.view.setFocus(Qt.FocusReason.OtherFocusReason)


class SharedWindow:
    """A module's window (made by ``make`` when first wanted), the state each test starts it in, and the check after
    each test. A window a test left changed is closed, and the next test gets a new one: one failure, not a cascade."""

    def __init__(self, make: Callable[[], MainWindow], restore: Callable[[MainWindow], None] | None = None) -> None:
        """``restore``: what the module's tests change on purpose, put back after each (e.g. the theme)."""
        self._make = make
        self._restore = restore
        self._window: MainWindow | None = None
        self._expected: WindowState | None = None
        self._place: dict[str, Any] = {}
        self._position = QPoint()
        self._open_before: set[str] = set()

    def bring_back(self) -> MainWindow:
        """The window where it was made, the active one (another test's window may have been since)."""
        if self._window is None:
            self._window = window = self._make()
            self._position = window.pos()
            back_to_start(window)
            self._expected = replace(self._settled(window), others_open=())
            self._place = {name: window.settings[name] for name in PLACE_SETTINGS}
        self._window.move(self._position)
        self._window.activateWindow()
        self._open_before = set(WindowState.of(self._window).others_open)  # another test's windows may stay open
        return self._window

    def check(self) -> dict[str, tuple[Any, Any]]:
        """Put the place, find bar and focus back; what else differs from the start (expected, found). Then off the
        screen until the next test: the offscreen platform gives a mouse move to the first exposed window under the
        cursor, in creation order, and another test's window would not see it."""
        window, expected = self._window, self._expected
        assert window is not None and expected is not None
        if self._restore is not None:
            self._restore(window)
        back_to_start(window)
        self._settled(window)
        for name, value in self._place.items():  # the remembered place too (a move back remembers the first block)
            window.settings.set(name, value)
        found = WindowState.of(window)
        found = replace(found, others_open=tuple(name for name in found.others_open if name not in self._open_before))
        changes = expected.changes(found)
        window.move(-20_000, -20_000)
        if changes:
            self.close()
        return changes

    def close(self) -> None:
        if self._window is not None:
            self._window.close()
            self._window.deleteLater()
            self._window = None

    @staticmethod
    def _settled(window: MainWindow) -> WindowState:
        """The state once the view has come to rest (the place remembered) and stays so."""
        deadline = time.monotonic() + SETTLE_S
        state = WindowState.of(window)
        while time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
            now = WindowState.of(window)
            if now == state and not window.view.navigator._rest.isActive():
                return now
            state = now
        return state
