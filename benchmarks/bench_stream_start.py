"""Space → first sound when the online voice streams slowly: the first audio after 0.1 s, the last 1.6 s later.

    .venv/bin/python benchmarks/bench_stream_start.py [--runs 5] [--trickle 1.5] [--source DIR]

Each run is a fresh app process (offscreen, 800×600, 96 pt) on a profile that accepted the online voices,
reading paragraph y2024-p01 (long sentences) with Edge; the Edge endpoint is the loopback server with the
``slow_trickle`` fault on every request (first audio 0.1 s after the answer starts, then 240 ms pieces, the
last one ``--trickle`` seconds after the first). Space is pressed two seconds after the first paint. Sound
goes to a private PulseAudio's null sink, recorded from its monitor. Printed, median and worst over the runs:
- ``space_to_audible_ms``: Space → the first sound on the monitor;
- ``fallbacks``: runs in which the offline voice took over (the stream was abandoned), which must be none.
One untimed run first lets the server render the sentences (espeak-ng), so the runs time only the stream.
``--source DIR`` runs the app from another checkout (e.g. a worktree of an older commit) to compare: before
streaming playback the player waited for the whole sentence, and before that the stream was abandoned at 1.5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCK = "y2024-p01"
SPACE_AFTER_S = 2.0
LISTEN_S = 8.0


def child() -> dict:
    """The app, as the reader starts it; prints when Space was pressed and which voices were heard."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    from fenggang_reader.app import create_application
    from fenggang_reader.core.resources import bundled_annotator, load_bundled_report
    from fenggang_reader.core.settings import Settings
    from fenggang_reader.core.storage import AppDirs
    from fenggang_reader.ui.main_window import MainWindow

    app = create_application()
    settings = Settings.load(AppDirs.default().settings_file)
    for name, value in {"welcomed": True, "offer_resume": False, "edge_notice_accepted": True,
                        "offline_only": False, "speech_engine": "edge", "font_size": 96}.items():
        settings.values[name] = value
    report = load_bundled_report()
    window = MainWindow(report, bundled_annotator(), settings)
    times: dict[str, float] = {}
    heard: list[str] = []  # the engine at each start of audio
    notices: list[str] = []
    window.announced.connect(notices.append)

    def watch(feature) -> None:
        for backend in (feature.edge, feature.system):
            backend.audio_started.connect(lambda b=backend: heard.append(b.engine.value))

    window.read_aloud.when_built(watch)

    def press() -> None:
        window.view.set_current_index(report.index_of(BLOCK))
        times["space"] = time.perf_counter()
        QTest.keyClick(window.view, " ")
        QTimer.singleShot(int(LISTEN_S * 1000), window.close)

    def painted() -> None:
        if "paint" not in times:
            times["paint"] = time.perf_counter()
            QTimer.singleShot(int(SPACE_AFTER_S * 1000), press)

    window.view.first_paint.connect(painted)
    window.resize(800, 600)
    window.show()
    app.exec()
    return {**times, "heard": heard, "notices": [n for n in notices if "Paragraph" not in n]}


def run_once(server_url: str, source: Path) -> dict:
    from tests.support.sound import PrivatePulseAudio, Recorder

    with tempfile.TemporaryDirectory(prefix="bench-stream-start-") as tmp:
        folder = Path(tmp)
        with PrivatePulseAudio(folder / "pulse") as pulse:
            env = {**os.environ, "PULSE_SERVER": pulse.server, "QT_QPA_PLATFORM": "offscreen",
                   "FENGGANG_READER_HOME": str(folder / "home"), "FENGGANG_READER_EDGE_ENDPOINT": server_url,
                   "PYTHONPATH": str(source)}
            with Recorder(folder / "rec.raw", server=pulse.server) as recorder:
                result = subprocess.run([sys.executable, __file__, "--child", "--source", str(source)],
                                        env=env, capture_output=True, text=True, timeout=120)
            lines = result.stdout.strip().splitlines()
            if result.returncode != 0 or not lines:
                return {"error": f"the app exited with {result.returncode}", "stderr": result.stderr[-3000:]}
            times = json.loads(lines[-1])
            loud = [t for t in recorder.loud_times() if t >= times.get("space", float("inf"))]
    first = loud[0] if loud else None
    return {"space_to_audible_ms": round((first - times["space"]) * 1000) if first else None,
            "heard": times["heard"], "notices": times["notices"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--trickle", type=float, default=1.5, help="seconds from the first audio piece to the last")
    parser.add_argument("--source", type=Path, default=ROOT, help="the checkout whose app is measured")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(args.source.resolve()))
    if args.child:
        print(json.dumps(child()))
        return
    sys.path.insert(0, str(ROOT))  # the loopback server and the sound helpers are this checkout's
    from tests.support.edge_server import EdgeServer

    with EdgeServer(trickle_s=args.trickle) as server:
        server.set_fault("slow_trickle")
        run_once(server.base_url, args.source.resolve())  # untimed: the server renders the sentences once
        runs = [run_once(server.base_url, args.source.resolve()) for _ in range(args.runs)]
    audible = [r["space_to_audible_ms"] for r in runs if r.get("space_to_audible_ms") is not None]
    print(json.dumps({
        "source": str(args.source),
        "trickle_s": args.trickle,
        "runs": len(runs),
        "silent_runs": len(runs) - len(audible),
        "space_to_audible_ms": {"median": statistics.median(audible), "worst": max(audible)} if audible else None,
        "fallbacks": sum(1 for r in runs if "system" in r.get("heard", [])),
        "first_run": {key: runs[0].get(key) for key in ("heard", "notices")},
        "errors": [r for r in runs if "error" in r],
    }, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
