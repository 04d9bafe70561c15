"""Read-aloud controller against the loopback Edge server and the real system voice (speech-dispatcher).

play → audio (recorded from the null sink) → highlight → next paragraph; every Edge fault → the SAME
chunk continues with the system voice within 2 s, told once, Edge tried again later; pause/resume
where it stopped; stop; continuous reading; sentence and paragraph skipping while speaking; a note
read aside; readings changed mid-paragraph; offline-only never touches the network.
"""

from __future__ import annotations

import dataclasses
import json
import time

import pytest

from fenggang_reader.core.events import EventLog
from fenggang_reader.core.spoken import note_chunks, prepare_block
from fenggang_reader.speech.backend import BackendState, EdgeBackend, SystemBackend
from fenggang_reader.speech.cache import AudioCache
from fenggang_reader.speech.controller import ReadAloudController, ReadState, SpeechConfig
from fenggang_reader.speech.edge import EdgeSynthesizer
from fenggang_reader.speech.types import Engine, VoiceParams
from tests.support.edge_server import guard_network
from tests.support.sound import Recorder
from tests.support.voice import system_voice  # noqa: F401 - a fixture

pytestmark = pytest.mark.qt_log_ignore("pipewire")
FAST = VoiceParams(rate=2.0)  # half the listening time; the server and espeak-ng honour the rate




class Rig:
    def __init__(self, report, server, voice, tmp_path, chunker=None, **config):
        server.clear_fault()
        self.report = report
        self.server = server
        self.events_path = tmp_path / "events.jsonl"
        self.events = EventLog(self.events_path)
        # The loopback service renders each sentence before it streams: 1 s of silence ran out at load 8.
        self.synth = EdgeSynthesizer(endpoint=server.base_url, events=self.events, idle_timeout=2.5, deadline=6.0,
                                     max_attempts=2, backoff=0.05)
        self.edge = EdgeBackend(lambda: self.synth, AudioCache(tmp_path / "cache"))
        self.system = SystemBackend(voice)
        config.setdefault("params", FAST)
        config.setdefault("edge_allowed", True)
        self.config = SpeechConfig(**config)
        self.controller = ReadAloudController(report, chunker or (lambda b: prepare_block(b, report)), self.system,
                                              self.edge, lambda: self.config, self.events)
        self.highlights: list[tuple] = []
        self.notices: list[str] = []
        self.blocks: list[int] = []
        self.controller.highlight.connect(lambda *a: self.highlights.append(a))
        self.controller.notice.connect(self.notices.append)
        self.controller.block_started.connect(lambda _id, i: self.blocks.append(i))

    def events_named(self, name: str) -> list[dict]:
        lines = self.events_path.read_text(encoding="utf-8").splitlines() if self.events_path.exists() else []
        return [e for e in map(json.loads, lines) if e["event"] == name]

    def reading_ends(self) -> list[dict]:
        """The controller's "speech.end" events (the Edge service's own, for a sentence it was making, can come
        later from its thread: a prefetch cancelled by the stop)."""
        return [e for e in self.events_named("speech.end") if "reason" in e]

    def close(self) -> None:
        self.controller.shutdown()
        self.system.deleteLater()
        self.events.close()


@pytest.fixture
def rig(report, server, system_voice, tmp_path, monkeypatch):  # noqa: F811 - the imported fixture
    guard_network(monkeypatch)
    made: list[Rig] = []

    def make(**config) -> Rig:
        r = Rig(report, server, system_voice, tmp_path / str(len(made)), **config)
        made.append(r)
        return r

    yield make
    for r in made:
        r.close()
    server.clear_fault()
    for r in made:  # no worker left behind for later tests (test_edge counts them)
        r.synth.shutdown(timeout=5)
        assert not r.synth._thread.is_alive()


def at(report, block_id: str) -> int:
    return report.index_of(block_id)


