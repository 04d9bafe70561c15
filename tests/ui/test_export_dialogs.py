"""File ▸ Export audiobook…, Print… (Ctrl+P) and Save as large-print PDF… in the window.

The audiobook is made against the loopback Edge service in its silent mode (tests/support/edge_server.py: what
is checked here is progress, names and cleaning up, not what the voice says); modal file
choosers and the system's "open" are monkeypatched, the dialogs themselves are not modal.
"""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QFileDialog, QSpinBox

from fenggang_reader.core.model import BlockKind
from fenggang_reader.export.audio import PARAGRAPH_FOLDER, AudioExporter, file_name, output_names, select_blocks
from fenggang_reader.ui.actions import ACTIONS
from tests.support import edge_server as support
from tests.support.shipped import shipped_excerpt

EXPORT_TIMEOUT_MS = 90_000


@pytest.fixture(autouse=True)
def _offline(monkeypatch):
    support.guard_network(monkeypatch)




@pytest.fixture
def server(silent_server):
    return silent_server


@pytest.fixture
def endpoint(server, monkeypatch):
    monkeypatch.setenv("FENGGANG_READER_EDGE_ENDPOINT", server.base_url)
    server.clear_fault()
    server.latency = 0.0
    yield server.base_url
    server.latency = 0.0


@pytest.fixture
def opened(monkeypatch):
    """What the reader asked the system to open (file manager, PDF viewer)."""
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()) or True)
    return urls


def announcements(window) -> list[str]:
    said: list[str] = []
    window.announced.connect(said.append)
    return said


def audio_dialog(window, folder, part="notes"):
    window.actions_by_id["export_audio"].trigger()
    dialog = window.exports.feature().audio_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    dialog.folder.setText(str(folder))
    dialog.part.setCurrentIndex(dialog.part.findData(part))
    dialog.offline.setChecked(False)  # the loopback "online" voice
    return dialog


def listing(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- the actions ----------------------------------------------------------------------------------------
def test_file_menu_offers_the_exports_before_quit(window):
    ids = [a.data() for a in window.menus["file"].actions() if a.data()]  # not the separators or Recent's submenu
    assert ids == ["open_document", "paste_document", "open_builtin", "export_audio", "print", "export_pdf", "quit"]
    keys = {s.id: s.shortcuts for s in ACTIONS}
    assert keys["print"] == ("Ctrl+P",)
    assert window.actions_by_id["print"].shortcut().toString() == "Ctrl+P"


# -- the audiobook -----------------------------------------------------------------------------------------
def test_dialog_defaults_follow_reading_aloud(window, tmp_path, monkeypatch):
    window.settings.set("voice", "zh-CN-YunxiNeural")
    window.settings.set("speech_rate", 1.3)
    window.actions_by_id["export_audio"].trigger()
    dialog = window.exports.feature().audio_dialog
    assert dialog.voice.currentData() == "zh-CN-YunxiNeural" and dialog.rate.value() == pytest.approx(1.3)
    assert dialog.offline.isChecked(), "online voices not accepted yet: nothing is sent until the reader says so"
    assert dialog.font().pointSize() >= 20
    for field in (dialog.folder, dialog.part, dialog.voice, dialog.rate, dialog.offline, dialog.choose):
        assert field.accessibleName(), field
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(tmp_path / "chosen"))
    dialog.choose.click()
    assert dialog.folder.text() == str(tmp_path / "chosen")
    dialog.reject()
    window.settings.set("edge_notice_accepted", True)
    window.settings.set("speech_rate", 0.8)
    window.actions_by_id["export_audio"].trigger()
    assert dialog.rate.value() == pytest.approx(0.8) and not dialog.offline.isChecked()
    assert dialog.folder.text() == str(tmp_path / "chosen"), "the folder chosen is kept"
    assert not (tmp_path / "chosen").exists(), "nothing is made before Export"


def test_defaults_stay_inside_fenggang_reader_home(window, isolated_home):
    """Tests (and a portable copy) never write into the real Music or Documents folders."""
    window.actions_by_id["export_audio"].trigger()
    window.actions_by_id["export_pdf"].trigger()
    audio, pdf = window.exports.feature().audio_dialog, window.exports.feature().pdf_dialog
    assert audio.folder.text().startswith(str(isolated_home / "exports"))
    assert pdf.target().parent == isolated_home / "exports" and pdf.target().parent.is_dir()


