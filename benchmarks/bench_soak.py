"""Soak: read the whole report aloud, continuously, at 2× through the real window against the loopback Edge
service; sample memory (RSS), open files (/proc/self/fd) and threads at every paragraph; print JSON.

    .venv/bin/python benchmarks/bench_soak.py [--speedup 8] [--rate 2.0] [--latency 0.05] [--timeout 900]
                                              [--start BLOCK_ID] [--passes N] [--trace]

The loopback service normally speaks with espeak-ng at natural length (the whole report is ~25 minutes at
2×); here it answers with silent MP3 of the same shape, ``--speedup`` times shorter, with sentence
boundaries placed as the real service places them, so the app does exactly the same work per paragraph
(request, cache write, decode, play, highlight, follow) in a few minutes. Targets: RSS growth ≤ 10 MB
from the warmed-up baseline to the end; open files and threads constant.

Growth that is not Python's (``--trace`` shows Python allocations by line, live objects by type and Qt
objects, baseline to end) is native: bisect by switching parts off. That is how the QIODevice source of
the audio player was found to leak ~32 KB per chunk inside Qt's FFmpeg backend (speech/player.py).
"""

from __future__ import annotations

import argparse
import collections
import gc
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.support import edge_server  # noqa: E402
from tests.support.sound import ensure_null_sink, ensure_speech_dispatcher  # noqa: E402

MS_PER_CHAR = 250.0  # a Mandarin voice at 1× speaks about four characters a second
WARM_UP_PARAGRAPHS = 8  # the baseline is taken after these (caches, the decoder, the system voice are up)


