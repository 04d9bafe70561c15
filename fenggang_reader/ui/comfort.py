"""Reading comfort: line, character and paragraph spacing; a focus mode that dims all but the current
paragraph or line (a reading ruler); extra-large toolbar buttons with text labels.

Settings: line_spacing, character_spacing, paragraph_spacing (percent), focus_mode, large_toolbar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QRegion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.settings import SETTINGS
from .forms import form_row, large_print
from .i18n import QT_TRANSLATE_NOOP as _N

if TYPE_CHECKING:
    from .interface_size import InterfaceSize
    from .main_window import MainWindow
    from .reader_view import ReaderView

FOCUS_MODES = ("off", "paragraph", "line")
SPACING_SETTINGS = ("line_spacing", "character_spacing", "paragraph_spacing")
DIM_ALPHA = 0.72  # how much of the theme background covers the text outside the focus
LARGE_BUTTON_PX = 72
LARGE_BUTTON_PT = 22
LARGE_BUTTON_RATIO = 1.4
NORMAL_BUTTON_PX = 48


def _t(text: str) -> str:
    return QCoreApplication.translate("Comfort", text)


def apply_spacing(window: MainWindow) -> None:
    s = window.settings
    window.view.set_spacing(line=s["line_spacing"], characters=s["character_spacing"],
                            paragraphs=s["paragraph_spacing"] / 100.0)


# -- focus mode ---------------------------------------------------------------------------------------
class FocusOverlay(QWidget):
    """Covers the viewport with the background colour, except the current paragraph (or line)."""

    def __init__(self, view: ReaderView):
        super().__init__(view.viewport())
        self.view = view
        self.mode = "off"
        self.position: int | None = None  # offset in the current block that picks the line (speech, caret)
        self.setObjectName("focusOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.refresh)
        view.verticalScrollBar().valueChanged.connect(self._timer.start)
        view.current_block_changed.connect(self._current_changed)
        view.document().documentLayout().documentSizeChanged.connect(self._timer.start)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self._timer.start()
        return False

    def _current_changed(self, _block_id: str) -> None:
        self.position = None
        self._timer.start()

    def set_mode(self, mode: str) -> None:
        self.mode = mode if mode in FOCUS_MODES else "off"
        self.refresh()

    def follow(self, block_id: str, offset: int) -> None:
        """The line being read (from the read-aloud highlight) is the one in focus."""
        if self.view.current_block().id == block_id:
            self.position = offset
            self._timer.start()

    def focus_rect(self) -> QRect:
        """The part left bright, in viewport coordinates."""
        view = self.view
        index = view.current_index()
        rect = view.block_rect(index).adjusted(-6, -2, 6, 4)
        if self.mode != "line":
            return rect
        offset = self.position
        if offset is None:
            caret = view.textCursor()
            offset = view.text_place(caret.position())[1] if caret.blockNumber() == index else 0
        box = view.line_geometry.line_at(index, max(0, offset))  # the line with its ruby (ui/text_geometry.py)
        y = int(box.top - view.verticalScrollBar().value())
        return QRect(rect.left(), y - 2, rect.width(), int(box.height) + 6)

    def refresh(self) -> None:
        if self.mode == "off":
            self.hide()
            return
        self.setGeometry(self.view.viewport().rect())
        self.show()
        self.raise_()
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        colour = QColor(self.view.current_theme().background)
        colour.setAlphaF(DIM_ALPHA)
        painter = QPainter(self)
        painter.setClipRegion(QRegion(self.rect()).subtracted(QRegion(self.focus_rect())))
        painter.fillRect(self.rect(), colour)
        painter.end()


# -- spacing dialog -----------------------------------------------------------------------------------
_SPACING_FIELDS = (
    ("line_spacing", _N("Comfort", "Line spacing"),
     _N("Comfort", "Height of each line, with room for the pinyin (%1 to %2 %).")),
    ("character_spacing", _N("Comfort", "Character spacing"),
     _N("Comfort", "Width given to each Chinese character (%1 to %2 %).")),
    ("paragraph_spacing", _N("Comfort", "Paragraph spacing"),
     _N("Comfort", "Space after each paragraph, in percent of a line (%1 to %2 %).")),
)


class SpacingDialog(QDialog):
    """Three large, named number fields; changes show at once and are remembered."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window_ = window
        self.setObjectName("spacingDialog")
        self.setWindowTitle(_t("Text spacing"))
        self.setAccessibleName(_t("Text spacing"))
        large_print(self)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        by_name = {s.name: s for s in SETTINGS}
        self.fields: dict[str, QSpinBox] = {}
        for name, label, help_text in _SPACING_FIELDS:
            setting = by_name[name]
            box = QSpinBox(self)
            box.setObjectName(name)
            box.setRange(int(setting.minimum or 0), int(setting.maximum or 400))
            box.setSingleStep(5 if name != "character_spacing" else 2)
            box.setSuffix(" %")
            box.setValue(window.settings[name])
            box.setMinimumHeight(52)
            form_row(form, _t(label) + ":", box, _t(help_text).replace("%1", str(box.minimum()))
                     .replace("%2", str(box.maximum())))
            box.valueChanged.connect(lambda value, n=name: self._changed(n, value))
            self.fields[name] = box
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.RestoreDefaults
                                   | QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(_t("Close"))
        reset = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        reset.setAccessibleName(_t("Restore the normal spacing"))
        reset.clicked.connect(self.restore_defaults)
        layout.addWidget(buttons)

    def _changed(self, name: str, value: int) -> None:
        self.window_.settings.set(name, value)  # the view follows the setting (Comfort._setting_changed)

    def restore_defaults(self) -> None:
        by_name = {s.name: s for s in SETTINGS}
        for name, box in self.fields.items():
            box.setValue(by_name[name].default)
        self.window_.announce(_t("Normal spacing"))


