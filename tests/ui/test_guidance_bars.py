"""First start shows the way (issue 14, item 7): the three keys at body size until hidden, the online-voices
question under the text with "offline voice only" as the default, and a read-aloud failure that stays
visible with its reason and a next step until closed or reading starts again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication

from fenggang_reader.core.settings import Settings
from fenggang_reader.core.storage import AppDirs
from fenggang_reader.speech.backend import SystemBackend
from fenggang_reader.speech.controller import ReadState
from fenggang_reader.ui.guidance_bars import KEY_HINT_MAX_PT
from fenggang_reader.ui.main_window import MainWindow
from tests.support.shipped import shipped

pytestmark = pytest.mark.qt_log_ignore("pipewire")


def in_window(window, widget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def test_first_start_banner_shows_the_three_keys_until_hidden(make_window, qtbot):
    window = make_window()
    window.restore_position(offer=True)  # what the app does once the window is shown
    banner = window.key_hints.banner
    assert banner is not None and banner.isVisible()
    assert all(k in banner.text() for k in ("Space", "+", "F1"))
    assert banner.keys[0].font().pointSizeF() == min(window.view.font_size(), KEY_HINT_MAX_PT), "at body size"
    assert not in_window(window, banner).intersects(in_window(window, window.view)), "above the text, not over it"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)  # Space still reads at once
    window.set_font_size(32)
    assert banner.keys[0].font().pointSizeF() == 32
    window.set_font_size(96)
    assert banner.keys[0].font().pointSizeF() == KEY_HINT_MAX_PT
    assert banner.height() < window.height() / 3, "the text keeps most of the window"
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.key_hints.banner is None and window.settings["key_hint_dismissed"] is True
    window.close()
    again = make_window()
    again.restore_position(offer=True)
    assert again.key_hints.banner is None, "hidden once, hidden for good"


def test_the_banner_is_in_chinese_too(make_window, qtbot):
    window = make_window()
    window.settings.set("language", "zh_CN")
    window.restore_position(offer=True)
    banner = window.key_hints.banner
    assert "空格" in banner.text() and "F1" in banner.text()
    window.settings.set("language", "en")
    assert "Space" in banner.text()


@pytest.fixture
def voiceless(make_window, monkeypatch):
    """A window whose offline voice cannot speak and whose online voices are not allowed."""
    monkeypatch.setattr(SystemBackend, "available", lambda self: False)
    monkeypatch.setattr(SystemBackend, "error_message", lambda self: "speech-dispatcher is not running")
    window = make_window()
    window.settings.set("offline_only", True)
    window.view.setFocus()
    return window


def test_a_read_aloud_failure_stays_with_its_reason_and_a_next_step(voiceless, qtbot, monkeypatch):
    window = voiceless
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    feature = window.read_aloud.feature()
    bar = feature.problem_bar
    assert bar is not None and bar.isVisible() and "speech-dispatcher is not running" in bar.text()
    assert feature.controller.state is ReadState.STOPPED
    assert not in_window(window, bar).intersects(in_window(window, window.view)), "under the text"
    assert bar.message.font().pointSizeF() >= QApplication.font().pointSizeF()
    qtbot.wait(3500)  # the status bar's own message is long gone: the bar is not
    assert bar.isVisible()
    qtbot.mouseClick(bar.settings_button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "voiceDialog" and w.isVisible())
    dialog.reject()
    # Reading starts again (a voice came back): the bar goes.
    monkeypatch.setattr(SystemBackend, "available", lambda self: True)
    monkeypatch.setattr(SystemBackend, "speak", lambda self, chunk, params: None)
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    assert feature.controller.state is ReadState.PLAYING and not bar.isVisible()
    feature.controller.stop()


def test_the_failure_bar_closes_with_esc(voiceless, qtbot):
    window = voiceless
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    bar = window.read_aloud.feature().problem_bar
    bar.close_button.setFocus()
    qtbot.keyClick(bar.close_button, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_online_voices_question_is_a_bar_under_the_text_at_interface_size(make_window, qtbot, monkeypatch):
    monkeypatch.setattr(SystemBackend, "speak", lambda self, chunk, params: None)
    window = make_window()
    window.set_font_size(48)
    window.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    bar = window.read_aloud.feature().notice_box
    assert bar is not None and bar.isVisible()
    assert not in_window(window, bar).intersects(in_window(window, window.view)), "the paragraph stays uncovered"
    assert bar.message.font().pointSizeF() >= 20 and bar.offline.font().pointSizeF() >= 20
    assert bar.defaultButton() is bar.offline and bar.offline.isDefault()
    qtbot.mouseClick(bar.online, Qt.MouseButton.LeftButton)
    assert window.settings["edge_notice_accepted"] is True and window.read_aloud.feature().notice_box is None
    window.read_aloud.controller.stop()


def test_at_96pt_in_800x600_the_text_keeps_room_for_a_whole_line_whatever_bars_are_up(voiceless, qtbot):
    """The walkthrough: the first-start banner, the find bar and a read-aloud problem left the text 70 px at 96 pt in
    800×600 — no character seen. The banner and then the toolbar give way (ui/text_room.py), and come back."""
    window = voiceless
    window.resize(800, 600)
    window.key_hints.show_unless_hidden_before()
    window.set_font_size(96)
    view = window.view

    def room() -> str:
        line = view.line_geometry.line(view.current_index(), 0).height
        return f"text {view.viewport().height()} px for a line of {line:.0f} px; given way: {window.text_room.given_way}"

    def one_line_fits() -> bool:
        return view.viewport().height() >= view.line_geometry.line(view.current_index(), 0).height

    qtbot.waitUntil(one_line_fits, timeout=10_000)
    window.actions_by_id["find"].trigger()
    qtbot.keyClick(view, Qt.Key.Key_Space)  # the voice cannot speak: its problem bar comes up under the text
    bar = window.read_aloud.feature().problem_bar
    qtbot.waitUntil(lambda: bar is not None and bar.isVisible(), timeout=10_000)
    try:
        qtbot.waitUntil(lambda: one_line_fits() and view.navigator.visible_range() is not None, timeout=10_000)
    except Exception:
        top = view.verticalScrollBar().value()
        raise AssertionError(f"{room()}; visible {view.navigator.visible_range()}; scroll {top}; place "
                             f"{view.navigator.reading_place()}; lines {view.line_geometry.fully_inside(top, top + view.viewport().height())} first "
                             f"{view.line_geometry.first_line_from(top)}") from None
    assert window.find_bar.isVisible() and bar.isVisible(), "the bars the reader is using stay"
    banner = window.key_hints.banner
    assert banner is not None and banner.isHidden(), room()
    bar.close_button.click()
    window.find_bar.close_bar()
    qtbot.waitUntil(lambda: window.toolbar.isVisible(), timeout=10_000)  # room again: what gave way comes back
    qtbot.waitUntil(lambda: not window.text_room.given_way, timeout=10_000)
    assert banner.isVisible() and one_line_fits(), room()


def test_a_first_start_at_96pt_in_800x600_shows_the_titles_first_line_whole_under_the_banner(app, qtbot):
    """The walkthrough's first screen: with the banner up, the title's frame and margin pushed its first line under the
    status bar (its pinyin whole, the characters' lower half cut) until the first PgDown. The start is placed as
    Ctrl+Home places it: at the very top unless that cuts the first line."""
    settings = Settings.load(AppDirs.default().settings_file)
    settings.set("font_size", 96)
    window = MainWindow(*shipped(), settings)
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()  # as the app starts: shown, then the place restored on the loop's next turn
    QTimer.singleShot(0, lambda: window.restore_position(offer=True))
    view = window.view
    qtbot.waitUntil(lambda: window.key_hints.banner is not None and window.key_hints.banner.isVisible())
    qtbot.wait(300)  # the relayouts the banner and the sizes bring
    first = view.line_geometry.line(0, 0)
    top = view.verticalScrollBar().value()
    assert view.navigator.is_whole(first), (f"the title's first line {first.top:.0f}–{first.bottom:.0f} px, the text "
                                            f"shows {top}–{top + view.viewport().height()}")
