"""Correcting a reading as a reader would: select, F2, choose with the keyboard, see it, keep it, reset it;
and the 一/不 tone choice in View ▸ Pinyin."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QRadioButton,
)

from fenggang_reader.core.corrections import FILE_NAME
from fenggang_reader.core.spoken import MarkerPolicy, prepare_block
from fenggang_reader.core.storage import AppDirs
from fenggang_reader.ui.pronunciation_dialog import MAX_CHARS, WHY_OWN_RESPELLING, PronunciationDialog

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BLOCK, WORD = "y2024-p03", "行业"  # 行业 háng yè; a reader who insists on xíng is our test user


def corrections_file():
    return AppDirs.default().data / FILE_NAME


def locate(window, word: str, block_id: str | None = None) -> tuple[int, int]:
    """(block index, offset) of the first occurrence of word (in block_id when given)."""
    for index, block in enumerate(window.report.blocks):
        if (block_id is None or block.id == block_id) and word in block.text:
            return index, block.text.index(word)
    raise AssertionError(f"{word} not in the report")


def select(window, index: int, start: int, end: int) -> None:
    view = window.view
    first, last = view.document_span(index, start, end)
    cursor = QTextCursor(view.document())
    cursor.setPosition(first)
    cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def put_caret(window, index: int, offset: int) -> None:
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.document_position(index, offset))
    window.view.setTextCursor(cursor)


def syllable(window, index: int, offset: int) -> str:
    window.view.ensure_laid_out()  # Qt lays out lazily; far blocks have no lines yet
    return next(g.syllable for g in window.view.glyphs(index) if g.offset == offset)


def open_with_f2(window, qtbot) -> PronunciationDialog:
    window.activateWindow()  # offscreen, a closed dialog does not hand activation back by itself
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    QApplication.processEvents()
    dialog = window.pronunciation.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_select_a_word_choose_by_keyboard_and_the_view_speech_and_file_follow(window, qtbot):
    announced: list[str] = []
    window.announced.connect(announced.append)
    index, offset = locate(window, WORD, BLOCK)
    assert syllable(window, index, offset) == "háng"
    select(window, index, offset, offset + 2)
    dialog = open_with_f2(window, qtbot)

    # One group per character, the current reading checked, every reading with what selects it.
    assert [(r.char, r.shown) for r in dialog.rows] == [("行", "hang2"), ("业", "ye4")]
    hang, xing = dialog.button(offset, "hang2"), dialog.button(offset, "xing2")
    assert hang.isChecked() and hang.hasFocus()
    assert "行业、银行" in hang.text() and "shown now" in hang.text()
    assert "行动、进行" in xing.text()
    assert "háng" in dialog.accessibleDescription() and "tone 2" in dialog.accessibleDescription()
    assert any("háng" in a and "行业" in a for a in announced)  # the screen reader hears what is being corrected

    qtbot.keyClick(hang, Qt.Key.Key_Up)  # arrows move between the readings of one character
    assert xing.isChecked()
    qtbot.keyClick(xing, Qt.Key.Key_Return)  # Enter confirms
    qtbot.waitUntil(lambda: window.pronunciation.dialog is None)  # closed (and deleted)

    assert syllable(window, index, offset) == "xíng"  # repainted at once
    assert syllable(window, index, offset + 1) == "yè"
    saved = corrections_file().read_text(encoding="utf-8")
    assert f"at\t{BLOCK}:{offset}\txing2\t" in saved
    assert "xíng" in announced[-1]
    # Speech takes the same record: the chunk sent to the engine carries an unambiguous homophone of xíng.
    block = window.report.get(BLOCK)
    chunks = prepare_block(block, window.report, MarkerPolicy.SKIP, [window.annotator.record, window.annotator.user])
    spoken = "".join(c.text for c in chunks)
    assert "行业" not in spoken and any(f"{h}业" in spoken for h in "形型刑邢硎陉荥")


def test_a_restart_keeps_the_correction_and_reset_restores_the_usual_reading(make_window, qtbot):
    window = make_window()
    index, offset = locate(window, WORD, BLOCK)
    select(window, index, offset, offset + 1)
    dialog = open_with_f2(window, qtbot)
    assert not dialog.reset_button.isEnabled()  # nothing of the reader's to reset yet
    dialog.choose(offset, "xing2")
    dialog.ok_button.click()
    window.close()

    again = make_window()  # a new window reads the corrections file like a restart
    assert syllable(again, index, offset) == "xíng"
    put_caret(again, index, offset)  # nothing selected: the character at the caret
    dialog = open_with_f2(again, qtbot)
    assert [r.char for r in dialog.rows] == ["行"]
    assert dialog.rows[0].usual == "hang2" and "usual reading" in dialog.button(offset, "hang2").text()
    assert dialog.reset_button.isEnabled()
    dialog.reset_button.click()
    QApplication.processEvents()
    assert syllable(again, index, offset) == "háng"
    assert f"{BLOCK}:{offset}" not in corrections_file().read_text(encoding="utf-8")


def test_choosing_the_usual_reading_stores_nothing(window, qtbot):
    index, offset = locate(window, WORD, BLOCK)
    select(window, index, offset, offset + 2)
    dialog = open_with_f2(window, qtbot)
    dialog.ok_button.click()
    assert not window.pronunciation.store.record.entries
    assert not corrections_file().exists() or f"{BLOCK}:" not in corrections_file().read_text(encoding="utf-8")


def test_export_pinyin_reflects_the_readers_correction(window, qtbot, isolated_home):
    index, offset = locate(window, WORD, BLOCK)
    put_caret(window, index, offset)
    dialog = open_with_f2(window, qtbot)
    dialog.choose(offset, "xing2")
    dialog.ok_button.click()
    env = {**os.environ, "FENGGANG_READER_HOME": str(isolated_home)}
    out = subprocess.run([sys.executable, "-m", "fenggang_reader", "export-pinyin"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120, check=True).stdout
    block = next(b for b in json.loads(out) if b["id"] == BLOCK)
    assert block["pinyin"][offset] == "xíng"
    assert block["pinyin"][offset + 1] == "yè"


def test_the_context_menu_corrects_the_character_under_the_mouse(window, qtbot):
    view = window.view
    index, offset = locate(window, WORD, BLOCK)
    view.set_current_index(index)
    QApplication.processEvents()
    rects = {o: (c, p) for o, c, p in view.pinyin_rects(index)}
    char_rect, pinyin_rect = rects[offset]
    scroll = QPoint(view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    for point in (char_rect.center(), pinyin_rect.center()):  # on the character or on its pinyin
        menu = window.pronunciation.context_menu(point.toPoint() - scroll)
        action = next(a for a in menu.actions() if a.objectName() == "contextCorrectPinyin")
        assert "“行”" in action.text() and action.isEnabled()
        assert any(a.text() and "Copy" in a.text() for a in menu.actions())  # the view's own items stay
        action.trigger()
        dialog = window.pronunciation.dialog
        assert [(r.offset, r.char) for r in dialog.rows] == [(offset, "行")]
        dialog.reject()
        menu.close()


def test_the_context_menu_hit_cell_follows_the_readers_character_spacing(window):
    """With wide character spacing the space after a character is still that character's (as the eye sees it)."""
    view = window.view
    window.settings.set("character_spacing", 200)  # the view follows the setting
    index, offset = locate(window, WORD, BLOCK)
    view.set_current_index(index)
    QApplication.processEvents()
    cell = next(c for c in view.ruby_cells(index) if c.offset == offset)
    assert cell.cell.width() > cell.char.width() * 1.9
    scroll = QPointF(view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    gap = QPointF(cell.char.left() + cell.char.width() * 1.8, cell.char.center().y()) - scroll  # right of the ink
    assert view.hit_test(gap) == (index, offset)
    assert window.pronunciation.point_target(gap.toPoint()).start == offset
    pinyin = QPointF(cell.ruby.center()) - scroll
    assert view.hit_test(pinyin) == (index, offset)


def test_the_menu_key_opens_the_context_menu_for_the_selection(window, qtbot):
    index, offset = locate(window, WORD, BLOCK)
    select(window, index, offset, offset + 2)
    rect = window.view.cursorRect()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, rect.center(), window.view.mapToGlobal(rect.center()))
    QApplication.sendEvent(window.view, event)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    action = next(a for a in menu.actions() if a.objectName() == "contextCorrectPinyin")
    assert "“行业”" in action.text() and "F2" in action.text()
    menu.close()


