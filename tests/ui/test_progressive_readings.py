"""A document nobody reviewed paints at once and its pinyin fills in (ui/readings_provider.py): the view paints
before any reading exists, the blocks on screen are done first (those the reader jumped to before the rest), the
layout does not move when they arrive, and pypinyin never runs on the GUI thread."""

from __future__ import annotations

import threading

import pytest

from fenggang_reader.core import pinyin
from fenggang_reader.core.model import Block, BlockKind, Report
from fenggang_reader.core.pinyin import Annotator

SENTENCES = [
    "坚持以人民为中心的发展思想，扎实推进共同富裕，让群众的日子过得越来越红火。",
    "全镇上下创造性地开展工作，各项重点项目建设取得了显著成绩。",
    "镇长单志强在会上强调，要全力解决群众急难愁盼问题，认真地办好每一件民生实事。",
    "麻涌镇举行龙舟赛，沿岸群众高高兴兴地观看比赛，场面热闹非凡。",
]


def _document(paragraphs: int = 160) -> Report:
    blocks = [Block(BlockKind.TITLE, "d-h01", "某镇政府工作报告")]
    blocks += [Block(BlockKind.PARAGRAPH, f"d-p{i:04d}", SENTENCES[i % len(SENTENCES)] * 2 + f"（{i}）")
               for i in range(1, paragraphs + 1)]
    return Report(blocks)


def _visible(view) -> list[int]:
    return sorted(view._lines_near_view(0.0))  # noqa: SLF001 - the blocks with a line in the window


def _line_tops(view, indices) -> dict[int, list[float]]:
    doc = view.document()
    tops = {}
    for index in indices:
        block = doc.findBlockByNumber(index)
        layout = block.layout()
        origin = layout.position().y()
        tops[index] = [round(origin + layout.lineAt(n).y(), 2) for n in range(layout.lineCount())]
    return tops


@pytest.fixture
def gated_pypinyin(monkeypatch):
    """pypinyin held back until the test opens the gate; the threads it ran on."""
    gate = threading.Event()
    threads: list[threading.Thread] = []
    original = pinyin.base_readings

    def base_readings(text):
        threads.append(threading.current_thread())
        gate.wait(30)
        return original(text)

    monkeypatch.setattr(pinyin, "base_readings", base_readings)
    return gate, threads


def test_a_new_document_paints_first_and_its_visible_blocks_fill_in_first_without_moving(app, qtbot, gated_pypinyin):
    from fenggang_reader.ui.reader_view import ReaderView

    gate, threads = gated_pypinyin
    report = _document()
    view = ReaderView(report, Annotator())
    qtbot.addWidget(view)
    provider = view.readings_provider
    assert provider is not None
    arrived: list[int] = []
    provider.arrived.connect(arrived.extend)
    view.set_font_size(48)
    view.resize(800, 600)
    with qtbot.waitSignal(view.first_paint, timeout=10_000):
        view.show()
    assert not any(provider.ready(i) for i in range(len(report.blocks)))  # painted before any reading exists

    # The reader jumps before the readings come: those blocks are wanted first.
    view.set_current_index(100)
    qtbot.waitUntil(lambda: 100 in _visible(view), timeout=10_000)
    view.viewport().repaint()
    qtbot.wait(100)  # the paint's wants reach the worker from the event loop (BlockReadings._ask_for_readings)
    visible = _visible(view)
    height = view.document().size().height()
    before = _line_tops(view, visible)
    assert all(all(r is None for r in view.block_readings(i)) for i in visible)

    gate.set()
    qtbot.waitUntil(lambda: all(provider.ready(i) for i in visible), timeout=30_000)
    qtbot.waitUntil(lambda: set(visible) <= set(arrived), timeout=10_000)
    # The first screen's block that was in the worker's hands when the reader jumped comes first; then the jump's.
    first = arrived[:max(arrived.index(i) for i in visible) + 1]
    assert set(first) - set(visible) <= {0}, arrived[:len(visible) + 3]
    assert _line_tops(view, visible) == before  # their readings arrived where the room already was
    assert view.document().size().height() == height
    for index in visible:
        readings = view.block_readings(index)
        assert sum(r is not None for r in readings) > 10
    view.wait_for_warm_up()
    assert all(provider.ready(i) for i in range(len(report.blocks)))
    assert threads and threading.main_thread() not in threads  # pypinyin only ever ran off the GUI thread


