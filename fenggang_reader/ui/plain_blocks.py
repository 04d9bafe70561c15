"""A long document's blocks far from its start are built as plain text and get the formats of their runs later: as
they are shown, before their letter spacing is edited (the readings' room), and while idle after the first paint.

Why: a view of a long document lays out only the stretch around the reading place (ui/block_window.py), yet building
every block run by run (a QTextCursor.insertText a run of wide or narrow characters, ~14,000 runs for 300,000
characters) was 50-80 ms CPU of its opening; one insert a block is ~15. The characters, the blocks and their formats
are there from the start, so every position, find, the contents, links and speech are as before; only the letter
spacing and font features of the hidden blocks' runs wait (reader_document.set_runs gives them exactly what the build
gives, whatever was merged meanwhile).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor, QTextDocument

from ..core.model import Block
from .block_window import LONG_CHARS
from .reader_document import set_runs
from .waiting_blocks import WaitingBlocks

BUILT_AT_ONCE_CHARS = 6_000  # a long document's blocks within this many characters of its start get their runs at once
_STEP_SECONDS = 0.008  # one idle slice


def plain_at_first(blocks: list[Block], on_screen: bool) -> set[int]:
    """The blocks a view builds plain: none unless it is a long document on screen (a print copy lays out all)."""
    if not on_screen or sum(len(block.text) for block in blocks) <= LONG_CHARS:
        return set()
    total, first = 0, 0
    while first < len(blocks) and total < BUILT_AT_ONCE_CHARS:
        total += len(blocks[first].text)
        first += 1
    return set(range(first, len(blocks)))


class PlainBlocks:
    """Which blocks of one view's document still wait for their runs' formats, and giving them those."""

    def __init__(self, parent: QObject, document: Callable[[], QTextDocument], blocks: list[Block], plain: set[int],
                 place: Callable[[], int], spacing: Callable[[], tuple[float, str]]):
        self._document = document
        self._blocks = blocks
        self._plain = set(plain)
        self._spacing = spacing  # the Han characters' spacing and the marks that may give up half a cell, as now
        self._waiting = WaitingBlocks(parent, place, self._step, _STEP_SECONDS)
        self._waiting.wait(sorted(plain))
        self._when_formatted: list[Callable[[list[int]], object]] = []

    def when_formatted(self, callback: Callable[[list[int]], object]) -> None:
        """Call ``callback(indices)`` each time blocks get their runs' formats (the glossary links them then, as a
        document built whole is linked after it is built)."""
        self._when_formatted.append(callback)

    def __len__(self) -> int:
        return len(self._plain)

    def waiting(self) -> frozenset[int]:
        """The blocks still without their runs' formats."""
        return frozenset(self._plain)

    def format(self, indices: Iterable[int]) -> None:
        """These blocks their runs' formats now, if they still wait for them."""
        if not self._plain:
            return
        todo = [index for index in indices if index in self._plain]
        if todo:
            self._waiting.take(set(todo))
            self._set(todo)

    def format_all(self) -> None:
        """Every block its runs' formats now (a view laid out whole: print, export-lines)."""
        if self._plain:
            self._waiting.take_all()
            self._set(sorted(self._plain))

    def start_idle_work(self) -> None:
        """The first screen is painted: the others get theirs while idle, those nearest the place first."""
        self._waiting.resume()

    def _step(self) -> None:
        cursor = QTextCursor(self._document())
        cursor.beginEditBlock()  # one edit, one relayout, a slice
        try:
            for index in self._waiting.nearest():
                self._set([index])
        finally:
            cursor.endEditBlock()

    def _set(self, indices: list[int]) -> None:
        self._plain.difference_update(indices)
        set_runs(self._document(), self._blocks, indices, *self._spacing())
        for callback in self._when_formatted:
            callback(indices)
