"""EdgeSynthesizer end to end against the loopback Edge service: results, every fault, cancellation."""

from __future__ import annotations

import concurrent.futures
import contextlib
import json
import socket
import threading
import time

import pytest

from fenggang_reader.core.events import EventLog
from fenggang_reader.core.settings import Settings
from fenggang_reader.speech import edge, voices
from fenggang_reader.speech.edge import (
    EdgeForbidden,
    EdgeInvalidRequest,
    EdgeProtocolError,
    EdgeRateLimited,
    EdgeSynthesizer,
    EdgeTimeout,
    EdgeTruncated,
    EdgeUnavailable,
    check_complete,
    endpoint_urls,
    map_boundaries,
)
from fenggang_reader.speech.profile import SpeechProfile
from fenggang_reader.speech.types import Audio, Boundary, Engine, SpeechError, SpeechErrorKind, VoiceParams
from tests.support import edge_server as support

TWO_SENTENCES = "今年全镇地区生产总值411亿元，增长3.6%。R&D投入增长12%！"
ONE_SENTENCE = "凤岗镇推进“百千万工程”取得新成效。"


@pytest.fixture(autouse=True)
def _offline(monkeypatch):
    support.guard_network(monkeypatch)


@pytest.fixture(scope="module", autouse=True)
def _prerendered():
    """Render the common texts once, so a slow espeak-ng on a busy machine cannot look like a stall."""
    for text in (TWO_SENTENCES, ONE_SENTENCE):
        for words in (False, True):
            support.render(text, "cmn", "+0%", "+0Hz", "+0%", words)


@pytest.fixture
def server():
    with support.EdgeServer() as srv:
        yield srv


@pytest.fixture
def make_synth(server):
    """Small timeouts keep each fault test well under a few seconds."""
    made: list[EdgeSynthesizer] = []

    def make(**kwargs) -> EdgeSynthesizer:
        options = {"endpoint": server.base_url, "idle_timeout": 0.6, "deadline": 6.0, "backoff": 0.05,
                   "max_attempts": 2, "close_grace": 0.3}
        options.update(kwargs)
        synth = EdgeSynthesizer(**options)
        made.append(synth)
        return synth

    yield make
    for synth in made:
        synth.shutdown()


def _check_audio(audio: Audio, text: str) -> None:
    assert support.mp3_is_cbr48(audio.mp3)
    assert audio.engine is Engine.EDGE
    assert audio.boundaries
    for b in audio.boundaries:
        assert text[b.start:b.end] == b.text
    last = audio.boundaries[-1]
    assert audio.duration_ms >= last.offset_ms + last.duration_ms


# ------------------------------------------------------------------------------------------- success


def test_sentence_boundaries_map_to_text_offsets(server, make_synth, tmp_path):
    log_path = tmp_path / "events.jsonl"
    events = EventLog(log_path)
    synth = make_synth(events=events)
    audio = synth.submit(TWO_SENTENCES, VoiceParams(), block_id="y2024-p01").result(10)
    _check_audio(audio, TWO_SENTENCES)
    assert [(b.start, b.end) for b in audio.boundaries] == [(0, 23), (23, len(TWO_SENTENCES))]
    assert audio.boundaries[0].offset_ms == pytest.approx(100, abs=1)  # the service's lead-in silence
    events.close()
    records = [json.loads(line) for line in log_path.read_text(encoding="utf-8").splitlines()]
    assert [r["event"] for r in records] == ["speech.request", "speech.end"]
    assert records[0]["engine"] == "edge" and records[0]["voice"] == "zh-CN-XiaoxiaoNeural"
    assert records[0]["block_id"] == "y2024-p01"
    assert records[1]["ok"] is True and records[1]["attempts"] == 1 and records[1]["stage"] == "synthesis"


