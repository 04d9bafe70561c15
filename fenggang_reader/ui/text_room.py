"""The text always keeps room for one whole line, its pinyin included.

At 96 pt in an 800×600 window the menus, the toolbar, the first-start banner, the find bar and a read-aloud problem
bar together left the text 70 px: not one character could be seen. When the text is shorter than its current line,
what can wait gives way, one thing at a time: the first-start banner, then the toolbar (its commands are in the
menus); each comes back once there is room for it again. Then the bars the reader is using (a problem to read, a
question to answer) take a smaller text, until they close. The status bar stays: every message appears there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from .guidance_bars import GuidanceBar, KeyHintBanner
from .navigation import EDGE

if TYPE_CHECKING:
    from .main_window import MainWindow


class TextRoom(QObject):
    """Hides the banner, then the toolbar, then shrinks the bars in the window while its text is shorter than a
    line; shows what it hid again once there is room."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.given_way: list[QWidget] = []  # hidden here, in the order they gave way
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.check)
        window.view.installEventFilter(self)
        window.view.font_size_changed.connect(lambda _points: self._timer.start())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._timer.start()  # after the layout settles: each change resizes the text again, and looks again
        return False

    def _can_wait(self) -> list[QWidget]:
        window = self.window
        banner = window.key_hints.banner
        toolbar = None if window.simple_mode.active else window.toolbar
        return [w for w in (banner, toolbar) if w is not None]

    def _bars_in_use(self) -> bool:
        """A bar the reader is using is up (find, a problem, a question): the text's room changed under the place."""
        window = self.window
        bars = [bar for bar in window.findChildren(GuidanceBar) if not isinstance(bar, KeyHintBanner)]
        return window.find_bar.isVisible() or any(bar.isVisible() for bar in bars)

    def _needed(self) -> float:
        view = self.window.view
        return view.line_geometry.line(view.current_index(), 0).height + 1  # Navigator.restore_place places it whole

    def check(self) -> None:
        view = self.window.view
        if not view.isVisible():
            return
        self.given_way = [w for w in self.given_way if shiboken6.isValid(w) and w.isHidden()]
        room = view.viewport().height() - self._needed()
        if room < 0:
            for widget in self._can_wait():
                if widget.isVisible():
                    widget.hide()
                    self.given_way.append(widget)
                    return  # the text grows: the resize comes back here
            for bar in self.window.findChildren(GuidanceBar):
                if bar.isVisible() and not isinstance(bar, KeyHintBanner) and bar.shrink():
                    return
            return
        navigator = view.navigator
        if self._bars_in_use() and navigator.visible_range() is None:
            navigator.restore_place(*navigator.reading_place())  # room for a line, but the one at the top is cut
        if self.given_way:
            widget = self.given_way[-1]
            if widget in self._can_wait() and room >= widget.sizeHint().height() + EDGE:
                self.given_way.pop()
                widget.show()
