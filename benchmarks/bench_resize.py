"""Resizing the reader at a large size: the window widened and narrowed by 5-pixel steps, each step timed from the
resize to the viewport repainted (reflow, line-breaking marks, pinyin with its room), and a font size change.

Prints JSON (ms): median, p95 and max of each, wall time and the process's CPU time (which leaves out waiting
for a core on a shared machine), for pinyin (tone marks) and zhuyin.
    .venv/bin/python benchmarks/bench_resize.py [--points 96] [--size 800x600] [--steps 40]
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from large_print import load_average, offscreen_application, shown_window, stats, window_arguments


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=40)
    args, width, height = window_arguments(parser)
    app = offscreen_application("bench-resize-")
    result: dict[str, object] = {"points": args.points, "window": args.size,
                                 "load_average": load_average()}
    for style in ("marks", "zhuyin"):
        window = shown_window(app, width, height, font_size=args.points, pinyin_style=style)
        window.view.set_current_block("y2024-p01")
        app.processEvents()
        steps: list[float] = []
        steps_cpu: list[float] = []
        for step in [*range(args.steps), *range(args.steps, 0, -1)]:
            start, start_cpu = time.perf_counter(), time.process_time()
            window.resize(width + 5 * step, height)
            app.processEvents()
            window.view.viewport().repaint()
            steps.append((time.perf_counter() - start) * 1000)
            steps_cpu.append((time.process_time() - start_cpu) * 1000)
        sizes: list[float] = []
        sizes_cpu: list[float] = []
        for points in (args.points - 8, args.points) * 5:
            start, start_cpu = time.perf_counter(), time.process_time()
            window.view.set_font_size(points)
            window.view.viewport().repaint()
            sizes.append((time.perf_counter() - start) * 1000)
            sizes_cpu.append((time.process_time() - start_cpu) * 1000)
        result[style] = {"resize_5px_step": {**stats(steps), "cpu": stats(steps_cpu)},
                         "font_size_change": {**stats(sizes), "cpu": stats(sizes_cpu)}}
        window.close()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
