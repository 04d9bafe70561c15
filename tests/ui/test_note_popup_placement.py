"""Note popups beside the term, never over it, at most about half the window; the term in focus ringed thick
in every theme (issue 14, item 6). Real window sizes, large text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from fenggang_reader.core.settings import Settings
from fenggang_reader.ui.glossary_popup import GAP, MAX_WINDOW_SHARE
from fenggang_reader.ui.main_window import MainWindow
from fenggang_reader.ui.term_focus import ring_width
from fenggang_reader.ui.themes import THEMES
from tests.support.shared_window import SharedWindow, shared_or_own, shown_painted
from tests.support.shipped import shipped_annotator


def _small_window(report, font_pt: int | None = None) -> MainWindow:
    win = MainWindow(report, shipped_annotator(report), Settings())
    if font_pt is not None:
        win.set_font_size(font_pt)
    return shown_painted(win, 800, 600, at=QPoint(0, 0))


@pytest.fixture(scope="module")
def _module_window(qapp, report):
    """For the tests marked shared_window (tests/ui/conftest.py shared_window): one 800×600 window at 48 pt, which
    they ask for, with the light theme put back after each (the ring is tested in every theme)."""
    def light(win: MainWindow) -> None:
        win.themes.apply("light")

    shared = SharedWindow(lambda: _small_window(report, 48), restore=light)
    yield shared
    shared.close()


@pytest.fixture
def small_window(request, qtbot, report):
    win = shared_or_own(request, qtbot, lambda: _small_window(report))
    yield win
    if win.glossary.popup is not None:
        win.glossary.close_popup(restore_focus=False)


def term_with_pinyin(win, span, first_line_only: bool = False) -> QRect:
    """The term's lines (or its first line), characters and pinyin, on the screen, from the line geometry every
    move relies on (test_reading_by_screens checks it against what the painter draws)."""
    view = win.view
    index = win.report.index_of(span.block_id)
    first = view.line_geometry.line_at(index, span.start)
    last = first if first_line_only else view.line_geometry.line_at(index, span.end - 1)
    scroll = view.verticalScrollBar().value()
    left, right = 0, view.viewport().width()
    if first.line == last.line:
        line = view.document().findBlockByNumber(index).layout().lineAt(first.line)
        origin = view.document().documentLayout().blockBoundingRect(view.document().findBlockByNumber(index)).left()
        marks = view.layout_of(index)  # cursorToX counts the layout text's positions (core/line_breaks.py)
        left = int(origin + line.cursorToX(marks.to_layout(span.start))[0])
        right = int(origin + line.cursorToX(marks.to_layout(min(span.end, first.end)))[0]) + 1
    rect = QRect(left, int(first.top - scroll), right - left, int(last.bottom - first.top))
    return QRect(view.viewport().mapToGlobal(rect.topLeft()), rect.size())


def explanation_lines_shown(popup) -> int:
    """Whole lines of the explanation (characters and pinyin) the note shows without scrolling."""
    start = popup.text().find(popup.note.explanation[:6])
    return len([line for line in popup.view.navigator.visible_lines() if line.end > start])


def assert_term_uncovered(win, popup, span) -> None:
    """The note never covers the term's first line; it covers later lines only of a term too tall to leave
    the note its room above or below (a two-line term at 48 pt in 800×600)."""
    box = popup.geometry()
    assert not box.intersects(term_with_pinyin(win, span, first_line_only=True)), f"the note covers its term: {box}"
    term = term_with_pinyin(win, span)
    if box.intersects(term):
        text_and_status = win.geometry().bottom() - win.view.viewport().mapToGlobal(QPoint(0, 0)).y()
        assert term.height() + GAP + box.height() > text_and_status


def open_at(win, qtbot, number: int, use: int = 0):
    span = win.glossary.glossary.uses(number)[use]
    win.glossary.select_link(span)
    qtbot.keyClick(win.view, Qt.Key.Key_N)
    popup = win.glossary.popup
    assert popup is not None and popup.note.number == number
    return popup, span


@pytest.mark.parametrize("font_pt", [28, pytest.param(48, marks=pytest.mark.shared_window), 96])
@pytest.mark.parametrize("number", [1, 18, 26])
def test_popup_beside_the_term_at_most_half_the_window(small_window, qtbot, font_pt, number):
    win = small_window
    win.set_font_size(font_pt)
    popup, span = open_at(win, qtbot, number)
    box = popup.geometry()
    assert_term_uncovered(win, popup, span)
    assert box.height() <= win.height() * MAX_WINDOW_SHARE + 2
    qtbot.waitUntil(lambda: explanation_lines_shown(popup) >= (2 if font_pt <= 48 else 0), timeout=10_000)
    if font_pt == 96:  # a line with its pinyin is 230 px here: the note shows most of one
        assert popup.view.height() >= 0.9 * win.view.line_geometry.line(0, 0).height
    assert popup.view.font_size() == font_pt, "the explanation at body size"
    assert QRect(0, 0, 800, 600).adjusted(-2, -2, 2, 2).contains(box), "inside the reader's window"
    assert not popup.uses_list.isVisible(), "the places come folded"


@pytest.mark.shared_window
def test_at_48pt_in_800x600_the_note_gives_its_explanation_the_room(small_window, qtbot):
    """The reported case: at 48 pt the note showed about one line, its buttons in two rows under it. Now the
    buttons stand beside it and the explanation shows two whole lines, characters and pinyin."""
    win = small_window
    win.set_font_size(48)
    win.view.set_current_index(win.report.index_of("y2024-p01"))
    qtbot.keyClick(win.view, Qt.Key.Key_N)
    popup = win.glossary.popup
    assert popup is not None and popup.note.number == 1
    qtbot.waitUntil(lambda: explanation_lines_shown(popup) >= 2, timeout=10_000)
    for button in (popup.read_button, popup.close_button, popup.uses_toggle):  # all there, beside the note
        assert button.isVisible() and button.geometry().left() >= popup.view.geometry().right()


def test_a_note_opened_right_after_a_zoom_is_placed_beside_the_reflowed_text(small_window, qtbot):
    """+ to 48 pt and N at once: in 800 px the contents become a drawer and the text widens only when the window's
    layout runs. The note was fitted beside the term where it stood before that reflow; re-placed beside the moved
    term it kept only the room left there (under load: one line of its explanation)."""
    win = small_window
    win.set_font_size(48)
    popup, span = open_at(win, qtbot, 1)  # no events between the zoom and N, as with keys pressed quickly
    placed_beside = term_with_pinyin(win, span, first_line_only=True)
    note = popup.geometry()
    win.layout().activate()
    QApplication.processEvents()
    assert term_with_pinyin(win, span, first_line_only=True) == placed_beside, "the term moved under its note"
    assert popup.geometry() == note
    qtbot.waitUntil(lambda: explanation_lines_shown(popup) >= 2, timeout=10_000)


@pytest.mark.shared_window
def test_unfolding_the_uses_keeps_the_term_uncovered(small_window, qtbot):
    win = small_window
    win.set_font_size(48)
    popup, span = open_at(win, qtbot, 1)
    qtbot.mouseClick(popup.uses_toggle, Qt.MouseButton.LeftButton)
    assert popup.uses_list.isVisible() and popup.uses_list.height() > 0
    assert_term_uncovered(win, popup, span)
    assert popup.height() <= win.height() * MAX_WINDOW_SHARE + 2
    assert popup.uses_toggle.font().pointSizeF() >= QApplication.font().pointSizeF() >= 20


@pytest.mark.shared_window
def test_term_low_in_the_window_gets_the_note_above(small_window, qtbot):
    win = small_window
    win.set_font_size(48)
    win.layout().activate()  # the text at its width for 48 pt (the contents became a drawer) before it is scrolled
    span = win.glossary.glossary.uses(26)[0]  # “TID”: one line
    win.glossary.select_link(span)
    # Scroll so the term's line sits low in the window.
    bar = win.view.verticalScrollBar()
    y = win.view.viewport().mapFromGlobal(win.glossary.span_rect(span).topLeft()).y()
    bar.setValue(bar.value() + y - int(win.view.viewport().height() * 0.75))
    qtbot.keyClick(win.view, Qt.Key.Key_N)
    popup = win.glossary.popup
    term = term_with_pinyin(win, span)
    assert term.top() > win.height() // 2, "the set-up put the term low"
    assert popup.geometry().bottom() < term.top(), "above the term when the room is there"


def test_a_term_out_of_view_is_brought_into_view_first(small_window, qtbot):
    win = small_window
    win.set_font_size(96)
    span = win.glossary.glossary.uses(18)[0]
    win.glossary.select_link(span)
    win.view.verticalScrollBar().setValue(0)
    qtbot.keyClick(win.view, Qt.Key.Key_N)
    first_line = term_with_pinyin(win, span, first_line_only=True)
    viewport = QRect(win.view.viewport().mapToGlobal(win.view.viewport().rect().topLeft()),
                     win.view.viewport().size())
    assert viewport.contains(first_line), "the term's first line, pinyin included, in view"
    assert_term_uncovered(win, win.glossary.popup, span)


@pytest.mark.parametrize("key", list(THEMES))
@pytest.mark.shared_window
def test_tab_focus_on_a_term_is_a_thick_ring_in_every_theme(small_window, qtbot, key):
    win = small_window
    win.themes.apply(key)
    win.set_font_size(48)
    qtbot.wait(30)  # 48 pt in 800 px: the contents become a drawer and the text relayouts to the full width
    win.view.set_current_index(win.report.index_of("y2025-p02"))
    qtbot.keyClick(win.view, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: win.glossary.term_ring.isVisible())
    ring = win.glossary.term_ring
    cursor = win.view.textCursor()
    assert ring.span == (cursor.selectionStart(), cursor.selectionEnd())
    QApplication.processEvents()  # the term is placed once the key is handled (ui/glossary.py _tabbed_onto_term)
    rects = ring.line_rects()
    assert rects and all(r.height() > win.view.pinyin_band_height() for r in rects), "characters and pinyin"
    image = win.view.grab().toImage()  # the ring lies over the viewport, a child of the view
    colour = QColor(THEMES[key].focus_ring)
    width = ring_width(48)
    r = rects[0].translated(win.view.viewport().geometry().topLeft())
    x = int(r.center().x())
    hits = [y for y in range(max(0, int(r.top() - width * 2)), int(r.top() + 2)) if image.pixelColor(x, y) == colour]
    assert len(hits) >= 3, "a ring at least 3 px thick above the term"
    qtbot.keyClick(win.view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: not ring.isVisible())