def test_edge_play_highlight_sound_and_next_paragraph(qtbot, rig, report, tmp_path):
    r = rig()
    c = r.controller
    index = at(report, "speaker")
    next_block = qtbot.waitSignal(c.block_started, timeout=15000, check_params_cb=lambda b, i: i == index + 1)
    with Recorder(tmp_path / "edge.raw") as rec, next_block:
        c.play(index)
        assert c.state is ReadState.PLAYING
    assert c.engine is Engine.EDGE
    first = [h for h in r.highlights if h[0] == report.blocks[index].id]
    assert first, "the spoken sentence was never highlighted"
    assert any(h[3] >= 0 for h in r.highlights), "Edge word boundaries should highlight words"
    assert all(0 <= h[1] < h[2] <= len(report.blocks[index].text) for h in first)
    assert all(h[1] <= h[3] < h[4] <= h[2] for h in first if h[3] >= 0), "the word lies inside its sentence"
    assert r.events_named("speech.audio_start") and r.events_named("speech.boundary")
    assert not r.notices
    c.stop()
    assert c.state is ReadState.STOPPED
    assert rec.rms() > 100 and rec.loud_seconds() > 0.3, "the null sink's monitor heard no Edge speech"


# End to end, one fault of each way the service fails: refused with Retry-After, silent mid-stream, empty. Every
# fault's mapping to a failure kind is in test_edge.py; the controller's answer to every kind, on fake voices,
# in test_controller_states.py.
FAULTS = ["http429", "stall_mid_stream", "no_audio"]


@pytest.mark.parametrize("fault", FAULTS)
def test_edge_fault_continues_the_same_sentence_with_the_system_voice(qtbot, rig, report, server, fault):
    r = rig()
    retry_after = "90" if fault == "http429" else None
    server.set_fault(fault, retry_after=retry_after, at=0.3)
    c = r.controller
    index = at(report, "y2024-p01")  # three sentences: the place inside the paragraph matters
    started = time.monotonic()
    with qtbot.waitSignal(r.system.audio_started, timeout=6000):
        c.play(index, 1)  # from the second sentence, as after a skip
    elapsed = time.monotonic() - started
    # Audio that came before a stall is played as it came (a slow stream is heard at once); then the same
    # sentence goes on with the offline voice.
    sent = max((q.audio_bytes_sent for q in server.requests if q.text == c.chunks[1].text), default=0)
    heard_s = sent * 8 / 48000
    assert elapsed < 2.0 + heard_s, f"the offline voice took over after {elapsed:.2f} s ({heard_s:.2f} s heard)"
    assert c.engine is Engine.SYSTEM and c.state is ReadState.PLAYING
    assert (c.index, c.position) == (index, 1), "the same sentence must continue"
    assert r.system.chunk == c.chunks[1]
    assert len(r.notices) == 1 and "offline voice" in r.notices[0]
    fallback = r.events_named("speech.fallback")
    assert len(fallback) == 1 and fallback[0]["from"] == "edge" and fallback[0]["to"] == "system"
    assert fallback[0]["chunk"] == 1 and fallback[0]["block_id"] == "y2024-p01"
    # Edge is asked again later, not at once (a 429's Retry-After is honoured).
    wait = c.edge_retry_at - time.monotonic()
    assert wait > (80 if fault == "http429" else 30)
    assert r.server.handshakes >= 1
    # Still failing when Edge is tried again, later in the same reading: no second notice.
    c.edge_retry_at = 0
    c.next_sentence()
    # The offline voice was seen starting above; here what matters is the controller's answer. The system voice's
    # start report for a sentence said straight after a cancelled one was missing in some clean CI runs (6 s).
    qtbot.waitUntil(lambda: c.fallbacks == 2, timeout=6000)
    assert c.engine is Engine.SYSTEM and (c.index, c.position) == (index + 1, 0)
    assert len(r.notices) == 1
    c.stop()


