"""Placing the reader view's caret: without scrolling (where the view goes is the Navigator's business), and in
screen-reader mode without telling screen readers.

Why an object of its own: Qt scrolls a caret it places to the window's edge and reports each move to assistive
technologies from its text control's signals; both are undone here, in one place, for every caret the reader moves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor

if TYPE_CHECKING:
    from .reader_view import ReaderView


class CaretPlacement:
    """Moves one view's caret; ``quiet`` while screen-reader mode says the paragraphs itself."""

    def __init__(self, view: ReaderView):
        self._view = view
        # Move the caret to a new paragraph without telling screen readers (screen-reader mode says the whole
        # paragraph instead, ui/orientation.py; Orca would first say the screen line the caret lands on).
        self.quiet = False

    def _set_caret(self, cursor: QTextCursor) -> None:
        view = self._view
        control = None
        if self.quiet:  # Qt reports caret moves from its text control's signals
            control = next((c for c in view.children() if c.metaObject().className() == "QWidgetTextControl"), None)
        blocked = control.blockSignals(True) if control is not None else False
        try:
            view.setTextCursor(cursor)
        finally:
            if control is not None:
                control.blockSignals(blocked)

    def place(self, position: int, anchor: int | None = None) -> None:
        """Move the caret (selecting from ``anchor``) without scrolling: Qt would scroll it to the window's
        edge; where the view goes is the Navigator's business."""
        view = self._view
        last = view.document().characterCount() - 1
        cursor = QTextCursor(view.document())
        if anchor is not None:
            cursor.setPosition(max(0, min(anchor, last)))
        cursor.setPosition(max(0, min(position, last)),
                           QTextCursor.MoveMode.KeepAnchor if anchor is not None else QTextCursor.MoveMode.MoveAnchor)
        bar = view.verticalScrollBar()
        value = bar.value()
        with view.navigator.own_scrolls():
            if anchor is None:
                self._set_caret(cursor)
            else:  # a selection (a term): screen readers are told
                view.setTextCursor(cursor)
            bar.setValue(value)
