"""Read-aloud controller against the loopback Edge server and the real system voice (speech-dispatcher).

play → audio → highlight → next paragraph; every Edge fault → the same chunk continues with the system
voice within 2 s, told once; pause/resume; stop; continuous reading; sentence skipping.
"""

from __future__ import annotations

import json
import time

import pytest

from fenggang_reader.core.events import EventLog
from fenggang_reader.core.spoken import prepare_block
from fenggang_reader.speech.backend import EdgeBackend, SystemBackend
from fenggang_reader.speech.cache import AudioCache
from fenggang_reader.speech.controller import ReadAloudController, ReadState, SpeechConfig
from fenggang_reader.speech.edge import EdgeSynthesizer
from fenggang_reader.speech.system import SystemVoice
from fenggang_reader.speech.types import Engine
from tests.support.edge_server import EdgeServer, guard_network, tools_missing
from tests.support.sound import ensure_null_sink, ensure_speech_dispatcher

pytestmark = pytest.mark.qt_log_ignore("pipewire")


@pytest.fixture(scope="module")
def server():
    if tools_missing():
        pytest.skip(f"needs {', '.join(tools_missing())}")
    with EdgeServer() as s:
        yield s


@pytest.fixture(scope="module")
def system_voice():
    for reason in (ensure_null_sink(), ensure_speech_dispatcher()):
        if reason:
            pytest.skip(reason)
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    voice = SystemVoice.shared()
    if not voice.wait_ready(20000):
        pytest.skip(f"the system voice is not available here: {voice.error_message}")
    yield voice


class Rig:
    def __init__(self, report, server, voice, tmp_path, **config):
        server.clear_fault()
        self.report = report
        self.events_path = tmp_path / "events.jsonl"
        self.events = EventLog(self.events_path)
        self.synth = EdgeSynthesizer(endpoint=server.base_url, events=self.events, idle_timeout=1.0, deadline=3.0,
                                     max_attempts=2, backoff=0.05)
        self.edge = EdgeBackend(lambda: self.synth, AudioCache(tmp_path / "cache"))
        self.system = SystemBackend(voice)
        self.config = SpeechConfig(edge_allowed=True, continuous=True, **config)
        self.controller = ReadAloudController(report, lambda b: prepare_block(b, report), self.system, self.edge,
                                              lambda: self.config, self.events)
        self.highlights: list[tuple] = []
        self.notices: list[str] = []
        self.controller.highlight.connect(lambda *a: self.highlights.append(a))
        self.controller.notice.connect(self.notices.append)

    def events_named(self, name: str) -> list[dict]:
        lines = self.events_path.read_text(encoding="utf-8").splitlines() if self.events_path.exists() else []
        return [e for e in map(json.loads, lines) if e["event"] == name]

    def close(self) -> None:
        self.controller.shutdown()
        self.events.close()


@pytest.fixture
def rig(report, server, system_voice, tmp_path, monkeypatch):
    guard_network(monkeypatch)
    made: list[Rig] = []

    def make(**config) -> Rig:
        r = Rig(report, server, system_voice, tmp_path, **config)
        made.append(r)
        return r

    yield make
    for r in made:
        r.close()


def short_block(report, start: str = "speaker") -> int:
    return report.index_of(start)


def test_edge_play_highlight_and_next_paragraph(qtbot, rig, report):
    r = rig()
    c = r.controller
    index = short_block(report)
    with qtbot.waitSignal(c.block_started, timeout=15000, check_params_cb=lambda b, i: i == index + 1):
        c.play(index)
        assert c.state is ReadState.PLAYING
    assert c.engine is Engine.EDGE
    first = [h for h in r.highlights if h[0] == report.blocks[index].id]
    assert first, "the spoken sentence was never highlighted"
    block_text = report.blocks[index].text
    assert any(h[3] >= 0 for h in r.highlights), "Edge word boundaries should highlight words"
    assert all(0 <= h[1] < h[2] <= len(block_text) for h in first)
    assert r.events_named("speech.audio_start")
    assert r.events_named("speech.boundary")
    assert not r.notices
    c.stop()
    assert c.state is ReadState.STOPPED


