#!/usr/bin/env python3
"""Time extract_document (core/documents/extract.py) on the shipped report in every format a reader brings it in:
GBK and UTF-16 Notepad text, hard-wrapped text, the portal page saved as .html and as .mhtml, a Word file with
the notes as footnotes, an EPUB book, and the reader's own large-print PDF (16 pt, pinyin off and on).

The inputs are made as tests/core/documents makes them (tests/support/document_samples.py), the PDFs by the
export-pdf command, once. Each file is read REPEATS times (the PDFs fewer: seconds each). Prints one JSON line a
format: bytes, characters and paragraphs out, wall and CPU medians in ms, the load average.
    .venv/bin/python benchmarks/bench_extract.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fenggang_reader.cli import main as cli  # noqa: E402
from fenggang_reader.core.documents.extract import extract_document  # noqa: E402
from tests.support.document_samples import (  # noqa: E402
    epub_book,
    mhtml,
    notepad_text,
    portal_page,
    report_lines,
    word_document,
    wrapped_text,
)


def inputs(folder: Path) -> dict[str, Path]:
    lines = report_lines()
    made = {
        "txt-gbk": notepad_text(lines).encode("gbk"),
        "txt-utf16": b"\xff\xfe" + notepad_text(lines).encode("utf-16-le"),
        "txt-wrapped": wrapped_text(lines, 60).encode("utf-8"),
        "html": portal_page(lines).encode("utf-8"),
        "mhtml": mhtml(portal_page(lines, "gbk"), "gbk", "base64"),
        "docx": word_document(lines, footnotes=True),
        "epub": epub_book(lines),
    }
    suffixes = {"txt-gbk": ".txt", "txt-utf16": ".txt", "txt-wrapped": ".txt", "html": ".html", "mhtml": ".mhtml",
                "docx": ".docx", "epub": ".epub"}
    paths = {}
    for name, data in made.items():
        paths[name] = folder / f"report-{name}{suffixes[name]}"
        paths[name].write_bytes(data)
    for pinyin in ("off", "on"):
        paths[f"pdf-pinyin-{pinyin}"] = pdf = folder / f"report-{pinyin}.pdf"
        with open(os.devnull, "w") as quiet:
            stdout, sys.stdout = sys.stdout, quiet
            try:
                assert cli(["export-pdf", "--out", str(pdf), "--size", "16", "--pinyin", pinyin]) == 0
            finally:
                sys.stdout = stdout
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for name, path in inputs(Path(folder)).items():
            repeats = max(1, args.repeat // 2) if name.startswith("pdf") else args.repeat
            wall, cpu = [], []
            for _ in range(repeats):
                start, start_cpu = time.perf_counter(), time.process_time()
                extracted = extract_document(path)
                wall.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            print(json.dumps({"format": name, "bytes": path.stat().st_size, "chars": extracted.chars,
                              "paragraphs": len(extracted.paragraphs), "runs": repeats,
                              "wall": round(statistics.median(wall) * 1000, 1),
                              "cpu": round(statistics.median(cpu) * 1000, 1), "load": round(os.getloadavg()[0], 1)}),
                  flush=True)


if __name__ == "__main__":
    main()
