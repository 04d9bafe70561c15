"""The glossary popup: one note in large print with the same pinyin ruby as the body, and where it is used.

A frameless, non-modal top-level dialog beside the term. It reuses ReaderView on a one-block report
holding the note's own block (same id, same text), so pinyin, corrections and size match the body
exactly. Screen readers see a dialog named after the term whose description is the explanation.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QRectF, QSize, Qt, Signal
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
    QDialog,
    QHBoxLayout,
    QLabel,
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
CONTROL_RATIO, CONTROL_MAX_PT = 0.75, 28.0  # buttons and the uses list follow the text size, up to a point


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
        self.view.setAccessibleName(note.term)
        self.view.setAccessibleDescription(note.explanation)
        self._bold_term(block.text)

        self.title = f"{_t('Note')} {note.number}: {note.term}"
        self.setWindowTitle(self.title)
        self.setAccessibleName(note.term)
        self.setAccessibleDescription(note.explanation)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(8)
        layout.addWidget(self.view, 1)

        self.uses = self.glossary.uses(note.number)
        self.uses_label = QLabel(_t("Used at:"), self)
        self.uses_list = QListWidget(self)
        self.uses_list.setObjectName("glossaryUses")
        self.uses_list.setAccessibleName(_t("Places where this term is used"))
        hint = _t("Enter goes there; Alt+Left comes back.")
        self.uses_list.setAccessibleDescription(hint)
        self.uses_list.setToolTip(hint)
        self.uses_list.setWordWrap(True)
        self.uses_label.setBuddy(self.uses_list)
        for i, use in enumerate(self.uses, start=1):
            item = QListWidgetItem(self.use_label(i, use), self.uses_list)
            item.setData(Qt.ItemDataRole.UserRole, i - 1)
        if self.uses:
            self.uses_list.setCurrentRow(0)
            layout.addWidget(self.uses_label)
            layout.addWidget(self.uses_list)
        else:
            self.uses_label.hide()
            self.uses_list.hide()
        self.uses_list.itemActivated.connect(self._use_activated)

        row = QHBoxLayout()
        self.read_button = QPushButton(_t("Read aloud (R)"), self)
        self.read_button.setObjectName("glossaryRead")
        self.read_button.clicked.connect(self.read_aloud)
        self.close_button = QPushButton(_t("Close (Esc)"), self)
        self.close_button.setObjectName("glossaryClose")
        self.close_button.clicked.connect(self.reject)
        for button in (self.read_button, self.close_button):
            button.setAutoDefault(False)
            button.setMinimumHeight(48)
        row.addWidget(self.read_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)

        read = QAction(_t("Read the note aloud"), self)
        read.setShortcuts([QKeySequence(k) for k in READ_KEYS])
        read.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        read.triggered.connect(self.read_aloud)
        self.addAction(read)
        self.window_actions: list[QAction] = []
        self.setTabOrder(self.view, self.uses_list)
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
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)

    def use_label(self, number: int, use: LinkSpan) -> str:
        """"2. 六、深化平安建设：…守住“五个不发生”底线。" — the section, short, then the words around the term."""
        context = self.glossary.context(use, 8, 6)
        section = self.glossary.section_of(use.block_id)
        where = short_heading(section.text) if section is not None else ""
        return f"{number}. {where}：{context}" if where else f"{number}. {context}"

    def text(self) -> str:
        return self.view.toPlainText()

    # -- appearance ----------------------------------------------------------------------------
    def apply_look(self, t: Theme, font_pt: int, pinyin_visible: bool, pinyin_style: PinyinStyle,
                   body: ReaderView | None = None) -> None:
        """Match the reader: the same text size (never smaller), theme, pinyin on/off and style, and
        (from `body`) the same characters (Simplified/Traditional) and romanisation (pinyin/Jyutping)."""
        self.view.set_font_size(font_pt)
        self.view.set_pinyin_style(pinyin_style)
        self.view.set_pinyin_visible(pinyin_visible)
        if body is not None:
            self.view.set_ruby_annotator(body._ruby)  # noqa: SLF001 - the body's own choice, shown alike
            self.view.set_display_transform(body.display_text)
        control = QFont(self.font())
        control.setPointSizeF(max(float(control.pointSizeF()), min(font_pt * CONTROL_RATIO, CONTROL_MAX_PT)))
        for widget in (self.uses_label, self.uses_list, self.read_button, self.close_button):
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
        self._frame = (QColor(t.focus_ring), max(3, round(font_pt / 8)))
        margin = self._frame[1] + 8
        self.layout().setContentsMargins(margin + 4, margin, margin + 4, margin)
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
        """Size the popup to show the whole note at `width`; past max_height the uses list, then the note, scroll."""
        layout = self.layout()
        margins = layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        self.uses_label.setWordWrap(True)
        fixed = margins.top() + margins.bottom() + self.read_button.sizeHint().height() + layout.spacing()
        list_need = 0
        if self.uses:
            fixed += self.uses_label.heightForWidth(inner) + 2 * layout.spacing()
            fm = QFontMetricsF(self.uses_list.font())
            per_line = max(1, int((inner - 24) / max(1.0, fm.horizontalAdvance("中"))))
            lines = sum(-(-len(self.uses_list.item(i).text()) // per_line) for i in range(len(self.uses)))
            list_need = int(lines * fm.lineSpacing() + 6 * len(self.uses) + 8)
        text_need = self.view.height_for_width(inner)
        # At least the first use shows whole (its label wraps to about two lines).
        one_line = int(QFontMetricsF(self.uses_list.font()).lineSpacing() * 2.3 + 8) if self.uses else 0
        text_h = max(120, min(text_need, max_height - fixed - min(list_need, one_line)))
        list_h = max(one_line, min(list_need, max_height - fixed - text_h)) if self.uses else 0
        self.view.setFixedHeight(text_h)
        if self.uses:
            self.uses_list.setFixedHeight(list_h)
        self.setFixedWidth(width)
        self.adjustSize()

    def place_near(self, term_rect: QRect) -> None:
        """Below the term (above it when there is no room), kept on the screen holding the term."""
        screen = QGuiApplication.screenAt(term_rect.center()) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        size = self.size()
        x = min(max(area.left(), term_rect.left() - 20), area.right() - size.width())
        below = term_rect.bottom() + 8
        above = max(area.top(), term_rect.top() - size.height() - 8)
        y = below if below + size.height() <= area.bottom() else above
        self.move(QPoint(x, y))

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