def test_exports_the_notes_with_progress_to_n_of_n(window, endpoint, server, tmp_path, qtbot, report, opened,
                                                   monkeypatch):
    out = tmp_path / "book"
    window.read_aloud.voice.wait_ready()  # its start starves the GIL ~1.5 s (tests/resilience/test_input_fuzz.py)
    server.latency = 0.05  # each paragraph's answer takes a moment, so the export outlasts many beats of the window
    ran_on: list[threading.Thread] = []
    run = AudioExporter.run
    monkeypatch.setattr(AudioExporter, "run", lambda self: ran_on.append(threading.current_thread()) or run(self))
    dialog = audio_dialog(window, out)
    said = announcements(window)
    formats: list[str] = []
    happened: list[str] = []  # "beat" and "progress", in the order the window handled them
    dialog.bar.valueChanged.connect(lambda _v: (formats.append(dialog.bar.format()), happened.append("progress")))
    heartbeat = QTimer(interval=20)
    heartbeat.timeout.connect(lambda: happened.append("beat"))
    heartbeat.start()

    dialog.start_button.click()
    assert dialog.job is not None and dialog.job.running()
    formats.insert(0, dialog.bar.format())
    assert not dialog.start_button.isEnabled() and dialog.cancel_button.text() == "Cancel"
    qtbot.waitUntil(lambda: dialog.export_result is not None, timeout=EXPORT_TIMEOUT_MS)
    heartbeat.stop()

    blocks = select_blocks(report, "notes")
    total = len(blocks)
    assert dialog.bar.value() == dialog.bar.maximum() == sum(len(t.chunks) for t in dialog.export_result.tracks)
    assert formats[0] == f"Paragraph 1 of {total}" and formats[-1] == f"Paragraph {total} of {total}"
    numbers = [int(f.split()[1]) for f in formats]
    assert numbers == sorted(numbers) and len(set(numbers)) == total, "every paragraph is shown, in order"
    assert dialog.bar.accessibleName() == "Export progress"
    # The export runs beside the window, which goes on answering while it runs: the window's own timer is handled
    # between the progress steps. (No figure of time here: a loaded machine may pause the process at any moment.)
    assert ran_on and ran_on[0] is not threading.main_thread()
    first, last = happened.index("progress"), len(happened) - 1 - happened[::-1].index("progress")
    assert happened[first:last].count("beat") >= 3, f"the window answered during the export: {happened}"

    playlist, chapters = output_names("notes")
    assert listing(out) == sorted([PARAGRAPH_FOLDER, chapters])
    assert listing(out / PARAGRAPH_FOLDER) == sorted([*(file_name(report, b) for b in blocks), playlist])
    assert str(out) in dialog.status.text() and str(out) in said[-1] and f"{total} paragraphs" in said[-1]
    assert said[0].startswith("Exporting the audiobook")

    assert dialog.open_button.isVisible() and dialog.cancel_button.text() == "Close"
    dialog.open_button.click()
    assert opened == [str(out)]
    dialog.cancel_button.click()
    assert not dialog.isVisible()


def test_cancel_midway_leaves_nothing(window, endpoint, server, tmp_path, qtbot):
    server.latency = 0.15
    kept = tmp_path / "existing"
    kept.mkdir()
    (kept / "mine.txt").write_text("keep me")
    dialog = audio_dialog(window, kept)
    said = announcements(window)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.bar.value() >= 3, timeout=EXPORT_TIMEOUT_MS)
    assert dialog.bar.value() < dialog.bar.maximum()
    dialog.cancel_button.click()  # Cancel stops the export; it does not close the dialog
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    assert listing(kept) == ["mine.txt"], "no partial files, no staging folder"
    assert said[-1] == "Export cancelled; nothing was written." == dialog.status.text()
    assert dialog.start_button.isEnabled() and dialog.folder.text() == str(kept)

    fresh = tmp_path / "fresh"
    dialog.folder.setText(str(fresh))
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.bar.value() >= 2, timeout=EXPORT_TIMEOUT_MS)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc is Cancel too
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    assert not fresh.exists(), "the folder the export made is removed again"


def test_closing_the_window_stops_the_export_and_cleans_up(window, endpoint, server, tmp_path, qtbot):
    server.latency = 0.15
    out = tmp_path / "closing"
    dialog = audio_dialog(window, out)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.bar.value() >= 1, timeout=EXPORT_TIMEOUT_MS)
    job = dialog.job
    window.close()
    assert job is not None and not job.running()
    assert not out.exists()


