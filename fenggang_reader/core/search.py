"""Find in the report: every match of a query, block by block (so a match never spans two blocks)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .model import Report


@dataclass(frozen=True)
class Match:
    block_index: int
    start: int
    end: int


def find_all(report: Report, query: str, fold: Callable[[str], str] | None = None) -> list[Match]:
    """All non-overlapping matches, case-insensitive; `fold` maps text and query to a common form
    of the same length (e.g. Traditional → Simplified), so finding works in either script."""
    query = query.strip()
    if not query:
        return []
    norm = fold or (lambda s: s)
    needle = norm(query).casefold()
    matches: list[Match] = []
    for index, block in enumerate(report.blocks):
        hay = norm(block.text).casefold()
        if len(hay) != len(block.text):  # a fold that changes lengths would misplace highlights
            hay = block.text.casefold()
        start = hay.find(needle)
        while start != -1:
            matches.append(Match(index, start, start + len(needle)))
            start = hay.find(needle, start + len(needle))
    return matches
