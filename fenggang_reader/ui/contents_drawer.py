"""The contents panel as a drawer over the text when docking it would leave the text too narrow.

At 48–96 pt a 300 px panel beside the text leaves a column of four characters. When the text column
would get fewer than MIN_COLUMN_CHARS characters with the panel docked, the panel leaves its dock and
opens, on request (F6, Ctrl+Shift+C, the toolbar), over the left of the text; choosing a place or Esc
closes it. When the window is wide enough again the panel goes back to its dock as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QFontMetricsF, QKeyEvent
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout

if TYPE_CHECKING:
    from .main_window import MainWindow

MIN_COLUMN_CHARS = 12
DRAWER_SHARE = 0.8  # at most this much of the window's width
DRAWER_CHARS = 16  # wide enough for a heading's first phrase at the interface size


def _t(text: str) -> str:
    return QCoreApplication.translate("ContentsDrawer", text)


class ContentsDrawer(QObject):
    """Decides dock or drawer, and runs the drawer; ``active`` while the panel is a drawer."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.active = False
        self.frame = QFrame(window)
        self.frame.setObjectName("contentsDrawer")
        self.frame.setFrameShape(QFrame.Shape.Box)
        self.frame.setLineWidth(3)
        self.frame.setAutoFillBackground(True)
        self.frame.hide()
        self.frame_layout = layout = QVBoxLayout(self.frame)
        layout.setContentsMargins(6, 6, 6, 6)
        self.title = QLabel(self.frame)
        self.title.setObjectName("contentsDrawerTitle")
        layout.addWidget(self.title)
        self.retranslate()
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.evaluate)
        window.installEventFilter(self)
        window.contents.installEventFilter(self)
        window.view.font_size_changed.connect(lambda _pt: self._timer.start())
        window.contents.block_activated.connect(lambda _id: self.set_open(False, refocus=False))
        window.settings.subscribe(self._setting_changed)

    def retranslate(self) -> None:
        self.title.setText(_t("Contents (Esc closes)"))
        self.frame.setAccessibleName(_t("Contents"))

    def _setting_changed(self, name: str, _value: object) -> None:
        if name in ("character_spacing", "interface_size", "font_size"):
            self._timer.start()

    # -- the decision ---------------------------------------------------------------------------------
    def column_chars(self) -> float:
        """Characters per line the text would get with the panel docked beside it."""
        w = self.window
        view = w.view
        em = QFontMetricsF(view.body_font()).horizontalAdvance("中") * view.cjk_spacing_percent / 100.0
        dock = max(w.contents_dock.minimumWidth(), w.contents_dock.sizeHint().width())
        side = min(QFontMetricsF(view.body_font()).height() * 0.6, 40.0) * 2
        scrollbar = view.verticalScrollBar().sizeHint().width()
        return (w.width() - dock - side - scrollbar - 12) / max(1.0, em)

    def evaluate(self) -> None:
        drawer = self.column_chars() < MIN_COLUMN_CHARS
        if drawer != self.active:
            self._enter() if drawer else self._leave()
        elif self.active and self.frame.isVisible():
            self._place()

    def _enter(self) -> None:
        w = self.window
        self.active = True
        w.contents_dock.hide()
        self.frame_layout.addWidget(w.contents)  # out of the dock
        w.contents.show()
        self._set_action(False)

    def _leave(self) -> None:
        w = self.window
        self.set_open(False, refocus=False)
        self.active = False
        w.contents_dock.setWidget(w.contents)
        visible = w.contents_docked_as_saved()
        w.contents_dock.setVisible(visible)
        self._set_action(visible)

    def _set_action(self, checked: bool) -> None:
        action = self.window.actions_by_id["toggle_contents"]
        blocked = action.blockSignals(True)
        action.setChecked(checked)
        action.blockSignals(blocked)

    # -- the drawer -----------------------------------------------------------------------------------
    def is_open(self) -> bool:
        return self.active and self.frame.isVisible()

    def set_open(self, opened: bool, refocus: bool = True) -> None:
        if not self.active:
            return
        if opened:
            self._place()
            self.frame.show()
            self.frame.raise_()
            self.window.contents.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.frame.isVisible():
            self.frame.hide()
            if refocus:
                self.window.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._set_action(opened)

    def _place(self) -> None:
        w = self.window
        central = w.central.geometry()
        em = QFontMetricsF(QApplication.font()).horizontalAdvance("中")
        width = int(min(w.width() * DRAWER_SHARE, max(w.width() * 0.5, em * DRAWER_CHARS)))
        self.frame.setGeometry(QRect(central.left(), central.top(), width, central.height()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if watched is self.window and kind == QEvent.Type.Polish:
            # Before the window is first laid out and shown, at the size it was given: decided after the show, the
            # first screen was painted beside a docked panel (494 px of text in 800x600) and the text jumped to the
            # window's full width a moment later, laid out twice.
            self.evaluate()
        elif watched is self.window and kind in (QEvent.Type.Resize, QEvent.Type.Show):
            self._timer.start()
        elif watched is self.window and kind == QEvent.Type.LanguageChange:
            self.retranslate()
        elif (watched is self.window.contents and kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
              and event.key() == Qt.Key.Key_Escape and self.is_open()):
            self.set_open(False)
            return True
        return False
