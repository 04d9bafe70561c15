"""The control with the keyboard focus is ringed, thick, in the theme's focus colour (ui/focus_ring.py): Fusion's
own mark was a 1-px line in the pale highlight, which a low-vision reader moving with Tab could not find."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import QApplication, QDialog, QFocusFrame, QPushButton, QVBoxLayout, QWidget

from fenggang_reader.ui.focus_ring import FocusRing
from fenggang_reader.ui.themes import theme


def ring_of(app) -> FocusRing:
    return FocusRing.install(app)


def band_colours(ring: FocusRing) -> set[str]:
    """The colours in the middle of each side of the ring's band, as its window shows them (where the ring's
    parent clips it, the band is inside the control: sampled there)."""
    frame = ring.ring
    parent = frame.parentWidget()
    shown = frame.geometry().intersected(parent.rect())  # in the parent's coordinates
    band = frame.geometry().width() - ring.ringed().width()
    half = band // 4  # the middle of a band of band / 2 px
    top = frame.window()
    shot = top.grab().toImage()
    o = parent.mapTo(top, shown.topLeft())
    x0, y0, w, h = o.x(), o.y(), shown.width(), shown.height()
    points = [(x0 + w // 2, y0 + half), (x0 + w // 2, y0 + h - 1 - half), (x0 + half, y0 + h // 2),
              (x0 + w - 1 - half, y0 + h // 2)]
    return {QColor(shot.pixel(x, y)).name() for x, y in points}


def test_tab_to_a_control_rings_it_in_the_focus_colour_and_the_text_keeps_its_own_frame(window, app, qtbot):
    ring = ring_of(app)
    window.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    assert ring.ringed() is None, "the reader's text shows the current paragraph's frame, not the ring"

    focused: list[QWidget] = []
    for _ in range(40):  # Tab leaves the text once no note term is after the place (the end of the report)
        window.view.set_current_index(len(window.report.blocks) - 1)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.wait(20)
        widget = QApplication.focusWidget()
        if widget is not None and widget.window() is window and widget is not window.view:
            focused.append(widget)
            break
    assert focused, "Tab never left the text"
    control = focused[0]
    qtbot.waitUntil(lambda: ring.ringed() is control)
    width = ring.ring.geometry().width() - control.width()
    assert width >= 6, "a band of at least 3 px on each side"
    focus = theme(window.settings["theme"]).focus_ring
    assert band_colours(ring) == {focus}

    window.themes.choose("contrast-yellow-on-black")
    qtbot.wait(50)
    assert band_colours(ring) == {theme("contrast-yellow-on-black").focus_ring}


def test_a_dialogs_check_box_is_ringed_and_the_ring_outlives_the_dialog(window, app, qtbot):
    ring = ring_of(app)
    window.actions_by_id["export_audio"].trigger()
    dialog = window.exports.feature().audio_dialog
    qtbot.waitExposed(dialog)
    dialog.offline.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: ring.ringed() is dialog.offline)
    band = (ring.ring.width() - dialog.offline.width()) // 2
    assert band >= 3 and ring.ring.geometry() == dialog.offline.geometry().adjusted(-band, -band, band, band), \
        "in a form the ring is all outside the control: it hides nothing of it"
    assert band_colours(ring) == {theme(window.settings["theme"]).focus_ring}

    # Not in what a screen reader sees: the dialog's accessible children are its controls.
    tree = QAccessible.queryAccessibleInterface(dialog)
    children = [tree.child(i).object() for i in range(tree.childCount())]
    assert dialog.offline in children and not any(isinstance(c, QFocusFrame) for c in children)
    dialog.close()


def test_a_new_ring_follows_the_focus_after_the_dialog_that_held_it_is_deleted(window, app, qtbot):
    ring = ring_of(app)
    dialog = QDialog(window)
    button = QPushButton("OK", dialog)
    QVBoxLayout(dialog).addWidget(button)
    dialog.show()
    qtbot.waitExposed(dialog)
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: ring.ringed() is button)
    first = ring.ring
    dialog.deleteLater()  # Qt made the ring a child of the dialog: it goes with it
    qtbot.waitUntil(lambda: not shiboken6.isValid(first))

    window.activateWindow()
    control = window.toolbar_button("zoom_in")
    control.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: ring.ringed() is control)
    assert band_colours(ring) == {theme(window.settings["theme"]).focus_ring}
