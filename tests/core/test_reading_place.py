"""The reading place saved as '<block id>:<offset>': resolved exactly, or to the nearest place that exists."""

from __future__ import annotations

import re

import pytest

from fenggang_reader.core.reading_place import PLACE_PATTERN, TextPlace, format_place, nearest_block, resolve_place


def test_a_place_round_trips(report):
    place = TextPlace(report.index_of("s3-p02"), 57)
    saved = format_place(report, place)
    assert saved == "s3-p02:57" and re.fullmatch(PLACE_PATTERN, saved)
    assert resolve_place(report, saved) == place


@pytest.mark.parametrize("saved,block_id,offset", [
    ("s3-p09:5", "s3-p04", 5),  # a removed paragraph: the last one left of its series
    ("s3-p00:3", "s3-p01", 3),  # only later ones exist: the first of them
    ("note-99:0", "note-30", 0),
    ("y2024-p02:999999", "y2024-p02", None),  # past the end: the last character
    ("nothing-like-it:4", "title", 4),
])
def test_a_place_that_no_longer_exists_resolves_to_the_nearest(report, saved, block_id, offset):
    place = resolve_place(report, saved)
    assert place is not None and report.blocks[place.index].id == block_id
    assert place.offset == (offset if offset is not None else len(report.blocks[place.index].text) - 1)


@pytest.mark.parametrize("saved", ["", "s3-p02", "s3-p02:", ":12", "s3-p02:x"])
def test_no_place_from_an_empty_or_malformed_value(report, saved):
    assert resolve_place(report, saved) is None


def test_nearest_block_of_an_existing_id_is_itself(report):
    assert nearest_block(report, "h4") == report.index_of("h4")
