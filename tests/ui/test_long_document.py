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


def _shown_at_48pt(qtbot):
    """A window of a 70,000-character document (long enough to be shown a stretch at a time), 800×600, at 48 pt."""
    from fenggang_reader.ui.main_window import MainWindow

    window = MainWindow(long_document(70_000), CopiedReadings(shipped()[1]), Settings())
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    window.view.set_font_size(48)
    return window


def test_the_blocks_far_from_the_place_get_their_line_breaking_marks_while_idle(app, qtbot):
    """A long document fits the marks of the blocks near the place to a new size at once and the others while idle
    (1,415 blocks cost 20–100 ms a size); the place stays, and in the end every block has the marks for the size."""
    view = _shown_at_48pt(qtbot).view
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


def test_a_long_document_opens_with_the_marks_of_the_blocks_near_the_place_only(app, qtbot, monkeypatch):
    """Opening a long document makes the line-breaking marks of the blocks near the place, not of all of them (every
    block's marks up front were 0.1-0.2 s of a 300,000-character document's opening); the others get theirs while
    idle, and then the document's characters and every block's marks agree."""
    from fenggang_reader.ui import line_break_marks
    from fenggang_reader.ui.main_window import MainWindow

    made: list[str] = []
    real = line_break_marks.layout_text

    def counted(text: str, **kwargs):
        made.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(line_break_marks, "layout_text", counted)
    document = long_document(70_000)
    window = MainWindow(document, CopiedReadings(shipped()[1]), Settings())
    qtbot.addWidget(window)
    window.resize(800, 600)
    painted: list[bool] = []
    window.view.first_paint.connect(lambda: painted.append(True))
    window.show()
    qtbot.waitUntil(lambda: bool(painted), timeout=30_000)
    count = len(document.blocks)
    assert 0 < len(made) < count / 4
    view = window.view
    qtbot.waitUntil(lambda: view.marks_waiting() == 0, timeout=30_000)
    assert sum(bool(view.layout_of(index).marks) for index in range(count)) > count / 2
    doc = view.document()
    for index in range(count):
        assert doc.findBlockByNumber(index).text() == view.layout_of(index).apply(view.shown_text(index)), index


def test_a_long_document_gets_the_markers_of_its_far_headings_after_the_first_paint(app, qtbot):
    """Screen readers list headings through invisible markers (ui/accessibility.py): a long document has those of the
    stretch shown at once and the others after the first paint (253 made at once were ~0.1 s of opening 300,000
    characters); in the end every heading has its marker, in order, named with its text and level."""
    from fenggang_reader.ui.main_window import MainWindow

    document = long_document(70_000)
    window = MainWindow(document, CopiedReadings(shipped()[1]), Settings())
    qtbot.addWidget(window)
    headings = [index for index, block in enumerate(document.blocks) if block.heading_level]
    exposer = window.accessibility.headings
    assert 0 < len(exposer.markers) < len(headings)
    window.resize(800, 600)
    window.show()
    qtbot.waitUntil(lambda: len(exposer.markers) == len(headings), timeout=30_000)
    assert [marker.index for marker in exposer.markers] == headings
    assert [marker.accessibleName() for marker in exposer.markers] == [document.blocks[i].text for i in headings]
    assert all(marker.accessibleDescription() == f"Heading level {marker.level}" for marker in exposer.markers)


def _reading_order(place) -> tuple[int, int]:
    return (place.index, place.offset)


@pytest.mark.early
def test_every_paragraph_of_a_long_document_can_be_shown_at_96pt(long_window, qtbot):
    """Qt's text layout ends at 2^23 px: at 72 pt in 800 px the last 627 of the 1,415 paragraphs had no lines, and the
    reader could not show them. The view lays out only a stretch around the place (ui/block_window.py)."""
    view = long_window.view
    long_window.set_font_size(96)
    count = len(view.report.blocks)
    for index in [*range(0, count, 97), count - 1]:
        long_window.go_to_index(index)
        shown = view.navigator.visible_range()
        assert shown is not None and shown.first.index == index, (index, shown)
        assert view.document().findBlockByNumber(index).layout().lineCount() > 0, index
    assert view.document().documentLayout().documentSize().height() < 2**23


