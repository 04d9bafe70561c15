"""Keys and the mouse in the reader view: the keys the window's actions own while the text has focus, and a point on
the ruby above a line given to that line.

Why here: QTextBrowser handles both for its own caret and for Qt's lines, which know nothing of the ruby painted
above them; ReaderView's event handlers ask these first.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QKeySequence, QMouseEvent
from PySide6.QtWidgets import QWidget

from .text_geometry import TextGeometry


class ReservedKeys:
    """Key combinations that belong to window actions even while the text has focus (arrows, Home, End, …)."""

    def __init__(self) -> None:
        self._combined: set[int] = set()

    def set(self, sequences: list[QKeySequence]) -> None:
        # PySide6 6.11's stubs lack QKeySequence.__getitem__ (C++ operator[]), as in ui/actions.py.
        self._combined = {seq[0].toCombined() for seq in sequences if not seq.isEmpty()}  # type: ignore[index]

    def handle(self, widget: QWidget, event) -> bool | None:
        """What ``widget.event`` returns for a reserved key (handled here); None for any other event."""
        # QTextBrowser claims arrows, Home/End and PageUp/Down for its caret; our actions own them.
        if event.type() == QEvent.Type.ShortcutOverride and event.keyCombination().toCombined() in self._combined:
            event.ignore()
            return False
        if event.type() == QEvent.Type.KeyPress and event.keyCombination().toCombined() in self._combined:
            # The shortcut did not fire (a window Qt does not think active, e.g. with no window manager):
            # never let Qt's own caret paging scroll by a whole viewport and cut lines; run our action.
            key = QKeySequence(event.keyCombination())
            action = next((a for a in widget.actions() if key in a.shortcuts() and a.isEnabled()), None)
            if action is not None:
                action.trigger()
                return True
        return None


def ruby_band_to_line(event: QMouseEvent, geometry: TextGeometry, dy: int) -> QMouseEvent:
    """A point on the ruby above a line belongs to that line, not to the line before (Qt's view): ``event`` with its
    point moved into the line's characters (``dy``: the vertical scroll)."""
    pos = event.position()
    box = geometry.line_hit(pos.y() + dy)
    if box is None or pos.y() + dy >= box.text_top:
        return event
    mapped = QPointF(pos.x(), (box.text_top + box.bottom) / 2 - dy)
    return QMouseEvent(event.type(), mapped, event.globalPosition(), event.button(), event.buttons(),
                       event.modifiers())
