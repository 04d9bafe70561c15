"""Reading the whole report at 96 pt in an 800×600 window, as a reader with cataracts does: by PgDown and by
Down, every character seen whole (characters and pinyin) at some step, never a step back; find, jumps and the
reading place (issue 14 items 1, 2, 3, 8, 9)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from fenggang_reader.core.events import EventLog
from fenggang_reader.core.search import find_all
from fenggang_reader.core.settings import Settings
from fenggang_reader.core.storage import AppDirs
from fenggang_reader.ui.navigation import EDGE, REST_MS, UPPER_THIRD
from fenggang_reader.ui.themes import Theme, theme
from tests.support.shipped import shipped


@pytest.fixture
def large(app, qtbot):
    """A main window (800×600 at 96 pt unless told), the contents panel hidden, no resume question."""
    from fenggang_reader.ui.main_window import MainWindow

    def make(points: int = 96, size: tuple[int, int] = (800, 600), events: EventLog | None = None,
             settings: Settings | None = None):
        settings = settings or Settings.load(AppDirs.default().settings_file)
        settings.set("font_size", points)
        settings.set("contents_visible", False)
        settings.set("offer_resume", False)
        window = MainWindow(*shipped(), settings,
                            **({"events": events} if events else {}))
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        window.restore_position()
        window.view.wait_for_warm_up()
        QApplication.processEvents()
        # The work a window does while idle after its first paint (lines near the view justified, the text laid out
        # to its end) done, as a reader's first key finds it: keys sent here never turn the event loop, and without
        # it each PgDown of the first half laid the text out anew up to the view (the 96-pt walks ~50 % more CPU).
        qtbot.waitUntil(lambda: window.view.painted() and not window.view.typesetting.justifier._timer.isActive())
        return window

    return make


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.view, key, modifier)


def whole_lines(window):
    return window.view.navigator.visible_lines()


def walk(qtbot, window, key) -> tuple[dict[int, set[int]], int]:
    """Press ``key`` until the view stops moving at the end; every character whole at some step is recorded
    and each step is checked to go forward (first whole line, scroll position, current paragraph)."""
    view = window.view
    bar = view.verticalScrollBar()
    seen: dict[int, set[int]] = {}
    before = None
    steps = 0
    while True:
        lines = whole_lines(window)
        assert lines, f"no line whole on screen at step {steps}"
        here = (lines[0].key(), bar.value(), view.current_index())
        if before is not None:
            assert here[0] >= before[0] and here[1] >= before[1] and here[2] >= before[2], (steps, before, here)
            assert here != before or view.current_index() == len(view.report.blocks) - 1, f"stuck at step {steps}"
        assert view.current_index() in {line.index for line in lines} or lines[-1].index < view.current_index()
        for line in lines:
            seen.setdefault(line.index, set()).update(range(line.start, line.end))
        if here == before:
            return seen, steps
        before = here
        press(qtbot, window, key)
        steps += 1


def unseen(window, seen: dict[int, set[int]]) -> list[tuple[str, int]]:
    return [(block.id, offset) for index, block in enumerate(window.report.blocks)
            for offset in range(len(block.text)) if offset not in seen.get(index, set())]


@pytest.mark.slow
def test_pgdown_walks_the_whole_report_at_96pt_in_800x600(large, qtbot):
    window = large()
    edits = []
    window.view.document().contentsChange.connect(lambda *change: edits.append(change))
    seen, steps = walk(qtbot, window, Qt.Key.Key_PageDown)
    assert unseen(window, seen) == []
    assert window.view.current_block().id == window.report.blocks[-1].id
    assert steps > 1000  # one or two lines a screen at this size: the walk really went line by line
    # Justifying lines lays their paragraph (~250 lines here) out anew: a paragraph read through has the next screens'
    # lines justified with those coming into view (line_justification.AHEAD), not one screen's at a time (3,389 edits
    # in 3,565 steps; 1,208 with them).
    assert len(edits) < steps / 2


@pytest.mark.slow
def test_down_walks_the_whole_report_at_96pt_in_800x600(large, qtbot):
    window = large()
    seen, _steps = walk(qtbot, window, Qt.Key.Key_Down)
    assert unseen(window, seen) == []
    assert window.view.current_block().id == window.report.blocks[-1].id


def test_line_boxes_hold_their_characters_and_pinyin(large):
    """The geometry every move relies on agrees with what the painter draws (ReaderView.pinyin_rects)."""
    for points in (16, 96):
        window = large(points=points)
        view = window.view
        for block_id in ("title", "y2024-p07", "h3", "note-5"):
            index = window.report.index_of(block_id)
            for offset, char_rect, pinyin_rect in view.pinyin_rects(index)[:40]:
                box = view.line_geometry.line_at(index, offset)
                assert box.start <= offset < box.end
                assert box.top <= pinyin_rect.top() + 0.5 and char_rect.bottom() <= box.bottom + 0.5
        window.close()


def _grab(window) -> QImage:
    window.view.viewport().repaint()
    return window.view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_pgdown_never_cuts_the_top_line_or_its_pinyin(large, qtbot):
    window = large()
    base = theme("light")  # only characters and pinyin leave ink: no tint, no ring
    window.view.set_theme(Theme(**{**base.__dict__, "background": "#ffffff", "current_tint": "#ffffff",
                                   "focus_ring": "#ffffff", "text": "#000000", "pinyin": "#000000"}))
    white = QColor("#ffffff").rgb()
    for _ in range(25):
        press(qtbot, window, Qt.Key.Key_PageDown)
        image = _grab(window)
        ink = [(x, y) for y in range(EDGE - 1) for x in range(0, image.width(), 2) if image.pixel(x, y) != white]
        assert not ink, "ink in the top rows: the first line or its pinyin is cut"
        assert whole_lines(window)


def test_wheel_then_pgdown_goes_on_from_what_is_on_screen(large, qtbot):
    window = large(points=72, size=(1280, 800))
    view = window.view
    window.go_to_block("y2024-p07")
    for _ in range(3):
        press(qtbot, window, Qt.Key.Key_PageDown)
    pos = QPointF(200, 200)
    wheel = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(), QPoint(0, -240), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    qtbot.wait(REST_MS * 2)
    first_after_wheel = whole_lines(window)[0].key()
    value = view.verticalScrollBar().value()
    assert view.current_index() in {line.index for line in whole_lines(window)}  # the paragraph followed
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert view.verticalScrollBar().value() > value and whole_lines(window)[0].key() > first_after_wheel
    press(qtbot, window, Qt.Key.Key_PageUp)
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert whole_lines(window)[0].key() < first_after_wheel


def test_pgdown_at_72pt_in_paragraph_7_keeps_going(large, qtbot):
    """The reported case: 72 pt, 1280×800, paragraph 7 — each PgDown shows new text in the same paragraph."""
    window = large(points=72, size=(1280, 800))
    window.go_to_block("y2024-p07")
    index = window.report.index_of("y2024-p07")
    lasts = []
    for _ in range(4):
        press(qtbot, window, Qt.Key.Key_PageDown)
        lines = whole_lines(window)
        lasts.append(lines[-1].key())
        assert window.view.current_index() == index
    assert lasts == sorted(set(lasts))


def _in_upper_third(window, index: int, offset: int = 0) -> bool:
    view = window.view
    box = view.line_geometry.line_at(index, offset)
    top = box.top - view.verticalScrollBar().value()
    height = view.viewport().height()
    at_end = view.verticalScrollBar().value() == view.verticalScrollBar().maximum()
    return view.navigator.is_whole(box) and (top <= height * UPPER_THIRD or at_end)


@pytest.mark.parametrize("points,size", [(96, (800, 600)), (48, (1280, 800)), (28, (640, 480))])
def test_jumps_place_their_target_whole_in_the_upper_third(large, qtbot, points, size):
    window = large(points=points, size=size)
    view = window.view
    for _ in range(12):  # headings
        press(qtbot, window, Qt.Key.Key_H)
        assert _in_upper_third(window, view.current_index()), view.current_block().id
    for _ in range(3):
        press(qtbot, window, Qt.Key.Key_H, Qt.KeyboardModifier.ShiftModifier)
        assert _in_upper_third(window, view.current_index()), view.current_block().id
    for block_id in ("s5-p03", "notes", "y2024-p02"):  # the contents panel
        window.contents.block_activated.emit(block_id)
        assert view.current_block().id == block_id and _in_upper_third(window, view.current_index())
    press(qtbot, window, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert _in_upper_third(window, view.current_index())
    press(qtbot, window, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert view.verticalScrollBar().value() == 0
    window.glossary.go_to_use(window.glossary.glossary.uses(9)[0])  # a note's use
    use = window.glossary.glossary.uses(9)[0]
    assert _in_upper_third(window, window.report.index_of(use.block_id), use.start)


def test_down_to_the_next_paragraph_places_it_and_never_scrolls_back(large, qtbot):
    window = large(points=28, size=(1280, 800))
    view = window.view
    bar = view.verticalScrollBar()
    for _ in range(30):
        value, before = bar.value(), view.current_index()
        press(qtbot, window, Qt.Key.Key_Down)
        assert bar.value() >= value
        if view.current_index() != before:  # a new paragraph (not the next screen of a tall one)
            assert view.current_index() == before + 1
            assert _in_upper_third(window, view.current_index()), view.current_block().id


@pytest.mark.parametrize("query", ["5G", "发展", "“1310”"])
def test_find_puts_every_match_in_view(large, qtbot, query):
    window = large()
    view = window.view
    matches = find_all(window.report, query)
    assert matches
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.find_bar.query_changed.emit(query)
    for step in range(len(matches)):
        match = matches[window._match_index]
        first = view.line_geometry.line_at(match.block_index, match.start)
        last = view.line_geometry.line_at(match.block_index, match.end - 1)
        assert view.navigator.is_whole(first), (query, step, match)
        if last.bottom - first.top <= view.viewport().height() - EDGE:  # a match across two lines, when they fit
            assert view.navigator.is_whole(last), (query, step, match)
        window.step_match(1)


def test_find_5g_shows_the_match_not_the_paragraph_top(large, qtbot):
    """The reported case: the match is five screens below its paragraph's start; it is centred."""
    window = large(points=48, size=(1280, 800))
    window.run_find("5G")
    match = window._matches[window._match_index]
    view = window.view
    box = view.line_geometry.line_at(match.block_index, match.start)
    middle = (box.top + box.bottom) / 2 - view.verticalScrollBar().value()
    assert view.navigator.is_whole(box)
    if view.line_geometry.line(match.block_index, 0).top < view.verticalScrollBar().value():
        assert abs(middle - view.viewport().height() / 2) < box.height  # centred in a tall paragraph


