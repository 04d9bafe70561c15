"""Check boxes and radio buttons as large as their text and outlined in its colour in every theme (ui/app_style.py):
Fusion's 13-px box was not drawn at all on the black high-contrast themes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMenu,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QStyleOptionMenuItem,
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


def test_a_menu_item_without_a_key_is_drawn_whole_beside_the_keys_column(app, qtbot):
    """Fusion kept the shortcuts' column free beside every item, so where the keys' column and the longest name did not
    both fit (the Language menu at 96 pt in 800×600) an item without a key lost the middle of its name:
    "Traditional cha…ers (Hong Kong)"."""
    menu = QMenu()
    qtbot.addWidget(menu)
    font = menu.font()
    font.setPointSizeF(20)
    menu.setFont(font)
    name = "Traditional characters (Hong Kong)"
    metrics = QFontMetricsF(font)
    option = QStyleOptionMenuItem()
    option.initFrom(menu)
    option.palette = palette_for(theme("contrast-black-on-white"))  # whatever theme an earlier test left
    option.menuItemType = QStyleOptionMenuItem.MenuItemType.Normal
    option.text = name
    option.font = font
    option.reservedShortcutWidth = round(metrics.horizontalAdvance("Ctrl+Shift+F"))
    option.rect = QRect(0, 0, round(metrics.horizontalAdvance(name)) + 80, round(metrics.height() * 1.5))
    image = QImage(option.rect.size(), QImage.Format.Format_RGB32)
    image.fill(option.palette.color(QPalette.ColorRole.Window))
    painter = QPainter(image)
    menu.style().drawControl(QStyle.ControlElement.CE_MenuItem, option, painter, menu)
    painter.end()
    middle = image.height() // 2
    rows = range(middle - round(metrics.ascent() / 2), middle + 2)
    inked = [x for x in range(image.width()) if any(QColor(image.pixel(x, y)).lightness() < 128 for y in rows)]
    assert inked and inked[-1] - inked[0] >= metrics.horizontalAdvance(name) * 0.97, "the whole name, not elided"
