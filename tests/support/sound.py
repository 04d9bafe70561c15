"""Proof of sound: record the PulseAudio null sink's monitor while something plays, and measure it.

Every pytest process (each xdist worker, or the one process of ``-n 0``) has a PulseAudio with the null sink
``fenggang_null`` and a speech-dispatcher of its own (``ProcessSound``, started by tests/conftest.py), so
tests on different workers never hear each other and need not wait for each other.
"""

from __future__ import annotations

import array
import atexit
import contextlib
import math
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from pathlib import Path

NULL_SINK = "fenggang_null"
RATE = 16000


def ensure_null_sink() -> str | None:
    """Make the null sink the default output; None when PulseAudio cannot be had (the reason is returned)."""
    if not (shutil.which("pactl") and shutil.which("parec")):
        return "pactl/parec missing (Debian pulseaudio-utils)"
    if subprocess.run(["pactl", "info"], capture_output=True).returncode != 0:
        subprocess.run(["pulseaudio", "--start", "--exit-idle-time=-1", "--disallow-exit"], capture_output=True)
    sinks = subprocess.run(["pactl", "list", "short", "sinks"], capture_output=True, text=True).stdout
    if NULL_SINK not in sinks:
        subprocess.run(["pactl", "load-module", "module-null-sink", f"sink_name={NULL_SINK}"], capture_output=True)
        sinks = subprocess.run(["pactl", "list", "short", "sinks"], capture_output=True, text=True).stdout
    if NULL_SINK not in sinks:
        return "PulseAudio null sink could not be created"
    subprocess.run(["pactl", "set-default-sink", NULL_SINK], capture_output=True)
    return None


SPEECHD_ENV = "FENGGANG_TEST_SPEECHD"  # set by ProcessSound: this test process's dispatcher address
SPEECHD_ROOT = Path(tempfile.gettempdir()) / f"fenggang-speechd-{os.getuid() if hasattr(os, 'getuid') else 0}"
_SPEECHD_CONF = """
# Written by tests/support/sound.py: a private dispatcher for one test session.
AudioOutputMethod "pulse"
AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"
DefaultModule espeak-ng
DefaultLanguage "zh"
"""


def _end_with_parent() -> None:
    """In the child, before exec (Linux): SIGTERM when the process that started it dies, so a crashed or killed
    test process leaves no daemon behind on a shared machine."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


END_WITH_PARENT = _end_with_parent if os.name == "posix" and os.uname().sysname == "Linux" else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


STARTING_GRACE_S = 60.0


class PrivateSpeechDispatcher:
    """A speech-dispatcher for one test session: its own socket and config (espeak-ng, PulseAudio output).

    A shared per-user dispatcher is shared with every other test run on the machine: their
    ``spd_cancel_all`` silences our speech, and their queued messages delay ours, which looked like
    "the system voice never starts". Each session therefore gets a fresh one, addressed through
    SPEECHD_ADDRESS (read by libspeechd at connect), and stops it at the end. Dispatchers left by a
    session that died are found by their directory (``owner`` = the session's pid) and ended.
    """

    def __init__(self, owner: int | None = None, env: dict[str, str] | None = None):
        self.owner = owner or os.getpid()
        self.env = env  # e.g. PULSE_SERVER of a private PulseAudio; None: this process's environment
        self.directory = SPEECHD_ROOT / f"{self.owner}-{uuid.uuid4().hex[:8]}"
        self.socket = self.directory / "speechd.sock"
        self.process: subprocess.Popen | None = None

    @property
    def address(self) -> str:
        return f"unix_socket:{self.socket}"

    def start(self, timeout: float = 10.0) -> str | None:
        """Start it; None when it is listening, else the reason it could not start."""
        if not shutil.which("speech-dispatcher"):
            return "speech-dispatcher is not installed"
        stop_stale_dispatchers()
        # The owner first: another session's stale sweep took a directory without one for a dead session's and
        # removed it under the copy (two sessions starting at once).
        self.directory.mkdir(parents=True, exist_ok=True)
        (self.directory / "owner").write_text(str(self.owner), encoding="ascii")
        conf = self.directory / "conf"
        shutil.copytree("/etc/speech-dispatcher", conf, dirs_exist_ok=True)
        with open(conf / "speechd.conf", "a", encoding="utf-8") as handle:
            handle.write(_SPEECHD_CONF)
        log = open(self.directory / "stderr.log", "wb")  # noqa: SIM115 - the child keeps it
        self.process = subprocess.Popen(
            ["speech-dispatcher", "--run-single", "--timeout", "0", "--communication-method", "unix_socket",
             "--socket-path", str(self.socket), "--config-dir", str(conf), "--log-dir", str(self.directory),
             "--pid-file", str(self.directory / "pid")],
            stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True, env=self.env,
            preexec_fn=END_WITH_PARENT)
        log.close()
        (self.directory / "process").write_text(str(self.process.pid), encoding="ascii")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.socket.exists():
                return None
            if self.process.poll() is not None:
                break
            time.sleep(0.02)
        self.stop()
        return f"speech-dispatcher did not start (see {self.directory / 'stderr.log'})"

    def stop(self) -> None:
        """End the dispatcher and its modules (they share its process group), then remove its files."""
        if self.process is not None:
            _end_group(self.process.pid)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(5)
            self.process = None
        shutil.rmtree(self.directory, ignore_errors=True)


def _end_group(pid: int) -> None:
    """SIGTERM, then SIGKILL, to the process group a test dispatcher leads (its modules are in it)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, sig)
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline and _alive(pid):
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)
            time.sleep(0.02)
        if not _alive(pid):
            return


