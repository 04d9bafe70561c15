"""Run the real app on a virtual screen and look at it the way a screen reader does (AT-SPI).

Starts Xvfb, a private D-Bus session bus, the accessibility bus, the app (with Qt's AT-SPI bridge
forced on) and tests/support/atspi_probe.py in the system Python (python3-gi). Usage:

    with AtspiApp(home=tmp_path / "home") as app:
        nodes = app.tree()
        app.key("Tab")
        assert app.focused()["name"] == "Contents"

`missing()` names what is not installed, so a test can skip with a clear reason on a machine
without the Debian packages (./dev installs them).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("atspi_probe.py")
SYSTEM_PYTHON = "/usr/bin/python3"
TITLE = "凤岗|Fenggang"
TOOLS = ("Xvfb", "xdotool", "dbus-daemon", "gdbus")


def missing() -> str | None:
    """Why AT-SPI tests cannot run here, or None when they can."""
    for tool in TOOLS:
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not Path(SYSTEM_PYTHON).exists():
        return f"{SYSTEM_PYTHON} is missing"
    check = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', '2.0'); from gi.repository import Atspi"],
        capture_output=True,
    )
    if check.returncode != 0:
        return "python3-gi with gir1.2-atspi-2.0 is not installed"
    return None


def spoken(events: list[dict]) -> list[str]:
    """What a screen reader was told: announcements, and description changes (how Orca 43 hears messages)."""
    kinds = ("object:announcement", "object:property-change:accessible-description")
    return [e.get("text", "").rstrip("\u200b") for e in events if e["type"] in kinds]


class AtspiError(RuntimeError):
    pass


class AtspiApp:
    """The app under Xvfb + a private D-Bus + AT-SPI, and a probe to query and drive it."""

    def __init__(self, home: Path, args: tuple[str, ...] = (), env: dict[str, str] | None = None,
                 size: tuple[int, int] = (1280, 900), timeout: float = 40.0):
        self.home = Path(home)
        self.args = args
        self.extra_env = env or {}
        self.size = size
        self.timeout = timeout
        self._procs: list[subprocess.Popen] = []
        self.probe: subprocess.Popen | None = None
        self._probe_errors: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - the probe's stderr; closed in stop()
        self.app: subprocess.Popen | None = None
        self._runtime = ""  # the session's XDG_RUNTIME_DIR (its accessibility bus)

    # -- lifecycle -----------------------------------------------------------------------------
    def __enter__(self) -> AtspiApp:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _spawn(self, cmd: list[str], **kw: Any) -> subprocess.Popen:
        proc = subprocess.Popen(cmd, start_new_session=True, **kw)
        self._procs.append(proc)
        return proc

    def start(self) -> None:
        w, h = self.size
        # Xvfb picks a free display itself (-displayfd): a scan for one raced with tests on other workers.
        read_fd, write_fd = os.pipe()
        self._spawn(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{w}x{h}x24", "-nolisten", "tcp"],
                    pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            display = pipe.readline().strip()  # written once Xvfb accepts connections
        if not display:
            raise AtspiError("Xvfb did not start")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "AT_SPI", "QT_QPA"))}
        env["DISPLAY"] = f":{display}"
        # The accessibility bus's socket lives in XDG_RUNTIME_DIR, else in ~/.cache/at-spi/bus: one path for every
        # session of the user, so two sessions started together (tests on two workers) took each other's bus
        # ("Couldn't register with accessibility bus"). Each session gets a runtime folder of its own.
        self._runtime = tempfile.mkdtemp(prefix="fenggang-atspi-")
        env["XDG_RUNTIME_DIR"] = self._runtime
        bus = self._spawn(["dbus-daemon", "--session", "--nofork", "--print-address=1"], env=env,  # what it starts
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)  # (the a11y bus) gets env
        assert bus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        subprocess.run(["gdbus", "call", "--session", "--dest", "org.a11y.Bus", "--object-path", "/org/a11y/bus",
                        "--method", "org.a11y.Bus.GetAddress"], env=env, capture_output=True, timeout=20)
        env.update({"QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_QPA_PLATFORM": "xcb",
                    "FENGGANG_READER_HOME": str(self.home), "NO_AT_BRIDGE": "0", **self.extra_env})
        self.env = env
        self.app = self._spawn([sys.executable, "-m", "fenggang_reader", *self.args], env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self._focus_window()
        self.probe = self._spawn([SYSTEM_PYTHON, "-W", "ignore", str(PROBE), TITLE, str(self.timeout)], env=env,
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._probe_errors,
                                 text=True, bufsize=1)
        first = self._read()
        if not first.get("ready"):
            raise AtspiError(first.get("error", f"probe failed: {first}"))

    def _focus_window(self) -> None:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.app is not None and self.app.poll() is not None:
                err = self.app.stderr.read() if self.app.stderr else ""
                raise AtspiError(f"the app exited with {self.app.returncode}: {err[-2000:]}")
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", TITLE], env=self.env,
                                   capture_output=True, text=True)
            wid = found.stdout.split()
            if wid:
                self.window_id = wid[0]
                subprocess.run(["xdotool", "windowfocus", "--sync", wid[0]], env=self.env, capture_output=True,
                               timeout=10)
                return
            time.sleep(0.1)
        raise AtspiError("the window did not appear")

    def stop(self) -> None:
        if self.probe is not None and self.probe.poll() is None:
            with contextlib.suppress(AtspiError, OSError, ValueError):
                self.request({"cmd": "quit"})
        for proc in reversed(self._procs):
            if proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait(5)
            for stream in (proc.stdin, proc.stdout, proc.stderr):
                if stream is not None:
                    stream.close()
        self._procs.clear()
        self._probe_errors.close()
        if self._runtime:
            shutil.rmtree(self._runtime, ignore_errors=True)

    # -- talking to the probe ------------------------------------------------------------------
    def _read(self) -> dict:
        assert self.probe is not None and self.probe.stdout is not None
        line = self.probe.stdout.readline()
        if not line:
            self._probe_errors.seek(0)
            said = self._probe_errors.read().decode("utf-8", "replace")[-2000:]
            raise AtspiError(f"the AT-SPI probe stopped: {said or '(nothing on its stderr)'}")
        return json.loads(line)

    def request(self, obj: dict) -> dict:
        assert self.probe is not None and self.probe.stdin is not None
        self.probe.stdin.write(json.dumps(obj, ensure_ascii=False) + "\n")
        self.probe.stdin.flush()
        answer = self._read()
        if "error" in answer:
            raise AtspiError(answer["error"])
        return answer

    def tree(self) -> list[dict]:
        """Every node of the app: role, name, description, states, attributes, text (first 400 chars), path."""
        return self.request({"cmd": "tree"})["nodes"]

    def key(self, key: str, settle: float = 0.5, wait_focus: float = 0.0) -> dict | None:
        """Press a key (xdotool syntax: Tab, shift+Tab, ctrl+f, F6, Escape) and return what has focus.

        ``wait_focus``: a key expected to move focus waits up to that many more seconds for the focus event."""
        answer = self.request({"cmd": "key", "key": key, "settle": settle, "wait_focus": wait_focus})
        return answer["focus"] or answer["focused"]

    def type_text(self, text: str) -> None:
        self.request({"cmd": "type", "text": text})

    def focused(self) -> dict | None:
        """The object that last got focus (focus events), else the last focused node in the tree."""
        answer = self.request({"cmd": "focused"})
        return answer["focus"] or answer["focused"]

    def events(self) -> list[dict]:
        """Events since the last call: focus, showing, announcements (with "text"), caret moves."""
        return self.request({"cmd": "events"})["events"]

    def node(self, path: list[int], full_text: bool = False) -> dict:
        return self.request({"cmd": "node", "path": path, "full_text": full_text})["node"]

    def sleep(self, seconds: float) -> None:
        self.request({"cmd": "sleep", "seconds": seconds})


def focusable_nodes(nodes: list[dict]) -> list[dict]:
    """Nodes a keyboard user can reach and a screen reader announces: focusable and showing."""
    return [n for n in nodes if "focusable" in n["states"] and "showing" in n["states"]]