def test_the_stretch_shown_follows_pgdown_pgup_and_the_wheel_without_skipping_a_line(long_window, qtbot, monkeypatch):
    """Paging across the ends of the stretch shown: each screen begins with the last whole line of the one before (or
    the next), down and back up; the wheel goes on past the stretch's end."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    from fenggang_reader.ui import block_window

    monkeypatch.setattr(block_window, "MIN_CHARS_BEFORE", 300)  # a short stretch: crossed within a few dozen pages
    monkeypatch.setattr(block_window, "MIN_CHARS_AFTER", 600)
    window, view = long_window, long_window.view
    window.set_font_size(48)
    window.go_to_index(len(view.report.blocks) // 2)
    stretches = {view.block_window.bounds()}
    before = view.navigator.visible_range()
    for _ in range(120):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
        after = view.navigator.visible_range()
        first, last = _reading_order(before.first), _reading_order(before.last)
        new = _reading_order(after.first)
        assert first < new, (before, after)
        assert new <= (last[0], last[1] + 1) or new == (last[0] + 1, 0), (before, after)  # no line skipped
        stretches.add(view.block_window.bounds())
        before = after
    assert len(stretches) >= 2, stretches  # moved along at least once
    for _ in range(120):
        qtbot.keyClick(view, Qt.Key.Key_PageUp)
        after = view.navigator.visible_range()
        assert _reading_order(after.first) < _reading_order(before.first), (before, after)
        end = _reading_order(after.last)
        assert (end[0], end[1] + 1) >= _reading_order(before.first) or (
            before.first.offset == 0 and end[0] == before.first.index - 1), (before, after)
        stretches.add(view.block_window.bounds())
        before = after
    assert len(stretches) >= 3, stretches  # and back

    def wheel() -> None:
        centre = QPointF(view.viewport().rect().center())
        QApplication.sendEvent(view.viewport(), QWheelEvent(
            centre, QPointF(view.viewport().mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, -120),
            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False))

    last_shown = view.block_window.bounds()[1]
    for _ in range(400):
        wheel()
        QApplication.processEvents()
        shown = view.navigator.visible_range()
        if shown is not None and shown.first.index > last_shown:
            break
    assert shown is not None and shown.first.index > last_shown, "the wheel stopped at the end of the stretch"


def test_a_block_shown_after_a_size_change_has_the_formats_of_that_size(long_window):
    """A size change sets the formats of the stretch shown only; a block gets them as it is shown (BlockFormats)."""
    from PySide6.QtGui import QFontMetricsF

    from fenggang_reader.core.model import BlockKind

    view = long_window.view
    view.set_font_size(36)
    view.set_font_size(40)
    window = view.block_window
    blocks = view.report.blocks
    far = next(i for i in range(len(blocks) - 1, 0, -1)
               if blocks[i].kind is BlockKind.HEADING and blocks[i].heading_level == BlockKind.HEADING.heading_level
               and not window.first <= i <= window.last)
    long_window.go_to_index(far)
    assert window.first <= far <= window.last
    block = view.document().findBlockByNumber(far)
    px = QFontMetricsF(view.body_font()).height()
    fmt = block.blockFormat()
    assert (fmt.topMargin(), fmt.bottomMargin()) == pytest.approx((px * 0.5, px * view.paragraph_spacing * 0.64))
    assert block.begin().fragment().charFormat().fontPointSize() == pytest.approx(40 * view.block_factor(far))


def test_a_jump_after_paging_to_the_end_of_a_long_document_shows_its_target(long_window, qtbot):
    """Moving the stretch from the end to the start keeps it there: the formats of the blocks to be shown are set
    while the old stretch is still shown (set after it was hidden, the text's height fell to nothing, the scroll
    bar went, and the resize put the stretch back at the end: 55 of 58 blocks without lines once gone to)."""
    view = long_window.view
    blocks = len(view.report.blocks)
    view.set_current_index(blocks - 30)
    for _ in range(10):
        long_window.actions_by_id["page_down"].trigger()
        qtbot.wait(20)
    for index in (0, blocks // 2):
        long_window.go_to_index(index)
        assert view.block_window.first <= index <= view.block_window.last
        assert view.document().findBlockByNumber(index).layout().lineCount(), index


def test_after_a_size_change_the_stretch_lies_as_with_every_block_formatted(long_window, qtbot):
    """A size change sets the formats of the stretch (and its neighbours, whose margins Qt collapses with the
    stretch's): the text lies exactly where it would with every block's formats set."""
    view = long_window.view
    doc = view.document()
    layout = doc.documentLayout()
    view.set_current_index(len(view.report.blocks) // 2)
    for points in (40, 36):
        view.set_font_size(points)
        qtbot.wait(50)

    def rects() -> list[tuple]:
        first, last = view.block_window.bounds()
        return [layout.blockBoundingRect(doc.findBlockByNumber(i)).getRect() for i in range(first, last + 1)]

    laid = rects()
    view.block_formats.apply(doc, view.body_font(), view._line_height_percent(), view.pinyin_band_height(),
                             view.paragraph_spacing, view.font_size())
    assert rects() == laid


def test_a_term_whose_marks_come_after_its_link_is_linked_as_its_span(app, qtbot):
    """The far blocks of a long document get their line-breaking marks while idle, after the glossary linked its
    terms: a mark before a term's first character stays out of the link, as when the marks are there first (it took
    the link of the character it goes before: Tab then selected the term one character wider than its span, and the
    term's ring never showed)."""
    from PySide6.QtGui import QTextCursor

    from fenggang_reader.core.glossary import note_href

    window = _shown_at_48pt(qtbot)
    view = window.view
    qtbot.waitUntil(lambda: view.marks_waiting() == 0, timeout=30_000)
    doc = view.document()
    cursor = QTextCursor(doc)

    def href(position: int) -> str:
        cursor.setPosition(position + 1)  # the format of the character before the cursor
        return cursor.charFormat().anchorHref()

    links = window.glossary.glossary.links
    report = view.report
    marked_before = 0
    for span in links:
        index = report.index_of(span.block_id)
        start, end = view.document_span(index, span.start, span.end)
        assert all(href(p) == note_href(span.note_number) for p in range(start, end)), span
        layout = view.layout_of(index)
        if span.start and layout.to_layout(span.start) - layout.to_layout(span.start - 1) > 1:  # a mark before it
            marked_before += 1
            assert href(start - 1) != note_href(span.note_number), span
    assert marked_before, "some term has a mark before it"


def test_a_long_document_built_plain_far_from_its_start_ends_with_the_formats_of_one_built_whole(app, qtbot, monkeypatch):
    """A long document's far blocks are built as plain text and get their runs' formats as they are shown, before
    their room is set, or while idle (ui/plain_blocks.py: building 300,000 characters run by run was 50-80 ms CPU of
    the opening); after a jump and the idle work, every character's format is that of a window built whole."""
    from fenggang_reader.ui import reader_view
    from fenggang_reader.ui.main_window import MainWindow

    document = long_document(70_000)

    def settled_formats(window) -> list[tuple[int, int, tuple]]:
        view = window.view
        view.set_current_index(len(document.blocks) // 2)
        qtbot.waitUntil(lambda: not (len(view.plain_blocks) or view.marks_waiting()
                                     or view.typesetting.room_waiting()), timeout=90_000)
        view.set_current_index(0)
        qtbot.wait(50)
        runs: list[tuple[int, int, tuple]] = []
        block = view.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                position, length, fmt = fragment.position(), fragment.length(), _described(fragment.charFormat())
                if runs and runs[-1][2] == fmt and runs[-1][0] + runs[-1][1] == position:  # one run, however Qt cut it
                    position, length = runs[-1][0], runs.pop()[1] + length
                runs.append((position, length, fmt))
                it += 1
            block = block.next()
        return runs

    def shown() -> MainWindow:
        window = MainWindow(document, CopiedReadings(shipped()[1]), Settings())
        qtbot.addWidget(window)
        window.resize(800, 600)
        with qtbot.waitSignal(window.view.first_paint, timeout=30_000):
            window.show()
        return window

    window = shown()
    assert len(window.view.plain_blocks) > len(document.blocks) / 2, "the far blocks wait for their runs' formats"
    formats = settled_formats(window)
    monkeypatch.setattr(reader_view, "plain_at_first", lambda blocks, on_screen: set())
    whole = shown()
    assert not len(whole.view.plain_blocks)
    expected = settled_formats(whole)
    assert [(p, n) for p, n, _ in formats] == [(p, n) for p, n, _ in expected]
    assert [f for _, _, f in formats] == [f for _, _, f in expected]


def _described(fmt) -> tuple:
    """What a character format sets, in any order (QTextFormat's == compares its properties in the order set)."""
    return (fmt.propertyCount(), fmt.fontLetterSpacingType(), round(fmt.fontLetterSpacing(), 3), fmt.fontWeight(),
            tuple(sorted((bytes(tag.toString()), value) for tag, value in fmt.fontFeatures().items())),
            round(fmt.fontPointSize(), 3), fmt.isAnchor(), fmt.anchorHref(), fmt.fontUnderline(),
            fmt.foreground().color().name(), fmt.property(fmt.Property.UserProperty))
