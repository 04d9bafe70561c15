"""Opening another document in the window, as a reader does it: File ▸ Open (a chooser standing for the dialog),
a file dropped on the window, paste as a new document, the recent documents after a restart with the place
restored, a file that cannot be opened, opening while reading aloud, and the document.open event."""

from __future__ import annotations

import json

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from fenggang_reader.core.document_places import DocumentSource
from fenggang_reader.core.events import EventLog
from fenggang_reader.core.recent_documents import FILE_NAME, RecentDocuments
from fenggang_reader.core.settings import Settings
from fenggang_reader.core.storage import AppDirs
from fenggang_reader.speech.controller import ReadState
from fenggang_reader.speech.edge import ENDPOINT_ENV
from tests.support.edge_server import guard_network
from tests.support.shipped import shipped

NOTICE = "\n".join([
    "凤岗镇关于做好冬季防火工作的通知",
    "",
    "各村（社区）、各有关单位：",
    "",
    *[f"第{n}条。冬季天气干燥，火灾风险上升，请各单位认真检查消防设施，确保安全通道畅通，做好值班值守工作。"
      for n in range(1, 41)],
    "",
    "凤岗镇人民政府",
])
PAGE_PARAGRAPHS = "\n".join(
    f"<p>会议强调，第{n}项工作要压实责任，全面排查整治各类安全隐患，坚决防范遏制重特大事故发生，保障人民群众生命财产安全。</p>"
    for n in range(1, 13))