def test_word_boundaries_on_request(server, make_synth):
    synth = make_synth()
    audio = synth.submit(TWO_SENTENCES, VoiceParams(), boundary="WordBoundary").result(10)
    _check_audio(audio, TWO_SENTENCES)
    words = [b.text for b in audio.boundaries]
    assert words[:3] == ["今年", "全镇", "地区"] and "R&D" in words and "3.6%" in words
    starts = [b.start for b in audio.boundaries]
    assert starts == sorted(starts)
    assert server.requests[-1].word_boundaries


def test_request_carries_voice_prosody_and_drm_params(server, make_synth):
    synth = make_synth()
    params = VoiceParams(voice="zh-HK-HiuGaaiNeural", rate=1.5, pitch=-5, volume=10)
    synth.submit("早晨。", params).result(10)
    record = server.requests[-1]
    assert record.voice == "Microsoft Server Speech Text to Speech Voice (zh-HK, HiuGaaiNeural)"
    assert (record.rate, record.pitch, record.volume) == ("+50%", "-5Hz", "+10%")
    assert record.text == "早晨。"
    assert record.query["Sec-MS-GEC-Version"].startswith("2-") and "ConnectionId" in record.query
    assert record.config["context"]["synthesis"]["audio"]["outputFormat"] == "audio-24khz-48kbitrate-mono-mp3"


def test_endpoint_from_environment(server, monkeypatch):
    monkeypatch.setenv(edge.ENDPOINT_ENV, server.base_url)
    profile = SpeechProfile.from_settings(Settings())
    with EdgeSynthesizer(endpoint=profile.checked_endpoint(), idle_timeout=2) as synth:
        assert synth.endpoint == server.base_url
        synth.submit(ONE_SENTENCE, VoiceParams()).result(10)
    assert server.completed == 1


def test_endpoint_urls_keep_paths_and_query():
    ws, voice_list = endpoint_urls("http://127.0.0.1:9/")
    assert ws == ("ws://127.0.0.1:9/consumer/speech/synthesize/readaloud/edge/v1"
                  "?TrustedClientToken=6A5AA1D4EAFF4E9FB37E23D68491D6F4")
    assert voice_list.startswith("http://127.0.0.1:9/consumer/speech/synthesize/readaloud/voices/list?")
    ws, voice_list = endpoint_urls("https://tts.example.org/edge")
    assert ws.startswith("wss://tts.example.org/edge/consumer/") and voice_list.startswith("https://tts.example.org/")
    assert endpoint_urls(None)[0].startswith("wss://speech.platform.bing.com/consumer/")
    for bad in ("ftp://x", "tts.example.org", "http://x/?a=1"):
        with pytest.raises(ValueError):
            endpoint_urls(bad)
    with pytest.raises(ValueError):
        EdgeSynthesizer(endpoint="not a url")


def test_empty_text_gives_empty_audio_without_a_request(server, make_synth):
    synth = make_synth()
    audio = synth.submit("  \n ", VoiceParams()).result(1)
    assert audio.mp3 == b"" and audio.boundaries == []
    assert server.handshakes == 0


@pytest.mark.parametrize(("params", "boundary"), [
    (VoiceParams(voice="Xiaoxiao"), "SentenceBoundary"),
    (VoiceParams(pitch=1.5), "SentenceBoundary"),  # type: ignore[arg-type]
    (VoiceParams(), "ParagraphBoundary"),
])
def test_invalid_parameters_fail_without_a_request(server, make_synth, params, boundary):
    synth = make_synth()
    with pytest.raises(EdgeInvalidRequest) as info:
        synth.submit(ONE_SENTENCE, params, boundary=boundary).result(1)
    wanted = SpeechErrorKind.INVALID_VOICE if params.voice == "Xiaoxiao" else SpeechErrorKind.INVALID_SETTINGS
    assert info.value.kind is wanted and not info.value.retryable and server.handshakes == 0


def test_slow_first_byte_is_waited_for_and_reported(server, make_synth):
    server.latency = 0.4
    synth = make_synth(idle_timeout=1.0)
    seen: list[float] = []
    synth.submit(ONE_SENTENCE, VoiceParams(), on_first_audio=seen.append).result(10)
    assert len(seen) == 1 and 0.4 <= seen[0] < 1.5


