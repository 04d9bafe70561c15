#!/usr/bin/env python3
"""Smoke-launch a built or installed Fenggang Reader: it must open its window, paint the report and quit cleanly.

Usage: python packaging/ci/smoke.py PROGRAM [--seconds N]
Starts PROGRAM --quit-after N --event-log <tmp>, waits for it, and checks the event log for app.start,
app.first_paint and app.quit and the exit status 0. Works on Windows, macOS and Linux (stdlib only); a
windowed Windows .exe is waited for like any other process. Used by .github/workflows/release.yml.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def smoke(program: str, seconds: float) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        events = Path(tmp) / "events.jsonl"
        env = {**os.environ, "FENGGANG_READER_HOME": str(Path(tmp) / "home")}
        started = time.monotonic()
        result = subprocess.run([program, "--quit-after", str(seconds), "--event-log", str(events)], env=env,
                                capture_output=True, text=True, timeout=seconds + 120)
        elapsed = time.monotonic() - started
        records = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines()] if events.exists() else []
    names = [r["event"] for r in records]
    paint = next((r["t"] for r in records if r["event"] == "app.first_paint"), None)
    print(json.dumps({"program": program, "exit": result.returncode, "events": names, "first_paint_s": paint,
                      "elapsed_s": round(elapsed, 2)}))
    problems = []
    if result.returncode != 0:
        problems.append(f"exit status {result.returncode}")
    for needed in ("app.start", "app.first_paint", "app.quit"):
        if needed not in names:
            problems.append(f"no {needed} event")
    if problems:
        print("smoke: FAILED: " + "; ".join(problems), file=sys.stderr)
        print(result.stdout[-3000:], result.stderr[-3000:], sep="\n", file=sys.stderr)
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program")
    parser.add_argument("--seconds", type=float, default=8.0)
    args = parser.parse_args()
    return smoke(args.program, args.seconds)


if __name__ == "__main__":
    sys.exit(main())
