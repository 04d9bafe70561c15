"""A loopback stand-in for Microsoft's Edge read-aloud service, so speech tests never need the internet.

It speaks the websocket protocol the edge-tts 7.3.1 client expects (speech.config and SSML text messages
in; turn.start, audio.metadata with boundaries in 100-ns ticks, binary ``Path:audio`` frames with a
2-byte big-endian header length, turn.end out), serves the voices list, and answers with REAL MP3 audio
(espeak-ng, encoded by LAME through lameenc: 24 kHz mono 48 kbit/s CBR) whose duration agrees with the boundaries. Faults are
switchable per test so every failure the real service shows can be reproduced on demand.

Use it as a pytest fixture (``edge_server``) or standalone for benchmarks and manual runs::

    python -m tests.support.edge_server --port 8765 [--latency 0.2] [--fault stall_mid_stream]
"""

from __future__ import annotations

import argparse
import array
import asyncio
import collections
import contextlib
import io
import json
import math
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid
import wave
from dataclasses import dataclass, field
from email.utils import formatdate
from pathlib import Path
from xml.sax.saxutils import escape, unescape

import pytest
from aiohttp import web

from fenggang_reader.export.offline_speech import encode_mp3

TRUSTED_CLIENT_TOKEN = "6A5AA1D4EAFF4E9FB37E23D68491D6F4"
WS_PATH = "/consumer/speech/synthesize/readaloud/edge/v1"
VOICES_PATH = "/consumer/speech/synthesize/readaloud/voices/list"
TICKS_PER_SECOND = 10_000_000
LEAD_SILENCE_S = 0.1  # the real service starts speech after ~100 ms
MP3_FRAME_BYTES = 144  # MPEG-2 layer III, 48 kbit/s at 24 kHz: 576 samples = 24 ms per frame

FAULT_KINDS = (
    "http403",  # handshake refused with 403 (stale Sec-MS-GEC clock)
    "http429",  # handshake refused with 429 + Retry-After
    "http503",  # handshake refused with 503 (+ Retry-After when given)
    "stall_after_handshake",  # accepts the socket, reads the request, never answers
    "stall_mid_stream",  # sends part of the audio, then goes silent with the socket open
    "drop_mid_stream",  # sends part of the audio, then closes the socket without turn.end
    "bad_header_length",  # a binary frame whose header length exceeds the frame
    "bad_json",  # an audio.metadata message that is not JSON
    "no_audio",  # turn.start then turn.end with no audio
    "slow_trickle",  # slow but working: first audio after 0.1 s, then small pieces, the last one ``trickle_s`` later
)
TRICKLE_FIRST_S = 0.1  # slow_trickle: from turn.start to the first audio
TRICKLE_PIECE_BYTES = 10 * MP3_FRAME_BYTES  # slow_trickle: 240 ms of audio per piece

VOICES = [
    ("zh-CN-XiaoxiaoNeural", "zh-CN", "Female", "cmn"),
    ("zh-CN-YunxiNeural", "zh-CN", "Male", "cmn"),
    ("zh-CN-YunjianNeural", "zh-CN", "Male", "cmn"),
    ("zh-CN-XiaoyiNeural", "zh-CN", "Female", "cmn"),
    ("zh-HK-HiuGaaiNeural", "zh-HK", "Female", "yue"),
    ("zh-HK-WanLungNeural", "zh-HK", "Male", "yue"),
    ("zh-TW-HsiaoChenNeural", "zh-TW", "Female", "cmn"),
    ("zh-TW-YunJheNeural", "zh-TW", "Male", "cmn"),
    ("en-US-EmmaMultilingualNeural", "en-US", "Female", "en-us"),
]

_SENTENCE_END = re.compile(r"(?<=[。！？；!?;\n])")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%+&'-]*|[\u3400-\u9fff\uf900-\ufaff]{1,2}")
_GEC = re.compile(r"^[0-9A-F]{16}-[0-9A-F]{64}$|^[0-9A-F]{64}$")


def _voice_entry(short: str, locale: str, gender: str) -> dict:
    lang, region, name = short.split("-", 2)
    return {
        "Name": f"Microsoft Server Speech Text to Speech Voice ({lang}-{region}, {name})",
        "ShortName": short,
        "Gender": gender,
        "Locale": locale,
        "SuggestedCodec": "audio-24khz-48kbitrate-mono-mp3",
        "FriendlyName": f"Microsoft {name[:-6]} Online (Natural) - {locale}",
        "Status": "GA",
        "VoiceTag": {"ContentCategories": ["General"], "VoicePersonalities": ["Friendly"]},
    }