def test_dead_network_and_no_offline_voice_is_a_clear_message(window, tmp_path, qtbot, monkeypatch):
    monkeypatch.setenv("FENGGANG_READER_EDGE_ENDPOINT", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setattr("fenggang_reader.export.audio.offline_missing", lambda: ["espeak-ng"])
    out = tmp_path / "x"
    dialog = audio_dialog(window, out, part="2025")
    dialog.voice.setCurrentIndex(dialog.voice.findData("zh-CN-YunjianNeural"))
    said = announcements(window)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.error_box is not None, timeout=EXPORT_TIMEOUT_MS)
    box = dialog.error_box
    assert box.isVisible()
    assert "No voice could make the audio" in box.text() and "install espeak-ng" in box.text()
    assert "online voice cannot be used" in box.detailedText()
    assert said[-1] == box.text() == dialog.status.text()
    assert not out.exists()
    assert dialog.part.currentData() == "2025" and dialog.voice.currentData() == "zh-CN-YunjianNeural"
    assert dialog.folder.text() == str(out) and dialog.start_button.isEnabled(), "the choices are kept to retry"
    box.close()


def test_unwritable_folder_is_a_clear_message(window, endpoint, tmp_path, qtbot):
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("keep me")
    dialog = audio_dialog(window, in_the_way / "book")
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.error_box is not None, timeout=EXPORT_TIMEOUT_MS)
    assert dialog.error_box.text().startswith(f"Cannot write in the folder {in_the_way / 'book'}")
    assert "Choose another folder" in dialog.error_box.text()
    assert in_the_way.read_text() == "keep me"
    dialog.error_box.close()


# -- printing ---------------------------------------------------------------------------------------------------
def test_ctrl_p_opens_the_preview_at_the_readers_size(make_window, qtbot, tmp_path, monkeypatch):
    window = make_window(shipped_excerpt)  # the preview and the printer paint every page alike: a short cut proves it
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda self: pytest.fail("the preview must not be modal exec()"))
    window.set_font_size(40)
    window.view.setFocus()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # as after a fixture's window: Ctrl+P goes to the active window
    qtbot.keyClick(window.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = window.exports.feature().preview
    assert isinstance(dialog, QPrintPreviewDialog) and dialog.isVisible()
    size = dialog.findChild(QSpinBox, "printSize")
    assert size.value() == 40 and size.accessibleName() == "Text size"
    from fenggang_reader.ui.accessibility import unnamed_focusables

    assert unnamed_focusables(dialog) == []
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() > 0, timeout=20_000)
    pages_at_40 = preview.pageCount()

    size.setValue(24)
    qtbot.waitUntil(lambda: 0 < preview.pageCount() < pages_at_40, timeout=20_000)

    # What Print sends to a printer: the same painting, here into a PDF file.
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = window.exports.feature().paint(printer, 24, True)
    assert pages == preview.pageCount()
    reader = PdfReader(tmp_path / "printed.pdf")
    assert len(reader.pages) == pages
    first = reader.pages[0].extract_text()
    # The first page is the cover: the title block (title, occasion, speaker), nothing else.
    assert "韩俊峰" in first and "凤岗镇" in first
    assert re.search(rf"1\s/\s{pages}\s*$", first), first[-20:]
    # A PDF printed to a file gets the saved PDF's care: the characters drawn, not radicals sharing their glyph
    # (Qt's own PDF said ⼯ for 工, ⻓ for 长) and the headings as its outline.
    # Every page's text through the ToUnicode maps, as poppler reads them (pypdf's extract_text took 13 of this
    # test's 20 CPU seconds for the same characters).
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "printed.pdf"), "-"], capture_output=True,
                          check=True, text=True).stdout
    assert "镇长" in text and "工作" in text
    assert not [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF]
    assert reader.outline
    dialog.close()
    QApplication.processEvents()
    assert window.exports.feature().preview is None


def test_the_pointer_waits_while_the_pages_are_painted(make_window, monkeypatch, tmp_path):
    """Qt's preview paints every page at once (seconds at 96 pt): the pointer says so, and is given back after."""
    from fenggang_reader.ui import print_layout

    window = make_window(shipped_excerpt)  # every page is watched: a few pages prove it
    seen = []
    paint_steps = print_layout.PrintLayout.paint_steps

    def watched(layout, printer):
        for page in paint_steps(layout, printer):
            seen.append(QApplication.overrideCursor() and QApplication.overrideCursor().shape())
            yield page

    monkeypatch.setattr(print_layout.PrintLayout, "paint_steps", watched)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = window.exports.feature().paint(printer, 24, False)
    assert pages > 1 and seen == [Qt.CursorShape.WaitCursor] * pages
    assert QApplication.overrideCursor() is None