def test_edge_is_tried_again_after_the_cooldown(qtbot, rig, report, server):
    r = rig()
    c = r.controller
    c.edge_cooldown_s = 0.5
    server.set_fault("http503")
    index = at(report, "y2024-p01")
    with qtbot.waitSignal(r.system.audio_started, timeout=6000):
        c.play(index)
    server.clear_fault()
    qtbot.wait(600)
    assert c.edge_recovered()
    with qtbot.waitSignal(r.edge.audio_started, timeout=15000):
        c.next_sentence()
    assert c.engine is Engine.EDGE and (c.index, c.position) == (index, 1)
    assert len(r.notices) == 1
    c.stop()


def test_pause_and_resume_where_it_stopped(qtbot, rig, report):
    r = rig(params=VoiceParams())  # normal speed: room to pause in the middle
    c = r.controller
    index = at(report, "intro-p01")
    first = prepare_block(report.blocks[index], report)[0]
    # Rendered once first: on a busy machine espeak-ng alone can outlast the 1.5 s patience (then the offline
    # voice reads, and Edge never starts).
    r.synth.submit(first.text, VoiceParams(), boundary="WordBoundary").result(timeout=60)
    with qtbot.waitSignal(r.edge.audio_started, timeout=15000):
        c.play(index)
    player = r.edge.player
    # Into the sentence, by its position: the first sound of a process on the test machine's PulseAudio comes
    # ~1.9 s late (the player's position waits at 72 ms meanwhile), so a fixed wait was sometimes too short.
    qtbot.waitUntil(lambda: player.position_ms() > 300, timeout=5000)
    c.pause()
    assert c.state is ReadState.PAUSED and r.edge.state is BackendState.PAUSED
    paused_at = player.position_ms()
    qtbot.wait(400)
    assert abs(player.position_ms() - paused_at) < 60, "a paused voice must not advance"
    place = (c.index, c.position)
    c.resume()
    assert c.state is ReadState.PLAYING and (c.index, c.position) == place
    qtbot.waitUntil(lambda: player.position_ms() > paused_at + 200, timeout=3000)
    assert player.position_ms() < paused_at + 1500, "resume goes on from where it paused, not from the start"
    c.stop()


def test_stop_clears_the_highlight_and_goes_no_further(qtbot, rig, report):
    r = rig()
    c = r.controller
    cleared = []
    c.highlight_cleared.connect(lambda: cleared.append(True))
    with qtbot.waitSignal(r.edge.audio_started, timeout=15000):
        c.play(at(report, "speaker"))
    c.stop()
    assert c.state is ReadState.STOPPED and cleared
    assert r.edge.state is BackendState.IDLE and r.system.state is BackendState.IDLE
    assert r.reading_ends()[-1]["reason"] == "stopped"
    with qtbot.assertNotEmitted(c.block_started, wait=800):
        pass


def test_single_paragraph_stops_at_its_end(qtbot, rig, report):
    r = rig(continuous=False)
    c = r.controller
    with qtbot.waitSignal(c.state_changed, timeout=20000, check_params_cb=lambda s: s is ReadState.STOPPED):
        c.play(at(report, "speaker"))
    assert c.index == at(report, "speaker")
    assert r.reading_ends()[-1]["reason"] == "paragraph_end"


@pytest.mark.early
def test_continuous_reading_advances_with_prefetched_audio(qtbot, rig, report):
    r = rig()
    c = r.controller
    index = at(report, "title")
    with qtbot.waitSignal(c.block_started, timeout=30000, check_params_cb=lambda b, i: i == index + 3):
        c.play(index)
    assert r.blocks[:4] == [index, index + 1, index + 2, index + 3], "every paragraph in order, none skipped"
    requested = [e for e in r.events_named("speech.request") if e.get("engine") == "edge" and "cached" in e]
    assert [e["block_id"] for e in requested][:4] == ["title", "occasion", "speaker", "salutation"]
    assert all(e["cached"] for e in requested[1:4]), "prefetch should have had the next paragraphs ready"
    c.stop()


