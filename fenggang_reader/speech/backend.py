"""One interface for every voice (calibre gui2/tts/types.py style): speak a chunk, pause, resume, stop.

``EdgeBackend`` = EdgeSynthesizer (network, its own thread) + AudioCache + AudioPlayer; the UI thread
only ever receives finished audio through a queued signal. ``SystemBackend`` = the shared SystemVoice.
``choose_engine`` is the factory's rule: the preferred engine if it can work, else one that can.
"""

from __future__ import annotations

import concurrent.futures
import enum
import functools
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from fenggang_reader.core.spoken import SpeechChunk
from fenggang_reader.speech.cache import AudioCache
from fenggang_reader.speech.edge import EdgeClient, EdgeSynthesizer
from fenggang_reader.speech.espeak_bridge import EspeakBridge
from fenggang_reader.speech.player import AudioPlayer
from fenggang_reader.speech.system import SystemState, SystemVoice
from fenggang_reader.speech.types import Audio, Engine, SpeechError, SpeechErrorKind, VoiceParams

log = logging.getLogger(__name__)
# The offline voice can report a sentence finished that nobody heard: its sound server stalled or went away
# and the engine dropped the audio (then every sentence "finishes" at once). No voice says a Han character in
# less than this (espeak-ng at its fastest: ~115 ms), so a sentence finished sooner is taken as not heard.
MIN_MS_PER_CHARACTER = 50.0  # at rate 1.0; divided by the rate
MIN_CHARACTERS_CHECKED = 6  # shorter chunks (a heading's number) are too short to judge
# Right after we stop the voice (a key moved reading on), speech-dispatcher may still report the end of the
# stopped sentence once the next one has started; such an early finish is not a sign of lost sound.
STALE_FINISH_AFTER_STOP_S = 3.0  # reports came 1.5 s late at load 8 (a full test run with helpers working)
MEMORY_ENTRIES = 16  # Edge results kept in memory (≈ 30 KB each): prefetched audio survives a failing disk cache
BOUNDARY = "WordBoundary"  # Edge gives one boundary type per request; words give the finer highlight


class BackendState(enum.Enum):
    IDLE = "idle"
    WAITING = "waiting"  # asked to speak, no audio yet
    SPEAKING = "speaking"
    PAUSED = "paused"


@dataclass(frozen=True)
class Failure:
    """Why a backend gave up on a chunk: ``why`` for the log, ``kind`` for the listener (the window says it in
    the interface's language); ``detail`` is the offline voice's own message, already translated."""

    why: str
    kind: SpeechErrorKind
    retry_after: float | None = None
    detail: str = ""
    device_blocked: bool = False  # SOUND_STALLED, and the player is stuck waiting for the sound device

    def plain(self) -> str:
        """What to tell the listener where no translation is at hand (logs, tests)."""
        return self.detail or self.kind.plain


def shortest_plausible_s(text: str, rate: float) -> float:
    """The least time any voice takes to say ``text`` at ``rate`` (0 when it is too short to judge)."""
    characters = sum(ch.isalnum() for ch in text)
    if characters < MIN_CHARACTERS_CHECKED:
        return 0.0
    return characters * MIN_MS_PER_CHARACTER / max(0.25, rate) / 1000


def speech_error_kind(exc: object) -> SpeechErrorKind:
    """The kind of whatever a synthesis request failed with (anything unforeseen counts as unexpected)."""
    return exc.kind if isinstance(exc, SpeechError) else SpeechErrorKind.UNEXPECTED


