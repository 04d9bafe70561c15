"""Every dialog and message box fits its screen, at every interface size.

At 96 pt text the interface is 28 pt, and a dialog laid out for 14 pt grows past an 800×600 screen (the
voice dialog was ~1195 px wide): its buttons and fields were off-screen. Every dialog shown by the reader
passes through ``DialogFit`` (an application event filter) before it appears: long labels wrap, combo boxes
no longer widen to their longest entry, form rows put the field under its label when they are narrow, and
the dialog is kept inside the available area of the window's screen; a dialog whose fields are still too
tall scrolls (forms.scrolling_body), its buttons always in view.

An application filter, not one per dialog: dialogs have many parents (the window, the view, other dialogs,
Qt's own file and print dialogs), and only the application sees them all before their first show. Its cost
was measured: a PgDown at 96 pt passes 23 events through it, ~2 µs each (about 0.05 ms of a 2.7 ms step,
within the run-to-run noise of benchmarks/bench_paging.py); but a widget Python has not seen costs the binding
a wrapper each time, and the interface's font change sends one event to every widget: that delivery passes it
by (ui/app_filters.py).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLayout,
    QMenu,
    QMessageBox,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from . import app_filters

FRAME_ALLOWANCE = QSize(16, 48)  # a window manager's borders and title bar, before they are known
WANTED_SIZE, FITTED = "dialogFitWantedSize", "dialogFitShown"  # dynamic properties on a fitted dialog
log = logging.getLogger(__name__)
COMBO_CHARACTERS = 12  # a combo box is this many characters wide at least; its list shows whole entries


def available_area(widget: QWidget) -> QRect:
    """The available geometry of the screen the widget (or its parent window) is on."""
    parent = widget.parentWidget()
    anchor = parent.window() if parent is not None else widget
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _child_layouts(layout: QLayout) -> list[QLayout]:
    """The layouts nested in ``layout``. Spacers are passed over first: PySide once handed back a QSpacerItem
    from ``item.layout()`` (a wrapper of another type at a reused address), which then had no ``count``."""
    items = (layout.itemAt(i) for i in range(layout.count()))
    return [child for item in items
            if item is not None and item.spacerItem() is None and isinstance(child := item.layout(), QLayout)]


def _forms(layout: QLayout | None) -> Iterator[QFormLayout]:
    if layout is None:
        return
    if isinstance(layout, QFormLayout):
        yield layout
    for child in _child_layouts(layout):
        yield from _forms(child)


def wrapped(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` broken into lines no wider than ``width``: at spaces, or between any two characters of a
    run without spaces (Chinese)."""
    lines: list[str] = []
    line = ""
    for token in re.findall(r"\S+\s*|\s+", text) if " " in text else list(text):
        if line and metrics.horizontalAdvance((line + token).rstrip()) > width:
            lines.append(line.rstrip())
            line = token.lstrip() if " " in text else token
        else:
            line += token
    return "\n".join([*lines, line.rstrip()])


def let_contents_narrow(dialog: QWidget, limit: QSize) -> None:
    """Labels wrap, combo boxes stop widening to their longest entry, form fields go under their labels, and
    a check box or radio button wider than the screen breaks its text into lines (Qt cannot wrap them)."""
    for label in dialog.findChildren(QLabel):
        if label.text():
            label.setWordWrap(True)
    room = int(limit.width() * 0.8)
    for button in [*dialog.findChildren(QCheckBox), *dialog.findChildren(QRadioButton)]:
        if button.sizeHint().width() > room and "\n" not in button.text():
            if not button.accessibleName():
                button.setAccessibleName(button.text().replace("&", ""))
            button.setText(wrapped(button.text(), QFontMetrics(button.font()), room - 60))
    for combo in dialog.findChildren(QComboBox):
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_CHARACTERS)
    for layout in [dialog.layout(), *(w.layout() for w in dialog.findChildren(QWidget))]:
        for form in _forms(layout):
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)


def _button_row(dialog: QWidget) -> QWidget | QLayout | None:
    """The dialog's row of buttons: its QDialogButtonBox, or a last row of the top layout holding only buttons."""
    boxes = dialog.findChildren(QDialogButtonBox)
    if boxes:
        return boxes[-1]
    layout = dialog.layout()
    item = layout.itemAt(layout.count() - 1) if layout is not None and layout.count() else None
    last = item.layout() if item is not None else None
    if isinstance(last, QBoxLayout):
        items = (last.itemAt(i) for i in range(last.count()))
        widgets = [w for i in items if i is not None and (w := i.widget()) is not None]
        if widgets and all(isinstance(w, QAbstractButton) for w in widgets):
            return last
    return None