def test_small_reader_text_prints_at_24_pt(window):
    window.set_font_size(16)
    assert window.exports.feature().print_size() == 24


# -- the large-print PDF -------------------------------------------------------------------------------------
def pdf_dialog(window, path, size=24):
    window.actions_by_id["export_pdf"].trigger()
    dialog = window.exports.feature().pdf_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.path.setText(str(path))
    dialog.size_field.setValue(size)
    return dialog


def test_save_as_pdf_writes_the_outline_without_blocking(make_window, qtbot, tmp_path, monkeypatch, opened):
    window = make_window(shipped_excerpt)  # its pages are painted a few per tick all the same
    report = window.report
    window.set_font_size(32)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "large"), "PDF (*.pdf)"))
    window.actions_by_id["export_pdf"].trigger()
    dialog = window.exports.feature().pdf_dialog
    assert dialog.size_field.value() == 32 and dialog.pinyin.isChecked()
    dialog.choose.click()
    dialog.size_field.setValue(24)
    said = announcements(window)
    values: list[int] = []
    dialog.bar.valueChanged.connect(values.append)
    dialog.save_button.click()
    assert dialog.busy() and dialog.saved is None, "the pages are painted later, a few per timer tick"
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=60_000)

    target = tmp_path / "large.pdf"
    assert dialog.saved == target and target.exists()
    reader = PdfReader(target)
    assert values[-1] == len(reader.pages) and len(values) > 3
    titles = [item.title for item in _flat(reader.outline)]
    wanted = [b.text for b in report.blocks if b.kind in (BlockKind.PART, BlockKind.HEADING, BlockKind.NOTES_HEADING)]
    assert titles == wanted
    assert f"{len(reader.pages)} pages" in said[-1] and str(target) in said[-1]
    dialog.open_button.click()
    assert opened == [str(target)]


def _flat(outline):
    for item in outline:
        if isinstance(item, list):
            yield from _flat(item)
        else:
            yield item


def test_cancel_the_pdf_midway_writes_nothing(window, qtbot, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    dialog = pdf_dialog(window, folder / "cancelled.pdf", size=36)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.bar.value() >= 2, timeout=30_000)
    dialog.cancel_button.click()
    assert not dialog.busy() and dialog.isVisible() and dialog.status.text() == "Export cancelled; nothing was written."
    QApplication.processEvents()
    assert list(folder.iterdir()) == [], "no PDF, no temporary file"
    dialog.cancel_button.click()
    assert not dialog.isVisible()


def test_pdf_into_a_missing_folder_is_a_clear_message(window, tmp_path):
    dialog = pdf_dialog(window, tmp_path / "no such folder" / "r.pdf")
    dialog.save_button.click()
    assert dialog.error_box is not None and "Cannot write in the folder" in dialog.error_box.text()
    assert not dialog.busy() and dialog.save_button.isEnabled()
    assert not (tmp_path / "no such folder").exists()
    dialog.error_box.close()


# -- accessibility and language ----------------------------------------------------------------------------------
def test_every_control_is_named_and_follows_the_language(window, qtbot):
    from fenggang_reader.ui.accessibility import unnamed_focusables
    from fenggang_reader.ui.i18n import apply_language, reset

    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, str(root / "tools" / "build-translations")], check=True, capture_output=True)
    window.actions_by_id["export_audio"].trigger()
    window.actions_by_id["export_pdf"].trigger()
    audio, pdf = window.exports.feature().audio_dialog, window.exports.feature().pdf_dialog
    assert unnamed_focusables(audio) == [] and unnamed_focusables(pdf) == []
    try:
        apply_language("zh_CN")
        QApplication.processEvents()
        assert audio.windowTitle() == "导出有声书" and audio.start_button.text() == "导出"
        assert audio.part.itemText(audio.part.findData("2024")) == "第一部分：2024年工作回顾"
        assert pdf.windowTitle() == "另存为大字 PDF" and pdf.size_field.accessibleName() == "字号"
    finally:
        reset()
        QApplication.processEvents()
    assert audio.windowTitle() == "Export audiobook"
