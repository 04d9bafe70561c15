"""Fixtures for tests that need the real system voice (speech-dispatcher + espeak-ng on PulseAudio).

Import the fixture into a test module or conftest (``from tests.support.voice import system_voice``).
The voice is the process's shared one, silenced before each test; if an earlier test created it against another dispatcher
(before this session's own was started), it is closed and made again against ours.
"""

from __future__ import annotations

import os

import pytest

from tests.support.sound import ensure_null_sink, ensure_speech_dispatcher


@pytest.fixture
def system_voice(qapp, qtbot):
    for reason in (ensure_null_sink(), ensure_speech_dispatcher()):
        if reason:
            pytest.skip(reason)
    from fenggang_reader.speech.system import SystemState, SystemVoice

    existing = SystemVoice._instance
    if existing is not None and existing.speechd_address != os.environ.get("SPEECHD_ADDRESS", ""):
        existing.shutdown()
    voice = SystemVoice.shared()
    if not voice.wait_ready(30000):  # the dispatcher and the sink are up: a voice that does not start is a defect
        pytest.fail(f"the system voice did not start: {voice.error_message}")  # (a skip hid a Chinese locale's)
    # One voice and one dispatcher serve all of a worker's tests: each test starts from silence, never queued
    # behind a sentence an earlier test left (a start then took more than 5 s in a full run).
    # The dispatcher reports the cancel a moment later: let that report come before the test's own sentence,
    # or it is taken for that sentence's end.
    voice.stop()
    qtbot.wait(500)
    qtbot.waitUntil(lambda: voice.state is SystemState.READY, timeout=5000)
    yield voice
