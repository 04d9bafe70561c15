"""The offline voice: speech-dispatcher's espeak-ng through QTextToSpeech, heard on the null sink.

It lists the Chinese voices, speaks (the monitor recording is not silent), pauses and stops, reports
its start within the issue's 400 ms, and an engine without a Chinese voice gives a clear message, as does a
speech-dispatcher that never answers (and then quitting neither hangs nor aborts). With another client of the
same dispatcher speaking (as Orca does), reading starts at once and never queues a sentence heard later.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from fenggang_reader.core.model import Report
from fenggang_reader.core.spoken import SpeechChunk, prepare_block
from fenggang_reader.speech.backend import BackendState, SystemBackend
from fenggang_reader.speech.controller import ReadAloudController, ReadState, SpeechConfig
from fenggang_reader.speech.system import SystemState, SystemVoice, choose_engine, qt_rate
from fenggang_reader.speech.types import Engine, VoiceParams
from tests.support.sound import Recorder, SilentSocket
from tests.support.ssip import OtherClient
from tests.support.voice import system_voice  # noqa: F401 - a fixture

pytestmark = pytest.mark.qt_log_ignore("pipewire")


def chunk(text: str) -> SpeechChunk:
    return SpeechChunk("b", 0, len(text), text, tuple(range(len(text))), tuple(range(1, len(text) + 1)))


def test_speechd_lists_mandarin_and_cantonese_voices(system_voice):  # noqa: F811
    if system_voice.engine != "speechd":
        pytest.skip(f"this platform's engine is {system_voice.engine}")
    dialects = {v.dialect for v in system_voice.voices}
    assert {"mandarin", "cantonese"} <= dialects, system_voice.voices
    assert all("+" not in v.name for v in system_voice.voices), "espeak-ng's timbre variants are left out"
    assert system_voice.best_voice("", "cantonese") in [v.name for v in system_voice.voices if v.dialect == "cantonese"]
    assert system_voice.best_voice("a voice that was removed", "mandarin") == system_voice.best_voice()


def test_it_speaks_and_the_null_sink_hears_it(qtbot, system_voice, tmp_path):  # noqa: F811
    backend = SystemBackend(system_voice)
    with Recorder(tmp_path / "system.raw") as rec:
        started = time.perf_counter()
        with qtbot.waitSignal(backend.audio_started, timeout=5000):
            backend.speak(chunk("今年是收官之年，我们要努力工作。"), VoiceParams(rate=1.5))
        start_ms = (time.perf_counter() - started) * 1000
        with qtbot.waitSignal(backend.finished, timeout=15000):
            pass
    assert backend.state is BackendState.IDLE
    assert start_ms < 1000, f"the system voice took {start_ms:.0f} ms to start"
    assert rec.rms() > 100, "the null sink's monitor heard silence"
    assert rec.loud_seconds() > 0.5


def test_pause_resume_and_stop(qtbot, system_voice):  # noqa: F811
    backend = SystemBackend(system_voice)
    with qtbot.waitSignal(backend.audio_started, timeout=5000):
        backend.speak(chunk("现在，我代表镇人民政府，向大会报告政府工作，请各位代表予以审议。"), VoiceParams())
    with qtbot.assertNotEmitted(backend.finished, wait=300):
        backend.pause()
    assert backend.state is BackendState.PAUSED
    qtbot.waitUntil(lambda: system_voice.state is SystemState.READY, timeout=2000)  # silent while paused
    with qtbot.waitSignal(backend.audio_started, timeout=3000):
        backend.resume()  # the sentence again, from its start
    assert backend.state is BackendState.SPEAKING
    with qtbot.assertNotEmitted(backend.finished, wait=300):
        backend.stop()
    assert backend.state is BackendState.IDLE
    # Speaking again straight after a stop starts again (the engine must not be left "speaking" or "paused").
    with qtbot.waitSignal(backend.audio_started, timeout=3000):
        backend.speak(chunk("各位代表："), VoiceParams(rate=2.0))
    with qtbot.waitSignal(backend.finished, timeout=10000):
        pass


def test_five_fallback_style_starts_in_a_row(qtbot, system_voice):  # noqa: F811
    """Each start while the voice is still speaking must still be reported (the wedge seen before)."""
    backend = SystemBackend(system_voice)
    for text in ("第一句话。", "第二句话。", "第三句话。", "第四句话。", "第五句话。"):
        with qtbot.waitSignal(backend.audio_started, timeout=3000):
            backend.speak(chunk(text * 3), VoiceParams(rate=2.0))
        qtbot.wait(150)
    backend.stop()


# What a screen reader says through the same dispatcher, at the same priority as ours: over a minute of it.
SCREEN_READER_TALK = "The screen reader is reading a long page of text to its user. " * 20


def test_the_start_of_reading_silences_a_screen_reader_on_the_same_dispatcher(qtbot, system_voice, tmp_path):  # noqa: F811
    """Orca and Qt both speak at MESSAGE priority: ours queued behind Orca's speech and came minutes later."""
    backend = SystemBackend(system_voice, start_timeout_ms=20000)  # no retry: only the start's silencing counts
    backend.screen_reader_speaks = lambda: True
    with OtherClient() as orca, Recorder(tmp_path / "floor.raw") as rec:
        orca.speak(SCREEN_READER_TALK)
        qtbot.waitUntil(lambda: rec.loud_seconds() > 0.5, timeout=10000)  # the screen reader is heard
        backend.take_the_floor()
        with qtbot.waitSignal(backend.audio_started, timeout=8000):  # queued, it would wait over a minute
            backend.speak(chunk("各位代表。"), VoiceParams(rate=2.0))
        with qtbot.waitSignal(backend.finished, timeout=10000):
            pass
        after_ours = rec.mark()
        qtbot.wait(2000)
    assert rec.first_loud_after(after_ours + 8000) is None, "something was heard after our sentence"


