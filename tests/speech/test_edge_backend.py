"""The Edge backend's own recoveries (issue 19 item 6), against the loopback service and the real player.

A slow but working stream is waited for once its first audio has come, not abandoned at the patience
limit, and heard while it arrives; a stream that stops mid-way is given up once what came has played; a cached entry the player cannot decode is evicted and the sentence fetched again; prefetched audio
plays from memory when the disk cache cannot keep it.
"""

from __future__ import annotations

import time

import pytest

from fenggang_reader.core.spoken import SpeechChunk
from fenggang_reader.speech.backend import BackendState, EdgeBackend
from fenggang_reader.speech.cache import AudioCache
from fenggang_reader.speech.edge import EdgeSynthesizer
from fenggang_reader.speech.types import Audio, SpeechErrorKind, VoiceParams
from tests.support.edge_server import guard_network
from tests.support.sound import Recorder, ensure_null_sink

pytestmark = pytest.mark.qt_log_ignore("pipewire")
PARAMS = VoiceParams(rate=2.0)


def chunk(text: str) -> SpeechChunk:
    return SpeechChunk("b", 0, len(text), text, tuple(range(len(text))), tuple(range(1, len(text) + 1)))


@pytest.fixture
def make_backend(server, tmp_path, monkeypatch):
    guard_network(monkeypatch)
    if reason := ensure_null_sink():
        pytest.skip(reason)
    server.clear_fault()
    made: list[tuple[EdgeBackend, EdgeSynthesizer]] = []

    def make(cache: AudioCache | None = None, **options) -> EdgeBackend:
        synth = EdgeSynthesizer(endpoint=server.base_url, idle_timeout=3.0, deadline=10.0, max_attempts=1)
        backend = EdgeBackend(lambda: synth, cache if cache is not None else AudioCache(tmp_path / f"cache{len(made)}"), **options)
        made.append((backend, synth))
        return backend

    yield make
    server.chunk_delay = 0.0
    server.clear_fault()
    for backend, synth in made:
        backend.shutdown()
        synth.shutdown(timeout=5)


def warm(server, text: str) -> None:
    """Let the service render ``text`` once, so its answer later takes only the delays the test sets."""
    with EdgeSynthesizer(endpoint=server.base_url) as synth:
        synth.submit(text, PARAMS, boundary="WordBoundary").result(timeout=60)


def test_a_slow_but_working_stream_is_waited_for_not_abandoned(qtbot, make_backend, server):
    """First audio at once, the whole sentence after more than the patience: it plays, Edge is not blamed."""
    text = "今年是收官之年，我们要努力工作。我们要继续努力，把凤岗建设得更好。"
    warm(server, text)
    server.chunk_delay = 0.4  # 4320-byte pieces, 0.4 s apart: the whole takes longer than the patience
    backend = make_backend(patience_ms=800)
    failures: list[object] = []
    backend.failed.connect(failures.append)
    with qtbot.waitSignal(backend.audio_started, timeout=20000):
        backend.speak(chunk(text), PARAMS)
    assert failures == [], "a stream that is coming in must not be given up at the patience limit"
    backend.stop()


