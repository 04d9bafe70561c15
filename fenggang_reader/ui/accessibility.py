"""What screen readers, magnifiers and the app's own voice get: names, headings, announcements.

- Every focusable control gets a name and a description with its keys (toolbar buttons from their
  action; other unnamed controls from their text, tooltip or buddy label), also in dialogs opened later.
- The report view keeps Qt's text interface (words, lines, caret for Orca and magnifiers) and is read-only
  text to screen readers, not a label: Qt 6.11 gives a QTextBrowser the role StaticText (AT-SPI "label":
  Orca said "Report text label", read no line on focus), so the view's class chain names QTextEdit first
  (ui/text_role.py) and gets Qt's QAccessibleTextEdit (Orca: "Report text read only text." and the line at
  the caret) with every QTextBrowser behaviour kept. A Python interface could not have done it: PySide6
  6.11's QAccessibleTextInterface has no textAtOffset / textBefore/AfterOffset (Orca's line and word
  reading) and wrapping Qt's interface crashed the AT-SPI bridge. The view's *description* is the place
  (ui/orientation.py).
  Headings are exposed as objects with the heading role (invisible child widgets over each heading,
  role set by a factory).
- Announcements (window.announce) reach screen readers through ui/announcer.py; with
  "spoken feedback" on and no screen reader running, the app's own voice says them too (read aloud's say).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAccessible
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

from .interface_size import keep_out_of_font_changes

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .read_aloud_actions import LazyReadAloud as Speaker
    from .reader_view import ReaderView


def _t(text: str) -> str:
    return QCoreApplication.translate("Accessibility", text)


# -- names ---------------------------------------------------------------------------------------
_TAB_FOCUS = Qt.FocusPolicy.TabFocus.value
_SLICE_SECONDS = 0.008  # one idle slice of making a long document's heading markers


def is_focusable(widget: QWidget) -> bool:
    # On the plain values: a Python enum flag's & builds a new member, ~7 µs a widget (a window has ~75, walked twice).
    return bool(widget.focusPolicy().value & _TAB_FOCUS) and widget.isEnabled()


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
    if widget.accessibleName() or accessible_name(widget):  # the first is the cheap answer for most controls
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

    def __init__(self, index: int, level: int, parent: QWidget):
        super().__init__(parent)
        self.index = index
        self.level = level
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName(f"heading_{index}")
        keep_out_of_font_changes(self)  # it draws nothing


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
    """Keeps one HeadingMarker over each heading block of the view, named with the heading's text.

    The markers are the view's children, not its viewport's, and are placed after each scroll: Qt moves every child
    of a scrolled viewport and sends each a move event through the app's event filters, ~3 ms of every PgDown with
    the 253 headings of a 300,000-character document (its p95 frame 16.8 -> 12.8 ms CPU without them).

    A long document's headings far from the stretch shown (ui/block_window.py) get theirs after the first paint, in
    short slices while idle: 253 markers made at once were ~0.1 s of a 300,000-character document's opening. With a
    screen reader running, every heading has its marker from the start."""

    def __init__(self, view: ReaderView):
        super().__init__(view)
        self.view = view
        self.markers: list[HeadingMarker] = []  # in block order
        headings = [(index, block.heading_level) for index, block in enumerate(view.report.blocks)
                    if block.heading_level]
        first, last = view.block_window.bounds()
        everyone = QAccessible.isActive()
        self._add([h for h in headings if everyone or first <= h[0] <= last])
        self._waiting = [h for h in headings if not (everyone or first <= h[0] <= last)]  # after the first paint
        self._later = QTimer(self, interval=0)  # the waiting markers, a slice at a time
        self._later.timeout.connect(self._add_waiting)
        if self._waiting:
            view.first_paint.connect(self._later.start)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.update_geometry)
        view.verticalScrollBar().valueChanged.connect(self._timer.start)
        view.document().documentLayout().documentSizeChanged.connect(self._timer.start)
        view.document().contentsChanged.connect(self._timer.start)
        view.viewport().installEventFilter(self)
        # Placed once the first screen is painted, at the view's real width: placing them asks where every heading
        # is, which lays the whole text out (Qt lays out only the first screen before it paints): done at
        # construction, at the width of a view not yet shown, that layout was thrown away at show (~17 ms CPU a
        # window at 10k characters); from the event loop before the first paint, it delayed that paint (~40 ms).
        view.first_paint.connect(self._timer.start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self._timer.start()
        return False

    def _add(self, headings: list[tuple[int, int]]) -> None:
        """Markers for these (block index, level), named and described."""
        for index, level in headings:
            marker = HeadingMarker(index, level, self.view)
            marker.setAccessibleDescription(_t("Heading level %1").replace("%1", str(level)))
            marker.setAccessibleName(self.view.shown_text(index))
            self.markers.append(marker)

    def _add_waiting(self) -> None:
        """One slice of the waiting markers (about 8 ms), then placed with the others."""
        started = time.perf_counter()
        taken = 0
        while taken < len(self._waiting) and time.perf_counter() - started < _SLICE_SECONDS:
            self._add(self._waiting[taken:taken + 1])
            taken += 1
        del self._waiting[:taken]
        self.markers.sort(key=lambda marker: marker.index)
        if not self._waiting:
            self._later.stop()
        self._timer.start()

    def retranslate(self) -> None:
        for marker in self.markers:
            marker.setAccessibleDescription(_t("Heading level %1").replace("%1", str(marker.level)))

    def update_names(self) -> None:
        for marker in self.markers:
            text = self.view.shown_text(marker.index)
            if marker.accessibleName() != text:
                marker.setAccessibleName(text)

    def update_geometry(self) -> None:
        if not self.view.painted():  # placed after the first paint (see __init__)
            return
        self.update_names()
        origin = self.view.viewport().pos()
        for marker in self.markers:
            marker.setGeometry(self.view.block_rect(marker.index).translated(origin))
            marker.show()




# -- speaking for itself ------------------------------------------------------------------------------
def screen_reader_running() -> bool:
    return QAccessible.isActive()


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

    def echo(self, text: str) -> None:
        wanted = self.window.settings["spoken_feedback"] or self.window.settings["simple_mode"]
        if wanted and not screen_reader_running():
            self.speaker.say(text)

    def name_everything(self) -> None:
        """Once every part of the window exists: name whatever is still unnamed (dialogs get named on focus)."""
        name_focusables(self.window)
