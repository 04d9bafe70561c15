"""A sentence the offline voice reports finished sooner than it can be said was not heard (issue 19).

speech-dispatcher drops the audio when its sound server stalls or goes away, and then reports each message
done at once: read as "finished", every sentence of the paragraph was marked read in a blink. The system
backend takes such a finish as a sound failure, so the controller says the sentence again and, when it keeps
happening, stops and tells the listener why, with the place kept. A stand-in voice keeps these tests fast
and silent; the real stall (PulseAudio stopped) is tests/resilience/test_sound_stall.py.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Signal

from fenggang_reader.core.spoken import SpeechChunk, prepare_block
from fenggang_reader.speech.backend import SystemBackend, shortest_plausible_s
from fenggang_reader.speech.controller import SOUND_RETRIES, ReadAloudController, ReadState, SpeechConfig
from fenggang_reader.speech.system import SystemState
from fenggang_reader.speech.types import SpeechErrorKind, VoiceParams

TEXT = "今年是收官之年，我们要努力工作。"
FAST = VoiceParams(rate=2.0)


class StandInVoice(QObject):
    """What SystemBackend uses of SystemVoice; the test decides when each message ends."""

    state_changed = Signal(object)
    saying = Signal(int, int)
    error = Signal(str)

    def __init__(self):
        super().__init__()
        self.state = SystemState.READY
        self.start_timeout_ms = 1000
        self.error_message = ""
        self.said: list[str] = []

    def best_voice(self, preferred: str, dialect: str) -> str:
        return "stand-in"

    def start(self) -> None:
        pass

    def say(self, text: str, *_args: object) -> bool:
        self.said.append(text)
        self._set(SystemState.SPEAKING)
        return True

    def stop(self) -> None:
        self._set(SystemState.READY)

    def end(self) -> None:
        """The engine reports the message done."""
        self._set(SystemState.READY)

    def _set(self, state: SystemState) -> None:
        self.state = state
        self.state_changed.emit(state)


def chunk(text: str) -> SpeechChunk:
    return SpeechChunk("b", 0, len(text), text, tuple(range(len(text))), tuple(range(1, len(text) + 1)))


def test_a_finish_sooner_than_the_text_can_be_said_is_a_sound_failure(qtbot):
    voice = StandInVoice()
    backend = SystemBackend(voice)
    finished: list[bool] = []
    backend.finished.connect(lambda: finished.append(True))
    with qtbot.waitSignal(backend.failed, timeout=1000) as failed:
        backend.speak(chunk(TEXT), FAST)
        voice.end()  # at once: the audio went nowhere
    assert failed.args[0].kind is SpeechErrorKind.SOUND_STALLED and not failed.args[0].device_blocked
    assert finished == []


def test_a_finish_after_a_plausible_time_is_a_finish(qtbot):
    voice = StandInVoice()
    backend = SystemBackend(voice)
    failures: list[object] = []
    backend.failed.connect(failures.append)
    needed_ms = shortest_plausible_s(TEXT, FAST.rate) * 1000
    assert 0 < needed_ms < 1000
    backend.speak(chunk(TEXT), FAST)
    qtbot.wait(int(needed_ms) + 100)
    with qtbot.waitSignal(backend.finished, timeout=1000):
        voice.end()
    assert failures == []


def test_too_short_to_judge_is_never_doubted(qtbot):
    voice = StandInVoice()
    backend = SystemBackend(voice)
    assert shortest_plausible_s("一、", 1.0) == 0
    with qtbot.waitSignal(backend.finished, timeout=1000):
        backend.speak(chunk("一、"), FAST)
        voice.end()


@pytest.fixture
def reading(report, qapp):
    voice = StandInVoice()
    system = SystemBackend(voice)
    controller = ReadAloudController(report, lambda b: prepare_block(b, report), system, None,
                                     lambda: SpeechConfig(params=FAST, edge_allowed=False))
    yield controller, voice
    controller.shutdown()


def test_unheard_sentences_are_said_again_then_the_listener_is_told_and_none_is_marked_read(qtbot, reading, report):
    controller, voice = reading
    notices: list[str] = []
    controller.notice.connect(notices.append)
    index = next(i for i, b in enumerate(report.blocks) if len(prepare_block(b, report)) >= 3
                 and shortest_plausible_s(prepare_block(b, report)[0].text, FAST.rate) > 0)
    controller.play(index)
    with qtbot.waitSignal(controller.failed, timeout=3000) as failed:
        for _ in range(SOUND_RETRIES + 1):
            qtbot.waitUntil(lambda: voice.state is SystemState.SPEAKING, timeout=1000)
            voice.end()  # every attempt "finishes" at once
    first = controller.chunks[0].text
    assert voice.said == [first] * (SOUND_RETRIES + 1), "the same sentence, said again, never the next one"
    assert (controller.index, controller.position) == (index, 0), "nothing was marked read"
    assert controller.state is ReadState.STOPPED
    assert "sound" in failed.args[0].lower()
    assert sum("not coming through" in n for n in notices) == 1, notices  # told once while it is said again…
    assert notices[-1].startswith("Reading stopped"), notices  # …and why reading stopped


def test_a_sentence_heard_after_a_dropped_one_goes_on(qtbot, reading, report):
    controller, voice = reading
    index = next(i for i, b in enumerate(report.blocks) if len(prepare_block(b, report)) >= 2
                 and shortest_plausible_s(prepare_block(b, report)[0].text, FAST.rate) > 0)
    controller.play(index)
    qtbot.waitUntil(lambda: voice.state is SystemState.SPEAKING, timeout=1000)
    voice.end()  # dropped: said again
    qtbot.waitUntil(lambda: len(voice.said) == 2 and voice.state is SystemState.SPEAKING, timeout=1000)
    qtbot.wait(int(shortest_plausible_s(controller.chunks[0].text, FAST.rate) * 1000) + 100)
    voice.end()  # heard this time
    qtbot.waitUntil(lambda: controller.position == 1, timeout=1000)
    assert voice.said[:2] == [controller.chunks[0].text] * 2 and voice.said[2] == controller.chunks[1].text
    assert controller.state is ReadState.PLAYING


def test_after_a_stop_only_one_early_finish_is_taken_for_the_stopped_sentences(qtbot):
    """The finish of a stopped sentence may come after the next one started (quick Down presses), so one early finish
    after a stop is not doubted. Only one: with no sound server every sentence "finished" at once, and for the three
    seconds after the stop at the start 45 sentences were taken as read (the walkthrough's event log)."""
    voice = StandInVoice()
    backend = SystemBackend(voice)
    finished: list[bool] = []
    backend.finished.connect(lambda: finished.append(True))
    backend.speak(chunk(TEXT), FAST)
    backend.stop()  # the reader moved on: the voice is stopped
    backend.speak(chunk(TEXT), FAST)
    voice.end()  # at once: maybe the stopped sentence's report
    assert finished == [True]
    with qtbot.waitSignal(backend.failed, timeout=1000) as failed:
        backend.speak(chunk(TEXT), FAST)
        voice.end()  # at once again: the sound goes nowhere
    assert failed.args[0].kind is SpeechErrorKind.SOUND_STALLED and finished == [True]
