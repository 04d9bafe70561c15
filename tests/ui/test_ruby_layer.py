"""The ruby layer places only the lines it draws (ui/ruby_layer.py: glyphs_between), and they are the lines that
placing the whole block gives."""

from __future__ import annotations


def test_painting_places_only_the_lines_drawn_and_as_the_whole_block_would(view, qtbot):
    view.set_font_size(48)
    qtbot.wait(50)
    layer = view.ruby_layer
    doc = view.document()
    longest = max(range(doc.blockCount()), key=lambda i: doc.findBlockByNumber(i).layout().lineCount())
    view.set_current_index(longest)
    view.navigator.reveal(longest)
    layer.forget()
    view.viewport().repaint()
    lines = doc.findBlockByNumber(longest).layout().lineCount()
    placed = layer._placings[longest].lines
    assert lines > 12 and 0 < len(placed) < lines / 2, (lines, sorted(placed))
    partial = {(g.offset, g.x0, g.ruby_left, g.ruby_top) for line in placed.values() for g in line}
    whole = {(g.offset, g.x0, g.ruby_left, g.ruby_top) for g in layer.glyphs(longest)}
    assert partial and partial <= whole