# -------------------------------------------------------------------------------------------- faults


def _fails_with(synth: EdgeSynthesizer, error: type[SpeechError], text: str = TWO_SENTENCES,
                within: float = 5.0) -> SpeechError:
    start = time.monotonic()
    future = synth.submit(text, VoiceParams())
    with pytest.raises(error) as info:
        future.result(within + 2)
    assert time.monotonic() - start < within
    assert isinstance(info.value.kind, SpeechErrorKind) and info.value.kind.plain
    return info.value


def test_403_is_retried_once_by_edge_tts_then_reported(server, make_synth):
    server.set_fault("http403")
    _fails_with(make_synth(), EdgeForbidden, within=2)
    assert server.handshakes == 2  # edge-tts fixes its clock and retries once; we do not hammer on


def test_a_single_403_recovers(server, make_synth):
    server.set_fault("http403", times=1)
    _check_audio(make_synth().submit(ONE_SENTENCE, VoiceParams()).result(10), ONE_SENTENCE)


def test_429_retry_after_is_honoured(server, make_synth):
    server.set_fault("http429", times=1, retry_after="0.5")
    audio = make_synth().submit(ONE_SENTENCE, VoiceParams()).result(10)
    _check_audio(audio, ONE_SENTENCE)
    first, second = server.requests[0], server.requests[1]
    assert first.fault == "http429" and second.fault is None
    assert second.received - first.received >= 0.5


def test_429_with_a_long_retry_after_fails_fast_and_says_when(server, make_synth):
    server.set_fault("http429", retry_after="120")
    error = _fails_with(make_synth(max_retry_after=5), EdgeRateLimited, within=1.5)
    assert error.retry_after == pytest.approx(120)
    assert server.handshakes == 1


def test_503_retries_with_backoff_then_fails(server, make_synth):
    server.set_fault("http503")
    error = _fails_with(make_synth(max_attempts=3), EdgeRateLimited, within=3)
    assert error.retry_after is None
    assert server.handshakes == 3


def test_stall_after_handshake_times_out(server, make_synth):
    server.set_fault("stall_after_handshake")
    error = _fails_with(make_synth(idle_timeout=0.5), EdgeTimeout, within=3)
    assert "nothing received" in str(error)
    assert server.synth_requests == 2


def test_stall_mid_stream_times_out(server, make_synth):
    server.set_fault("stall_mid_stream", at=0.3)
    _fails_with(make_synth(idle_timeout=0.5), EdgeTimeout, within=3)


def test_stall_mid_stream_once_recovers_on_retry(server, make_synth):
    server.set_fault("stall_mid_stream", times=1)
    audio = make_synth(idle_timeout=0.5).submit(TWO_SENTENCES, VoiceParams()).result(10)
    _check_audio(audio, TWO_SENTENCES)
    assert server.synth_requests == 2


def test_deadline_bounds_a_slow_trickle(server, make_synth):
    server.chunk_delay = 0.25  # every chunk within the idle timeout, the whole answer far too slow
    synth = make_synth(idle_timeout=1.0, deadline=1.0, deadline_per_char=0.0, max_attempts=1)
    error = _fails_with(synth, EdgeTimeout, within=2)
    assert "deadline" in str(error)


@pytest.mark.parametrize(("text", "at"), [(ONE_SENTENCE, 0.5), (TWO_SENTENCES, 0.3), (TWO_SENTENCES, 0.9)])
def test_dropped_stream_is_detected_as_truncated(server, make_synth, text, at):
    server.set_fault("drop_mid_stream", at=at)
    _fails_with(make_synth(), EdgeTruncated, text=text)
    assert server.synth_requests == 2  # retried once, cut again


def test_dropped_stream_once_recovers_on_retry(server, make_synth):
    server.set_fault("drop_mid_stream", times=1)
    _check_audio(make_synth().submit(TWO_SENTENCES, VoiceParams()).result(10), TWO_SENTENCES)


