"""Simple mode for elderly readers: five very large buttons and the text, nothing else.

Read / Pause, Bigger, Smaller, Previous, Next — each change is confirmed aloud (the app's own voice, or the
screen reader through the announcement) — and a large "All features" button (or Ctrl+Shift+E) to go back.
The buttons trigger the same actions as the keys, so there is one behaviour, not two.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from .flow_layout import FlowLayout
from .i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from .main_window import MainWindow

BUTTON_PX = 96  # height of every simple-mode button; comfortably above the 44 px target
BUTTON_PT = 26
INTERFACE_RATIO = 1.3

# (action id, label, what is said when the button is used); labels are short words in very large print.
BUTTONS = (
    ("speech_play_pause", QT_TRANSLATE_NOOP("SimpleMode", "Read"), ""),
    ("zoom_in", QT_TRANSLATE_NOOP("SimpleMode", "Bigger"), ""),
    ("zoom_out", QT_TRANSLATE_NOOP("SimpleMode", "Smaller"), ""),
    ("previous_paragraph", QT_TRANSLATE_NOOP("SimpleMode", "Previous"), "position"),
    ("next_paragraph", QT_TRANSLATE_NOOP("SimpleMode", "Next"), "position"),
)


def _t(text: str) -> str:
    return QCoreApplication.translate("SimpleMode", text)


class SimpleBar(QWidget):
    """The row of very large buttons shown above the text in simple mode."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("simpleBar")
        self.set_points(BUTTON_PT)
        # Rows that wrap: a narrow window gets two or three rows of buttons, never a wider window.
        layout = FlowLayout(self, spacing=12)
        layout.setContentsMargins(12, 12, 12, 12)
        self.buttons: dict[str, QPushButton] = {}
        for action_id, _label, _say in BUTTONS:
            self.buttons[action_id] = self._button(action_id)
            layout.addWidget(self.buttons[action_id])
        self.back = self._button("all_features")
        layout.addWidget(self.back)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_points(self, points: float) -> None:
        font = QFont(self.font())
        font.setPointSizeF(points)
        font.setBold(True)
        self.setFont(font)

    def _button(self, key: str) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(f"simple_{key}")
        button.setMinimumSize(BUTTON_PX + 40, BUTTON_PX)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setAutoDefault(False)
        return button


class SimpleMode(QObject):
    """Simple mode of one window (``window.simple_mode``): the large buttons in place of menus and toolbar."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.active = False
        self.bar = SimpleBar(window)
        self.bar.hide()
        window.body.insertWidget(0, self.bar)
        self._hidden: list[QWidget] = []
        actions = window.actions_by_id
        for action_id, _label, say in BUTTONS:
            button = self.bar.buttons[action_id]
            action = actions[action_id]
            button.clicked.connect(lambda _c=False, a=action, s=say: self._press(a, s))
            if action_id == "speech_play_pause":
                action.changed.connect(lambda a=action, b=button: self._follow_label(a, b))
        self.bar.back.clicked.connect(lambda: actions["simple_mode"].setChecked(False))
        self.retranslate()
        window.retranslated.connect(self.retranslate)
        mode_action = actions["simple_mode"]
        mode_action.toggled.connect(self.set_active)
        if window.settings["simple_mode"]:  # after the saved window state (toolbar, contents) is restored
            QTimer.singleShot(0, self, lambda: mode_action.setChecked(True))

    def fit_interface(self, interface_pt: int) -> None:
        """Never smaller than 1.3× the interface size (ui/interface_size.py)."""
        self.bar.set_points(max(BUTTON_PT, interface_pt * INTERFACE_RATIO))

    def retranslate(self) -> None:
        actions = self.window.actions_by_id
        for action_id, label, _say in BUTTONS:
            button = self.bar.buttons[action_id]
            action = actions[action_id]
            button.setText(_t(label))
            button.setAccessibleName(button.text())
            button.setAccessibleDescription(action.statusTip())
            if action_id == "speech_play_pause":
                self._follow_label(action, button)
        key = actions["simple_mode"].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.bar.back.setText(f"{_t('All features')}\n({key})")
        self.bar.back.setAccessibleName(_t("All features"))
        self.bar.back.setAccessibleDescription(_t("Show the menus, the toolbar and the contents again (%1).")
                                               .replace("%1", key))
        self.bar.setAccessibleName(_t("Simple mode buttons"))

    def _follow_label(self, action, button: QPushButton) -> None:
        text = action.text().replace("&", "")
        button.setText(text)
        button.setAccessibleName(text)

    def _press(self, action, say: str) -> None:
        action.trigger()
        if say == "position":
            self.window.announce(self.window.position_text())
        self.window.view.viewport().update()

    def set_active(self, on: bool) -> None:
        if on == self.active:
            return
        self.active = on
        w = self.window
        w.settings.set("simple_mode", on)
        if on:
            self._hidden = [x for x in (w.menuBar(), w.toolbar, w.contents_dock) if not x.isHidden()]
            for x in self._hidden:
                x.hide()
            self.bar.show()
            first = next((b for b in self.bar.buttons.values() if not b.isHidden()), self.bar.back)
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            w.announce(_t("Simple mode. Large buttons: Read, Bigger, Smaller, Previous, Next. "
                          "All features brings everything back."))
        else:
            self.bar.hide()
            for x in self._hidden:
                x.show()
            self._hidden = []
            w.menuBar().show()
            w.toolbar.show()
            w.view.setFocus(Qt.FocusReason.OtherFocusReason)
            w.announce(_t("All features shown."))

