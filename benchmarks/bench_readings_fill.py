#!/usr/bin/env python3
"""A document nobody reviewed, opened in a view with no readings cache: how soon its text is painted, how soon the
pinyin of the first screen follows, how long the whole document takes, and the longest the GUI thread went without
handling an event after the first paint (ui/readings_provider.py computes the readings in a worker thread).

Each run is a new process (pypinyin's import is part of a first open). Prints JSON: medians over the runs, per
document size (characters), and the load average.
    .venv/bin/python benchmarks/bench_readings_fill.py [--runs 3] [--chars 10000,100000] [--points 48]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def one_run(chars: int, points: int) -> dict[str, float]:
    """One open in this process: times in ms from the view's construction."""
    from large_print import offscreen_application

    app = offscreen_application("bench-readings-fill-")
    from PySide6.QtCore import QTimer

    from benchmarks.eval_reading_rules import load_cases
    from fenggang_reader.core.model import Block, BlockKind, Report
    from fenggang_reader.core.pinyin import Annotator
    from fenggang_reader.ui.reader_view import ReaderView

    sentences = [case.text for case in load_cases()]
    blocks, total, n = [], 0, 0
    while total < chars:
        text = "".join(sentences[(n * 3 + k) % len(sentences)] for k in range(3))
        blocks.append(Block(BlockKind.PARAGRAPH, f"d-p{n + 1:05d}", text))
        total += len(text)
        n += 1
    report = Report(blocks)
    marks: dict[str, float] = {}
    start = time.perf_counter()
    view = ReaderView(report, Annotator())
    view.set_font_size(points)
    view.resize(800, 600)
    provider = view.readings_provider
    assert provider is not None
    view.first_paint.connect(lambda: marks.setdefault("first_paint_ms", (time.perf_counter() - start) * 1000))
    stall = [0.0, time.perf_counter()]

    def tick() -> None:  # from the first paint on: how long the GUI thread went without handling its timer
        now = time.perf_counter()
        if "first_paint_ms" in marks:
            stall[0] = max(stall[0], now - stall[1])
        stall[1] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    view.show()
    deadline = time.perf_counter() + 300
    visible: list[int] = []
    while time.perf_counter() < deadline:
        app.processEvents()
        if "first_paint_ms" in marks and not visible:
            visible = sorted(view._lines_near_view(0.0))  # noqa: SLF001 - the blocks on screen
        if visible and "first_screen_ms" not in marks and all(provider.ready(i) for i in visible):
            app.processEvents()
            marks["first_screen_ms"] = (time.perf_counter() - start) * 1000
        if all(provider.ready(i) for i in range(len(blocks))):
            marks["all_ms"] = (time.perf_counter() - start) * 1000
            break
        time.sleep(0.001)
    marks["longest_gui_stall_after_paint_ms"] = stall[0] * 1000
    marks["chars"] = total
    return marks


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chars", default="10000,100000")
    parser.add_argument("--points", type=int, default=48)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one, args.points)))
        return 0
    results = {}
    for chars in (int(c) for c in args.chars.split(",")):
        runs = []
        for _ in range(args.runs):
            out = subprocess.run([sys.executable, __file__, "--one", str(chars), "--points", str(args.points)],
                                 capture_output=True, text=True, check=True, env={**os.environ})
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        results[str(runs[0]["chars"])] = {key: round(statistics.median(r[key] for r in runs), 1)
                                          for key in runs[0] if key != "chars"}
    print(json.dumps({"points": args.points, "window": "800x600", "runs": args.runs,
                      "load_average": [round(x, 2) for x in os.getloadavg()], "median_by_chars": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
