"""Names, headings, the paragraph description, spoken feedback, comfort settings, start-up offer, 96 pt fit."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QTextBrowser, QToolButton

from fenggang_reader.ui import accessibility, startup
from fenggang_reader.ui.accessibility import unnamed_focusables
from fenggang_reader.ui.read_aloud_actions import LazyReadAloud


def test_no_unnamed_focusable_control_in_the_window_and_dialogs(window, qtbot):
    assert unnamed_focusables(window) == []
    window.actions_by_id["spacing"].trigger()
    window.show_help()
    QApplication.processEvents()
    dialogs = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    assert {d.objectName() for d in dialogs} >= {"spacingDialog", "helpDialog"}
    for dialog in dialogs:
        assert unnamed_focusables(dialog) == [], dialog.objectName()
        dialog.close()


def test_the_report_text_is_read_only_text_to_screen_readers_not_a_label(window):
    """Qt gives a QTextBrowser the role StaticText (Orca: "label"); the view gets QTextEdit's (ui/text_role.py)."""
    iface = QAccessible.queryAccessibleInterface(window.view)
    assert iface.role() == QAccessible.Role.EditableText and iface.state().readOnly
    text = iface.textInterface()
    assert text is not None and text.characterCount() == window.view.document().characterCount() - 1
    assert isinstance(window.view, QTextBrowser)  # links, Tab between terms: still QTextBrowser's


def test_headings_and_current_paragraph_description(window):
    heads = [b for b in window.report.blocks if b.kind.heading_level]
    markers = window.accessibility.headings.markers
    assert [m.accessibleName() for m in markers] == [b.text for b in heads]
    assert all(m.accessibleDescription().startswith("Heading level") for m in markers)
    window.go_to_block("s2-p02")
    QApplication.processEvents()  # the move is said after the key is handled (ui/announcer.py)
    text = window.report.get("s2-p02").text  # the move is said: the place and the whole paragraph
    assert window.view.accessibleDescription().endswith(text)
    assert window.view.accessibleDescription().startswith(window.position_text())
    assert window.view.textCursor().blockNumber() == window.report.index_of("s2-p02")  # caret: magnifiers


def test_a_scroll_moves_no_heading_marker_and_they_follow_their_headings(window, qtbot):
    """Qt moves every child of a scrolled viewport, one move event each through the app's filters (~3 ms of a PgDown
    with a long document's 253 headings): the markers are the view's children, placed anew after the scroll."""
    from PySide6.QtCore import QEvent, QObject

    markers = window.accessibility.headings.markers
    moved = []

    class Watch(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Move:
                moved.append(watched)
            return False

    watch = Watch()
    for marker in markers:
        marker.installEventFilter(watch)
    window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().value() + 300)  # the scroll alone
    assert moved == []
    qtbot.waitUntil(lambda: len(moved) > 0)  # then placed, over their headings as the reader sees them
    origin = window.view.viewport().pos()
    for marker in markers:
        assert marker.parentWidget() is window.view
        assert marker.geometry() == window.view.block_rect(marker.index).translated(origin)


def test_spoken_feedback_says_announcements_only_when_asked(window, monkeypatch):
    said = []
    monkeypatch.setattr(LazyReadAloud, "say", lambda _self, text, **_k: said.append(text) or True)
    monkeypatch.setattr(accessibility, "screen_reader_running", lambda: False)
    window.zoom(1)
    assert said == []
    window.settings.set("spoken_feedback", True)
    window.zoom(1)
    assert said and "points" in said[-1]
    monkeypatch.setattr(accessibility, "screen_reader_running", lambda: True)
    count = len(said)
    window.zoom(1)
    assert len(said) == count  # a screen reader already says it


def test_spacing_changes_layout_and_is_remembered(window, qtbot):
    view = window.view
    before = view.block_rect(10).height()
    dialog = window.comfort.open_spacing()
    dialog.fields["line_spacing"].setValue(240)
    assert window.settings["line_spacing"] == 240
    assert view.block_rect(10).height() > before
    dialog.fields["character_spacing"].setValue(160)
    glyphs = view.glyphs(10)
    assert glyphs[1].x0 - glyphs[0].x0 > (glyphs[0].x1 - glyphs[0].x0) * 1.5
    dialog.restore_defaults()
    assert window.settings["line_spacing"] == 172 and view.cjk_spacing_percent == 132
    dialog.close()


def test_focus_mode_dims_all_but_the_current_paragraph(window, qtbot):
    window.go_to_block("y2024-p03")
    window.actions_by_id["cycle_focus_mode"].trigger()
    overlay = window.comfort.overlay
    assert overlay.isVisible() and window.settings["focus_mode"] == "paragraph"
    assert overlay.focus_rect().contains(window.view.block_rect(window.view.current_index()).center())
    window.actions_by_id["cycle_focus_mode"].trigger()
    line = overlay.focus_rect()
    assert line.height() < window.view.block_rect(window.view.current_index()).height()
    window.actions_by_id["cycle_focus_mode"].trigger()
    assert not overlay.isVisible()


def test_line_focus_follows_the_line_being_read(window):
    window.go_to_block("y2024-p03")
    window.settings.set("focus_mode", "line")
    controller = window.read_aloud.controller  # read aloud is built after the first paint; comfort waits for it
    controller.highlight.emit("y2024-p03", 120, 140, -1, -1)
    assert window.comfort.overlay.position == 120


