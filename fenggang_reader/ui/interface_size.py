"""The interface grows with the text: one application font for menus, toolbar, status bar, panels, bars,
dialogs, message boxes and tooltips, set here from the interface_size policy (core/interface_size.py).

It follows the settings (font_size, interface_size), so every way of changing the text size — keys,
buttons, Ctrl+wheel, a restored setting — resizes the interface too. Widgets that want more than the
interface size (large toolbar, simple mode, note controls) scale from ``points()`` and listen to
``changed``; nothing else sets a point size of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from ..core.interface_size import FOLLOW_TEXT, interface_points, step_interface
from . import app_filters

if TYPE_CHECKING:
    from ..core.settings import Settings
    from .main_window import MainWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("InterfaceSize", text)


def scaled_font(base: QFont, points: float) -> QFont:
    """``base`` at ``points`` (fractional sizes are kept: 1.3 × 15 pt is 19.5 pt)."""
    font = QFont(base)
    font.setPointSizeF(points)
    return font


_UNDRAWN_PT = 1  # the font of a widget that draws no text: any fixed size


def keep_out_of_font_changes(widget: QWidget) -> None:
    """A widget that draws no text (a heading marker, a header never shown) keeps a font of its own, so the interface's
    font changes stop there: Qt sends one to every widget that follows the application font, and such a widget was
    laid out again for nothing (a long document has hundreds of heading markers; a hidden header had its tree
    measured again after each change)."""
    font = QFont()
    font.setPointSize(_UNDRAWN_PT)
    widget.setFont(font)


class InterfaceSize(QObject):
    """Owns the application font; ``changed(points)`` after every change."""

    changed = Signal(int)

    def __init__(self, settings: Settings, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self._points = 0
        settings.subscribe(self._setting_changed)
        self.apply()

    def points(self) -> int:
        return self._points

    def apply(self) -> None:
        points = interface_points(int(self.settings["font_size"]), int(self.settings["interface_size"]))
        if points == self._points:
            return
        self._points = points
        app = QApplication.instance()
        if isinstance(app, QApplication):
            font = scaled_font(app.font(), points)
            app.setFont(font)
            QToolTip.setFont(font)
            # Qt tells every widget on the event loop's next turn: now, so the menus, bars and panels take their new
            # size in the same layout pass as the text. (Sending the event to this window's widgets from Python,
            # as before, did it twice in the running app: ~320 widgets, once more after the change was painted.)
            # The app's Python filters wait for no such event: passed by, they no longer double its cost.
            with app_filters.passed_by():
                QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
        self.changed.emit(points)

    def _setting_changed(self, name: str, _value: object) -> None:
        if name in ("font_size", "interface_size"):
            self.apply()


class InterfaceSizeActions(QObject):
    """View ▸ larger / smaller menus and buttons, and back to following the text size."""

    def __init__(self, window: MainWindow, size: InterfaceSize):
        super().__init__(window)
        self.window = window
        self.size = size
        a = window.actions_by_id
        a["interface_larger"].triggered.connect(lambda: self.step(1))
        a["interface_smaller"].triggered.connect(lambda: self.step(-1))
        self.follow = a["interface_follow"]
        self.follow.setChecked(window.settings["interface_size"] == FOLLOW_TEXT)
        self.follow.triggered.connect(self.set_following)
        window.settings.subscribe(self._setting_changed)

    def step(self, direction: int) -> None:
        chosen = step_interface(self.size.points(), direction)
        if chosen == self.size.points():
            QApplication.beep()
        self.window.settings.set("interface_size", chosen)
        self.window.announce(_t("Menus and buttons %1 points").replace("%1", str(self.size.points())))

    def set_following(self, _checked: bool = True) -> None:
        self.window.settings.set("interface_size", FOLLOW_TEXT)
        self.follow.setChecked(True)
        self.window.announce(_t("Menus and buttons follow the text size (%1 points)")
                             .replace("%1", str(self.size.points())))

    def _setting_changed(self, name: str, value: object) -> None:
        if name == "interface_size":
            self.follow.setChecked(value == FOLLOW_TEXT)