def _place_y(window, place) -> float:
    view = window.view
    return view.line_geometry.line_at(place.index, place.offset).top - view.verticalScrollBar().value()


def test_reading_place_survives_zoom_resize_spacing_theme_script_and_ruby(large, qtbot):
    window = large(points=48, size=(1280, 800))
    view = window.view
    window.go_to_block("y2024-p07")
    for _ in range(3):
        press(qtbot, window, Qt.Key.Key_PageDown)
    place, y = view.navigator.reading_place()
    changes = [
        lambda: window.set_font_size(96), lambda: window.set_font_size(36),
        lambda: window.resize(800, 600), lambda: window.resize(1280, 800),
        lambda: view.set_spacing(line=220, characters=150, paragraphs=100), lambda: view.set_spacing(172, 132, 0.55),
        lambda: window.themes.cycle(),
        lambda: window.language_feature.choose("script", "hk"), lambda: window.language_feature.choose("ruby", "jyutping"),
        lambda: window.language_feature.choose("script", "simplified"), lambda: window.language_feature.choose("ruby", "pinyin"),
    ]
    for number, change in enumerate(changes):
        change()
        QApplication.processEvents()
        qtbot.wait(REST_MS + 20)
        box = view.line_geometry.line_at(place.index, place.offset)
        assert view.navigator.is_whole(box), number
        assert abs(_place_y(window, place) - y) <= 1, number
        assert whole_lines(window)[0] == box, number