def _full_voice_name(short: str) -> str:
    lang, region, name = short.split("-", 2)
    return f"Microsoft Server Speech Text to Speech Voice ({lang}-{region}, {name})"


_ESPEAK_BY_FULL_NAME = {_full_voice_name(v[0]): v[3] for v in VOICES}


# ----------------------------------------------------------------------------------------------- audio


@dataclass(frozen=True)
class Rendered:
    mp3: bytes
    boundaries: list[tuple[str, int, int]]  # (text, offset ticks, duration ticks)


_render_cache: collections.OrderedDict[tuple, Rendered] = collections.OrderedDict()
_render_lock = threading.Lock()


# Without espeak-ng (the Windows and macOS release runners), ``--tone`` answers with a tone as long as speech
# would be: enough for a frozen app's self-test to hear the online voice's code path end to end.
USE_TONE = False


def tools_missing() -> list[str]:
    return [] if USE_TONE else [tool for tool in ("espeak-ng",) if shutil.which(tool) is None]


def _tone_pcm(text: str, speed: int) -> tuple[bytes, int]:
    """A 440 Hz tone, about as long as espeak-ng would take to say ``text``."""
    rate = 22050
    samples = int(rate * max(0.3, len(text) * 0.22 * 175 / speed))
    return array.array("h", (int(6000 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(samples))).tobytes(), rate


def _espeak_pcm(text: str, voice: str, speed: int, pitch: int, amplitude: int) -> tuple[bytes, int]:
    with tempfile.TemporaryDirectory(prefix="edge-server-") as tmp:
        wav_path = Path(tmp) / "s.wav"
        subprocess.run(
            ["espeak-ng", "-v", voice, "-s", str(speed), "-p", str(pitch), "-a", str(amplitude), "-w", str(wav_path),
             "--", text],
            check=True, capture_output=True, timeout=60,
        )
        with wave.open(str(wav_path), "rb") as w:
            return w.readframes(w.getnframes()), w.getframerate()


def _encode_mp3(pcm: bytes, rate: int) -> bytes:
    """The service's format exactly: MPEG-2 layer III, 24 kHz mono, 48 kbit/s CBR, no ID3/Xing frames."""
    return encode_mp3(pcm, rate)


def split_sentences(text: str) -> list[str]:
    return [s for s in (part.strip() for part in _SENTENCE_END.split(text)) if s]


def render(text: str, espeak_voice: str, rate: str, pitch: str, volume: str, words: bool) -> Rendered:
    """Speak each sentence separately so every boundary sits exactly where its audio is."""
    key = (text, espeak_voice, rate, pitch, volume, words, USE_TONE)
    with _render_lock:
        if key in _render_cache:
            _render_cache.move_to_end(key)
            return _render_cache[key]
    speed = max(80, min(450, round(175 * (1 + int(rate[:-1]) / 100))))
    espeak_pitch = max(0, min(99, 50 + int(pitch[:-2])))
    amplitude = max(0, min(200, round(100 * (1 + int(volume[:-1]) / 100))))
    pieces: list[bytes] = []
    boundaries: list[tuple[str, int, int]] = []
    sample_rate = 22050
    position = round(LEAD_SILENCE_S * sample_rate)
    pieces.append(b"\0\0" * position)
    for sentence in split_sentences(text):
        pcm, sample_rate = (_tone_pcm(sentence, speed) if USE_TONE
                            else _espeak_pcm(sentence, espeak_voice, speed, espeak_pitch, amplitude))
        n = len(pcm) // 2
        start_ticks = position * TICKS_PER_SECOND // sample_rate
        dur_ticks = n * TICKS_PER_SECOND // sample_rate
        if words:
            tokens = _WORD.findall(sentence)
            weight = sum(len(t) for t in tokens) or 1
            cursor = start_ticks
            for token in tokens:
                share = dur_ticks * len(token) // weight
                boundaries.append((token, cursor, share))
                cursor += share
        else:
            boundaries.append((sentence, start_ticks, dur_ticks))
        pieces.append(pcm)
        position += n
    rendered = Rendered(_encode_mp3(b"".join(pieces), sample_rate), boundaries)
    with _render_lock:
        _render_cache[key] = rendered
        while len(_render_cache) > 128:
            _render_cache.popitem(last=False)
    return rendered


# A silent MPEG-2 layer III frame as LAME writes it (24 kHz mono, 48 kbit/s): the first of a stream, then the
# one that repeats (it reaches back into the bit reservoir of the frame before).
_SILENT_FIRST = bytes.fromhex("fff364c40000000348000000004c414d455555554c414d45332e313030").ljust(MP3_FRAME_BYTES, b"U")
_SILENT_NEXT = bytes.fromhex("fff364c47c0000034800000000555555555555554c414d45332e313030").ljust(MP3_FRAME_BYTES, b"U")
SILENT_CHAR_S = 0.12  # how long a silent character "lasts" at rate +0%


def render_silent(text: str, rate: str, words: bool) -> Rendered:
    """What ``render`` gives, in silence and without espeak-ng or ffmpeg: valid MP3 frames of a plausible
    duration with boundaries that agree with it (for tests of names, order, places and timing, not of sound)."""
    factor = 1 + int(rate[:-1]) / 100
    frame_ticks = MP3_FRAME_BYTES * 8 * TICKS_PER_SECOND // 48000
    position = round(LEAD_SILENCE_S * TICKS_PER_SECOND)
    boundaries: list[tuple[str, int, int]] = []
    for sentence in split_sentences(text):
        duration = round(max(1, len(sentence)) * SILENT_CHAR_S / factor * TICKS_PER_SECOND)
        tokens = _WORD.findall(sentence) if words else [sentence]
        weight = sum(len(t) for t in tokens) or 1
        cursor = position
        for token in tokens:
            share = duration * len(token) // weight
            boundaries.append((token, cursor, share))
            cursor += share
        position += duration
    frames = max(1, -(-position // frame_ticks))
    return Rendered(_SILENT_FIRST + _SILENT_NEXT * (frames - 1), boundaries)


# -------------------------------------------------------------------------------------------- protocol


def _text_message(path: str, request_id: str, body: str) -> str:
    return (
        f"X-RequestId:{request_id}\r\nContent-Type:application/json; charset=utf-8\r\nPath:{path}\r\n\r\n{body}"
    )


def _binary_audio(request_id: str, data: bytes, *, bad_length: bool = False) -> bytes:
    content_type = "Content-Type:audio/mpeg\r\n" if data else ""
    headers = f"X-RequestId:{request_id}\r\n{content_type}X-StreamId:{request_id[:8]}\r\nPath:audio\r\n".encode()
    length = len(headers) + len(data) + 100 if bad_length else len(headers)
    return length.to_bytes(2, "big") + headers + data


def _metadata(kind: str, text: str, offset: int, duration: int) -> str:
    return json.dumps({"Metadata": [{"Type": kind, "Data": {
        "Offset": offset, "Duration": duration,
        "text": {"Text": escape(text), "Length": len(text), "BoundaryType": kind}}}]}, ensure_ascii=False)


def _parse_headers(message: str) -> tuple[dict[str, str], str]:
    head, _, body = message.partition("\r\n\r\n")
    headers = {}
    for line in head.split("\r\n"):
        key, _, value = line.partition(":")
        headers[key.strip()] = value.strip()
    return headers, body


_SSML = re.compile(
    r"<voice name='(?P<voice>[^']*)'><prosody pitch='(?P<pitch>[+-]\d+Hz)' rate='(?P<rate>[+-]\d+%)'"
    r" volume='(?P<volume>[+-]\d+%)'>(?P<text>.*)</prosody></voice></speak>\s*$",
    re.S,
)


@dataclass
class Fault:
    kind: str
    times: int | None = None  # how many more requests it applies to; None = until cleared
    retry_after: str | None = None  # Retry-After header for 429/503
    at: float = 0.5  # fraction of the audio sent before a stall or drop


@dataclass
class RequestRecord:
    query: dict[str, str]
    headers: dict[str, str]
    config: dict | None = None
    voice: str = ""
    text: str = ""
    rate: str = ""
    pitch: str = ""
    volume: str = ""
    word_boundaries: bool = False
    fault: str | None = None
    received: float = field(default_factory=time.monotonic)
    first_audio_sent: float | None = None  # time.monotonic() when its first / last audio frame went out
    last_audio_sent: float | None = None
    audio_bytes_sent: int = 0


class EdgeServer:
    """The service on 127.0.0.1 in a background thread. Change ``latency`` or call ``set_fault`` at any time."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, latency: float = 0.0, chunk_bytes: int = 4320,
                 chunk_delay: float = 0.0, silent: bool = False, trickle_s: float = 1.5):
        self.host = host
        self.silent = silent  # silent MP3 made in Python: no espeak-ng or ffmpeg (render_silent)
        self.port = port
        self.latency = latency
        self.chunk_bytes = chunk_bytes
        self.chunk_delay = chunk_delay
        self.trickle_s = trickle_s  # slow_trickle: from the first audio piece to the last
        self.handshakes = 0  # every websocket GET, accepted or refused
        self.synth_requests = 0  # SSML messages received
        self.completed = 0  # turns finished with turn.end
        self.voice_list_requests = 0
        self.answering = 0  # requests being answered right now
        self.max_concurrent_requests = 0  # the most ever answered at once (the real service throttles that)
        self.requests: list[RequestRecord] = []
        self._fault: Fault | None = None
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._stopping: asyncio.Event | None = None

    # ---- control (any thread)
    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def set_fault(self, kind: str, times: int | None = None, *, retry_after: str | None = None,
                  at: float = 0.5) -> None:
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {kind!r}; choose from {', '.join(FAULT_KINDS)}")
        with self._lock:
            self._fault = Fault(kind, times, retry_after, at)

    def clear_fault(self) -> None:
        with self._lock:
            self._fault = None

    def _take_fault(self) -> Fault | None:
        with self._lock:
            fault = self._fault
            if fault is None:
                return None
            if fault.times is not None:
                fault.times -= 1
                if fault.times <= 0:
                    self._fault = None
            return fault

    def start(self) -> EdgeServer:
        missing = [] if self.silent else tools_missing()
        if missing:
            raise RuntimeError(f"the Edge test server needs {', '.join(missing)} (see DEB_PACKAGES in ./dev)")
        ready = threading.Event()
        errors: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            try:
                loop.run_until_complete(self._serve(ready))
            except BaseException as exc:  # noqa: BLE001 - handed to the starting thread
                errors.append(exc)
                ready.set()
            finally:
                loop.close()

        self._thread = threading.Thread(target=run, name="edge-server", daemon=True)
        self._thread.start()
        ready.wait(10)
        if errors:
            raise errors[0]
        return self

    def stop(self) -> None:
        if self._loop is not None and self._stopping is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._stopping.set)
            self._thread.join(10)
            self._thread = None

    def __enter__(self) -> EdgeServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- server (its own loop)
    async def _serve(self, ready: threading.Event) -> None:
        self._stopping = asyncio.Event()
        app = web.Application()
        app.router.add_get(WS_PATH, self._ws_handler)
        app.router.add_get(VOICES_PATH, self._voices_handler)
        self._runner = web.AppRunner(app, shutdown_timeout=0.5, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, reuse_address=True)
        await site.start()
        sock = site._server.sockets[0] if site._server and site._server.sockets else None  # noqa: SLF001
        if sock is not None:
            self.port = sock.getsockname()[1]
        ready.set()
        await self._stopping.wait()
        await self._runner.cleanup()

    def _check_query(self, request: web.Request, token_key: str) -> str | None:
        q = request.query
        if q.get(token_key) != TRUSTED_CLIENT_TOKEN:
            return "bad TrustedClientToken"
        if not _GEC.match(q.get("Sec-MS-GEC", "")):
            return "bad Sec-MS-GEC"
        if not re.match(r"^[12]-[\d.]+$", q.get("Sec-MS-GEC-Version", "")):
            return "bad Sec-MS-GEC-Version"
        return None

    async def _voices_handler(self, request: web.Request) -> web.Response:
        with self._lock:
            self.voice_list_requests += 1
        problem = self._check_query(request, "trustedclienttoken")
        if problem:
            return web.Response(status=400, text=problem)
        return web.json_response([_voice_entry(v[0], v[1], v[2]) for v in VOICES])

    async def _ws_handler(self, request: web.Request) -> web.StreamResponse:
        record = RequestRecord(dict(request.query), dict(request.headers))
        with self._lock:
            self.handshakes += 1
            self.requests.append(record)
        problem = self._check_query(request, "TrustedClientToken")
        if problem or "ConnectionId" not in request.query:
            return web.Response(status=400, text=problem or "missing ConnectionId")
        fault = self._take_fault()
        record.fault = fault.kind if fault else None
        if fault and fault.kind.startswith("http"):
            status = int(fault.kind[4:])
            headers = {"Date": formatdate(usegmt=True)}
            if fault.retry_after is not None:
                headers["Retry-After"] = fault.retry_after
            return web.Response(status=status, headers=headers, text=f"fault {status}")

        ws = web.WebSocketResponse(compress=True, heartbeat=None)
        await ws.prepare(request)
        try:
            await self._conversation(ws, record, fault)
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            if not ws.closed:
                with contextlib.suppress(Exception):
                    await ws.close()
        return ws

    async def _wait_closed(self, ws: web.WebSocketResponse) -> None:
        """A stall: keep the socket open, answer nothing, until the client gives up."""
        while not ws.closed:
            msg = await ws.receive()
            if msg.type in (web.WSMsgType.CLOSE, web.WSMsgType.CLOSING, web.WSMsgType.CLOSED, web.WSMsgType.ERROR):
                return

    async def _conversation(self, ws: web.WebSocketResponse, record: RequestRecord, fault: Fault | None) -> None:
        async for msg in ws:
            if msg.type != web.WSMsgType.TEXT:
                return
            headers, body = _parse_headers(msg.data)
            path = headers.get("Path")
            if path == "speech.config":
                record.config = json.loads(body)
                continue
            if path != "ssml":
                await ws.close(code=1002, message=b"unknown path")
                return
            match = _SSML.search(body)
            if not match:
                await ws.close(code=1007, message=b"bad ssml")
                return
            record.voice, record.rate, record.pitch, record.volume = match.group("voice", "rate", "pitch", "volume")
            record.text = unescape(match["text"])
            options = (record.config or {}).get("context", {}).get("synthesis", {}).get("audio", {})
            record.word_boundaries = options.get("metadataoptions", {}).get("wordBoundaryEnabled") == "true"
            with self._lock:
                self.synth_requests += 1
            await self._answer(ws, headers.get("X-RequestId", uuid.uuid4().hex), record, fault)
            if fault and fault.kind in ("stall_after_handshake", "stall_mid_stream"):
                await self._wait_closed(ws)
                return

    async def _answer(self, ws: web.WebSocketResponse, request_id: str, record: RequestRecord,
                      fault: Fault | None) -> None:
        with self._lock:
            self.answering += 1
            self.max_concurrent_requests = max(self.max_concurrent_requests, self.answering)
        try:
            await self._answer_one(ws, request_id, record, fault)
        finally:
            with self._lock:
                self.answering -= 1

    async def _answer_one(self, ws: web.WebSocketResponse, request_id: str, record: RequestRecord,
                          fault: Fault | None) -> None:
        kind = fault.kind if fault else None
        if kind == "stall_after_handshake":
            return
        espeak_voice = _ESPEAK_BY_FULL_NAME.get(record.voice)
        rendered = None
        if espeak_voice is not None and kind != "no_audio":
            if self.silent:
                rendered = render_silent(record.text, record.rate, record.word_boundaries)
            else:
                rendered = await asyncio.to_thread(render, record.text, espeak_voice, record.rate, record.pitch,
                                                   record.volume, record.word_boundaries)
        if self.latency:
            await asyncio.sleep(self.latency)
        await ws.send_str(_text_message("turn.start", request_id,
                                        '{"context":{"serviceTag":"' + uuid.uuid4().hex + '"}}'))
        if rendered is not None and await self._stream_audio(ws, request_id, record, rendered, fault):
            return
        await ws.send_str(_text_message("turn.end", request_id, "{}"))
        with self._lock:
            self.completed += 1

    async def _stream_audio(self, ws: web.WebSocketResponse, request_id: str, record: RequestRecord,
                            rendered: Rendered, fault: Fault | None) -> bool:
        """Interleave metadata and audio as the service does; True when a fault ended the turn early."""
        kind = fault.kind if fault else None
        boundary_type = "WordBoundary" if record.word_boundaries else "SentenceBoundary"
        mp3 = rendered.mp3
        cut = len(mp3) + 1
        if kind in ("stall_mid_stream", "drop_mid_stream"):
            cut = max(MP3_FRAME_BYTES, int(len(mp3) * fault.at) // MP3_FRAME_BYTES * MP3_FRAME_BYTES)
        pending = list(rendered.boundaries)
        sent = 0
        piece_bytes, piece_delay = self.chunk_bytes, self.chunk_delay
        if kind == "slow_trickle":
            piece_bytes = TRICKLE_PIECE_BYTES
            piece_delay = self.trickle_s / max(1, math.ceil(len(mp3) / piece_bytes) - 1)
            await asyncio.sleep(TRICKLE_FIRST_S)
        while sent < len(mp3):
            # a boundary goes out just before the audio that contains its start
            chunk_end_ticks = (sent + piece_bytes) * 8 * TICKS_PER_SECOND // 48000
            while pending and pending[0][1] < chunk_end_ticks:
                text, offset, duration = pending.pop(0)
                body = "{not json" if kind == "bad_json" else _metadata(boundary_type, text, offset, duration)
                await ws.send_str(_text_message("audio.metadata", request_id, body))
                if kind == "bad_json":
                    return False
            end = min(len(mp3), sent + piece_bytes, cut)
            await ws.send_bytes(_binary_audio(request_id, mp3[sent:end], bad_length=kind == "bad_header_length"))
            record.last_audio_sent = time.monotonic()
            record.first_audio_sent = record.first_audio_sent or record.last_audio_sent
            record.audio_bytes_sent += end - sent
            sent = end
            if sent >= cut:
                if kind == "drop_mid_stream":
                    await ws.close()
                return True
            if piece_delay and sent < len(mp3):
                await asyncio.sleep(piece_delay)
        await ws.send_bytes(_binary_audio(request_id, b""))  # the service ends the audio with an empty frame
        return False


# ------------------------------------------------------------------------------------------- fixtures


def _is_loopback(host: object) -> bool:
    if not isinstance(host, str):
        return True
    return host in ("localhost", "127.0.0.1", "::1", "") or host.startswith("127.")


def guard_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any connection or name lookup beyond 127.0.0.1 fail the test loudly."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def guard(address: object) -> None:
        if isinstance(address, tuple) and not _is_loopback(address[0]):
            raise AssertionError(f"test tried to reach {address!r}: tests must stay on 127.0.0.1")

    def connect(self, address):
        guard(address)
        return real_connect(self, address)

    def connect_ex(self, address):
        guard(address)
        return real_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        guard((host.decode() if isinstance(host, bytes) else host, 0))
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def mp3_is_cbr48(data: bytes) -> bool:
    """True when data is a run of 144-byte MPEG-2 layer III 48 kbit/s 24 kHz mono frames."""
    if not data or len(data) % MP3_FRAME_BYTES:
        return False
    view = io.BytesIO(data)
    while header := view.read(4):
        if header[0] != 0xFF or header[1] & 0xF0 != 0xF0 or header[1] & 0x08:  # sync, MPEG-2 (ID bit 0)
            return False
        view.seek(MP3_FRAME_BYTES - 4, io.SEEK_CUR)
    return True


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds before the first answer")
    parser.add_argument("--chunk-delay", type=float, default=0.0, help="seconds between audio frames")
    parser.add_argument("--fault", choices=FAULT_KINDS, help="apply this fault to every request")
    parser.add_argument("--retry-after", help="Retry-After for http429/http503")
    parser.add_argument("--tone", action="store_true", help="answer with a tone instead of espeak-ng's speech")
    args = parser.parse_args(argv)
    global USE_TONE
    USE_TONE = args.tone
    if not _is_loopback(args.host):
        parser.error("this test server only listens on loopback addresses")
    server = EdgeServer(args.host, args.port, latency=args.latency, chunk_delay=args.chunk_delay)
    if args.fault:
        server.set_fault(args.fault, retry_after=args.retry_after)
    server.start()
    print(f"Edge test service on {server.base_url} (FENGGANG_READER_EDGE_ENDPOINT={server.base_url}); Ctrl+C stops",
          flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