WEB_PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>凤岗镇召开安全生产工作会议_凤岗镇人民政府门户网站</title></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/xw">新闻中心</a> &gt; 镇街动态</div>
<div class="share">分享到：微信 微博　【打印】【关闭】　浏览次数：1234</div>
<article><h1>凤岗镇召开安全生产工作会议</h1>
{PAGE_PARAGRAPHS}
</article>
<div class="footer">主办单位：东莞市凤岗镇人民政府　版权所有　粤ICP备00000000号</div></body></html>"""


@pytest.fixture
def events_path(tmp_path):
    return tmp_path / "events.jsonl"


@pytest.fixture
def reader(app, qtbot, events_path):
    """The reader's window holder as app.py builds it, over the test's folders; ``reader.window`` is the window."""
    from fenggang_reader.ui.document_windows import DocumentWindows
    from fenggang_reader.ui.main_window import MainWindow

    dirs = AppDirs.default()
    recent = RecentDocuments.load(dirs.data / FILE_NAME)
    events = EventLog(events_path)
    report, annotator = shipped()

    def build(report, source, settings):
        window = MainWindow(report, annotator, settings, events, source=source, recent=recent)
        window.resize(1024, 768)
        return window

    windows = DocumentWindows(build, lambda _window: None, recent, events)
    first = build(report, DocumentSource(), Settings.load(dirs.settings_file))
    windows.adopt(first)  # not qtbot.addWidget: a replaced window is deleted, the current one is closed below
    first.show()
    qtbot.waitExposed(first)
    first.restore_position()
    announced: list[str] = []
    windows.window_changed.connect(lambda window: window.announced.connect(announced.append))
    first.announced.connect(announced.append)
    windows.announced = announced
    yield windows
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox):
            box.close()
    last = windows.window
    last.close()
    last.deleteLater()
    QApplication.processEvents()
    events.close()


def opened(reader, qtbot, start, timeout=30_000):
    """Do ``start`` (a key, a drop, a paste) and wait for the new window at its place."""
    with qtbot.waitSignal(reader.window_changed, timeout=timeout) as changed:
        start()
    window = changed.args[0]
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._place_ready, timeout=5000)
    return window


def test_file_open_shows_a_text_file_with_its_title_contents_find_and_event(reader, qtbot, tmp_path, events_path):
    path = tmp_path / "防火通知.txt"
    path.write_bytes(NOTICE.encode("gb18030"))  # a GBK notice, as Windows editors save it
    old = reader.window
    assert old.view.accessibleName() == "Report text"
    old.opening.choose_file = lambda: path
    window = opened(reader, qtbot, lambda: qtbot.keyClick(old.view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier))
    assert window is reader.window and window is not old
    qtbot.waitUntil(lambda: not shiboken6.isValid(old))  # closed and deleted: nothing shows the old document
    assert window.report.blocks[0].text == "凤岗镇关于做好冬季防火工作的通知"
    assert window.windowTitle() == "凤岗镇关于做好冬季防火工作的通知"
    assert window.view.accessibleName() == "Document text"  # what a screen reader calls it: not "Report text"
    assert any("第40条" in b.text for b in window.report.blocks)
    assert window.contents.item_for(window.report.blocks[0].id) is not None
    assert QApplication.focusWidget() is window.view
    assert any("Opened “凤岗镇关于做好冬季防火工作的通知”" in text for text in reader.announced)
    window.run_find("值班值守")
    assert len(window._matches) == 40
    record = next(json.loads(line) for line in events_path.read_text(encoding="utf-8").splitlines()
                  if json.loads(line)["event"] == "document.open")
    assert record["path"] == str(path) and record["blocks"] == len(window.report.blocks)
    assert record["chars"] == sum(len(b.text) for b in window.report.blocks) and record["ms"] >= 0
    assert reader.recent.entries[0].path == path and reader.recent.current == path


def test_a_saved_web_page_opens_without_its_site_chrome(reader, qtbot, tmp_path):
    path = tmp_path / "安全生产会议.html"
    path.write_text(WEB_PAGE, encoding="utf-8")
    reader.window.opening.choose_file = lambda: path
    window = opened(reader, qtbot, reader.window.actions_by_id["open_document"].trigger)
    text = window.report.plain_text()
    assert "会议强调，第12项工作" in text
    for chrome in ("浏览次数", "首页", "版权所有", "【打印】"):
        assert chrome not in text
    assert "凤岗镇召开安全生产工作会议" in window.windowTitle()


def drop(window, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)
    assert event.isAccepted()


def test_a_dropped_file_opens_and_of_several_the_first(reader, qtbot, tmp_path):
    first, second = tmp_path / "一.txt", tmp_path / "二.txt"
    first.write_text("第一份文件\n\n这是第一份文件的正文。", encoding="utf-8")
    second.write_text("第二份文件\n\n这是第二份文件的正文。", encoding="utf-8")
    window = opened(reader, qtbot, lambda: drop(reader.window, [first, second]))
    assert "这是第一份文件的正文。" in window.report.plain_text()
    assert any("2 files were dropped" in text and "一.txt" in text for text in reader.announced)


def test_paste_makes_a_document_that_is_kept_and_an_empty_clipboard_says_so(reader, qtbot):
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    old = reader.window
    qtbot.keyClick(old.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert reader.window is old and not old.opening.loader.loading
    assert any("clipboard holds no text" in text for text in reader.announced)
    clipboard.setText("村委会通知\n\n本周六上午九点在村委会召开村民代表大会，请各位代表准时参加。")
    window = opened(reader, qtbot, lambda: qtbot.keyClick(
        old.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier))
    assert "村民代表大会" in window.report.plain_text()
    saved = window.source.path
    assert saved is not None and window.source.pasted and saved.parent == AppDirs.default().data / "pasted"
    assert saved.read_text(encoding="utf-8").startswith("村委会通知") and saved.name.startswith("村委会通知")
    assert reader.recent.entries[0].path == saved


def test_recent_documents_after_a_restart_reopen_at_their_place(reader, qtbot, tmp_path, app):
    path = tmp_path / "防火通知.txt"
    path.write_text(NOTICE, encoding="utf-8")
    reader.window.opening.choose_file = lambda: path
    window = opened(reader, qtbot, reader.window.actions_by_id["open_document"].trigger)
    target = next(i for i, b in enumerate(window.report.blocks) if b.text.startswith("第25条"))
    window.go_to_index(target)
    qtbot.waitUntil(lambda: window.view.current_index() == target)
    window.save_state()
    window.close()
    # A later start: the same folders, a new holder and window (the built-in report first, as a first window is).
    recent = RecentDocuments.load(AppDirs.default().data / FILE_NAME)
    assert recent.current == path and recent.entries[0].place.paragraph == target + 1
    from fenggang_reader.ui.document_opening import recent_entry_text

    # the place before the file's name, which a menu wider than the screen (96 pt in 800 px) loses first
    assert recent_entry_text(1, recent.entries[0]) == f"&1 凤岗镇关于做好冬季防火工作的通知 · paragraph {target + 1} — 防火通知.txt"
    reader.recent.entries, reader.recent.current = recent.entries, recent.current
    first = reader.window
    menu = first.opening.recent_menu
    menu.aboutToShow.emit()
    entry = menu.actions()[0]
    assert "防火通知.txt" in entry.text() and f"paragraph {target + 1}" in entry.text()
    again = opened(reader, qtbot, entry.trigger)
    assert again.view.current_index() == target
    assert again.places.saved().current_block == window.report.blocks[target].id


def test_a_bad_file_names_it_and_leaves_the_document_as_it_was(reader, qtbot, tmp_path):
    window = reader.window
    window.go_to_index(5)
    before = window.view.current_index()
    bad = tmp_path / "照片.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    window.opening.choose_file = lambda: bad
    window.actions_by_id["open_document"].trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "documentErrorBox") is not None, timeout=30_000)
    box = window.findChild(QMessageBox, "documentErrorBox")
    assert "照片.txt" in box.text() and box.informativeText()
    assert reader.window is window and window.view.current_index() == before and window.report.builtin
    assert QGuiApplication.overrideCursor() is None
    box.accept()
    qtbot.waitUntil(lambda: window.focusWidget() is window.view)


def test_a_recent_document_that_has_gone_says_so_and_can_be_taken_off_the_list(reader, qtbot, tmp_path):
    path = tmp_path / "旧通知.txt"
    path.write_text("旧通知\n\n这份通知后来被删除了。", encoding="utf-8")
    reader.window.opening.choose_file = lambda: path
    window = opened(reader, qtbot, reader.window.actions_by_id["open_document"].trigger)
    path.unlink()
    window.opening.fill_recent_menu()
    entry = window.opening.recent_menu.actions()[0]
    assert "no longer there" in entry.text()
    entry.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "documentErrorBox") is not None, timeout=30_000)
    box = window.findChild(QMessageBox, "documentErrorBox")
    assert "旧通知.txt" in box.text()
    remove = next(b for b in box.buttons() if "Remove" in b.text())
    remove.click()
    assert reader.recent.entry_for(path) is None
    assert "No documents" in window.opening.recent_menu.actions()[0].text()


def test_opening_while_reading_aloud_stops_the_voice_for_good(reader, qtbot, tmp_path, server, monkeypatch):
    guard_network(monkeypatch)
    monkeypatch.setenv(ENDPOINT_ENV, server.base_url)
    server.clear_fault()
    window = reader.window
    window.settings.set("edge_notice_accepted", True)
    window.settings.set("speech_rate", 2.0)
    window.go_to_index(window.report.index_of("intro-p01"))
    controller = window.read_aloud.controller
    with qtbot.waitSignal(window.read_aloud.feature().edge.audio_started, timeout=15_000):
        qtbot.keyClick(window.view, Qt.Key.Key_Space)
    assert controller.state is ReadState.PLAYING
    path = tmp_path / "短文.txt"
    path.write_text("短文\n\n这是一篇很短的文章。", encoding="utf-8")
    window.opening.choose_file = lambda: path
    new = opened(reader, qtbot, window.actions_by_id["open_document"].trigger)
    assert controller.state is ReadState.STOPPED
    asked = len(server.requests)
    qtbot.wait(1500)
    assert len(server.requests) == asked, "nothing more of the old document was asked for"
    assert not new.read_aloud.built or new.read_aloud.controller.state is ReadState.STOPPED
    new.go_to_index(len(new.report.blocks) - 1)
    with qtbot.waitSignal(new.read_aloud.feature().edge.audio_started, timeout=15_000):
        qtbot.keyClick(new.view, Qt.Key.Key_Space)  # the voice reads the new document
    assert "这是一篇很短的文章" in server.requests[-1].text
    new.read_aloud.controller.stop()


def test_a_second_open_while_one_loads_replaces_it_and_the_keys_keep_answering(app, qtbot):
    import threading

    from PySide6.QtCore import QObject

    from fenggang_reader.ui.document_loader import DocumentLoader

    report, _annotator = shipped()
    release = threading.Event()
    owner = QObject()
    loader = DocumentLoader(owner)
    got: list = []
    loader.loaded.connect(got.append)

    def slow():
        release.wait(30)
        return report, DocumentSource(AppDirs.default().data / "slow.txt")

    loader.load(DocumentSource(), slow)
    assert QGuiApplication.overrideCursor() is not None and loader.loading
    with qtbot.waitSignal(loader.loaded, timeout=10_000):
        loader.load(DocumentSource(), lambda: (report, DocumentSource(AppDirs.default().data / "fast.txt")))
    release.set()
    qtbot.wait(200)
    assert [loaded.source.path.name for loaded in got] == ["fast.txt"]
    assert QGuiApplication.overrideCursor() is None and not loader.loading


def test_the_traditional_view_and_jyutping_work_on_an_opened_document(reader, qtbot, tmp_path):
    from tests.ui.test_i18n import shown_block, syllables_at

    path = tmp_path / "防火通知.txt"
    path.write_text(NOTICE, encoding="utf-8")
    reader.window.opening.choose_file = lambda: path
    window = opened(reader, qtbot, reader.window.actions_by_id["open_document"].trigger)
    window.view.wait_for_warm_up()
    first = window.report.blocks[0].id
    window.settings.set("script", "tw")
    assert shown_block(window, first) == "鳳崗鎮關於做好冬季防火工作的通知"
    window.actions_by_id["ruby_jyutping"].trigger()
    qtbot.waitUntil(lambda: syllables_at(window, first, 0, 2) == "fung6 gong1", timeout=10_000)
    window.run_find("鳳崗鎮")  # find folds the script shown
    assert window._matches and window._matches[0].block_index == 0
    box = window.language_feature.voice_box
    if box is not None:
        box.close()


def test_a_copied_web_page_fragment_is_pasted_with_its_text(reader, qtbot):
    mime = QMimeData()
    paragraphs = [f"第{n}段：镇政府召开会议，部署冬季森林防火和安全生产工作，要求各村（社区）落实责任。" for n in range(1, 6)]
    mime.setHtml("<html><body><!--StartFragment--><h2>防火工作会议</h2>"
                 + "".join(f"<p>{p}</p>" for p in paragraphs) + "<!--EndFragment--></body></html>")
    mime.setText("防火工作会议\n\n" + "\n\n".join(paragraphs))
    QGuiApplication.clipboard().setMimeData(mime)
    window = opened(reader, qtbot, reader.window.actions_by_id["paste_document"].trigger)
    text = window.report.plain_text()
    assert all(p in text for p in paragraphs)
    assert window.source.pasted and window.source.path.suffix in (".html", ".txt")


def test_the_key_hints_stay_up_in_the_window_of_an_opened_document(reader, qtbot, tmp_path):
    """The banner (Space, + / −, F1) is shown until the reader hides it: a document opened with Ctrl+O lost it
    (the new window showed it only at the next start); once hidden, no window shows it again."""
    old = reader.window
    old.key_hints.show_unless_hidden_before()
    path = tmp_path / "通知.txt"
    path.write_text(NOTICE, encoding="utf-8")
    old.opening.choose_file = lambda: path
    window = opened(reader, qtbot, lambda: qtbot.keyClick(old.view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier))
    assert window.key_hints.banner is not None and window.key_hints.banner.isVisible()
    assert QApplication.focusWidget() is window.view
    window.key_hints.dismiss()
    window.opening.choose_file = lambda: path
    again = opened(reader, qtbot, lambda: qtbot.keyClick(window.view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier))
    assert again.key_hints.banner is None


def test_the_end_of_an_opened_notice_is_the_end_of_the_document(reader, qtbot, tmp_path):
    """Down past the last paragraph of a village notice said “End of the report.”: it is the document's end."""
    path = tmp_path / "通知.txt"
    path.write_text(NOTICE, encoding="utf-8")
    reader.window.opening.choose_file = lambda: path
    window = opened(reader, qtbot, reader.window.actions_by_id["open_document"].trigger)
    window.go_to_index(len(window.report.blocks) - 1)
    qtbot.waitUntil(lambda: window.view.current_index() == len(window.report.blocks) - 1)
    for _ in range(10):  # a last paragraph taller than the window shows its next screens first
        window.move_paragraph(+1)
    assert "End of the document." in reader.announced and "End of the report." not in reader.announced


