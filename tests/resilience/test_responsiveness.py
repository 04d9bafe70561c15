"""The window stays responsive while the offline voice starts (a fresh process, as at every app start).

Found by the input fuzz: listing espeak-ng's ~13,000 voices used to hold the GIL and starve the GUI for 1.6 s
(fixed in speech/system.py, a9fa2a1); this keeps it fixed."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

PROBE = r"""
import json, sys, time
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QApplication
from fenggang_reader.speech.system import SystemVoice
app = QApplication([])
clock = QElapsedTimer(); clock.start()
state = {"last": 0, "worst": 0}
def tick():
    now = clock.elapsed()
    state["worst"] = max(state["worst"], now - state["last"] - 50)
    state["last"] = now
timer = QTimer(interval=50); timer.setTimerType(Qt.TimerType.PreciseTimer); timer.timeout.connect(tick); timer.start()
voice = SystemVoice.shared()
QTimer.singleShot(200, voice.start)
deadline = time.monotonic() + 30
while time.monotonic() < deadline and not (voice.available or voice.error_message):
    app.processEvents(); time.sleep(0.005)
QTimer.singleShot(500, app.quit); app.exec()
print(json.dumps({"worst_late_ms": state["worst"], "ready": voice.available, "error": voice.error_message}))
"""


def test_the_gui_thread_is_never_starved_while_the_system_voice_starts():
    from tests.support.sound import ensure_speech_dispatcher

    if reason := ensure_speech_dispatcher():
        pytest.skip(reason)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=90, env=env)
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    if not probe["ready"]:
        pytest.skip(f"no system voice here: {probe['error']}")
    assert probe["worst_late_ms"] <= 500, probe