def test_line_focus_follows_the_caret_past_the_line_breaking_marks(window, qtbot):
    """The caret's document position counts the invisible marks (words kept whole, numbers with their units);
    the bright line is the caret's own line, found through the report's offset."""
    window.resize(1280, 860)
    QApplication.processEvents()
    view, index = window.view, window.report.index_of("y2024-p03")
    window.go_to_block("y2024-p03")
    text, geometry = window.report.blocks[index].text, view.line_geometry

    def marks_before(offset: int) -> int:
        return view.document_position(index, offset) - view.block_position(index) - offset

    # a character whose count of marks before it, taken for report characters, would name another line
    offset = next(o for o in range(len(text)) if geometry.line_at(index, o).top
                  != geometry.line_at(index, min(len(text) - 1, o + marks_before(o))).top)
    cursor = view.textCursor()
    cursor.setPosition(view.document_position(index, offset))
    view.setTextCursor(cursor)
    for _ in range(2):  # off, paragraph, line
        window.actions_by_id["cycle_focus_mode"].trigger()
    overlay = window.comfort.overlay
    assert overlay.mode == "line"
    overlay.position = None  # not reading: the caret's line
    caret = view.cursorRect(cursor)
    assert overlay.focus_rect().contains(QPoint(overlay.focus_rect().center().x(), caret.center().y()))


def test_toolbar_targets_at_least_44_px_and_large_buttons(window, qtbot):
    buttons = [b for b in window.toolbar.findChildren(QToolButton) if b.defaultAction() and b.isVisible()]
    assert buttons and all(b.width() >= 44 and b.height() >= 44 for b in buttons)
    window.actions_by_id["large_toolbar"].setChecked(True)
    QApplication.processEvents()
    assert all(b.minimumWidth() >= 72 and b.minimumHeight() >= 72 for b in buttons)


def test_96_points_in_1280_px_no_horizontal_scroll_nothing_cut_off(window, qtbot):
    window.resize(1280, 860)
    window.set_font_size(96)
    QApplication.processEvents()
    view = window.view
    width = view.viewport().width()
    assert view.document().documentLayout().documentSize().width() <= width + 1
    assert view.horizontalScrollBar().maximum() == 0
    for index in range(0, len(window.report.blocks), 7):
        for _offset, char_rect, pinyin_rect in view.pinyin_rects(index):
            assert char_rect.left() >= 0 and char_rect.right() <= width
            assert pinyin_rect.left() >= -1 and pinyin_rect.right() <= width + 1
    shown = [b for b in window.toolbar.findChildren(QToolButton) if b.defaultAction()]
    assert all(b.isVisible() for b in shown)  # nothing pushed into the overflow menu


def test_resume_offer_enter_yes_escape_no(make_window, qtbot, monkeypatch):
    monkeypatch.setattr(LazyReadAloud, "say", lambda *_a, **_k: True)
    first = make_window()
    first.startup.on_start()  # the first start: the welcome, no offer
    first.go_to_block("s3-p02")
    first.close()
    second = make_window()
    assert second.startup.on_start() is True
    bar = second.startup.bar
    assert bar is not None and "Continue" in bar.label.text()
    assert bar.yes.hasFocus() or QApplication.focusWidget() in (bar.yes, None)
    bar.yes.setFocus()
    qtbot.keyClick(bar.yes, Qt.Key.Key_Return)
    assert second.startup.bar is None
    assert second.view.current_block().id == "s3-p02"
    second.close()
    third = make_window()
    assert third.startup.on_start() is True
    qtbot.keyClick(third.startup.bar.yes, Qt.Key.Key_Escape)
    assert third.view.current_index() == 0 and third.settings["current_block"] == third.report.blocks[0].id


def test_welcome_only_once_and_never_with_a_screen_reader(make_window, monkeypatch):
    said = []
    monkeypatch.setattr(LazyReadAloud, "say", lambda _self, text, **_k: said.append(text) or True)
    monkeypatch.setattr(startup, "screen_reader_running", lambda: True)
    window = make_window()
    window.startup.on_start()
    assert said == [] and window.settings["welcomed"]
    window.settings.set("welcomed", False)
    monkeypatch.setattr(startup, "screen_reader_running", lambda: False)
    window.startup.on_start()
    window.startup.on_start()
    assert len(said) == 1 and "Welcome" in said[0]


def test_the_offer_to_continue_is_whole_at_96_pt_in_800_by_600(make_window, qtbot, monkeypatch):
    """At 96 pt in an 800×600 screen the offer put its buttons beside the question, which kept a column three
    words wide: the question was cut after “Last time you stopped at” and the window grew 13 px past the screen."""
    monkeypatch.setattr(LazyReadAloud, "say", lambda *_a, **_k: True)
    first = make_window()
    first.startup.on_start()
    first.settings.set("font_size", 96)
    first.go_to_block("s3-p02")
    first.close()
    window = make_window()
    window.resize(800, 600)
    assert window.startup.on_start() is True
    bar = window.startup.bar
    qtbot.waitUntil(lambda: bar.isVisible() and bar.label.width() > 0)
    QApplication.processEvents()
    assert window.centralWidget().minimumSizeHint().width() <= 800, "the text and the offer fit the screen"
    assert bar.label.height() >= bar.label.heightForWidth(bar.label.width()), "the whole question is shown"
    assert bar.yes.isVisible() and bar.no.isVisible()
