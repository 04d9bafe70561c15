"""Read-aloud: what is being read, with which voice, and what happens next.

A small state machine (``ReadState``: stopped / playing / paused) over a position (block index,
chunk index). It speaks one chunk (about a sentence) at a time through a backend, prefetches the
following chunks and the next paragraph through Edge while one plays, follows on to the next
paragraph when reading continuously, and falls back to the system voice for the SAME chunk when
Edge fails or is too slow — telling the listener once and trying Edge again after a cool-down.
``read_aside`` reads a few chunks on their own (a glossary note) without moving the reader's place.
Prepared chunks are cached per block; ``invalidate`` drops them when readings change.
No widgets: the window connects ``highlight``, ``block_started`` and ``notice`` to its view.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

from fenggang_reader.core.events import NULL_LOG, EventLog
from fenggang_reader.core.model import Block, Report
from fenggang_reader.core.spoken import SpeechChunk
from fenggang_reader.speech.backend import (
    BackendState,
    EdgeBackend,
    Failure,
    SpeechBackend,
    SystemBackend,
    choose_engine,
)
from fenggang_reader.speech.types import Engine, ReadState, SpeechErrorKind, VoiceParams

log = logging.getLogger(__name__)
PREFETCH_CHUNKS = 4  # ahead of the one playing, across the paragraph end when reading continuously
SOUND_RETRIES = 2  # stalls of one chunk while the player still answers, before blaming the voice


def _t(text: str) -> str:
    return QCoreApplication.translate("ReadAloud", text)


@dataclass(frozen=True)
class SpeechConfig:
    """What the listener chose (read from settings at each chunk, so changes apply at the next one)."""

    params: VoiceParams = VoiceParams()
    preferred: Engine = Engine.EDGE
    edge_allowed: bool = False  # not offline-only, and the privacy notice was accepted
    continuous: bool = True
    system_voice: str = ""


class ReadAloudController(QObject):
    state_changed = Signal(object)  # ReadState
    highlight = Signal(str, int, int, int, int)  # block id, sentence start, end, word start, end (-1: no word)
    highlight_cleared = Signal()
    block_started = Signal(str, int)  # block id, index: the view follows the voice
    notice = Signal(str)  # something the listener must be told (status bar + screen reader)
    failed = Signal(str)  # reading stopped because no voice could go on: the reason (the window keeps it shown)
    engine_changed = Signal(object)  # Engine now speaking

    def __init__(self, report: Report, chunker: Callable[[Block], list[SpeechChunk]], system: SystemBackend,
                 edge: EdgeBackend | None, config: Callable[[], SpeechConfig], events: EventLog = NULL_LOG,
                 parent: QObject | None = None, *, edge_cooldown_s: float = 60.0):
        super().__init__(parent)
        self.report = report
        self._chunker = chunker
        self.system = system
        self.edge = edge
        self._config = config
        self.events = events
        self.edge_cooldown_s = edge_cooldown_s
        # What a failure is called in notices: the window sets its translation (ui/speech_errors.py).
        self.describe: Callable[[Failure], str] = Failure.plain
        self.state = ReadState.STOPPED
        self.index = -1  # block being read
        self.chunks: list[SpeechChunk] = []
        self.position = 0  # chunk index in self.chunks
        self.engine: Engine | None = None
        self.edge_retry_at = 0.0  # monotonic time before which Edge is not asked again
        self.fallbacks = 0
        self._told_fallback = False
        self._told_sound = False
        self.stop_message = ""  # why reading last stopped, when the listener did not ask it to ("" otherwise)
        self._sound_retries = 0  # stalls of the chunk being read (reset when a chunk is heard to its end)
        self._sound_retry_place = (-1, -1)  # the chunk they are counted for
        self._requested_at = 0.0
        self._backend: SpeechBackend | None = None
        self._prepared: dict[int, list[SpeechChunk]] = {}  # block index → chunks (see invalidate)
        self._aside: tuple[int, list[SpeechChunk], int] | None = None  # the place kept while reading an aside
        for backend in self._backends():
            backend.audio_started.connect(self._on_audio_started)
            backend.preparing.connect(self._on_preparing)
            backend.saying.connect(self._on_saying)
            backend.finished.connect(self._on_finished)
            backend.failed.connect(self._on_failed)

    def _backends(self) -> list[SpeechBackend]:
        return [b for b in (self.edge, self.system) if b is not None]

    # -- commands ----------------------------------------------------------------------------------
    def toggle(self, index: int) -> None:
        """Space: play the paragraph at ``index``, or pause / resume the one being read."""
        if self.state is ReadState.PLAYING:
            self.pause()
        elif self.state is ReadState.PAUSED and index == self.index:
            self.resume()
        else:
            self.play(index)

    def play(self, index: int, chunk: int = 0) -> None:
        if self._aside is not None:
            self.stop()
        self.system.hush()  # Space during the spoken welcome: the paragraph, not the rest of the welcome
        self.system.take_the_floor()  # and not after what a screen reader was saying
        if not self._load_block(index, forward=True):
            self._stop_told(_t("Nothing to read here."), "nothing_to_read")
            return
        self.position = max(0, min(chunk, len(self.chunks) - 1))
        self._set_state(ReadState.PLAYING)
        self._speak()

    def pause(self) -> None:
        if self.state is not ReadState.PLAYING:
            return
        backend = self._backend
        if backend is not None and backend.state is BackendState.SPEAKING:
            backend.pause()
        elif backend is not None:
            backend.stop()  # no audio yet: resume says the chunk again
        self._set_state(ReadState.PAUSED)

    def resume(self) -> None:
        if self.state is not ReadState.PAUSED:
            return
        self._set_state(ReadState.PLAYING)
        self.system.take_the_floor()
        backend = self._backend
        if backend is not None and backend.state is BackendState.PAUSED:
            backend.resume()
        else:
            self._speak()

    def _stop_told(self, message: str, reason: str) -> None:
        """Stop for a reason the listener must see: it stays in ``stop_message`` (the window keeps it on
        screen instead of a plain "Stopped") until reading starts again."""
        self.notice.emit(message)
        self.stop(reason, message=message)

    def stop(self, reason: str = "stopped", *, message: str = "") -> None:
        self.stop_message = message
        was = self.state
        block_id = self._block_id()
        for backend in self._backends():
            backend.stop()
        if self.edge is not None:
            self.edge.cancel_prefetch()
        self._backend = None
        if self._aside is not None:  # back to the reader's own place
            self.index, self.chunks, self.position = self._aside
            self._aside = None
        self.highlight_cleared.emit()
        self._set_state(ReadState.STOPPED)
        if was is not ReadState.STOPPED:
            self.events.emit("speech.end", block_id=block_id, reason=reason)

    def read_aside(self, chunks: list[SpeechChunk]) -> None:
        """Read just these chunks (a glossary note), then be idle; the reader's place does not move."""
        if not chunks:
            self.notice.emit(_t("Nothing to read here."))
            return
        if self._aside is not None:
            self.index, self.chunks, self.position = self._aside
        if self.state is not ReadState.STOPPED:  # no STOPPED in between: reading goes straight on to the note
            self._halt_backend()
            self.events.emit("speech.end", block_id=self._block_id(), reason="aside")
        self._aside = (self.index, self.chunks, self.position)
        self.chunks, self.position = list(chunks), 0
        self._set_state(ReadState.PLAYING)
        self.system.take_the_floor()
        self._speak()

    @property
    def reading_aside(self) -> bool:
        return self._aside is not None

    def invalidate(self, block_id: str = "") -> None:
        """Readings of ``block_id`` ("" = every block) changed: prepare its chunks again.

        The chunk being heard plays on; what follows is spoken with the new readings.
        """
        if block_id:
            self._prepared.pop(self.report.index_of(block_id), None)
        else:
            self._prepared.clear()
        if self._aside is not None or not self.chunks or not (0 <= self.index < len(self.report.blocks)):
            return
        block = self.report.blocks[self.index]
        if block_id and block.id != block_id:
            return
        offset = self.chunks[self.position].start
        self.chunks = self._chunks_of(self.index)
        self.position = next((i for i, c in enumerate(self.chunks) if c.start <= offset < c.end),
                             min(self.position, max(0, len(self.chunks) - 1)))
        if self.edge is not None and self.state is not ReadState.STOPPED:
            self.edge.cancel_prefetch()  # queued requests carry the old text
            self._prefetch(self._config())

    def next_sentence(self) -> None:
        self._step_sentence(1)

    def previous_sentence(self) -> None:
        self._step_sentence(-1)

    def next_paragraph(self) -> None:
        if self._aside is not None:
            self.stop()
            return
        self._jump_block(self.index + 1, 1)

    def previous_paragraph(self) -> None:
        if self._aside is not None:
            self.stop()
            return
        self._jump_block(self.index - 1, -1)

    def follow(self, block_id: str) -> None:
        """The listener moved to another paragraph (arrow keys, contents): read from there if reading."""
        index = self.report.index_of(block_id)
        if self.state is ReadState.STOPPED or index == self.index or self._aside is not None:
            return
        if self.state is ReadState.PAUSED:
            self.stop()
            return
        self._jump_block(index, 1, announce=False)

    def shutdown(self) -> None:
        self.stop()
        if self.edge is not None:
            self.edge.shutdown()

    # -- position ------------------------------------------------------------------------------
    def _block_id(self) -> str | None:
        if self._aside is not None and self.chunks:
            return self.chunks[0].block_id
        return self.report.blocks[self.index].id if 0 <= self.index < len(self.report.blocks) else None

    def _chunks_of(self, index: int) -> list[SpeechChunk]:
        chunks = self._prepared.get(index)
        if chunks is None:
            chunks = self._prepared[index] = self._chunker(self.report.blocks[index])
        return chunks

    def _load_block(self, index: int, forward: bool) -> bool:
        """Make ``index`` (or the next block with something to say, in that direction) current."""
        step = 1 if forward else -1
        while 0 <= index < len(self.report.blocks):
            chunks = self._chunks_of(index)
            if chunks:
                changed = index != self.index
                self.index, self.chunks, self.position = index, chunks, 0
                if changed:
                    self.block_started.emit(self.report.blocks[index].id, index)
                return True
            index += step
        return False

    def _jump_block(self, index: int, step: int, announce: bool = True) -> None:
        if self.state is ReadState.STOPPED:
            return
        self._halt_backend()
        if not self._load_block(index, forward=step > 0):
            self._finish_report(announce)
            return
        self._set_state(ReadState.PLAYING)
        self._speak()

    def _step_sentence(self, step: int) -> None:
        if self.state is ReadState.STOPPED or not self.chunks:
            return
        sentence = self.chunks[self.position].sentence
        target = self.position
        if step > 0:
            while target < len(self.chunks) and self.chunks[target].sentence == sentence:
                target += 1
        else:
            while target > 0 and self.chunks[target - 1].sentence == sentence:
                target -= 1  # the start of this sentence…
            target -= 1  # …then the one before it
            while target > 0 and self.chunks[target - 1].sentence == self.chunks[target].sentence:
                target -= 1
        self._halt_backend()
        if 0 <= target < len(self.chunks):
            self.position = target
        elif self._aside is not None:
            if target >= len(self.chunks):
                self.stop("aside_end")
                return
            self.position = 0
        elif target >= len(self.chunks):
            if not self._load_block(self.index + 1, forward=True):
                self._finish_report(True)
                return
        else:
            if not self._load_block(self.index - 1, forward=False):
                self.position = 0
            else:
                self.position = len(self.chunks) - 1
                while self.position > 0 and self.chunks[self.position - 1].sentence == \
                        self.chunks[self.position].sentence:
                    self.position -= 1
        self._set_state(ReadState.PLAYING)
        self._speak()

    def _halt_backend(self) -> None:
        if self._backend is not None:
            self._backend.stop()
        if self.edge is not None:
            self.edge.cancel_prefetch()

    def _finish_report(self, announce: bool) -> None:
        self.stop("end_of_report")
        if announce:
            self.notice.emit(_t("End of the document."))

    # -- speaking ------------------------------------------------------------------------------
    def _choose(self, config: SpeechConfig) -> SpeechBackend | None:
        edge_ok = (self.edge is not None and config.edge_allowed and time.monotonic() >= self.edge_retry_at)
        engine = choose_engine(config.preferred, edge_allowed=edge_ok, system_available=self.system.available())
        if engine is None and self.edge is not None and config.edge_allowed:
            engine = Engine.EDGE  # Edge is cooling down but is all there is: try it anyway
        if engine is Engine.EDGE:
            return self.edge
        if engine is Engine.SYSTEM:
            return self.system
        return None

    def _speak(self, backend: SpeechBackend | None = None) -> None:
        config = self._config()
        self.system.preferred_voice = config.system_voice
        if backend is None:
            backend = self._choose(config)
        if backend is None:
            message = self.system.error_message() or _t("No voice is available.")
            self._stop_told(_t("Cannot read aloud: %1").replace("%1", message), "failed")
            self.failed.emit(message)
            return
        if backend is not self._backend:
            if self._backend is not None:
                self._backend.stop()
            self._backend = backend
            self.engine = backend.engine
            self.engine_changed.emit(backend.engine)
        chunk = self.chunks[self.position]
        self._requested_at = time.perf_counter()
        cached = isinstance(backend, EdgeBackend) and backend.is_cached(chunk, config.params)
        backend.speak(chunk, config.params)
        self.events.emit("speech.request", block_id=chunk.block_id, engine=backend.engine.value,
                         voice=backend.voice_name, chunk=self.position, cached=cached)
        self._prefetch(config)

    def _prefetch(self, config: SpeechConfig) -> None:
        """Ask Edge for what comes next while this chunk plays (also during a fallback, after the cool-down)."""
        if self.edge is None or not config.edge_allowed or time.monotonic() < self.edge_retry_at:
            return
        ahead = list(self.chunks[self.position + 1 : self.position + 1 + PREFETCH_CHUNKS])
        index = self.index + 1
        while (config.continuous and self._aside is None and len(ahead) < PREFETCH_CHUNKS
               and index < len(self.report.blocks)):
            ahead += self._chunks_of(index)[: PREFETCH_CHUNKS - len(ahead)]
            index += 1
        if ahead:
            self.edge.prefetch(ahead, config.params)

    def _current_chunk(self, sender: object) -> SpeechChunk | None:
        if sender is not self._backend or self.state is ReadState.STOPPED or not self.chunks:
            return None
        return self.chunks[self.position]

    def _on_audio_started(self) -> None:
        chunk = self._current_chunk(self.sender())
        if chunk is None:
            return
        if self.state is ReadState.PAUSED and self._backend is not None:
            self._backend.pause()
        end = len(chunk.text.rstrip()) if chunk.text.rstrip() else len(chunk.text)
        start, stop = chunk.block_span(0, end)
        self.highlight.emit(chunk.block_id, start, stop, -1, -1)
        self.events.emit("speech.audio_start", block_id=chunk.block_id, engine=self.engine.value if self.engine else "",
                         chunk=self.position, ms=round((time.perf_counter() - self._requested_at) * 1000, 1))

    def _on_preparing(self) -> None:
        if self._current_chunk(self.sender()) is not None:
            self.events.emit("speech.preparing", block_id=self._block_id(), chunk=self.position)
            self.notice.emit(_t("Preparing the voice…"))

    def _on_saying(self, start: int, length: int) -> None:
        chunk = self._current_chunk(self.sender())
        if chunk is None:
            return
        sentence = chunk.block_span(0, len(chunk.text.rstrip()) or len(chunk.text))
        word = chunk.block_span(start, start + length)
        self.highlight.emit(chunk.block_id, sentence[0], sentence[1], word[0], word[1])
        self.events.emit("speech.boundary", block_id=chunk.block_id, start=word[0], end=word[1])

    def _on_finished(self) -> None:
        if self._current_chunk(self.sender()) is None or self.state is not ReadState.PLAYING:
            return
        # Only a chunk heard to its end clears the count: an offline voice whose sound is dropped starts each
        # chunk and "finishes" it at once, so counting from each start would repeat it forever.
        self._sound_retries = 0
        self._told_sound = False
        if self.position + 1 < len(self.chunks):
            self.position += 1
            self._speak()
            return
        if self._aside is not None:
            self.stop("aside_end")
            return
        if not self._config().continuous:
            self.stop("paragraph_end")
            return
        if not self._load_block(self.index + 1, forward=True):
            self._finish_report(True)
            return
        self._speak()

    def _on_failed(self, failure: Failure) -> None:
        sender = self.sender()
        if self._current_chunk(sender) is None:
            return
        if failure.kind is SpeechErrorKind.SOUND_STALLED and isinstance(sender, SpeechBackend) \
                and self._wait_for_sound(sender, failure):
            return
        if sender is self.edge:
            cooldown = max(self.edge_cooldown_s, failure.retry_after or 0.0)
            self.edge_retry_at = time.monotonic() + cooldown
            self.edge.cancel_prefetch()
            self.fallbacks += 1
            self.events.emit("speech.fallback", block_id=self._block_id(), chunk=self.position,
                             **{"from": Engine.EDGE.value, "to": Engine.SYSTEM.value, "why": failure.why})
            log.info("Edge failed (%s); the system voice continues; Edge again in %.0f s", failure.why, cooldown)
            if self.system.available():
                if not self._told_fallback:
                    self._told_fallback = True
                    self.notice.emit(_t("Switched to the offline voice: %1").replace("%1", self.describe(failure)))
                self._speak(self.system)
                return
        reason = self.describe(failure)
        self._stop_told(_t("Reading stopped: %1").replace("%1", reason), "failed")
        self.failed.emit(reason)

    def _wait_for_sound(self, backend: SpeechBackend, failure: Failure) -> bool:
        """The sound stopped coming through (a stalled sound server): say the same chunk again with the same
        voice, which plays once the sound device answers. Nothing is skipped, and the offline voice, whose
        sound goes to the same device, is not asked to "say" sentences nobody hears. A chunk that stalls
        again while the player itself still answers is the voice's fault after all: False, fall back."""
        if not failure.device_blocked:
            place = (self.index, self.position)
            if place != self._sound_retry_place:
                self._sound_retry_place, self._sound_retries = place, 0
            self._sound_retries += 1
            if self._sound_retries > SOUND_RETRIES:
                return False
        self.events.emit("speech.sound_stall", block_id=self._block_id(), chunk=self.position,
                         blocked=failure.device_blocked)
        log.info("sound stalled (%s); saying chunk %d again when the sound device answers", failure.why,
                 self.position)
        if not self._told_sound:
            self._told_sound = True
            self.notice.emit(_t("The sound is not coming through; reading goes on when it does."))
        self._speak(backend)
        return True

    def _set_state(self, state: ReadState) -> None:
        if state is not ReadState.STOPPED:
            self.stop_message = ""
        if state is not self.state:
            self.state = state
            if state is ReadState.STOPPED:
                self._told_fallback = False
            self.state_changed.emit(state)

    def edge_recovered(self) -> bool:
        """True when Edge is allowed again (the cool-down is over)."""
        return time.monotonic() >= self.edge_retry_at
