"""A read-only or full settings or cache folder: the app still reads and speaks, and says so once.

As root (containers, CI) the folders are real tmpfs mounts: read-only (EROFS, which even root cannot
write) or 64 kB and filled up (ENOSPC). Otherwise a chmod'ed folder gives the read-only case and the
full disk is simulated by making the atomic writes fail with ENOSPC.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from fenggang_reader.core import storage
from fenggang_reader.core.settings import Settings
from fenggang_reader.core.storage import AppDirs

pytestmark = pytest.mark.qt_log_ignore("pipewire")


def _mount(target: Path, options: str) -> bool:
    if os.geteuid() != 0:
        return False
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True)
    return result.returncode == 0


@contextlib.contextmanager
def refusing(folder: Path, how: str, monkeypatch: pytest.MonkeyPatch):
    """Make ``folder`` refuse writes: how is "readonly" or "full"."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = _mount(folder, "ro,size=64k" if how == "readonly" else "size=64k,mode=0755")
    try:
        if mounted and how == "full":
            fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
            try:
                with contextlib.suppress(OSError):
                    while True:
                        os.write(fd, b"\0" * 4096)
            finally:
                os.close(fd)
        elif not mounted and how == "readonly":
            folder.chmod(0o555)
        elif not mounted:
            real = storage.atomic_write_bytes

            def full(path: Path, data: bytes) -> None:
                if folder in path.parents:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
                real(path, data)

            monkeypatch.setattr(storage, "atomic_write_bytes", full)
            monkeypatch.setattr("fenggang_reader.speech.cache.atomic_write_bytes", full)
        # the promise under test: this folder really refuses
        with pytest.raises(OSError):
            storage.atomic_write_bytes(folder / "probe", b"x" * 65536)
        yield
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)
        else:
            folder.chmod(0o755)


def storage_labels(window, area: str) -> list[QLabel]:
    """The warnings on the window's status bar; no dialog may appear (it would take the keyboard)."""
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    return [w for w in window.statusBar().findChildren(QLabel)
            if w.objectName() == f"storageWarning_{area}" and w.isVisible()]


@pytest.mark.parametrize("how", ["readonly", "full"])
def test_settings_folder_refuses_the_app_reads_on_and_warns_once(make_window, qtbot, monkeypatch, how):
    config = AppDirs.default().config
    with refusing(config, how, monkeypatch):
        window = make_window()
        assert window.view.current_block().id == "title"
        window.activateWindow()
        window.view.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
        for _ in range(3):  # three separate saves, each refused: + pressed in the text
            qtbot.keyClick(window.view, Qt.Key.Key_Plus)
            qtbot.wait(500)
        window.themes.cycle()
        qtbot.wait(500)
        warnings = window.storage_warnings
        qtbot.waitUntil(lambda: len(warnings.messages) == 1)
        qtbot.wait(200)
        assert len(warnings.messages) == 1, warnings.messages
        assert len(storage_labels(window, "settings")) == 1
        assert QApplication.focusWidget() is window.view, "the warning did not take the keyboard"
        assert str(config) in warnings.messages[0]
        assert ("full" in warnings.messages[0]) == (how == "full")
        # the reader goes on: the next key still reaches the text, and the new size works from memory
        qtbot.keyClick(window.view, Qt.Key.Key_Down)
        assert window.view.current_block().id == "occasion"
        assert window.settings["font_size"] > 28
        window.close()
        assert not (config / "settings.json").exists()
    assert Settings.load(AppDirs.default().settings_file).problems == []


def test_no_warning_when_everything_is_fine(make_window, qtbot):
    window = make_window()
    window.zoom(1)
    qtbot.waitUntil(  # the 400 ms save timer, late on a busy machine
        lambda: Settings.load(AppDirs.default().settings_file)["font_size"] == window.settings["font_size"])
    assert window.storage_warnings.messages == []


@pytest.fixture
def speaking_window(make_window, monkeypatch, qtbot):
    from tests.support.edge_server import EdgeServer, guard_network, tools_missing
    from tests.support.sound import ensure_null_sink

    if tools_missing():
        pytest.skip(f"needs {', '.join(tools_missing())}")
    reason = ensure_null_sink()
    if reason:
        pytest.skip(reason)
    guard_network(monkeypatch)
    with EdgeServer() as server:
        monkeypatch.setenv("FENGGANG_READER_EDGE_ENDPOINT", server.base_url)

        def make():
            return make_window(edge_notice_accepted=True, speech_engine="edge", read_continuously=False)

        yield make, server


@pytest.mark.slow
@pytest.mark.parametrize("how", ["readonly", "full"])
def test_cache_folder_refuses_the_app_still_speaks_and_warns_once(speaking_window, qtbot, monkeypatch, how):
    from fenggang_reader.speech.controller import ReadState
    from fenggang_reader.speech.types import Engine

    make, server = speaking_window
    cache = AppDirs.default().cache
    with refusing(cache, how, monkeypatch):
        window = make()
        controller = window.read_aloud.controller
        window.go_to_block("speaker")
        spoken = []
        controller.highlight.connect(lambda *a: spoken.append(a))
        window.actions_by_id["speech_play_pause"].trigger()
        qtbot.waitUntil(lambda: bool(spoken), timeout=20000)
        assert controller.engine is Engine.EDGE
        assert server.completed >= 1
        qtbot.waitUntil(lambda: bool(window.storage_warnings.messages), timeout=10000)
        window.actions_by_id["speech_stop"].trigger()
        # read more: every chunk's store is refused, the reader is told only once
        window.go_to_block("salutation")
        window.actions_by_id["speech_play_pause"].trigger()
        qtbot.waitUntil(lambda: controller.state is ReadState.STOPPED, timeout=30000)
        messages = window.storage_warnings.messages
        assert len(messages) == 1 and str(cache) in messages[0]
        assert len(storage_labels(window, "cache")) == 1
        window.close()


def test_a_full_log_folder_is_said_once_and_the_reader_runs(tmp_path):
    """The log folder's disk is full: one line on stderr, not a traceback per log record; the window opens."""
    import json
    import os
    import subprocess
    import sys

    from tests.support.refusing import full_folder

    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    # Problems to log at start: a damaged settings file and a Qt warning or two (offscreen size hints).
    (home / "config" / "settings.json").write_bytes(b'{"font_size": "big", "theme": 7, "speech_rate": NaN}')
    events = tmp_path / "events.jsonl"
    with full_folder(home / "log"):
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FENGGANG_READER_HOME": str(home)}
        result = subprocess.run([sys.executable, "-m", "fenggang_reader", "--event-log", str(events),
                                 "--quit-after", "3"], capture_output=True, text=True, timeout=90, env=env)
    assert result.returncode == 0, result.stderr
    names = [json.loads(line)["event"] for line in events.read_text(encoding="utf-8").splitlines()]
    assert "app.first_paint" in names
    assert "Logging error" not in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.count("cannot write the log") == 1, result.stderr
