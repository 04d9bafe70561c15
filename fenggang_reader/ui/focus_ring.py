"""A thick ring in the theme's focus colour around whichever control has the keyboard focus.

Why: the Fusion style marks a focused button, check box or field with a 1-px line in the palette's highlight
(the pale speech yellow in the light theme, white beside white borders in high contrast): a reader at 96 pt who
moves through a dialog with Tab cannot see where the focus is. The ring is a QFocusFrame (Qt keeps it around its
widget as that moves or resizes, clipped by the same parent, and leaves it out of the accessibility tree), masked to
a band outside the widget, so it hides nothing of the control (where the parent clips that band, as a toolbar
does above and below its buttons, the band is drawn just inside the control's edge instead). The reader's text draws its own frame around the
current paragraph, so the ring leaves it (and the note's text) alone; menus show their own highlight.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QPoint, QRect, QRectF
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFocusFrame,
    QMenu,
    QMenuBar,
    QProxyStyle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QWidget,
)

from .reader_view import ReaderView

FOCUS_COLOUR = QPalette.ColorRole.Accent  # themes.palette_for puts the theme's focus colour here
_RING_MIN_PX = 3
_RING_PER_LINE = 7  # the ring is a seventh of the control's text line high (4 px at the default 20 pt)


class _RingWidth(QProxyStyle):
    """The style of the ring alone: its width is the focus frame's margin (the band QFocusFrame leaves outside
    its widget), and no mask (the ring is transparent where it does not paint, and to the mouse)."""

    def __init__(self) -> None:
        super().__init__()
        self.width = _RING_MIN_PX

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,  # noqa: N802 - Qt
                    widget: QWidget | None = None) -> int:
        if metric in (QStyle.PixelMetric.PM_FocusFrameHMargin, QStyle.PixelMetric.PM_FocusFrameVMargin):
            return self.width
        return super().pixelMetric(metric, option, widget)

    def styleHint(self, hint: QStyle.StyleHint, option: QStyleOption | None = None,  # noqa: N802 - Qt override
                  widget: QWidget | None = None, returnData: QStyleHintReturn | None = None) -> int:  # noqa: N803
        if hint == QStyle.StyleHint.SH_FocusFrame_Mask:
            return 0
        return super().styleHint(hint, option, widget, returnData)


class _Ring(QFocusFrame):
    def __init__(self) -> None:
        super().__init__()
        self.width_style = _RingWidth()
        self.width_style.setParent(self)  # lives and goes with its ring (Qt deletes the ring with a dialog)
        self.setStyle(self.width_style)
        self.setObjectName("focusRing")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        shown = self.rect()
        parent = self.parentWidget()
        if parent is not None:  # the part of the ring its parent does not clip
            shown = shown.intersected(QRect(self.mapFromParent(QPoint(0, 0)), parent.size()))
        band = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin)
        outline = QPainterPath()
        outline.addRect(QRectF(shown))
        outline.addRect(QRectF(shown.adjusted(band, band, -band, -band)))  # odd-even fill: the band alone
        painter = QPainter(self)
        painter.fillPath(outline, QApplication.palette().color(FOCUS_COLOUR))
        painter.end()


class FocusRing(QObject):
    """Follows the application's focus; one for the application (``FocusRing.install``)."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self._ring: _Ring | None = None
        app.focusChanged.connect(self._focus_changed)

    @classmethod
    def install(cls, app: QApplication) -> FocusRing:
        """The application's ring, made at the first call."""
        existing = app.findChild(FocusRing)
        return existing if existing is not None else cls(app)

    @property
    def ring(self) -> _Ring:
        """The ring widget. Qt makes it a child of its control's parent, so it goes when a dialog that had the
        focus is deleted: then a new one is made."""
        if self._ring is None or not shiboken6.isValid(self._ring):
            self._ring = _Ring()
        return self._ring

    def ringed(self) -> QWidget | None:
        """The control the ring is around (None: hidden)."""
        if self._ring is None or not shiboken6.isValid(self._ring) or not self._ring.isVisible():
            return None
        return self._ring.widget()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        ring = self.ring
        if new is None or not self._wants_ring(new):
            _let_go(ring)
            ring.hide()
            return
        ring.width_style.width = max(_RING_MIN_PX, round(new.fontMetrics().height() / _RING_PER_LINE))
        _let_go(ring)  # a new width takes effect when the widget is set again
        ring.setWidget(new)
        ring.show()
        ring.raise_()

    @staticmethod
    def _wants_ring(widget: QWidget) -> bool:
        if widget.isWindow() or isinstance(widget, (QMenu, QMenuBar)):
            return False
        holder = widget.parentWidget()
        return not isinstance(widget, ReaderView) and not isinstance(holder, ReaderView)


def _let_go(ring: QFocusFrame) -> None:
    """The ring follows no control (Qt's documented null widget)."""
    ring.setWidget(None)  # type: ignore[arg-type]  # PySide6 6.11 stubs: setWidget takes no None, Qt takes nullptr
