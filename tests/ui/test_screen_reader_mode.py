"""Screen-reader mode (ui/screen_reader.py), the announcer (ui/announcer.py) and orientation messages.

What Orca itself says is tested in tests/a11y/test_orca.py; these check the app's side quickly, offscreen.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fenggang_reader.ui import announcer as announcer_module
from fenggang_reader.ui.actions import help_rows, markdown_key_table, screen_reader_shortcuts, spec
from fenggang_reader.ui.navigation import REST_MS
from fenggang_reader.ui.orientation import start_text, view_description, where_am_i_text


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, key, modifier)
    QApplication.processEvents()


@pytest.fixture
def sr_window(window):
    window.settings.set("screen_reader_mode", "on")
    window.activateWindow()
    window.view.setFocus()
    QApplication.processEvents()
    return window


def test_single_keys_are_left_to_the_screen_reader_and_the_rest_still_work(sr_window, qtbot):
    w = sr_window
    assert w.screen_reader.active and w.actions_by_id["screen_reader_mode"].isChecked()
    assert [s.toString() for s in w.actions_by_id["next_paragraph"].shortcuts()] == ["Down"]
    assert "J" not in w.actions_by_id["next_paragraph"].toolTip()
    press(qtbot, w.view, Qt.Key.Key_J)
    press(qtbot, w.view, Qt.Key.Key_Plus)
    assert w.view.current_index() == 0 and w.view.font_size() == 28
    press(qtbot, w.view, Qt.Key.Key_Down)  # routed: a key press, not a shortcut
    assert w.view.current_index() == 1
    press(qtbot, w.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.KeypadModifier)  # Orca's Say All key
    assert w.view.font_size() == 28
    press(qtbot, w.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert w.view.font_size() == 32
    w.settings.set("screen_reader_letter_keys", True)
    press(qtbot, w.view, Qt.Key.Key_J)
    assert w.view.current_index() == 2
    w.settings.set("screen_reader_mode", "off")
    assert not w.screen_reader.active and "J" in w.actions_by_id["next_paragraph"].toolTip()


def test_down_goes_to_the_next_paragraph_even_when_it_is_taller_than_the_window(sr_window, qtbot):
    w = sr_window
    w.set_font_size(96)
    tall = max(range(len(w.report.blocks)), key=lambda i: len(w.report.blocks[i].text))
    w.view.set_current_index(tall)
    press(qtbot, w.view, Qt.Key.Key_Down)
    assert w.view.current_index() == tall + 1


def test_keys_in_the_contents_panel_stay_the_panels(sr_window, qtbot):
    w = sr_window
    w.contents.setFocus()
    QApplication.processEvents()
    before = w.view.current_index()
    press(qtbot, w.contents, Qt.Key.Key_Down)  # a reader key: the view's, not the panel's
    assert w.view.current_index() == before
    press(qtbot, w.contents, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # window keys work everywhere
    assert "Paragraph" in w.statusBar().currentMessage()


def test_help_and_readme_say_which_keys_change():
    assert screen_reader_shortcuts(spec("next_paragraph")) == ("Down",)
    assert screen_reader_shortcuts(spec("zoom_in")) == ("Ctrl+=", "Ctrl++")
    assert screen_reader_shortcuts(spec("speech_play_pause")) == ("Space",)
    rows = {what: keys for _menu, keys, what in help_rows(native=False, screen_reader=True)}
    assert rows[spec("next_paragraph").description] == "Down"
    note = markdown_key_table().split("\n\n")[-1]
    assert "Ctrl+Shift+M" in note and " J " in note and "[" in note and "Space" not in note


def test_messages_are_coalesced_into_the_focused_controls_description(sr_window, monkeypatch):
    monkeypatch.setattr(announcer_module, "description_channel", lambda: True)
    w = sr_window
    w.announce("first")
    w.announce("second")
    QApplication.processEvents()
    assert w.view.accessibleDescription() == "second"
    w.announce("second")
    QApplication.processEvents()
    assert w.view.accessibleDescription().rstrip("\u200b") == "second" != w.view.accessibleDescription()
    w.contents.setFocus()
    w.view.setFocus()  # focus back: the view's own description (the place), not said again
    QApplication.processEvents()
    # the place only: Orca reads the line at the caret itself (read-only text), then this
    assert w.view.accessibleDescription() == view_description(w) == w.position_text() + ", heading level 1"


def test_moving_says_the_place_and_the_whole_paragraph_and_headings_their_level(sr_window, qtbot, monkeypatch):
    monkeypatch.setattr(announcer_module, "description_channel", lambda: True)
    w = sr_window
    press(qtbot, w.view, Qt.Key.Key_Down)
    text = w.report.blocks[1].text
    assert w.view.accessibleDescription() == f"Paragraph 2 of {len(w.report.blocks)}. {text}"
    heading = next(i for i, b in enumerate(w.report.blocks) if b.kind.heading_level == 3)
    w.view.set_current_index(heading)
    QApplication.processEvents()
    assert ", heading level 3. " in w.view.accessibleDescription()


def test_where_am_i_says_part_heading_place_and_first_words(window):
    assert start_text(window) == f"Paragraph 1 of {len(window.report.blocks)}. Press F1 for help."
    index = next(i for i, b in enumerate(window.report.blocks) if b.id == "s2-p02")
    window.view.set_current_index(index)
    said = where_am_i_text(window)
    part = next(b.text for b in reversed(window.report.blocks[:index]) if b.kind.name == "PART")
    assert said.startswith(part) and f"Paragraph {index + 1} of" in said
    assert window.report.blocks[index].text[:20] in said and said.endswith("…")


def test_messages_wait_while_the_apps_voice_reads_to_a_screen_reader_user(sr_window, monkeypatch):
    monkeypatch.setattr(announcer_module, "description_channel", lambda: True)
    w = sr_window
    monkeypatch.setattr(type(w.read_aloud), "is_reading", lambda _self: True)
    before = w.view.accessibleDescription()
    w.announce("Reading paragraph 2 of 86")
    QApplication.processEvents()
    assert w.view.accessibleDescription() == before
    assert w.statusBar().currentMessage() == "Reading paragraph 2 of 86"


def test_the_greeting_is_the_windows_description_until_the_reader_presses_a_key(window, qtbot):
    assert window.accessibleDescription() == start_text(window)  # Orca says it with the window's title
    window.view.set_current_index(3)  # e.g. the place restored after the first paint
    QApplication.processEvents()
    assert window.accessibleDescription() == start_text(window) and "Paragraph 4 of" in start_text(window)
    press(qtbot, window.view, Qt.Key.Key_Down)
    assert window.accessibleDescription() == ""  # not again after a dialog: the window is never the focus


def test_where_am_i_while_the_apps_voice_reads_pauses_it_and_is_said(sr_window, monkeypatch):
    monkeypatch.setattr(announcer_module, "description_channel", lambda: True)
    w = sr_window
    paused = []

    class Controller:
        def pause(self):
            paused.append(True)

    monkeypatch.setattr(type(w.read_aloud), "is_reading", lambda _self: not paused)
    monkeypatch.setattr(type(w.read_aloud), "controller", property(lambda _self: Controller()))
    w.actions_by_id["where_am_i"].trigger()
    QApplication.processEvents()
    assert paused == [True]
    said = w.view.accessibleDescription()
    assert said.startswith(where_am_i_text(w)) and "Reading paused: Space goes on." in said


def test_the_current_paragraph_follows_a_caret_the_screen_reader_moves_unsaid(sr_window, monkeypatch):
    monkeypatch.setattr(announcer_module, "description_channel", lambda: True)
    w = sr_window
    before = w.view.accessibleDescription()
    cursor = w.view.textCursor()
    cursor.setPosition(w.view.block_position(5) + 2)  # as Orca's Say All does, through Qt's text interface
    w.view.setTextCursor(cursor)
    QApplication.processEvents()
    assert w.view.current_index() == 5
    assert w.view.accessibleDescription() == before  # Orca reads that text itself: no "Paragraph 6 of 86" over it
    assert "Paragraph 6 of" in where_am_i_text(w)


def test_the_place_does_not_follow_the_caret_while_the_apps_voice_reads(sr_window, monkeypatch, qtbot):
    """Silenced by the start of our reading, Orca moves the caret on through the Say All it had queued. Qt
    scrolls the caret into view: once the view is at rest, the place must not follow that scroll either (it went
    to the top line shown, paragraph 2, 80 ms later)."""
    w = sr_window
    monkeypatch.setattr(type(w.read_aloud), "is_reading", lambda _self: True)
    top = w.view.verticalScrollBar().value()
    cursor = w.view.textCursor()
    cursor.setPosition(w.view.block_position(9) + 2)
    w.view.setTextCursor(cursor)
    assert w.view.verticalScrollBar().value() != top, "the caret was set out of view, and Qt scrolled to it"
    qtbot.wait(REST_MS * 3)
    assert w.view.current_index() == 0


def test_a_menu_opened_with_alt_and_a_letter_stays_open_when_the_screen_reader_posts_the_alt_back(sr_window, qtbot):
    """With Orca, Qt's bridge hands each key press to the screen reader and posts it back after Orca's answer: the Alt of
    Alt+F came back after Alt+F had opened the File menu, and a menu closes on Alt — no menu stayed open with Orca."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    w = sr_window
    w.menuBar().setActiveAction(w.menus["file"].menuAction())  # what Alt+F does
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is w.menus["file"])
    late_alt = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Alt, Qt.KeyboardModifier.AltModifier)
    QApplication.sendEvent(w.menus["file"], late_alt)  # sent, not spontaneous: as the bridge posts it back
    QApplication.processEvents()
    assert QApplication.activePopupWidget() is w.menus["file"] and w.menus["file"].isVisible()
    press(qtbot, w.menus["file"], Qt.Key.Key_Escape)
    assert QApplication.activePopupWidget() is None


def test_ctrl_f_names_the_find_field_aloud(sr_window, qtbot, monkeypatch):
    """With the real Orca, the find field's focus alone was never spoken: after Ctrl+F a blind reader heard nothing.
    The field's name and keys are said as a message (the field's description while it has the focus)."""
    monkeypatch.setattr(announcer_module, "description_channel", lambda: True)
    w = sr_window
    press(qtbot, w.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = w.find_bar.field
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    qtbot.waitUntil(lambda: field.accessibleDescription().startswith("Find in the text. Enter: next match."))
