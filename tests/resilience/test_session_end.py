"""Logging out sends SIGTERM: the reader closes as with Ctrl+Q, keeping the last changes and the window layout.

The real app on a private Xvfb screen; keys are typed with xdotool like a reader would, and SIGTERM comes at
once after them, before the 400 ms save timer has written anything.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.packaging.xdisplay import find_window, xvfb

pytestmark = [pytest.mark.slow, pytest.mark.xvfb,
              pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xdotool")), reason="needs Xvfb, xdotool")]


def wait_for_event(path, name: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and any(json.loads(line)["event"] == name
                                 for line in path.read_text(encoding="utf-8").splitlines() if line.strip()):
            return True
        time.sleep(0.1)
    return False


def moved_on(path, timeout: float) -> bool:
    """Whether the reader logged a current paragraph past the title within ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        if any((e := json.loads(line))["event"] == "paragraph.current" and e.get("block") not in ("", "title")
               for line in lines if line.strip()):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_the_session_ending_saves_settings_place_and_layout(tmp_path, sig):
    home = tmp_path / "home"
    events = tmp_path / "events.jsonl"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(json.dumps({"offer_resume": False, "spoken_welcome": False}))
    with xvfb() as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "FENGGANG_READER_HOME": str(home)}
        app = subprocess.Popen([sys.executable, "-m", "fenggang_reader", "--event-log", str(events)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            found = find_window(display, ".", timeout=30)  # the only window: xdotool --name no longer matches the words after 凤岗读报 in the title
            if not found:
                app.kill()
                app.wait()
                raise AssertionError(f"no window appeared: {app.stderr.read() if app.stderr else ''}")
            assert wait_for_event(events, "app.first_paint", 30)
            window = found[0]
            xenv = {**os.environ, "DISPLAY": display}
            subprocess.run(["xdotool", "windowfocus", "--sync", window], env=xenv, check=True, timeout=10)
            subprocess.run(["xdotool", "key", "--delay", "80", "plus", "plus", "Down", "Down", "Down"], env=xenv,
                           check=True, timeout=10)
            # The session ends after the reader moved, not while the keys are still queued (on a loaded machine
            # the signal once came first: nothing had moved yet).
            moved_on(events, timeout=20)
            app.send_signal(sig)
            code = app.wait(timeout=20)
        finally:
            if app.poll() is None:
                app.kill()
                app.wait()
        stderr = app.stderr.read() if app.stderr else ""
        if app.stderr:
            app.stderr.close()
    assert code == 0, stderr
    saved = json.loads((home / "config" / "settings.json").read_text(encoding="utf-8"))
    assert saved["font_size"] == 36, "both + presses were kept (28 → 32 → 36)"
    assert saved["current_block"] not in ("", "title"), "the place moved with Down"
    assert saved["window_geometry"] and saved["window_state"], "the window layout was saved"
    names = [json.loads(line)["event"] for line in events.read_text(encoding="utf-8").splitlines()]
    assert names[-1] == "app.quit"
