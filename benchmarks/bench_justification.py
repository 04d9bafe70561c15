"""What the reader's own justification (ui/line_justification.py) costs, beside Qt's justification.

In a 1200×800 view: a font-size change (20…48 pt and back, twice) and a 96 pt view narrowed by 5 px steps,
each timed from the call to the repainted view (the blocks in view justified then); and the idle-time pass
that justifies the rest. Prints JSON (medians in ms), one run per mode in its own process:
    .venv/bin/python benchmarks/bench_justification.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

IN_PROCESS = r'''
import json, statistics, sys, time
from fenggang_reader.app import create_application
app = create_application()
from fenggang_reader.ui import line_justification
from fenggang_reader.ui.reader_view import ReaderView
from tests.support.shipped import shipped
if sys.argv[1] == "qt":  # Qt's AlignJustify, as while a screen reader runs
    relayout = line_justification.LineJustifier.relayout
    line_justification.LineJustifier.relayout = lambda self, rules, own: relayout(self, rules, False)
view = ReaderView(*shipped()); view.resize(1200, 800); view.show()
for _ in range(20):
    app.processEvents()
justifier = view.typesetting.justifier
def idle():
    started = time.perf_counter()
    while justifier._timer.isActive():
        app.processEvents()
    return (time.perf_counter() - started) * 1000
change, rest = [], []
for size in (20, 24, 28, 32, 36, 40, 48, 40, 36, 32, 28, 24) * 2:
    started = time.perf_counter(); view.set_font_size(size); view.viewport().repaint()
    change.append((time.perf_counter() - started) * 1000)
    rest.append(idle())
view.set_font_size(96); idle()
step = []
for width in range(1200, 1000, -5):
    started = time.perf_counter(); view.resize(width, 800); view.viewport().repaint()
    step.append((time.perf_counter() - started) * 1000)
    idle()
print(json.dumps({"font_change_ms": round(statistics.median(change), 1),
                  "resize_step_96pt_ms": round(statistics.median(step), 1),
                  "idle_pass_after_font_change_ms": round(statistics.median(rest), 1)}))
'''


def main() -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = {}
    for mode in ("own", "qt"):
        out = subprocess.run([sys.executable, "-c", IN_PROCESS, mode], env=env, check=True, capture_output=True,
                             text=True, cwd=ROOT).stdout
        result[mode] = json.loads(out.strip().splitlines()[-1])
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