# -- large buttons ------------------------------------------------------------------------------------
def set_large_toolbar(window: MainWindow, large: bool, points: float) -> None:
    """Extra-large toolbar buttons (72 px, text 1.4× the interface size ``points``, at least 22 pt) or the usual
    ones (48 px, at the interface size: the application font, ui/interface_size.py); both ≥ 44 px."""
    side = LARGE_BUTTON_PX if large else NORMAL_BUTTON_PX
    font = QFont() if not large else QFont(QApplication.font())  # QFont(): no size of its own, follows the app
    if large:
        font.setPointSizeF(max(LARGE_BUTTON_PT, points * LARGE_BUTTON_RATIO))
    window.toolbar.setFont(font)
    window.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for button in window.toolbar.findChildren(QToolButton):
        if button.defaultAction() is not None:
            button.setMinimumSize(side, side)
            button.setFont(font)


# -- the feature --------------------------------------------------------------------------------------------
class Comfort(QObject):
    """Spacing, focus mode and large buttons for one window (``window.comfort``)."""

    def __init__(self, window: MainWindow, interface_size: InterfaceSize):
        super().__init__(window)
        self.window = window
        self.interface_size = interface_size
        self.overlay = FocusOverlay(window.view)
        self.overlay.set_mode(window.settings["focus_mode"])
        self.dialog: SpacingDialog | None = None
        window.settings.subscribe(self._setting_changed)
        apply_spacing(window)
        a = window.actions_by_id
        a["spacing"].triggered.connect(self.open_spacing)
        a["cycle_focus_mode"].triggered.connect(self.cycle_focus_mode)
        large = a["large_toolbar"]
        large.setChecked(window.settings["large_toolbar"])
        large.toggled.connect(self.toggle_large_toolbar)
        self.fit_interface()

    def fit_interface(self, *_points: int) -> None:
        """The toolbar's buttons at the interface size (large buttons grow with it)."""
        set_large_toolbar(self.window, self.window.settings["large_toolbar"], self.interface_size.points())

    def _setting_changed(self, name: str, _value: object) -> None:
        if name == "theme":
            self.overlay.update()
        elif name in SPACING_SETTINGS:
            apply_spacing(self.window)

    def follow_speech(self, block_id: str, start: int, *_rest: object) -> None:
        """Focus on the line being read (read aloud's highlight: block, start, end, word start, word end)."""
        self.overlay.follow(block_id, start)

    def cycle_focus_mode(self) -> None:
        mode = FOCUS_MODES[(FOCUS_MODES.index(self.overlay.mode) + 1) % len(FOCUS_MODES)]
        self.overlay.set_mode(mode)
        self.window.settings.set("focus_mode", mode)
        self.window.announce({"off": _t("Focus mode off"), "paragraph": _t("Focus on the current paragraph"),
                              "line": _t("Focus on the current line")}[mode])

    def toggle_large_toolbar(self, large: bool) -> None:
        set_large_toolbar(self.window, large, self.interface_size.points())
        self.window.settings.set("large_toolbar", large)
        self.window.announce(_t("Large buttons") if large else _t("Normal buttons"))

    def open_spacing(self) -> SpacingDialog:
        dialog = SpacingDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog
