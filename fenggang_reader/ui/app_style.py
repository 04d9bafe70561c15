"""The application's style: the platform's own, with check boxes and radio buttons as large as the text beside
them and outlined in that text's colour, and buttons, text fields, lists of choices and number fields outlined in
it too.

Why: Fusion draws a 13-px box outlined in a shade of the window colour whatever the text size, so at the 20 pt
interface an unchecked box is a speck, and in the black high-contrast themes it is not drawn at all (black on
black): "Offline voice only" looked the same checked or not until its check mark appeared. The same shade outlines
fields and buttons (2.2 : 1 against the light theme's paper, none at all on black), so the export dialog's folder
was text floating beside its label, and Cancel a word in the dark. Everything else is the base style's; a Python override costs a few milliseconds a window
(~1,100 metric calls).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QStyleOptionMenuItem,
    QWidget,
)

_INDICATOR_LINE = 0.8  # an indicator is this much of its widget's text line high
_INDICATOR_MIN_PX = 16
_FIELD_FRAMES = {QStyle.ComplexControl.CC_ComboBox: QStyle.SubControl.SC_ComboBoxFrame,
                 QStyle.ComplexControl.CC_SpinBox: QStyle.SubControl.SC_SpinBoxFrame}
_SIZED = {QStyle.PixelMetric.PM_IndicatorWidth, QStyle.PixelMetric.PM_IndicatorHeight,
          QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, QStyle.PixelMetric.PM_ExclusiveIndicatorHeight}


def indicator_size(widget: QWidget | None) -> int:
    """The side of a check box's box or a radio button's circle beside ``widget``'s text."""
    metrics = widget.fontMetrics() if widget is not None else QApplication.fontMetrics()
    return max(_INDICATOR_MIN_PX, round(metrics.height() * _INDICATOR_LINE))


class ReaderStyle(QProxyStyle):
    """The base style, with large, outlined check and radio indicators."""

    def styleHint(self, hint: QStyle.StyleHint, option: QStyleOption | None = None,  # noqa: N802 - Qt override
                  widget: QWidget | None = None, returnData=None) -> int:  # noqa: N803 - Qt's name
        if hint == QStyle.StyleHint.SH_Menu_Scrollable:
            # A menu taller than its screen scrolls in one column (Fusion adds columns: at 96 pt in 800×600 the View
            # menu's last items and the Language menu's second column were off the screen, Up onto them unseen).
            return 1
        return super().styleHint(hint, option, widget, returnData)

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,  # noqa: N802 - Qt
                    widget: QWidget | None = None) -> int:
        if metric in _SIZED:
            return indicator_size(widget)
        return super().pixelMetric(metric, option, widget)

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,  # noqa: N802 - Qt override
                      painter: QPainter, widget: QWidget | None = None) -> None:
        if element in (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
                       QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck):
            _draw_check(option, painter)
        elif element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            _draw_radio(option, painter)
        else:
            super().drawPrimitive(element, option, painter, widget)
            if element in (QStyle.PrimitiveElement.PE_FrameLineEdit, QStyle.PrimitiveElement.PE_PanelButtonCommand):
                _outline(option, painter)

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption,  # noqa: N802 - Qt override
                    painter: QPainter, widget: QWidget | None = None) -> None:
        if element == QStyle.ControlElement.CE_MenuItem and isinstance(option, QStyleOptionMenuItem) \
                and option.reservedShortcutWidth and "\t" not in option.text:
            # Fusion keeps the shortcuts' column free beside every item, so in a menu as wide as its screen an item
            # without a key lost the middle of its name: "Traditional cha…ers (Hong Kong)" at 96 pt in 800×600.
            option = QStyleOptionMenuItem(option)
            option.reservedShortcutWidth = 0
        super().drawControl(element, option, painter, widget)

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex,  # noqa: N802 - Qt
                           painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        frame = _FIELD_FRAMES.get(control)
        if frame is not None and option.subControls & frame and getattr(option, "frame", True):
            _outline(option, painter)


def _outline(option: QStyleOption, painter: QPainter) -> None:
    """A field's edge in the text colour of the window it stands in."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(QPen(option.palette.color(QPalette.ColorRole.WindowText), 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
    painter.restore()


def _begin_indicator(option: QStyleOption, painter: QPainter) -> tuple[QRectF, float, QPalette]:
    """Save the painter and set the outline's pen and the fill; the square inside the outline, the outline's
    width and the palette."""
    rect = QRectF(option.rect)
    side = min(rect.width(), rect.height())
    line = max(2.0, side / 10)
    inner = QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side).adjusted(
        line / 2, line / 2, -line / 2, -line / 2)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Text), line))
    painter.setBrush(option.palette.color(QPalette.ColorRole.Base))
    return inner, line, option.palette


def _draw_check(option: QStyleOption, painter: QPainter) -> None:
    inner, line, palette = _begin_indicator(option, painter)
    painter.drawRoundedRect(inner, line, line)
    state = option.state
    mark = QPen(palette.color(QPalette.ColorRole.Text), max(2.0, (inner.width() + line) / 7), Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(mark)
    w, x, y = inner.width(), inner.x(), inner.y()
    if state & QStyle.StateFlag.State_On:
        tick = QPainterPath(QPointF(x + 0.22 * w, y + 0.52 * w))
        tick.lineTo(QPointF(x + 0.42 * w, y + 0.72 * w))
        tick.lineTo(QPointF(x + 0.78 * w, y + 0.28 * w))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
    elif state & QStyle.StateFlag.State_NoChange:  # partly checked: a bar
        painter.drawLine(QPointF(x + 0.25 * w, y + 0.5 * w), QPointF(x + 0.75 * w, y + 0.5 * w))
    painter.restore()


def _draw_radio(option: QStyleOption, painter: QPainter) -> None:
    inner, _line, palette = _begin_indicator(option, painter)
    painter.drawEllipse(inner)
    if option.state & QStyle.StateFlag.State_On:
        dot = inner.width() * 0.28
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Text))
        painter.drawEllipse(inner.center(), dot, dot)
    painter.restore()
