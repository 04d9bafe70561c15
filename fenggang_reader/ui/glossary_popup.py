"""The glossary popup: one note in large print with the same pinyin ruby as the body, and where it is used.

A frameless, non-modal top-level dialog beside the term. It reuses ReaderView on a one-block report
holding the note's own block (same id, same text), so pinyin, corrections and size match the body
exactly. Screen readers see a dialog named after the term whose description is the explanation.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.glossary import Glossary, LinkSpan
from ..core.model import Note, Report
from ..core.pinyin import Annotator, PinyinStyle
from .reader_view import ReaderView
from .themes import Theme, palette_for

READ_KEYS = ("R", "Shift+N")  # Shift+N is also the window's "read the note aloud"
MAX_WINDOW_SHARE = 0.5  # a note takes at most about half the window's height
GAP = 6  # between the term's line and the popup
MIN_HEIGHT = 120
NOTE_SIDE_PX = 20.0  # the note's text margin inside the popup's frame (a wide syllable overhangs its character)
ONE_ROW, TWO_ROWS, BESIDE = "one row", "two rows", "beside"  # where the fold and the buttons go (fit)


def _t(text: str) -> str:
    return QCoreApplication.translate("GlossaryPopup", text)


def short_heading(text: str, limit: int = 10) -> str:
    """"三、坚持改革开放、挖潜扩能，…" → "三、坚持改革开放": the numbering and the first phrase."""
    head, sep, rest = text.partition("、")
    if sep and len(head) <= 2:
        for i, ch in enumerate(rest):
            if ch in "，、；：":
                rest = rest[:i]
                break
        text = f"{head}、{rest}"
    return text if len(text) <= limit else text[: limit - 1] + "…"


class NoteView(ReaderView):
    """The note's block in a ReaderView, without the current-paragraph tint and ring (the popup's frame is it)."""

    def __init__(self, report: Report, annotator: Annotator, parent: QWidget | None = None):
        super().__init__(report, annotator, parent)
        self.setObjectName("glossaryNoteText")
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def set_theme(self, t: Theme) -> None:
        super().set_theme(dataclasses.replace(t, current_tint=t.background, focus_ring=t.background))

    def _apply_metrics(self) -> None:
        """As the body, with narrow sides: the popup's frame is the margin, and at 48–96 pt the body's side
        margins would take a character from every line of the note."""
        super()._apply_metrics()
        frame = self.document().rootFrame().frameFormat()
        frame.setLeftMargin(min(frame.leftMargin(), NOTE_SIDE_PX))
        frame.setRightMargin(min(frame.rightMargin(), NOTE_SIDE_PX))
        self.document().rootFrame().setFrameFormat(frame)

    def height_for_width(self, width: int) -> int:
        """Height that shows the whole note at this width (its pinyin band included)."""
        doc = self.document()
        doc.setTextWidth(width)
        return int(doc.documentLayout().documentSize().height() + 2)


class GlossaryPopup(QDialog):
    """Shows one note; Esc closes, R reads it aloud, Enter on a use goes there."""

    read_requested = Signal(int)  # note number
    use_requested = Signal(object)  # LinkSpan
    closed = Signal(bool)  # True when the popup had keyboard focus (so focus goes back to the term)

    def __init__(self, glossary: Glossary, note: Note, annotator: Annotator, parent: QWidget | None = None,
                 focusable: bool = True):
        # Opened by keyboard or click: a frameless dialog that takes the keyboard. Opened by a resting
        # mouse: a tooltip-type window, which never takes the keyboard from the text (nor does the window
        # manager move or decorate it). Both are QDialogs, so screen readers see a dialog.
        kind = Qt.WindowType.Dialog if focusable else Qt.WindowType.ToolTip
        super().__init__(parent, kind | Qt.WindowType.FramelessWindowHint)
        self.focusable = focusable
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not focusable)
        self.setObjectName("glossaryPopup")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(False)
        self.glossary = glossary
        self.note = note
        self._had_focus = False
        report = glossary.report
        block = report.block(note.block_id)
        self.view = NoteView(Report([block]), annotator, self)
        self.view.setAccessibleName(note.label)
        self.view.setAccessibleDescription(note.explanation)
        self._bold_term(block.text)

        self.title = f"{_t('Note')} {note.number}: {note.label}"
        self.setWindowTitle(self.title)
        self.setAccessibleName(note.label)
        self.setAccessibleDescription(note.explanation)

        self.box = layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(8)
        # The note, and beside it the controls when the window is too low for them below (see fit).
        self.body = QHBoxLayout()
        self.body.setSpacing(8)
        self.body.addWidget(self.view, 1)
        self.side = QVBoxLayout()
        self.side.setSpacing(8)
        self.body.addLayout(self.side)
        layout.addLayout(self.body, 1)

        # The places the term is used come folded: the explanation is what the reader opened the note for.
        self.uses = self.glossary.uses(note.number)
        self.uses_toggle = QPushButton(self)
        self.uses_toggle.setObjectName("glossaryUsesToggle")
        self.uses_toggle.setCheckable(True)
        self.uses_toggle.setAutoDefault(False)
        self.uses_toggle.setMinimumHeight(48)
        self.uses_toggle.setAccessibleDescription(_t("Shows or hides the list of places; Enter on a place goes there."))
        self.uses_list = QListWidget(self)
        self.uses_list.setObjectName("glossaryUses")
        self.uses_list.setAccessibleName(_t("Places where this term is used"))
        hint = _t("Enter goes there; Alt+Left comes back.")
        self.uses_list.setAccessibleDescription(hint)
        self.uses_list.setToolTip(hint)
        self.uses_list.setWordWrap(True)
        for i, use in enumerate(self.uses, start=1):
            item = QListWidgetItem(self.use_label(i, use), self.uses_list)
            item.setData(Qt.ItemDataRole.UserRole, i - 1)
        self.uses_list.hide()
        if self.uses:
            self.uses_list.setCurrentRow(0)
        else:
            self.uses_toggle.hide()
        self._label_toggle(False)
        self.uses_toggle.toggled.connect(self.show_uses)
        self.uses_list.itemActivated.connect(self._use_activated)
        self._bounds: tuple[int, int] | None = None  # (width, max height) of the last fit, to refit on unfolding

        self.read_button = QPushButton(_t("Read aloud (R)"), self)
        self.read_button.setObjectName("glossaryRead")
        self.read_button.clicked.connect(self.read_aloud)
        self.close_button = QPushButton(_t("Close (Esc)"), self)
        self.close_button.setObjectName("glossaryClose")
        self.close_button.clicked.connect(self.reject)
        for button in (self.read_button, self.close_button):
            button.setAutoDefault(False)
            button.setMinimumHeight(48)
        # The fold and the buttons share one row when it is wide enough, or stand beside the note when the
        # window is low (every line of the explanation counts at 48–96 pt).
        self.controls = QGridLayout()
        self.controls.setColumnStretch(1, 1)
        layout.addLayout(self.controls)
        layout.addWidget(self.uses_list)
        self.arrangement = ONE_ROW
        self._arrange_controls(ONE_ROW)

        read = QAction(_t("Read the note aloud"), self)
        read.setShortcuts([QKeySequence(k) for k in READ_KEYS])
        read.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        read.triggered.connect(self.read_aloud)
        self.addAction(read)
        self.window_actions: list[QAction] = []
        self.setTabOrder(self.view, self.uses_toggle)
        self.setTabOrder(self.uses_toggle, self.uses_list)
        self.setTabOrder(self.uses_list, self.read_button)
        self.setTabOrder(self.read_button, self.close_button)

    def add_window_action(self, action: QAction) -> None:
        """Make one of the main window's actions (Alt+Right, Alt+Left…) work while the popup has the keyboard."""
        local = QAction(action.text(), self)
        local.setShortcuts(action.shortcuts())
        local.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        local.triggered.connect(action.trigger)
        self.addAction(local)
        self.window_actions.append(local)

    # -- content -------------------------------------------------------------------------------
    def _bold_term(self, text: str) -> None:
        """The number and term in bold, so the eye finds where the explanation starts."""
        end = text.find(self.note.term)
        end = end + len(self.note.term) if end != -1 else 0
        if end:
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            cursor = QTextCursor(self.view.document())
            cursor.setPosition(0)
            cursor.setPosition(self.view.document_span(0, 0, end)[1], QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)

    def use_label(self, number: int, use: LinkSpan) -> str:
        """"2. 六、深化平安建设：…守住“五个不发生”底线。" — the section, short, then the words around the term."""
        context = self.glossary.context(use, 8, 6)
        section = self.glossary.section_of(use.block_id)
        where = short_heading(section.text) if section is not None else ""
        return f"{number}. {where}：{context}" if where else f"{number}. {context}"

    def text(self) -> str:
        return self.view.toPlainText()

    def _arrange_controls(self, arrangement: str) -> None:
        self.arrangement = arrangement
        controls = (self.uses_toggle, self.read_button, self.close_button)
        for widget in controls:
            self.controls.removeWidget(widget)
            self.side.removeWidget(widget)
        while self.side.count():  # the stretch under the buttons beside the note
            self.side.takeAt(0)
        if arrangement == BESIDE:
            for widget in controls:
                self.side.addWidget(widget)
            self.side.addStretch(1)
        elif arrangement == ONE_ROW:
            self.controls.addWidget(self.uses_toggle, 0, 0)
            self.controls.addWidget(self.read_button, 0, 2)
            self.controls.addWidget(self.close_button, 0, 3)
        else:
            self.controls.addWidget(self.uses_toggle, 0, 0, 1, 4)
            self.controls.addWidget(self.read_button, 1, 0)
            self.controls.addWidget(self.close_button, 1, 3)

    def _buttons(self) -> list[QPushButton]:
        return [self.read_button, self.close_button] + ([self.uses_toggle] if self.uses else [])

    def _controls_fit_one_row(self, inner: int) -> bool:
        return sum(b.sizeHint().width() for b in self._buttons()) + self.controls.spacing() * 3 <= inner

    def _explanation_lines_height(self, width: int, count: int) -> int:
        """Height that shows ``count`` whole lines of the explanation (ruby included) at this text width."""
        doc = self.view.document()
        doc.setTextWidth(width)
        doc.documentLayout().documentSize()  # lays the note out
        geometry = self.view.line_geometry
        first = geometry.line_at(0, self._explanation_start())
        last = geometry.line(0, first.line + count - 1)  # clamped to the note's last line
        return int(last.bottom - first.top + 4)

    def _explanation_start(self) -> int:
        return max(0, self.text().find(self.note.explanation[:6])) if self.note.explanation else 0

    def show_explanation(self) -> None:
        """Scroll the note so its first line shows the explanation (the term is beside the popup, ringed)."""
        start = self._explanation_start()
        if start > 0:  # the line's top is the top of its pinyin
            self.view.verticalScrollBar().setValue(int(self.view.line_geometry.line_at(0, start).top - 2))

    def _label_toggle(self, shown: bool) -> None:
        count = len(self.uses)
        text = (_t("Used in %1 places") if count != 1 else _t("Used in 1 place")).replace("%1", str(count))
        self.uses_toggle.setText(("▾ " if shown else "▸ ") + text)
        self.uses_toggle.setAccessibleName(text)

    def show_uses(self, shown: bool) -> None:
        """Unfold (or fold) the list of places the term is used; the popup grows within its bounds."""
        if self.uses_toggle.isChecked() != shown:
            self.uses_toggle.setChecked(shown)  # comes back here through toggled
            return
        self._label_toggle(shown)
        self.uses_list.setVisible(shown)
        if self._bounds is not None:
            top, bottom = self.geometry().top(), self.geometry().bottom()
            self.fit(*self._bounds)
            if self.property("placed_above"):  # grow upwards: the term below stays uncovered
                self.move(self.x(), bottom - self.height() + 1)
            else:
                self.move(self.x(), top)
        if shown:
            self.uses_list.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- appearance ----------------------------------------------------------------------------
    def apply_look(self, t: Theme, font_pt: int, pinyin_visible: bool, pinyin_style: PinyinStyle,
                   body: ReaderView | None = None) -> None:
        """Match the reader: the same text size (never smaller), theme, pinyin on/off and style, and
        (from `body`) the same characters (Simplified/Traditional) and romanisation (pinyin/Jyutping)."""
        self.view.set_font_size(font_pt)
        self.view.set_pinyin_style(pinyin_style)
        self.view.set_pinyin_visible(pinyin_visible)
        if body is not None:
            self.view.set_ruby_annotator(body.ruby_annotator())
            self.view.set_display_transform(body.display_text)
        # The controls at the interface size (the application font, ui/interface_size.py), never smaller.
        control = QFont(QApplication.font())
        for widget in (self.uses_toggle, self.uses_list, self.read_button, self.close_button):
            widget.setFont(control)
        # Colours by palette and a painted frame: a style sheet here would re-polish the note view and
        # drop the theme's text colour from it.
        pal = palette_for(t)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            pal.setColor(group, QPalette.ColorRole.Window, QColor(t.background))
            pal.setColor(group, QPalette.ColorRole.WindowText, QColor(t.text))
        self.setPalette(pal)
        self.setAutoFillBackground(True)
        self.view.set_theme(t)  # after the dialog's palette, which children inherit
        self._frame = (QColor(t.focus_ring), max(3, min(8, round(font_pt / 8))))
        margin = self._frame[1] + 3  # inside the frame; every pixel of height goes to the explanation
        self.box.setContentsMargins(margin + 6, margin, margin + 6, margin)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        colour, width = getattr(self, "_frame", (self.palette().color(QPalette.ColorRole.WindowText), 3))
        painter = QPainter(self)
        painter.setPen(QPen(colour, width))
        half = width / 2
        painter.drawRect(QRectF(self.rect()).adjusted(half, half, -half, -half))
        painter.end()

    def fit(self, width: int, max_height: int) -> None:
        """Size the popup to show the whole note at `width`, at most `max_height` tall (the note then scrolls).
        The explanation has the room first: when the controls below would leave it fewer than two lines, they
        stand beside it. An unfolded list of uses gets what the note leaves, at least two places' worth."""
        self._bounds = (width, max_height)
        self.setMinimumHeight(0)
        self.setMaximumHeight(16777215)
        layout = self.box
        margins = layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        button_height = self.read_button.sizeHint().height()
        list_need = list_least = 0
        if self.uses_list.isVisibleTo(self):
            fm = QFontMetricsF(self.uses_list.font())
            per_line = max(1, int((inner - 24) / max(1.0, fm.horizontalAdvance("中"))))
            lines = sum(-(-len(self.uses_list.item(i).text()) // per_line) for i in range(len(self.uses)))
            list_need = int(lines * fm.lineSpacing() + 6 * len(self.uses) + 8)
            list_least = min(list_need, int(fm.lineSpacing() * 2.3 * min(2, len(self.uses)) + 8))
        listed = layout.spacing() + list_least if list_least else 0
        frame = margins.top() + margins.bottom() + listed
        arrangement = ONE_ROW if self._controls_fit_one_row(inner) else TWO_ROWS
        below = button_height + layout.spacing()
        if arrangement == TWO_ROWS and self.uses:
            below += self.uses_toggle.sizeHint().height() + self.controls.spacing()
        text_width = inner
        wanted = min(self.view.height_for_width(inner), self._explanation_lines_height(inner, 2))
        column = max(b.sizeHint().width() for b in self._buttons()) + self.body.spacing()
        em = QFontMetricsF(self.view.body_font()).horizontalAdvance("中") * self.view.cjk_spacing_percent / 100
        if max_height - frame - below < wanted and inner - column >= 2 * em:
            arrangement, below, text_width = BESIDE, 0, inner - column
        self._arrange_controls(arrangement)
        fixed = frame + below
        text_need = self.view.height_for_width(text_width)
        line = min(text_need, self._explanation_lines_height(text_width, 1))
        side_height = len(self._buttons()) * (button_height + self.side.spacing()) if arrangement == BESIDE else 0
        text_h = max(line, min(text_need, max(side_height, max_height - fixed)))
        text_h = min(text_h, max(MIN_HEIGHT // 2, max_height - fixed))  # the controls never overlap the note
        self.view.setFixedHeight(text_h)
        if self.uses_list.isVisibleTo(self):
            self.uses_list.setFixedHeight(max(list_least, min(list_need, max_height - fixed - text_h)))
        self.setFixedWidth(width)
        self.adjustSize()
        if self.height() > max_height:  # the least that shows anything: the note scrolls
            self.setFixedHeight(max_height)
        if text_h < text_need:
            QTimer.singleShot(0, self, self.show_explanation)  # once the note is laid out at its new height

    def place_beside(self, term: QRect, bounds: QRect, width: int) -> None:
        """Below the term's line, or above it when there is more room there; never over the term.

        ``term`` includes the pinyin above it; ``bounds`` is the reader's window on the screen. The note
        takes at most about half the window and whatever room that side has."""
        share = int(bounds.height() * MAX_WINDOW_SHARE)
        below = bounds.bottom() - term.bottom() - GAP
        above = term.top() - bounds.top() - GAP
        self.fit(width, share)
        need = self.height()
        place_above = need > below and (need <= above or above > below)
        self.fit(width, max(MIN_HEIGHT, min(share, above if place_above else below)))
        x = min(max(bounds.left(), term.left() - 20), bounds.right() - self.width() + 1)
        y = term.top() - GAP - self.height() if place_above else term.bottom() + GAP + 1
        self.setProperty("placed_above", place_above)
        # A term taller than the window leaves no room on either side: stay inside the window regardless.
        y = max(bounds.top(), min(y, bounds.bottom() - self.height() + 1))
        self.move(QPoint(max(bounds.left(), x), y))

    def place_near(self, term_rect: QRect) -> None:
        """Beside ``term_rect`` on its screen (no window to keep to)."""
        screen = QGuiApplication.screenAt(term_rect.center()) or QGuiApplication.primaryScreen()
        self.place_beside(term_rect, screen.availableGeometry(), self.width())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return super().sizeHint().expandedTo(QSize(320, 160))

    # -- behaviour -----------------------------------------------------------------------------
    def open_popup(self) -> None:
        """Show; a focusable popup takes the keyboard (its note text first), a hover popup leaves it."""
        self.show()
        if self.focusable:
            self._had_focus = True
            self.activateWindow()
            self.view.setFocus(Qt.FocusReason.PopupFocusReason)

    @property
    def opened_by_hover(self) -> bool:
        return not self.focusable

    def read_aloud(self) -> None:
        self.read_requested.emit(self.note.number)

    def _use_activated(self, item: QListWidgetItem) -> None:
        self.use_requested.emit(self.uses[int(item.data(Qt.ItemDataRole.UserRole))])

    def done(self, result: int) -> None:
        had_focus = self.focusable and (self._had_focus or self.isActiveWindow())
        super().done(result)
        self.closed.emit(had_focus)
