"""The blocks of a long document that still wait for a piece of typesetting: taken while idle in short slices,
those nearest the reading place first; those near a jump, or all of them (print), at once.

Why one object: the readings' room (ui/typesetting.py) and the line-breaking marks (ui/line_break_marks.py) wait the
same way, and the order and the slices are what keep a key pressed meanwhile from waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterable, Iterator

from PySide6.QtCore import QObject, QTimer


class WaitingBlocks:
    """Block indices waiting for work; ``step`` runs from a zero-interval timer while any wait (started by
    ``resume``) and takes them with ``nearest``."""

    def __init__(self, parent: QObject, place: Callable[[], int], step: Callable[[], None], slice_seconds: float):
        self._place = place
        self._slice_seconds = slice_seconds
        self._blocks: list[int] = []
        self._timer = QTimer(parent)
        self._timer.setInterval(0)
        self._timer.timeout.connect(step)

    def __len__(self) -> int:
        return len(self._blocks)

    def wait(self, blocks: Iterable[int]) -> None:
        """These blocks wait from now on (instead of those that did)."""
        self._blocks = list(blocks)

    def resume(self) -> None:
        """Take them while idle, if any wait."""
        if self._blocks:
            self._timer.start()

    def nearest(self) -> Iterator[int]:
        """The waiting blocks nearest the place first, each taken as it is given, for one slice of time."""
        started = time.perf_counter()
        place = self._place()
        self._blocks.sort(key=lambda index: -abs(index - place))  # nearest last, taken from the end
        while self._blocks and time.perf_counter() - started < self._slice_seconds:
            yield self._blocks.pop()
        if not self._blocks:
            self._timer.stop()

    def take(self, wanted: Collection[int]) -> list[int]:
        """Those of ``wanted`` that wait, no longer waiting (the caller does their work now)."""
        taken = [block for block in self._blocks if block in wanted]
        if taken:
            self._blocks = [block for block in self._blocks if block not in wanted]
            if not self._blocks:
                self._timer.stop()
        return taken

    def take_all(self) -> list[int]:
        taken, self._blocks = self._blocks, []
        self._timer.stop()
        return taken