def silent_frame() -> bytes:
    """One MPEG-2 layer III frame of silence at the service's format (24 kHz mono 48 kbit/s, 24 ms)."""
    out = subprocess.run(
        ["ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "anullsrc=r=24000:cl=mono",
         "-t", "0.5", "-c:a", "libmp3lame", "-b:a", "48k", "-write_xing", "0", "-id3v2_version", "0",
         "-write_id3v1", "0", "-f", "mp3", "pipe:1"], check=True, capture_output=True, timeout=60).stdout
    frames = [out[i:i + edge_server.MP3_FRAME_BYTES] for i in range(0, len(out), edge_server.MP3_FRAME_BYTES)]
    return frames[len(frames) // 2]  # from the middle: past the encoder's start-up frames


def speeded_render(speedup: float, frame: bytes):
    """A stand-in for edge_server.render: same boundaries, silent audio, ``speedup`` times shorter."""

    def render(text: str, espeak_voice: str, rate: str, pitch: str, volume: str, words: bool):
        factor = (1 + int(rate[:-1]) / 100) * speedup
        ticks_per_ms = edge_server.TICKS_PER_SECOND // 1000
        position = edge_server.LEAD_SILENCE_S * 1000
        boundaries = []
        for sentence in edge_server.split_sentences(text):
            duration = max(60.0, len(sentence) * MS_PER_CHAR / factor)
            if words:
                tokens = edge_server._WORD.findall(sentence) or [sentence]  # noqa: SLF001 - same tokens as the server
                weight = sum(len(t) for t in tokens)
                cursor = position
                for token in tokens:
                    share = duration * len(token) / weight
                    boundaries.append((token, round(cursor * ticks_per_ms), round(share * ticks_per_ms)))
                    cursor += share
            else:
                boundaries.append((sentence, round(position * ticks_per_ms), round(duration * ticks_per_ms)))
            position += duration
        frames = math.ceil((position + 50) / 24)
        return edge_server.Rendered(frame * frames, boundaries)

    return render


def sample() -> dict:
    status = Path("/proc/self/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return {
        "rss_mb": round(int(fields["VmRSS"].split()[0]) / 1024, 2),
        "fds": len(os.listdir("/proc/self/fd")),
        "threads": int(fields["Threads"]),
        "py_threads": threading.active_count(),
    }


class Tracer:
    """Where the growth is: Python allocations by line (tracemalloc), live objects by type (gc), Qt objects."""

    def __init__(self, window) -> None:
        import tracemalloc

        self.window = window
        tracemalloc.start(8)
        self._snapshot = None
        self._types: collections.Counter[str] = collections.Counter()
        self._qobjects: collections.Counter[str] = collections.Counter()

    def _counts(self) -> tuple[collections.Counter[str], collections.Counter[str]]:
        from PySide6.QtCore import QObject

        gc.collect()
        types = collections.Counter(type(o).__qualname__ for o in gc.get_objects())
        qobjects = collections.Counter(o.metaObject().className()
                                       for o in self.window.findChildren(QObject))
        return types, qobjects

    @staticmethod
    def traced_kb() -> float:
        import tracemalloc

        return round(tracemalloc.get_traced_memory()[0] / 1024, 1)

    def baseline(self) -> None:
        import tracemalloc

        self._types, self._qobjects = self._counts()
        self._snapshot = tracemalloc.take_snapshot()

    def growth(self) -> dict:
        import tracemalloc

        if self._snapshot is None:
            return {}
        types, qobjects = self._counts()
        now = tracemalloc.take_snapshot()
        stats = now.compare_to(self._snapshot, "traceback")[:12]
        return {
            "python_traced_kb": round(tracemalloc.get_traced_memory()[0] / 1024, 1),
            "top_allocations": [{"kb": round(s.size_diff / 1024, 1), "count": s.count_diff,
                                 "where": [f"{f.filename.rsplit('/', 2)[-1]}:{f.lineno}" for f in s.traceback][-4:]}
                                for s in stats],
            "object_types": {k: v for k, v in (types - self._types).most_common(15)},
            "qobjects": {k: v for k, v in (qobjects - self._qobjects).most_common(10)},
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--speedup", type=float, default=8.0, help="audio this many times shorter than natural")
    parser.add_argument("--rate", type=float, default=2.0, help="reading speed setting (0.5-2)")
    parser.add_argument("--latency", type=float, default=0.05, help="server seconds before answering")
    parser.add_argument("--timeout", type=float, default=900.0, help="give up after this many seconds")
    parser.add_argument("--start", default="title", help="block id to start reading at")
    parser.add_argument("--passes", type=int, default=1,
                        help="read the report this many times (growth in later passes separates leaks from caches)")
    parser.add_argument("--trace", action="store_true",
                        help="also report where Python memory and live objects grew (tracemalloc, gc; slower)")
    args = parser.parse_args(argv)
    for reason in (ensure_null_sink(), ensure_speech_dispatcher()):
        if reason:
            print(json.dumps({"skipped": reason}))
            return 0
    home = tempfile.mkdtemp(prefix="fenggang-soak-")
    os.environ["FENGGANG_READER_HOME"] = home
    edge_server.render = speeded_render(args.speedup, silent_frame())

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from fenggang_reader.app import create_application
    from fenggang_reader.core.events import EventLog
    from fenggang_reader.core.resources import bundled_annotator, load_bundled_report
    from fenggang_reader.core.settings import Settings
    from fenggang_reader.core.storage import AppDirs
    from fenggang_reader.speech.controller import ReadState
    from fenggang_reader.ui.main_window import MainWindow

    app = create_application()
    events_path = Path(home) / "events.jsonl"
    with edge_server.EdgeServer(latency=args.latency) as server:
        os.environ["FENGGANG_READER_EDGE_ENDPOINT"] = server.base_url
        settings = Settings.load(AppDirs.default().settings_file)
        for name, value in {"edge_notice_accepted": True, "speech_engine": "edge", "read_continuously": True,
                            "speech_rate": args.rate}.items():
            settings.set(name, value)
        report = load_bundled_report()
        events = EventLog(events_path)
        window = MainWindow(report, bundled_annotator(), settings, events)
        window.resize(1280, 860)
        window.show()
        window.view.wait_for_warm_up()
        controller = window.read_aloud.controller
        samples: list[dict] = []
        started = time.monotonic()
        finished = {"done": False, "pass": 1}

        tracer = Tracer(window) if args.trace else None

        def on_block(block_id: str, index: int) -> None:
            samples.append({"pass": finished["pass"], "index": index, "block": block_id,
                            "t": round(time.monotonic() - started, 2), **sample()})
            if tracer is not None:
                samples[-1]["py_kb"] = tracer.traced_kb()
                if len(samples) == WARM_UP_PARAGRAPHS + 1:
                    tracer.baseline()

        def on_state(state) -> None:
            if state is not ReadState.STOPPED or not samples:
                return
            if samples[-1]["index"] == len(report.blocks) - 1 and finished["pass"] < args.passes:
                finished["pass"] += 1
                window.go_to_block(args.start)
                QTimer.singleShot(300, lambda: window.actions_by_id["speech_play_pause"].trigger())
                return
            finished["done"] = True
            app.quit()

        controller.block_started.connect(on_block)
        controller.state_changed.connect(on_state)
        window.go_to_block(args.start)
        QTimer.singleShot(300, lambda: window.actions_by_id["speech_play_pause"].trigger())
        QTimer.singleShot(int(args.timeout * 1000), app.quit)
        app.exec()
        elapsed = time.monotonic() - started
        after_stop = sample()
        trace = tracer.growth() if tracer is not None else None
        window.close()
        QApplication.processEvents()
        events.close()
    names = [json.loads(line)["event"] for line in events_path.read_text(encoding="utf-8").splitlines()]
    baseline_samples = samples[WARM_UP_PARAGRAPHS:WARM_UP_PARAGRAPHS + 5] or samples[:1]
    tail = samples[-5:] or samples
    rss_base = statistics.median(s["rss_mb"] for s in baseline_samples)
    rss_end = statistics.median(s["rss_mb"] for s in tail)
    steady = samples[WARM_UP_PARAGRAPHS:] or samples
    result = {
        "paragraphs_read": len(samples),
        "report_blocks": len(report.blocks),
        "finished": finished["done"] and bool(samples) and samples[-1]["index"] == len(report.blocks) - 1,
        "seconds": round(elapsed, 1),
        "speedup": args.speedup,
        "rate": args.rate,
        "edge_requests": server.synth_requests,
        "fallbacks": names.count("speech.fallback"),
        "rss_mb": {"first": samples[0]["rss_mb"] if samples else None, "baseline": rss_base, "end": rss_end,
                   "max": max(s["rss_mb"] for s in samples) if samples else None,
                   "growth": round(rss_end - rss_base, 2)},
        "fds": {"min": min(s["fds"] for s in steady), "max": max(s["fds"] for s in steady),
                "after_stop": after_stop["fds"]},
        "threads": {"min": min(s["threads"] for s in steady), "max": max(s["threads"] for s in steady),
                    "py_min": min(s["py_threads"] for s in steady), "py_max": max(s["py_threads"] for s in steady),
                    "after_stop": after_stop["threads"]},
        "targets": {"rss_growth_mb": 10, "fds": "constant", "threads": "constant"},
    }
    # Files and threads come and go with each request and decode (a socket, FFmpeg's threads), so a sample
    # depends on the moment it is taken: "constant" means the second half of the reading sets no new high.
    half = len(steady) // 2
    for name in ("fds", "threads"):
        result[name]["max_first_half"] = max((s[name] for s in steady[:half]), default=None)
        result[name]["max_second_half"] = max((s[name] for s in steady[half:]), default=None)
    result["within_targets"] = result["rss_mb"]["growth"] <= 10 and all(
        result[n]["max_second_half"] is not None and result[n]["max_first_half"] is not None
        and result[n]["max_second_half"] <= result[n]["max_first_half"] for n in ("fds", "threads"))
    for later in range(2, args.passes + 1):
        in_pass = [s["rss_mb"] for s in samples if s["pass"] == later]
        if in_pass:
            result["rss_mb"][f"growth_in_pass_{later}"] = round(in_pass[-1] - in_pass[0], 2)
    if trace is not None:
        result["trace"] = trace
    result["samples"] = [{k: s[k] for k in ("pass", "index", "t", "rss_mb", "fds", "threads", "py_kb") if k in s}
                         for s in samples]
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