def stop_stale_dispatchers() -> list[int]:
    """End dispatchers that earlier test sessions started and did not stop (their owner is gone)."""
    ended: list[int] = []
    if not SPEECHD_ROOT.is_dir():
        return ended
    for directory in SPEECHD_ROOT.iterdir():
        try:
            owner = int((directory / "owner").read_text(encoding="ascii"))
        except (OSError, ValueError):
            owner = 0
            with contextlib.suppress(OSError):
                if time.time() - directory.stat().st_mtime < STARTING_GRACE_S:
                    continue  # being made this moment: its owner is written next
        if owner and _alive(owner):
            continue
        with contextlib.suppress(OSError, ValueError):
            pid = int((directory / "process").read_text(encoding="ascii"))
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
            if str(directory) in cmdline:  # a reused pid is never ours to end
                _end_group(pid)
                ended.append(pid)
        shutil.rmtree(directory, ignore_errors=True)
    return ended


_session: PrivateSpeechDispatcher | None = None


def ensure_speech_dispatcher() -> str | None:
    """Point this process's speech at its own dispatcher, starting one if none is running.

    ProcessSound starts it before the tests (FENGGANG_TEST_SPEECHD); if that failed, one more try on first
    use, stopped when the process exits. None when it is running, else the reason.
    """
    global _session
    address = os.environ.get(SPEECHD_ENV, "")
    if address.startswith("unix_socket:") and Path(address.removeprefix("unix_socket:")).exists():
        os.environ["SPEECHD_ADDRESS"] = address
        return None
    if _session is None or _session.process is None or _session.process.poll() is not None:
        session = PrivateSpeechDispatcher()
        reason = session.start()
        if reason:
            return reason
        _session = session
        atexit.register(session.stop)
    os.environ["SPEECHD_ADDRESS"] = _session.address
    os.environ[SPEECHD_ENV] = _session.address
    return None