def test_a_typed_spoken_form_goes_to_speech_only(window, qtbot):
    index, offset = locate(window, WORD, BLOCK)
    select(window, index, offset, offset + 2)
    dialog = open_with_f2(window, qtbot)
    dialog.respelling_edit.setText("航夜")
    dialog.ok_button.click()
    entry = window.pronunciation.store.record.entries[-1]
    assert (entry.target, entry.readings, entry.spoken, entry.why) == (f"{BLOCK}:{offset}", ("*", "*"), "航夜",
                                                                         WHY_OWN_RESPELLING)
    assert syllable(window, index, offset) == "háng"  # never shown
    block = window.report.get(BLOCK)
    chunks = prepare_block(block, window.report, MarkerPolicy.SKIP, [window.annotator.record, window.annotator.user])
    assert "航夜" in "".join(c.text for c in chunks)
    # Opening the dialog again shows the reader's own spoken form, to edit or clear.
    select(window, index, offset + 1, offset + 2)
    dialog = open_with_f2(window, qtbot)
    assert [r.char for r in dialog.rows] == ["行", "业"]  # grown to cover the stored correction
    assert dialog.respelling_edit.text() == "航夜"
    dialog.respelling_edit.setText("a\tb")
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.problem_label.isVisible()  # refused with a reason, nothing lost
    dialog.reject()


