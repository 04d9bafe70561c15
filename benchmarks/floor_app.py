"""The floor for start-up and memory: a bare QMainWindow + QTextBrowser showing the same text.

Prints one JSON line: the wall-clock time of its first paint and its RSS then.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser

ROOT = Path(__file__).resolve().parent.parent


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class FirstPaint(QObject):
    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
            self.done = True
            QTimer.singleShot(0, lambda: (print(json.dumps({"first_paint_wall": time.time(), "rss_mb": rss_mb()})),
                                          QApplication.quit()))
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    text = "\n\n".join(line.split("\t", 2)[2] for line in
                       (ROOT / "resources/report/report.tsv").read_text(encoding="utf-8").splitlines()
                       if line and not line.startswith("#"))
    window = QMainWindow()
    browser = QTextBrowser()
    font = browser.font()
    font.setPointSize(28)
    browser.setFont(font)
    browser.setPlainText(text)
    window.setCentralWidget(browser)
    watcher = FirstPaint()
    browser.viewport().installEventFilter(watcher)
    window.resize(1280, 860)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
