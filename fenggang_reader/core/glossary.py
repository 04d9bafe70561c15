"""Glossary navigation without widgets: where each note's term is used, in reading order, and the way back.

The view turns these spans into links; the popup lists a note's uses; Alt+Right / Alt+Left walk
them. Kept here so the order, wrap-around and history rules are tested without a QApplication.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Block, Report, TermOccurrence
from .reading_place import TextPlace

HREF_PREFIX = "note:"


def note_href(number: int) -> str:
    return f"{HREF_PREFIX}{number}"


def parse_note_href(href: str) -> int | None:
    """The note number of a link made by note_href; None for anything else."""
    if not href.startswith(HREF_PREFIX):
        return None
    tail = href[len(HREF_PREFIX):]
    return int(tail) if tail.isdigit() else None


@dataclass(frozen=True)
class LinkSpan:
    """One link in the body: the term and, when there is one, its [n] marker, as a single stop."""

    block_id: str
    start: int
    end: int
    note_number: int
    has_marker: bool


@dataclass(frozen=True)
class Place:
    """A reading position to come back to: the block, the link or caret offset inside it, and the reading
    place on screen (the first whole line and its height in the window). A place in the text, not a scroll
    position: it is still right after a zoom or a resize."""

    block_index: int
    offset: int = 0
    view_place: TextPlace | None = None
    view_y: float = 0.0


class Glossary:
    """A report's notes with their uses, in reading order."""

    def __init__(self, report: Report):
        self.report = report
        marker_end = {(m.block_id, m.term_end): m.end for m in report.markers}
        spans = []
        for o in report.occurrences:
            end = marker_end.get((o.block_id, o.end), o.end) if o.has_marker else o.end
            spans.append(LinkSpan(o.block_id, o.start, end, o.note_number, o.has_marker))
        self.links: list[LinkSpan] = sorted(spans, key=self._order)

    def _order(self, span: LinkSpan | TermOccurrence) -> tuple[int, int]:
        return (self.report.index_of(span.block_id), span.start)

    @property
    def note_numbers(self) -> list[int]:
        return sorted(self.report.notes)

    def uses(self, note_number: int) -> list[LinkSpan]:
        """Every link to the note, in reading order (the marked one and later unmarked ones)."""
        return [s for s in self.links if s.note_number == note_number]

    def link_at(self, block_id: str, offset: int) -> LinkSpan | None:
        """The link covering offset in block_id (its end counts too, so a caret after a term finds it)."""
        for s in self.links:
            if s.block_id == block_id and s.start <= offset <= s.end:
                return s
        return None

    def links_in(self, block_id: str) -> list[LinkSpan]:
        return [s for s in self.links if s.block_id == block_id]

    def step_use(self, note_number: int, place: Place | None, step: int) -> LinkSpan | None:
        """The next (step=1) or previous (step=-1) use of the note after/before place, wrapping around.

        With no place (or a place outside the body, e.g. the note itself), the first or last use.
        """
        uses = self.uses(note_number)
        if not uses:
            return None
        if place is None:
            return uses[0] if step > 0 else uses[-1]
        here = (place.block_index, place.offset)
        keys = [self._order(u) for u in uses]
        if step > 0:
            return next((u for u, k in zip(uses, keys, strict=True) if k > here), uses[0])
        return next((u for u, k in zip(reversed(uses), reversed(keys), strict=True) if k < here), uses[-1])

    def use_number(self, span: LinkSpan) -> int:
        """1-based position of span among its note's uses."""
        return self.uses(span.note_number).index(span) + 1

    def section_of(self, block_id: str) -> Block | None:
        """The nearest heading at or before the block, for "used in …" labels."""
        for i in range(self.report.index_of(block_id), -1, -1):
            block = self.report.blocks[i]
            if block.kind.is_heading:
                return block
        return None

    def context(self, span: LinkSpan, before: int = 10, after: int = 10) -> str:
        """A short excerpt around the use, cut at sentence punctuation where possible."""
        text = self.report.block(span.block_id).text
        start = max(0, span.start - before)
        for i in range(span.start - 1, start - 1, -1):
            if text[i] in "。；！？":
                start = i + 1
                break
        end = min(len(text), span.end + after)
        for i in range(span.end, end):
            if text[i] in "。；！？":
                end = i + 1
                break
        prefix = "…" if start > 0 else ""
        suffix = "…" if end < len(text) else ""
        return f"{prefix}{text[start:end]}{suffix}"


class History:
    """Places the reader jumped away from, most recent last (Alt+Left goes back)."""

    def __init__(self, limit: int = 50):
        self._places: list[Place] = []
        self._limit = limit

    def push(self, place: Place) -> None:
        if self._places and self._places[-1] == place:
            return
        self._places.append(place)
        del self._places[: -self._limit]

    def pop(self) -> Place | None:
        return self._places.pop() if self._places else None

    def __len__(self) -> int:
        return len(self._places)