def test_next_and_previous_sentence_and_paragraph_while_speaking(qtbot, rig, report):
    r = rig()
    c = r.controller
    index = at(report, "y2024-p01")
    with qtbot.waitSignal(r.edge.audio_started, timeout=15000):
        c.play(index)
    with qtbot.waitSignal(r.edge.audio_started, timeout=15000):
        c.next_sentence()
    assert (c.index, c.position) == (index, 1)
    with qtbot.waitSignal(r.edge.audio_started, timeout=15000):
        c.previous_sentence()
    assert (c.index, c.position) == (index, 0)
    with qtbot.waitSignal(r.edge.audio_started, timeout=15000):
        c.next_paragraph()
    assert (c.index, c.position) == (index + 1, 0)
    with qtbot.waitSignal(r.edge.audio_started, timeout=15000):
        c.previous_paragraph()
    assert (c.index, c.position) == (index, 0)
    # Across the paragraph's end and back.
    c.position = len(c.chunks) - 1
    with qtbot.waitSignal(r.edge.audio_started, timeout=15000):
        c.next_sentence()
    assert (c.index, c.position) == (index + 1, 0)
    with qtbot.waitSignal(r.edge.audio_started, timeout=15000):
        c.previous_sentence()
    assert c.index == index and c.chunks[c.position].sentence == c.chunks[-1].sentence
    assert [h[0] for h in r.highlights[-1:]] == ["y2024-p01"]
    c.stop()


def test_a_note_is_read_aside_and_the_place_is_kept(qtbot, rig, report):
    r = rig()
    c = r.controller
    index = at(report, "y2024-p01")
    with qtbot.waitSignal(r.edge.audio_started, timeout=15000):
        c.play(index)
    with qtbot.waitSignal(r.edge.audio_started, timeout=15000):
        c.next_sentence()
    place = (c.index, c.position)
    blocks_before = list(r.blocks)
    with qtbot.waitSignal(c.state_changed, timeout=30000, check_params_cb=lambda s: s is ReadState.STOPPED):
        c.read_aside(note_chunks(report, 3))
        assert c.reading_aside and c.state is ReadState.PLAYING
    assert r.blocks == blocks_before, "the view must not follow a note read aside"
    assert any(h[0] == "note-3" for h in r.highlights)
    assert not c.reading_aside and (c.index, c.position) == place
    assert r.reading_ends()[-1]["reason"] == "aside_end"


def test_changed_readings_are_spoken_from_the_next_sentence(qtbot, rig, report):
    respelt: set[str] = set()

    def chunker(block):
        chunks = prepare_block(block, report)
        if block.id in respelt:  # what a new respelling does: other spoken text for the same characters
            return [dataclasses.replace(ch, text=ch.text.replace("我们", "我门")) for ch in chunks]
        return chunks

    r = rig(chunker=chunker)
    c = r.controller
    index = at(report, "y2024-p01")
    with qtbot.waitSignal(r.edge.audio_started, timeout=15000):
        c.play(index)
    respelt.add("y2024-p01")
    c.invalidate("h1")  # another block: nothing to do here
    assert "我门" not in "".join(ch.text for ch in c.chunks)
    c.invalidate("y2024-p01")
    assert c.position == 0 and "我门" in "".join(ch.text for ch in c.chunks)
    with qtbot.waitSignal(r.edge.audio_started, timeout=15000):
        c.next_sentence()
    assert r.edge.chunk.text.startswith("我门坚持")
    c.stop()


def test_offline_only_never_touches_the_network(qtbot, rig, report, server):
    r = rig(edge_allowed=False, preferred=Engine.EDGE, continuous=False)
    c = r.controller
    handshakes = server.handshakes
    with qtbot.waitSignal(c.state_changed, timeout=20000, check_params_cb=lambda s: s is ReadState.STOPPED):
        c.play(at(report, "speaker"))
        assert c.engine is Engine.SYSTEM
    assert server.handshakes == handshakes and server.voice_list_requests == 0
    assert r.edge._synth is None, "not even the Edge worker was started"
    assert all(e["engine"] == "system" for e in r.events_named("speech.request"))
