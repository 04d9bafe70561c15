"""Find: a bar under the text with the query, match count, next/previous; Esc closes it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget


class FindBar(QWidget):
    """Emits the query as it is typed; next/previous/closed are the window's to act on."""

    query_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self)
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setClearButtonEnabled(True)
        self.label.setBuddy(self.field)
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.previous_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self._count = (-1, 0)
        self.retranslate()
        for w in (self.label, self.field, self.count, self.previous_button, self.next_button, self.close_button):
            layout.addWidget(w)
        layout.setStretch(1, 1)
        self.field.textChanged.connect(self.query_changed)
        self.field.returnPressed.connect(self._return_pressed)
        self.next_button.clicked.connect(self.next_requested)
        self.previous_button.clicked.connect(self.previous_requested)
        self.close_button.clicked.connect(self.close_bar)

    def retranslate(self) -> None:
        """Set every text in the current interface language (at start and on a language change)."""
        self.label.setText(QCoreApplication.translate("FindBar", "Find:"))
        self.field.setPlaceholderText(QCoreApplication.translate("FindBar", "Type a word, e.g. 凤岗"))
        self.field.setAccessibleName(QCoreApplication.translate("FindBar", "Find in the text"))
        self.field.setAccessibleDescription(
            QCoreApplication.translate("FindBar", "Enter: next match. Shift+Enter: previous match. Esc: close."))
        self.count.setAccessibleName(QCoreApplication.translate("FindBar", "Matches"))
        self.previous_button.setText(QCoreApplication.translate("FindBar", "Previous"))
        self.previous_button.setAccessibleDescription(
            QCoreApplication.translate("FindBar", "Go to the previous match (Shift+F3)"))
        self.next_button.setText(QCoreApplication.translate("FindBar", "Next"))
        self.next_button.setAccessibleDescription(QCoreApplication.translate("FindBar", "Go to the next match (F3)"))
        self.close_button.setText(QCoreApplication.translate("FindBar", "Close"))
        self.close_button.setAccessibleDescription(QCoreApplication.translate("FindBar", "Close the find bar (Esc)"))
        self.set_count(*self._count)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _return_pressed(self) -> None:
        from PySide6.QtWidgets import QApplication

        if QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.previous_requested.emit()
        else:
            self.next_requested.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.previous_requested.emit()
            return
        super().keyPressEvent(event)

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def set_count(self, current: int, total: int) -> None:
        self._count = (current, total)
        if not self.field.text():
            self.count.setText("")
        elif total == 0:
            self.count.setText(QCoreApplication.translate("FindBar", "No match"))
        else:
            text = QCoreApplication.translate("FindBar", "%1 of %2")
            self.count.setText(text.replace("%1", str(current + 1)).replace("%2", str(total)))