@pytest.mark.parametrize("fault", ["http503", "http403", "stall_after_handshake", "drop_mid_stream", "no_audio"])
def test_edge_fault_falls_back_to_the_system_voice_within_2s(qtbot, rig, report, server, fault):
    r = rig()
    server.set_fault(fault, retry_after="1" if fault == "http503" else None)
    c = r.controller
    index = short_block(report)
    started = time.monotonic()
    with qtbot.waitSignal(r.system.audio_started, timeout=5000):
        c.play(index)
    elapsed = time.monotonic() - started
    assert elapsed < 2.0, f"fallback took {elapsed:.2f} s"
    assert c.engine is Engine.SYSTEM and c.state is ReadState.PLAYING
    assert c.index == index and c.position == 0, "the same sentence must continue"
    assert len(r.notices) == 1 and "offline" in r.notices[0].lower()
    fallback = r.events_named("speech.fallback")
    assert len(fallback) == 1 and fallback[0]["from"] == "edge" and fallback[0]["to"] == "system"
    # Still failing later in the same reading: no second notice.
    c.edge_retry_at = 0
    c.next_sentence()
    qtbot.waitUntil(lambda: c.fallbacks >= 2 or c.engine is Engine.EDGE, timeout=5000)
    assert len(r.notices) == 1
    server.clear_fault()
    c.stop()


def test_edge_is_tried_again_after_the_cooldown(qtbot, rig, report, server):
    r = rig()
    c = r.controller
    c.edge_cooldown_s = 0.0
    server.set_fault("http403", times=1)
    with qtbot.waitSignal(r.system.audio_started, timeout=5000):
        c.play(short_block(report))
    server.clear_fault()
    with qtbot.waitSignal(r.edge.audio_started, timeout=15000):
        c.next_sentence()
    assert c.engine is Engine.EDGE


def test_pause_resume_and_stop(qtbot, rig, report):
    r = rig()
    c = r.controller
    with qtbot.waitSignal(r.edge.audio_started, timeout=15000):
        c.play(short_block(report, "intro-p01"))
    c.pause()
    assert c.state is ReadState.PAUSED
    position = (c.index, c.position)
    qtbot.wait(300)
    assert (c.index, c.position) == position
    c.resume()
    assert c.state is ReadState.PLAYING
    assert (c.index, c.position) == position, "resume continues where it stopped"
    c.stop()
    assert c.state is ReadState.STOPPED
    with qtbot.assertNotEmitted(c.block_started, wait=500):
        pass


def test_single_paragraph_stops_at_its_end(qtbot, rig, report):
    r = rig(continuous=False)
    c = r.controller
    with qtbot.waitSignal(c.state_changed, timeout=20000, check_params_cb=lambda s: s is ReadState.STOPPED):
        c.play(short_block(report))
    assert c.index == short_block(report)
    assert any(e["reason"] == "paragraph_end" for e in r.events_named("speech.end"))


def test_continuous_reading_advances_and_prefetches(qtbot, rig, report):
    r = rig()
    c = r.controller
    index = short_block(report)
    with qtbot.waitSignal(c.block_started, timeout=20000, check_params_cb=lambda b, i: i == index + 2):
        c.play(index)
    requested = [e for e in r.events_named("speech.request") if e.get("engine") == "edge" and "cached" in e]
    assert any(e["cached"] for e in requested), "prefetch should have the next chunks ready in the cache"
    c.stop()


def test_sentence_navigation_crosses_paragraphs(qtbot, rig, report):
    r = rig(preferred=Engine.SYSTEM)
    c = r.controller
    index = short_block(report)
    with qtbot.waitSignal(r.system.audio_started, timeout=5000):
        c.play(index)
    last = len(c.chunks) - 1
    c.position = last
    c.next_sentence()
    assert c.index == index + 1 and c.position == 0
    c.previous_sentence()
    assert c.index == index and c.chunks[c.position].sentence == c.chunks[last].sentence
    c.stop()
