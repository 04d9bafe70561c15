"""Down pressed quickly while the offline voice reads: each press moves reading on; none of them is taken for
a sound failure (a finish reported for the sentence just cancelled is not the new sentence's)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fenggang_reader.speech.controller import ReadState
from fenggang_reader.speech.types import Engine
from tests.support.voice import system_voice  # noqa: F401 - a fixture

pytestmark = pytest.mark.qt_log_ignore("pipewire")


def test_quick_downs_while_the_offline_voice_reads_never_stop_reading(make_window, system_voice, qtbot,  # noqa: F811
                                                                    caplog):
    window = make_window()
    window.settings.set("offline_only", True)
    window.settings.set("read_continuously", True)
    failures: list[object] = []
    controller = window.read_aloud.controller
    controller.failed.connect(failures.append)
    window.view.set_current_index(window.report.index_of("intro-p01"))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: controller.state is ReadState.PLAYING and controller.engine is Engine.SYSTEM,
                    timeout=20000)
    start = controller.index
    for _ in range(6):
        qtbot.wait(150)
        qtbot.keyClick(window.view, Qt.Key.Key_Down)
        QApplication.processEvents()
    qtbot.wait(4000)
    assert not failures, failures
    unheard = [r.getMessage() for r in caplog.records if "not heard" in r.getMessage()]
    assert not unheard, unheard  # a cancelled sentence's finish taken for the new one's sound failure
    assert controller.state is ReadState.PLAYING, controller.state
    # Down pages through a paragraph taller than the window before it moves on; reading follows the paragraph.
    assert controller.index == window.view.current_index() > start
