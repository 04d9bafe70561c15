"""Note popups beside the term, never over it, at most about half the window; the term in focus ringed thick
in every theme (issue 14, item 6). Real window sizes, large text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication

from fenggang_reader.core.resources import bundled_annotator
from fenggang_reader.core.settings import Settings
from fenggang_reader.ui.glossary_popup import MAX_WINDOW_SHARE
from fenggang_reader.ui.main_window import MainWindow
from fenggang_reader.ui.term_focus import ring_width
from fenggang_reader.ui.themes import THEMES


@pytest.fixture
def small_window(qtbot, report):
    win = MainWindow(report, bundled_annotator(), Settings())
    qtbot.addWidget(win)
    win.resize(800, 600)
    win.move(0, 0)
    win.show()
    qtbot.waitExposed(win)
    win.restore_position()
    win.view.setFocus()
    yield win
    if win.glossary.popup is not None:
        win.glossary.close_popup(restore_focus=False)


def term_with_pinyin(win, span) -> QRect:
    """Every line of the term, characters and pinyin, on the screen (from the text layout itself)."""
    base = win.view.block_position(win.report.index_of(span.block_id))
    start, end = QTextCursor(win.view.document()), QTextCursor(win.view.document())
    start.setPosition(base + span.start)
    end.setPosition(base + span.end - 1)  # the last character (the end may be the next line's start)
    first, last = win.view.cursorRect(start), win.view.cursorRect(end)
    rect = QRect(0, first.top() - int(win.view.pinyin_band_height()), win.view.viewport().width(),
                 last.bottom() - first.top() + int(win.view.pinyin_band_height()))
    if first.top() == last.top():
        line = end.block().layout().lineForTextPosition(span.end - 1)
        right = first.left() + int(line.cursorToX(span.end)[0] - line.cursorToX(span.start)[0]) + 1
        rect = QRect(first.left(), rect.top(), right - first.left(), rect.height())
    return QRect(win.view.viewport().mapToGlobal(rect.topLeft()), rect.size())


def open_at(win, qtbot, number: int, use: int = 0):
    span = win.glossary.glossary.uses(number)[use]
    win.glossary.select_link(span)
    qtbot.keyClick(win.view, Qt.Key.Key_N)
    popup = win.glossary.popup
    assert popup is not None and popup.note.number == number
    return popup, span


@pytest.mark.parametrize("font_pt", [28, 48, 96])
@pytest.mark.parametrize("number", [1, 18, 26])
def test_popup_beside_the_term_at_most_half_the_window(small_window, qtbot, font_pt, number):
    win = small_window
    win.set_font_size(font_pt)
    popup, span = open_at(win, qtbot, number)
    term = term_with_pinyin(win, span)
    box = popup.geometry()
    assert not box.intersects(term), f"the note covers its term: {box} over {term}"
    assert box.height() <= win.height() * MAX_WINDOW_SHARE + 2
    assert popup.view.height() >= popup.view.pinyin_band_height() + popup.view.body_font().pointSizeF(), \
        "at least a line of the explanation shows"
    assert popup.view.font_size() == font_pt, "the explanation at body size"
    assert QRect(0, 0, 800, 600).adjusted(-2, -2, 2, 2).contains(box), "inside the reader's window"
    assert not popup.uses_list.isVisible(), "the places come folded"


def test_unfolding_the_uses_keeps_the_term_uncovered(small_window, qtbot):
    win = small_window
    win.set_font_size(48)
    popup, span = open_at(win, qtbot, 1)
    qtbot.mouseClick(popup.uses_toggle, Qt.MouseButton.LeftButton)
    assert popup.uses_list.isVisible() and popup.uses_list.height() > 0
    assert not popup.geometry().intersects(term_with_pinyin(win, span))
    assert popup.height() <= win.height() * MAX_WINDOW_SHARE + 2
    assert popup.uses_toggle.font().pointSizeF() >= QApplication.font().pointSizeF() >= 20


def test_term_low_in_the_window_gets_the_note_above(small_window, qtbot):
    win = small_window
    win.set_font_size(48)
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
    term = term_with_pinyin(win, span)
    viewport = QRect(win.view.viewport().mapToGlobal(win.view.viewport().rect().topLeft()),
                     win.view.viewport().size())
    assert viewport.contains(term.topLeft()), "the term's first line, pinyin included, in view"
    assert not win.glossary.popup.geometry().intersects(term)


@pytest.mark.parametrize("key", list(THEMES))
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
    rects = ring.line_rects()
    assert rects and all(r.height() > win.view.pinyin_band_height() for r in rects), "characters and pinyin"
    QApplication.processEvents()
    image = win.view.grab().toImage()  # the ring lies over the viewport, a child of the view
    colour = QColor(THEMES[key].focus_ring)
    width = ring_width(48)
    r = rects[0].translated(win.view.viewport().geometry().topLeft())
    x = int(r.center().x())
    hits = [y for y in range(max(0, int(r.top() - width * 2)), int(r.top() + 2)) if image.pixelColor(x, y) == colour]
    assert len(hits) >= 3, "a ring at least 3 px thick above the term"
    qtbot.keyClick(win.view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: not ring.isVisible())
