"""Plays Edge MP3 audio (QMediaPlayer + QAudioOutput) and tells which boundary is being heard.

One player for the app. The MP3 is handed over from memory as a ``data:`` URL, so a cached chunk
starts without touching the disk again; audio still arriving from the network is played as it comes
through an ``AudioPipe`` (``play_stream``), so a slow stream is heard from its first second. ``audio_started`` fires when the first samples reach the audio
device (the first position report); ``boundary`` fires as the position passes each boundary's start.
A watchdog turns a playback that stops advancing into ``error``, so the controller can fall back.

Traps of Qt 6.11's FFmpeg backend, all measured here:
- setSourceDevice() leaks: every source read through a QIODevice leaves ~32 KB of native memory
  behind (FFmpeg's custom-I/O buffer is never freed), even after the QMediaPlayer itself is deleted:
  ~9 MB over one reading of the report, 300 chunks. A ``data:`` URL is read by FFmpeg's own data
  protocol, and a pipe by its file protocol, which free everything with the input (see
  tests/speech/test_player.py and benchmarks/bench_stream_start.py --leak).
- stop()/setSource()/pause() wait for the backend's threads. With a QBuffer source those threads read
  a PySide wrapper whose virtual readData() needs the GIL, which the caller holds: a deadlock on quick
  skips (and in the EndOfMedia handler). A data: URL needs no Python, but every control call still goes
  through a *queued* connection to the C++ slot, which the event loop runs without the GIL.
- Those waits last as long as the sound server is stalled (30 s with PulseAudio stopped): the player
  therefore runs on a thread of its own (``LoopThread``), and the watchdog stays on the caller's thread.
- A local file source stalls ~1.9 s after the first 72 ms of every stream on PulseAudio; the same
  bytes from memory do not stall. Hence no temporary files.
- FFmpeg logs every input it opens on stderr (``Input #0 … from '<url>'``): with a data: URL that is
  the whole MP3 in base64, so its log level is lowered to errors (``quiet_ffmpeg_log``).
"""

from __future__ import annotations

import base64
import bisect
import ctypes
import enum
import logging
import os
import re
import shutil
import sys
import tempfile
import time
import weakref
from collections.abc import Callable
from pathlib import Path

import PySide6
from PySide6.QtCore import QLoggingCategory, QObject, Qt, QTimer, QUrl, Signal, Slot

# Qt Multimedia warns on every machine without PipeWire, though it then uses PulseAudio (or the
# platform audio) just fine; the warning would only alarm users and fail warning-strict tests.
QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer  # noqa: E402 - after the logging rule

from fenggang_reader.speech import audio_pipe  # noqa: E402
from fenggang_reader.speech.audio_pipe import AudioPipe  # noqa: E402
from fenggang_reader.speech.loop_thread import LoopThread, answer_override_lookups  # noqa: E402
from fenggang_reader.speech.types import Audio  # noqa: E402

log = logging.getLogger(__name__)
AV_LOG_ERROR = 16  # libavutil/log.h
_SOURCE = re.compile(r"^data:audio/mpeg;serial=(\d+);")  # FFmpeg's data protocol ignores the serial=…
_quieted = False


def source_url(mp3: bytes, serial: int) -> QUrl:
    """The MP3 as a data: URL that FFmpeg reads itself; ``serial`` says which play() it belongs to."""
    return QUrl(f"data:audio/mpeg;serial={serial};base64,{base64.b64encode(mp3).decode('ascii')}")


def source_serial(url: QUrl) -> int | None:
    if url.isLocalFile():
        return audio_pipe.stream_serial(url.toLocalFile())
    match = _SOURCE.match(url.toString()[:64])
    return int(match.group(1)) if match else None