def test_opened_is_said_once_the_focus_is_in_the_new_window(app, qtbot):
    """A screen reader hears a message from the focused control of the active window: "Opened …" waits until the
    window manager has activated the new window (with the real Orca it was said into the old one, and lost)."""
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    from fenggang_reader.ui.document_windows import announce_once_focused

    class Window(QWidget):
        def __init__(self):
            super().__init__()
            self.said: list[str] = []
            self.field = QLineEdit(self)
            QVBoxLayout(self).addWidget(self.field)

        def announce(self, text: str) -> None:
            self.said.append(text)

    old, new = Window(), Window()
    for window in (old, new):
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
    old.activateWindow()
    old.field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is old.field)
    announce_once_focused(new, "Opened “通知”.")
    qtbot.wait(50)
    assert new.said == [], "said while the focus was still in the old window"
    new.activateWindow()
    new.field.setFocus()
    qtbot.waitUntil(lambda: new.said == ["Opened “通知”."], timeout=2000)
    old.field.setFocus()
    new.field.setFocus()
    qtbot.wait(50)
    assert new.said == ["Opened “通知”."], "said once"


def test_a_new_window_is_built_and_painted_with_start_ups_objects_out_of_the_gc(reader, qtbot, tmp_path):
    """What start-up made stays frozen out of the cyclic GC's scans (app.py) while the new window of a document opened
    in a running reader is built and first painted; the old window's objects become collectable once it is painted.
    Unfrozen before the build, a full collection during it scanned everything start-up made (145 ms CPU in one of
    four opens of 300,000 characters)."""
    import gc

    from fenggang_reader.ui.document_loader import LoadedDocument

    frozen_while_built: list[int] = []
    real = reader._build

    def build(*args):
        frozen_while_built.append(gc.get_freeze_count())
        return real(*args)

    reader._build = build
    gc.freeze()  # as app.py does after the first window's first paint
    try:
        report, _annotator = shipped()
        window = reader.show_document(LoadedDocument(report, DocumentSource(path=tmp_path / "copy.txt"), 0.0))
        painted: list[int] = []
        window.view.first_paint.connect(lambda: painted.append(gc.get_freeze_count()))
        qtbot.waitUntil(lambda: bool(painted), timeout=30_000)
        assert frozen_while_built[0] > 0
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
