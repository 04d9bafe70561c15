"""What screen readers, magnifiers and the app's own voice get: names, headings, announcements, themes.

- Every focusable control gets a name and a description with its keys (toolbar buttons from their
  action; other unnamed controls from their text, tooltip or buddy label), also in dialogs opened later.
- The report view keeps Qt's text interface (words, lines, caret for Orca and magnifiers). Qt 6.11
  reports a read-only QTextEdit as StaticText ("label"), whose text is not read on focus, and wrapping
  its interface from Python crashes the AT-SPI bridge (tried); so the view's *description* carries the
  position and the current paragraph's text (ui/orientation.py). Headings are exposed as
  objects with the heading role (invisible child widgets over each heading, role set by a factory).
- Announcements (window.announce) reach screen readers through ui/announcer.py; with
  "spoken feedback" on and no screen reader running, the app's own voice says them too (read aloud's say).
- Themes: a chooser (View ▸ Colour theme, radio items); high contrast or dark at start when the system
  asks for it, until the reader picks a theme.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAccessible, QActionGroup, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QAccessibleWidget,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from .themes import THEMES

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .read_aloud_actions import LazyReadAloud as Speaker
    from .reader_view import ReaderView


def _t(text: str) -> str:
    return QCoreApplication.translate("Accessibility", text)


# -- names ---------------------------------------------------------------------------------------
def is_focusable(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isEnabled()


def unnamed_focusables(root: QWidget) -> list[QWidget]:
    """Visible controls a keyboard user can reach that a screen reader could not name."""
    out = []
    for widget in root.findChildren(QWidget):
        if widget.objectName().startswith("qt_"):  # Qt's own parts (a spin box's editor): named through their owner
            continue
        if widget.isVisible() and is_focusable(widget) and not accessible_name(widget):
            out.append(widget)
    return out


def accessible_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name) if iface is not None else widget.accessibleName()


def _buddy_text(widget: QWidget) -> str:
    window = widget.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget:
            return label.text().replace("&", "").rstrip(":：")
    return ""


def name_widget(widget: QWidget) -> None:
    """Name a focusable control that Qt cannot name (no text): from its tooltip, buddy label or placeholder.

    Controls Qt already names (buttons with text, named widgets) are left alone, so names follow a live
    change of language."""
    if accessible_name(widget):
        return
    name = ""
    if isinstance(widget, QLineEdit):
        name = widget.placeholderText()
    if not name and isinstance(widget, (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)):
        name = _buddy_text(widget)
    if not name and isinstance(widget, QToolButton) and widget.defaultAction() is not None:
        name = widget.defaultAction().text().replace("&", "")
    name = name or widget.toolTip() or widget.windowTitle()
    if name:
        widget.setAccessibleName(name)


def name_focusables(root: QWidget) -> None:
    for widget in root.findChildren(QWidget):
        if is_focusable(widget):
            name_widget(widget)


class _FocusNamer(QObject):
    """Names the controls of every window that gets focus (dialogs opened after start-up too)."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._seen: set[int] = set()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return
        name_widget(new)
        window = new.window()
        key = id(window)
        if key not in self._seen:
            self._seen.add(key)
            window.destroyed.connect(lambda *_a: self._seen.discard(key))
            name_focusables(window)


# -- headings --------------------------------------------------------------------------------------
class HeadingMarker(QWidget):
    """An invisible widget over one heading of the report: screen readers list it as a heading."""

    def __init__(self, index: int, parent: QWidget):
        super().__init__(parent)
        self.index = index
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName(f"heading_{index}")


def _factory(_key: str, obj: QObject) -> QAccessibleWidget | None:
    if isinstance(obj, HeadingMarker):
        return QAccessibleWidget(obj, QAccessible.Role.Heading)
    return None


_factory_installed = False


def install_factory() -> None:
    global _factory_installed
    if not _factory_installed:
        QAccessible.installFactory(_factory)
        _factory_installed = True


