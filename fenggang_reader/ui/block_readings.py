"""The readings the reader view shows beside each block's characters: the annotator's pinyin (for a document nobody
reviewed, from a worker thread, the blocks asked for first) or another romanisation, remembered per block.

Why an object of its own: where a block's readings come from, whether they are there yet, what room they take until
they are, and warming the annotator up after the first paint are one question with one cache; the view asks it and
draws what it answers. ReaderView composes one (view.readings).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, QTimer

from ..core.jyutping import JyutpingAnnotator
from ..core.model import Report
from ..core.pinyin import Annotator, PinyinStyle, render
from ..core.widest_readings import widest_readings
from .readings_provider import ReadingsProvider
from .typesetting import Typesetting


class ReadingsHost(Protocol):
    """What BlockReadings asks of its view (ReaderView)."""

    typesetting: Typesetting

    def annotator(self) -> Annotator: ...
    def ruby_annotator(self) -> JyutpingAnnotator | None: ...
    def pinyin_style(self) -> PinyinStyle: ...


class BlockReadings:
    """Each block's readings as shown, and the worker thread that computes them for a document nobody reviewed."""

    def __init__(self, host: ReadingsHost, parent: QObject, report: Report, annotator: Annotator, *, on_screen: bool):
        self._host = host
        self._parent = parent
        self._blocks = report.blocks
        self._readings: dict[int, tuple[tuple, list[str | None]]] = {}  # block_readings: (what for, the readings)
        # A document nobody reviewed gets its readings from a worker thread, those on screen first
        # (ui/readings_provider.py); the shipped report, and a view never shown (print), have theirs at once.
        self.provider: ReadingsProvider | None = None
        self._wanted_readings: dict[int, None] = {}  # blocks drawn or measured without readings, in the order asked
        if on_screen and not report.builtin:
            self.provider = ReadingsProvider(report.blocks, annotator, parent)
        self._warm_up: threading.Thread | None = None

    def block_readings(self, index: int) -> Sequence[str | None]:
        """The readings shown above (or beside) block ``index``'s characters, one per character (None: none);
        remembered until the readings, their style or the romanisation change."""
        annotator = self._host.annotator()
        style = self._host.pinyin_style()
        source = self._host.ruby_annotator() or annotator
        provider = self.provider
        if source is annotator and provider is not None and not provider.ready(index):
            self._want_readings(index)  # drawn once they arrive (ReaderView._readings_arrived)
            return [None] * len(self._blocks[index].text)
        key = (id(source), style, self._host.typesetting.readings_generation)
        hit = self._readings.get(index)
        if hit is None or hit[0] != key:
            model = self._blocks[index]
            hit = self._readings[index] = (key, source.rendered(model.text, model.id, style))
        return hit[1]

    def room_readings(self, index: int) -> Sequence[str | None]:
        """The readings block ``index`` takes room for: its own, or while they are being computed the widest each
        character can have, so that their arrival moves no line."""
        provider = self.provider
        if self._host.ruby_annotator() is None and provider is not None and not provider.ready(index):
            shown = _shown_widest(self._host.pinyin_style())
            return [None if r is None else shown(r) for r in widest_readings(self._blocks[index].text)]
        return self.block_readings(index)

    def forget(self, indices: list[int]) -> None:
        """These blocks' readings are asked anew (they arrived from the worker thread)."""
        for index in indices:
            self._readings.pop(index, None)

    def _want_readings(self, index: int) -> None:
        """Ask for block ``index``'s readings with the others a paint or a jump asks for (in their order, top first)."""
        if not self._wanted_readings:
            QTimer.singleShot(0, self._parent, self._ask_for_readings)
        self._wanted_readings[index] = None

    def _ask_for_readings(self) -> None:
        wanted, self._wanted_readings = list(self._wanted_readings), {}
        if self.provider is not None:
            self.provider.want(wanted)

    def start_warm_up(self, after: Callable[[], None] | None) -> None:
        """Annotate the blocks not yet on screen in a background thread, so scrolling never waits for
        pypinyin (≈ 0.3 s for the whole report). The core annotator is pure Python and caches by block."""
        if self.provider is not None:
            self.provider.when_all_done(after)
            self.provider.start()
            return
        blocks = [(b.text, b.id) for b in self._blocks]
        annotator = self._host.annotator()

        def work() -> None:
            for text, block_id in blocks:
                annotator.readings(text, block_id)
            if after is not None:
                after()

        self._warm_up = threading.Thread(target=work, name="pinyin-warm-up", daemon=True)
        self._warm_up.start()

    def wait_for_warm_up(self, timeout: float = 30.0) -> None:
        provider = self.provider
        thread = provider._thread if provider is not None else self._warm_up
        if thread is not None:
            thread.join(timeout)


@functools.cache
def _shown_widest(style: PinyinStyle) -> Callable[[str], str]:
    """render(reading, style) for one style, memoised by the reading alone: room_readings asks it of every character of
    a block whose readings are being computed (render's own memo hashes the style each time, ~5 ms a window)."""
    return functools.cache(lambda reading: render(reading, style))