def scroll_when_too_large(dialog: QWidget, limit: QSize) -> bool:
    """A dialog still larger than ``limit``: its fields go into a scroll area, its buttons stay under it in
    view (stacked when they are wider than the screen). True when it was done."""
    layout = dialog.layout()
    if layout is None or dialog.findChild(QScrollArea, "dialogFitArea") is not None:
        return False
    need = layout.totalMinimumSize()
    if need.width() <= limit.width() and need.height() <= limit.height():
        return False
    focus = dialog.focusWidget()  # the field the dialog meant to start in; moving the fields loses it
    buttons = _button_row(dialog)
    if isinstance(buttons, QWidget):
        _remove_from(layout, buttons)
    elif buttons is not None:
        layout.removeItem(buttons)
    content = QWidget()
    content.setObjectName("dialogFitContent")
    content.setLayout(layout)  # the fields, as they were laid out, now inside the scroll area
    area = QScrollArea(dialog)
    area.setObjectName("dialogFitArea")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    outer = QVBoxLayout(dialog)
    outer.addWidget(area, 1)
    if isinstance(buttons, QDialogButtonBox):
        outer.addWidget(buttons)
        if buttons.sizeHint().width() > limit.width() - 24:
            buttons.setOrientation(Qt.Orientation.Vertical)
    elif isinstance(buttons, QBoxLayout):
        outer.addLayout(buttons)
        if buttons.sizeHint().width() > limit.width() - 24:
            buttons.setDirection(QBoxLayout.Direction.TopToBottom)
    if focus is not None:
        focus.setFocus()
    # As large as the fields want, within the screen (a scroll area alone would ask for a small corner).
    outer.activate()
    fields = content.sizeHint()
    chrome = outer.sizeHint() - area.sizeHint()
    scrollbar = area.verticalScrollBar().sizeHint().width()
    wanted = QSize(max(fields.width() + scrollbar, chrome.width()) + outer.contentsMargins().left() * 2,
                   fields.height() + chrome.height())
    dialog.setProperty(WANTED_SIZE, wanted)  # Qt's first show sizes a window to 2/3 of the screen at most
    dialog.resize(wanted.boundedTo(limit))
    return True


def _remove_from(layout: QLayout, widget: QWidget) -> None:
    """Take ``widget`` out of ``layout`` or the layout nested in it that holds it."""
    if layout.indexOf(widget) >= 0:
        layout.removeWidget(widget)
        return
    for child in _child_layouts(layout):
        _remove_from(child, widget)


def screen_limit(dialog: QWidget) -> QSize:
    """The largest size the dialog may have on its screen, its frame included."""
    area = available_area(dialog)
    frame = dialog.frameGeometry()
    extra = QSize(frame.width() - dialog.width(), frame.height() - dialog.height())
    if extra.isNull():  # not framed yet
        extra = FRAME_ALLOWANCE
    return QSize(area.width() - extra.width(), area.height() - extra.height())


def fit_to_screen(dialog: QWidget, move: bool = True) -> None:
    """Keep ``dialog`` inside its screen's available area, frame included (``move``: also move it inside;
    before its first show, Qt centres it over its window itself)."""
    area = available_area(dialog)
    limit = screen_limit(dialog)
    frame = dialog.frameGeometry()
    extra = QSize(frame.width() - dialog.width(), frame.height() - dialog.height())
    dialog.setMaximumSize(limit)
    wanted = dialog.property(WANTED_SIZE)
    size = (wanted if isinstance(wanted, QSize) and not dialog.property(FITTED) else dialog.size()).boundedTo(limit)
    size = size.expandedTo(dialog.minimumSizeHint().boundedTo(limit))
    if size != dialog.size():
        dialog.resize(size)
    if move:
        x = min(max(area.left(), frame.x()), area.right() + 1 - size.width() - extra.width())
        y = min(max(area.top(), frame.y()), area.bottom() + 1 - size.height() - extra.height())
        if (x, y) != (frame.x(), frame.y()):
            dialog.move(max(area.left(), x), max(area.top(), y))


MENU_MIN_PT = 12.0  # a menu's text steps down to fit its screen's width, never below this
MENU_READABLE_PT = 20.0  # a menu taller than its screen steps down to this at most, then scrolls (large-print floor)
MENU_SCROLLS_BEYOND = 1.15  # a menu this much taller than its screen scrolls well; one less tall gets smaller text
MENU_SCREEN_MARGIN = 4  # px Qt leaves at the screen's edges around a menu (its desktop frame, and some)
_MENU_FITTED = "menuFitConnected"  # dynamic property: the menu fits its text each time it is about to show


