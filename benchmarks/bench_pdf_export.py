"""What exporting the whole report as a large-print PDF costs: `fenggang-reader export-pdf` as a user runs it.

Each run is a process of its own (start, layout, painting, the PDF's navigation and text layer), timed from the
outside; the CPU seconds it used are printed beside the wall time, since on a shared machine the wall time
follows the load. Prints JSON (medians over --runs, the load average before and after):
    .venv/bin/python benchmarks/bench_pdf_export.py [--size 36 ...] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _one_export(size: int, out: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one export-pdf process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "fenggang_reader", "export-pdf", "--out", str(out), "--size", str(size)],
                   check=True, capture_output=True, cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, action="append", help="text size in points (default 36; repeatable)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    result: dict[str, object] = {"load_before": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as folder:
        for size in args.size or [36]:
            runs = [_one_export(size, Path(folder) / f"report-{size}.pdf") for _ in range(args.runs)]
            result[f"{size}pt"] = {"wall_s": round(statistics.median(wall for wall, _ in runs), 2),
                                   "cpu_s": round(statistics.median(cpu for _, cpu in runs), 2)}
    result["load_after"] = os.getloadavg()[0]
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