def test_a_wider_dialog_keeps_an_own_spoken_form_and_adds_a_new_choice(window, qtbot):
    index, offset = locate(window, WORD, BLOCK)
    text = window.report.get(BLOCK).text
    select(window, index, offset, offset + 2)
    dialog = open_with_f2(window, qtbot)
    dialog.respelling_edit.setText("航夜")
    dialog.ok_button.click()
    start = max(i for i in range(offset - 3, offset) if all("\u4e00" <= c <= "\u9fff" for c in text[i:offset]))
    select(window, index, start, offset + 2)  # a longer stretch around the respelled word
    dialog = open_with_f2(window, qtbot)
    assert dialog.respelling_edit.text() == text[start:offset] + "航夜"
    dialog.choose(offset, "xing2")
    dialog.ok_button.click()
    entries = window.pronunciation.store.record.entries
    assert len(entries) == 1 and entries[0].target == f"{BLOCK}:{start}"
    assert entries[0].spoken == text[start:offset] + "航夜"  # the typed form wins over the reading's homophone
    assert syllable(window, index, offset) == "xíng"
    chunks = prepare_block(window.report.get(BLOCK), window.report, MarkerPolicy.SKIP,
                           [window.annotator.record, window.annotator.user])
    assert text[start:offset] + "航夜" in "".join(c.text for c in chunks)


def test_reset_all_asks_first(window, qtbot):
    feature = window.pronunciation
    index, offset = locate(window, WORD, BLOCK)
    yi_index, yi_offset = locate(window, "进一步")
    for i, at, reading in ((index, offset, "xing2"), (yi_index, yi_offset + 1, "yi4")):
        put_caret(window, i, at)
        dialog = open_with_f2(window, qtbot)
        dialog.choose(at, reading)
        dialog.ok_button.click()
    count = len(feature.store.record.entries)
    assert count == 2 and syllable(window, yi_index, yi_offset + 1) == "yì"

    window.actions_by_id["reset_all_corrections"].trigger()
    box = feature.confirm_box
    assert box is not None and box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    assert str(count) in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    QApplication.processEvents()
    assert len(feature.store.record.entries) == count

    window.actions_by_id["reset_all_corrections"].trigger()
    feature.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    QApplication.processEvents()
    assert not feature.store.record.entries
    assert syllable(window, index, offset) == "háng" and syllable(window, yi_index, yi_offset + 1) == "yī"
    assert "\t" not in corrections_file().read_text(encoding="utf-8").split("\n", 1)[1]


def test_spoken_tones_menu_changes_yi_live_and_is_restored(make_window, qtbot):
    """Over a short cut of the report: each switch reads every 一 and 不 of the document again, twice a window."""
    from tests.support.shipped import shipped_excerpt

    window = make_window(shipped_excerpt)
    index, offset = locate(window, "进一步")
    yi = offset + 1
    assert syllable(window, index, yi) == "yī"
    citation = window.actions_by_id["sandhi_citation"]
    spoken = window.actions_by_id["sandhi_spoken"]
    assert citation.isChecked() and not spoken.isChecked()
    menu = window.pronunciation.menu
    assert spoken in menu.actions() and spoken not in window.menus["view"].actions()
    assert menu.menuAction() in window.menus["view"].actions()

    spoken.trigger()
    assert spoken.isChecked() and not citation.isChecked()
    assert syllable(window, index, yi) == "yí"  # 一 before 步 bù (4th tone)
    assert window.settings["tone_sandhi"] == "spoken"
    window.close()

    again = make_window(shipped_excerpt)
    assert again.actions_by_id["sandhi_spoken"].isChecked()
    assert syllable(again, index, yi) == "yí"
    again.actions_by_id["sandhi_citation"].trigger()
    assert syllable(again, index, yi) == "yī"