def quiet_ffmpeg_log() -> bool:
    """Lower the log level of the FFmpeg that Qt Multimedia ships to errors (best effort, once).

    Qt leaves FFmpeg's own logger on, at "info", writing straight to stderr; it has no setting for it.
    Call it after a QMediaPlayer exists: only a libavutil Qt has already loaded is touched.
    """
    global _quieted
    if _quieted:
        return True
    folder = Path(PySide6.__file__).resolve().parent
    patterns = {"win32": ("avutil-*.dll",), "darwin": ("Qt/lib/libavutil*.dylib",)}.get(
        sys.platform, ("Qt/lib/libavutil.so.*",))
    mode = getattr(os, "RTLD_NOLOAD", 0) | getattr(os, "RTLD_LAZY", 0)  # Windows: a loaded DLL is reused anyway
    files = [path for pattern in patterns for path in sorted(folder.glob(pattern))]
    # By file name first: a name without a slash finds the library already loaded (its soname; on Windows
    # the module name) wherever it came from, e.g. a bundle's second copy; then by path.
    for candidate in sorted({path.name for path in files}) + [str(path) for path in files]:
        try:
            ctypes.CDLL(candidate, mode=mode).av_log_set_level(AV_LOG_ERROR)
        except (OSError, AttributeError) as exc:
            log.debug("cannot quieten FFmpeg through %s: %s", candidate, exc)
            continue
        _quieted = True
        return True
    return False


class PlayerState(enum.Enum):
    STOPPED = "stopped"
    LOADING = "loading"  # source set, no sample handed to the device yet
    PLAYING = "playing"
    PAUSED = "paused"