def test_a_slow_stream_is_heard_before_its_last_frame_is_sent(qtbot, make_backend, server, tmp_path, monkeypatch):
    """First audio after 0.1 s, the last frame 4 s later (~8 s of speech, so it never runs dry): sound from the null
    sink before that last frame, no failure (so no fallback and no cool-down), and the whole sentence to its end
    with its boundaries. (With the last frame 1.6 s later, the first sound came 1.84 s in at load 6.)"""
    text = "今年是收官之年，我们要努力工作。我们要继续努力，把凤岗建设得更好。"
    warm(server, text)
    monkeypatch.setattr(server, "trickle_s", 4.0)  # the module shares the server
    server.set_fault("slow_trickle")
    backend = make_backend()  # the app's patience: 1.5 s for the first audio, 0.8 s between pieces
    failures: list[object] = []
    words: list[tuple[int, int]] = []
    backend.failed.connect(failures.append)
    backend.saying.connect(lambda start, length: words.append((start, length)))
    with Recorder(tmp_path / "trickle.raw") as rec, qtbot.waitSignal(backend.finished, timeout=30000):
        backend.speak(chunk(text), PARAMS)
    record = server.requests[-1]
    assert record.fault == "slow_trickle" and record.last_audio_sent is not None
    assert record.last_audio_sent - record.first_audio_sent > 3.8
    to_monotonic = time.monotonic() - time.perf_counter()
    heard = [t + to_monotonic for t in rec.loud_times()]
    assert heard, "the null sink's monitor heard nothing"
    assert heard[0] < record.last_audio_sent, (
        f"first sound {heard[0] - record.first_audio_sent:.2f} s after the first frame, "
        f"the last frame was sent after {record.last_audio_sent - record.first_audio_sent:.2f} s")
    assert failures == [], "a stream that keeps coming must be neither abandoned nor blamed"
    assert words and words[-1][0] + words[-1][1] >= len(text) - 1, "the boundaries followed to the last word"
    assert backend.is_cached(chunk(text), PARAMS)


def test_a_stream_that_stops_is_given_up_once_what_came_has_played(qtbot, make_backend, server):
    text = "今年是收官之年，我们要努力工作。我们要继续努力，把凤岗建设得更好。"
    warm(server, text)
    server.set_fault("stall_mid_stream", at=0.5)
    backend = make_backend()
    started: list[bool] = []
    backend.audio_started.connect(lambda: started.append(True))
    with qtbot.waitSignal(backend.failed, timeout=20000) as failed:
        backend.speak(chunk(text), PARAMS)
    assert started, "the half that came was played"
    # Given up by the backend's patience or the request's idle timeout, whichever comes first: an Edge fault,
    # not a sound stall (which would say the same sentence again with the same voice).
    assert failed.args[0].kind in (SpeechErrorKind.TOO_SLOW, SpeechErrorKind.TIMEOUT)
    assert backend.state is BackendState.IDLE


@pytest.mark.qt_log_ignore("Could not open media", "Invalid data", "could not be decoded")
def test_an_undecodable_cached_entry_is_evicted_and_fetched_again(qtbot, make_backend, server, tmp_path):
    text = "这是一句会重新下载的话。"
    cache = AudioCache(tmp_path / "damaged")
    backend = make_backend(cache)
    key = backend.key(chunk(text), PARAMS)
    assert cache.put(key, Audio(b"\x00not an mp3" * 50))  # a whole, checksummed entry that will not decode
    handshakes = server.handshakes
    failures: list[object] = []
    backend.failed.connect(failures.append)
    backend.speak(chunk(text), PARAMS)

    def replaced() -> bool:
        stored = cache.get(key)
        return stored is not None and b"not an mp3" not in stored.mp3

    qtbot.waitUntil(replaced, timeout=20000)  # evicted, fetched again, stored again
    with qtbot.waitSignal(backend.finished, timeout=20000):
        pass  # …and the fetched sentence is heard to its end
    assert failures == []
    assert server.handshakes > handshakes


def test_prefetched_audio_plays_from_memory_when_the_cache_cannot_keep_it(qtbot, make_backend, server, tmp_path):
    full = AudioCache(tmp_path / "full", max_bytes=1)  # every put is refused: a full (or read-only) cache
    backend = make_backend(full)
    ahead = chunk("下一句已经提前准备好了。")
    backend.prefetch([ahead], PARAMS)
    qtbot.waitUntil(lambda: backend.is_cached(ahead, PARAMS), timeout=20000)
    assert len(full) == 0
    server.set_fault("http503")  # from now on the service fails: only memory can help
    handshakes = server.handshakes
    failures: list[object] = []
    backend.failed.connect(failures.append)
    with qtbot.waitSignal(backend.audio_started, timeout=10000):
        backend.speak(ahead, PARAMS)
    assert failures == [] and backend.last_cached
    assert server.handshakes == handshakes, "played from memory, not fetched again"
    backend.stop()