class SpeechBackend(QObject):
    """Speaks one chunk at a time. Offsets in ``saying`` are into ``chunk.text``."""

    state_changed = Signal(object)  # BackendState
    audio_started = Signal()
    preparing = Signal()  # the voice is still starting: speech follows when it is ready
    saying = Signal(int, int)  # start, length of the word (or sentence) being heard
    finished = Signal()
    failed = Signal(object)  # Failure

    engine: Engine

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.state = BackendState.IDLE
        self.chunk: SpeechChunk | None = None
        self.voice_name = ""

    def available(self) -> bool:
        raise NotImplementedError

    def error_message(self) -> str:
        return ""

    def speak(self, chunk: SpeechChunk, params: VoiceParams) -> None:
        raise NotImplementedError

    def prefetch(self, chunks: list[SpeechChunk], params: VoiceParams) -> None:
        """Prepare audio for chunks about to be spoken (no-op where synthesis is live)."""

    def pause(self) -> None:
        raise NotImplementedError

    def resume(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def shutdown(self) -> None:
        self.stop()

    def hush(self) -> None:
        """Silence what the engine says for others (e.g. the spoken welcome) before reading starts."""

    def take_the_floor(self) -> None:
        """Reading was asked for now: an engine shared with a screen reader silences it first (SystemBackend);
        an engine of our own has nobody to wait behind."""

    def _set_state(self, state: BackendState) -> None:
        if state is not self.state:
            self.state = state
            self.state_changed.emit(state)


def choose_engine(preferred: Engine, *, edge_allowed: bool, system_available: bool) -> Engine | None:
    """The engine to speak with: the preferred one if it can work now, else the other, else None."""
    order = [preferred] + [e for e in Engine if e is not preferred]
    for engine in order:
        if engine is Engine.EDGE and edge_allowed:
            return engine
        if engine is Engine.SYSTEM and system_available:
            return engine
    return None


# -------------------------------------------------------------------------------------------- Edge


class EdgeBackend(SpeechBackend):
    """Edge voices: cached audio plays at once; otherwise synthesis runs on the Edge thread.

    Audio still arriving is played as it comes (``AudioPlayer.play_stream``, where the platform allows), so a
    slow stream is heard from its first second instead of after its last. If no audio for the chunk has
    arrived within ``patience_ms``, or none more for ``stream_patience_ms`` once it flows (and what came has
    been played), the backend reports a failure so the controller can continue with the system voice in
    time; the request keeps running and its audio still lands in the cache for later. A stream is judged by
    inactivity, never by its total time: one that keeps coming is never abandoned (nor Edge avoided).
    The last few results are also kept in memory, so prefetched audio plays even when the disk cache
    cannot store it (read-only, full); a cached entry the player cannot decode is evicted and fetched again.
    """

    engine = Engine.EDGE
    _delivered = Signal(int, object, object)  # token, Audio or None, exception or None (queued from the worker)
    _audio_arriving = Signal(str, bytes, int)  # key, the new piece, bytes so far (queued from the worker)

    def __init__(self, synthesizer_factory: Callable[[], EdgeSynthesizer | EdgeClient], cache: AudioCache,
                 player: AudioPlayer | None = None, parent: QObject | None = None, *, patience_ms: int = 1500,
                 stream_patience_ms: int = 800, prefetch_limit: int = 6, stream_audio: bool = True):
        super().__init__(parent)
        self._patience_ms = patience_ms  # for the first audio
        self._stream_patience_ms = stream_patience_ms  # between pieces of audio once it flows
        self._factory = synthesizer_factory
        self._synth: EdgeSynthesizer | EdgeClient | None = None
        self.cache = cache
        self._player = player
        self._pending: dict[str, concurrent.futures.Future[Audio]] = {}
        self._token = 0
        self._waiting_key = ""
        self._params = VoiceParams()
        self._prefetch_limit = prefetch_limit
        self._stream_audio = stream_audio and AudioPlayer.can_stream()
        self._streaming_key = ""  # the chunk whose audio is played while it arrives
        self._stream_diverged = False  # its pieces no longer continue what was played (a retry, a full pipe)
        self._patience_position = 0  # where the stream's playback was when patience last ran out
        self._delivered.connect(self._on_delivered)
        self._audio_arriving.connect(self._on_audio_arriving)
        self._memory: OrderedDict[str, Audio] = OrderedDict()  # the last results, LRU last
        self._playing_key = ""  # the key of the audio handed to the player
        self._playing_from_cache = False
        self._patience = QTimer(self, singleShot=True, interval=patience_ms)
        self._patience.timeout.connect(self._out_of_patience)
        self.last_cached = False

    @property
    def player(self) -> AudioPlayer:
        if self._player is None:  # created on first use: QtMultimedia loads its backend then
            self._player = AudioPlayer(self)
        if not getattr(self, "_player_connected", False):
            self._player_connected = True
            self._player.audio_started.connect(self._on_audio_started)
            self._player.boundary.connect(self._on_boundary)
            self._player.finished.connect(self._on_finished)
            self._player.error.connect(self._on_player_error)
            self._player.stalled.connect(self._on_player_stalled)
        return self._player

    @property
    def synthesizer(self) -> EdgeSynthesizer | EdgeClient:
        if self._synth is None:
            self._synth = self._factory()
        return self._synth

    def available(self) -> bool:
        return True

    def key(self, chunk: SpeechChunk, params: VoiceParams) -> str:
        return AudioCache.key(chunk.text, params, Engine.EDGE, boundary=BOUNDARY)

    def is_cached(self, chunk: SpeechChunk, params: VoiceParams) -> bool:
        key = self.key(chunk, params)
        return key in self._memory or key in self.cache

    def _stored(self, key: str) -> tuple[Audio | None, bool]:
        """Audio for ``key`` from memory, else from the disk cache; and whether it came from the disk."""
        audio = self._memory.get(key)
        if audio is not None:
            self._memory.move_to_end(key)
            return audio, False
        audio = self.cache.get(key)
        return audio, audio is not None

    def _remember(self, key: str, audio: Audio) -> None:
        self._memory[key] = audio
        self._memory.move_to_end(key)
        while len(self._memory) > MEMORY_ENTRIES:
            self._memory.popitem(last=False)

    def speak(self, chunk: SpeechChunk, params: VoiceParams) -> None:
        self._token += 1
        self._streaming_key = ""
        self._patience.stop()
        if self._player is not None:
            self._player.stop()
        self.chunk = chunk
        self._params = params
        self.voice_name = params.voice
        key = self.key(chunk, params)
        self._waiting_key = key
        audio, from_disk = self._stored(key)
        self.last_cached = audio is not None
        self._set_state(BackendState.WAITING)
        if audio is not None:
            self._play(audio, key, from_disk)
            return
        self._request(chunk, params, key)
        self._patience.start(self._patience_ms)

    def prefetch(self, chunks: list[SpeechChunk], params: VoiceParams) -> None:
        for chunk in chunks[: self._prefetch_limit]:
            key = self.key(chunk, params)
            if key not in self._pending and key not in self._memory and key not in self.cache:
                self._request(chunk, params, key)

    def _request(self, chunk: SpeechChunk, params: VoiceParams, key: str) -> None:
        if key in self._pending:
            return
        try:
            future = self.synthesizer.submit(chunk.text, params, boundary=BOUNDARY, block_id=chunk.block_id,
                                             on_audio=functools.partial(self._streaming, key))
        except (RuntimeError, ValueError, SpeechError) as exc:  # shut down, a bad endpoint, edge-tts not installed
            self._delivered.emit(self._token, None, exc)
            return
        self._pending[key] = future
        future.add_done_callback(functools.partial(self._settled, key))

    def _streaming(self, key: str, data: bytes, received: int) -> None:
        """Worker thread: more audio of ``key`` arrived."""
        self._audio_arriving.emit(key, data, received)

    def _settled(self, key: str, future: concurrent.futures.Future[Audio]) -> None:
        """Worker thread: store good audio, then hand the result to the UI thread."""
        if future.cancelled():
            self._delivered.emit(-1, key, None)
            return
        exc = future.exception()
        if exc is None:
            audio = future.result()
            self.cache.put(key, audio)
            self._delivered.emit(-1, key, audio)
        else:
            self._delivered.emit(-1, key, exc)

    def _on_delivered(self, token: int, key_or_audio: object, result: object) -> None:
        if token >= 0:  # an immediate failure of the chunk being spoken
            if token == self._token:
                self._fail(Failure(f"{type(result).__name__}: {result}", speech_error_kind(result)))
            return
        key = str(key_or_audio)
        self._pending.pop(key, None)
        if isinstance(result, Audio) and result.mp3:
            self._remember(key, result)  # whether or not the disk cache could store it
        if key and key == self._streaming_key:
            self._stream_settled(key, result)
            return
        if key != self._waiting_key or self.state is not BackendState.WAITING:
            return
        if isinstance(result, Audio):
            self._patience.stop()
            self._play(result, key, False)
        elif isinstance(result, BaseException):
            self._patience.stop()
            retry_after = result.retry_after if isinstance(result, SpeechError) else None
            self._fail(Failure(f"{type(result).__name__}: {result}", speech_error_kind(result), retry_after))

    def _on_audio_arriving(self, key: str, data: bytes, received: int) -> None:
        """The chunk being waited on is streaming: slow perhaps, but working. It is played as it comes, and
        patience counts from its latest audio, so a stream that keeps coming is waited for and one that
        stalls is still given up."""
        if key == self._streaming_key and self.player.streaming:
            if received == len(data) < self.player.stream_written_bytes:
                self._stream_diverged = True  # a retry from the start: its finished audio decides (finish_stream)
            if not self._stream_diverged and not self.player.write_stream(data):
                self._stream_diverged = True  # the pipe is full: the finished audio plays from its start
            self._patience.start(self._stream_patience_ms)
        elif key == self._waiting_key and self.state is BackendState.WAITING:
            if self._stream_audio and received == len(data):
                self._streaming_key, self._stream_diverged, self._patience_position = key, False, 0
                self.player.play_stream()
                self.player.write_stream(data)
            self._patience.start(self._stream_patience_ms)

    def _stream_settled(self, key: str, result: object) -> None:
        """The request whose audio is being streamed ended: the rest is played, or the failure told."""
        self._streaming_key = ""
        self._patience.stop()
        if isinstance(result, Audio):
            self._waiting_key = ""
            self._playing_key, self._playing_from_cache = key, False
            self.player.finish_stream(result)
        elif isinstance(result, BaseException):
            retry_after = result.retry_after if isinstance(result, SpeechError) else None
            self._fail(Failure(f"{type(result).__name__}: {result}", speech_error_kind(result), retry_after))
        elif result is None:  # cancelled
            self._fail(Failure("the request was cancelled", SpeechErrorKind.UNEXPECTED))

    def _out_of_patience(self) -> None:
        if self._streaming_key and self.player.streaming:
            position = self.player.position_ms()
            ahead_ms = self.player.stream_written_ms - position
            advancing, self._patience_position = position > self._patience_position, position
            if self.state is BackendState.PAUSED or (advancing and ahead_ms > 300):
                # Still playing what came: the stream has until that runs out.
                self._patience.start(max(self._stream_patience_ms, int(ahead_ms)))
                return
            self._fail(Failure(f"no more audio for {self._patience.interval()} ms", SpeechErrorKind.TOO_SLOW))
        elif self.state is BackendState.WAITING:
            self._fail(Failure(f"no audio for {self._patience.interval()} ms", SpeechErrorKind.TOO_SLOW))

    def _play(self, audio: Audio, key: str, from_disk: bool) -> None:
        self._waiting_key = ""
        self._playing_key, self._playing_from_cache = key, from_disk
        if not audio.mp3:
            self._set_state(BackendState.IDLE)
            self.finished.emit()
            return
        self.player.play(audio)

    def _on_audio_started(self, _seconds: float) -> None:
        if self.state is BackendState.WAITING:
            self._set_state(BackendState.SPEAKING)
            self.audio_started.emit()

    def _on_boundary(self, index: int) -> None:
        audio = self.player.audio
        if audio is not None and 0 <= index < len(audio.boundaries):
            b = audio.boundaries[index]
            self.saying.emit(b.start, b.end - b.start)

    def _on_finished(self) -> None:
        if self.state in (BackendState.SPEAKING, BackendState.WAITING):
            self._set_state(BackendState.IDLE)
            self.finished.emit()

    def _on_player_stalled(self, blocked: bool) -> None:
        if self.state not in (BackendState.SPEAKING, BackendState.WAITING):
            return
        if not blocked and self._refetch_undecodable("playback stalled"):
            return
        self._fail(Failure("playback stalled" + (" in the sound device" if blocked else ""),
                           SpeechErrorKind.SOUND_STALLED, device_blocked=blocked))

    def _on_player_error(self, message: str) -> None:
        if self.state not in (BackendState.SPEAKING, BackendState.WAITING):
            return
        if self._refetch_undecodable(message):
            return
        self._memory.pop(self._playing_key, None)
        self._fail(Failure(f"playback: {message}", SpeechErrorKind.PLAYBACK))

    def _refetch_undecodable(self, why: str) -> bool:
        """Audio from the disk cache would not play: an entry that passed its checksum but does not decode
        (written by a broken build, or damaged before it was stored). Never play it again: evict it and
        fetch the sentence afresh (once). False when the audio did not come from the disk cache."""
        key, self._playing_key = self._playing_key, ""
        if not (self._playing_from_cache and key and self.chunk is not None):
            return False
        log.warning("cached audio %s would not play (%s); fetching it again", key, why)
        self._playing_from_cache = False
        self.cache.discard(key, f"would not play: {why}")
        self._memory.pop(key, None)
        self._set_state(BackendState.WAITING)
        self._waiting_key = key
        self._request(self.chunk, self._params, key)
        self._patience.start(self._patience_ms)
        return True

    def _fail(self, failure: Failure) -> None:
        self._waiting_key = self._streaming_key = ""
        self._patience.stop()
        if self._player is not None:
            self._player.stop()
        self._set_state(BackendState.IDLE)
        self.failed.emit(failure)

    def pause(self) -> None:
        if self.state is BackendState.SPEAKING:
            self.player.pause()
            self._set_state(BackendState.PAUSED)

    def resume(self) -> None:
        if self.state is BackendState.PAUSED:
            self.player.resume()
            self._set_state(BackendState.SPEAKING)

    def stop(self) -> None:
        self._token += 1
        self._waiting_key = self._streaming_key = ""
        self._patience.stop()
        if self._player is not None:
            self._player.stop()
        self._set_state(BackendState.IDLE)

    def cancel_prefetch(self) -> None:
        """The listener jumped elsewhere: queued requests are no longer wanted."""
        if self._synth is not None:
            self._synth.cancel_pending()
        self._pending.clear()

    def shutdown(self) -> None:
        self.stop()
        if self._player is not None:
            self._player.shutdown()  # never waits long on a stalled sound server
            self._player, self._player_connected = None, False
        if self._synth is not None:
            self._synth.shutdown(timeout=2.0)
            self._synth = None


# ------------------------------------------------------------------------------------------ System


class SystemBackend(SpeechBackend):
    """The offline voice. Sentence highlight comes from the chunk; words only where the engine reports them.

    Pause is a stop, and resume says the chunk (about one sentence) again: speech-dispatcher pauses only
    at index marks, which Qt never sends, so a pause took effect late or never — and a client left
    paused holds every later message (the system voice then stayed silent for good).
    Until the voice is up (or if it never comes up), an ``EspeakBridge`` says the chunks where there is one.
    A chunk reported finished sooner than it can be said was not heard (speech-dispatcher drops the audio when
    its sound server stalls or goes away): that is a sound failure, so the controller says it again and, if it
    keeps happening, tells the listener; it is never taken as read.

    A screen reader (Orca) speaks through the same speech-dispatcher at the same priority as Qt (MESSAGE), so
    our sentence queued behind whatever it was saying: read aloud then waited, gave up after the start timeout,
    and the queued sentence was heard later, unasked. So while ``screen_reader_speaks()`` is true the start of
    reading takes the floor (``take_the_floor``: speech-dispatcher silenced, then our sentence at once), a
    sentence still held back after the start timeout silences what holds it and is said again (reading goes
    on), and giving up always cancels what we queued. Qt's stop is CANCEL ALL: it silences every client.
    """

    engine = Engine.SYSTEM

    def __init__(self, voice: SystemVoice, parent: QObject | None = None, *, start_timeout_ms: int = 3000,
                 bridge: EspeakBridge | None = None):
        super().__init__(parent)
        self.voice = voice
        self.bridge = bridge
        self._bridging = False  # the chunk being said goes through the bridge
        if bridge is not None:
            bridge.started.connect(self._on_bridge_started)
            bridge.finished.connect(self._on_bridge_finished)
            bridge.failed.connect(self._on_bridge_failed)
        self.preferred_voice = ""
        self._expect_start = False
        self._started_at = 0.0
        self._stopped_at = -STALE_FINISH_AFTER_STOP_S  # when this backend last stopped the voice (monotonic)
        self._stale_finish_due = False  # the stopped sentence's finish may still come (one is excused, see _finish)
        self._deferred: VoiceParams | None = None
        self._params = VoiceParams()
        voice.state_changed.connect(self._on_state)
        voice.saying.connect(self._on_word)
        voice.error.connect(self._on_error)
        self._start_timeout_ms = start_timeout_ms
        self._start_timer = QTimer(self, singleShot=True, interval=start_timeout_ms)
        self._start_timer.timeout.connect(self._no_start)
        self.screen_reader_speaks: Callable[[], bool] = lambda: False  # the window says (screen-reader mode)
        self._floor_taken = False  # this chunk already silenced what held it back

    def available(self) -> bool:
        """Ready, or still starting (``speak`` then waits for it, or bridges): only a voice that failed is not."""
        return self.voice.state is not SystemState.UNAVAILABLE or self.bridge is not None

    def error_message(self) -> str:
        return self.voice.error_message

    def dialect_for(self, edge_voice: str) -> str:
        return "cantonese" if edge_voice.startswith("zh-HK") else "mandarin"

    def speak(self, chunk: SpeechChunk, params: VoiceParams) -> None:
        self.chunk = chunk
        self._params = params
        self.voice_name = self.voice.best_voice(self.preferred_voice, self.dialect_for(params.voice))
        self._expect_start = True
        self._floor_taken = False
        self._set_state(BackendState.WAITING)
        self._stop_bridge()
        if self.bridge is not None and self.voice.state in (SystemState.STARTING, SystemState.UNAVAILABLE):
            self.voice.start()  # the real voice gets ready meanwhile; the next chunks use it
            self._bridging = True
            self._start_timer.start(self._start_timeout_ms)
            self.bridge.say(chunk.text, self.dialect_for(params.voice), params.rate, params.pitch, params.volume)
            return
        if self.voice.state is SystemState.STARTING:
            # The first seconds after start: wait for the engine (the voice keeps the text and creates the
            # engine now if nobody has yet) instead of giving up; the voice's own timeout ends the wait.
            self.preparing.emit()
            self._start_timer.start(self.voice.start_timeout_ms + self._start_timeout_ms)
            self._say(params)
            return
        self._start_timer.start(self._start_timeout_ms)
        if self.voice.state in (SystemState.SPEAKING, SystemState.PAUSED):
            # An engine already speaking may not report a new start: silence it, say ours once it is idle.
            self._deferred = params
            self._stop_voice()
            QTimer.singleShot(300, self._say_deferred)
            return
        self._say(params)

    def hush(self) -> None:
        # Only when the voice speaks (or waits to speak) for others, e.g. the spoken welcome: Qt's stop is
        # speech-dispatcher's CANCEL ALL, which also cut off whatever the screen reader was saying.
        if self.state is BackendState.IDLE and self.voice.state in (SystemState.STARTING, SystemState.SPEAKING,
                                                                     SystemState.PAUSED):
            self._stop_voice()

    def take_the_floor(self) -> None:
        """The listener asked for reading now (Space, resume, a note): with a screen reader, silence
        speech-dispatcher first, so our first sentence is not queued behind what the screen reader was saying
        (e.g. the text it read as the focus came back after a question) and heard long after, or not at all."""
        if self.screen_reader_speaks() and self.voice.available:
            self._stop_voice()

    def _stop_bridge(self) -> None:
        """End what the bridge says; its late signals then belong to nobody."""
        self._bridging = False
        if self.bridge is not None:
            self.bridge.stop()

    def _on_bridge_started(self) -> None:
        if self._bridging and self._expect_start:
            self._expect_start = False
            self._start_timer.stop()
            self._started_at = time.monotonic()
            self._set_state(BackendState.SPEAKING)
            self.audio_started.emit()

    def _on_bridge_finished(self) -> None:
        if self._bridging and self.state is BackendState.SPEAKING:
            self._bridging = False
            self._finish()

    def _on_bridge_failed(self, message: str) -> None:
        """No espeak-ng after all: wait for the real voice as if there were no bridge."""
        if not self._bridging or self.chunk is None:
            return
        log.warning("espeak-ng: %s; waiting for the system voice", message)
        self._bridging = False
        self.bridge = None
        if self.state is BackendState.WAITING:
            self.speak(self.chunk, self._params)
        else:
            self._on_error(message)

    def _say(self, params: VoiceParams) -> None:
        self._deferred = None
        if self.chunk is not None and not self.voice.say(self.chunk.text, self.voice_name or self.preferred_voice,
                                                         params.rate, params.pitch, params.volume,
                                                         self.dialect_for(params.voice)):
            self._start_timer.stop()

    def _say_deferred(self) -> None:
        if self._deferred is not None and self._expect_start:
            self._say(self._deferred)

    def _on_state(self, state: SystemState) -> None:
        if self._bridging:
            return  # the voice got ready (or not) while the bridge speaks: the next chunk uses it
        if state is SystemState.READY and self._deferred is not None:
            self._say(self._deferred)
            return
        if self.chunk is None:
            return
        if state is SystemState.SPEAKING and self._expect_start:
            self._expect_start = False
            self._start_timer.stop()
            self._started_at = time.monotonic()
            self._set_state(BackendState.SPEAKING)
            self.audio_started.emit()
        elif state is SystemState.READY and not self._expect_start and self.state is BackendState.SPEAKING:
            self._finish()

    def _stop_voice(self) -> None:
        self._stopped_at = time.monotonic()
        self._stale_finish_due = True
        self.voice.stop()

    def _finish(self) -> None:
        """The chunk is said: finished, unless it ended far sooner than it can be said (see the class) — except
        just after a stop, when the report may be the stopped sentence's (quick Down presses: each was taken for
        lost sound, "The sound is not coming through" was shown and the sentence said again). One such report a stop:
        with no sound server the voice reported every sentence done at once, and in the seconds after the stop at the
        start 45 sentences were taken as read (the place ran ten paragraphs ahead, nothing heard)."""
        now = time.monotonic()
        said_s = now - self._started_at
        needed_s = shortest_plausible_s(self.chunk.text, self._params.rate) if self.chunk is not None else 0.0
        self._set_state(BackendState.IDLE)
        excused = self._stale_finish_due and now - self._stopped_at <= STALE_FINISH_AFTER_STOP_S
        if said_s < needed_s and excused:
            self._stale_finish_due = False
        elif said_s < needed_s:
            log.warning("system voice: a chunk of %d characters finished after %.2f s (at least %.2f s to say it); "
                        "not heard", len(self.chunk.text) if self.chunk else 0, said_s, needed_s)
            self.failed.emit(Failure(f"the offline voice finished after {said_s:.2f} s, saying it takes at least "
                                     f"{needed_s:.2f} s", SpeechErrorKind.SOUND_STALLED))
            return
        self.finished.emit()

    def _on_word(self, start: int, length: int) -> None:
        if self.state is BackendState.SPEAKING:
            self.saying.emit(start, length)

    def _on_error(self, message: str) -> None:
        if self._bridging and self.sender() is self.voice:
            return  # e.g. the voice did not come up: the bridge goes on saying this chunk
        if self.state in (BackendState.WAITING, BackendState.SPEAKING):
            self._start_timer.stop()
            self._expect_start = False
            self._set_state(BackendState.IDLE)
            self.failed.emit(Failure(f"system voice: {message}", SpeechErrorKind.SYSTEM_VOICE, detail=message))

    def _no_start(self) -> None:
        if self.state is not BackendState.WAITING:
            return
        if not self._bridging and not self._floor_taken and self.voice.available and self.screen_reader_speaks():
            # Queued behind the screen reader's speech: silence it (our queued copy goes too) and say ours again.
            log.info("the system voice waited %d ms behind another client; silencing it", self._start_timeout_ms)
            self._floor_taken = True
            self._stop_voice()
            self._start_timer.start(self._start_timeout_ms)
            self._say(self._params)
            return
        self._stop_voice()  # what we queued must never be heard later, unasked
        self._on_error("the system voice did not start speaking")

    def pause(self) -> None:
        if self.state is BackendState.SPEAKING:
            self._start_timer.stop()
            self._expect_start = False
            self._deferred = None
            self._set_state(BackendState.PAUSED)
            self._stop_bridge()
            self._stop_voice()

    def resume(self) -> None:
        if self.state is BackendState.PAUSED and self.chunk is not None:
            self.speak(self.chunk, self._params)

    def stop(self) -> None:
        self._start_timer.stop()
        was_active = self.state is not BackendState.IDLE
        self._expect_start = False
        self._deferred = None
        self.chunk = None
        self._stop_bridge()
        self._set_state(BackendState.IDLE)
        if was_active:
            self._stop_voice()
