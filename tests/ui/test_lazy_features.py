"""Start-up loads only what the first paint needs: the speech back-ends (edge-tts, asyncio, Qt Multimedia),
printing and the exporters load after the report is on screen or when first used (issue 2's start target)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fenggang_reader.speech.controller import ReadState
from fenggang_reader.ui import read_aloud_actions
from tests.support.voice import system_voice  # noqa: E402, F401 - a fixture

ROOT = Path(__file__).resolve().parents[2]

HEAVY = ("edge_tts", "aiohttp", "asyncio", "PySide6.QtMultimedia", "PySide6.QtTextToSpeech", "PySide6.QtPrintSupport",
         "pypdf", "mutagen", "fenggang_reader.speech.backend", "fenggang_reader.ui.read_aloud",
         "fenggang_reader.ui.export_dialogs")

SCRIPT = f"""
import sys, time
from PySide6.QtCore import QTimer
from fenggang_reader.app import create_application
from fenggang_reader.core.resources import bundled_annotator, load_bundled_report
from fenggang_reader.core.settings import Settings
from fenggang_reader.core.storage import AppDirs
from fenggang_reader.ui import read_aloud_actions
from fenggang_reader.ui.main_window import MainWindow

HEAVY = {HEAVY!r}
app = create_application()
window = MainWindow(load_bundled_report(), bundled_annotator(), Settings.load(AppDirs.default().settings_file))
early = [m for m in HEAVY if m in sys.modules]
assert not early, f"loaded before the first paint: {{early}}"
painted = []
window.view.first_paint.connect(lambda: painted.append(sorted(m for m in HEAVY if m in sys.modules)))
window.show()
deadline = time.monotonic() + 60  # read aloud is built a moment after the first paint; a loaded machine is slow
poll = QTimer(interval=50)
poll.timeout.connect(lambda: (window.read_aloud.built or time.monotonic() > deadline) and app.quit())
poll.start()
STEPS = read_aloud_actions.SPEECH_IMPORTS_IN_TURNS
imported_by_turn = []  # how many of the build's imports are done, at each turn of the event loop
turns = QTimer(interval=0)
turns.timeout.connect(lambda: imported_by_turn.append(sum(m in sys.modules for m in STEPS)))
turns.start()
app.exec()
assert len(set(imported_by_turn)) > len(STEPS) // 2, f"the build's imports in few turns: {{sorted(set(imported_by_turn))}}"
assert painted == [[]], f"loaded by the first paint: {{painted}}"
assert window.read_aloud.built, "read aloud is ready soon after the first paint"
assert "fenggang_reader.speech.backend" in sys.modules
assert "fenggang_reader.ui.export_dialogs" not in sys.modules, "exports wait for their first use"
window.close()
print("ok")
"""


def test_speech_and_exports_load_after_the_first_paint(tmp_path):
    env = {"QT_QPA_PLATFORM": "offscreen", "FENGGANG_READER_HOME": str(tmp_path), "PATH": "/usr/bin:/bin",
           "LANGUAGE": "en"}
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0 and result.stdout.strip().endswith("ok"), result.stdout + result.stderr


def test_space_before_read_aloud_is_built_still_reads(make_window, system_voice, qtbot, monkeypatch):  # noqa: F811
    monkeypatch.setattr(read_aloud_actions, "BUILD_AFTER_PAINT_MS", 600_000)  # a reader quicker than the build
    window = make_window()
    window.settings.set("offline_only", True)
    lazy = window.read_aloud
    window.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is window.windowHandle())  # shortcuts need a focused window
    assert not lazy.built
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    assert lazy.built, "Space built it"
    qtbot.waitUntil(lambda: lazy.controller.state is ReadState.PLAYING, timeout=10000)
    lazy.controller.stop()
    QApplication.processEvents()


def test_first_start_paints_from_the_shipped_readings_without_pypinyin(tmp_path):
    """The first start, from the installer's icon, is the one a new reader sees: no dictionary loading."""
    env = {"QT_QPA_PLATFORM": "offscreen", "FENGGANG_READER_HOME": str(tmp_path), "PATH": "/usr/bin:/bin",
           "LANGUAGE": "en"}
    log = tmp_path / "events.jsonl"
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "fenggang_reader", "--event-log", str(log),
                             "--quit-after", "2"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "app.first_paint" in log.read_text(encoding="utf-8")
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time")]
    assert "fenggang_reader.core.pinyin" in imported
    assert not [m for m in imported if m.startswith("pypinyin")], "pypinyin loaded on a first start"
    assert not list(tmp_path.rglob("readings.json")), "nothing to cache: every reading was shipped"


def test_words_said_before_read_aloud_is_built_are_said_once_it_is(make_window, system_voice, monkeypatch):  # noqa: F811
    from fenggang_reader.speech.system import SystemVoice

    monkeypatch.setattr(read_aloud_actions, "BUILD_AFTER_PAINT_MS", 600_000)
    said = []
    monkeypatch.setattr(SystemVoice, "say", lambda _voice, text, *_a, **_k: said.append(text) or True)
    window = make_window()
    assert window.read_aloud.say("欢迎使用凤岗读报") is True
    assert said == [] and not window.read_aloud.built, "the welcome never holds up the first paint"
    window.read_aloud.feature()
    assert said == ["欢迎使用凤岗读报"]
    assert window.statusBar().currentMessage() == "", "being built is nothing to tell the reader"
