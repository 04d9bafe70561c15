"""Read-aloud timings through the real controller, player and voices; prints JSON medians.

    .venv/bin/python benchmarks/bench_speech.py [--runs 7] [--latency 0.2]

Needs PulseAudio (a null sink is made the default), speech-dispatcher + espeak-ng and ffmpeg; Edge is the
loopback server with ``--latency`` seconds before each answer. "Key press" is the controller's play(),
what Space calls. Two clocks for every start:
- ``*_first_audio_ms``: play() → the first sample handed to the device (the app's speech.audio_start).
- ``*_audible_ms``: play() → sound on the null sink's monitor, minus the silence the audio itself
  begins with (Edge-format audio starts with ~100 ms of it, like the real service). Not corrected for
  the system voice, whose audio we cannot see. play() is placed in the recording by the number of
  samples parec had written at that moment, which lags real time by its ~10 ms latency: the audible
  figures err late, never early.
Gaps in continuous reading: end of one paragraph's audio (the player's EndOfMedia) → the next one's first
sample. UI stall: the worst lateness of a 10 ms QTimer heartbeat while speaking. Memory: RSS growth while
reading the ten notes (notes … note-9) at 2×, after a warm-up paragraph.
Targets (issue 5): cache ≤ 150 ms, system ≤ 400 ms, Edge ≤ latency + 150 ms, gap ≤ 150 ms, stall ≤ 50 ms,
growth ≤ 10 MB.
"""

from __future__ import annotations

import argparse
import array
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FENGGANG_READER_HOME", tempfile.mkdtemp(prefix="bench-speech-"))

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt, QTimer  # noqa: E402

from fenggang_reader.core.resources import load_bundled_report  # noqa: E402
from fenggang_reader.core.spoken import prepare_block  # noqa: E402
from fenggang_reader.speech.backend import EdgeBackend, SystemBackend  # noqa: E402
from fenggang_reader.speech.cache import AudioCache  # noqa: E402
from fenggang_reader.speech.controller import ReadAloudController, ReadState, SpeechConfig  # noqa: E402
from fenggang_reader.speech.edge import EdgeSynthesizer  # noqa: E402
from fenggang_reader.speech.system import SystemVoice  # noqa: E402
from fenggang_reader.speech.types import Engine, VoiceParams  # noqa: E402
from tests.support.edge_server import EdgeServer  # noqa: E402
from tests.support.sound import RATE, Recorder, ensure_null_sink, ensure_speech_dispatcher  # noqa: E402

LOUD = 300  # RMS of a 5 ms window that counts as sound (as tests/support/sound.py)
START_BLOCKS = ("speaker", "salutation", "part-2024", "part-2025", "occasion", "intro-p01", "title")


def rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def content_lead_ms(mp3: bytes) -> float:
    """Where sound starts inside the audio itself (decoded with ffmpeg)."""
    pcm = subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-i", "pipe:0", "-f", "s16le", "-ac", "1",
                          "-ar", str(RATE), "pipe:1"], input=mp3, capture_output=True, check=True).stdout
    samples = array.array("h", pcm[: len(pcm) // 2 * 2])
    window = RATE // 200
    for i in range(0, len(samples) - window, window):
        part = samples[i : i + window]
        if math.sqrt(sum(x * x for x in part) / window) > LOUD:
            return i / RATE * 1000
    return 0.0


class Heartbeat:
    """A 10 ms timer on the UI thread; ``worst`` is its largest lateness since ``reset``."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer(interval=10)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.reset()

    def reset(self) -> None:
        self.clock.start()
        self.last = 0
        self.worst = 0

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.worst = max(self.worst, now - self.last - 10)
        self.last = now


class Bench:
    def __init__(self, app: QCoreApplication, server: EdgeServer, voice: SystemVoice, cache_dir: Path):
        self.app = app
        self.report = load_bundled_report()
        self.synth = EdgeSynthesizer(endpoint=server.base_url)
        self.cache = AudioCache(cache_dir)
        self.edge = EdgeBackend(lambda: self.synth, self.cache)
        self.system = SystemBackend(voice)
        self.config = SpeechConfig(params=VoiceParams(rate=2.0), edge_allowed=True, continuous=False)
        self.controller = ReadAloudController(self.report, lambda b: prepare_block(b, self.report), self.system,
                                              self.edge, lambda: self.config)
        self.marks: dict[str, float] = {}
        self.edge.audio_started.connect(lambda: self._mark("start"))
        self.system.audio_started.connect(lambda: self._mark("start"))
        self.edge.player.finished.connect(lambda: self._mark("end"))
        self.heart = Heartbeat()
        self.stalls: list[int] = []  # worst heartbeat lateness per start
        self.recorder: Recorder | None = None

    def _mark(self, name: str) -> None:
        self.marks.setdefault(name, time.perf_counter())

    def pump_until(self, done, timeout: float) -> bool:
        deadline = time.perf_counter() + timeout
        while not done() and time.perf_counter() < deadline:
            self.app.processEvents()
            time.sleep(0.001)
        return done()

    def start_once(self, block_id: str) -> tuple[float, int, float]:
        """play() → first sample (ms), play()'s place in the recording, and the lead silence played (ms)."""
        self.pump_until(lambda: False, 1.0)  # the last voice fully silent (a cancel takes a moment to be heard)
        self.marks.clear()
        self.heart.reset()
        at = self.recorder.mark() if self.recorder is not None else 0
        pressed = time.perf_counter()
        self.controller.play(self.report.index_of(block_id))
        if not self.pump_until(lambda: "start" in self.marks, 20):
            raise RuntimeError(f"no audio for {block_id} ({self.controller.engine})")
        first = (self.marks["start"] - pressed) * 1000
        audio = self.edge.player.audio if self.controller.engine is Engine.EDGE else None
        mp3 = audio.mp3 if audio is not None else b""
        self.pump_until(lambda: False, 0.6)  # let it be heard
        self.stalls.append(self.heart.worst)
        self.controller.stop()
        lead = content_lead_ms(mp3) if mp3 else 0.0  # off the clock: ffmpeg runs on this thread
        return first, at, lead

    def starts(self, runs: int, prepare) -> tuple[list[float], list[tuple[int, float]]]:
        firsts, pressed = [], []
        for i in range(runs):
            block = START_BLOCKS[i % len(START_BLOCKS)]
            prepare(block)
            first, at, lead = self.start_once(block)
            firsts.append(first)
            pressed.append((at, lead))
        return firsts, pressed

    def continuous(self, first: str, count: int) -> tuple[list[float], float, float]:
        """Read ``count`` blocks on from ``first``: gaps (ms), worst UI stall (ms), RSS growth (MB)."""
        self.config = SpeechConfig(params=VoiceParams(rate=2.0), edge_allowed=True, continuous=True)
        start = self.report.index_of(first)
        gaps: list[float] = []
        ends: list[float] = []
        self.edge.player.finished.connect(lambda: ends.append(time.perf_counter()))
        begins: list[float] = []
        self.edge.audio_started.connect(lambda: begins.append(time.perf_counter()))
        before = rss_mb()
        self.heart.reset()
        self.controller.play(start)
        self.pump_until(lambda: self.controller.index >= start + count or self.controller.state is ReadState.STOPPED,
                        600)
        stall = self.heart.worst
        self.controller.stop()
        growth = rss_mb() - before
        for end in ends:
            after = [b for b in begins if b >= end]
            if after:
                gaps.append((after[0] - end) * 1000)
        return gaps, stall, growth


def audible(recorder: Recorder, pressed: list[tuple[int, float]]) -> list[float]:
    out = []
    for at, lead in pressed:
        onset = recorder.first_loud_after(at, LOUD)
        if onset is not None:
            out.append(onset * 1000 - lead)
    return out


def median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--latency", type=float, default=0.2, help="the Edge server's delay before answering (s)")
    args = parser.parse_args()
    for reason in (ensure_null_sink(), ensure_speech_dispatcher()):
        if reason:
            sys.exit(f"bench_speech: {reason}")
    app = QCoreApplication([])
    voice = SystemVoice.shared()
    if not voice.wait_ready(30000):
        sys.exit(f"bench_speech: no system voice: {voice.error_message}")
    tmp = Path(tempfile.mkdtemp(prefix="bench-speech-"))
    with EdgeServer(latency=args.latency) as server:
        bench = Bench(app, server, voice, tmp / "cache")
        bench.heart.timer.start()
        result: dict[str, object] = {"runs": args.runs, "edge_server_latency_ms": round(args.latency * 1000)}
        with Recorder(tmp / "starts.raw", latency_ms=10) as rec:
            bench.recorder = rec
            # From the cache: every block heard once first (that also warms the player and the server).
            for block in START_BLOCKS:
                bench.start_once(block)
            bench.stalls.clear()
            cache_first, cache_at = bench.starts(args.runs, lambda _b: None)
            # Edge, nothing cached: the server's latency plus what we add.
            edge_first, edge_at = bench.starts(args.runs, lambda _b: bench.cache.clear())
            # The system voice.
            bench.config = SpeechConfig(params=VoiceParams(rate=2.0), preferred=Engine.SYSTEM, continuous=False)
            system_first, system_at = bench.starts(args.runs, lambda _b: None)
            bench.config = SpeechConfig(params=VoiceParams(rate=2.0), edge_allowed=True, continuous=False)
        result.update({
            "cache_first_audio_ms": median(cache_first),
            "cache_audible_ms": median(audible(rec, cache_at)),
            "edge_first_audio_ms": median(edge_first),
            "edge_audible_ms": median(audible(rec, edge_at)),
            "system_first_audio_ms": median(system_first),
            "system_audible_ms_uncorrected": median(audible(rec, system_at)),
            "ui_stall_during_starts_ms_max": max(bench.stalls),
        })
        bench.recorder = None
        bench.start_once("intro-p01")  # warm-up paragraph before measuring memory
        gaps, stall, growth = bench.continuous("notes", 10)
        result.update({
            "paragraph_gap_ms_median": median(gaps),
            "paragraph_gap_ms_max": round(max(gaps), 1) if gaps else None,
            "paragraph_gaps": len(gaps),
            "ui_stall_while_reading_ms": stall,
            "rss_growth_mb_10_notes_2x": round(growth, 1),
        })
        bench.controller.shutdown()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
