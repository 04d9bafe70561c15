"""Plays Edge MP3 audio (QMediaPlayer + QAudioOutput) and tells which boundary is being heard.

One player for the app. The MP3 is handed over from memory (a QBuffer), so a cached chunk starts
without touching the disk again. ``audio_started`` fires when the first samples reach the audio
device (the first position report); ``boundary`` fires as the position passes each boundary's start.
A watchdog turns a playback that stops advancing into ``error``, so the controller can fall back.

Two traps of Qt 6.11's FFmpeg backend, both measured here:
- stop()/setSourceDevice()/pause() wait for the backend's threads, and those threads read the QBuffer —
  a PySide wrapper whose virtual readData() needs the GIL, which the caller holds: a deadlock on quick
  skips (and in the EndOfMedia handler). Every control call therefore goes through a *queued*
  connection to the C++ slot, which the event loop runs without the GIL.
- A local file source stalls ~1.9 s after the first 72 ms of every stream on PulseAudio; the same
  bytes from a QBuffer do not stall. Hence no temporary files.
"""

from __future__ import annotations

import bisect
import enum
import logging
import time

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLoggingCategory, QObject, Qt, QTimer, QUrl, Signal

# Qt Multimedia warns on every machine without PipeWire, though it then uses PulseAudio (or the
# platform audio) just fine; the warning would only alarm users and fail warning-strict tests.
QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer  # noqa: E402 - after the logging rule

from fenggang_reader.speech.types import Audio  # noqa: E402

log = logging.getLogger(__name__)
KEEP_BUFFERS = 3  # a replaced buffer may still be read until the backend has let go of it


class PlayerState(enum.Enum):
    STOPPED = "stopped"
    LOADING = "loading"  # source set, no sample handed to the device yet
    PLAYING = "playing"
    PAUSED = "paused"


class AudioPlayer(QObject):
    """Plays one Audio at a time; ``play`` replaces whatever was playing."""

    state_changed = Signal(object)  # PlayerState
    audio_started = Signal(float)  # seconds from play() to the first sample handed to the device
    boundary = Signal(int)  # index into audio.boundaries now being heard
    position = Signal(int)  # ms
    finished = Signal()
    error = Signal(str)

    _halt = Signal()  # queued to the C++ slots (see the module docstring)
    _load = Signal(QIODevice, QUrl)
    _go = Signal()
    _hold = Signal()

    def __init__(self, parent: QObject | None = None, *, stall_timeout_ms: int = 4000):
        super().__init__(parent)
        self._player = QMediaPlayer(self)
        self._output = QAudioOutput(self)
        self._player.setAudioOutput(self._output)
        queued = Qt.ConnectionType.QueuedConnection
        self._halt.connect(self._player.stop, queued)
        self._load.connect(self._player.setSourceDevice, queued)
        self._go.connect(self._player.play, queued)
        self._hold.connect(self._player.pause, queued)
        self._buffers: list[QBuffer] = []
        self._audio: Audio | None = None
        self._starts: list[float] = []
        self._current_boundary = -1
        self._state = PlayerState.STOPPED
        self._requested = 0.0
        self._serial = 0
        self._source_serial = -1  # the play() whose source the backend has actually taken
        self._last_position = -1
        self._player.sourceChanged.connect(self._on_source)
        self._player.positionChanged.connect(self._on_position)
        self._player.mediaStatusChanged.connect(self._on_status)
        self._player.errorOccurred.connect(self._on_error)
        # No position progress for this long while playing means the device or decoder is stuck.
        self._watchdog = QTimer(self, singleShot=True, interval=stall_timeout_ms)
        self._watchdog.timeout.connect(self._stalled)

    @property
    def state(self) -> PlayerState:
        return self._state

    @property
    def audio(self) -> Audio | None:
        return self._audio

    def position_ms(self) -> int:
        return self._player.position() if self._source_serial == self._serial else 0

    def set_volume(self, volume: float) -> None:
        self._output.setVolume(max(0.0, min(1.0, volume)))

    def play(self, audio: Audio) -> None:
        self._serial += 1
        self._audio = audio
        self._starts = [b.offset_ms for b in audio.boundaries]
        self._current_boundary = -1
        self._last_position = -1
        buffer = QBuffer(self)
        buffer.setData(QByteArray(audio.mp3))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffers.append(buffer)
        while len(self._buffers) > KEEP_BUFFERS:
            self._buffers.pop(0).deleteLater()
        self._requested = time.perf_counter()
        self._set_state(PlayerState.LOADING)
        self._halt.emit()
        # A distinct URL per play: the FFmpeg backend takes the container hint from it, and we the serial.
        self._load.emit(buffer, QUrl(f"speech-{self._serial}.mp3"))
        self._go.emit()
        self._watchdog.start()

    def pause(self) -> None:
        if self._state in (PlayerState.PLAYING, PlayerState.LOADING):
            self._hold.emit()
            self._watchdog.stop()
            self._set_state(PlayerState.PAUSED)

    def resume(self) -> None:
        if self._state is PlayerState.PAUSED:
            self._go.emit()
            self._watchdog.start()
            self._set_state(PlayerState.PLAYING if self._last_position > 0 else PlayerState.LOADING)

    def stop(self) -> None:
        self._serial += 1
        self._watchdog.stop()
        self._halt.emit()
        self._audio = None
        self._set_state(PlayerState.STOPPED)

    # -- QMediaPlayer -----------------------------------------------------------------------------
    def _set_state(self, state: PlayerState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)

    def _on_source(self, url: QUrl) -> None:
        name = url.toString()
        if name.startswith("speech-") and name.endswith(".mp3") and name[7:-4].isdigit():
            self._source_serial = int(name[7:-4])

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
        index = bisect.bisect_right(self._starts, ms) - 1
        if index >= 0 and index != self._current_boundary:
            self._current_boundary = index
            self.boundary.emit(index)

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if self._audio is None or self._source_serial != self._serial:
            return
        if status == QMediaPlayer.MediaStatus.EndOfMedia:
            self._watchdog.stop()
            self._audio = None
            self._set_state(PlayerState.STOPPED)
            # Never start the next source from inside QMediaPlayer's own signal: the FFmpeg backend
            # deadlocks (seen with Qt 6.11: play() → setSourceDevice() in the EndOfMedia handler).
            serial = self._serial
            QTimer.singleShot(0, lambda: self._finished(serial))
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            self._fail("the audio could not be decoded")

    def _finished(self, serial: int) -> None:
        if serial == self._serial:
            self.finished.emit()

    def _on_error(self, error: QMediaPlayer.Error, text: str) -> None:
        if error != QMediaPlayer.Error.NoError and self._audio is not None and self._source_serial == self._serial:
            self._fail(text or str(error))

    def _stalled(self) -> None:
        if self._audio is not None and self._state in (PlayerState.PLAYING, PlayerState.LOADING):
            self._fail(f"playback stopped advancing at {max(0, self._last_position)} ms")

    def _fail(self, message: str) -> None:
        log.warning("audio player: %s", message)
        self._watchdog.stop()
        self._serial += 1
        self._halt.emit()
        self._audio = None
        self._set_state(PlayerState.STOPPED)
        self.error.emit(message)
