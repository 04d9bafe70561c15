"""Microsoft Edge neural voices through edge-tts, on one worker thread with its own asyncio loop.

The UI thread never waits on the network: ``submit`` returns a ``concurrent.futures.Future[Audio]``.
The service is flaky, so every request gets an idle timeout per chunk (edge-tts can hang forever after
the handshake), an overall deadline, a truncation check (edge-tts returns cut streams without an error),
bounded retries with backoff (honouring Retry-After), and errors mapped to ``SpeechError`` subclasses
with plain messages. See DESIGN.md "Speech" for the measured behaviour this guards against.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import email.utils
import functools
import itertools
import json
import logging
import math
import random
import re
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fenggang_reader.core.events import NULL_LOG, EventLog
from fenggang_reader.speech.lazy import LazyModule, OptionalModuleError
from fenggang_reader.speech.types import Audio, Boundary, Engine, SpeechError, SpeechErrorKind, VoiceParams

# edge-tts and aiohttp load in ~0.18 s: only when a voice is first needed, not at every start.
aiohttp = LazyModule("aiohttp")
edge_tts = LazyModule("edge_tts")

log = logging.getLogger(__name__)

ENDPOINT_ENV = "FENGGANG_READER_EDGE_ENDPOINT"
DEFAULT_BASE_URL = "https://speech.platform.bing.com"
BOUNDARY_TYPES = ("SentenceBoundary", "WordBoundary")
TICKS_PER_MS = 10_000
_RATE_OR_VOLUME = re.compile(r"^[+-]\d+%$")
_PITCH = re.compile(r"^[+-]\d+Hz$")
# edge-tts builds these once at import from constants; we rebuild them from the same constants.


def _original_urls() -> tuple[str, str]:
    """edge-tts's own websocket and voice-list URLs (read from its constants, which we never rebind)."""
    return edge_tts.constants.WSS_URL, edge_tts.constants.VOICE_LIST


# --------------------------------------------------------------------------------------------- errors


class EdgeError(SpeechError):
    """Base of the Edge failures; the kind says what the listener is told and whether to try again."""

    kind = SpeechErrorKind.UNREACHABLE

    @property
    def retryable(self) -> bool:
        return self.kind.retryable


class EdgeInvalidRequest(EdgeError):
    kind = SpeechErrorKind.INVALID_SETTINGS


class EdgeForbidden(EdgeError):
    kind = SpeechErrorKind.REFUSED


class EdgeRateLimited(EdgeError):
    kind = SpeechErrorKind.BUSY


class EdgeTimeout(EdgeError):
    kind = SpeechErrorKind.TIMEOUT


class EdgeTruncated(EdgeError):
    kind = SpeechErrorKind.INCOMPLETE


class EdgeProtocolError(EdgeError):
    kind = SpeechErrorKind.BAD_ANSWER


class EdgeUnavailable(EdgeError):
    kind = SpeechErrorKind.UNREACHABLE


class EdgeEndpointError(EdgeError, ValueError):
    """The address set for the online voices (setting or environment) is not an http(s) base URL."""

    kind = SpeechErrorKind.INVALID_ENDPOINT


class EdgeNotInstalled(EdgeError):
    """edge-tts or aiohttp is missing or broken in this installation: no request can ever work."""

    kind = SpeechErrorKind.NOT_INSTALLED


