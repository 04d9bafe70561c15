"""Reading by screens: PgDown (and Down) through the whole report at 96 pt in an 800×600 window.

Each step is timed from the key's action to the next screen painted (the viewport repainted synchronously,
pinyin included), over every screen of the report: wall time, and the process's CPU time (which leaves out
waiting for a core when the machine is shared). Prints JSON (ms) with the load average. Target (issue 14): PgDown at 96 pt,
median ≤ 50 ms, max ≤ 100 ms. Between two steps (--between): one turn of the event loop (``turn``, the default), none
(``none``: keys faster than the idle work, as a held key and the walk tests in tests/ui/test_reading_by_screens.py),
or the idle work run to its end (``idle``: a reader's pause; its CPU is reported as ``idle_cpu``).
    .venv/bin/python benchmarks/bench_paging.py [--points 96] [--size 800x600] [--between turn|none|idle]
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time

from large_print import load_average, offscreen_application, stats, window_arguments


def walk(window, app, action_id: str, between: str) -> tuple[list[float], list[float], list[float]]:
    """(wall ms, CPU ms) of each step, and the CPU ms of the idle work after it (``between`` idle); CPU time leaves
    out waiting for a core on a shared, loaded machine."""
    view = window.view
    view.verticalScrollBar().setValue(0)
    view.set_current_index(0)
    app.processEvents()
    if between == "idle":
        idle_to_the_end(view, app)
    action = window.actions_by_id[action_id]
    wall: list[float] = []
    cpu: list[float] = []
    idle: list[float] = []
    last = None
    while True:
        start, start_cpu = time.perf_counter(), time.process_time()
        action.trigger()
        view.viewport().repaint()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        if between == "turn":
            app.processEvents()
        elif between == "idle":
            idle.append(idle_to_the_end(view, app))
        here = (view.verticalScrollBar().value(), view.current_index())
        if here == last:
            return wall[:-1], cpu[:-1], idle[:-1]  # the last press found the end: nothing new to paint
        last = here


def idle_to_the_end(view, app) -> float:
    """Turn the event loop until the justifier's idle work is done (bounded); its CPU ms."""
    timer = view.typesetting.justifier._timer
    start_cpu = time.process_time()
    for _ in range(10_000):
        if not timer.isActive():
            break
        app.processEvents()
    return (time.process_time() - start_cpu) * 1000



def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--between", choices=("turn", "none", "idle"), default="turn")
    args, width, height = window_arguments(parser)
    app = offscreen_application("bench-paging-")
    from fenggang_reader.core.resources import bundled_annotator, load_bundled_report
    from fenggang_reader.core.settings import Settings
    from fenggang_reader.ui.main_window import MainWindow

    result: dict[str, object] = {"points": args.points, "window": args.size, "between": args.between,
                                 "load_average": load_average()}
    for contents in (False, True):
        settings = Settings()
        settings.set("font_size", args.points)
        settings.set("contents_visible", contents)
        window = MainWindow(load_bundled_report(), bundled_annotator(), settings)
        window.resize(width, height)
        window.show()
        app.processEvents()
        window.view.wait_for_warm_up()
        app.processEvents()
        gc.freeze()  # as the app does 2 s after its first paint (fenggang_reader/app.py)
        label = "contents_panel_open" if contents else "contents_panel_closed"
        result[label] = {"viewport": [window.view.viewport().width(), window.view.viewport().height()]}
        for action_id, name in (("page_down", "pgdown"), ("next_paragraph", "down")):
            wall, cpu, idle = walk(window, app, action_id, args.between)
            result[label][name] = {"steps": len(wall), **stats(wall), "cpu": stats(cpu),
                                   **({"idle_cpu": stats(idle)} if idle else {})}
        window.close()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