class Recorder:
    """``with Recorder(path) as rec: ...`` then ``rec.rms()`` / ``rec.loud_seconds()``."""

    def __init__(self, path: Path, latency_ms: int = 50, server: str | None = None):
        self.path = path
        self.server = server  # a private PulseAudio's address (PrivatePulseAudio.server); None: the default one
        self.latency_ms = latency_ms
        self.stopped_at = 0.0  # time.perf_counter() when recording ended: anchors sample times
        self._proc: subprocess.Popen | None = None

    def __enter__(self) -> Recorder:
        self._handle = open(self.path, "wb")  # noqa: SIM115 - closed in __exit__
        self._proc = subprocess.Popen(
            ["parec", *(["--server", self.server] if self.server else []), "-d", f"{NULL_SINK}.monitor",
             "--format=s16le", f"--rate={RATE}", "--channels=1", f"--latency-msec={self.latency_ms}"],
            stdout=self._handle, stderr=subprocess.DEVNULL)
        time.sleep(0.2)
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._proc is not None
        time.sleep(self.latency_ms / 1000)  # let the last buffer reach the file
        self.stopped_at = time.perf_counter() - self.latency_ms / 1000
        self._proc.terminate()
        self._proc.wait(5)
        self._handle.close()

    def samples(self) -> array.array:
        data = self.path.read_bytes()
        return array.array("h", data[: len(data) // 2 * 2])

    def rms(self) -> float:
        s = self.samples()
        return math.sqrt(sum(x * x for x in s) / len(s)) if s else 0.0

    def loud_seconds(self, threshold: int = 300) -> float:
        """How much of the recording had sound (20 ms windows above the threshold RMS)."""
        s = self.samples()
        window = RATE // 50
        loud = 0
        for i in range(0, len(s) - window, window):
            part = s[i : i + window]
            if math.sqrt(sum(x * x for x in part) / window) > threshold:
                loud += 1
        return loud / 50

    def mark(self) -> int:
        """The number of samples recorded so far: a sample index for "now" (late by parec's ~latency)."""
        return os.fstat(self._handle.fileno()).st_size // 2

    def first_loud_after(self, index: int, threshold: int = 300, window_ms: int = 5) -> float | None:
        """Seconds from sample ``index`` (a ``mark()``) to the first window with sound, or None."""
        s = self.samples()
        window = RATE * window_ms // 1000
        for i in range(index, len(s) - window, window):
            part = s[i : i + window]
            if math.sqrt(sum(x * x for x in part) / window) > threshold:
                return (i - index) / RATE
        return None

    def loud_times(self, threshold: int = 300, window_ms: int = 5) -> list[float]:
        """time.perf_counter() values of the windows with sound (the last sample ≈ ``stopped_at``)."""
        s = self.samples()
        window = RATE * window_ms // 1000
        n = len(s)
        out = []
        for i in range(0, n - window, window):
            part = s[i : i + window]
            if math.sqrt(sum(x * x for x in part) / window) > threshold:
                out.append(self.stopped_at - (n - i) / RATE)
        return out


class SilentSocket:
    """A Unix socket that accepts every connection and never answers: a hung speech-dispatcher.

    ``with SilentSocket(path) as address:`` gives the SPEECHD_ADDRESS value to point the voice at it.
    """

    def __init__(self, path: Path):
        self.path = path
        self._server: socket.socket | None = None
        self._clients: list[socket.socket] = []
        self._thread: threading.Thread | None = None

    def __enter__(self) -> str:
        self._server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._server.bind(str(self.path))
        self._server.listen(8)
        self._thread = threading.Thread(target=self._accept, name="silent-speechd", daemon=True)
        self._thread.start()
        return f"unix_socket:{self.path}"

    def _accept(self) -> None:
        assert self._server is not None
        while True:
            try:
                client, _ = self._server.accept()
            except OSError:  # closed
                return
            self._clients.append(client)  # kept open, never read, never answered

    def __exit__(self, *exc: object) -> None:
        assert self._server is not None
        with contextlib.suppress(OSError):
            self._server.shutdown(socket.SHUT_RDWR)
        self._server.close()
        for client in self._clients:
            client.close()
        self.path.unlink(missing_ok=True)


class PrivatePulseAudio:
    """A PulseAudio daemon of our own (runtime dir, socket, null sink): one we may stop with SIGSTOP.

    The shared daemon serves every other test run on the machine; stalling it would stall them too.
    Point a process at this one with ``env["PULSE_SERVER"] = daemon.server`` (libpulse reads it).
    """

    def __init__(self, directory: Path):
        self.directory = directory
        self.socket = directory / "native"
        self.process: subprocess.Popen | None = None

    @property
    def server(self) -> str:
        return f"unix:{self.socket}"

    def start(self, timeout: float = 30.0) -> str | None:
        """Start it; None when it answers, else the reason it could not start (with the end of its log)."""
        if not (shutil.which("pulseaudio") and shutil.which("pactl")):
            return "pulseaudio/pactl missing"
        self.directory.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "PULSE_RUNTIME_PATH": str(self.directory), "PULSE_STATE_PATH": str(self.directory),
               "HOME": str(self.directory)}
        env.pop("PULSE_SERVER", None)
        # Off the session bus: a daemon there claims the name org.PulseAudio1, and a second private one started
        # at the same moment (tests on two workers) then exits with "D-Bus name org.PulseAudio1 already taken".
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        self.process = subprocess.Popen(
            ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "--use-pid-file=no",
             "--disable-shm=yes", "-L", f"module-null-sink sink_name={NULL_SINK}",
             "-L", f"module-native-protocol-unix socket={self.socket} auth-anonymous=1",
             f"--log-target=file:{self.directory / 'log'}"],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True, preexec_fn=END_WITH_PARENT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            answered = subprocess.run(["pactl", "--server", self.server, "info"], capture_output=True)
            if answered.returncode == 0:
                subprocess.run(["pactl", "--server", self.server, "set-default-sink", NULL_SINK], capture_output=True)
                return None
            time.sleep(0.1)
        exited = self.process.poll()
        self.stop()
        log = self.directory / "log"
        tail = log.read_text(encoding="utf-8", errors="replace")[-1500:] if log.exists() else "(no log)"
        state = f"exited with {exited}" if exited is not None else f"not answering after {timeout:.0f} s"
        return f"the private PulseAudio did not start ({state}); the end of {log}:\n{tail}"

    def pause(self) -> None:
        """The sound server stalls: it keeps its sockets open and answers nothing."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGCONT)

    def stop(self) -> None:
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.process.pid, signal.SIGCONT)
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
            self.process = None

    def __enter__(self) -> PrivatePulseAudio:
        reason = self.start()
        if reason:
            raise RuntimeError(reason)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class ProcessSound:
    """This pytest process's own PulseAudio (null sink) and speech-dispatcher, in its environment.

    With one shared sound server and dispatcher, every test that made or recorded sound had to run on one
    worker, one after the other (the null sink would mix two tests' voices; one test's cancel silenced
    another's speech), and most of the suite's time was that queue waiting. Started before any test, so Qt's
    audio, parec, pactl, the dispatcher and every app a test starts find them through PULSE_SERVER and
    SPEECHD_ADDRESS. Either may be missing (the reason is kept): the tests that need it then skip.
    """

    ROOT = Path(tempfile.gettempdir()) / f"fenggang-sound-{os.getuid() if hasattr(os, 'getuid') else 0}"

    def __init__(self) -> None:
        self.directory = self.ROOT / f"{os.getpid()}-{uuid.uuid4().hex[:8]}"  # the owner's pid first
        self.pulse = PrivatePulseAudio(self.directory / "pulse")
        self.dispatcher: PrivateSpeechDispatcher | None = None
        self.problems: list[str] = []

    def start(self) -> ProcessSound:
        self._remove_stale()
        reason = self.pulse.start()
        if reason:
            self.problems.append(reason)
        else:
            os.environ["PULSE_SERVER"] = self.pulse.server
        dispatcher = PrivateSpeechDispatcher(env=dict(os.environ))
        reason = dispatcher.start()
        if reason:
            self.problems.append(reason)
        else:
            self.dispatcher = dispatcher
            os.environ[SPEECHD_ENV] = os.environ["SPEECHD_ADDRESS"] = dispatcher.address
        return self

    def stop(self) -> None:
        if self.dispatcher is not None:
            self.dispatcher.stop()
        self.pulse.stop()
        shutil.rmtree(self.directory, ignore_errors=True)

    def _remove_stale(self) -> None:
        """Folders of test processes that were killed (their daemons ended with them: PR_SET_PDEATHSIG)."""
        if not self.ROOT.is_dir():
            return
        for directory in self.ROOT.iterdir():
            owner = directory.name.partition("-")[0]
            if owner.isdigit() and not _alive(int(owner)):
                shutil.rmtree(directory, ignore_errors=True)
