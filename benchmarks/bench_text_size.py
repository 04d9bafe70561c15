"""A text-size change through every size stop (12 → 96 pt and back down), as + and − give them, in the window.

Each change is timed from the call to the viewport repainted (relayout, line-breaking marks, readings' room, the
lines in view justified); then the event loop runs until the rest is justified while idle, as between two key
presses of a reader. Prints JSON (ms): median, p95 and max over the changes, each stop's own figure, the
process's CPU time (which leaves out waiting for a core on a shared machine) and the load average.
    .venv/bin/python benchmarks/bench_text_size.py [--size 800x600] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time

from large_print import load_average, offscreen_application, shown_window, stats, window_arguments

STOPS = (12, 14, 16, 18, 20, 22, 24, 28, 32, 36, 40, 48, 56, 64, 72, 80, 88, 96)  # ui/main_window.FONT_STOPS


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2)
    args, width, height = window_arguments(parser)  # --points is not used: every stop is
    app = offscreen_application("bench-text-size-")
    window = shown_window(app, width, height, font_size=STOPS[0])
    view = window.view
    view.wait_for_warm_up()
    view.set_current_block("y2024-p03")

    def settle() -> None:
        """Run the event loop until nothing is left to do while idle (the justifier's idle pass)."""
        deadline = time.perf_counter() + 10
        while time.perf_counter() < deadline:
            app.processEvents()
            typesetting = getattr(view, "typesetting", None)  # older versions: ReaderView._justifier, or none
            justifier = typesetting.justifier if typesetting is not None else getattr(view, "_justifier", None)
            timer = getattr(justifier, "_timer", None)
            if timer is None or not timer.isActive():
                break

    settle()
    walk = [*STOPS[1:], *reversed(STOPS[:-1])]
    wall: list[float] = []
    cpu: list[float] = []
    per_stop: dict[int, list[float]] = {}
    for _ in range(args.rounds):
        for points in walk:
            start, start_cpu = time.perf_counter(), time.process_time()
            view.set_font_size(points)
            view.viewport().repaint()
            took = (time.perf_counter() - start) * 1000
            wall.append(took)
            cpu.append((time.process_time() - start_cpu) * 1000)
            per_stop.setdefault(points, []).append(took)
            settle()
    print(json.dumps({"window": args.size, "load_average": load_average(), "changes": len(wall),
                      "text_size_change": {**stats(wall), "cpu": stats(cpu)},
                      "per_stop_median_ms": {p: round(statistics.median(t), 1) for p, t in sorted(per_stop.items())}},
                     indent=2))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
