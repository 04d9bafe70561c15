"""The reading place: a place in the text (block id + character offset), not a scroll position.

A scroll position means nothing after a zoom, a narrower window or Traditional characters; a place in
the text does. It is saved in settings as ``"<block id>:<offset>"``. A saved place that no longer exists
(the block was removed, the offset is past its end) resolves to the nearest place that does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Report

PLACE_PATTERN = r"(|[A-Za-z0-9_.\-]{1,64}:\d{1,7})"  # the settings form; empty = no saved place
_NUMBERED = re.compile(r"^(.*?)(\d+)$")


@dataclass(frozen=True, slots=True)
class TextPlace:
    """Character ``offset`` of block ``index`` (offsets as `export-pinyin` prints the blocks)."""

    index: int
    offset: int


def format_place(report: Report, place: TextPlace) -> str:
    return f"{report.blocks[place.index].id}:{place.offset}"


def resolve_place(report: Report, saved: str) -> TextPlace | None:
    """The place a saved ``"<id>:<offset>"`` names, or the nearest valid one; None for an empty value."""
    block_id, _, offset_text = saved.rpartition(":")
    if not block_id or not offset_text.isdigit():
        return None
    index = nearest_block(report, block_id)
    last = max(0, len(report.blocks[index].text) - 1)
    return TextPlace(index, min(int(offset_text), last))


def nearest_block(report: Report, block_id: str) -> int:
    """The index of ``block_id``; if it is gone, the closest earlier block of the same series
    (``s3-p07`` → ``s3-p04``), else the start of the report."""
    if report.get(block_id) is not None:
        return report.index_of(block_id)
    wanted = _NUMBERED.match(block_id)
    if wanted is None:
        return 0
    prefix, number = wanted.group(1), int(wanted.group(2))
    series = [(int(m.group(2)), index) for index, block in enumerate(report.blocks)
              if (m := _NUMBERED.match(block.id)) is not None and m.group(1) == prefix]
    earlier = [entry for entry in series if entry[0] <= number]
    if earlier:
        return max(earlier)[1]
    return min(series)[1] if series else 0  # only later ones exist: the first of them