@pytest.mark.parametrize("fault", ["bad_header_length", "bad_json", "no_audio"])
def test_malformed_answers_are_protocol_errors(server, make_synth, fault):
    server.set_fault(fault)
    _fails_with(make_synth(), EdgeProtocolError)


def test_connection_refused_is_unavailable_and_quick(make_synth):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    _fails_with(make_synth(endpoint=f"http://127.0.0.1:{port}"), EdgeUnavailable, within=1)


def test_internet_is_guarded():
    with pytest.raises(AssertionError, match="127.0.0.1"), socket.create_connection(("192.0.2.1", 443), 0.1):
        pass


# ------------------------------------------------------------------------------ cancellation, shutdown


def test_cancel_pending_drops_stale_jobs_and_later_ones_run(server, make_synth):
    server.latency = 0.5
    synth = make_synth(idle_timeout=2.0)
    stale = [synth.submit(f"第{i}段。", VoiceParams()) for i in range(3)]
    time.sleep(0.1)  # the first is in flight
    synth.cancel_pending()
    start = time.monotonic()
    concurrent.futures.wait(stale, timeout=2)
    assert all(f.cancelled() for f in stale) and time.monotonic() - start < 1
    server.latency = 0.0
    start = time.monotonic()
    fresh = synth.submit(ONE_SENTENCE, VoiceParams()).result(5)
    assert fresh.mp3 and time.monotonic() - start < 2
    assert server.synth_requests == 2  # one stale request reached the server, the other two never left


def test_future_cancel_stops_the_request_in_flight(server, make_synth):
    server.set_fault("stall_after_handshake", times=1)
    synth = make_synth(idle_timeout=5.0, deadline=30)
    first = synth.submit(ONE_SENTENCE, VoiceParams())
    second = synth.submit(TWO_SENTENCES, VoiceParams())
    deadline = time.monotonic() + 3
    while server.synth_requests == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert first.cancel()
    start = time.monotonic()
    second.result(5)
    assert time.monotonic() - start < 2  # not the 5 s idle timeout of the stalled one


def test_shutdown_stops_the_thread_and_cancels(server):
    server.set_fault("stall_after_handshake")
    synth = EdgeSynthesizer(endpoint=server.base_url, idle_timeout=30, deadline=60, close_grace=0.2)
    future = synth.submit(ONE_SENTENCE, VoiceParams())
    time.sleep(0.2)
    start = time.monotonic()
    synth.shutdown()
    assert time.monotonic() - start < 3
    assert future.cancelled()
    assert not synth._thread.is_alive()  # its own thread (the process-wide worker may be running beside it)
    synth.shutdown()  # twice is fine
    with pytest.raises(RuntimeError):
        synth.submit(ONE_SENTENCE, VoiceParams())


# -------------------------------------------------------------------------------------------- voices


def test_voice_list_from_the_overridden_endpoint(server, make_synth):
    listed = voices.chinese(make_synth().list_voices().result(5))
    assert {v["ShortName"] for v in listed} >= {"zh-CN-XiaoxiaoNeural", "zh-HK-HiuGaaiNeural"}
    assert all(v["Locale"].startswith("zh-") for v in listed)
    names = [v.short_name for v in voices.offered(listed)]
    assert names[0] == "zh-CN-XiaoxiaoNeural" and {"zh-CN-YunxiNeural", "zh-TW-HsiaoChenNeural"} <= set(names)
    assert len(make_synth().list_voices().result(5)) == len(support.VOICES)
    assert server.voice_list_requests == 2 and len(listed) < len(support.VOICES)


def test_voice_catalogue_names():
    assert voices.by_name(voices.DEFAULT_VOICE).gender == "Female"
    assert "粤语" in voices.display_name("zh-HK-HiuGaaiNeural")
    assert voices.display_name("xx-XX-NewNeural") == "xx-XX-NewNeural"
    assert {v.locale for v in voices.CATALOGUE} == {"zh-CN", "zh-HK", "zh-TW"}


