"""Glyphs a font's ToUnicode map leaves out or misnames, named after the characters drawn with them."""

from __future__ import annotations

from fenggang_reader.export.pdf_to_unicode import name_glyphs

KNOWN = {1: "凤", 2: "岗", 3: "2", 4: "0", 5: "―", 6: "平"}


def test_a_glyph_the_map_leaves_out_gets_its_character():
    assert name_glyphs([9, 1, 2], "“凤岗", KNOWN) == {9: "“"}  # the full-width quote (fwid)
    assert name_glyphs([1, 9, 3], "凤[2", KNOWN) == {9: "["}


def test_a_ligature_gets_all_its_characters():
    assert name_glyphs([8, 3, 4], "——20", KNOWN) == {8: "——"}
    assert name_glyphs([1, 8], "凤——", KNOWN) == {8: "——"}


def test_a_glyph_named_as_another_character_is_renamed():
    assert name_glyphs([1, 2, 5, 6], "凤岗—平", KNOWN) == {5: "—"}


def test_glyphs_that_do_not_line_up_name_nothing():
    assert name_glyphs([1, 2], "凤岗镇", KNOWN) == {}  # a character left over
    assert name_glyphs([1, 9, 2], "凤", KNOWN) == {}  # nothing left for the glyph
    assert name_glyphs([3, 4, 3, 4], "平凤岗镇", KNOWN) == {}  # more renamed than a quarter of the run