def test_a_block_needed_now_is_done_without_waiting_for_the_whole_document(app, qtbot, gated_pypinyin):
    from fenggang_reader.ui.reader_view import ReaderView

    gate, threads = gated_pypinyin
    report = _document(400)
    view = ReaderView(report, Annotator())
    qtbot.addWidget(view)
    provider = view.readings_provider
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    gate.set()
    assert provider.wait_for(350, timeout=20)
    done = sum(provider.ready(i) for i in range(len(report.blocks)))
    assert done < len(report.blocks)  # the worker jumped to it
    assert view.annotator().has_readings(report.blocks[350].text, report.blocks[350].id)
    provider.stop()
    assert threading.main_thread() not in threads


def test_the_shipped_report_has_no_provider(view):
    assert view.readings_provider is None


def test_a_correction_is_computed_anew_off_the_gui_thread_without_pypinyin(app, qtbot, gated_pypinyin):
    from fenggang_reader.core.pronunciation import PronunciationRecord
    from fenggang_reader.ui.reader_view import ReaderView

    gate, threads = gated_pypinyin
    gate.set()
    report = _document(40)
    annotator = Annotator()
    view = ReaderView(report, annotator)
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    block = report.blocks[1]
    qtbot.waitUntil(lambda: all(view.readings_provider.ready(i) for i in range(len(report.blocks))), timeout=20_000)
    view.wait_for_warm_up()
    assert view.block_readings(1)[0] == "quán"  # 全镇上下…
    del threads[:]

    annotator.user = PronunciationRecord.parse(f"at\t{block.id}:0\tquan3\t\t\n")
    annotator.invalidate()
    view.refresh_readings()
    qtbot.waitUntil(lambda: view.readings_provider.ready(1), timeout=10_000)
    qtbot.waitUntil(lambda: view.block_readings(1)[0] == "quǎn", timeout=10_000)
    view.wait_for_warm_up()
    assert threads == []  # pypinyin's readings are kept per text: a correction needs none


def test_the_window_saves_a_new_documents_readings_and_a_restart_takes_them(app, qtbot, gated_pypinyin):
    from fenggang_reader.app import _open_window
    from fenggang_reader.core.document_places import DocumentSource
    from fenggang_reader.core.events import EventLog
    from fenggang_reader.core.reader_annotator import reader_annotator, readings_cache_path
    from fenggang_reader.core.recent_documents import RecentDocuments
    from fenggang_reader.core.settings import Settings
    from fenggang_reader.core.storage import AppDirs

    gate, threads = gated_pypinyin
    gate.set()
    dirs = AppDirs.default()
    report = _document(30)
    cache = readings_cache_path(report, dirs)

    def opened():
        settings = Settings.load(dirs.settings_file)
        window = _open_window(report, reader_annotator(settings, report=report), settings, EventLog(None), dirs,
                              DocumentSource(dirs.data / "document.txt"), RecentDocuments())
        qtbot.addWidget(window)
        window.resize(800, 600)
        window.show()
        qtbot.waitExposed(window)
        return window

    first = opened()
    qtbot.waitUntil(cache.exists, timeout=30_000)
    first.close()
    del threads[:]
    second = opened()
    provider = second.view.readings_provider
    assert all(provider.ready(i) for i in range(len(report.blocks)))  # from the cache, before any paint asked
    qtbot.wait(200)
    assert threads == []
    second.close()
