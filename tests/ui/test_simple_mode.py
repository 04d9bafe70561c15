"""Simple mode: five very large buttons, everything else hidden, changes confirmed, an obvious way back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fenggang_reader.ui import accessibility
from fenggang_reader.ui.read_aloud_actions import LazyReadAloud


def test_simple_mode_buttons_confirm_and_go_back(window, qtbot, monkeypatch):
    said = []
    monkeypatch.setattr(LazyReadAloud, "say", lambda _self, text, **_k: said.append(text) or True)
    monkeypatch.setattr(accessibility, "screen_reader_running", lambda: False)
    window.actions_by_id["simple_mode"].setChecked(True)
    QApplication.processEvents()
    mode = window.simple_mode
    assert mode.bar.isVisible()
    assert not window.menuBar().isVisible() and not window.toolbar.isVisible()
    assert not window.contents_dock.isVisible()
    visible = [b for b in mode.bar.buttons.values() if b.isVisible()] + [mode.bar.back]
    assert len(visible) == 6
    qtbot.waitUntil(lambda: all(b.height() >= 88 and b.width() >= 120 for b in visible))
    assert all(accessibility.accessible_name(b) for b in visible)
    size = window.view.font_size()
    qtbot.mouseClick(mode.bar.buttons["zoom_in"], Qt.MouseButton.LeftButton)
    assert window.view.font_size() > size and "points" in said[-1]  # said aloud in simple mode
    qtbot.mouseClick(mode.bar.buttons["next_paragraph"], Qt.MouseButton.LeftButton)
    assert window.view.current_index() == 1 and said[-1].startswith("Paragraph 2 of")
    qtbot.mouseClick(mode.bar.buttons["previous_paragraph"], Qt.MouseButton.LeftButton)
    assert window.view.current_index() == 0
    assert window.settings["simple_mode"]
    qtbot.mouseClick(mode.bar.back, Qt.MouseButton.LeftButton)
    assert not mode.bar.isVisible() and window.menuBar().isVisible() and window.toolbar.isVisible()
    assert not window.settings["simple_mode"]


def test_simple_mode_key_and_restart(make_window, qtbot):
    window = make_window()
    window.activateWindow()
    window.view.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(window.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    QApplication.processEvents()
    assert window.simple_mode.active
    window.close()
    again = make_window()
    qtbot.waitUntil(lambda: again.simple_mode.active)
    assert again.simple_mode.bar.isVisible() and not again.menuBar().isVisible()
    again.actions_by_id["simple_mode"].trigger()  # Ctrl+Shift+E again
    assert not again.simple_mode.active
