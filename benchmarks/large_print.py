"""What the large-print benchmarks (bench_paging, bench_resize, bench_text_size) share: the text size and window
they run at, an offscreen application with a home of its own, the window as a reader opens it, and the statistics
they print."""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile


def window_arguments(parser: argparse.ArgumentParser) -> tuple[argparse.Namespace, int, int]:
    """``parser``'s arguments with --points (default 96) and --size (default 800x600): (arguments, width, height)."""
    parser.add_argument("--points", type=int, default=96)
    parser.add_argument("--size", default="800x600")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    return args, width, height


def offscreen_application(prefix: str):
    """The reader's application on the offscreen platform, with a new home (no settings, no caches)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["FENGGANG_READER_HOME"] = tempfile.mkdtemp(prefix=prefix)
    from fenggang_reader.app import create_application

    return create_application()


def shown_window(app, width: int, height: int, **values):
    """The main window with the shipped report and readings and these settings, shown at width × height."""
    from fenggang_reader.core.reader_annotator import preload_readings
    from fenggang_reader.core.resources import bundled_annotator, load_bundled_report
    from fenggang_reader.core.settings import Settings
    from fenggang_reader.ui.main_window import MainWindow

    settings = Settings()
    for name, value in values.items():
        settings.set(name, value)
    report, annotator = load_bundled_report(), bundled_annotator()
    preload_readings(annotator, report)
    window = MainWindow(report, annotator, settings)
    window.resize(width, height)
    window.show()
    app.processEvents()
    return window


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def stats(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {"median_ms": round(statistics.median(times), 2), "p95_ms": round(ordered[int(len(times) * 0.95)], 2),
            "max_ms": round(max(times), 2)}