def fit_menu(menu: QMenu) -> None:
    """A menu wider or taller than its screen (at 96 pt in 800×600 the View menu's keys fell off the right and its
    last items off the bottom) takes a smaller font, two points at a time: for its width down to MENU_MIN_PT, for its
    height only down to MENU_READABLE_PT — the View menu fitted to 600 px came out at 12 pt, unreadable to whoever
    reads at 96 pt; one still too tall scrolls (ui/app_style.py), following the keyboard. Done as the menu is about
    to show, before Qt sizes and places it, each time from the interface size."""
    area = available_area(menu)
    menu.setFont(QFont())  # the interface size, inherited (an earlier opening may have made it smaller)
    font = QFont(menu.font())
    while font.pointSizeF() > MENU_MIN_PT and _needs_smaller(menu.sizeHint(), area, font.pointSizeF()):
        font.setPointSizeF(max(MENU_MIN_PT, font.pointSizeF() - 2))
        menu.setFont(font)


def _needs_smaller(size: QSize, area: QRect, points: float) -> bool:
    """Wider than the screen; or taller than it, while the text is above the readable floor — short enough that Qt
    need not scroll it is better, but not at any size — or while it is only a little taller: Qt's scrolling of a
    menu up to a few items taller than its screen left the last item cut off by the screen's edge (Up from the first
    item chose it unseen), of one much taller it shows every item."""
    too_tall = size.height() > _menu_height(area)
    scrolls = size.height() > area.height() * MENU_SCROLLS_BEYOND
    return size.width() > area.width() or (too_tall and (points > MENU_READABLE_PT or not scrolls))


def _menu_height(area: QRect) -> int:
    """The tallest a menu may be on a screen of ``area``."""
    return area.height() - 2 * MENU_SCREEN_MARGIN


def _fit_menus_as_they_show(menu: QMenu) -> None:
    """At a menu's Polish: fit it each time it is about to show, and now if it is showing (polished by its own popup,
    after aboutToShow). A window's menus are polished as the window is first shown, long before they open: fitting
    them then (sizing every item of eleven menus) was ~10 ms of the window's first paint."""
    if not menu.property(_MENU_FITTED):
        menu.setProperty(_MENU_FITTED, True)
        menu.aboutToShow.connect(lambda: fit_menu(menu))
        owner = menu.parentWidget()
        if owner is None or owner.window().isVisible():  # not a window's menu polished with the window
            fit_menu(menu)


class DialogFit(QObject):
    """Application event filter: each dialog is made to fit its screen as it is shown.

    One for the application, whatever the number of windows (``for_application``): each window installed one
    before, so with two windows open every event of the app went through two Python filters, and every dialog was
    fitted twice."""

    _shared: DialogFit | None = None

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        app_filters.install(self)

    @classmethod
    def for_application(cls) -> DialogFit:
        """The application's filter, made at the first call (it lives as long as the application)."""
        app = QApplication.instance()
        shared = cls._shared
        if shared is None or not shiboken6.isValid(shared) or shared.parent() is not app:
            shared = cls._shared = cls(app)
        return shared

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not isinstance(watched, QDialog):  # first: nearly every event is not a dialog's (event.type() costs more)
            if isinstance(watched, QMenu) and event.type() == QEvent.Type.Polish:
                _fit_menus_as_they_show(watched)
            return False
        kind = event.type()
        if kind in (QEvent.Type.Polish, QEvent.Type.Show) and watched.isWindow() \
                and watched.objectName() != "glossaryPopup":  # the note places itself beside its term
            if kind == QEvent.Type.Polish:  # before Qt sizes it for its first show
                limit = screen_limit(watched)
                try:
                    let_contents_narrow(watched, limit)
                    if not isinstance(watched, QMessageBox):  # Qt sizes message boxes to their screen itself
                        scroll_when_too_large(watched, limit)
                except (AttributeError, TypeError) as error:
                    # PySide once more handed back a layout item as a wrapper of another type (a reused address);
                    # a dialog left as Qt laid it out is better than one that cannot open.
                    log.warning("dialog %s not fitted to its screen: %s", watched.objectName(), error)
            else:  # sized before Qt centres it; once shown (and framed), moved inside if need be
                fit_to_screen(watched, move=False)
                watched.setProperty(FITTED, True)  # from now on the reader's own resizing counts
                QTimer.singleShot(0, watched, lambda: fit_to_screen(watched))
        return False