def test_a_sentence_held_back_by_a_screen_reader_silences_it_and_reading_goes_on(qtbot, system_voice, tmp_path):  # noqa: F811
    """Between sentences the screen reader may speak again: ours is not given up (reading would stop)."""
    backend = SystemBackend(system_voice, start_timeout_ms=1500)
    backend.screen_reader_speaks = lambda: True
    failures: list[object] = []
    backend.failed.connect(failures.append)
    with OtherClient() as orca, Recorder(tmp_path / "retry.raw") as rec:
        orca.speak(SCREEN_READER_TALK)
        qtbot.waitUntil(lambda: rec.loud_seconds() > 0.5, timeout=10000)
        with qtbot.waitSignal(backend.audio_started, timeout=8000):
            backend.speak(chunk("各位代表。"), VoiceParams(rate=2.0))
        with qtbot.waitSignal(backend.finished, timeout=10000):
            pass
        after_ours = rec.mark()
        qtbot.wait(2000)
    assert failures == []
    assert rec.first_loud_after(after_ours + 8000) is None, "something was heard after our sentence"


def test_giving_up_cancels_the_sentence_so_it_is_never_heard_later(qtbot, system_voice, tmp_path):  # noqa: F811
    """Without a screen reader's say, a voice held back past the start timeout gives up, and takes back what
    it queued: it played once the other client had finished, long after reading had stopped."""
    backend = SystemBackend(system_voice, start_timeout_ms=1500)
    with OtherClient() as orca, Recorder(tmp_path / "give-up.raw") as rec:
        orca.speak(SCREEN_READER_TALK)
        qtbot.waitUntil(lambda: rec.loud_seconds() > 0.5, timeout=10000)
        states: list[str] = []
        backend.state_changed.connect(lambda state: states.append(state.name))
        with qtbot.waitSignal(backend.failed, timeout=8000, raising=False) as given:
            backend.speak(chunk("这句话不该在后来被听到。"), VoiceParams(rate=2.0))
        assert given.signal_triggered, f"not given up: the backend went {states}, the voice is {system_voice.state}"
        orca.command("CANCEL SELF")  # the other client ends its own speech: the queue is free again
        given_up = rec.mark()
        qtbot.wait(3000)
    assert backend.state is BackendState.IDLE
    assert rec.first_loud_after(given_up + 8000) is None, "the sentence given up was heard later"


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW"])
def test_with_a_chinese_interface_it_starts_lists_its_voices_and_speaks(qtbot, tmp_path, language):
    """The interface in Chinese sets the default locale (ui/i18n.py), as a zh_CN desktop does: Qt's speechd
    engine then reported "Failed to initialize default locale and voice" (espeak-ng's Mandarin is "cmn", unknown
    to Qt) and the voice was unavailable — the voice dialog empty, reading through the espeak-ng bridge."""
    from PySide6.QtCore import QLocale

    from tests.support.sound import ensure_null_sink, ensure_speech_dispatcher

    for reason in (ensure_null_sink(), ensure_speech_dispatcher()):
        if reason:
            pytest.skip(reason)
    QLocale.setDefault(QLocale(language))
    voice = SystemVoice()
    try:
        assert voice.wait_ready(30000), voice.error_message
        assert {"mandarin", "cantonese"} <= {v.dialect for v in voice.voices}
        backend = SystemBackend(voice)
        with Recorder(tmp_path / "system.raw") as rec:
            with qtbot.waitSignal(backend.audio_started, timeout=5000):
                backend.speak(chunk("今年是收官之年。"), VoiceParams(rate=1.5))
            with qtbot.waitSignal(backend.finished, timeout=15000):
                pass
        assert rec.loud_seconds() > 0.3, "the null sink's monitor heard the system voice"
    finally:
        voice.shutdown()
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_an_engine_without_chinese_gives_a_clear_message(qtbot, report: Report):
    from PySide6.QtTextToSpeech import QTextToSpeech

    if "mock" not in QTextToSpeech.availableEngines():
        pytest.skip("Qt's mock speech engine is not shipped here")
    voice = SystemVoice(engine="mock")  # English and Nordic voices only
    try:
        voice.wait_ready(10000)
        assert voice.state is SystemState.UNAVAILABLE
        assert "no Chinese voice" in voice.error_message and "espeak-ng" in voice.error_message
        errors: list[str] = []
        voice.error.connect(errors.append)
        assert not voice.say("你好")
        assert errors == [voice.error_message]
        notices: list[str] = []
        controller = ReadAloudController(report, lambda b: prepare_block(b, report), SystemBackend(voice), None,
                                         lambda: SpeechConfig(preferred=Engine.SYSTEM))
        controller.notice.connect(notices.append)
        controller.play(report.index_of("speaker"))
        assert controller.state is ReadState.STOPPED
        assert notices == [f"Cannot read aloud: {voice.error_message}"]
    finally:
        voice.shutdown()


