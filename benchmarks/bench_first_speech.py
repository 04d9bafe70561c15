"""The first seconds: Space half a second after the first paint, with no network, gives speech.

    .venv/bin/python benchmarks/bench_first_speech.py [--runs 5] [--space-after 0.5] [--offline-only]

Each run is a fresh app process (offscreen) on a fresh profile that accepted the online voices, with the
Edge endpoint on a closed local port (a dead network; ``--offline-only`` instead sets offline only).
Space is pressed ``--space-after`` seconds after the report's first paint. The sound goes to a private
PulseAudio's null sink, recorded from its monitor; a private speech-dispatcher (already running, as a
desktop's usually is) speaks the offline voice into it. Printed, median and worst over the runs:
- ``paint_to_audible_ms``: first paint → the first sound on the monitor (issue 19 target ≤ 2500 ms);
- ``space_to_audible_ms``: Space → the first sound.
With ``--first-start`` the spoken welcome is under way when Space comes: the paragraph must be read instead.
Before issue 19, Space in the first ~3–5 s said "Reading stopped" and nothing was heard.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LISTEN_S = 8.0  # how long after Space the run waits for sound


def child(space_after_s: float, offline_only: bool, first_start: bool) -> dict:
    """The app, as the reader starts it; prints when it painted and when Space was pressed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    from fenggang_reader.app import create_application
    from fenggang_reader.core.resources import bundled_annotator, load_bundled_report
    from fenggang_reader.core.settings import Settings
    from fenggang_reader.core.storage import AppDirs
    from fenggang_reader.ui.main_window import MainWindow

    app = create_application()
    settings = Settings.load(AppDirs.default().settings_file)
    for name, value in {"welcomed": not first_start, "offer_resume": False, "edge_notice_accepted": True,
                        "offline_only": offline_only, "speech_engine": "edge"}.items():
        settings.values[name] = value
    window = MainWindow(load_bundled_report(), bundled_annotator(), settings)
    times: dict[str, float] = {}
    notices: list[str] = []
    window.announced.connect(notices.append)
    said: list[str] = []  # what the offline voice was asked to say
    heard: list[str] = []  # "engine block-id" at each start of audio

    def watch(feature) -> None:
        feature.voice._say.connect(lambda text, *_args: said.append(text[:24]))
        for backend in (feature.edge, feature.system):
            backend.audio_started.connect(
                lambda b=backend: heard.append(f"{b.engine.value} {b.chunk.block_id if b.chunk else ''}"))

    window.read_aloud.when_built(watch)

    def press() -> None:
        times["space"] = time.perf_counter()
        QTest.keyClick(window.view, " ")

    def painted() -> None:
        if "paint" not in times:
            times["paint"] = time.perf_counter()
            QTimer.singleShot(int(space_after_s * 1000), press)
            QTimer.singleShot(int((space_after_s + LISTEN_S) * 1000), close_when_the_voice_is_up)

    def close_when_the_voice_is_up() -> None:
        """Quit once the system voice is no longer starting: these figures are not about quitting."""
        feature = window.read_aloud.feature()
        if feature.voice.state.value == "starting" and time.perf_counter() - times["paint"] < 40:
            QTimer.singleShot(200, close_when_the_voice_is_up)
        else:
            window.close()

    window.view.first_paint.connect(painted)
    window.resize(800, 600)
    window.show()
    QTimer.singleShot(0, lambda: window.restore_position(offer=True))  # as the app does: the welcome
    app.exec()
    return {**times, "notices": notices, "said": said, "heard": heard}


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nobody listens there once the probe is closed


def run_once(space_after_s: float, offline_only: bool, first_start: bool = False) -> dict:
    from tests.support.sound import PrivatePulseAudio, PrivateSpeechDispatcher, Recorder

    with tempfile.TemporaryDirectory(prefix="bench-first-speech-") as tmp:
        folder = Path(tmp)
        with PrivatePulseAudio(folder / "pulse") as pulse:
            env = {**os.environ, "PULSE_SERVER": pulse.server, "QT_QPA_PLATFORM": "offscreen",
                   "FENGGANG_READER_HOME": str(folder / "home"),
                   "FENGGANG_READER_EDGE_ENDPOINT": f"http://127.0.0.1:{closed_port()}"}
            env.pop("FENGGANG_TEST_SPEECHD", None)
            dispatcher = PrivateSpeechDispatcher(env=env)
            reason = dispatcher.start()
            if reason:
                return {"error": reason}
            env["SPEECHD_ADDRESS"] = dispatcher.address
            try:
                with Recorder(folder / "rec.raw", server=pulse.server) as recorder:
                    result = subprocess.run(
                        [sys.executable, __file__, "--child", "--space-after", str(space_after_s),
                         *(["--offline-only"] if offline_only else []), *(["--first-start"] if first_start else [])],
                        env=env, capture_output=True, text=True, timeout=120)
            finally:
                dispatcher.stop()
            lines = result.stdout.strip().splitlines()
            if result.returncode != 0 or not lines:
                return {"error": f"the app exited with {result.returncode}", "stderr": result.stderr[-3000:]}
            times = json.loads(lines[-1])
            loud = [t for t in recorder.loud_times() if t >= times.get("space", float("inf"))]
    if "space" not in times:
        return {"error": "never painted", "notices": times.get("notices")}
    first = loud[0] if loud else None
    return {
        "paint_to_audible_ms": round((first - times["paint"]) * 1000) if first else None,
        "space_to_audible_ms": round((first - times["space"]) * 1000) if first else None,
        "notices": times["notices"],
        "said": times["said"],
        "heard": times["heard"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--space-after", type=float, default=0.5, help="seconds from the first paint to Space")
    parser.add_argument("--offline-only", action="store_true", help="offline only instead of a dead network")
    parser.add_argument("--first-start", action="store_true", help="a first start: the spoken welcome is playing")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.space_after, args.offline_only, args.first_start)))
        return
    runs = [run_once(args.space_after, args.offline_only, args.first_start) for _ in range(args.runs)]
    audible = [r["paint_to_audible_ms"] for r in runs if r.get("paint_to_audible_ms") is not None]
    after_space = [r["space_to_audible_ms"] for r in runs if r.get("space_to_audible_ms") is not None]
    print(json.dumps({
        "network": "offline only" if args.offline_only else "dead (closed port)",
        "space_after_paint_s": args.space_after,
        "runs": len(runs),
        "silent_runs": len(runs) - len(audible),
        "paint_to_audible_ms": {"median": statistics.median(audible), "worst": max(audible)} if audible else None,
        "space_to_audible_ms": {"median": statistics.median(after_space), "worst": max(after_space)}
        if after_space else None,
        "first_start": args.first_start,
        "first_run": {key: runs[0].get(key) for key in ("notices", "said", "heard")},
        "errors": [r for r in runs if "error" in r],
    }, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
