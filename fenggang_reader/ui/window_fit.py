"""Any window from 640×480 to 4K: the first window fits the screen, a saved one is kept on it, and the
toolbar overflows into a » menu instead of cutting its labels to "Sm…xt".

The status bar (where every message appears) is the window's last row: it is visible whenever the window
fits the screen, which is what this module makes sure of.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QStatusBar, QToolBar, QToolButton, QWidget

FIRST_SIZE = QSize(1280, 860)  # the first window on a screen with room for it
SMALL_SCREEN = QSize(1366, 900)  # below this (available) the first window is maximised
FRAME_ALLOWANCE = QSize(16, 40)  # a window manager's frame and title bar around the client area
OVERFLOW_TEXT = "»"


def _t(text: str) -> str:
    return QCoreApplication.translate("WindowFit", text)


def available_geometry(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def first_geometry(available: QRect) -> QRect | None:
    """The first window: 1280×860 centred when the screen has room, else None (maximise)."""
    if available.width() < SMALL_SCREEN.width() or available.height() < SMALL_SCREEN.height():
        return None
    rect = QRect(0, 0, FIRST_SIZE.width(), FIRST_SIZE.height())
    rect.moveCenter(available.center())
    return rect


def clamped(geometry: QRect, available: QRect) -> QRect:
    """``geometry`` (the client area) made to fit inside ``available`` with room for a frame."""
    width = min(geometry.width(), available.width() - FRAME_ALLOWANCE.width())
    height = min(geometry.height(), available.height() - FRAME_ALLOWANCE.height())
    rect = QRect(geometry.left(), geometry.top(), max(320, width), max(240, height))
    right = available.right() - FRAME_ALLOWANCE.width() // 2
    bottom = available.bottom() - FRAME_ALLOWANCE.height() // 4
    rect.moveLeft(max(available.left(), min(rect.left(), right - rect.width() + 1)))
    rect.moveTop(max(available.top() + FRAME_ALLOWANCE.height() * 3 // 4, min(rect.top(), bottom - rect.height() + 1)))
    return rect


def fit_to_screen(window: QMainWindow, restored: bool) -> bool:
    """Before the window is shown: a first window fits the screen; a window restored from the settings,
    perhaps saved on a larger screen, is clamped to this one. True when the first window should be shown
    maximised (a small screen): the caller shows it so (``showMaximized``)."""
    available = available_geometry(window)
    if window.isMaximized() or window.isFullScreen():
        return False
    if not restored:
        rect = first_geometry(available)
        if rect is None:  # fill the screen; shown maximised by the app, so the window manager knows
            rect = clamped(QRect(available.topLeft(), available.size()), available)
        window.setGeometry(rect)
        return first_geometry(available) is None
    geometry = window.geometry()
    fitted = clamped(geometry, available)
    if fitted != geometry:
        window.setGeometry(fitted)
    return False


class ToolbarOverflow(QObject):
    """Each toolbar button keeps its whole label; what does not fit goes into the toolbar's » menu.

    QToolBar shrinks buttons (eliding their text) before it moves any into its extension menu: a
    minimum width of the whole label makes it move them instead. Re-done when fonts or labels change."""

    def __init__(self, toolbar: QToolBar):
        super().__init__(toolbar)
        self.toolbar = toolbar
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.refresh)
        toolbar.installEventFilter(self)
        toolbar.actionTriggered.connect(lambda _a: self._timer.start())
        self.refresh()

    def watch(self, button: QToolButton) -> None:
        button.installEventFilter(self)
        action = button.defaultAction()
        if action is not None:
            action.changed.connect(self._timer.start)
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange, QEvent.Type.StyleChange,
                            QEvent.Type.ChildAdded):
            self._timer.start()
        return False

    def refresh(self) -> None:
        for button in self.toolbar.findChildren(QToolButton):
            if button.defaultAction() is not None:
                button.setMinimumWidth(max(button.minimumHeight(), button.sizeHint().width()))
        extension = self.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        if extension is not None:
            extension.setText(OVERFLOW_TEXT)
            extension.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            extension.setAccessibleName(_t("More buttons"))
            extension.setToolTip(_t("More buttons"))


class StatusRoom(QObject):
    """A status message the permanent label would cut off gets the whole status bar while it shows.

    At 20 pt in 800 px "Paragraph 18 of 86 · 48 pt" takes 330 px; the message (where every change is
    told) came out as "“1310”具体部署: note 1. Enter (". The place comes back with the message gone."""

    def __init__(self, bar: QStatusBar, permanent: QWidget):
        super().__init__(bar)
        self.bar = bar
        self.permanent = permanent
        bar.messageChanged.connect(self._message_changed)

    def _message_changed(self, message: str) -> None:
        room = self.bar.width() - self.permanent.sizeHint().width() - 32
        too_long = bool(message) and QFontMetrics(self.bar.font()).horizontalAdvance(message) > room
        self.permanent.setVisible(not too_long)
