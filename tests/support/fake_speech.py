"""A speech backend that makes no sound: the controller's state machine tested in milliseconds.

It behaves as the real backends do towards the controller (speak → WAITING → audio_started → saying →
finished, pause/resume/stop, failures as Failure with a kind) but every step is driven by the test:
``start()``, ``say_word()``, ``finish()``, ``fail()``; or ``autoplay`` lets each chunk start and end on the
next turns of the event loop. The real voices keep their own end-to-end tests (test_controller.py).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer

from fenggang_reader.core.spoken import SpeechChunk
from fenggang_reader.speech.backend import BackendState, Failure, SpeechBackend
from fenggang_reader.speech.types import Engine, SpeechErrorKind, VoiceParams


class FakeBackend(SpeechBackend):
    def __init__(self, engine: Engine, *, autoplay: bool = False, available: bool = True):
        super().__init__()
        self.engine = engine
        self.autoplay = autoplay
        self.is_available = available
        self.preferred_voice = ""
        self.spoken: list[str] = []  # the text of every chunk asked for, in order
        self.prefetched: list[str] = []
        self.prefetch_cancels = 0
        self.stops = 0

    # -- what the controller calls
    def available(self) -> bool:
        return self.is_available

    def speak(self, chunk: SpeechChunk, params: VoiceParams) -> None:
        self.chunk = chunk
        self.voice_name = params.voice
        self.spoken.append(chunk.text)
        self._set_state(BackendState.WAITING)
        if self.autoplay:
            asked = len(self.spoken)
            QTimer.singleShot(0, lambda: self._autoplay_step(asked, "start"))

    def prefetch(self, chunks: list[SpeechChunk], params: VoiceParams) -> None:
        self.prefetched += [c.text for c in chunks]

    def cancel_prefetch(self) -> None:
        self.prefetch_cancels += 1

    def is_cached(self, chunk: SpeechChunk, params: VoiceParams) -> bool:
        return False

    def pause(self) -> None:
        if self.state is BackendState.SPEAKING:
            self._set_state(BackendState.PAUSED)

    def resume(self) -> None:
        if self.state is BackendState.PAUSED:
            self._set_state(BackendState.SPEAKING)

    def stop(self) -> None:
        self.stops += 1
        self._set_state(BackendState.IDLE)

    # -- what the test drives
    def start(self) -> None:
        """The first audio of the chunk asked for is heard."""
        assert self.state is BackendState.WAITING, self.state
        self._set_state(BackendState.SPEAKING)
        self.audio_started.emit()

    def say_word(self, start: int, length: int) -> None:
        self.saying.emit(start, length)

    def finish(self) -> None:
        """The chunk has been heard to its end."""
        assert self.state is BackendState.SPEAKING, self.state
        self._set_state(BackendState.IDLE)
        self.finished.emit()

    def fail(self, kind: SpeechErrorKind = SpeechErrorKind.UNREACHABLE, retry_after: float | None = None) -> None:
        self._set_state(BackendState.IDLE)
        self.failed.emit(Failure(f"fake {kind.id}", kind, retry_after))

    def _autoplay_step(self, asked: int, step: str) -> None:
        if asked != len(self.spoken):  # another chunk was asked for meanwhile
            return
        if step == "start" and self.state is BackendState.WAITING:
            self.start()
            QTimer.singleShot(0, lambda: self._autoplay_step(asked, "finish"))
        elif step == "finish" and self.state is BackendState.SPEAKING:
            self.finish()
