"""What every dialog of the reader shares: large print, form rows a screen reader can follow, big buttons and
non-modal message boxes.

Dialogs use one large-print size, LARGE_PRINT_PT, or the interface size when that is larger (the application
font, ui/interface_size.py, grows with the text). Pages whose content is read like the report itself (help,
the choice of a reading) follow the reader's text size instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QLabel, QMessageBox, QPushButton, QWidget

LARGE_PRINT_PT = 20
BIG_BUTTON_PX = 52


def large_print(widget: QWidget, points: float = LARGE_PRINT_PT) -> QFont:
    """Give ``widget`` (and so its children) at least ``points``; returns the font it now has."""
    font = QFont(widget.font())
    font.setPointSizeF(max(font.pointSizeF(), points))
    widget.setFont(font)
    return font


def form_row(form: QFormLayout, text: str, field: QWidget, description: str = "") -> QLabel:
    """A form row a screen reader can follow: the label is the field's buddy and its name."""
    label = QLabel(text, form.parentWidget())
    label.setBuddy(field)
    field.setAccessibleName(text.replace("&", "").rstrip(":："))
    if description:
        field.setAccessibleDescription(description)
        field.setToolTip(description)
    form.addRow(label, field)
    return label


def big_button(text: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setMinimumHeight(BIG_BUTTON_PX)
    return button


def message_box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, *, name: str,
                buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok) -> QMessageBox:
    """A message in large print that does not block the window (call ``open()`` once it is set up); it is
    deleted when closed."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setObjectName(name)
    large_print(box)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box