def _retry_after_seconds(value: str | None) -> float | None:
    """Retry-After is either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - time.time())


def classify(exc: BaseException) -> EdgeError:
    """Map whatever edge-tts/aiohttp raised to one of our errors (order matters: subclasses first)."""
    if isinstance(exc, EdgeError):
        return exc
    name = type(exc).__name__
    if isinstance(exc, aiohttp.ClientResponseError):  # includes WSServerHandshakeError
        status = exc.status
        headers = exc.headers or {}
        if status == 403:
            return EdgeForbidden(f"HTTP 403 from the Edge service: {exc.message}")
        if status in (429, 503):
            return EdgeRateLimited(f"HTTP {status} from the Edge service",
                                   retry_after=_retry_after_seconds(headers.get("Retry-After")))
        if status >= 500:
            return EdgeUnavailable(f"HTTP {status} from the Edge service", SpeechErrorKind.CONNECTION_LOST)
        return EdgeProtocolError(f"HTTP {status} from the Edge service: {exc.message}", SpeechErrorKind.UNEXPECTED)
    if isinstance(exc, edge_tts.exceptions.SkewAdjustmentError):
        return EdgeForbidden(f"403 and the clock could not be corrected: {exc}")
    if isinstance(exc, (edge_tts.exceptions.NoAudioReceived, edge_tts.exceptions.UnexpectedResponse,
                        edge_tts.exceptions.UnknownResponse, edge_tts.exceptions.WebSocketError,
                        json.JSONDecodeError, ValueError, KeyError, TypeError, IndexError)):
        return EdgeProtocolError(f"{name}: {exc}")
    if isinstance(exc, (aiohttp.SocketTimeoutError, aiohttp.ServerTimeoutError, TimeoutError)):
        return EdgeTimeout(f"{name}: {exc}")
    if isinstance(exc, aiohttp.ClientConnectorError):  # refused, DNS, unreachable: offline, fail fast
        return EdgeUnavailable(f"cannot connect: {exc}")
    if isinstance(exc, (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError, aiohttp.ClientPayloadError,
                        ConnectionError)):
        return EdgeUnavailable(f"connection lost: {name}: {exc}", SpeechErrorKind.CONNECTION_LOST)
    if isinstance(exc, (aiohttp.ClientError, OSError)):
        return EdgeUnavailable(f"{name}: {exc}")
    return EdgeProtocolError(f"unexpected {name}: {exc}", SpeechErrorKind.UNEXPECTED)


# ------------------------------------------------------------------------------------------ endpoint


def endpoint_urls(base_url: str | None) -> tuple[str, str]:
    """(websocket URL, voice list URL) with ``base_url`` in place of https://speech.platform.bing.com.

    Paths and query stay as edge-tts builds them; http:// gives ws://, https:// gives wss://.
    """
    if not check_endpoint(base_url):
        return _original_urls()
    parts = urllib.parse.urlsplit((base_url or "").strip())
    prefix = parts.path.rstrip("/")
    ws_scheme = "ws" if parts.scheme == "http" else "wss"

    def rebase(url: str, scheme: str) -> str:
        original = urllib.parse.urlsplit(url)
        return urllib.parse.urlunsplit((scheme, parts.netloc, prefix + original.path, original.query, ""))

    original_wss, original_voices = _original_urls()
    return rebase(original_wss, ws_scheme), rebase(original_voices, parts.scheme)


def check_endpoint(base_url: str | None) -> str | None:
    """``base_url`` stripped, None for Microsoft's service; EdgeEndpointError unless it is http(s)://host[:port][/prefix].

    Needs no edge-tts, so a bad address is reported even where the online voice is not installed.
    """
    base_url = (base_url or "").strip()
    if not base_url:
        return None
    parts = urllib.parse.urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise EdgeEndpointError(f"Edge endpoint must look like https://host[:port][/prefix], not {base_url!r}")
    return base_url


def apply_endpoint(base_url: str | None) -> None:
    """Rebind the module globals edge-tts reads at each connect (there is no per-call parameter).

    They are process-wide: every caller applies its endpoint right before connecting, on its own loop.
    """
    wss_url, voice_list = endpoint_urls(base_url)
    edge_tts.communicate.WSS_URL = wss_url
    edge_tts.voices.VOICE_LIST = voice_list


# --------------------------------------------------------------------------------------- boundaries


def _locate(text: str, wanted: str, cursor: int) -> tuple[int, int] | None:
    """Where ``wanted`` is in text at or after cursor; falls back to ignoring whitespace differences."""
    if not wanted:
        return None
    index = text.find(wanted, cursor)
    if index >= 0:
        return index, index + len(wanted)
    compact_wanted = "".join(wanted.split())
    if not compact_wanted:
        return None
    positions = [i for i in range(cursor, len(text)) if not text[i].isspace()]
    compact = "".join(text[i] for i in positions)
    found = compact.find(compact_wanted)
    if found < 0:
        return None
    return positions[found], positions[found + len(compact_wanted) - 1] + 1


def map_boundaries(text: str, raw: list[tuple[str, int, int]]) -> tuple[list[Boundary], bool]:
    """Boundaries with offsets into ``text``; the flag is False when one could not be placed."""
    cursor = 0
    all_placed = True
    out: list[Boundary] = []
    for piece, offset, duration in raw:
        span = _locate(text, piece, cursor)
        if span is None:
            all_placed = False
            start = end = cursor
        else:
            start, end = span
            cursor = end
        out.append(Boundary(offset / TICKS_PER_MS, duration / TICKS_PER_MS, piece, start, end))
    return out, all_placed


def check_complete(text: str, mp3_len: int, boundaries: list[Boundary], all_placed: bool,
                   tolerance_ms: float) -> None:
    """Raise EdgeTruncated unless the audio reaches the last boundary and the boundaries reach the text's end."""
    audio_ms = mp3_len * 8 / 48000 * 1000
    if not boundaries:
        if any(ch.isalnum() for ch in text):
            raise EdgeTruncated(f"{mp3_len} bytes of audio but no boundaries for {len(text)} characters")
        return
    last = boundaries[-1]
    heard_end = last.offset_ms + last.duration_ms
    if audio_ms + tolerance_ms < heard_end:
        raise EdgeTruncated(f"audio lasts {audio_ms:.0f} ms but the last boundary ends at {heard_end:.0f} ms")
    if all_placed:
        covered = max(b.end for b in boundaries)
        if any(ch.isalnum() for ch in text[covered:]):
            raise EdgeTruncated(f"boundaries stop at character {covered} of {len(text)}: {text[covered:][:20]!r}…")


