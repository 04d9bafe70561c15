"""A document the reader brings, in the window: sub-headings nested in the contents and said with their level,
Ctrl+I naming the heading and sub-heading, and 【n】 / ① notes working like the report's [n] (Tab, Enter, Esc)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fenggang_reader.core.document_places import DocumentSource
from fenggang_reader.core.documents.extract import ExtractedText
from fenggang_reader.core.documents.structure import structure_document
from fenggang_reader.core.line_breaks import strip_marks
from fenggang_reader.core.reader_annotator import reader_annotator
from fenggang_reader.core.settings import Settings
from fenggang_reader.ui.contents_panel import LEVEL_ROLE
from fenggang_reader.ui.main_window import MainWindow
from fenggang_reader.ui.orientation import place_text, where_am_i_text
from tests.core.documents.samples import TOWN_REPORT, VILLAGE_NOTICE


@pytest.fixture
def open_window(app, qtbot):
    windows = []

    def open_text(text: str) -> MainWindow:
        report = structure_document(ExtractedText(text.splitlines(), None, "text"))
        win = MainWindow(report, reader_annotator(), Settings())
        qtbot.addWidget(win)
        win.resize(1200, 850)
        win.show()
        qtbot.waitExposed(win)
        win.view.setFocus()
        windows.append(win)
        return win

    yield open_text
    for win in windows:
        if win.glossary.popup is not None:
            win.glossary.close_popup(restore_focus=False)


def test_sub_headings_nest_under_their_heading_and_say_their_level(open_window):
    win = open_window(TOWN_REPORT)
    contents = win.contents
    heading, sub = contents.item_for("d-h03"), contents.item_for("d-h03-1")
    assert sub.parent() is heading and heading.parent() is contents.item_for("d-part-2")
    assert (heading.data(0, LEVEL_ROLE), sub.data(0, LEVEL_ROLE)) == (3, 4)
    review = contents.item_for("d-h01")  # the review's （一） are its headings
    assert review.parent() is contents.item_for("d-part-1") and review.data(0, LEVEL_ROLE) == 3
    assert place_text(win, win.report.index_of("d-h03-1")).endswith(", heading level 4")
    win.view.set_current_index(win.report.index_of("d-h03-1") + 1)
    said = where_am_i_text(win)
    assert said.startswith("二、2025年工作安排, 一、坚持创新驱动，培育发展新动能, （一）加快产业转型升级, Paragraph")


def test_bracketed_and_termless_notes_open_from_the_keyboard(open_window, qtbot):
    win = open_window(VILLAGE_NOTICE)
    view = win.view
    view.set_current_index(0)
    terms = []
    for _ in win.glossary.glossary.links:
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        QApplication.processEvents()
        terms.append(view.textCursor().selectedText())
    assert [strip_marks(t) for t in terms] == ["“四小园”【1】", "“门前三包”【2】", "“门前三包”",
                                                        "“美丽庭院”【3】"]
    said: list[str] = []
    win.announced.connect(said.append)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    popup = win.glossary.popup
    assert popup is not None and popup.note.number == 3 and popup.note.term == ""
    assert popup.windowTitle() == "Note 3: 村委会每季度评选一次，名…"
    # A note without a term is said once: "Note 3: 村委会每季度评选一次，名…. 村委会每季度…" read its start twice.
    assert said == [f"Note 3: {popup.note.explanation}"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is popup.view)
    qtbot.keyClick(popup.view, Qt.Key.Key_Escape)
    assert win.glossary.popup is None
    notes = [win.contents.item_for(f"d-note-{n}").text(0) for n in (1, 2, 3)]
    assert notes == ["[1] 四小园", "[2] 门前三包", "[3] 村委会每季度评选一次，名…"]


def test_the_export_dialogs_offer_the_documents_parts_and_name(open_window, isolated_home):
    win = open_window(TOWN_REPORT.replace("2025年清溪镇政府工作报告", "2025年清溪镇政府工作报告/修订稿"))
    win.actions_by_id["export_audio"].trigger()
    audio = win.exports.feature().audio_dialog
    parts = [(audio.part.itemData(i), audio.part.itemText(i)) for i in range(audio.part.count())]
    assert parts == [("all", "The whole document"), ("1", "Part 1: 一、2024年工作回顾"),
                     ("2", "Part 2: 二、2025年工作安排"), ("notes", "The notes (explanations of terms)")]
    assert audio.folder.text().endswith("2025年清溪镇政府工作报告 修订稿")  # the title, made a safe folder name
    audio.close()
    win.actions_by_id["export_pdf"].trigger()
    pdf = win.exports.feature().pdf_dialog
    assert pdf.path.text().endswith("2025年清溪镇政府工作报告 修订稿.pdf")
    pdf.close()


def test_chapters_nest_their_headings_and_sub_headings(open_window):
    win = open_window("村规民约\n第一章　总则\n正文。\n第二章　社会治安\n一、邻里纠纷\n正文。\n（一）调解程序\n正文。\n二、防火\n正文。")
    item = win.contents.item_for
    assert item("d-h02-1").parent() is item("d-h02") and item("d-h02-2").parent() is item("d-h02-1")
    assert item("d-h02-3").parent() is item("d-h02") and item("d-h01").parent() is item("d-title").parent()
    assert [item(i).data(0, LEVEL_ROLE) for i in ("d-h02", "d-h02-1", "d-h02-2")] == [3, 4, 5]


def test_a_sub_heading_is_drawn_at_the_body_size_below_its_heading(open_window):
    """（一） under 一、: bold like the heading, but at the size of the text, so the two levels look different."""
    win = open_window(TOWN_REPORT)
    view, report = win.view, win.report
    heading, sub = report.index_of("d-h03"), report.index_of("d-h03-1")
    paragraph = next(i for i, b in enumerate(report.blocks) if b.kind.value == "paragraph")

    def drawn_size(index: int) -> float:
        block = view.document().findBlockByNumber(index)
        return block.begin().fragment().charFormat().font().pointSizeF()

    assert drawn_size(sub) == pytest.approx(drawn_size(paragraph))
    assert drawn_size(heading) > drawn_size(sub)
    assert view.block_factor(sub) == 1.0 < view.block_factor(heading)


def test_a_note_on_the_title_is_not_part_of_the_documents_name(app, qtbot, tmp_path):
    """关于调整…的通知【1】 with 【1】 a note: the window title and the contents name the notice without 【1】,
    which the text keeps as the note's link."""
    text = ("关于调整长者助餐补贴标准的通知【1】\n各村（社区）：\n请做好宣传解释工作【2】。\n注释：\n"
            "【1】本通知自发布之日起施行。\n【2】宣传解释：向群众讲清楚补贴怎样申请。")
    report = structure_document(ExtractedText(text.splitlines(), None, "text"))
    win = MainWindow(report, reader_annotator(), Settings(), source=DocumentSource(tmp_path / "通知.txt"))
    qtbot.addWidget(win)
    assert report.markers_in("d-title") and report.blocks[0].text.endswith("通知【1】")
    assert win.windowTitle() == "关于调整长者助餐补贴标准的通知"
    assert win.contents.item_for("d-title").text(0) == "关于调整长者助餐补贴标准的通知"


def test_a_document_without_headings_says_so_rather_than_opening_empty_contents(open_window):
    """A news article of plain paragraphs: the window showed a blank contents dock, and F6 and Ctrl+Shift+C opened it
    (or a blank drawer over the text)."""
    win = open_window("镇里的长者饭堂迎来第一万名用餐长者。王奶奶今年七十八岁。\n饭堂的菜单每周更换，荤素搭配，少油少盐。")
    assert win.contents.topLevelItemCount() == 0 and not win.contents.isVisible()
    said = []
    win.announced.connect(said.append)
    win.actions_by_id["switch_panel"].trigger()  # F6
    assert win.focusWidget() is win.view and not win.contents.isVisible()
    win.actions_by_id["toggle_contents"].trigger()  # Ctrl+Shift+C
    assert not win.contents.isVisible() and not win.actions_by_id["toggle_contents"].isChecked()
    assert said == ["This document has no headings to list."] * 2
