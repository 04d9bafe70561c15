"""What the real Orca says while the app is used: runs tests/support/orca-speech and parses its transcript.

The script (a copy of the shared tool) starts Xvfb, openbox, a private D-Bus session, speech-dispatcher
with a capture module and Orca, presses the keys with xdotool and prints every utterance. `missing()`
names what is not installed, so a test can skip with a clear reason.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).with_name("orca-speech")
TOOLS = ("orca", "openbox", "Xvfb", "xdpyinfo", "xdotool", "dbus-run-session", "speech-dispatcher")
TITLE = "凤岗"  # X11 WM_NAME is the document title; Qt adds the app's name only to _NET_WM_NAME


def missing() -> str | None:
    for tool in TOOLS:
        if shutil.which(tool) is None:
            return f"{tool} is not installed (./dev installs orca and openbox)"
    return None


def side_by_side() -> bool:
    """Whether sessions may run at the same time: each runs in a PID namespace of its own (orca-speech, as root),
    where its Orca neither sees nor ends another session's (Orca refuses to start beside one, ``--replace`` kills it)."""
    try:
        return subprocess.run(["unshare", "--pid", "--fork", "--mount-proc", "true"], capture_output=True,
                              timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@dataclass
class Line:
    t: float
    kind: str  # "key", "say", "finished", "mark"
    text: str
    voice: str = ""
    id: str = ""


_SAY = re.compile(r"^([\d.]+) \[([^\]]*)\] (?:#(\d+) )?(.*)$")
_KEY = re.compile(r"^([\d.]+) ### (?:key )?(.*)$")
_DONE = re.compile(r"^([\d.]+)\s+\(#(\d+) finished\)$")


def parse(transcript: str) -> list[Line]:
    out = []
    for raw in transcript.splitlines():
        if m := _DONE.match(raw):
            out.append(Line(float(m[1]), "finished", "", id=m[2]))
        elif m := _KEY.match(raw):
            kind = "key" if raw.split(" ", 2)[2].startswith("key ") else "mark"
            out.append(Line(float(m[1]), kind, m[2]))
        elif m := _SAY.match(raw):
            out.append(Line(float(m[1]), "say", m[4], voice=m[2], id=m[3] or ""))
        elif out and out[-1].kind == "say":  # an utterance with a line break
            out[-1].text += "\n" + raw
    return out


def run(home: Path, keys: list[str], *, timed: bool = False, wait: float = 5, delay: float = 1.5,
        app_env: str = "", timeout: float = 240) -> list[Line]:
    """Start the app (settings under ``home``) with Orca, press ``keys``, return what was said."""
    cmd = [str(SCRIPT), "--wait", str(wait), "--delay", str(delay)]
    if timed:
        cmd.append("--timed")
    if app_env:
        cmd += ["--env", app_env]
    app = f"env -u QT_QPA_PLATFORM FENGGANG_READER_HOME={home} {sys.executable} -m fenggang_reader"  # a real X window
    # Not the test run's own speech-dispatcher, offscreen platform or settings: the script makes its own.
    env = {k: v for k, v in os.environ.items()
           if k not in ("SPEECHD_ADDRESS", "QT_QPA_PLATFORM") and not k.startswith("FENGGANG_")}
    settings = home / "config" / "settings.json"
    saved = settings.read_bytes() if settings.exists() else None
    for _attempt in range(2):  # Orca that never came up is the machine (overloaded), not the app: once more
        done = subprocess.run([*cmd, app, TITLE, *keys], capture_output=True, timeout=timeout, env=env)
        lines = parse(done.stdout.decode("utf-8", "replace"))
        # Orca's first words; the script starts the app after them or after 90 s without them, and the app's own
        # voice is captured too, so other speech does not show that Orca was there.
        if any(x.kind == "say" and "Screen reader on" in x.text for x in lines):
            break
        if saved is not None:  # the same start again, not where the first attempt left off
            settings.write_bytes(saved)
    return lines


def after(lines: list[Line], key: str, nth: int = 1) -> list[Line]:
    """The lines after the nth press of ``key`` up to the next key press."""
    seen = 0
    for i, line in enumerate(lines):
        if line.kind == "key" and line.text == key:
            seen += 1
            if seen == nth:
                rest = lines[i + 1:]
                end = next((j for j, x in enumerate(rest) if x.kind in ("key", "mark")), len(rest))
                return rest[:end]
    raise AssertionError(f"{key} #{nth} was not pressed: {lines}")


def said(lines: list[Line]) -> list[str]:
    return [x.text for x in lines if x.kind == "say"]
