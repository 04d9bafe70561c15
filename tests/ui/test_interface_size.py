"""The interface grows with the text: menus, toolbar, status bar, panels, bars and dialogs (issue 14, item 4)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton

from fenggang_reader.core.interface_size import CHOICES, FOLLOW_STEPS, interface_points, step_interface


def chrome_fonts(window) -> dict[str, float]:
    """The point size of every piece of chrome a reader sees."""
    fonts = {
        "menu bar": window.menuBar().font().pointSizeF(),
        "status bar": window.statusBar().font().pointSizeF(),
        "position label": window.position_label.font().pointSizeF(),
        "contents panel": window.contents.font().pointSizeF(),
        "contents title": window.contents_dock.font().pointSizeF(),
        "find field": window.find_bar.field.font().pointSizeF(),
        "find buttons": window.find_bar.next_button.font().pointSizeF(),
    }
    for menu_id, menu in window.menus.items():
        fonts[f"menu {menu_id}"] = menu.font().pointSizeF()
    for button in window.toolbar.findChildren(QToolButton):
        if button.defaultAction() is not None:
            fonts[f"button {button.objectName()}"] = button.font().pointSizeF()
    return fonts


def test_policy_follows_the_text_in_steps():
    sizes = [interface_points(pt) for pt in range(12, 97)]
    assert sizes == sorted(sizes), "a larger text never gets a smaller interface"
    assert all(interface_points(pt) >= 20 for pt in range(48, 97))
    assert interface_points(16) == 15 and interface_points(96) == FOLLOW_STEPS[-1][1]
    assert all(interface_points(pt) < pt for pt in range(20, 97)), "the text keeps more room than the chrome"
    assert interface_points(96, chosen=18) == 18, "the reader's own choice wins"
    assert step_interface(20, 1) == 24 and step_interface(20, -1) == 18
    assert step_interface(CHOICES[-1], 1) == CHOICES[-1] and step_interface(CHOICES[0], -1) == CHOICES[0]


@pytest.mark.parametrize("text_pt", [16, 48, 96])
def test_chrome_follows_the_text_size(window, text_pt):
    window.set_font_size(text_pt)
    expected = interface_points(text_pt)
    fonts = chrome_fonts(window)
    assert min(fonts.values()) >= expected, {k: v for k, v in fonts.items() if v < expected}
    if text_pt >= 48:
        assert min(fonts.values()) >= 20
    assert window.view.document().defaultFont().pointSize() == text_pt, "the report keeps its own size"


def test_every_way_of_changing_the_text_resizes_the_chrome(window, qtbot):
    window.set_font_size(28)
    window.view.set_font_size(72)  # Ctrl+wheel goes to the view itself
    assert window.menuBar().font().pointSizeF() == interface_points(72)
    window.settings.set("interface_size", 32)
    assert window.statusBar().font().pointSizeF() == 32
    assert window.view.document().defaultFont().pointSize() == 72


def test_message_boxes_and_dialogs_are_at_least_the_interface_size(window, qtbot):
    window.set_font_size(64)
    box = QMessageBox(QMessageBox.Icon.Information, "t", "text", QMessageBox.StandardButton.Ok, window)
    qtbot.addWidget(box)
    assert box.font().pointSizeF() >= interface_points(64)
    window.actions_by_id["spacing"].trigger()
    dialog = window.comfort.dialog
    assert dialog is not None and dialog.font().pointSizeF() >= interface_points(64)
    dialog.close()


def test_interface_size_menu_entries(window):
    a = window.actions_by_id
    assert a["interface_follow"].isChecked()
    window.set_font_size(48)
    a["interface_larger"].trigger()
    assert window.settings["interface_size"] == 24 and not a["interface_follow"].isChecked()
    assert QApplication.font().pointSizeF() == 24
    a["interface_smaller"].trigger()
    a["interface_smaller"].trigger()
    assert window.settings["interface_size"] == 18
    a["interface_follow"].trigger()
    assert window.settings["interface_size"] == 0 and a["interface_follow"].isChecked()
    assert QApplication.font().pointSizeF() == 20


def test_large_toolbar_stays_larger_than_the_interface(window):
    window.actions_by_id["large_toolbar"].setChecked(True)
    window.set_font_size(96)
    button = window.toolbar.findChild(QToolButton, "button_zoom_in")
    assert button.font().pointSizeF() >= 1.4 * interface_points(96)
    window.actions_by_id["large_toolbar"].setChecked(False)
    assert button.font().pointSizeF() == interface_points(96)


@pytest.mark.early
def test_no_dialog_text_smaller_than_the_interface_size(make_window):
    from PySide6.QtWidgets import QWidget

    from tests.support.shipped import shipped_excerpt
    from tests.ui.test_i18n import close_all, open_dialogs

    window = make_window(shipped_excerpt)  # the dialogs are the same for any document (the print preview's pages fewer)
    window.settings.set("interface_size", 32)  # larger than the 28 pt text: the dialogs must not drop to it
    dialogs = open_dialogs(window)
    small = {}
    for dialog in dialogs:
        for child in (dialog, *dialog.findChildren(QWidget)):
            if child.isVisible() and child.font().pointSizeF() < 32:
                small[f"{dialog.objectName()}/{child.objectName() or type(child).__name__}"] = child.font().pointSizeF()
    close_all(dialogs)
    assert len(dialogs) >= 8 and not small, small


def test_the_apps_filters_pass_by_the_font_change_and_are_back_after(window):
    """Qt sends the new interface font to every widget at once; the app's Python filters (ui/app_filters.py) wait for
    no such event, and each doubled what that delivery cost: they are passed by, and back for whatever follows (a
    dialog shown after the change is still fitted to its screen)."""
    from PySide6.QtCore import QEvent, QObject

    from fenggang_reader.ui import app_filters
    from fenggang_reader.ui.dialog_fit import DialogFit

    seen: list[QEvent.Type] = []

    class Watcher(QObject):
        def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt override
            seen.append(event.type())
            return False

    watcher = Watcher(window)
    app_filters.install(watcher)
    try:
        window.set_font_size(20)
        seen.clear()
        window.set_font_size(28)  # the interface 15 -> 16 pt
        assert QApplication.font().pointSizeF() == interface_points(28) != interface_points(20)
        assert window.menuBar().font().pointSizeF() == interface_points(28)
        assert QEvent.Type.FontChange not in seen
        assert seen.count(QEvent.Type.ApplicationFontChange) <= 1, "only the application's own, as Qt sets the font"
        QApplication.sendEvent(window, QEvent(QEvent.Type.User))
        assert QEvent.Type.User in seen, "the filter is back on the application"
        assert DialogFit.for_application() in app_filters.installed()
    finally:
        app_filters.remove(watcher)


def test_what_draws_no_text_keeps_out_of_the_font_change(window):
    """The heading markers (hundreds in a long document) and the contents' hidden header draw no text: a size of their
    own spares them the interface's font changes; the contents panel itself, hidden or not, follows the interface."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    from fenggang_reader.ui.accessibility import HeadingMarker

    changed: list[QWidget] = []

    class Watcher(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.FontChange:
                changed.append(watched)
            return False

    watcher = Watcher(window)
    markers = window.view.findChildren(HeadingMarker)
    for widget in (*markers, window.contents.header(), window.contents):
        widget.installEventFilter(watcher)
    window.set_font_size(72)
    assert markers and not [w for w in changed if isinstance(w, HeadingMarker)]
    assert window.contents.header() not in changed
    assert window.contents in changed and window.contents.font().pointSizeF() == interface_points(72)