def test_restart_restores_the_place_in_the_text(large, qtbot):
    first = large(points=64, size=(1280, 800))
    first.go_to_block("s2-p02")
    for _ in range(2):
        press(qtbot, first, Qt.Key.Key_PageDown)
    place, y = first.view.navigator.reading_place()
    first.close()
    saved = json.loads(AppDirs.default().settings_file.read_text(encoding="utf-8"))
    assert saved["reading_place"] == f"{first.report.blocks[place.index].id}:{place.offset}"
    second = large(points=64, size=(1280, 800))
    assert whole_lines(second)[0] == second.view.line_geometry.line_at(place.index, place.offset)
    assert abs(_place_y(second, place) - y) <= 2


@pytest.mark.parametrize("saved,block_id", [("s3-p09:5", "s3-p04"), ("s2-p01:999999", "s2-p01"),
                                            ("gone:12", "title")])
def test_a_saved_place_that_no_longer_exists_gives_the_nearest(large, saved, block_id):
    settings = Settings.load(AppDirs.default().settings_file)
    settings.set("reading_place", saved)
    settings.set("current_block", saved.split(":")[0])
    window = large(points=48, settings=settings)
    index = window.report.index_of(block_id)
    assert any(line.index == index for line in whole_lines(window)) or window.view.current_index() == index
    assert window.settings.problems == []


