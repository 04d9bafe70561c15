"""Check boxes and radio buttons as large as their text and outlined in its colour in every theme (ui/app_style.py):
Fusion's 13-px box was not drawn at all on the black high-contrast themes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
)

from fenggang_reader.ui.themes import THEMES, contrast_ratio, palette_for, theme


def indicator_pixels(button) -> tuple[set[str], int]:
    """The colours across the left third of the indicator at its middle (its outline is there), and its height."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = (QStyle.SubElement.SE_RadioButtonIndicator if isinstance(button, QRadioButton)
               else QStyle.SubElement.SE_CheckBoxIndicator)
    rect = button.style().subElementRect(element, option, button)
    image = button.grab().toImage()
    row = {QColor(image.pixel(QPoint(x, rect.center().y()))).name()
           for x in range(rect.left(), rect.left() + rect.width() // 3)}
    return row, rect.height()


@pytest.mark.parametrize("key", list(THEMES))
def test_check_and_radio_indicators_are_large_and_outlined_in_the_text_colour(app, qtbot, key):
    app.setPalette(palette_for(theme(key)))
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    boxes = [QCheckBox("Offline voice only"), QCheckBox("Pinyin"), QRadioButton("yī"), QRadioButton("yí")]
    boxes[0].setChecked(True)
    boxes[2].setChecked(True)
    for box in boxes:
        layout.addWidget(box)
    dialog.show()
    qtbot.waitExposed(dialog)
    for box in boxes:
        colours, height = indicator_pixels(box)
        assert height >= 0.7 * box.fontMetrics().height(), f"{box.text()}: a {height} px indicator"
        assert theme(key).text in colours, f"{key}: {box.text()}'s indicator edge is {colours}"
    checked, unchecked = (b.grab().toImage() for b in boxes[:2])
    option = QStyleOptionButton()
    boxes[0].initStyleOption(option)
    inside = boxes[0].style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, boxes[0])
    centre = inside.center()
    assert QColor(checked.pixel(centre)).name() != QColor(unchecked.pixel(centre)).name(), "the tick is drawn"


@pytest.mark.parametrize("key", list(THEMES))
def test_fields_and_buttons_are_outlined_in_the_windows_text_colour(app, qtbot, key):
    """WCAG's 3 : 1 for a control's edge: Fusion's shade of the window colour gave 2.2 : 1 on the light theme and
    nothing on black."""
    app.setPalette(palette_for(theme(key)))
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    combo = QComboBox()
    combo.addItems(["The whole report", "Notes"])
    fields = [QLineEdit("/home/reader/exports"), combo, QSpinBox(), QPushButton("Cancel")]
    for field in fields:
        layout.addWidget(field)
    dialog.show()
    qtbot.waitExposed(dialog)
    for field in fields:
        image = field.grab().toImage()
        middle = field.height() // 2
        edge = {QColor(image.pixel(QPoint(x, middle))).name() for x in range(3)}
        assert theme(key).ui_text in edge, f"{key}: {type(field).__name__}'s left edge is {edge}"
        assert contrast_ratio(theme(key).ui_text, theme(key).ui_background) >= 3