def test_voice_list_unreachable_is_an_edge_error():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with EdgeSynthesizer(endpoint=f"http://127.0.0.1:{port}") as synth, pytest.raises(EdgeUnavailable):
        synth.list_voices(timeout=2).result(5)


# ---------------------------------------------------------------------------------------- pure logic


def test_boundary_mapping_tolerates_whitespace_and_reports_misses():
    text = "第一句 话。\n第二句。"
    mapped, placed = map_boundaries(text, [("第一句话。", 1_000_000, 5_000_000), ("第二句。", 6_000_000, 4_000_000)])
    assert placed and [(b.start, b.end) for b in mapped] == [(0, 6), (7, 11)]
    assert mapped[1].offset_ms == 600 and mapped[1].duration_ms == 400
    mapped, placed = map_boundaries(text, [("别的", 0, 1)])
    assert not placed and (mapped[0].start, mapped[0].end) == (0, 0)


def test_completeness_checks():
    text = "一二三。四五六。"
    full = [Boundary(100, 900, "一二三。", 0, 4), Boundary(1000, 900, "四五六。", 4, 8)]
    check_complete(text, 6000 * 2, full, True, 100)  # 2 s of audio covers 1.9 s
    with pytest.raises(EdgeTruncated, match="audio lasts"):
        check_complete(text, 6000, full, True, 100)
    with pytest.raises(EdgeTruncated, match="boundaries stop"):
        check_complete(text, 6000 * 2, full[:1], True, 100)
    with pytest.raises(EdgeTruncated, match="no boundaries"):
        check_complete(text, 6000, [], True, 100)
    check_complete(text, 6000 * 2, full[:1], False, 100)  # unplaceable boundaries: only the duration is judged


def test_retry_after_as_http_date():
    from email.utils import formatdate

    assert edge._retry_after_seconds(formatdate(time.time() + 30, usegmt=True)) == pytest.approx(30, abs=2)
    assert edge._retry_after_seconds("7") == 7 and edge._retry_after_seconds("soon") is None


# ------------------------------------------------------------------------------------ audio, proxy


def test_served_audio_is_real_speech(server, make_synth):
    """Decode the MP3: 24 kHz mono, as long as the CBR formula says, and not silence."""
    import array
    import shutil
    import subprocess

    audio = make_synth().submit(ONE_SENTENCE, VoiceParams()).result(10)
    assert shutil.which("ffmpeg"), "ffmpeg is in DEB_PACKAGES (./dev setup)"
    pcm = subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-i", "pipe:0", "-f", "s16le", "-ac", "1",
                          "-ar", "24000", "pipe:1"], input=audio.mp3, capture_output=True, check=True).stdout
    samples = array.array("h", pcm)
    assert len(samples) / 24000 * 1000 == pytest.approx(audio.duration_ms, abs=60)
    voiced = samples[len(samples) // 4: len(samples) * 3 // 4]
    rms = (sum(s * s for s in voiced) / len(voiced)) ** 0.5
    assert rms > 300


class _CountingProxy:
    """A forward proxy on 127.0.0.1 that pipes each connection to the Edge test server and counts them."""

    def __init__(self, upstream_port: int):
        self.upstream_port = upstream_port
        self.connections = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()

    def close(self) -> None:
        self.listener.close()


def test_requests_go_through_the_proxy(server, make_synth):
    proxy = _CountingProxy(server.port)
    try:
        synth = make_synth(proxy=f"http://127.0.0.1:{proxy.port}")
        _check_audio(synth.submit(ONE_SENTENCE, VoiceParams()).result(10), ONE_SENTENCE)
        assert proxy.connections == 1 and server.completed == 1
    finally:
        proxy.close()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead = probe.getsockname()[1]
    synth.set_proxy(f"http://127.0.0.1:{dead}")
    with pytest.raises(EdgeUnavailable):
        synth.submit(ONE_SENTENCE, VoiceParams()).result(10)