class HeadingExposer(QObject):
    """Keeps one HeadingMarker over each heading block of the view, named with the heading's text."""

    def __init__(self, view: ReaderView):
        super().__init__(view)
        self.view = view
        self.markers: list[HeadingMarker] = []
        for index, block in enumerate(view.report.blocks):
            level = block.kind.heading_level
            if level:
                marker = HeadingMarker(index, view.viewport())
                marker.level = level
                self.markers.append(marker)
        self.retranslate()
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.update_geometry)
        view.verticalScrollBar().valueChanged.connect(self._timer.start)
        view.document().documentLayout().documentSizeChanged.connect(self._timer.start)
        view.document().contentsChanged.connect(self._timer.start)
        view.viewport().installEventFilter(self)
        self.update_geometry()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self._timer.start()
        return False

    def retranslate(self) -> None:
        for marker in self.markers:
            marker.setAccessibleDescription(_t("Heading level %1").replace("%1", str(marker.level)))

    def update_geometry(self) -> None:
        doc = self.view.document()
        for marker in self.markers:
            text = doc.findBlockByNumber(marker.index).text()
            if marker.accessibleName() != text:
                marker.setAccessibleName(text)
            marker.setGeometry(self.view.block_rect(marker.index))
            marker.show()




# -- speaking for itself ------------------------------------------------------------------------------
def screen_reader_running() -> bool:
    return QAccessible.isActive()


# -- themes -------------------------------------------------------------------------------------------
def system_theme(current: str) -> str:
    """The theme the system asks for: high contrast (light or dark), dark, or ``current``."""
    hints = QGuiApplication.styleHints()
    dark = hints.colorScheme() == Qt.ColorScheme.Dark
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10+
    if accessibility is not None and accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast:
        return "contrast-white-on-black" if dark else "contrast-black-on-white"
    if dark and not THEMES[current].dark:
        return "dark"
    return current


def build_theme_menu(window: MainWindow) -> QActionGroup:
    """View ▸ Colour theme: one radio item per theme, kept in step with Ctrl+Shift+T."""
    menu = window.menus["view"].addMenu("")
    menu.setObjectName("themeMenu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    for key in THEMES:
        action = menu.addAction("")
        action.setObjectName(f"action_theme_{key}")
        action.setCheckable(True)
        action.setData(key)
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, k=key: choose_theme(window, k))

    def retranslate() -> None:
        if not shiboken6.isValid(menu):
            return
        menu.setTitle(_t("Colour &theme"))
        for action in group.actions():
            action.setText(QCoreApplication.translate("themes", THEMES[action.data()].label))
            action.setStatusTip(_t("Use the colour theme: %1").replace("%1", action.text()))

    retranslate()
    window.retranslated.connect(retranslate)

    def sync(name: str, value: object) -> None:
        if name == "theme" and shiboken6.isValid(group):
            for action in group.actions():
                action.setChecked(action.data() == value)

    window.settings.subscribe(sync)
    sync("theme", window.settings["theme"])
    return group


def choose_theme(window: MainWindow, key: str) -> None:
    window.settings.set("theme_follows_system", False)
    window.apply_theme(key)
    window.announce(QCoreApplication.translate("themes", THEMES[key].label))


def follow_system_theme(window: MainWindow) -> None:
    if window.settings["theme_follows_system"]:
        wanted = system_theme(window.settings["theme"])
        if wanted != window.settings["theme"]:
            window.apply_theme(wanted)


class _ThemeFollower(QObject):
    """Re-reads the system's wishes when they change (disconnected with the window)."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self.follow)
        accessibility: Callable[[], QObject] | None = getattr(hints, "accessibility", None)
        if accessibility is not None:
            accessibility().contrastPreferenceChanged.connect(self.follow)
        self.follow()

    def follow(self, *_args: object) -> None:
        follow_system_theme(self.window)


# -- the feature --------------------------------------------------------------------------------------------
class Accessibility(QObject):
    """Names, headings, spoken echo of announcements and the theme chooser of one window.

    ``speaker`` is what says the announcements aloud (the read-aloud feature's ``say``), when the reader
    asked for spoken feedback (or simple mode) and no screen reader already says them."""

    def __init__(self, window: MainWindow, speaker: Speaker):
        super().__init__(window)
        self.window = window
        self.speaker = speaker
        install_factory()
        self.headings = HeadingExposer(window.view)
        self.focus_namer = _FocusNamer(window)
        window.retranslated.connect(self.headings.retranslate)
        window.announced.connect(self.echo)
        self.theme_group = build_theme_menu(window)
        window.actions_by_id["cycle_theme"].triggered.connect(
            lambda: window.settings.set("theme_follows_system", False))
        self.theme_follower = _ThemeFollower(window)

    def echo(self, text: str) -> None:
        wanted = self.window.settings["spoken_feedback"] or self.window.settings["simple_mode"]
        if wanted and not screen_reader_running():
            self.speaker.say(text)

    def name_everything(self) -> None:
        """Once every part of the window exists: name whatever is still unnamed (dialogs get named on focus)."""
        name_focusables(self.window)
