"""Fixing a reading: "Correct the pinyin…" (F2, and in the text's context menu), resetting one or all of
the reader's corrections, and View ▸ Pinyin: dictionary or spoken tones for 一 and 不.

The choice is stored by core/corrections.py in the user's data directory and is the annotator's user
layer, so the ruby, ``export-pinyin`` and speech (the entry's respelling, read by core/spoken.py) all
follow it at once. The dialog is large print and keyboard-first: one group of radio buttons per
character (arrows choose, Enter confirms), each reading with the words that select it.
"""

from __future__ import annotations

import dataclasses
import html
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QContextMenuEvent, QFont
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.corrections import Candidate, CorrectionStore, reading_candidates, spoken_respelling
from ..core.pinyin import Annotator, PinyinStyle, render
from ..core.pronunciation import Entry, RecordError
from ..core.reader_annotator import corrections_path
from ..core.sandhi import CITATION, SPOKEN
from ..core.storage import AppDirs
from ..core.syllables import is_han
from .forms import LARGE_PRINT_PT, message_box
from .reader_view import ReaderView

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)

MAX_CHARS = 8  # characters one dialog corrects; a longer selection is cut (and the dialog says so)
WHY_CHOICE = "user choice"
WHY_OWN_RESPELLING = "user choice; own respelling"  # the reader typed the respelling: show it again
SANDHI_ACTIONS = {CITATION: "sandhi_citation", SPOKEN: "sandhi_spoken"}
PINYIN_MENU_ACTIONS = ("correct_pinyin", "reset_all_corrections", None, "sandhi_citation", "sandhi_spoken")
_FORBIDDEN_IN_RESPELLING = "\t\r\n"


def _t(text: str) -> str:
    return QCoreApplication.translate("PronunciationDialog", text)


@dataclass(frozen=True)
class Target:
    """Characters [start, end) of one block that the reader wants to correct."""

    index: int
    block_id: str
    start: int
    end: int


@dataclass(frozen=True)
class CharRow:
    """One character in the dialog: what is shown now, what shows without the reader's correction, the choices."""

    offset: int
    char: str
    shown: str
    usual: str
    candidates: tuple[Candidate, ...]


def tone_words(reading: str) -> str:
    tone = reading[-1:]
    return _t("neutral tone") if tone == "5" else _t("tone %1").replace("%1", tone)


def spoken_name(reading: str) -> str:
    """A reading for the ear: screen readers say "yín" as "yin", so the tone is named too."""
    return f"{render(reading, PinyinStyle.TONE_MARKS)}, {tone_words(reading)}"


def char_rows(annotator: Annotator, text: str, block_id: str, start: int, end: int) -> list[CharRow]:
    """Candidates for each Han character of text[start:end], with the shown and the usual reading."""
    shown = annotator.readings(text, block_id)
    usual = annotator.usual_readings(text, block_id)
    rows = []
    for offset in range(start, end):
        char = text[offset]
        if not is_han(char) or shown[offset] is None:
            continue
        found = list(reading_candidates(char))
        for reading in (shown[offset], usual[offset]):  # a neutral or sandhi form the dictionary lacks
            if reading and all(c.reading != reading for c in found):
                found.append(Candidate(reading))
        rows.append(CharRow(offset, char, shown[offset] or "", usual[offset] or "", tuple(found)))
    return rows


def own_respelling(text: str, target: Target, entries: list[Entry]) -> str:
    """The spoken form of the whole target made from the reader's own respellings inside it ("" if none),
    so a dialog grown around one keeps it exactly."""
    if not entries:
        return ""
    out, pos = [], target.start
    for entry in sorted(entries, key=lambda e: e.offset):
        out.append(text[pos:entry.offset])
        out.append(entry.spoken)
        pos = entry.offset + len(entry.readings)
    out.append(text[pos:target.end])
    return "".join(out)


