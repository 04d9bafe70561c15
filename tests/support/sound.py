"""Proof of sound: record the PulseAudio null sink's monitor while something plays, and measure it.

tools/run-tests starts PulseAudio with the null sink ``fenggang_null`` and sets FENGGANG_TEST_NULL_SINK;
``ensure_null_sink`` does the same for a focused pytest run. Speech-dispatcher is started here too.
"""

from __future__ import annotations

import array
import math
import os
import shutil
import subprocess
import time
from pathlib import Path

NULL_SINK = os.environ.get("FENGGANG_TEST_NULL_SINK", "fenggang_null")
RATE = 16000


def ensure_null_sink() -> str | None:
    """Make the null sink the default output; None when PulseAudio cannot be had (the reason is returned)."""
    if not (shutil.which("pactl") and shutil.which("parec")):
        return "pactl/parec missing (Debian pulseaudio-utils)"
    if subprocess.run(["pactl", "info"], capture_output=True).returncode != 0:
        subprocess.run(["pulseaudio", "--start", "--exit-idle-time=-1", "--disallow-exit"], capture_output=True)
    sinks = subprocess.run(["pactl", "list", "short", "sinks"], capture_output=True, text=True).stdout
    if NULL_SINK not in sinks:
        subprocess.run(["pactl", "load-module", "module-null-sink", f"sink_name={NULL_SINK}"], capture_output=True)
        sinks = subprocess.run(["pactl", "list", "short", "sinks"], capture_output=True, text=True).stdout
    if NULL_SINK not in sinks:
        return "PulseAudio null sink could not be created"
    subprocess.run(["pactl", "set-default-sink", NULL_SINK], capture_output=True)
    return None


def ensure_speech_dispatcher() -> str | None:
    """Start speech-dispatcher (a no-op when it runs); None when it is running."""
    if not shutil.which("speech-dispatcher"):
        return "speech-dispatcher is not installed"
    subprocess.run(["speech-dispatcher", "--spawn"], capture_output=True, timeout=20)
    return None


class Recorder:
    """``with Recorder(path) as rec: ...`` then ``rec.rms()`` / ``rec.loud_seconds()``."""

    def __init__(self, path: Path):
        self.path = path
        self._proc: subprocess.Popen | None = None

    def __enter__(self) -> Recorder:
        self._handle = open(self.path, "wb")  # noqa: SIM115 - closed in __exit__
        self._proc = subprocess.Popen(
            ["parec", "-d", f"{NULL_SINK}.monitor", "--format=s16le", f"--rate={RATE}", "--channels=1",
             "--latency-msec=50"], stdout=self._handle, stderr=subprocess.DEVNULL)
        time.sleep(0.2)
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._proc is not None
        self._proc.terminate()
        self._proc.wait(5)
        self._handle.close()

    def samples(self) -> array.array:
        data = self.path.read_bytes()
        return array.array("h", data[: len(data) // 2 * 2])

    def rms(self) -> float:
        s = self.samples()
        return math.sqrt(sum(x * x for x in s) / len(s)) if s else 0.0

    def loud_seconds(self, threshold: int = 300) -> float:
        """How much of the recording had sound (20 ms windows above the threshold RMS)."""
        s = self.samples()
        window = RATE // 50
        loud = 0
        for i in range(0, len(s) - window, window):
            part = s[i : i + window]
            if math.sqrt(sum(x * x for x in part) / window) > threshold:
                loud += 1
        return loud / 50
