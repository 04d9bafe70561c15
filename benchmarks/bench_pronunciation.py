"""Pinyin corrections: how long the reader waits for F2 → dialog, OK → the new pinyin painted, and the
一/不 tone switch → repainted (all in one offscreen window at 28 pt, 1280×860). Prints JSON (medians, ms).

    .venv/bin/python benchmarks/bench_pronunciation.py [--runs 10]
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["FENGGANG_READER_HOME"] = home
        print(json.dumps(measure(args.runs), indent=1))
    return 0


def measure(runs: int) -> dict[str, object]:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from fenggang_reader.app import create_application
    from fenggang_reader.core.resources import bundled_annotator, load_bundled_report
    from fenggang_reader.core.settings import Settings
    from fenggang_reader.ui.main_window import MainWindow

    app = create_application()
    report = load_bundled_report()
    window = MainWindow(report, bundled_annotator(), Settings())
    window.resize(1280, 860)
    window.show()
    QApplication.processEvents()
    window.view.viewport().repaint()  # the first paint starts the pinyin warm-up; let it finish
    window.view.wait_for_warm_up()
    view, feature = window.view, window.pronunciation
    index = next(i for i, b in enumerate(report.blocks) if b.id == "y2024-p03")
    offset = report.blocks[index].text.index("行业")
    view.set_current_index(index)
    QApplication.processEvents()

    def paint() -> None:
        view.viewport().repaint()

    opened, applied, toggled = [], [], []
    for run in range(runs):
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.block_position(index) + offset)
        view.setTextCursor(cursor)
        t0 = time.perf_counter()
        window.actions_by_id["correct_pinyin"].trigger()
        dialog = feature.dialog
        QApplication.processEvents()
        opened.append(time.perf_counter() - t0)
        dialog.choose(offset, "xing2" if run % 2 == 0 else "hang2")
        t0 = time.perf_counter()
        dialog.ok_button.click()
        paint()
        applied.append(time.perf_counter() - t0)
        QApplication.processEvents()
        t0 = time.perf_counter()
        window.settings.set("tone_sandhi", "spoken" if run % 2 == 0 else "citation")
        paint()
        toggled.append(time.perf_counter() - t0)
    window.close()
    app.processEvents()

    def ms(values: list[float]) -> float:
        return round(statistics.median(values) * 1000, 1)

    return {"runs": runs, "open_dialog_ms": ms(opened), "correct_and_repaint_ms": ms(applied),
            "tone_switch_and_repaint_ms": ms(toggled), "max_open_dialog_ms": round(max(opened) * 1000, 1)}


if __name__ == "__main__":
    sys.exit(main())
