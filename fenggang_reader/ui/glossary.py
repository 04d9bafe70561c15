"""Glossary notes where the reader needs them: every term is a link, its note opens beside it.

- Links: each [n] marker with its term, and every later occurrence of a glossary term, become
  `note:N` anchors in the reader's document (merged over the text, so the view is not rebuilt),
  drawn in the theme's link colour and underlined. Tab / Shift+Tab move between them (Qt's own link
  focus), and the current paragraph follows.
- The popup (glossary_popup.py) opens by Enter on a focused term, N, a click, or resting the mouse on
  a term for HOVER_DELAY_MS; Esc closes it and gives the focus back to the term.
- From a note (popup, contents panel, notes section) or a term: Alt+Right / Alt+Shift+Right go to
  the places it is used, Alt+Left comes back.
- Reading a note aloud emits `read_note_requested(note_number)`; the speech feature connects to it.
  With nothing connected, the note is announced (screen readers speak it; the status bar shows it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMetaMethod,
    QObject,
    QPoint,
    QRect,
    QRectF,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QCursor,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QMenu, QTreeWidgetItem

from ..core.glossary import Glossary, History, LinkSpan, Place, note_href, parse_note_href
from ..core.model import BlockKind
from ..core.pinyin import PinyinStyle
from .contents_panel import ID_ROLE
from .glossary_popup import GAP, MAX_WINDOW_SHARE, GlossaryPopup
from .i18n import QT_TRANSLATE_NOOP
from .navigation import EDGE
from .term_focus import TermFocusRing, span_line_rects
from .themes import theme

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .reader_view import ReaderView

HOVER_DELAY_MS = 600
HOVER_CLOSE_MS = 400
MIN_NOTE_ROOM = 160  # px beside a term for its note; with less, the text scrolls to make room
NOTE_CONTROLS_PX = 260  # what a note's buttons take beside its text, with the frame (about, at 20 pt)
MARKER_SPEECH_CHOICES = (  # values of the marker_speech setting (core/spoken.py reads it)
    ("skip", QT_TRANSLATE_NOOP("Glossary", "Skip markers like [1]")),
    ("say", QT_TRANSLATE_NOOP("Glossary", "Say “注释一”")),
    ("read_after", QT_TRANSLATE_NOOP("Glossary", "Read the note after the sentence")),
)


def _t(text: str) -> str:
    return QCoreApplication.translate("Glossary", text)


def apply_links(view: ReaderView, glossary: Glossary, link_colour: str, spans: Sequence[LinkSpan] | None = None) -> int:
    """Make every glossary link (or those of ``spans``) an anchor in the view's document; returns how many were
    applied."""
    spans = glossary.links if spans is None else spans
    doc = view.document()
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    colour = QColor(link_colour)
    formats: dict[int, QTextCharFormat] = {}  # one a note (the 858 links of 300,000 characters go to 30 notes)
    for span in spans:
        start, end = view.document_span(glossary.report.index_of(span.block_id), span.start, span.end)
        fmt = formats.get(span.note_number)
        if fmt is None:
            fmt = formats[span.note_number] = QTextCharFormat()
            fmt.setAnchor(True)
            fmt.setAnchorHref(note_href(span.note_number))
            fmt.setForeground(colour)
            fmt.setFontUnderline(True)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
    cursor.endEditBlock()
    return len(spans)


class GlossaryFeature(QObject):
    """Links, popup, uses and history for one main window (``window.glossary``)."""

    read_note_requested = Signal(int)
    popup_opened = Signal(int)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.view = window.view
        self.glossary = Glossary(window.report)
        self.history = History()
        self.popup: GlossaryPopup | None = None
        self._popup_span: LinkSpan | None = None
        self._popup_anchor: LinkSpan | None = None  # what the note stays clear of: the term, or its first line
        self._annotator = self.view.annotator()  # the same readings and corrections as the body
        self._last_announced: LinkSpan | None = None
        self._hover_note: int | None = None
        self._hover_timer = QTimer(self, singleShot=True, interval=HOVER_DELAY_MS)
        self._hover_timer.timeout.connect(self._hover_elapsed)
        self._close_timer = QTimer(self, singleShot=True, interval=HOVER_CLOSE_MS)
        self._close_timer.timeout.connect(self._close_hover_popup)
        self.term_ring = TermFocusRing(self.view)
        self._placing = False
        self._probe: tuple[int, int] | None = None  # the helper selection Tab searches from
        self._jumped_to: LinkSpan | None = None  # the use the last jump went to (Alt+Right walks on from it)
        self._replace_timer = QTimer(self, singleShot=True, interval=0)
        self._replace_timer.timeout.connect(self._follow_term)

        # A long document's blocks built plain get their links with their runs' formats (ui/plain_blocks.py): linking
        # the 858 terms of 300,000 characters was ~10 ms of the first paint, nearly all of them in hidden blocks.
        plain = self.view.plain_blocks.waiting()
        self._plain_links: dict[int, list[LinkSpan]] = {}  # block index -> its links, while it waits
        linked_now: list[LinkSpan] = []
        for span in self.glossary.links:
            index = window.report.index_of(span.block_id) if plain else -1
            if index in plain:
                self._plain_links.setdefault(index, []).append(span)
            else:
                linked_now.append(span)
        apply_links(self.view, self.glossary, theme(window.settings["theme"]).link, linked_now)
        self.view.plain_blocks.when_formatted(self._link_formatted)
        self.view.anchorClicked.connect(self._anchor_clicked)
        self.view.highlighted.connect(self._link_hovered)
        self.view.cursorPositionChanged.connect(self._caret_moved)
        self.view.selectionChanged.connect(self._caret_moved)  # Tab onto a link changes only the selection
        self.view.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.view.font_size_changed.connect(lambda _pt: self._restyle_popup())
        window.actions_by_id["toggle_pinyin"].toggled.connect(lambda _on: QTimer.singleShot(0, self._restyle_popup))
        self.view.viewport().installEventFilter(self)
        self.view.installEventFilter(self)
        window.settings.subscribe(self._setting_changed)

        actions = window.actions_by_id
        actions["show_note"].triggered.connect(self.show_note_here)
        actions["read_note"].triggered.connect(self.read_note_here)
        actions["next_term_use"].triggered.connect(lambda: self.step_use(1))
        actions["previous_term_use"].triggered.connect(lambda: self.step_use(-1))
        actions["glossary_back"].triggered.connect(self.go_back)
        self._install_contents_menu()
        self._install_marker_menu()

    # -- which note ----------------------------------------------------------------------------
    def focused_link(self) -> LinkSpan | None:
        """The link the reader's caret is on (Tab selects a link; a click puts the caret inside one)."""
        cursor = self.view.textCursor()
        block = cursor.block()
        if not block.isValid():
            return None
        index, start = self.view.text_place(cursor.selectionStart())
        return self.glossary.link_at(self.window.report.blocks[index].id, start)

    def current_note(self) -> int | None:
        """The note the reader means: the open popup's, the contents entry's, the focused term's, the note's."""
        if self.popup is not None:
            return self.popup.note.number
        contents = self.window.contents
        item = contents.currentItem()
        if contents.hasFocus() and item is not None:
            number = self._note_of_item(item)
            if number is not None:
                return number
        link = self.focused_link()
        if link is not None:
            return link.note_number
        block = self.view.current_block()
        if block.kind is BlockKind.NOTE:
            return block.note_number
        links = self.glossary.links_in(block.id)
        return links[0].note_number if links else None

    def _note_of_item(self, item: QTreeWidgetItem) -> int | None:
        block = self.window.report.get(item.data(0, ID_ROLE) or "")
        return block.note_number if block is not None and block.kind is BlockKind.NOTE else None

    # -- links in the text ---------------------------------------------------------------------
    def _anchor_clicked(self, url: QUrl) -> None:
        number = parse_note_href(url.toString())
        if number is None:
            return
        span = self.focused_link()
        if span is None or span.note_number != number:
            span = self._link_under_mouse()
        if self.popup is not None and self.popup.note.number == number and not self.popup.opened_by_hover:
            self.popup.activateWindow()
            return
        self.open_note(number, span, focus=True, via="key" if span is not None and span == self.focused_link()
                       and not self.view.viewport().underMouse() else "click")

    def _link_under_mouse(self) -> LinkSpan | None:
        return self._link_at(self.view.viewport().mapFromGlobal(QCursor.pos()))

    def _link_at(self, pos: QPoint) -> LinkSpan | None:
        """The term at viewport point ``pos``, on its characters or its pinyin."""
        if not self.view.viewport().rect().contains(pos):
            return None
        for probe in (pos, pos + QPoint(0, int(self.view.pinyin_band_height()))):
            href = self.view.anchorAt(probe)
            if parse_note_href(href) is not None:
                index, offset = self.view.text_place(self.view.cursorForPosition(probe).position())
                span = self.glossary.link_at(self.window.report.blocks[index].id, offset)
                if span is not None:
                    return span
        return None

    def _caret_moved(self) -> None:
        """Tab onto a term: the paragraph holding it becomes current, and the term is announced."""
        cursor = self.view.textCursor()
        probe, self._probe = self._probe, None
        if probe == (cursor.selectionStart(), cursor.selectionEnd()):
            # Tab found no term and left the text: drop the helper selection.
            cursor.clearSelection()
            self.view.setTextCursor(cursor)
            return
        if not cursor.hasSelection():
            self._last_announced = None
            self.term_ring.clear()
            return
        span = self.focused_link()
        if span is None:
            self.term_ring.clear()
            return
        start, end = self.view.document_span(self.window.report.index_of(span.block_id), span.start, span.end)
        if (cursor.selectionStart(), cursor.selectionEnd()) != (start, end):
            self.term_ring.clear()
            return
        index = self.window.report.index_of(span.block_id)
        if self.term_ring.span != (start, end):
            # Qt shows a link reached by Tab with a 1-px dotted outline: make it the real selection (the
            # highlight Esc leaves) and ring it, thick, in the theme's focus colour (ui/term_focus.py).
            self.term_ring.show_span(start, end)
            self.view.place_caret(cursor.position(), cursor.anchor())  # where the view goes: _place_term
            self.view.navigator.reveal_span(index, span.start, span.end)
        if index != self.view.current_index():
            self.view.set_current_index(index, ensure_visible=False, move_caret=False)
        if span != self._last_announced:
            self._last_announced = span
            note = self.window.report.notes[span.note_number]
            self.window.announce(
                _t("Note %1: %2").replace("%1", str(note.number)).replace("%2", note.label)
            )

    def _tabbed_onto_term(self, top_before: int) -> None:
        """After Tab / Shift+Tab: a term that was whole on screen stays where it was; one that was not is
        placed like every jump (its line whole at the reading line), not at the edge where Qt put it."""
        self._caret_moved()
        span = self.focused_link()
        if span is not None and self.term_ring.span is not None:
            self.view.navigator.reveal_span(self.window.report.index_of(span.block_id), span.start, span.end,
                                            top_before=top_before)

    def _start_link_search_here(self, forward: bool) -> None:
        """Tab finds the first term in or after the current paragraph (Shift+Tab: the last in or before it).

        Without a selection Qt starts from the top or bottom of the document; a one-character
        selection at the paragraph's edge makes it start from where the reader is.
        """
        cursor = self.view.textCursor()
        if cursor.hasSelection():
            return
        block = self.view.document().findBlockByNumber(self.view.current_index())
        if forward:
            edge = block.position()
            if edge == 0:
                return
            anchor, position = edge - 1, edge
        else:
            edge = block.position() + block.length() - 1
            if edge >= self.view.document().characterCount() - 1:
                return
            anchor, position = edge + 1, edge
        probe = QTextCursor(self.view.document())
        probe.setPosition(anchor)
        probe.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(probe)
        self._probe = (min(anchor, position), max(anchor, position))

    def select_link(self, span: LinkSpan) -> None:
        """Put the keyboard focus on a link (as Tab would), so Enter opens it."""
        index = self.window.report.index_of(span.block_id)
        start, end = self.view.document_span(index, span.start, span.end)
        self._last_announced = span  # the caller says where we are
        self.view.place_caret(end, anchor=start)  # never Qt's scroll to the edge
        self.view.set_current_index(index, ensure_visible=False, move_caret=False)
        self.view.navigator.reveal_span(index, span.start, span.end)  # whole where it is, else placed

    def _link_formatted(self, indices: list[int]) -> None:
        """Blocks built plain got their runs' formats: their links now, in the theme's colour."""
        spans = [span for index in indices for span in self._plain_links.pop(index, ())]
        if spans:
            apply_links(self.view, self.glossary, theme(self.window.settings["theme"]).link, spans)

    def _setting_changed(self, name: str, value: object) -> None:
        if name == "theme":
            apply_links(self.view, self.glossary, theme(str(value)).link)
            if self.popup is not None:
                self._style_popup(self.popup)
        elif name in ("script", "ruby") and self.popup is not None:
            QTimer.singleShot(0, self._restyle_popup)  # after the body has switched
        elif name == "marker_speech":
            self._sync_marker_menu()

    # -- hover ---------------------------------------------------------------------------------
    def _link_hovered(self, url: QUrl) -> None:
        number = parse_note_href(url.toString())
        if number is None:
            self._hover_timer.stop()
            self._hover_note = None
            if self.popup is not None and self.popup.opened_by_hover:
                self._close_timer.start()
            return
        self._hover_note = number
        if self.popup is not None and self.popup.note.number == number:
            self._close_timer.stop()
            return
        self._hover_timer.start()

    def _hover_elapsed(self) -> None:
        number = self._hover_note
        span = self._link_under_mouse()
        if number is None or span is None or span.note_number != number:
            return
        if self.popup is not None and not self.popup.opened_by_hover:
            return  # the reader is working in a popup they opened; do not replace it under them
        self.open_note(number, span, focus=False, via="hover")

    def _close_hover_popup(self) -> None:
        if self.popup is None or not self.popup.opened_by_hover:
            return
        if self.popup.underMouse() or (self._hover_note == self.popup.note.number):
            return
        self.close_popup()

    def _scrolled(self) -> None:
        if self.popup is not None and self.popup.opened_by_hover:
            self.close_popup()
        elif self.popup is not None and self._popup_span is not None:
            self._replace_timer.start()  # the note stays beside its term, never over it

    def _follow_term(self) -> None:
        if self.popup is not None and self._popup_anchor is not None and not self._placing:
            self._placing = True
            try:
                self.popup.place_beside(self.term_rect(self._popup_anchor), self.popup_bounds(), self.popup.width())
            finally:
                self._placing = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.KeyPress and watched is self.view and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape and self.popup is not None:
                self.close_popup()
                return True
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (
                    event.modifiers() & Qt.KeyboardModifier.ControlModifier):
                self._start_link_search_here(event.key() == Qt.Key.Key_Tab)
                # Qt moves the link focus without any signal, and scrolls the least it can (the term lands
                # at the window's edge): look once the key is handled, and place the term from where the
                # view was before the key.
                top_before = self.view.verticalScrollBar().value()
                QTimer.singleShot(0, lambda: self._tabbed_onto_term(top_before))
        elif kind == QEvent.Type.MouseButtonPress and watched is self.view.viewport() and self.popup is not None:
            self.close_popup(restore_focus=False)
        elif watched is self.popup and kind in (QEvent.Type.Enter, QEvent.Type.Leave):
            # The mouse may travel from the term onto its hover popup (to read or scroll it) and back.
            if kind == QEvent.Type.Enter:
                self._close_timer.stop()
            elif self.popup.opened_by_hover:
                self._close_timer.start()
        elif (kind == QEvent.Type.MouseMove and watched is self.view.viewport() and self._hover_note is None
              and isinstance(event, QMouseEvent) and event.buttons() == Qt.MouseButton.NoButton):
            # The view reports a term only when the link under the mouse changes: after a Leave had ended the hover
            # while the mouse was still on the term (a window over it, a move the platform made), the term was never
            # reported again and resting there opened nothing (seen in full test runs). Look for it here.
            span = self._link_at(event.position().toPoint())
            if span is not None:
                self._link_hovered(QUrl(note_href(span.note_number)))
        elif kind == QEvent.Type.Leave and watched is self.view.viewport():
            self._hover_timer.stop()
            self._hover_note = None
            if self.popup is not None and self.popup.opened_by_hover:
                self._close_timer.start()
        return False

    # -- the popup -----------------------------------------------------------------------------
    def open_note(self, number: int, span: LinkSpan | None = None, focus: bool = True, via: str = "key") -> None:
        """Open note `number` beside `span` (or over the reader when opened from elsewhere)."""
        note = self.window.report.notes.get(number)
        if note is None:
            return
        self._hover_timer.stop()
        self._close_timer.stop()
        if self.popup is not None:
            self.close_popup(restore_focus=False)
        popup = GlossaryPopup(self.glossary, note, self._annotator, self.window, focusable=focus)
        self.popup = popup
        self._popup_span = span
        self._style_popup(popup)
        popup.read_requested.connect(self.read_note)
        popup.view.zoom_requested.connect(self.window.zoom)  # Ctrl+wheel over a note sizes the reader (and it)
        popup.use_requested.connect(self._use_from_popup)
        popup.closed.connect(self._popup_closed)
        for action_id in ("next_term_use", "previous_term_use", "glossary_back"):
            popup.add_window_action(self.window.actions_by_id[action_id])
        popup.installEventFilter(self)
        self._place(popup, span)
        popup.open_popup()
        self.window.events.emit("glossary.open", note=number, via=via)
        if note.term:
            said = _t("Note %1: %2. %3").replace("%1", str(number)).replace("%2", note.term)
            said = said.replace("%3", note.explanation)
        else:  # its label is its explanation's first words: said once, not its start and then all of it
            said = _t("Note %1: %2").replace("%1", str(number)).replace("%2", note.explanation)
        self.window.announce(said)
        self.popup_opened.emit(number)

    def _restyle_popup(self) -> None:
        """The reader changed size, pinyin or characters while a note is open: the note follows."""
        if self.popup is not None:
            self._style_popup(self.popup)
            self._place(self.popup, self._popup_span)

    def _style_popup(self, popup: GlossaryPopup) -> None:
        popup.apply_look(theme(self.window.settings["theme"]), self.view.font_size(), self.view.pinyin_visible(),
                         PinyinStyle(self.view.pinyin_style()), self.view)

    def popup_bounds(self) -> QRect:
        """Where a note may go: the reader's window on the screen (the whole screen if it is larger)."""
        screen = (self.window.screen() or QApplication.primaryScreen()).availableGeometry()
        window = QRect(self.window.mapToGlobal(QPoint(0, 0)), self.window.size())
        inside = window.intersected(screen)
        return inside if inside.height() > 200 and inside.width() > 300 else screen

    def _place(self, popup: GlossaryPopup, span: LinkSpan | None) -> None:
        # The text column at its final width first: a size change that turns the contents into a drawer (48 pt
        # in 800 px) widens the text only when the window's layout runs, and a note fitted to the room beside
        # the term before that reflow kept only the room left once the term had moved (one line of it).
        layout = self.window.layout()
        if layout is not None:
            layout.activate()
        bounds = self.popup_bounds()
        # Wide enough for about a dozen characters of the explanation beside the buttons (in a small window
        # at 48–96 pt: the window's width), so its first lines say something.
        em = QFontMetricsF(self.view.body_font()).horizontalAdvance("中") * self.view.cjk_spacing_percent / 100
        width = int(min(max(self.view.width() * 0.7, 480, 12 * em + NOTE_CONTROLS_PX), bounds.width() - 16))
        self._popup_anchor = None
        if span is not None:
            popup.fit(width, int(bounds.height() * MAX_WINDOW_SHARE))
            need = popup.height()
            self._popup_anchor = self._anchor_of(span, need)
            # A note opened by a resting mouse never moves the text from under it, unless the term is cut.
            term = self.term_in_view(self._popup_anchor, need if popup.focusable else min(need, MIN_NOTE_ROOM))
        else:  # from the contents or a note: under the top of the text
            top = self.view.viewport().mapToGlobal(QPoint(0, 0))
            term = QRect(top.x() + (self.view.width() - width) // 2 + 20, top.y(), 1, 1)
        popup.place_beside(term, bounds, width)

    def _anchor_of(self, span: LinkSpan, note_height: int) -> LinkSpan:
        """The term, or only its first line when all its lines, even at the top or the bottom of the text,
        leave too little room for its note (a two-line term at 48–96 pt in 800×600): the explanation has the
        room first, and the note stays beside the term's first line."""
        viewport = self.view.viewport()
        visible = QRect(viewport.mapToGlobal(QPoint(0, 0)), viewport.size())
        bounds, height = self.popup_bounds(), self.term_rect(span).height()
        room = max(bounds.bottom() - (visible.top() + EDGE + height), visible.bottom() - EDGE - height - bounds.top())
        if room - GAP >= note_height:
            return span
        first = self.view.line_geometry.line_at(self.window.report.index_of(span.block_id), span.start)
        return dataclasses.replace(span, end=min(span.end, max(span.start + 1, first.end)))

    def term_in_view(self, span: LinkSpan, note_height: int = MIN_NOTE_ROOM) -> QRect:
        """The term's rectangle with its pinyin, on the screen; placed first when it is cut off (a note beside
        an unseen term explains nothing) or leaves room for neither ``note_height`` nor MIN_NOTE_ROOM on either
        side: whole at the reading line, or higher when the note needs the room below it."""
        viewport = self.view.viewport()
        visible = QRect(viewport.mapToGlobal(QPoint(0, 0)), viewport.size())
        bounds = self.popup_bounds()
        term = self.term_rect(span)
        room = max(term.top() - bounds.top(), bounds.bottom() - term.bottom()) - GAP
        cut = not visible.contains(term.topLeft()) or (term.height() < visible.height()
                                                       and not visible.contains(term.bottomRight()))
        if cut or room < note_height:
            under_text = bounds.bottom() - visible.bottom()  # the status bar, which a note may cover
            self.view.navigator.reveal_span(self.window.report.index_of(span.block_id), span.start, span.end,
                                            room_below=max(0, note_height + GAP - under_text))
            term = self.term_rect(span)
        return term

    def term_rect(self, span: LinkSpan) -> QRect:
        """Every line of the term with the pinyin above it, on the screen."""
        united = QRectF()
        start, end = self.view.document_span(self.window.report.index_of(span.block_id), span.start, span.end)
        for rect in span_line_rects(self.view, start, end):
            united = united.united(rect)
        return QRect(self.view.viewport().mapToGlobal(united.toAlignedRect().topLeft()), united.toAlignedRect().size())

    def span_rect(self, span: LinkSpan) -> QRect:
        """The link's rectangle on the screen (first line of it when it wraps)."""
        first, last = self.view.document_span(self.window.report.index_of(span.block_id), span.start, span.end)
        start = QTextCursor(self.view.document())
        start.setPosition(first)
        end = QTextCursor(self.view.document())
        end.setPosition(last)
        a, b = self.view.cursorRect(start), self.view.cursorRect(end)
        rect = a.united(b) if a.top() == b.top() else a.adjusted(0, 0, 40, 0)
        return QRect(self.view.viewport().mapToGlobal(rect.topLeft()), rect.size())

    def close_popup(self, restore_focus: bool = True) -> None:
        popup = self.popup
        if popup is None:
            return
        self._restore_focus = restore_focus
        popup.reject()

    def _popup_closed(self, had_focus: bool) -> None:
        popup, span = self.popup, self._popup_span
        self.popup = None
        self._popup_span = None
        if popup is not None:
            self.window.events.emit("glossary.close", note=popup.note.number)
        if had_focus and getattr(self, "_restore_focus", True):
            self.window.activateWindow()
            if span is not None:
                self.select_link(span)
            self.view.setFocus(Qt.FocusReason.PopupFocusReason)
        self._restore_focus = True

    def show_note_here(self) -> None:
        """N: the focused term's note, else the first term of the current paragraph, else the current note."""
        span = self.focused_link()
        if span is None:
            links = self.glossary.links_in(self.view.current_block().id)
            if links:
                span = links[0]
                self.select_link(span)
        number = span.note_number if span is not None else self.current_note()
        if number is None:
            QApplication.beep()
            self.window.announce(_t("No glossary term in this paragraph."))
            return
        self.open_note(number, span, focus=True, via="key")

    # -- reading aloud -------------------------------------------------------------------------
    def read_note_here(self) -> None:
        number = self.current_note()
        if number is None:
            QApplication.beep()
            self.window.announce(_t("No glossary term in this paragraph."))
            return
        self.read_note(number)

    def read_note(self, number: int) -> None:
        """Have the note read aloud.

        The read-aloud feature listens to read_note_requested (MainWindow wires it) and reads the note
        without moving the reader; with no one listening, the note is announced, so a screen reader says
        it and the status bar shows it.
        """
        self.window.events.emit("glossary.read", note=number)
        note = self.window.report.notes[number]
        if self.isSignalConnected(QMetaMethod.fromSignal(self.read_note_requested)):
            self.read_note_requested.emit(number)
            return
        self.window.announce(f"{note.term}：{note.explanation}" if note.term else note.explanation)

    # -- uses and back -------------------------------------------------------------------------
    def here(self) -> Place:
        cursor = self.view.textCursor()
        index = self.view.current_index()
        offset = self.view.text_place(cursor.selectionStart())[1] if cursor.blockNumber() == index else 0
        view_place, view_y = self.view.navigator.reading_place()
        return Place(index, max(0, offset), view_place, view_y)

    def step_use(self, step: int) -> None:
        number = self.current_note()
        if number is None:
            QApplication.beep()
            self.window.announce(_t("No glossary note here."))
            return
        focused = self.focused_link()
        in_body = self.view.current_block().kind not in (BlockKind.NOTE, BlockKind.NOTES_HEADING)
        place = self.here() if (in_body and self.popup is None and not self.window.contents.hasFocus()) else None
        if focused is not None and focused.note_number == number:
            place = Place(self.window.report.index_of(focused.block_id), focused.start)
        use = self.glossary.step_use(number, place, step)
        if use is None:
            QApplication.beep()
            self.window.announce(_t("This term is not used in the text."))
            return
        self.go_to_use(use)

    def _use_from_popup(self, use: LinkSpan) -> None:
        self.close_popup(restore_focus=False)
        self.go_to_use(use)

    def go_to_use(self, use: LinkSpan) -> None:
        """Move the reader to a use, remembering where it was unless it is walking this note's uses (the
        focus still on the use the last jump went to)."""
        focused = self.focused_link()
        if focused is None or focused != self._jumped_to:
            self.history.push(self.here())
        self._jumped_to = use
        if self.popup is not None:
            self.close_popup(restore_focus=False)
        index = self.window.report.index_of(use.block_id)
        self.view.set_current_index(index, ensure_visible=False, move_caret=False)
        self.select_link(use)
        self.view.navigator.reveal(index, use.start)  # a jump: the term's line at the reading line
        self.window.activateWindow()  # from the popup's list: the closed popup had the keyboard
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        total = len(self.glossary.uses(use.note_number))
        section = self.glossary.section_of(use.block_id)
        note = self.window.report.notes[use.note_number]
        message = (_t("%1: place %2 of %3, in %4. Alt+Left goes back.").replace("%1", note.label)
                   .replace("%2", str(self.glossary.use_number(use))).replace("%3", str(total))
                   .replace("%4", section.text if section is not None else ""))
        self.window.events.emit("glossary.goto_use", note=use.note_number, block=use.block_id)
        self.window.announce(message)

    def go_back(self) -> None:
        place = self.history.pop()
        if place is None:
            QApplication.beep()
            self.window.announce(_t("Nothing to go back to."))
            return
        if self.popup is not None:
            self.close_popup(restore_focus=False)
        self.view.set_current_index(place.block_index, ensure_visible=False)
        self.view.place_caret(self.view.document_position(place.block_index, place.offset))
        if place.view_place is not None:  # the same line at the same height, whatever the size or window now
            self.view.navigator.restore_place(place.view_place, place.view_y)
        else:
            self.view.navigator.reveal(place.block_index, place.offset)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.window.events.emit("glossary.back", block=self.window.report.blocks[place.block_index].id)
        self.window.announce(_t("Back."))

    # -- contents panel ------------------------------------------------------------------------
    def _install_contents_menu(self) -> None:
        contents = self.window.contents
        contents.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        contents.customContextMenuRequested.connect(self._contents_menu)
        for item_id, item in ((b.id, contents.item_for(b.id)) for b in self.window.report.blocks
                              if b.kind is BlockKind.NOTE):
            if item is not None:
                uses = len(self.glossary.uses(self.window.report.block(item_id).note_number or 0))
                item.setStatusTip(0, _t("Menu key: show the note and the %1 places it is used; Alt+Right goes there.")
                                  .replace("%1", str(uses)))

    def note_menu(self, number: int) -> QMenu:
        """Show the note, then one entry per place it is used."""
        menu = QMenu(self.window.contents)
        menu.setObjectName("glossaryNoteMenu")
        show = menu.addAction(_t("Show the note"))
        show.triggered.connect(lambda: self.open_note(number, None, focus=True, via="contents"))
        uses = self.glossary.uses(number)
        if uses:
            menu.addSection(_t("Used at"))
        for i, use in enumerate(uses, start=1):
            section = self.glossary.section_of(use.block_id)
            label = f"{i}. {section.text if section else ''} {self.glossary.context(use, 6, 4)}"
            action = menu.addAction(label)
            action.triggered.connect(lambda _checked=False, u=use: self.go_to_use(u))
        return menu

    def _contents_menu(self, pos: QPoint) -> None:
        contents = self.window.contents
        item = contents.itemAt(pos) or contents.currentItem()
        number = self._note_of_item(item) if item is not None else None
        if item is None or number is None:
            return
        menu = self.note_menu(number)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(contents.viewport().mapToGlobal(contents.visualItemRect(item).bottomLeft()))

    # -- speech policy for markers -------------------------------------------------------------
    def _install_marker_menu(self) -> None:
        speech = self.window.menus["speech"]
        speech.menuAction().setVisible(True)
        menu = speech.addMenu(_t("Glossary markers like [1]"))
        menu.setObjectName("markerSpeechMenu")
        group = QActionGroup(menu)
        group.setExclusive(True)
        self.marker_actions: dict[str, QAction] = {}
        for value, label in MARKER_SPEECH_CHOICES:
            action = QAction(QCoreApplication.translate("Glossary", label), menu)
            action.setCheckable(True)
            action.setData(value)
            action.setObjectName(f"action_marker_speech_{value}")
            action.triggered.connect(lambda _checked=False, v=value: self._set_marker_speech(v))
            group.addAction(action)
            menu.addAction(action)
            self.marker_actions[value] = action
        self.marker_menu = menu
        self._sync_marker_menu()
        self.window.retranslated.connect(self._retranslate_marker_menu)

    def _retranslate_marker_menu(self) -> None:
        """After a live change of the interface language (MainWindow.retranslated)."""
        self.marker_menu.setTitle(_t("Glossary markers like [1]"))
        for value, label in MARKER_SPEECH_CHOICES:
            self.marker_actions[value].setText(QCoreApplication.translate("Glossary", label))

    def _sync_marker_menu(self) -> None:
        value = self.window.settings["marker_speech"]
        for key, action in self.marker_actions.items():
            action.setChecked(key == value)

    def _set_marker_speech(self, value: str) -> None:
        self.window.settings.set("marker_speech", value)
        label = dict(MARKER_SPEECH_CHOICES)[value]
        self.window.announce(QCoreApplication.translate("Glossary", label))

