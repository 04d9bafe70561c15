"""How the window's messages (window.announce) reach a screen reader.

Orca 43 (Debian 12) ignores AT-SPI ``object:announcement``, which is what Qt makes of a
QAccessibleAnnouncementEvent; it does speak a change of the focused object's accessible
description, interrupting what it was saying (tested with the real Orca: tests/a11y/test_orca.py).
Newer Orca speaks that too. So on Linux a message becomes the description of the focused control;
the control gets its own description back, unannounced, the next time it receives the focus.
Elsewhere (NVDA, JAWS, VoiceOver through Qt's bridges) the announcement event is the channel.

Messages given in one turn of the event loop are coalesced and only the last is said: Tab onto a
term in a new paragraph says the term, not the paragraph and then the term. While ``hold()`` is true
(the app's own voice reads to a screen-reader user) messages stay on the status bar: the screen
reader would otherwise queue them between the sentences being read, or talk over them.
"""

from __future__ import annotations

import sys
import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget

ZERO_WIDTH_SPACE = "\u200b"  # the same message twice must still be a change


def description_channel() -> bool:
    """True where a description change is how a message reaches the screen reader (AT-SPI)."""
    return sys.platform.startswith("linux")


class Announcer(QObject):
    """Says messages through the focused control (or an announcement event where that is the channel)."""

    def __init__(self, window: QWidget, hold: Callable[[], bool] = lambda: False):
        super().__init__(window)
        self.window = window
        self.hold = hold  # while true, messages stay on the status bar (e.g. the app's own voice is reading)
        self._pending: str | None = None
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._flush)
        # Controls whose description holds a message, with how to get their own description back.
        self._replaced: weakref.WeakKeyDictionary[QWidget, Callable[[], str]] = weakref.WeakKeyDictionary()
        self._own: weakref.WeakKeyDictionary[QWidget, Callable[[], str]] = weakref.WeakKeyDictionary()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def own_description(self, widget: QWidget, provider: Callable[[], str]) -> None:
        """``widget``'s description is computed (e.g. the report view's place); restore it from ``provider``."""
        self._own[widget] = provider

    def say(self, text: str) -> None:
        """Say ``text`` soon (after the current key has been handled); a later message replaces it."""
        if text:
            self._pending = text
            self._timer.start()

    def pending(self) -> str | None:
        return self._pending

    def flush(self) -> None:
        """Deliver a pending message now (tests, and before something that would change the focus)."""
        if self._timer.isActive():
            self._timer.stop()
            self._flush()

    def _flush(self) -> None:
        text, self._pending = self._pending, None
        if not text or self.hold():
            return
        if not description_channel():
            try:
                from PySide6.QtGui import QAccessibleAnnouncementEvent
            except ImportError:  # Qt < 6.8 has no announcement event
                return
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.window, text))
            return
        focus = QApplication.focusWidget()
        if focus is None:
            return
        self.put(focus, text)

    def put(self, widget: QWidget, text: str) -> None:
        """Make ``text`` the description of ``widget`` (spoken by Orca when the widget has the focus)."""
        if widget not in self._replaced:
            provider = self._own.get(widget)
            if provider is None:
                original = widget.accessibleDescription()
                provider = lambda original=original: original  # noqa: E731 - a constant provider
            self._replaced[widget] = provider
        if widget.accessibleDescription() == text:
            text += ZERO_WIDTH_SPACE
        widget.setAccessibleDescription(text)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Qt tells the screen reader about the new focus after this signal: restoring the description
        # now is not news to it (Orca speaks description changes of the focused object only).
        if new is not None and new in self._replaced:
            provider = self._replaced.pop(new)
            new.setAccessibleDescription(provider())
