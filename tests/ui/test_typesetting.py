"""The reader's typesetting state (ui/typesetting.py) and what it remembers: the readings' room measured once a
size, the lines justified near the view and put back far from it. Whatever changed before, and in whatever order,
a view lays out exactly what a new view at the same settings lays out, so nothing remembered outlives what it was
measured for (size, width, script, ruby on or off, spacing, style): the room, the line-breaking marks remembered by
the answers they were made with, the readings prepared for drawing."""

from __future__ import annotations

import pytest

from fenggang_reader.core.pinyin import PinyinStyle
from fenggang_reader.core.script import Converter, Script
from fenggang_reader.ui.line_export import SCRIPT_FAMILIES, laid_out_view, view_lines
from fenggang_reader.ui.reader_view import ReaderView
from tests.support.shipped import shipped_excerpt


def _settled(view: ReaderView) -> tuple[list[dict], list[dict[int, float]], list[list[tuple]]]:
    """Every line as export-lines gives it, each block's characters spaced for their reading, and where the readings
    of every fifth block are drawn (the readings prepared for drawing are kept across sizes)."""
    view.refresh_line_breaks()
    view.finish_justifying()
    rubies = [[(cell.offset, cell.ruby.getRect(), cell.cell.getRect()) for cell in view.ruby_cells(i)]
              for i in range(0, len(view.report.blocks), 5)]
    return view_lines(view), [view.typesetting.room_of(i) for i in range(len(view.report.blocks))], rubies


def _fresh(size: int, width: int, script: Script = Script.SIMPLIFIED, **changes) -> ReaderView:
    view = laid_out_view(*shipped_excerpt(), size=size, width=width, script=script)
    if "pinyin" in changes:
        view.set_pinyin_visible(changes["pinyin"])
    if "characters" in changes:
        view.set_spacing(characters=changes["characters"])
    if "style" in changes:
        view.set_pinyin_style(changes["style"])
    return view


@pytest.mark.early
def test_after_any_change_the_view_lays_out_what_a_new_view_does(qapp):
    """Over a short cut of the report (every kind of block, long readings, notes): what is remembered is per size,
    width, script and style, not per block, and the whole report's nine layouts were ~18 CPU-s of the fast gate."""
    view = laid_out_view(*shipped_excerpt(), size=20, width=1000)
    base = _settled(view)
    assert any(base[1]), "long readings take room at 20 pt"

    view.set_font_size(48)  # room measured anew for the size
    assert _settled(view) == _settled(_fresh(48, 1000))
    view.setLineWrapColumnOrWidth(800)  # marks and justification fitted anew to the width
    assert _settled(view) == _settled(_fresh(48, 800))
    view.set_font_size(20)  # the room measured at 20 pt before comes back; the lines are those of 800 px
    assert _settled(view) == _settled(_fresh(20, 800))
    view.setLineWrapColumnOrWidth(1000)
    assert _settled(view) == base  # back where it started: the same room, marks and justified lines

    view.set_pinyin_visible(False)  # no ruby, no room
    hidden = _settled(view)
    assert not any(hidden[1]) and hidden[:2] == _settled(_fresh(20, 1000, pinyin=False))[:2]
    view.set_pinyin_visible(True)
    assert _settled(view) == base

    spacing = view.cjk_spacing_percent
    view.set_spacing(characters=spacing + 20)  # another base spacing: every character's room measured for it
    assert _settled(view) == _settled(_fresh(20, 1000, characters=spacing + 20))
    view.set_spacing(characters=spacing)
    assert _settled(view) == base

    view.set_display_transform(Converter(Script.TRADITIONAL_TW).convert)  # other characters, other fonts
    view.set_font_families(SCRIPT_FAMILIES[Script.TRADITIONAL_TW])
    assert _settled(view) == _settled(_fresh(20, 1000, Script.TRADITIONAL_TW))
    view.set_pinyin_style(PinyinStyle.ZHUYIN)  # a column beside every character instead
    assert _settled(view) == _settled(_fresh(20, 1000, Script.TRADITIONAL_TW, style=PinyinStyle.ZHUYIN))