class AudioPlayer(QObject):
    """Plays one Audio at a time; ``play`` replaces whatever was playing.

    The QMediaPlayer and its QAudioOutput live on their own thread (``LoopThread``): their control calls
    wait for the backend's audio thread, which waits for the sound server, so a stalled sound server
    (PulseAudio stopped: 30 s measured) held the whole window. This object stays on the caller's thread
    with the stall watchdog, which therefore still runs while the player thread is blocked.
    """

    state_changed = Signal(object)  # PlayerState
    audio_started = Signal(float)  # seconds from play() to the first sample handed to the device
    boundary = Signal(int)  # index into audio.boundaries now being heard
    position = Signal(int)  # ms
    finished = Signal()
    error = Signal(str)  # the audio cannot be played (undecodable, backend error)
    stalled = Signal(bool)  # playback stopped advancing; True: the player has not even taken the source yet

    _halt = Signal()  # queued to the C++ slots on the player thread (see the module docstring)
    _load = Signal(QUrl)
    _go = Signal()
    _hold = Signal()
    _volume = Signal(float)
    _created = Signal()  # from the player thread: the QMediaPlayer exists and is connected

    def __init__(self, parent: QObject | None = None, *, stall_timeout_ms: int = 4000):
        super().__init__(parent)
        self._player_ref: Callable[[], QMediaPlayer | None] = lambda: None  # lives on the player thread
        self._output_ref: Callable[[], QAudioOutput | None] = lambda: None
        self._connected = False  # commands reach the player (until then, play() is remembered)
        self._audio: Audio | None = None
        self._starts: list[float] = []
        self._current_boundary = -1
        self._state = PlayerState.STOPPED
        self._requested = 0.0
        self._serial = 0
        self._source_serial = -1  # the play() whose source the backend has actually taken
        self._last_position = -1
        self._volume_value = 1.0
        self._pipe: AudioPipe | None = None  # the stream being played while it arrives (play_stream)
        self._pipe_folder: Path | None = None  # private folder of the pipes' links, made at the first stream
        # No position progress for this long while playing means the device or decoder is stuck.
        self._watchdog = QTimer(self, singleShot=True, interval=stall_timeout_ms)
        self._watchdog.timeout.connect(self._stalled)
        self._created.connect(self._on_created)
        self._thread = LoopThread("audio-player")
        self._thread.start(self._create)
        weakref.finalize(self, self._thread.quit)

    def _create(self) -> QMediaPlayer:
        """On the player thread: the player, its output, and the queued connections both ways."""
        player = QMediaPlayer()
        quiet_ffmpeg_log()
        output = QAudioOutput(player)  # deleted with the player, after it
        player.setAudioOutput(output)
        answer_override_lookups(player, output)
        queued = Qt.ConnectionType.QueuedConnection
        self._halt.connect(player.stop, queued)
        self._load.connect(player.setSource, queued)
        self._go.connect(player.play, queued)
        self._hold.connect(player.pause, queued)
        self._volume.connect(output.setVolume, queued)
        player.sourceChanged.connect(self._on_source, queued)
        player.positionChanged.connect(self._on_position, queued)
        player.mediaStatusChanged.connect(self._on_status, queued)
        player.errorOccurred.connect(self._on_error, queued)
        # Only weak references here: the player must be deleted on its own thread, when the loop ends.
        self._player_ref, self._output_ref = weakref.ref(player), weakref.ref(output)
        self._created.emit()
        return player

    def _on_created(self) -> None:
        """Send what was asked before the player existed (the latest play, the volume)."""
        self._connected = True
        self._volume.emit(self._volume_value)
        if self._audio is not None and self._state is not PlayerState.STOPPED:
            self._load.emit(self._source())
            if self._state is not PlayerState.PAUSED:
                self._go.emit()

    def shutdown(self, timeout_s: float = 1.0) -> bool:
        """Stop and end the player thread; False when it is stuck (left behind, never waited for)."""
        self.stop()
        self._watchdog.stop()
        stopped = self._thread.stop(timeout_s)
        if self._pipe_folder is not None:
            shutil.rmtree(self._pipe_folder, ignore_errors=True)
            self._pipe_folder = None
        return stopped

    @property
    def media_player(self) -> QMediaPlayer | None:
        """The QMediaPlayer on the player thread (for tests: read its properties, never call into it)."""
        return self._player_ref()

    @property
    def state(self) -> PlayerState:
        return self._state

    @property
    def audio(self) -> Audio | None:
        return self._audio

    def position_ms(self) -> int:
        return max(0, self._last_position) if self._source_serial == self._serial else 0

    def set_volume(self, volume: float) -> None:
        self._volume_value = max(0.0, min(1.0, volume))
        if self._connected:
            self._volume.emit(self._volume_value)

    def play(self, audio: Audio) -> None:
        self._close_pipe()
        self._serial += 1
        self._audio = audio
        self._starts = [b.offset_ms for b in audio.boundaries]
        self._current_boundary = -1
        self._last_position = -1
        self._requested = time.perf_counter()
        self._set_state(PlayerState.LOADING)
        self._start_source()

    @staticmethod
    def can_stream() -> bool:
        """Whether ``play_stream`` works here (Linux); elsewhere wait for the whole audio and ``play`` it."""
        return audio_pipe.supported()

    def play_stream(self) -> None:
        """Start playing audio that is still arriving: ``write_stream`` each piece, then ``finish_stream``.

        Replaces whatever was playing. The audio is heard as soon as FFmpeg has enough to recognise it
        (~8 KB, 1.3 s of speech); boundaries are known once the stream is finished.
        """
        self._close_pipe()
        self._serial += 1
        if self._pipe_folder is None:
            self._pipe_folder = Path(tempfile.mkdtemp(prefix="fenggang-audio-"))
            weakref.finalize(self, shutil.rmtree, self._pipe_folder, True)
        self._pipe = AudioPipe(self._pipe_folder, self._serial)
        self._audio = Audio(b"")  # the finished audio replaces it (finish_stream)
        self._starts = []
        self._current_boundary = -1
        self._last_position = -1
        self._requested = time.perf_counter()
        self._set_state(PlayerState.LOADING)
        self._start_source()

    def write_stream(self, data: bytes) -> bool:
        """The next piece of the stream; False when it cannot be taken (no stream, or the pipe is full)."""
        return self._pipe is not None and self._pipe.write(data)

    @property
    def stream_written_bytes(self) -> int:
        return len(self._pipe.written) if self._pipe is not None else 0

    @property
    def stream_written_ms(self) -> float:
        """Audio of the stream handed over so far (0 when not streaming)."""
        return self._pipe.duration_ms if self._pipe is not None else 0.0

    @property
    def streaming(self) -> bool:
        """A stream is playing whose end has not come yet."""
        return self._pipe is not None and not self._pipe.finished

    def finish_stream(self, audio: Audio) -> None:
        """The whole audio of the stream: the rest is written and the stream ends; its boundaries now follow.

        Audio that does not begin with what was written (the service answered a retry differently) is
        played again from its start, so nothing is skipped.
        """
        pipe = self._pipe
        if pipe is None or self._audio is None:
            return
        written = bytes(pipe.written)
        if not audio.mp3.startswith(written) or not pipe.finish(audio.mp3[len(written):]):
            log.info("the finished audio differs from the stream played so far; playing it from the start")
            self.play(audio)
            return
        self._audio = audio
        self._starts = [b.offset_ms for b in audio.boundaries]
        if self._last_position > 0:
            self._follow_boundaries(self._last_position)

    def _source(self) -> QUrl:
        """The current play's source: a distinct URL per play, so its serial is known when the player takes it."""
        if self._pipe is not None:
            return QUrl.fromLocalFile(str(self._pipe.path))
        assert self._audio is not None
        return source_url(self._audio.mp3, self._serial)

    def _start_source(self) -> None:
        if self._connected:
            self._halt.emit()
            self._load.emit(self._source())
            self._go.emit()
        self._watchdog.start()

    def _close_pipe(self) -> None:
        """Abandon the stream (before the player is told to stop: a read waiting for more data ends at once)."""
        if self._pipe is not None:
            self._pipe.close()
            self._pipe = None

    def pause(self) -> None:
        if self._state in (PlayerState.PLAYING, PlayerState.LOADING):
            if self._connected:
                self._hold.emit()
            self._watchdog.stop()
            self._set_state(PlayerState.PAUSED)

    def resume(self) -> None:
        if self._state is PlayerState.PAUSED:
            if self._connected:
                self._go.emit()
            self._watchdog.start()
            self._set_state(PlayerState.PLAYING if self._last_position > 0 else PlayerState.LOADING)

    def stop(self) -> None:
        self._close_pipe()
        self._serial += 1
        self._watchdog.stop()
        if self._connected:
            self._halt.emit()
        self._audio = None
        self._set_state(PlayerState.STOPPED)

    # -- QMediaPlayer (queued from the player thread) ---------------------------------------------
    def _set_state(self, state: PlayerState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)

    @Slot(QUrl)
    def _on_source(self, url: QUrl) -> None:
        serial = source_serial(url)
        if serial is not None:
            self._source_serial = serial

    @Slot("qlonglong")
    def _on_position(self, ms: int) -> None:
        if self._audio is None or self._state in (PlayerState.STOPPED, PlayerState.PAUSED) \
                or self._source_serial != self._serial:
            return
        if ms > 0 and self._state is PlayerState.LOADING:
            self._set_state(PlayerState.PLAYING)
            self.audio_started.emit(time.perf_counter() - self._requested)
        if ms != self._last_position:
            self._last_position = ms
            self._watchdog.start()
        self.position.emit(ms)
        self._follow_boundaries(ms)

    def _follow_boundaries(self, ms: int) -> None:
        index = bisect.bisect_right(self._starts, ms) - 1
        if index >= 0 and index != self._current_boundary:
            self._current_boundary = index
            self.boundary.emit(index)

    @Slot(QMediaPlayer.MediaStatus)
    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if self._audio is None or self._source_serial != self._serial:
            return
        if status == QMediaPlayer.MediaStatus.EndOfMedia:
            if self.streaming:  # the pipe was abandoned from outside; a finished stream ends only after its end
                self._fail("the audio stream ended before its end")
                return
            self._watchdog.stop()
            self._close_pipe()
            self._audio = None
            self._set_state(PlayerState.STOPPED)
            # Never start the next source from inside QMediaPlayer's own signal: the FFmpeg backend
            # deadlocks (seen with Qt 6.11: play() → setSourceDevice() in the EndOfMedia handler).
            serial = self._serial
            QTimer.singleShot(0, self, lambda: self._finished(serial))
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            self._fail("the audio could not be decoded")

    def _finished(self, serial: int) -> None:
        if serial == self._serial:
            self.finished.emit()

    @Slot(QMediaPlayer.Error, str)
    def _on_error(self, error: QMediaPlayer.Error, text: str) -> None:
        if error != QMediaPlayer.Error.NoError and self._audio is not None and self._source_serial == self._serial:
            self._fail((text or str(error))[:300])  # never a whole data: URL in the log

    def _stalled(self) -> None:
        """The watchdog: no progress. If the player thread has not even taken this source, it is waiting
        in the sound device (a stalled sound server), not on anything in this audio."""
        if self._audio is not None and self._state in (PlayerState.PLAYING, PlayerState.LOADING):
            if self.streaming:  # waiting for the network, not for the device: the stream's owner judges that
                self._watchdog.start()
                return
            blocked = self._connected and self._source_serial != self._serial
            self._fail(f"playback stopped advancing at {max(0, self._last_position)} ms"
                       + (" (the player is waiting for the sound device)" if blocked else ""), stalled=blocked)

    def _fail(self, message: str, *, stalled: bool | None = None) -> None:
        log.warning("audio player: %s", message)
        self._watchdog.stop()
        self._close_pipe()
        self._serial += 1
        if self._connected:
            self._halt.emit()
        self._audio = None
        self._set_state(PlayerState.STOPPED)
        if stalled is None:
            self.error.emit(message)
        else:
            self.stalled.emit(stalled)