def validate_params(params: VoiceParams) -> tuple[str, str, str]:
    try:
        rate, pitch, volume = params.edge_rate(), params.edge_pitch(), params.edge_volume()
    except (ValueError, TypeError, OverflowError) as exc:
        raise EdgeInvalidRequest(f"invalid voice parameters {params!r}: {exc}") from exc
    if not _RATE_OR_VOLUME.match(rate):
        raise EdgeInvalidRequest(f"invalid rate {rate!r}")
    if not _RATE_OR_VOLUME.match(volume):
        raise EdgeInvalidRequest(f"invalid volume {volume!r}")
    if not _PITCH.match(pitch):
        raise EdgeInvalidRequest(f"invalid pitch {pitch!r}")
    if not re.match(r"^[a-z]{2,}-[A-Z]{2,}-.+Neural$", params.voice):
        raise EdgeInvalidRequest(f"not an Edge voice: {params.voice!r}", SpeechErrorKind.INVALID_VOICE)
    return rate, pitch, volume


# ------------------------------------------------------------------------------------------- worker


@dataclass
class _Job:
    number: int
    generation: int
    text: str
    params: VoiceParams
    boundary: str
    future: concurrent.futures.Future
    block_id: str | None
    on_first_audio: Callable[[float], None] | None
    submitted: float
    client: object
    events: EventLog
    first_audio_reported: bool = False
    on_audio: Callable[[bytes, int], None] | None = None


