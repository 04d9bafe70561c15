"""Where a view's readings come from for a document nobody reviewed: a worker thread computes them block by block,
the blocks the view asks for first (those on screen), then onwards from there; the GUI thread never runs pypinyin.

The shipped report has its readings at once (resources/report/readings.json) and needs none of this. For any other
document the view paints its text at once, with the room of each character's widest reading reserved
(core/widest_readings.py), so the readings that arrive move no line; each block's pinyin is drawn once it is done.
A path that needs one block's readings now (F2, an export of the view) asks ``wait_for``, which puts the block
first and waits for that block alone.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..core.model import Block
from ..core.pinyin import Annotator

log = logging.getLogger(__name__)


class ReadingsProvider(QObject):
    """Computes a document's readings in a thread of its own, in the order the view wants them."""

    arrived = Signal(list)  # block indices whose readings are now known (queued to the GUI thread)

    def __init__(self, blocks: Sequence[Block], annotator: Annotator, parent: QObject | None = None):
        super().__init__(parent)
        self._blocks = blocks
        self._annotator = annotator
        self._condition = threading.Condition()
        self._first: list[int] = []  # asked for, most recent first
        self._next = 0  # where the sweep onwards goes on
        self._done: set[int] = set()
        self._thread: threading.Thread | None = None
        # Set when the view goes or the app quits: the worker then ends without touching Qt again (a Qt call on a
        # live thread during Python's finalization was the SIGSEGV at exit seen in CI).
        stopping = self._stop = threading.Event()
        self.destroyed.connect(lambda *_: stopping.set())
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        self._after_all: Callable[[], None] | None = None
        self._finished = False  # the worker went through every block (after_all was due)

    def when_all_done(self, callback: Callable[[], None] | None) -> None:
        """Call ``callback`` once every block is done (in the worker; at once when that already happened)."""
        with self._condition:
            self._after_all = callback
            finished = self._finished
        if finished and callback is not None:
            callback()

    def ready(self, index: int) -> bool:
        """Whether block ``index``'s readings are known (computed, loaded from a cache, or shipped)."""
        block = self._blocks[index]
        return self._annotator.has_readings(block.text, block.id)

    def reset(self) -> None:
        """The readings changed (a correction, the tones of 一 and 不): every block is computed anew, those the view
        asks for first, in the worker (started again if it had finished)."""
        with self._condition:
            self._done.clear()
            self._next = 0
            self._finished = False
        thread = self._thread
        if thread is not None and not thread.is_alive():
            self._thread = None
        self.start()

    def want(self, indices: Iterable[int]) -> None:
        """Compute these blocks before any other (the view is showing them); the sweep goes on after the last."""
        wanted = [i for i in indices if not self.ready(i)]
        if not wanted:
            return
        with self._condition:
            self._first = wanted + [i for i in self._first if i not in wanted]
            self._next = max(wanted) + 1
            self._condition.notify_all()
        self.start()

    def start(self) -> None:
        """Start the worker (once); it ends when every block is done."""
        if self._thread is None and not self._stop.is_set():
            self._thread = threading.Thread(target=self._work, name="pinyin-readings", daemon=True)
            self._thread.start()

    def wait_for(self, index: int, timeout: float = 10.0) -> bool:
        """Block ``index`` first, and wait for it alone; False if it was not done within ``timeout`` s."""
        if self.ready(index):
            return True
        self.want([index])
        with self._condition:
            return self._condition.wait_for(lambda: self.ready(index) or self._stop.is_set(), timeout) and \
                self.ready(index)

    def stop(self, timeout: float = 5.0) -> None:
        with self._condition:
            self._stop.set()
            self._condition.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)

    def _take(self) -> int | None:
        """The next block to compute: one asked for, else the next onwards (wrapping round), None when all done."""
        with self._condition:
            while self._first:
                index = self._first.pop(0)
                if index not in self._done and not self.ready(index):
                    return index
            count = len(self._blocks)
            for step in range(count):
                index = (self._next + step) % count
                if index in self._done:
                    continue
                if self.ready(index):  # loaded from a cache, or asked for and done
                    self._done.add(index)
                    continue
                self._next = index + 1
                return index
            return None

    def _work(self) -> None:
        annotator = self._annotator
        while not self._stop.is_set():
            index = self._take()
            if index is None:
                break
            block = self._blocks[index]
            failed = False
            try:
                annotator.readings(block.text, block.id)
            except Exception:  # noqa: BLE001 - a block without readings must not stop the others
                log.exception("readings of block %s", block.id)
                failed = True
            with self._condition:
                if failed or self.ready(index):  # not if the readings changed meanwhile (reset): it comes again
                    self._done.add(index)
                self._condition.notify_all()
            if self._stop.is_set():
                return
            try:
                self.arrived.emit([index])
            except RuntimeError:  # the view was deleted meanwhile
                return
        with self._condition:
            self._finished = not self._stop.is_set()
            after = self._after_all if self._finished else None
        if after is not None:
            after()
