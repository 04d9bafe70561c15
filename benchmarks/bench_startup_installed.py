#!/usr/bin/env python3
"""Start-up of the installed (PyInstaller) app versus the app run from source, on a private Xvfb screen.

Runs alternate between the two programs (so a change in machine load hits both alike). Two conditions:
  cold  a fresh profile each run: the first start ever (no readings cache)
  warm  one profile per program, filled by an untimed run first: every later start
Each timed run measures, from the moment the process is spawned:
  first_paint_s  until the app logs app.first_paint (the report's text is on screen)
  window_s       until xdotool sees the main window mapped (independent of our event log)
  app_start_s    the app's own app.start stamp (interpreter + imports, from process start)
and is ended as soon as both were seen. Prints one JSON object with medians and the raw runs.

Installed = /usr/bin/fenggang-reader when the .deb is installed, else the bundle packaging/build-deb left in
build/pyinstaller/dist (the same files the .deb puts in /opt). Source = .venv/bin/python -m fenggang_reader.
A bundle older than the sources is flagged: rebuild it first or the comparison is meaningless.
Usage: .venv/bin/python benchmarks/bench_startup_installed.py [--runs 5]
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
sys.path.insert(0, str(ROOT))
from tests.packaging.xdisplay import find_window, xvfb  # noqa: E402

INSTALLED = Path("/usr/bin/fenggang-reader")
INSTALLED_MAIN = Path("/opt/fenggang-reader/fenggang-reader")
BUNDLE = ROOT / "build" / "pyinstaller" / "dist" / "fenggang-reader" / "fenggang-reader"
RUN_TIMEOUT_S = 30
FILL_CACHE_S = 15  # the untimed run that fills a warm profile (readings cache written after warm-up)


def installed_program() -> tuple[list[str], str, Path]:
    if INSTALLED.exists():
        return [str(INSTALLED)], str(INSTALLED), INSTALLED_MAIN
    if BUNDLE.exists():
        return [str(BUNDLE)], str(BUNDLE.relative_to(ROOT)) + " (not installed; same files as /opt)", BUNDLE
    raise SystemExit("bench: neither /usr/bin/fenggang-reader nor a bundle in build/: run packaging/build-deb first")


def newest_source_mtime() -> float:
    files = [p for p in (ROOT / "fenggang_reader").rglob("*.py")] + list((ROOT / "resources").rglob("*"))
    return max(p.stat().st_mtime for p in files if p.is_file())


def _events(path: Path) -> dict[str, dict]:
    records: dict[str, dict] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                records.setdefault(record["event"], record)
    return records


def _env(display: str, home: Path) -> dict[str, str]:
    return {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "FENGGANG_READER_HOME": str(home)}


def fill_profile(command: list[str], display: str, home: Path) -> None:
    """One untimed start that runs long enough to write the caches a second start reads."""
    subprocess.run([*command, "--quit-after", str(FILL_CACHE_S)], env=_env(display, home), timeout=FILL_CACHE_S + 60,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def one_run(command: list[str], display: str, home: Path) -> dict[str, float | None]:
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "events.jsonl"
        spawned = time.time()
        proc = subprocess.Popen([*command, "--quit-after", str(RUN_TIMEOUT_S), "--event-log", str(log)],
                                env=_env(display, home), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        window_s = None
        deadline = time.monotonic() + RUN_TIMEOUT_S
        while time.monotonic() < deadline:
            if window_s is None and find_window(display, "Fenggang", timeout=0.05):
                window_s = time.time() - spawned
            if window_s is not None and "app.first_paint" in _events(log):
                break
            if proc.poll() is not None:  # crashed or quit before painting: counted as missing
                break
            time.sleep(0.02)
        proc.terminate()
        proc.wait(timeout=30)
        records = _events(log)
    paint, start = records.get("app.first_paint"), records.get("app.start")
    return {
        "first_paint_s": round(paint["wall"] - spawned, 3) if paint else None,
        "window_s": round(window_s, 3) if window_s is not None else None,
        "app_start_s": round(start["t"], 3) if start else None,
    }


def summarise(results: list[dict]) -> dict:
    summary: dict = {}
    for key in ("first_paint_s", "window_s", "app_start_s"):
        values = [r[key] for r in results if r[key] is not None]
        summary[f"median_{key}"] = round(statistics.median(values), 3) if values else None
    summary["runs"] = results
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    installed, label, main_file = installed_program()
    programs = {"installed": installed, "source": [str(ROOT / ".venv" / "bin" / "python"), "-m", "fenggang_reader"]}
    results: dict[str, dict[str, list]] = {name: {"cold": [], "warm": []} for name in programs}
    load_before = os.getloadavg()[0]
    with xvfb() as display, tempfile.TemporaryDirectory() as tmp:
        warm_homes = {name: Path(tmp) / f"warm-{name}" for name in programs}
        for name, command in programs.items():
            fill_profile(command, display, warm_homes[name])
            one_run(command, display, Path(tmp) / f"discard-{name}")  # page cache warm for the cold runs too
        for i in range(args.runs):
            for name, command in programs.items():
                results[name]["cold"].append(one_run(command, display, Path(tmp) / f"cold-{name}-{i}"))
                results[name]["warm"].append(one_run(command, display, warm_homes[name]))
    report: dict = {
        "benchmark": "startup_installed_vs_source",
        "runs_each": args.runs,
        "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "installed_program": label,
        "installed_older_than_sources": main_file.stat().st_mtime < newest_source_mtime(),
    }
    for condition in ("cold", "warm"):
        a, b = summarise(results["installed"][condition]), summarise(results["source"][condition])
        ratio = (round(a["median_first_paint_s"] / b["median_first_paint_s"], 3)
                 if a["median_first_paint_s"] and b["median_first_paint_s"] else None)
        report[condition] = {"installed": a, "source": b, "installed_over_source_first_paint": ratio}
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
