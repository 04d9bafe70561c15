"""Opens every dialog the reader can reach and prints, as JSON, where each one is on its screen.

Run as a module in a process of its own, so the screen can be made 800×600 (the offscreen platform's
configuration file) whatever screen the test session has:
    QT_QPA_PLATFORM=offscreen:configfile=FILE python -m tests.support.dialog_geometry --font-size 96 --language en
With --screenshots DIR each dialog is saved there as a PNG.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--font-size", type=int, default=96)
    parser.add_argument("--interface-size", type=int, default=0)
    parser.add_argument("--language", default="en")
    parser.add_argument("--screenshots", default="")
    args = parser.parse_args()
    os.environ.setdefault("FENGGANG_READER_HOME", tempfile.mkdtemp(prefix="dialog-geometry-"))
    from PySide6.QtCore import QRect
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QScrollArea

    from fenggang_reader.app import create_application
    from fenggang_reader.core.settings import Settings
    from fenggang_reader.core.storage import AppDirs
    from fenggang_reader.ui.main_window import MainWindow
    from tests.support.shipped import shipped_excerpt
    from tests.ui.test_i18n import close_all, open_dialogs

    create_application()
    settings = Settings.load(AppDirs.default().settings_file)
    settings.set("language", args.language)
    settings.set("font_size", args.font_size)
    settings.set("interface_size", args.interface_size)
    window = MainWindow(*shipped_excerpt(), settings)  # the dialogs are the same for any document
    window.resize(800, 600)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.restore_position()
    dialogs = open_dialogs(window)
    QTest.qWait(100)  # the dialogs' own placement after their first show
    screen = window.screen().availableGeometry()
    out = []
    for dialog in dialogs:
        frame = dialog.frameGeometry()
        inside = QRect(0, 0, dialog.width(), dialog.height())
        cut = []  # buttons not whole in the dialog (a scrolled form's own buttons may scroll out of view)
        for button in dialog.findChildren(QAbstractButton):
            scrolled = any(isinstance(a, QScrollArea) for a in _ancestors(button, dialog))
            if button.isVisible() and not scrolled and not isinstance(button.parentWidget(), QApplication):
                rect = QRect(button.mapTo(dialog, button.rect().topLeft()), button.size())
                if not inside.contains(rect):
                    cut.append(button.text() or button.objectName())
        boxes = [b for b in dialog.findChildren(QDialogButtonBox) if b.isVisible()]
        out.append({"name": dialog.objectName() or type(dialog).__name__, "frame": frame.getRect(),
                    "cut_buttons": cut, "button_boxes": len(boxes)})
        if args.screenshots:
            dialog.grab().save(str(Path(args.screenshots) / f"dialog-{args.language}-{out[-1]['name']}.png"))
    print(json.dumps({"screen": screen.getRect(), "font": QApplication.font().pointSizeF(), "dialogs": out}))
    close_all(dialogs)


def _ancestors(widget, stop):
    parent = widget.parentWidget()
    while parent is not None and parent is not stop:
        yield parent
        parent = parent.parentWidget()


if __name__ == "__main__":
    main()