def test_engine_choice_and_rate_mapping():
    assert choose_engine(["mock", "speechd", "flite"], "linux") == "speechd"
    assert choose_engine(["sapi", "winrt"], "win32") == "winrt"
    assert choose_engine(["mock"], "linux") is None
    assert choose_engine(["other", "mock"], "linux") == "other"
    assert qt_rate(1.0) == 0 and qt_rate(2.0) == 1 and qt_rate(0.5) == -1


HUNG_DISPATCHER_PROBE = r"""
import json
from PySide6.QtCore import QCoreApplication, QTimer
from fenggang_reader.speech.system import SystemState, SystemVoice
app = QCoreApplication([])
voice = SystemVoice(start_timeout_ms=1500)
errors = []
voice.error.connect(errors.append)
voice.start()
def check():
    if voice.state is SystemState.STARTING:
        return
    timer.stop()
    voice.shutdown()  # its thread is stuck in libspeechd: left behind, not waited for
    print(json.dumps({"state": voice.state.value, "message": voice.error_message, "errors": errors}))
    app.quit()
timer = QTimer(interval=50)
timer.timeout.connect(check)
timer.start()
app.exec()
"""


def _run_against_a_hung_dispatcher(tmp_path, *args: str) -> subprocess.CompletedProcess:
    """The socket stays open until the process has ended: libspeechd crashes when it closes mid-connect."""
    with SilentSocket(tmp_path / "speechd.sock") as address:
        env = {**os.environ, "SPEECHD_ADDRESS": address, "QT_QPA_PLATFORM": "offscreen"}
        return subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, timeout=60)


def test_a_dispatcher_that_never_answers_makes_the_voice_unavailable(tmp_path):
    """Issue 19: it stayed "starting" for ever, and every Space said the voice was still starting."""
    result = _run_against_a_hung_dispatcher(tmp_path, "-c", HUNG_DISPATCHER_PROBE)
    assert result.returncode == 0, result.stderr[-2000:]
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["state"] == "unavailable"
    assert "not responding" in probe["message"] and probe["errors"] == [probe["message"]]


def test_the_app_quits_cleanly_while_the_dispatcher_never_answers(tmp_path):
    """A first start says the welcome, so the voice connects at once and hangs; quitting must not abort."""
    result = _run_against_a_hung_dispatcher(tmp_path, "-m", "fenggang_reader", "--quit-after", "4")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "QThread: Destroyed" not in result.stderr


def test_espeak_speaks_while_the_system_voice_is_still_starting(qtbot, tmp_path):
    """The first seconds: speech-dispatcher needs 2–6 s to start; espeak-ng run directly speaks at once."""
    from fenggang_reader.speech import espeak_bridge
    from tests.support.sound import ensure_null_sink, ensure_speech_dispatcher

    program = espeak_bridge.find()
    if program is None:
        pytest.skip("espeak-ng is not installed")
    for reason in (ensure_null_sink(), ensure_speech_dispatcher()):
        if reason:
            pytest.skip(reason)
    voice = SystemVoice()  # not started: as at the app's start
    backend = SystemBackend(voice, bridge=espeak_bridge.EspeakBridge(program))
    try:
        with Recorder(tmp_path / "rec.raw") as rec:
            with qtbot.waitSignal(backend.audio_started, timeout=10000):
                backend.speak(chunk("今年是收官之年。"), VoiceParams(rate=2.0))
            assert backend.state is BackendState.SPEAKING
            with qtbot.waitSignal(backend.finished, timeout=20000):
                pass
        assert rec.loud_seconds() > 0.2, "espeak-ng's speech reached the sound device"
        assert voice.state is not SystemState.UNAVAILABLE  # meanwhile the real voice was started
    finally:
        backend.stop()
        voice.shutdown()