class PronunciationDialog(QDialog):
    """Candidate readings for each selected character; OK keeps the choice, "Reset" forgets the reader's own."""

    def __init__(self, target: Target, text: str, rows: list[CharRow], *, font_pt: int,
                 style: PinyinStyle = PinyinStyle.TONE_MARKS, respelling: str = "", corrected: bool = False,
                 cut: bool = False, display: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pronunciationDialog")
        self.target = target
        self.rows = rows
        self.reset_requested = False
        self._style = style
        self._groups: dict[int, QButtonGroup] = {}
        self._buttons: dict[tuple[int, str], QRadioButton] = {}
        shown_chars = display or text[target.start:target.end]

        font = QFont(self.font())
        # Shows the characters: follows the text, never below the interface size (the app font).
        font.setPointSizeF(max(float(LARGE_PRINT_PT), min(40.0, font_pt), font.pointSizeF()))
        self.setFont(font)  # large print for every control in the dialog
        title = _t("Correct the pinyin of %1").replace("%1", shown_chars)
        self.setWindowTitle(title)
        now = ", ".join(f"{r.char} {spoken_name(r.shown)}" for r in rows)
        self.setAccessibleName(title)
        self.setAccessibleDescription(_t("Now: %1").replace("%1", now))

        layout = QVBoxLayout(self)
        context = QLabel(self)
        context.setObjectName("pronunciationContext")
        context.setTextFormat(Qt.TextFormat.RichText)
        context.setWordWrap(True)
        context.setText(self._context_html(text, target, display))
        context.setAccessibleName(_t("In the text: %1").replace("%1", self._context_plain(text, target)))
        layout.addWidget(context)
        if cut:
            note = QLabel(_t("Only the first %1 characters of your selection are shown.").replace("%1", str(MAX_CHARS)),
                          self)
            note.setWordWrap(True)
            layout.addWidget(note)

        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        first_checked: QRadioButton | None = None
        for row in rows:
            box = QGroupBox(self._row_title(row), body)
            box.setObjectName(f"pronunciationChar_{row.offset}")
            box.setAccessibleName(self._row_title(row, for_ear=True))
            box_layout = QVBoxLayout(box)
            group = QButtonGroup(box)
            group.setExclusive(True)
            for cand in row.candidates:
                button = QRadioButton(self._candidate_text(row, cand), box)
                button.setObjectName(f"reading_{row.offset}_{cand.reading}")
                button.setAccessibleName(self._candidate_text(row, cand, for_ear=True))
                button.setProperty("reading", cand.reading)
                group.addButton(button)
                box_layout.addWidget(button)
                self._buttons[(row.offset, cand.reading)] = button
                if cand.reading == row.shown:
                    button.setChecked(True)
                    first_checked = first_checked or button
            self._groups[row.offset] = group
            body_layout.addWidget(box)
        body_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout.addWidget(scroll, 1)

        self.respelling_edit = QLineEdit(respelling, self)
        self.respelling_edit.setObjectName("pronunciationRespelling")
        label = QLabel(_t("&Spoken as (optional, for experts):"), self)
        label.setBuddy(self.respelling_edit)
        label.setWordWrap(True)
        self.respelling_edit.setPlaceholderText(_t("characters the voice should say instead"))
        self.respelling_edit.setAccessibleName(_t("Spoken as (optional, for experts)"))
        self.respelling_edit.setAccessibleDescription(_t(
            "Only for speech, never shown: characters with the same sound that the voice reads correctly, "
            "for example 围 for 为 read wéi. Leave empty to let the reader choose."))
        self.respelling_edit.setToolTip(self.respelling_edit.accessibleDescription())
        layout.addWidget(label)
        layout.addWidget(self.respelling_edit)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("pronunciationProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        layout.addWidget(self.problem_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_t("Use this reading") if len(rows) == 1 else _t("Use these readings"))
        self.ok_button.setDefault(True)
        self.ok_button.setAccessibleName(self.ok_button.text())
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(_t("Cancel"))
        cancel.setAccessibleName(_t("Cancel"))
        self.reset_button = QPushButton(_t("&Reset this reading"), self)
        self.reset_button.setObjectName("pronunciationReset")
        self.reset_button.setAccessibleName(_t("Reset this reading"))
        self.reset_button.setAccessibleDescription(_t("Forget your own choice here and show the usual reading again."))
        self.reset_button.setEnabled(corrected)
        self.reset_button.setAutoDefault(False)
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.reset_button.clicked.connect(self._reset)
        layout.addWidget(buttons)
        self.resize(max(720, font.pointSize() * 30), min(980, 320 + sum(len(r.candidates) for r in rows) * font_pt * 2))
        if first_checked is not None:
            first_checked.setFocus(Qt.FocusReason.OtherFocusReason)
        elif rows:
            next(iter(self._groups[rows[0].offset].buttons())).setFocus(Qt.FocusReason.OtherFocusReason)

    # -- texts ---------------------------------------------------------------------------------
    def _reading(self, reading: str) -> str:
        marks = render(reading, PinyinStyle.TONE_MARKS)
        if self._style is PinyinStyle.TONE_MARKS:
            return marks
        return f"{marks} ({render(reading, self._style)})"

    def _row_title(self, row: CharRow, for_ear: bool = False) -> str:
        reading = spoken_name(row.shown) if for_ear else self._reading(row.shown)
        return _t("%1 — now %2").replace("%1", row.char).replace("%2", reading)

    def _candidate_text(self, row: CharRow, cand: Candidate, for_ear: bool = False) -> str:
        parts = [spoken_name(cand.reading) if for_ear else self._reading(cand.reading)]
        if cand.gloss:
            parts.append(cand.gloss)
        marks = []
        if cand.reading == row.shown:
            marks.append(_t("shown now"))
        if cand.reading == row.usual and row.usual != row.shown:
            marks.append(_t("usual reading"))
        text = "   ".join(parts)
        return f"{text}   ({', '.join(marks)})" if marks else text

    @staticmethod
    def _context_span(text: str, target: Target) -> tuple[int, int]:
        return max(0, target.start - 12), min(len(text), target.end + 12)

    def _context_html(self, text: str, target: Target, display: str) -> str:
        lo, hi = self._context_span(text, target)
        shown = display or text[target.start:target.end]
        before, after = html.escape(text[lo:target.start]), html.escape(text[target.end:hi])
        return (f"{'…' if lo else ''}{before}<b><u>{html.escape(shown)}</u></b>{after}{'…' if hi < len(text) else ''}")

    def _context_plain(self, text: str, target: Target) -> str:
        lo, hi = self._context_span(text, target)
        return text[lo:hi]

    # -- results -------------------------------------------------------------------------------
    def button(self, offset: int, reading: str) -> QRadioButton:
        return self._buttons[(offset, reading)]

    def choose(self, offset: int, reading: str) -> None:
        self._buttons[(offset, reading)].setChecked(True)

    def choices(self) -> list[tuple[int, str]]:
        """(offset, reading) for every character, as checked now."""
        out = []
        for row in self.rows:
            checked = self._groups[row.offset].checkedButton()
            out.append((row.offset, checked.property("reading") if checked is not None else row.shown))
        return out

    def respelling(self) -> str:
        return self.respelling_edit.text().strip()

    def _accept(self) -> None:
        text = self.respelling()
        if any(c in _FORBIDDEN_IN_RESPELLING for c in text) or len(text) > 4 * max(1, len(self.rows)) + 8:
            self.problem_label.setText(_t("The spoken form must be a few characters on one line."))
            self.problem_label.show()
            self.respelling_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.accept()

    def _reset(self) -> None:
        self.reset_requested = True
        self.accept()


class PronunciationFeature(QObject):
    """Owns the reader's corrections store and keeps the annotator, the views and speech in step with it."""

    changed = Signal(str)  # block id whose readings changed ("" for every block): speech re-prepares its chunks

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.setObjectName("pronunciationFeature")
        self.window = window
        self.view: ReaderView = window.view
        self.annotator: Annotator = window.annotator
        self.dialog: PronunciationDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.problem_box: QMessageBox | None = None
        # Corrections are kept per document (core/reader_annotator.corrections_path).
        self.store = CorrectionStore.open(corrections_path(AppDirs.default(), window.report))
        self._bind_annotator()

        actions = window.actions_by_id
        actions["correct_pinyin"].triggered.connect(self.correct_at_caret)
        actions["reset_all_corrections"].triggered.connect(self.confirm_reset_all)
        self.sandhi_group = QActionGroup(self)
        self.sandhi_group.setExclusive(True)
        for value, action_id in SANDHI_ACTIONS.items():
            action = actions[action_id]
            self.sandhi_group.addAction(action)
            action.setChecked(self.annotator.sandhi == value)
            action.triggered.connect(lambda _checked=False, v=value: window.settings.set("tone_sandhi", v))
        self._build_menu()
        window.settings.subscribe(self._setting_changed)
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)
        window.retranslated.connect(self.retranslate)
        if self.store.problem:
            QTimer.singleShot(0, self._show_problem)

    def _bind_annotator(self) -> None:
        """The store's record becomes the user layer; readings made from other data are dropped."""
        annotator = self.annotator
        stale = annotator.user.dumps() != self.store.record.dumps()
        annotator.user = self.store.record
        sandhi = self.window.settings["tone_sandhi"]
        if annotator.sandhi != sandhi:
            annotator.sandhi = sandhi  # the setter drops cached readings
        elif stale:
            annotator.invalidate()

    def _build_menu(self) -> None:
        """View ▸ Pinyin: correcting, resetting, and the two tone choices (taken out of the flat View menu)."""
        view_menu = self.window.menus["view"]
        actions = self.window.actions_by_id
        for action_id in PINYIN_MENU_ACTIONS:
            if action_id:
                view_menu.removeAction(actions[action_id])
        menu = QMenu(_t("&Pinyin"), view_menu)
        menu.setObjectName("pinyinMenu")
        for action_id in PINYIN_MENU_ACTIONS:
            if action_id:
                menu.addAction(actions[action_id])
            else:
                menu.addSeparator()
        after = actions.get("cycle_pinyin_style")
        entries = view_menu.actions()
        before = entries[entries.index(after) + 1] if after in entries and entries.index(after) + 1 < len(entries) \
            else None
        if before is not None:
            view_menu.insertMenu(before, menu)
        else:
            view_menu.addMenu(menu)
        self.menu = menu

    def retranslate(self) -> None:
        self.menu.setTitle(_t("&Pinyin"))

    # -- what to correct -----------------------------------------------------------------------
    def selection_target(self) -> Target | None:
        """The selected characters (within one block), else the character at the caret."""
        cursor = self.view.textCursor()
        doc = self.view.document()
        if cursor.hasSelection():
            block = doc.findBlock(cursor.selectionStart())
            index, start = self.view.text_place(cursor.selectionStart())
            end = self.view.text_place(min(cursor.selectionEnd(), block.position() + block.length() - 1))[1]
            return self._trim(index, start, end)
        return self._char_target(*self.view.text_place(cursor.position()))

    def point_target(self, viewport_pos: QPoint) -> Target | None:
        """The character under a point of the view's viewport (its pinyin counts as part of it)."""
        view = self.view
        hit = view.hit_test(viewport_pos)  # the cell the reader sees, with their character spacing
        if hit is not None:
            return self._char_target(*hit, exact=True)
        return self._char_target(*view.text_place(view.cursorForPosition(viewport_pos).position()))

    def _char_target(self, index: int, offset: int, exact: bool = False) -> Target | None:
        text = self.view.report.blocks[index].text
        for candidate in ((offset,) if exact else (offset, offset - 1)):
            if 0 <= candidate < len(text) and is_han(text[candidate]):
                return Target(index, self.view.report.blocks[index].id, candidate, candidate + 1)
        return None

    def _trim(self, index: int, start: int, end: int) -> Target | None:
        text = self.view.report.blocks[index].text
        while start < end and not is_han(text[start]):
            start += 1
        while end > start and not is_han(text[end - 1]):
            end -= 1
        if start >= end:
            return None
        return Target(index, self.view.report.blocks[index].id, start, end)

    def _overlapping(self, block_id: str, start: int, end: int) -> list[Entry]:
        return [e for e in self.store.record.entries if e.scope == "at" and e.block_id == block_id
                and e.offset < end and start < e.offset + len(e.readings)]

    def _expand(self, target: Target) -> Target:
        """Cover every stored correction the span touches, so one dialog shows (and replaces) all of it."""
        start, end = target.start, target.end
        while True:
            entries = self._overlapping(target.block_id, start, end)
            lo = min([start, *(e.offset for e in entries)])
            hi = max([end, *(e.offset + len(e.readings) for e in entries)])
            if (lo, hi) == (start, end):
                return dataclasses.replace(target, start=start, end=end)
            start, end = lo, hi

    def _display(self, text: str) -> str:
        """The characters as the view shows them (Traditional, when chosen); same length as text."""
        display_text = getattr(self.view, "display_text", None)
        return display_text(text) if display_text is not None else text

    # -- the dialog ----------------------------------------------------------------------------
    def correct_at_caret(self) -> None:
        self.open_dialog(self.selection_target())

    def open_dialog(self, target: Target | None) -> PronunciationDialog | None:
        if target is None:
            QApplication.beep()
            self.window.announce(_t("Select a Chinese character or word first, or put the cursor on one."))
            return None
        block = self.view.report.blocks[target.index]
        cut = False
        han = [i for i in range(target.start, target.end) if is_han(block.text[i])]
        if len(han) > MAX_CHARS:
            target = dataclasses.replace(target, end=han[MAX_CHARS - 1] + 1)
            cut = True
        target = self._expand(target)  # after cutting, so no stored correction is ever cut in two
        if self.view.readings_provider is not None:  # a document nobody reviewed: this block's readings first
            self.view.readings_provider.wait_for(target.index)
        rows = char_rows(self.annotator, block.text, block.id, target.start, target.end)
        if not rows:
            QApplication.beep()
            self.window.announce(_t("There is no Chinese character to correct here."))
            return None
        own = [e for e in self._overlapping(block.id, target.start, target.end) if e.why == WHY_OWN_RESPELLING]
        respelling = own_respelling(block.text, target, own)
        if self.dialog is not None:
            self.dialog.close()
        display = self._display(block.text)[target.start:target.end]
        dialog = PronunciationDialog(
            target, block.text, rows, font_pt=self.view.font_size(), style=self.view.pinyin_style(),
            respelling=respelling, corrected=bool(self._overlapping(block.id, target.start,
                                                                                         target.end)),
            cut=cut, display=display if display != block.text[target.start:target.end] else "", parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self._dialog_accepted(d))
        dialog.destroyed.connect(lambda _obj=None, d=dialog: self._forget_dialog(d))
        self.dialog = dialog
        dialog.open()
        self.window.announce(dialog.windowTitle() + ". " + dialog.accessibleDescription())
        self.window.events.emit("pronunciation.dialog", block=block.id, start=target.start, end=target.end)
        return dialog

    def _forget_dialog(self, dialog: PronunciationDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _dialog_accepted(self, dialog: PronunciationDialog) -> None:
        if dialog.reset_requested:
            self.reset(dialog.target)
        else:
            self.correct(dialog.target, dict(dialog.choices()), dialog.respelling())
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- changing the store --------------------------------------------------------------------
    def correct(self, target: Target, chosen: dict[int, str], respelling: str = "") -> bool:
        """Store the reader's readings for the target (offset → reading); readings equal to the usual
        one need no entry. With a respelling, one entry covers the span and carries it."""
        block = self.view.report.blocks[target.index]
        rows = {r.offset: r for r in char_rows(self.annotator, block.text, block.id, target.start, target.end)}
        new: list[Entry] = []
        if respelling:
            respelling = self._respell_choices(block.text[target.start:target.end], target.start, respelling,
                                               chosen, rows)
            readings = tuple(chosen[i] if i in chosen and i in rows and chosen[i] != rows[i].usual else "*"
                             for i in range(target.start, target.end))
            new.append(Entry("at", f"{block.id}:{target.start}", readings, respelling, WHY_OWN_RESPELLING))
        else:
            for offset, reading in sorted(chosen.items()):
                row = rows.get(offset)
                if row is not None and reading != row.usual:
                    spoken = spoken_respelling(row.char, [reading])
                    new.append(Entry("at", f"{block.id}:{offset}", (reading,), spoken, WHY_CHOICE))
        if not self._replace(block.id, target.start, target.end, new):
            return False
        stored = self.annotator.readings(block.text, block.id)[target.start:target.end]
        shown = " ".join(render(r, PinyinStyle.TONE_MARKS) for r in stored if r)
        self.window.announce(_t("%1 is now read %2. Speech uses it too.")
                             .replace("%1", block.text[target.start:target.end]).replace("%2", shown))
        self.window.events.emit("pronunciation.corrected", block=block.id, start=target.start, end=target.end,
                                readings=[r for r in stored if r], spoken=respelling)
        return True

    @staticmethod
    def _respell_choices(span: str, start: int, respelling: str, chosen: dict[int, str],
                         rows: dict[int, CharRow]) -> str:
        """A typed spoken form that keeps a character the reader also re-read gets that character's
        homophone, so speech follows both."""
        if len(respelling) != len(span):
            return respelling
        chars = list(respelling)
        for i, char in enumerate(chars):
            row = rows.get(start + i)
            reading = chosen.get(start + i)
            if char == span[i] and row is not None and reading and reading != row.usual:
                chars[i] = spoken_respelling(char, [reading]) or char
        return "".join(chars)

    def reset(self, target: Target) -> bool:
        """Forget the reader's corrections in the target; the usual readings show again."""
        block = self.view.report.blocks[target.index]
        if not self._overlapping(block.id, target.start, target.end):
            self.window.announce(_t("You have not corrected this reading."))
            return False
        if not self._replace(block.id, target.start, target.end, []):
            return False
        stored = self.annotator.readings(block.text, block.id)[target.start:target.end]
        shown = " ".join(render(r, PinyinStyle.TONE_MARKS) for r in stored if r)
        self.window.announce(_t("%1 is read %2 again.").replace("%1", block.text[target.start:target.end])
                             .replace("%2", shown))
        self.window.events.emit("pronunciation.reset", block=block.id, start=target.start, end=target.end)
        return True

    def _replace(self, block_id: str, start: int, end: int, new: list[Entry]) -> bool:
        """Swap the entries overlapping [start, end) for ``new`` and save; on failure nothing changes."""
        record = self.store.record
        before = list(record.entries)
        try:
            for entry in self._overlapping(block_id, start, end):
                record.remove(entry.scope, entry.target)
            for entry in new:
                record.add(entry)
            self.store.save()
        except (OSError, RecordError) as exc:
            record.entries = before
            self._error(_t("Your correction could not be saved: %1").replace("%1", str(exc)))
            return False
        self._refresh(block_id)
        return True

    def confirm_reset_all(self) -> QMessageBox | None:
        count = len(self.store.record.entries)
        if not count:
            self.window.announce(_t("You have no pinyin corrections."))
            return None
        box = message_box(self.window, QMessageBox.Icon.Question, _t("Reset all my corrections"),
                          _t("Forget all %1 of your pinyin corrections and show the usual readings again?")
                          .replace("%1", str(count)), name="resetAllCorrectionsBox",
                          buttons=QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(_t("Reset all"))
        box.button(QMessageBox.StandardButton.No).setText(_t("Keep them"))
        box.finished.connect(lambda result: self._reset_all_answered(result == QMessageBox.StandardButton.Yes))
        self.confirm_box = box
        box.open()
        return box

    def _reset_all_answered(self, yes: bool) -> None:
        self.confirm_box = None
        if yes:
            self.reset_all()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def reset_all(self) -> int:
        before = list(self.store.record.entries)
        try:
            count = self.store.reset_all()
        except OSError as exc:
            self.store.record.entries[:] = before
            self._error(_t("Your corrections could not be reset: %1").replace("%1", str(exc)))
            return 0
        self._refresh("")
        self.window.announce(_t("All your pinyin corrections were reset (%1).").replace("%1", str(count)))
        self.window.events.emit("pronunciation.reset_all", count=count)
        return count

    # -- tone sandhi ---------------------------------------------------------------------------
    def _setting_changed(self, name: str, value: object) -> None:
        if name != "tone_sandhi" or value not in SANDHI_ACTIONS:
            return
        action = self.window.actions_by_id[SANDHI_ACTIONS[str(value)]]
        if not action.isChecked():
            action.setChecked(True)
        if self.annotator.sandhi == value:
            return
        self.view.wait_for_warm_up()  # the warm-up thread must not store readings made the old way
        self.annotator.sandhi = str(value)
        self._refresh("", quiet=True)
        self.window.announce(_t("Pinyin of 一 and 不: spoken tones") if value == SPOKEN
                             else _t("Pinyin of 一 and 不: dictionary tones"))
        self.window.events.emit("pinyin.tone_sandhi", value=value)

    # -- shared --------------------------------------------------------------------------------
    def _refresh(self, block_id: str, quiet: bool = False) -> None:
        """New readings everywhere: annotator cache, every pinyin view of the window, speech."""
        self.view.wait_for_warm_up()
        self.annotator.invalidate()
        for view in {self.view, *self.window.findChildren(ReaderView)}:
            view.refresh_readings()
        self.changed.emit(block_id)

    def _error(self, message: str) -> None:
        log.warning("%s", message)
        self.window.announce(message)
        message_box(self.window, QMessageBox.Icon.Warning, _t("Pinyin corrections"), message,
                    name="pronunciationErrorBox").open()

    def _show_problem(self) -> None:
        message = self.store.problem
        log.warning("%s", message)
        self.window.announce(message)
        box = message_box(self.window, QMessageBox.Icon.Warning, _t("Pinyin corrections could not be read"), message,
                          name="correctionsProblemBox")
        self.problem_box = box
        box.open()

    # -- the text's context menu ---------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ContextMenu and obj in (self.view, self.view.viewport()):
            assert isinstance(event, QContextMenuEvent)
            pos = event.pos() if obj is self.view.viewport() else self.view.viewport().mapFrom(self.view, event.pos())
            keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
            menu = self.context_menu(pos, keyboard)
            menu.popup(event.globalPos())
            return True
        return super().eventFilter(obj, event)

    def context_menu(self, viewport_pos: QPoint, keyboard: bool = False) -> QMenu:
        """The view's own menu (copy, select all) and "Correct the pinyin of …" for the point or selection."""
        view = self.view
        menu = view.createStandardContextMenu(viewport_pos)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        cursor = view.textCursor()
        inside = False
        if cursor.hasSelection():
            at = view.cursorForPosition(viewport_pos).position()
            inside = keyboard or cursor.selectionStart() <= at <= cursor.selectionEnd()
        target = self.selection_target() if keyboard or inside else self.point_target(viewport_pos)
        menu.addSeparator()
        if target is not None:
            text = view.report.blocks[target.index].text[target.start:target.end]
            shown = self._display(text)
            label = _t("Correct the pinyin of “%1”…").replace("%1", shown if len(shown) < 12 else shown[:10] + "…")
        else:
            label = _t("Correct the pinyin…")
        action = QAction(label + "\tF2", menu)
        action.setObjectName("contextCorrectPinyin")
        action.setEnabled(target is not None)
        action.triggered.connect(lambda _checked=False, t=target: self.open_dialog(t))
        menu.addAction(action)
        return menu