def test_a_user_choice_for_yi_is_kept_under_spoken_tones(window, qtbot):
    index, offset = locate(window, "进一步")
    window.actions_by_id["sandhi_spoken"].trigger()
    put_caret(window, index, offset + 1)
    dialog = open_with_f2(window, qtbot)
    assert dialog.rows[0].char == "一" and dialog.rows[0].shown == "yi2"
    dialog.choose(offset + 1, "yi1")
    dialog.ok_button.click()
    assert syllable(window, index, offset + 1) == "yī"


def test_a_damaged_corrections_file_is_kept_aside_with_a_clear_message(make_window, qtbot):
    path = corrections_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    damaged = b"at\tnot a target\txyz9\tgarbage\n"
    path.write_bytes(damaged)
    window = make_window()
    qtbot.waitUntil(lambda: window.pronunciation.problem_box is not None)
    box = window.pronunciation.problem_box
    assert box.isVisible() and "could not be read" in box.text() and ".bad" in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    kept = list(path.parent.glob(f"{FILE_NAME}.*.bad"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # nothing lost
    index, offset = locate(window, WORD, BLOCK)
    assert syllable(window, index, offset) == "háng"  # the report still reads right
    put_caret(window, index, offset)
    dialog = open_with_f2(window, qtbot)
    dialog.choose(offset, "xing2")
    dialog.ok_button.click()
    assert f"{BLOCK}:{offset}\txing2" in path.read_text(encoding="utf-8")
    assert kept[0].read_bytes() == damaged


def test_a_failed_save_changes_nothing_and_says_why(window, qtbot, monkeypatch):
    import fenggang_reader.core.corrections as corrections

    def refuse(path, text):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(corrections, "atomic_write_text", refuse)
    announced: list[str] = []
    window.announced.connect(announced.append)
    index, offset = locate(window, WORD, BLOCK)
    put_caret(window, index, offset)
    dialog = open_with_f2(window, qtbot)
    dialog.choose(offset, "xing2")
    dialog.ok_button.click()
    assert not window.pronunciation.store.record.entries
    assert syllable(window, index, offset) == "háng"
    assert "could not be saved" in announced[-1] and "No space left" in announced[-1]
    assert window.findChild(QMessageBox, "pronunciationErrorBox") is not None


def test_nothing_to_correct_is_said_not_shown(window, qtbot):
    announced: list[str] = []
    window.announced.connect(announced.append)
    index, offset = locate(window, "2024")
    select(window, index, offset, offset + 4)  # digits only
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    assert window.pronunciation.dialog is None
    assert "Chinese character" in announced[-1]


def test_a_long_selection_is_cut_and_every_control_is_named(window, qtbot):
    index = next(i for i, b in enumerate(window.report.blocks) if b.kind.name == "PARAGRAPH")
    select(window, index, 0, 40)
    dialog = open_with_f2(window, qtbot)
    assert len(dialog.rows) == MAX_CHARS
    assert f"first {MAX_CHARS}" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    for widget in [*dialog.findChildren(QAbstractButton), *dialog.findChildren(QLineEdit),
                   *dialog.findChildren(QGroupBox)]:
        assert widget.accessibleName(), widget.objectName()
    radios = dialog.findChildren(QRadioButton)
    assert len(radios) >= MAX_CHARS and all("tone" in r.accessibleName() for r in radios)
    assert dialog.font().pointSize() >= 20
    dialog.reject()


def test_the_dialog_shows_the_readers_pinyin_style_too(window, qtbot):
    window.actions_by_id["cycle_pinyin_style"].trigger()  # tone numbers
    index, offset = locate(window, WORD, BLOCK)
    put_caret(window, index, offset)
    dialog = open_with_f2(window, qtbot)
    assert "xíng (xing2)" in dialog.button(offset, "xing2").text()
    dialog.reject()