class EdgeSynthesizer:
    """Edge voices on one worker thread; ``submit`` from any thread, results through Futures.

    Requests run one at a time in submission order (the service rate-limits parallel use). Timeouts are
    in seconds; the small values the tests pass keep each fault test quick.
    """

    def __init__(self, *, endpoint: str | None = None, proxy: str | None = None, events: EventLog | None = None,
                 idle_timeout: float = 5.0, deadline: float = 20.0, deadline_per_char: float = 0.02,
                 connect_timeout: float = 5.0, max_attempts: int = 3, backoff: float = 0.4,
                 max_retry_after: float = 10.0, close_grace: float = 0.5, truncation_tolerance_ms: float = 100.0):
        try:  # load both libraries now: a missing or broken one is a voice that is not there, not a crash
            edge_tts.communicate, aiohttp.ClientError  # noqa: B018 - the attribute read does the import
        except OptionalModuleError as exc:
            raise EdgeNotInstalled(str(exc)) from exc
        self.endpoint = check_endpoint(endpoint)  # a bad address fails here, loudly, not at the first request
        self.proxy = proxy or None
        self.events = events or NULL_LOG
        self.idle_timeout = idle_timeout
        self.deadline = deadline
        self.deadline_per_char = deadline_per_char
        self.connect_timeout = connect_timeout
        self.max_attempts = max(1, max_attempts)
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self.close_grace = close_grace
        self.truncation_tolerance_ms = truncation_tolerance_ms
        self._numbers = itertools.count(1)
        self._generations: dict[object, int] = {}  # client → generation: cancel_pending drops older jobs
        self._closed = False
        self._lock = threading.Lock()
        self._running: dict[int, tuple[_Job, asyncio.Task]] = {}  # job number → (job, task)
        self._loop = asyncio.new_event_loop()
        self._queue: asyncio.Queue[_Job | None] | None = None
        started = threading.Event()
        self._thread = threading.Thread(target=self._run_loop, args=(started,), name="edge-tts", daemon=True)
        self._thread.start()
        started.wait()

    # ---- public API (any thread)
    def submit(self, text: str, params: VoiceParams, *, boundary: str = "SentenceBoundary",
               block_id: str | None = None, on_first_audio: Callable[[float], None] | None = None,
               on_audio: Callable[[bytes, int], None] | None = None,
               client: object = None, events: EventLog | None = None) -> concurrent.futures.Future[Audio]:
        """Synthesise ``text``; the Future gets Audio or an EdgeError. ``cancel()`` on it stops the request.

        ``on_first_audio(seconds)`` runs on the worker thread when the first audio bytes arrive, and
        ``on_audio(data, bytes so far)`` with each piece as it arrives (to play it before the rest is there; a
        retried attempt starts again from its first piece, where the bytes so far equal ``len(data)``). ``client``
        (an EdgeClient) groups requests for ``cancel_pending``; ``events`` logs them instead of ours.
        """
        future: concurrent.futures.Future[Audio] = concurrent.futures.Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("EdgeSynthesizer is shut down")
            job = _Job(next(self._numbers), self._generations.get(client, 0), text, params, boundary, future,
                       block_id, on_first_audio, time.monotonic(), client, events or self.events,
                       on_audio=on_audio)
        try:
            if boundary not in BOUNDARY_TYPES:
                raise EdgeInvalidRequest(f"boundary must be one of {BOUNDARY_TYPES}, not {boundary!r}")
            validate_params(params)
        except EdgeError as exc:
            future.set_exception(exc)
            return future
        if not text.strip():  # edge-tts would send nothing and return nothing
            future.set_result(Audio(b"", [], Engine.EDGE, params.voice))
            return future
        future.add_done_callback(functools.partial(self._on_done, number=job.number))
        self._loop.call_soon_threadsafe(self._enqueue, job)
        return future

    def cancel_pending(self, client: object = None) -> None:
        """Drop everything ``client`` submitted so far (the listener moved on); later submissions and other
        clients' requests are unaffected."""
        with self._lock:
            generation = self._generations[client] = self._generations.get(client, 0) + 1
            if self._closed:
                return
        self._loop.call_soon_threadsafe(self._cancel_older_than, client, generation)

    def set_route(self, endpoint: str | None, proxy: str | None) -> None:
        """Where the next requests go (a changed setting); EdgeEndpointError for a bad address."""
        self.endpoint = check_endpoint(endpoint)
        self.proxy = proxy or None

    def set_proxy(self, proxy: str | None) -> None:
        self.proxy = proxy or None

    @property
    def closed(self) -> bool:
        return self._closed

    def list_voices(self, timeout: float = 10.0) -> concurrent.futures.Future[list[dict[str, Any]]]:
        """The service's voice list, fetched on the worker loop against the current endpoint."""

        async def fetch() -> list[dict[str, Any]]:
            apply_endpoint(self.endpoint)
            try:
                async with asyncio.timeout(timeout):
                    return list(await edge_tts.list_voices(proxy=self.proxy))
            except Exception as exc:  # noqa: BLE001 - reported as an EdgeError
                raise classify(exc) from exc

        with self._lock:
            if self._closed:
                raise RuntimeError("EdgeSynthesizer is shut down")
            return asyncio.run_coroutine_threadsafe(fetch(), self._loop)

    def shutdown(self, timeout: float = 5.0) -> None:
        """Cancel everything, stop the loop and join the thread. Safe to call twice."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._loop.call_soon_threadsafe(self._stop)
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.warning("edge-tts worker did not stop within %.1f s", timeout)

    def __enter__(self) -> EdgeSynthesizer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()

    # ---- worker thread
    def _run_loop(self, started: threading.Event) -> None:
        asyncio.set_event_loop(self._loop)
        self._queue = asyncio.Queue()
        worker = self._loop.create_task(self._worker())
        started.set()
        try:
            self._loop.run_until_complete(worker)
            # let cancelled attempts close their sockets before the loop goes away
            leftovers = [t for t in asyncio.all_tasks(self._loop) if not t.done()]
            for task in leftovers:
                task.cancel()
            if leftovers:
                self._loop.run_until_complete(asyncio.wait(leftovers, timeout=self.close_grace + 1))
            self._loop.run_until_complete(self._loop.shutdown_asyncgens())
        finally:
            self._loop.close()

    def _enqueue(self, job: _Job) -> None:
        assert self._queue is not None
        self._queue.put_nowait(job)

    def _stop(self) -> None:
        self._cancel_where(lambda job: True)
        assert self._queue is not None
        self._queue.put_nowait(None)

    def _cancel_older_than(self, client: object, generation: int) -> None:
        self._cancel_where(lambda job: job.client is client and job.generation < generation)

    def _cancel_where(self, doomed: Callable[[_Job], bool]) -> None:
        assert self._queue is not None
        kept: list[_Job | None] = []
        while not self._queue.empty():
            job = self._queue.get_nowait()
            if job is not None and doomed(job):
                job.future.cancel()
            else:
                kept.append(job)
        for job in kept:
            self._queue.put_nowait(job)
        for running, task in list(self._running.values()):
            if doomed(running):
                task.cancel()

    def _stale(self, job: _Job) -> bool:
        return self._closed or job.generation < self._generations.get(job.client, 0)

    def _on_done(self, future: concurrent.futures.Future, number: int) -> None:
        if not future.cancelled():
            return
        # a cancelled Future only wakes concurrent.futures.wait()/as_completed() once notified
        with contextlib.suppress(RuntimeError):
            future.set_running_or_notify_cancel()
        if not self._loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                self._loop.call_soon_threadsafe(self._cancel_number, number)

    def _cancel_number(self, number: int) -> None:
        running = self._running.get(number)
        if running is not None:
            running[1].cancel()

    async def _worker(self) -> None:
        assert self._queue is not None
        while True:
            job = await self._queue.get()
            if job is None:
                return
            if job.future.done() or self._stale(job):
                job.future.cancel()
                continue
            task = asyncio.ensure_future(self._run_job(job))
            self._running[job.number] = (job, task)
            try:
                await asyncio.wait([task])
            finally:
                self._running.pop(job.number, None)

    async def _run_job(self, job: _Job) -> None:
        voice = job.params.voice
        job.events.emit("speech.request", engine=Engine.EDGE.value, voice=voice, block_id=job.block_id,
                         chars=len(job.text), boundary=job.boundary)
        started = time.monotonic()
        deadline = started + self.deadline + self.deadline_per_char * len(job.text)
        attempts = 0
        error: EdgeError | None = None
        try:
            while True:
                attempts += 1
                try:
                    audio = await self._attempt(job, deadline)
                except EdgeError as exc:
                    error = exc
                    delay = self._retry_delay(exc, attempts, deadline)
                    log.info("Edge attempt %d for %s failed: %s; %s", attempts, voice, exc,
                             "giving up" if delay is None else f"retrying in {delay:.2f} s")
                    if delay is None:
                        break
                    await asyncio.sleep(delay)
                    continue
                self._settle(job.future, result=audio)
                job.events.emit("speech.end", stage="synthesis", engine=Engine.EDGE.value, voice=voice, block_id=job.block_id,
                                 ok=True, attempts=attempts, ms=round((time.monotonic() - started) * 1000),
                                 audio_ms=round(audio.duration_ms), boundaries=len(audio.boundaries))
                return
        except asyncio.CancelledError:
            job.future.cancel()
            job.events.emit("speech.end", stage="synthesis", engine=Engine.EDGE.value, voice=voice, block_id=job.block_id,
                             ok=False, error="cancelled", attempts=attempts,
                             ms=round((time.monotonic() - started) * 1000))
            raise
        assert error is not None
        self._settle(job.future, error=error)
        job.events.emit("speech.end", stage="synthesis", engine=Engine.EDGE.value, voice=voice, block_id=job.block_id, ok=False,
                         error=type(error).__name__, message=str(error), attempts=attempts,
                         ms=round((time.monotonic() - started) * 1000), retry_after=error.retry_after)

    def _retry_delay(self, exc: EdgeError, attempts: int, deadline: float) -> float | None:
        """Seconds to wait before the next attempt, or None to give up now."""
        if not exc.retryable or attempts >= self.max_attempts:
            return None
        if exc.retry_after is not None:
            if exc.retry_after > self.max_retry_after:
                return None  # the caller sees retry_after and can try Edge again that much later
            delay = exc.retry_after
        else:
            delay = self.backoff * (2 ** (attempts - 1)) * random.uniform(0.8, 1.2)
        # leave the next attempt at least a little time, or do not bother
        if time.monotonic() + delay + min(self.idle_timeout, 0.5) >= deadline:
            return None
        return delay

    @staticmethod
    def _settle(future: concurrent.futures.Future, *, result: Audio | None = None,
                error: BaseException | None = None) -> None:
        try:
            if error is not None:
                future.set_exception(error)
            else:
                future.set_result(result)
        except concurrent.futures.InvalidStateError:  # cancelled by the caller meanwhile
            pass

    async def _attempt(self, job: _Job, deadline: float) -> Audio:
        """One Communicate (stream() runs once per object), read through an idle timeout and the deadline."""
        rate, pitch, volume = validate_params(job.params)
        apply_endpoint(self.endpoint)
        communicate = edge_tts.Communicate(
            job.text, job.params.voice, rate=rate, volume=volume, pitch=pitch, boundary=job.boundary,
            proxy=self.proxy, connect_timeout=max(1, math.ceil(self.connect_timeout)),
            receive_timeout=max(1, math.ceil(self.idle_timeout)),
        )
        chunks: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()

        async def pump() -> None:
            stream = communicate.stream()
            try:
                async for chunk in stream:
                    chunks.put_nowait(("chunk", chunk))
                chunks.put_nowait(("end", None))
            except asyncio.CancelledError:
                raise
            except BaseException as exc:  # noqa: BLE001 - handed to the reader below
                chunks.put_nowait(("error", exc))
            finally:
                await stream.aclose()

        pumping = asyncio.ensure_future(pump())
        audio = bytearray()
        raw: list[tuple[str, int, int]] = []
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise EdgeTimeout(f"no complete answer within the deadline ({len(audio)} bytes so far)")
                wait = min(self.idle_timeout, remaining)
                try:
                    kind, value = await asyncio.wait_for(chunks.get(), wait)
                except TimeoutError:
                    if wait < self.idle_timeout:
                        raise EdgeTimeout(f"deadline reached after {len(audio)} bytes of audio") from None
                    raise EdgeTimeout(f"nothing received for {self.idle_timeout:.1f} s "
                                      f"({len(audio)} bytes of audio so far)") from None
                if kind == "end":
                    break
                if kind == "error":
                    raise classify(value) from value
                if value["type"] == "audio":
                    audio += value["data"]
                    self._report_first_audio(job)
                    self._report_audio(job, value["data"], len(audio))
                elif value["type"] in BOUNDARY_TYPES:
                    raw.append((value["text"], value["offset"], value["duration"]))
        finally:
            if not pumping.done():
                pumping.cancel()
                await asyncio.wait([pumping], timeout=self.close_grace)
        boundaries, all_placed = map_boundaries(job.text, raw)
        check_complete(job.text, len(audio), boundaries, all_placed, self.truncation_tolerance_ms)
        return Audio(bytes(audio), boundaries, Engine.EDGE, job.params.voice)

    @staticmethod
    def _report_audio(job: _Job, data: bytes, received: int) -> None:
        if job.on_audio is not None and data:
            try:
                job.on_audio(data, received)
            except Exception:  # a listener's bug must not break synthesis
                log.exception("on_audio callback failed")

    def _report_first_audio(self, job: _Job) -> None:
        if job.first_audio_reported:
            return
        job.first_audio_reported = True
        if job.on_first_audio is not None:
            try:
                job.on_first_audio(time.monotonic() - job.submitted)
            except Exception:  # a listener's bug must not break synthesis
                log.exception("on_first_audio callback failed")


# ------------------------------------------------------------------------------------- the one worker


class EdgeClient:
    """One user of the process's Edge worker (reading aloud, an audio export): submits with its own events and
    cancels only its own requests. ``shutdown`` lets go of it; the worker stays for the others."""

    def __init__(self, synthesizer: EdgeSynthesizer, events: EventLog | None = None):
        self.synthesizer = synthesizer
        self.events = events or NULL_LOG

    def submit(self, text: str, params: VoiceParams, **options: Any) -> concurrent.futures.Future[Audio]:
        return self.synthesizer.submit(text, params, client=self, events=self.events, **options)

    def cancel_pending(self) -> None:
        self.synthesizer.cancel_pending(self)

    def list_voices(self, timeout: float = 10.0) -> concurrent.futures.Future[list[dict[str, Any]]]:
        return self.synthesizer.list_voices(timeout)

    def shutdown(self, timeout: float = 5.0) -> None:
        """Drop this client's requests (``timeout`` is for the worker's owner, who stops the thread)."""
        if not self.synthesizer.closed:
            self.cancel_pending()


_shared: EdgeSynthesizer | None = None
_shared_lock = threading.Lock()


def shared_client(endpoint: str | None, proxy: str | None, events: EventLog | None = None) -> EdgeClient:
    """A client of the process's one Edge worker, its route set to ``endpoint`` and ``proxy`` (the speech profile's).

    Reading aloud and the audio export share it, so exporting while reading never sends parallel requests
    (the service rate-limits them) and edge-tts's module-wide URLs are only ever rebound on its one thread.
    EdgeEndpointError for a bad address; EdgeNotInstalled when edge-tts or aiohttp cannot be loaded.
    """
    global _shared
    with _shared_lock:
        if _shared is None or _shared.closed:
            _shared = EdgeSynthesizer(endpoint=endpoint, proxy=proxy)
        else:
            _shared.set_route(endpoint, proxy)
        return EdgeClient(_shared, events)


def shutdown_shared(timeout: float = 5.0) -> None:
    """Stop the process's Edge worker (at exit; tests that want a fresh one)."""
    global _shared
    with _shared_lock:
        synthesizer, _shared = _shared, None
    if synthesizer is not None:
        synthesizer.shutdown(timeout)
