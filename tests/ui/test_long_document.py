"""A long document that is not the built-in one (issue 18 item 6): 300,000 characters open to a first screen, and a
size change keeps the reading place in the middle of them. Times are the benchmark's (benchmarks/bench_scale.py)."""

from __future__ import annotations

import pytest

from fenggang_reader.core.settings import Settings
from tests.support.long_document import CopiedReadings, long_document
from tests.support.shipped import shipped


@pytest.fixture(scope="module")
def document():
    return long_document(300_000)


@pytest.fixture
def long_window(app, qtbot, document):
    from fenggang_reader.ui.main_window import MainWindow

    window = MainWindow(document, CopiedReadings(shipped()[1]), Settings())
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_long_document_shows_its_first_screen(long_window, qtbot, document):
    view = long_window.view
    assert sum(len(b.text) for b in document.blocks) >= 300_000
    qtbot.waitUntil(lambda: view.navigator.visible_range() is not None, timeout=30_000)
    first = view.navigator.visible_range().first
    assert (first.index, first.offset) == (0, 0)
    assert view.ruby_cells(0), "the title's pinyin is placed"


@pytest.mark.early
def test_a_size_change_keeps_the_place_in_the_middle_of_a_long_document(long_window, qtbot):
    view = long_window.view
    view.set_font_size(36)
    middle = len(view.report.blocks) // 2
    view.set_current_index(middle)
    qtbot.waitUntil(lambda: view.navigator.visible_range() is not None, timeout=30_000)
    place = view.navigator.visible_range().first
    assert place.index == middle
    for points in (40, 36):
        view.set_font_size(points)
        assert view.navigator.visible_range().first == place, points
        qtbot.wait(200)  # Qt's lazy layout goes on from timers: the place stays
        assert view.navigator.visible_range().first == place, points


def test_a_jump_far_into_a_long_document_gives_the_readings_there_their_room_at_once(long_window):
    """The blocks far from the place take their readings' room while idle; a jump there takes it before it places
    the text, so no reading is squeezed against the next on the first screen there."""
    view = long_window.view
    view.set_font_size(36)  # at 48 pt and more, 300,000 characters in 800 px are taller than Qt lays out (2^23 px)
    blocks = view.report.blocks
    target = max(range(len(blocks) - 120, len(blocks) - 31), key=lambda index: len(blocks[index].text))
    view.set_current_index(target)
    lines: dict[float, list] = {}
    for index in (target, target + 1):
        for cell in view.ruby_cells(index):
            lines.setdefault(round(cell.ruby.top()), []).append(cell.ruby)
    assert sum(len(rubies) for rubies in lines.values()) > 100
    for rubies in lines.values():
        rubies.sort(key=lambda ruby: ruby.left())
        for left, right in zip(rubies, rubies[1:], strict=False):
            assert left.right() <= right.left() + 0.5, (left, right)


def test_the_blocks_far_from_the_place_get_their_line_breaking_marks_while_idle(app, qtbot):
    """A long document fits the marks of the blocks near the place to a new size at once and the others while idle
    (1,415 blocks cost 20–100 ms a size); the place stays, and in the end every block has the marks for the size."""
    from fenggang_reader.ui.main_window import MainWindow

    window = MainWindow(long_document(70_000), CopiedReadings(shipped()[1]), Settings())
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    view = window.view
    view.set_font_size(48)
    middle = len(view.report.blocks) // 2
    view.set_current_index(middle)
    qtbot.waitUntil(lambda: view.marks_waiting() == 0, timeout=30_000)
    view.set_font_size(96)  # runs that fit a line at 48 pt do not at 96: their marks change
    count = len(view.report.blocks)
    assert 0 < view.marks_waiting() < count
    place = view.navigator.visible_range().first
    before = [view.layout_of(index) for index in range(count)]
    qtbot.waitUntil(lambda: view.marks_waiting() == 0, timeout=30_000)
    after = [view.layout_of(index) for index in range(count)]
    assert any(old != new for old, new in zip(before, after, strict=True))
    assert view.navigator.visible_range().first == place
    doc = view.document()
    for index in range(count):  # the document's characters and the marks' map agree
        assert doc.findBlockByNumber(index).text() == view.layout_of(index).apply(view.shown_text(index)), index
