#!/usr/bin/env python3
"""Time structure_document (core/documents/structure.py) on the shipped report's page text joined to 10k, 100k and
300k characters: the part of opening a document after its paragraphs are read and before the window builds it.

The text is the seed page's report lines (half-width punctuation everywhere, as the scraper left it: the most work
for tidy) repeated; each size is structured REPEATS times. Prints one JSON line a size: characters, blocks, term
uses, wall and CPU medians in ms, the load average.
    .venv/bin/python benchmarks/bench_structure.py
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fenggang_reader.core.documents.extract import ExtractedText  # noqa: E402
from fenggang_reader.core.documents.structure import structure_document  # noqa: E402
from fenggang_reader.core.resources import load_bundled_report  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "000_6efbc55a5a395691.txt"
SIZES = (10_000, 100_000, 300_000)
REPEATS = 7


def page_paragraphs() -> list[str]:
    """The seed page's report lines, or the shipped report's blocks where the seed is not at hand."""
    if SEED.exists():
        lines = SEED.read_text(encoding="utf-8").splitlines()
        start = next(i for i, line in enumerate(lines) if line.replace(" ", "").strip() == "政府工作报告")
        end = next(i for i, line in enumerate(lines) if line.strip().startswith("附件"))
        return [line.strip() for line in lines[start:end] if line.strip()]
    return [b.text for b in load_bundled_report().blocks]


def main() -> None:
    one = page_paragraphs()
    for size in SIZES:
        paragraphs: list[str] = []
        while sum(map(len, paragraphs)) < size:
            paragraphs += one
        while sum(map(len, paragraphs)) > size and len(paragraphs) > 1:
            paragraphs.pop()
        wall, cpu = [], []
        for _ in range(REPEATS):
            start, start_cpu = time.perf_counter(), time.process_time()
            report = structure_document(ExtractedText(paragraphs, None, "html"))
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        print(json.dumps({"chars": sum(map(len, paragraphs)), "blocks": len(report.blocks),
                          "uses": len(report.occurrences), "wall": round(statistics.median(wall) * 1000, 1),
                          "cpu": round(statistics.median(cpu) * 1000, 1), "load": round(os.getloadavg()[0], 1)}))


if __name__ == "__main__":
    main()