def test_view_visible_event_when_the_view_comes_to_rest(large, qtbot, tmp_path):
    log = EventLog(tmp_path / "events.jsonl")
    window = large(events=log)
    qtbot.wait(REST_MS * 3)

    def visible_events():
        lines = (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()
        return [e for e in map(json.loads, lines) if e["event"] == "view.visible"]

    before = len(visible_events())
    for _ in range(4):  # quickly: one event once the view is at rest
        press(qtbot, window, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: len(visible_events()) > before, timeout=2000)
    qtbot.wait(REST_MS * 2)
    events = visible_events()[before:]
    assert len(events) == 1
    event = events[0]
    lines = whole_lines(window)
    blocks = window.report.blocks
    assert event["from"] == {"block": blocks[lines[0].index].id, "offset": lines[0].start}
    assert event["to"] == {"block": blocks[lines[-1].index].id, "offset": lines[-1].end - 1}
    assert event["font_pt"] == 96
    window.set_font_size(48)
    qtbot.waitUntil(lambda: visible_events()[-1]["font_pt"] == 48, timeout=2000)
    log.close()


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("size", [(640, 480), (800, 600), (1280, 800), (1920, 1080)])
def test_window_size_matrix_reads_by_screens(large, qtbot, tmp_path, size, language):
    """At every window size and in both interface languages: the text fits its width, each PgDown shows new
    text with the top line whole, and Down/Up find their way. Screenshots go to $FENGGANG_SCREENSHOTS if set."""
    settings = Settings.load(AppDirs.default().settings_file)
    settings.set("language", language)
    window = large(points=96, size=size, settings=settings)
    view = window.view
    window.go_to_block("y2024-p07")
    assert not view.horizontalScrollBar().isVisible()
    assert view.viewport().width() >= 200 and view.viewport().height() >= 150
    keys = []
    for _ in range(3):
        press(qtbot, window, Qt.Key.Key_PageDown)
        lines = whole_lines(window)
        assert lines or view.line_geometry.first_line_from(view.verticalScrollBar().value()).height > \
            view.viewport().height(), "nothing whole on screen though a line would fit"
        keys.append(view.verticalScrollBar().value())
    assert keys == sorted(set(keys))
    press(qtbot, window, Qt.Key.Key_Down)
    press(qtbot, window, Qt.Key.Key_Up)
    assert view.current_block().id == "y2024-p07"
    folder = Path(os.environ.get("FENGGANG_SCREENSHOTS") or tmp_path)
    image = window.grab()
    assert not image.isNull() and image.save(str(folder / f"read-{size[0]}x{size[1]}-{language}.png"))


@pytest.mark.parametrize("points", [28, 96])
def test_a_first_start_shows_the_top_of_the_report(large, points):
    """Sizes applied before the window shows, then its first resizes, leave the title whole at the top."""
    window = large(points=points, size=(800, 600))
    window.resize(640, 480)
    QApplication.processEvents()
    title = window.view.line_geometry.line(0, 0)
    assert window.view.navigator.is_whole(title)  # the title's first line and its pinyin, not cut
    assert window.view.verticalScrollBar().value() <= title.top  # only the margin above it may be scrolled away


def test_pgdown_reaching_the_text_itself_still_reads_by_screens(large, qtbot):
    """With no active window (no window manager) Qt fires no shortcut and hands PgDown to the text, whose own
    paging scrolls a whole viewport and cuts lines: the view runs the reader's action instead."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    window = large()
    view = window.view
    for _ in range(4):
        before = whole_lines(window)[-1] if whole_lines(window) else None
        # Straight to the widget, past QApplication's shortcut map (as when no shortcut matched).
        view.event(QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier))
        lines = whole_lines(window)
        assert lines and lines[0].top - view.verticalScrollBar().value() <= EDGE + 1
        if before is not None:
            assert lines[0].key() <= view.line_geometry.next_line(before).key()  # nothing skipped


def test_pgup_goes_back_a_screen_at_a_time_without_skipping(large, qtbot):
    window = large()
    view = window.view
    window.go_to_block("s3-p02")
    for _ in range(5):
        press(qtbot, window, Qt.Key.Key_PageDown)
    for _ in range(12):
        before = whole_lines(window)
        press(qtbot, window, Qt.Key.Key_PageUp)
        lines = whole_lines(window)
        assert lines and lines[0].top - view.verticalScrollBar().value() <= EDGE + 1  # the top line whole
        assert lines[0].key() < before[0].key()  # back
        assert lines[-1].key() >= view.line_geometry.previous_line(before[0]).key()  # no line between skipped


def test_the_text_follows_the_voice_down_a_tall_paragraph(large, qtbot):
    """Each sentence read aloud (the controller's highlight) that starts out of view is brought to the reading
    line, so the listener sees what is read; the view only moves on."""
    window = large(points=72, size=(1280, 800))
    view = window.view
    block = window.report.block("y2024-p07")
    index = window.report.index_of(block.id)
    window.go_to_block(block.id)
    controller = window.read_aloud.controller
    values = []
    for start in range(0, len(block.text) - 20, 40):  # sentence after sentence
        controller.highlight.emit(block.id, start, start + 20, -1, -1)
        assert view.navigator.is_whole(view.line_geometry.line_at(index, start)), start
        values.append(view.verticalScrollBar().value())
    assert values == sorted(values) and values[-1] > values[0]
    controller.highlight_cleared.emit()


def _term_whole_in_upper_third(window, span) -> bool:
    """The term's first line whole, ruby included, in the upper third (not at an edge); its last line too when
    both fit in the window."""
    view = window.view
    index = window.report.index_of(span.block_id)
    first, last = view.line_geometry.line_at(index, span.start), view.line_geometry.line_at(index, span.end - 1)
    fits = last.bottom - first.top <= view.viewport().height() - 2 * EDGE
    return _in_upper_third(window, index, span.start) and (view.navigator.is_whole(last) or not fits)


@pytest.mark.qt_log_ignore("This plugin does not support raise", "propagateSizeHints")
def test_tab_shift_tab_and_n_place_a_term_whole_in_the_upper_third(large, qtbot):
    """Qt scrolls a link reached by Tab the least it can, so the term landed at the window's edge: at 96 pt
    each term reached by Tab, Shift+Tab or N is placed like every jump."""
    window = large()
    uses = {number: window.glossary.glossary.uses(number)[0] for number in (9, 10, 12)}
    window.go_to_block("y2024-p04")  # “双报到” is some forty lines below the paragraph's first one
    for key, number in ((Qt.Key.Key_Tab, 9), (Qt.Key.Key_Tab, 10), (Qt.Key.Key_Backtab, 9)):
        press(qtbot, window, key)
        # The term is focused at once; where the view goes is settled once the key has been handled.
        qtbot.waitUntil(lambda n=number: window.glossary.focused_link() == uses[n], timeout=2000)
        qtbot.waitUntil(lambda n=number: _term_whole_in_upper_third(window, uses[n]), timeout=2000)
    window.go_to_block("y2024-p05")
    press(qtbot, window, Qt.Key.Key_N)
    assert window.glossary.popup is not None and window.glossary.focused_link() == uses[12]
    assert _term_whole_in_upper_third(window, uses[12])
    press(qtbot, window, Qt.Key.Key_Escape)


def test_tab_onto_a_term_already_whole_on_screen_leaves_the_view(large, qtbot):
    window = large(points=28, size=(1280, 800))
    view = window.view
    window.go_to_block("y2024-p06")  # its terms follow each other closely
    press(qtbot, window, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: window.glossary.focused_link() is not None)
    value = view.verticalScrollBar().value()
    second = window.glossary.glossary.uses(17)[0]
    index = window.report.index_of(second.block_id)
    assert view.navigator.is_whole(view.line_geometry.line_at(index, second.end - 1))
    press(qtbot, window, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: window.glossary.focused_link() == second)
    qtbot.wait(10)
    assert view.verticalScrollBar().value() == value


def test_alt_left_after_a_zoom_and_a_resize_comes_back_to_the_place_in_the_text(large, qtbot):
    """Back after a jump restores the reading place (the line that was first on screen, at its height), not a
    scroll position that means another place once the text is smaller or the window larger."""
    window = large()
    view = window.view
    window.go_to_block("y2024-p04")
    press(qtbot, window, Qt.Key.Key_Tab)
    press(qtbot, window, Qt.Key.Key_Tab)
    term = window.glossary.glossary.uses(10)[0]
    qtbot.waitUntil(lambda: window.glossary.focused_link() == term)
    place, y = view.navigator.reading_place()
    press(qtbot, window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # the term's next use
    assert view.current_block().id == window.glossary.glossary.uses(10)[1].block_id
    press(qtbot, window, Qt.Key.Key_Minus)
    press(qtbot, window, Qt.Key.Key_Minus)
    assert view.font_size() < 96
    window.resize(1024, 700)
    QApplication.processEvents()
    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.current_block().id == "y2024-p04"
    assert whole_lines(window)[0] == view.line_geometry.line_at(place.index, place.offset)
    assert abs(_place_y(window, place) - y) <= 1


def test_a_first_start_with_the_key_banner_reads_forward_at_96pt_in_800x600(app, qtbot):
    """A new reader: no settings, an 800×600 window, the key banner above the text; + up to 96 pt, then PgDown
    and Down each show new text (never stuck, never back) with the banner there, and Esc hides the banner
    keeping the first whole line where the reader is."""
    from fenggang_reader.ui.main_window import MainWindow

    window = MainWindow(*shipped(), Settings.load(AppDirs.default().settings_file))
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    window.restore_position(offer=True)  # what the app does once the window is shown
    view = window.view
    banner = window.key_hints.banner
    assert banner is not None and banner.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)  # the keys go to the text at once
    for _ in range(20):  # the reader presses + until the characters are big enough
        press(qtbot, window, Qt.Key.Key_Plus)
        QApplication.processEvents()  # a person's keys leave the event loop a turn between them
    assert view.font_size() == 96
    assert window.contents_drawer.active, "the contents leave the text its width (a drawer at 96 pt)"
    assert whole_lines(window)[0].key() == (0, 0), "the title whole under the banner (the margin above it gone)"
    QApplication.processEvents()
    for part in (*banner.keys, banner.close_button):  # the banner grew with its keys: none cut off
        assert banner.rect().contains(QRect(part.mapTo(banner, QPoint(0, 0)), part.size())), part.objectName()
    bar = view.verticalScrollBar()
    for key in [Qt.Key.Key_PageDown] * 6 + [Qt.Key.Key_Down] * 6:
        before = (whole_lines(window)[0].key(), bar.value(), view.current_index())
        press(qtbot, window, key)
        QApplication.processEvents()
        lines = whole_lines(window)
        assert lines and lines[0].top - bar.value() <= EDGE + 1 or key == Qt.Key.Key_Down
        after = (lines[0].key(), bar.value(), view.current_index())
        assert after[0] > before[0] and after[1] > before[1] and after[2] >= before[2], (key, before, after)
        assert banner.isVisible()
    first = whole_lines(window)[0]
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.key_hints.banner is None and window.settings["key_hint_dismissed"] is True
    QApplication.processEvents()
    assert whole_lines(window)[0] == first, "the place is kept when the text takes the banner's room"