def test_lines_far_from_the_view_go_back_to_their_base_spacing_while_idle(view, qtbot):
    """Only the lines near the view stay justified: a new size or width then has little to put back."""
    justifier = view.typesetting.justifier
    view.set_font_size(48)
    qtbot.waitUntil(lambda: not justifier._timer.isActive(), timeout=20_000)
    near = set(view._lines_near_view(3.0))
    assert justifier._spaced and justifier._spaced <= near
    view.set_current_block(view.report.blocks[-1].id)  # the view moves to the end: the blocks of the start are left
    qtbot.waitUntil(lambda: not justifier._timer.isActive(), timeout=20_000)
    assert justifier._spaced and not justifier._spaced & near
    assert justifier._spaced <= set(view._lines_near_view(3.0))


def test_the_justified_blocks_are_aligned_anew_only_when_who_justifies_changes(view, monkeypatch):
    """A size change leaves the blocks' alignment alone (looking at every block's cost ~5 ms at 300,000
    characters, twice a change); the reader justifying or Qt (a screen reader) sets it anew."""
    from PySide6.QtCore import Qt

    from fenggang_reader.ui import line_justification

    aligned: list[Qt.AlignmentFlag] = []
    real = line_justification.set_alignment

    def counted(doc, blocks, alignment):
        aligned.append(alignment)
        real(doc, blocks, alignment)

    monkeypatch.setattr(line_justification, "set_alignment", counted)
    view.set_font_size(40)
    assert aligned == []
    justifier = view.typesetting.justifier
    paragraph = view.document().findBlockByNumber(justifier._blocks[0])
    justifier.relayout(line_justification.EdgeRules(""), own=False)  # Qt justifies
    assert paragraph.blockFormat().alignment() == Qt.AlignmentFlag.AlignJustify
    justifier.relayout(line_justification.EdgeRules(""), own=True)
    assert paragraph.blockFormat().alignment() == Qt.AlignmentFlag.AlignLeft
    assert aligned == [Qt.AlignmentFlag.AlignJustify, Qt.AlignmentFlag.AlignLeft]


def test_a_window_paints_its_first_screen_before_the_other_blocks_take_their_room_and_nothing_on_it_moves(app, qtbot):
    """Before the first paint only the blocks of the first screen take their readings' room (measuring every block of
    a 10,000-character document was 25-35 ms of its opening); the others take it just after, in one pass, and the
    lines on the first screen stay where they were painted."""
    from tests.support.shipped import shipped

    report, annotator = shipped()
    view = ReaderView(report, annotator)
    qtbot.addWidget(view)
    view.resize(800, 600)
    at_paint: dict[str, object] = {}

    def first_paint() -> None:
        shown = sorted(view._lines_near_view(0.0))  # noqa: SLF001 - the blocks with a line in the window
        at_paint["shown"] = shown
        at_paint["rooms"] = [view.typesetting.room_of(i) for i in range(len(report.blocks))]
        at_paint["tops"] = _line_tops(view, shown)
        at_paint["waiting"] = view.typesetting.room_waiting()

    view.first_paint.connect(first_paint)
    with qtbot.waitSignal(view.first_paint, timeout=10_000):
        view.show()
    assert at_paint["waiting"], "the blocks below the first screens wait for the paint"
    qtbot.waitUntil(lambda: not view.typesetting.room_waiting(), timeout=10_000)

    final = [view.typesetting.room_of(i) for i in range(len(report.blocks))]
    other = laid_out_view(report, annotator, size=view.font_size(), width=700)  # the room does not depend on width
    assert final == [other.typesetting.room_of(i)
                     for i in range(len(report.blocks))], "every block has the room a view laid out at once has"
    rooms = at_paint["rooms"]
    assert isinstance(rooms, list)
    shown = at_paint["shown"]
    assert isinstance(shown, list) and shown
    assert all(rooms[i] == final[i] for i in shown), "the blocks on the first screen had their room when painted"
    assert any(final[i] and not rooms[i] for i in range(len(rooms))), "a far block took its room after the paint"
    assert _line_tops(view, shown) == at_paint["tops"], "no line of the first screen moved"


def _line_tops(view: ReaderView, indices: list[int]) -> dict[int, list[float]]:
    doc = view.document()
    tops = {}
    for index in indices:
        layout = doc.findBlockByNumber(index).layout()
        tops[index] = [round(layout.position().y() + layout.lineAt(n).y(), 2) for n in range(layout.lineCount())]
    return tops
