"""A damaged profile never stops the reader from starting: the real app, started as a subprocess like a
double-click does, on settings files damaged the ways editors, disks and crashes damage them.

Each start must open the window (``app.first_paint``), say what happened (``app.message`` when the message box
opens; ``app.error`` when the crash dialog reports an error), keep the damaged file aside and exit 0.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

GEOMETRY = json.dumps({"window_geometry": "凤岗", "window_state": "é", "font_size": 48}, ensure_ascii=False)
DAMAGED = {
    "gbk": json.dumps({"font_size": 48, "voice": "中文男声"}, ensure_ascii=False).encode("gbk"),
    "random-bytes": bytes((i * 167 + 13) % 256 for i in range(4096)),
    "nested-100000": b"[" * 100_000 + b"]" * 100_000,
    "non-ascii-geometry": GEOMETRY.encode("utf-8"),
    "nan-infinity": b'{"speech_rate": NaN, "scroll_fraction": Infinity, "font_size": 48}',
    "wrong-types": b'{"font_size": "48", "pinyin_visible": "yes", "theme": [1], "language": {"a": 1}}',
}


def start(home: Path, *, code: str = "", quit_after: float = 4.0) -> tuple[subprocess.CompletedProcess, list[dict]]:
    """Run the reader (optionally after ``code``, a fault injected from outside) and read its event log."""
    events = home / "events.jsonl"
    script = textwrap.dedent(code) + "\nimport sys\nfrom fenggang_reader.cli import console_main\nsys.exit(console_main(sys.argv[1:]))\n"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FENGGANG_READER_HOME": str(home)}
    result = subprocess.run([sys.executable, "-c", script, "--event-log", str(events), "--quit-after", str(quit_after)],
                            capture_output=True, text=True, timeout=90, env=env)
    lines = events.read_text(encoding="utf-8").splitlines() if events.exists() else []
    return result, [json.loads(line) for line in lines]


def settings_file(home: Path) -> Path:
    path = home / "config" / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


@pytest.mark.parametrize("name", list(DAMAGED))
def test_the_reader_starts_with_a_message_and_keeps_the_file(tmp_path, name):
    home = tmp_path / "home"
    settings_file(home).write_bytes(DAMAGED[name])
    result, events = start(home)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    names = [e["event"] for e in events]
    assert "app.first_paint" in names, "the window opened"
    assert {"event": "app.message", "kind": "settings"}.items() <= next(
        e for e in events if e["event"] == "app.message").items(), "the reader was told"
    assert "app.error" not in names, "no crash dialog: a damaged file is expected, not a bug"
    kept = list((home / "config").glob("settings.json.*.bad"))
    assert len(kept) == 1 and kept[0].read_bytes() == DAMAGED[name]
    saved = json.loads((home / "config" / "settings.json").read_text(encoding="utf-8"))  # written again, whole
    assert saved["window_geometry"].isascii() and saved["speech_rate"] == 1.0


def test_an_exception_while_opening_the_window_is_reported_and_the_defaults_start(tmp_path):
    """A bug that breaks the start with these settings: the crash dialog and log, then a window with defaults."""
    home = tmp_path / "home"
    settings_file(home).write_text(json.dumps({"font_size": 56}), encoding="utf-8")
    fault = """
        from fenggang_reader.ui import reader_view
        original = reader_view.ReaderView.set_font_size
        def set_font_size(self, points, *args, **kwargs):
            if points == 56:
                raise RuntimeError("injected start-up fault at 56 pt")
            return original(self, points, *args, **kwargs)
        reader_view.ReaderView.set_font_size = set_font_size
    """
    result, events = start(home, code=fault)
    assert result.returncode == 0, result.stderr
    names = [e["event"] for e in events]
    assert "app.error" in names and "app.first_paint" in names and "app.message" in names
    assert "app.crash_dialog" in names, "the reader saw what went wrong"
    log = (home / "log" / "fenggang-reader.log").read_text(encoding="utf-8")
    assert "injected start-up fault at 56 pt" in log and "Where: start-up" in log
    kept = list((home / "config").glob("settings.json.*.bad"))
    assert len(kept) == 1 and json.loads(kept[0].read_text(encoding="utf-8")) == {"font_size": 56}


def test_when_even_the_defaults_fail_the_reason_is_on_stderr_and_in_the_log(tmp_path):
    home = tmp_path / "home"
    fault = """
        from fenggang_reader.ui import main_window
        def broken(self, *args, **kwargs):
            raise RuntimeError("injected: no window at all")
        main_window.MainWindow._apply_settings = broken
    """
    result, _events = start(home, code=fault)
    assert result.returncode == 1
    assert "could not start" in result.stderr and "fenggang-reader.log" in result.stderr
    log = (home / "log" / "fenggang-reader.log").read_text(encoding="utf-8")
    assert log.count("injected: no window at all") >= 2


def test_without_a_display_the_reason_is_said_instead_of_an_abort(tmp_path):
    home = tmp_path / "home"
    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", FENGGANG_READER_HOME=str(home))
    result = subprocess.run([sys.executable, "-m", "fenggang_reader", "--quit-after", "1"], capture_output=True,
                            text=True, timeout=60, env=env)
    assert result.returncode == 1, "a plain exit, not SIGABRT"
    assert "cannot open its window" in result.stderr and "display" in result.stderr
    assert "cannot open its window" in (home / "log" / "fenggang-reader.log").read_text(encoding="utf-8")


def test_every_persisted_file_damaged_at_once(tmp_path):
    """Settings, corrections, the readings cache and an audio cache entry, all damaged: the reader still opens."""
    home = tmp_path / "home"
    settings_file(home).write_bytes(DAMAGED["gbk"])
    (home / "data").mkdir(parents=True)
    corrections = "at\ty2024-p01:0\tzhong1\t\t我改的\n".encode("gbk")
    (home / "data" / "corrections.tsv").write_bytes(corrections)
    (home / "cache" / "audio" / "ab").mkdir(parents=True)
    (home / "cache" / "readings.json").write_bytes(DAMAGED["nested-100000"])
    key = "ab" + "0" * 62
    (home / "cache" / "audio" / "ab" / f"{key}.json").write_bytes(DAMAGED["nested-100000"])
    (home / "cache" / "audio" / "ab" / f"{key}.mp3").write_bytes(b"\xff\xf3" * 100)
    result, events = start(home, quit_after=5)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    names = [e["event"] for e in events]
    assert "app.first_paint" in names and "app.message" in names and "app.error" not in names
    kept = list((home / "data").glob("corrections.tsv.*.bad"))
    assert len(kept) == 1 and kept[0].read_bytes() == corrections


def test_a_bug_while_reading_the_settings_is_reported_and_the_defaults_start(tmp_path):
    home = tmp_path / "home"
    settings_file(home).write_text(json.dumps({"font_size": 40}), encoding="utf-8")
    fault = """
        from fenggang_reader.core import settings
        def load(cls, path):
            raise MemoryError("injected while reading the settings")
        settings.Settings.load = classmethod(load)
    """
    result, events = start(home, code=fault)
    assert result.returncode == 0, result.stderr
    names = [e["event"] for e in events]
    assert "app.error" in names and "app.first_paint" in names and "app.message" in names
    assert "app.crash_dialog" in names
    assert "Where: reading the settings" in (home / "log" / "fenggang-reader.log").read_text(encoding="utf-8")
    assert len(list((home / "config").glob("settings.json.*.bad"))) == 1
