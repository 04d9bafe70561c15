"""The term in focus, drawn so it can be seen from a distance: a thick ring in the theme's focus colour
around the term and its pinyin, on every line it spans, over the selection highlight.

Qt marks a link reached with Tab by a 1-px dotted outline that our readers cannot see; the glossary
(ui/glossary.py) turns that focus into a real selection (the highlight a reader also sees after Esc
closes a note) and shows this ring around it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from .text_geometry import cursor_x

if TYPE_CHECKING:
    from .reader_view import ReaderView


def ring_width(font_pt: float) -> float:
    """As thick as the current paragraph's ring (ui/reader_view.py), at least 3 px."""
    return max(3.0, font_pt / 9)


class TermFocusRing(QWidget):
    """A transparent layer over the reader's viewport that draws the ring around one span of the text."""

    def __init__(self, view: ReaderView):
        super().__init__(view)  # not the viewport's child: scrolling the viewport would move it
        self.view = view
        self.span: tuple[int, int] | None = None  # absolute document positions [start, end)
        self.setObjectName("termFocusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._refresh)
        view.verticalScrollBar().valueChanged.connect(self._timer.start)
        view.document().documentLayout().documentSizeChanged.connect(self._timer.start)
        view.font_size_changed.connect(self._timer.start)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self._timer.start()
        return False

    def show_span(self, start: int, end: int) -> None:
        self.span = (start, end)
        self._refresh()

    def clear(self) -> None:
        if self.span is not None:
            self.span = None
            self.hide()

    def _refresh(self) -> None:
        if self.span is None:
            self.hide()
            return
        self.setGeometry(self.view.viewport().geometry())
        self.show()
        self.raise_()
        self.update()

    def line_rects(self) -> list[QRectF]:
        return [] if self.span is None else span_line_rects(self.view, *self.span)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        width = ring_width(self.view.font_size())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(self.view.current_theme().focus_ring), width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        pad = width / 2 + 2
        for rect in self.line_rects():
            painter.drawRoundedRect(rect.adjusted(-pad, -pad, pad, pad), width, width)
        painter.end()


def span_line_rects(view: ReaderView, start: int, end: int) -> list[QRectF]:
    """One rectangle per line of [start, end) (absolute positions): the characters and the pinyin above,
    in viewport coordinates, as far as the line geometry (ui/text_geometry.py) says the ruby reaches."""
    doc = view.document()
    block = doc.findBlock(start)
    if not block.isValid():
        return []
    layout = block.layout()
    box = doc.documentLayout().blockBoundingRect(block)
    scroll = view.verticalScrollBar().value()
    dx = box.left() - view.horizontalScrollBar().value()
    with_ruby = view.pinyin_visible()
    a, b = start - block.position(), min(end, block.position() + block.length() - 1) - block.position()
    rects = []
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        first, last = line.textStart(), line.textStart() + line.textLength()
        if last <= a or first >= b:
            continue
        x1 = cursor_x(line, max(a, first))
        x2 = cursor_x(line, min(b, last))
        extent = view.line_geometry.line(block.blockNumber(), i)
        top = extent.top if with_ruby else extent.text_top
        rects.append(QRectF(dx + min(x1, x2), top - scroll, abs(x2 - x1), extent.bottom - top))
    return rects
