"""Reader core benchmarks: cold start to first paint with pinyin, font-size change, frame paint at
16/48/96 pt, RSS after load — each beside the bare QMainWindow + QTextBrowser floor, in one run.

Start-up is measured from process spawn to the first paint with pinyin, for the usual start (the
readings cache left by an earlier start) and the first-ever start. Prints JSON (medians over runs). Targets (issue 2): start ≤ 3× floor, font change ≤ 50 ms,
any frame ≤ 16 ms up to 96 pt, RSS ≤ 200 MB.
    .venv/bin/python benchmarks/bench_reader.py [--runs 5]
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


def _env(home: str) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FENGGANG_READER_HOME": home}


def _start_once(home: str) -> float:
    log = Path(home) / "events.jsonl"
    log.unlink(missing_ok=True)
    start = time.time()
    subprocess.run([sys.executable, "-m", "fenggang_reader", "--event-log", str(log), "--quit-after", "0.5"],
                   env=_env(home), check=True, capture_output=True, cwd=ROOT)
    events = [json.loads(line) for line in log.read_text().splitlines()]
    return next(e for e in events if e["event"] == "app.first_paint")["wall"] - start


def cold_start_app(runs: int) -> tuple[list[float], list[float]]:
    """(usual starts: a new process with the readings cache of an earlier start; first-ever starts)."""
    usual, first = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            first.append(_start_once(home))
            usual.append(_start_once(home))
    return usual, first


def cold_start_floor(runs: int) -> tuple[list[float], list[float]]:
    times, rss = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            start = time.time()
            out = subprocess.run([sys.executable, str(ROOT / "benchmarks/floor_app.py")], env=_env(home),
                                 check=True, capture_output=True, text=True).stdout
            data = json.loads(out.strip().splitlines()[-1])
            times.append(data["first_paint_wall"] - start)
            rss.append(data["rss_mb"])
    return times, rss


IN_PROCESS = r'''
import json, statistics, sys, time
from pathlib import Path
from fenggang_reader.app import create_application
app = create_application()
from fenggang_reader.core.resources import load_bundled_report, bundled_annotator
from fenggang_reader.core.settings import Settings
from fenggang_reader.ui.main_window import MainWindow
from PySide6.QtWidgets import QTextBrowser
def rss():
    return next(int(l.split()[1]) / 1024 for l in Path("/proc/self/status").read_text().splitlines() if l.startswith("VmRSS:"))
w = MainWindow(load_bundled_report(), bundled_annotator(), Settings()); w.resize(1280, 860); w.show()
app.processEvents(); w.view.wait_for_warm_up(); app.processEvents()
out = {"rss_after_load_mb": rss()}
v = w.view
def frames(widget, set_size):
    result = {}
    for size in (16, 48, 96):
        set_size(size); app.processEvents()
        bar = widget.verticalScrollBar(); ts = []
        for i in range(40):
            bar.setValue(int(bar.maximum() * i / 40)); app.processEvents()
            t = time.perf_counter(); widget.viewport().repaint(); ts.append((time.perf_counter() - t) * 1000)
        result[str(size)] = {"median_ms": round(statistics.median(ts), 2), "max_ms": round(max(ts), 2)}
    return result
out["frame"] = frames(v, v.set_font_size)
ts = []
for size in (20, 24, 28, 32, 36, 40, 48, 40, 36, 32, 28, 24) * 2:
    t = time.perf_counter(); v.set_font_size(size); v.viewport().repaint(); ts.append((time.perf_counter() - t) * 1000)
out["font_change_ms"] = {"median": round(statistics.median(ts), 2), "max": round(max(ts), 2)}
b = QTextBrowser(); b.setPlainText(v.report.plain_text()); b.resize(1280, 860); b.show(); app.processEvents()
def floor_size(pt):
    f = b.font(); f.setPointSize(pt); b.setFont(f)
out["floor_frame"] = frames(b, floor_size)
ts = []
for size in (20, 24, 28, 32, 36, 40, 48, 40, 36, 32, 28, 24) * 2:
    t = time.perf_counter(); floor_size(size); b.document().documentLayout().documentSize(); b.viewport().repaint(); ts.append((time.perf_counter() - t) * 1000)
out["floor_font_change_ms"] = {"median": round(statistics.median(ts), 2), "max": round(max(ts), 2)}
print(json.dumps(out))
'''


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app_times, first_times = cold_start_app(args.runs)
    floor_times, floor_rss = cold_start_floor(args.runs)
    with tempfile.TemporaryDirectory() as home:
        inproc = json.loads(subprocess.run([sys.executable, "-c", IN_PROCESS], env=_env(home), check=True,
                                           capture_output=True, text=True, cwd=ROOT).stdout.strip().splitlines()[-1])
    app_median, floor_median = statistics.median(app_times), statistics.median(floor_times)
    result = {
        "cold_start_to_first_paint_s": {"app_median": round(app_median, 3), "floor_median": round(floor_median, 3),
                                         "ratio": round(app_median / floor_median, 2), "runs": args.runs,
                                         "note": "new process; readings cache from an earlier start"},
        "first_ever_start_to_first_paint_s": {"app_median": round(statistics.median(first_times), 3),
                                              "ratio": round(statistics.median(first_times) / floor_median, 2),
                                              "note": "new home: readings from the shipped file, settings created"},
        "font_change_ms": inproc["font_change_ms"],
        "floor_font_change_ms": inproc["floor_font_change_ms"],
        "frame_paint_ms": inproc["frame"],
        "floor_frame_paint_ms": inproc["floor_frame"],
        "rss_after_load_mb": {"app": round(inproc["rss_after_load_mb"], 1),
                              "floor": round(statistics.median(floor_rss), 1)},
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
