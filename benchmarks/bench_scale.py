"""A long document (10k, 100k, 300k characters) in the reader, beside a bare QTextBrowser showing the same text.

The document is the shipped report joined to itself with fresh block ids until it has the characters asked for: a
document that is not the built-in one, whose readings nobody computed before (pypinyin's dictionaries are loaded
before the clock starts: a one-off per process, whatever the document; then, as the app does before its first window,
the objects made so far are taken out of the cyclic GC's scans with gc.freeze). Each case runs in a fresh process,
offscreen, with a new home, pinyin on (the default):
- floor: a QMainWindow + QTextBrowser at the reader's default size, from construction (setPlainText included) to the
  end of its first paint;
- open: the reader's window from the Report to the end of its first paint (the view's ``first_paint``);
- warm: what a reader meets daily, File ▸ Open in a running reader: after a first window (the shipped report) was
  painted and had gone idle, ``DocumentWindows.show_document`` of the long document (a Report of its own with an
  annotator of its own, as the app builds one) to the new window's first paint, WARM_OPENS times in the process
  (median; the rooms of readings measured for the previous document are forgotten first, as the same text is not
  opened twice); beside it the warm floor: a second QTextBrowser window in a process that showed one before;
- scroll: PgDown and wheel steps (3 lines a notch) at the start, the middle and the end of the document, each from
  the key or notch to the viewport repainted (layout, justification and pinyin of the new lines); the longest slice
  of idle work between two steps as well (the event loop's turn, which a key pressed then waits for);
- size: a text-size change 36 → 40 and 72 → 80 (and back) with the place in the middle of the document, from the call
  to the viewport repainted;
- rss: the process's peak resident memory (ru_maxrss) at the end;
- the height laid out, and how many of a sample of blocks have no lines once the reader goes to them, at 36 and
  72 pt: Qt's text layout stops at 2^23 px (QFIXED_MAX), which a 300,000-character document passed at the larger
  sizes before the view laid out only a stretch of a long document (ui/block_window.py).
Prints JSON per size and window (ms unless said otherwise), with the load average. Targets (issue 18 item 6): open
≤ 3 × floor, scroll frames ≤ 16 ms, a size change ≤ 50 ms, RSS < 400 MB.
    .venv/bin/python benchmarks/bench_scale.py [--chars 10000,100000,300000] [--windows 800x600,1280x800]
With ``--open-only`` the fresh case stops at the first paint (no scrolling, no size change); ``--repeat N`` runs each
case in N fresh processes, in turn, and gives the medians (the first paint's wall and CPU, and their ratios): on a
machine shared with other runs one process says little.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # after PYTHONPATH: another tree of the reader can be measured

from tests.support.long_document import long_document  # noqa: E402

STEPS = 40  # PgDown or wheel steps at each of the three places
SIZE_CHANGES = ((36, 40), (72, 80))
SIZE_ROUNDS = 3
WARM_OPENS = 3  # documents opened one after another in a running reader (the warm case)
OPEN_ONLY = os.environ.get("BENCH_SCALE_OPEN_ONLY") == "1"  # --open-only: the fresh case ends at the first paint


def _rss_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _clocks() -> tuple[float, float]:
    """Wall and process CPU time now: both read at the first paint. The CPU was read once the event loop's turn that
    painted had returned, with whatever that turn did after the paint (a window's first idle work) counted in."""
    return time.perf_counter(), time.process_time()


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return round(ordered[len(ordered) // 2], 2) if ordered else 0.0


def _stats(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"p50": _median(values), "p95": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 2),
            "max": round(ordered[-1], 2), "n": len(values)}


def _plain_text(report) -> str:
    return "\n".join(block.text for block in report.blocks)


# -- the cases, each in a process of its own ------------------------------------------------------------
def case_floor(report, width: int, height: int) -> dict:
    wall, cpu, _window = _floor_window(_plain_text(report), width, height)
    return {"first_paint_ms": round(wall, 1), "cpu_ms": round(cpu, 1), "rss_peak_mb": round(_rss_peak_mb(), 1)}


def _floor_window(text: str, width: int, height: int) -> tuple[float, float, object]:
    """A QMainWindow + QTextBrowser showing ``text`` at the reader's default size: wall and CPU ms from construction
    to the end of its first paint, and the window."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser

    from fenggang_reader.core.settings import FONT_SIZE

    app = QApplication.instance()
    painted: list[tuple[float, float]] = []

    class Browser(QTextBrowser):
        def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
            super().paintEvent(event)
            if not painted:
                painted.append(_clocks())

    start, start_cpu = time.perf_counter(), time.process_time()
    window = QMainWindow()
    browser = Browser()
    font = browser.font()
    font.setPointSize(FONT_SIZE.default)
    browser.setFont(font)
    browser.setPlainText(text)
    window.setCentralWidget(browser)
    window.resize(width, height)
    window.show()
    while not painted:
        app.processEvents()
    return (painted[0][0] - start) * 1000, (painted[0][1] - start_cpu) * 1000, window


def case_warm_floor(report, width: int, height: int) -> dict:
    from PySide6.QtWidgets import QApplication

    from fenggang_reader.core.resources import load_bundled_report

    app = QApplication.instance()
    _, _, first = _floor_window(_plain_text(load_bundled_report()), width, height)
    first.close()
    first.deleteLater()
    app.processEvents()
    walls, cpus = [], []
    for _ in range(WARM_OPENS):
        wall, cpu, window = _floor_window(_plain_text(report), width, height)
        walls.append(wall)
        cpus.append(cpu)
        window.close()
        window.deleteLater()
        app.processEvents()
    return {"first_paint_ms": _median(walls), "cpu_ms": _median(cpus), "first_paint_all_ms": [round(w) for w in walls]}


def case_warm(report, width: int, height: int) -> dict:
    """File ▸ Open's path in a running reader: DocumentWindows.show_document to the new window's first paint."""
    from PySide6.QtWidgets import QApplication

    from fenggang_reader.core.document_places import DocumentSource
    from fenggang_reader.core.events import NULL_LOG
    from fenggang_reader.core.reader_annotator import reader_annotator
    from fenggang_reader.core.recent_documents import RecentDocuments
    from fenggang_reader.core.resources import load_bundled_report
    from fenggang_reader.core.settings import Settings
    from fenggang_reader.ui import reading_room
    from fenggang_reader.ui.document_loader import LoadedDocument
    from fenggang_reader.ui.document_windows import DocumentWindows
    from fenggang_reader.ui.main_window import MainWindow

    app = QApplication.instance()
    recent = RecentDocuments()

    def build(report, source, settings):
        return MainWindow(report, reader_annotator(report=report), settings, source=source, recent=recent)

    reader_annotator().readings("中文", "warm-up")  # pypinyin's dictionaries: the first window loaded them
    gc.freeze()  # as the app does before its first window
    first = build(load_bundled_report(), DocumentSource(), Settings())
    first.resize(width, height)
    first.show()
    windows = DocumentWindows(build, lambda _window: None, recent, NULL_LOG)
    windows.adopt(first)
    _settle(app)
    walls, cpus = [], []
    for n in range(WARM_OPENS):
        reading_room.ROOM_MEMO.forget_rooms()  # a document not opened before: its rooms are measured afresh
        document = long_document(sum(len(b.text) for b in report.blocks))
        painted: list[tuple[float, float]] = []
        loaded = LoadedDocument(document, DocumentSource(path=Path(tempfile.gettempdir()) / f"document-{n}.txt"), 0.0)
        start, start_cpu = time.perf_counter(), time.process_time()
        window = windows.show_document(loaded)
        window.view.first_paint.connect(lambda painted=painted: painted.append(_clocks()))
        while not painted:
            app.processEvents()
        walls.append((painted[0][0] - start) * 1000)
        cpus.append((painted[0][1] - start_cpu) * 1000)
        _settle(app)
    windows.window.close()
    return {"first_paint_ms": _median(walls), "cpu_ms": _median(cpus), "first_paint_all_ms": [round(w) for w in walls],
            "rss_peak_mb": round(_rss_peak_mb(), 1)}


def _settle(app, limit_s: float = 30.0) -> float:
    """Run the event loop until it is idle (no event handled for 50 ms); returns its longest turn in ms."""
    longest = 0.0
    deadline = time.perf_counter() + limit_s
    quiet_since = time.perf_counter()
    while time.perf_counter() < deadline and time.perf_counter() - quiet_since < 0.05:
        t = time.perf_counter()
        app.processEvents()
        took = time.perf_counter() - t
        if took > 0.002:
            quiet_since = time.perf_counter()
        longest = max(longest, took * 1000)
        time.sleep(0.001)
    return longest


def case_reader(report, width: int, height: int) -> dict:
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    from fenggang_reader.core.resources import bundled_annotator
    from fenggang_reader.core.settings import Settings
    from fenggang_reader.ui.main_window import MainWindow

    app = QApplication.instance()
    annotator = bundled_annotator()
    annotator.readings("中文", "warm-up")  # pypinyin's dictionaries: loaded once a process, whatever the document
    settings = Settings()
    gc.freeze()  # as the app does before its first window (app.run_app): what start-up made is not scanned again
    out: dict = {}
    start, start_cpu = time.perf_counter(), time.process_time()
    window = MainWindow(report, annotator, settings)
    view = window.view
    painted: list[tuple[float, float]] = []
    view.first_paint.connect(lambda: painted.append(_clocks()))
    window.resize(width, height)
    window.show()
    while not painted:
        app.processEvents()
    out["first_paint_ms"] = round((painted[0][0] - start) * 1000, 1)
    out["cpu_ms"] = round((painted[0][1] - start_cpu) * 1000, 1)
    out["rss_at_first_paint_mb"] = round(_rss_peak_mb(), 1)
    out["blocks"] = len(report.blocks)
    if OPEN_ONLY:
        # The readings' worker stopped before the process ends: left running into Python's finalization it crashed
        # the process now and then (a 10k case of five exited with an error after printing nothing of its own).
        if view.readings_provider is not None:
            view.readings_provider.stop()
        return out

    def settle(limit_s: float = 30.0) -> float:
        return _settle(app, limit_s)

    idle_after_open = settle()
    out["settled_after_open_ms"] = round((time.perf_counter() - start) * 1000, 1)
    out["longest_idle_slice_after_open_ms"] = round(idle_after_open, 1)

    blocks = len(report.blocks)
    page_down = window.actions_by_id["page_down"]

    def wheel() -> None:
        centre = QPointF(view.viewport().rect().center())
        event = QWheelEvent(centre, QPointF(view.viewport().mapToGlobal(centre.toPoint())), QPoint(0, 0),
                            QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(view.viewport(), event)

    frames: dict[str, list[float]] = {"pgdown": [], "wheel": []}
    frames_cpu: dict[str, list[float]] = {"pgdown": [], "wheel": []}
    idle: list[float] = []
    for where in (0, blocks // 2, max(0, blocks - 30)):
        for name, step in (("pgdown", page_down.trigger), ("wheel", wheel)):
            view.set_current_index(where)
            idle.append(settle())
            for _ in range(STEPS):
                t, c = time.perf_counter(), time.process_time()
                step()
                view.viewport().repaint()
                frames[name].append((time.perf_counter() - t) * 1000)
                frames_cpu[name].append((time.process_time() - c) * 1000)
                idle.append(settle(2.0))
    out["scroll_frame_ms"] = {name: _stats(values) for name, values in frames.items()}
    out["scroll_frame_cpu_ms"] = {name: _stats(values) for name, values in frames_cpu.items()}
    out["longest_idle_slice_while_scrolling_ms"] = round(max(idle), 1)

    view.set_current_index(blocks // 2)
    changes: dict[str, list[float]] = {}
    changes_cpu: dict[str, list[float]] = {}
    for low, high in SIZE_CHANGES:
        view.set_font_size(low)
        settle()
        for _ in range(SIZE_ROUNDS):
            for a, b in ((low, high), (high, low)):
                t, c = time.perf_counter(), time.process_time()
                view.set_font_size(b)
                view.viewport().repaint()
                changes.setdefault(f"{a}->{b}", []).append((time.perf_counter() - t) * 1000)
                changes_cpu.setdefault(f"{a}->{b}", []).append((time.process_time() - c) * 1000)
                idle.append(settle())
        doc = view.document()
        height = doc.documentLayout().documentSize().height()  # what is laid out (a long text: the stretch shown)
        # Blocks without lines once the reader goes to them (Qt's layout ends at 2^23 px: before ui/block_window.py,
        # 627 of 1,415 at 72 pt): every 25th and the last, each after a jump there.
        sample = [*range(0, doc.blockCount(), 25), doc.blockCount() - 1]
        unreachable = 0
        for index in sample:
            window.go_to_index(index)
            unreachable += not doc.findBlockByNumber(index).layout().lineCount()
        window.go_to_index(blocks // 2)
        out[f"at_{low}pt"] = {"height_px": round(height), "blocks_sampled": len(sample),
                              "sampled_blocks_without_lines_when_shown": unreachable}
    out["size_change_ms"] = {name: _median(values) for name, values in changes.items()}
    out["size_change_cpu_ms"] = {name: _median(values) for name, values in changes_cpu.items()}
    out["size_change_max_ms"] = round(max(max(v) for v in changes.values()), 1)
    out["longest_idle_slice_ms"] = round(max(idle), 1)
    out["rss_peak_mb"] = round(_rss_peak_mb(), 1)
    window.close()
    return out


def run_case(case: str, chars: int, width: int, height: int) -> dict:
    """One case in this process (called in a fresh one by main)."""
    from fenggang_reader.app import create_application

    create_application()
    report = long_document(chars)
    cases = {"floor": case_floor, "reader": case_reader, "warm_floor": case_warm_floor, "warm": case_warm}
    result = cases[case](report, width, height)
    result["chars"] = sum(len(b.text) for b in report.blocks)
    return result


def _in_fresh_process(case: str, chars: int, window: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FENGGANG_READER_HOME": home}
        done = subprocess.run([sys.executable, __file__, "--case", case, "--chars", str(chars), "--windows", window],
                              env=env, cwd=ROOT, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"{case} {chars} {window} failed:\n{done.stderr[-3000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])


def _beside_its_floor(floor_case: str, case: str, ratio: str, chars: int, window: str, repeat: int = 1) -> dict:
    """A case and its floor, each in a fresh process (``repeat`` of each, in turn), and their wall and CPU ratios:
    with repeats, the medians of the first paint's wall and CPU."""
    floors, readers = [], []
    for _ in range(repeat):
        floors.append(_in_fresh_process(floor_case, chars, window))
        readers.append(_in_fresh_process(case, chars, window))
    floor, reader = floors[-1], readers[-1]
    if repeat > 1:
        floor, reader = _medians(floors), _medians(readers)
    return {"chars": reader["chars"], floor_case: floor, case: reader,
            f"{ratio}_ratio": round(reader["first_paint_ms"] / floor["first_paint_ms"], 2),
            f"{ratio}_cpu_ratio": round(reader["cpu_ms"] / floor["cpu_ms"], 2)}


def _medians(runs: list[dict]) -> dict:
    """The median first paint (wall, CPU) of several runs of a case, with every run's."""
    return {"chars": runs[0]["chars"], "first_paint_ms": _median([r["first_paint_ms"] for r in runs]),
            "cpu_ms": _median([r["cpu_ms"] for r in runs]), "runs": len(runs),
            "first_paint_each_ms": [round(r["first_paint_ms"]) for r in runs],
            "cpu_each_ms": [round(r["cpu_ms"]) for r in runs]}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chars", default="10000,100000,300000")
    parser.add_argument("--windows", default="800x600,1280x800")
    parser.add_argument("--opens", default="fresh,warm", help="fresh (a new process), warm (File ▸ Open), or both")
    parser.add_argument("--open-only", action="store_true", help="the fresh case ends at its first paint")
    parser.add_argument("--repeat", type=int, default=1, help="fresh processes a case (medians)")
    parser.add_argument("--case", choices=("floor", "reader", "warm_floor", "warm"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.open_only:
        os.environ["BENCH_SCALE_OPEN_ONLY"] = "1"  # the case's own process reads it
    sizes = [int(n) for n in args.chars.split(",")]
    windows = args.windows.split(",")
    opens = args.opens.split(",")
    if args.case:
        width, height = (int(n) for n in windows[0].split("x"))
        print(json.dumps(run_case(args.case, sizes[0], width, height)))
        return 0
    results = []
    for window in windows:
        for chars in sizes:
            result: dict = {"window": window, "chars": chars, "load_average": os.getloadavg()[:2]}
            if "fresh" in opens:
                result.update(_beside_its_floor("floor", "reader", "open", chars, window, args.repeat))
            if "warm" in opens:
                result.update(_beside_its_floor("warm_floor", "warm", "warm_open", chars, window, args.repeat))
            results.append(result)
            print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
