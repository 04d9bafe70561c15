"""Bars in the window, above or below the text, never over it: the first-start keys, the online-voices
question and a read-aloud failure that stays until it is dismissed or reading starts again.

A message that vanishes after three seconds, or a dialog on top of the paragraph, is lost on a reader
who sees little and reads slowly: these stay where the text is not, in large print.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from .flow_layout import FlowLayout
from .navigation import EDGE

if TYPE_CHECKING:
    from .main_window import MainWindow

BAR_MIN_PT = 14.0  # a bar's text shrinks no further for the text's room
KEY_HINT_MAX_PT = 36  # the first-start banner is at body size up to this: at 48 pt it took 60 % of 800×600


def _t(text: str) -> str:
    return QCoreApplication.translate("GuidanceBars", text)


class GuidanceBar(QFrame):
    """A framed bar: a wrapping message, then buttons in rows that wrap; Esc presses ``escape_button``."""

    def __init__(self, name: str, parent: QWidget):
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(3)
        self.setAutoFillBackground(True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(14, 8, 14, 8)
        self.message = QLabel(self)
        self.message.setObjectName(f"{name}Message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                             | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.column.addWidget(self.message)
        self.row = FlowLayout(spacing=10)
        self.column.addLayout(self.row)
        self.escape_button: QPushButton | None = None

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_height()

    def shrink(self) -> bool:
        """Four points smaller, down to BAR_MIN_PT, while the text needs the room (ui/text_room.py); False when
        already that small. Closed, the bar is at the interface size again."""
        font = QFont(self.font())
        if font.pointSizeF() <= BAR_MIN_PT:
            return False
        font.setPointSizeF(max(BAR_MIN_PT, font.pointSizeF() - 4))
        self.setFont(font)
        self.fit_height()
        return True

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.testAttribute(Qt.WidgetAttribute.WA_SetFont) and not isinstance(self, KeyHintBanner):
            self.setFont(QFont())  # the interface size again, inherited, for the next time it shows
        super().hideEvent(event)

    def fit_height(self) -> None:
        """As tall as the wrapped rows need at this width (the window's column layout sizes by hints); after a
        resize and after a change of font (the same width, larger keys: the second row was cut off)."""
        need = self.column.totalHeightForWidth(self.width())
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)

    def add_button(self, name: str, on_click: Callable[[], object]) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setMinimumHeight(48)
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.clicked.connect(on_click)
        button.installEventFilter(self)
        self.row.addWidget(button)
        return button

    def set_text(self, text: str) -> None:
        self.message.setText(text)
        self.setAccessibleName(text)

    def text(self) -> str:
        return self.message.text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape and self.escape_button is not None):
            self.escape_button.click()
            return True
        return False


class KeyHintBanner(GuidanceBar):
    """First start: the three keys that matter, at body size (up to KEY_HINT_MAX_PT, so the text keeps most of
    a small window), each key with what it does kept together on one line; closed once, it stays closed."""

    def __init__(self, parent: QWidget, on_close: Callable[[], None]):
        super().__init__("keyHintBanner", parent)
        self.message.hide()  # the keys themselves are the message, one label each so a line breaks between them
        self.keys = [QLabel(self) for _ in range(3)]
        for i, label in enumerate(self.keys):
            label.setObjectName(f"keyHint{i}")
            label.setContentsMargins(0, 0, 24, 0)  # a clear gap between one key and the next
            self.row.addWidget(label)
        self.close_button = self.add_button("keyHintClose", on_close)
        self.escape_button = self.close_button
        self.retranslate()

    def retranslate(self) -> None:
        texts = (_t("Space: listen"), _t("+ / −: size"), _t("F1: help"))
        for label, text in zip(self.keys, texts, strict=True):
            label.setText(text)
        self.message.setText("   ·   ".join(texts))
        self.setAccessibleName(self.message.text())
        self.close_button.setText(_t("Got it, hide this"))
        self.close_button.setAccessibleName(_t("Hide the key hints"))

    def set_body_size(self, points: float) -> None:
        self.set_key_points(min(points, KEY_HINT_MAX_PT))

    def key_points(self) -> float:
        return self.keys[0].font().pointSizeF()

    def set_key_points(self, points: float) -> None:
        font = QFont(self.font())
        font.setPointSizeF(points)
        font.setBold(True)
        for label in self.keys:
            label.setFont(font)
        self.message.setFont(font)
        self.column.invalidate()
        self.fit_height()


class OnlineVoicesQuestion(GuidanceBar):
    """Asked once at the first Space: may the text go to Microsoft's online voices? Offline is the default."""

    def __init__(self, parent: QWidget, on_answer: Callable[[bool], None]):
        super().__init__("edgeNoticeBar", parent)
        self.offline = self.add_button("edgeNoticeOffline", lambda: on_answer(False))
        self.online = self.add_button("edgeNoticeOnline", lambda: on_answer(True))
        self.offline.setDefault(True)
        self.escape_button = self.offline
        self.retranslate()

    def retranslate(self) -> None:
        self.set_text(_t("The natural-sounding online voices (Microsoft Edge) send the text being read to "
                         "Microsoft over the internet. The offline voice keeps everything on this computer. "
                         "Use the online voices?"))
        self.offline.setText(_t("Offline voice only"))
        self.online.setText(_t("Use online voices"))

    def defaultButton(self) -> QPushButton:  # noqa: N802 - QMessageBox's name, for the same use
        return self.offline


class ReadAloudProblem(GuidanceBar):
    """Why reading aloud stopped, and what to do: stays until closed or reading starts again."""

    def __init__(self, parent: QWidget, open_voice_settings: Callable[[], object], on_close: Callable[[], None]):
        super().__init__("readAloudProblemBar", parent)
        self.reason = ""
        self.settings_button = self.add_button("readAloudProblemSettings", open_voice_settings)
        self.close_button = self.add_button("readAloudProblemClose", on_close)
        self.escape_button = self.close_button
        self.retranslate()

    def show_reason(self, reason: str) -> None:
        self.reason = reason
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        self.set_text(_t("Reading aloud stopped: %1\nTry the voice settings, or Space to try again.")
                      .replace("%1", self.reason))
        self.settings_button.setText(_t("Voice settings…"))
        self.close_button.setText(_t("Close"))


def insert_above_text(window: MainWindow, bar: QWidget) -> None:
    """At the top of the window's central column, above the text."""
    window.body.insertWidget(0, bar)


def insert_below_text(window: MainWindow, bar: QWidget) -> None:
    """Under the text, above the find bar: the paragraph being read stays uncovered."""
    window.body.insertWidget(window.body.indexOf(window.find_bar), bar)


class KeyHints(QObject):
    """The first-start banner for one window (``window.key_hints``): shown until the reader hides it."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.banner: KeyHintBanner | None = None

    def show_unless_hidden_before(self) -> None:
        """At the app's start (MainWindow.restore_position(offer=True)): the banner, until hidden once."""
        window = self.window
        if window.settings["key_hint_dismissed"] or self.banner is not None:
            return
        banner = KeyHintBanner(window, self.dismiss)
        self.banner = banner
        insert_above_text(window, banner)
        banner.set_body_size(window.view.font_size())
        window.view.font_size_changed.connect(banner.set_body_size)
        window.retranslated.connect(banner.retranslate)
        window.view.installEventFilter(self)
        self._room_timer = QTimer(self, singleShot=True, interval=0)
        self._room_timer.timeout.connect(self._make_room)
        window.view.font_size_changed.connect(lambda _pt: self._room_timer.start())  # larger lines need more room
        banner.show()

    def dismiss(self) -> None:
        banner, self.banner = self.banner, None
        if banner is None:
            return
        self.window.settings.set("key_hint_dismissed", True)
        self.window.view.removeEventFilter(self)
        banner.hide()
        banner.deleteLater()
        self.window.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _make_room(self) -> None:
        """The text keeps room for one whole line with its pinyin: at 96 pt in 800×600 the banner at body size
        left the text shorter than a line, so no line could be read whole (nor paged to). The keys then shrink,
        down to the interface size, a step at a time (each step relays the window out and looks again)."""
        view, banner = self.window.view, self.banner
        if banner is None or not view.isVisible():
            return
        need = view.line_geometry.line(view.current_index(), 0).height + 2 * EDGE
        smallest = QApplication.font().pointSizeF()
        if view.viewport().height() < need and banner.key_points() > smallest:
            banner.set_key_points(max(smallest, banner.key_points() - 4))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Esc in the text hides the banner, unless Esc is closing a note there; a resized text makes room."""
        if event.type() == QEvent.Type.Resize and self.banner is not None:
            self._room_timer.start()
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape and self.window.glossary.popup is None):
            self.dismiss()
        return False
