"""One reader per user and settings folder: starting it again brings the open window to the front.

An elderly reader who cannot see the window behind others simply double-clicks the icon again; a
second copy would be a second writer to the same settings and a second voice. The first instance
listens on a QLocalServer named after the user and the config folder (a named pipe on Windows, readable by
the user only; on Unix a socket in a folder only this user can enter: see ``socket_folder``, so another
local user can neither take the name first nor answer in our place); a later start connects, says
``activate`` (or ``open`` with a file's path, ``fenggang-reader FILE``: the running window opens it), waits for
``ok`` and exits. A lock file (QLockFile, ``instance.lock`` in the config
folder) settles two starts at the same moment. A socket left behind by a crashed instance answers
nothing and its lock is stale: both are removed and the new instance takes over. Event log names: ``app.handed_off``, ``app.activated``.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import logging
import os
import stat
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

ACTIVATE = b"activate\n"
OPEN = b"open "  # followed by {"path": …} in JSON and a newline (any file name, newlines included, fits)
ACK = b"ok\n"
_MAX_MESSAGE = 64
_MAX_OPEN_MESSAGE = 16384  # an open message carries a path
DAMAGED_LOCK_SECONDS = 1.0


def server_name(config_dir: Path) -> str:
    """Per user and per config folder, short enough for a Unix socket path, no user text in it."""
    try:
        user = str(os.getuid())
    except AttributeError:  # Windows
        user = getpass.getuser()
    try:
        folder = str(config_dir.resolve())
    except OSError:
        folder = str(config_dir.absolute())
    digest = hashlib.sha256(f"{user}\0{folder}".encode()).hexdigest()[:20]
    return f"fenggang-reader-{digest}"


def private_folder(candidate: Path) -> Path | None:
    """``candidate`` (created if missing) when only this user can use it: a real folder, not a symlink, owned
    by this user, with no access for group or others; None otherwise."""
    try:
        candidate.mkdir(mode=0o700, exist_ok=True)
        info = candidate.lstat()
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            return None
        if info.st_mode & 0o077:  # ours but open to others (an old umask): close it
            os.chmod(candidate, 0o700)
    except OSError:
        return None
    return candidate


def socket_folder() -> Path | None:
    """Unix: where the instance socket lives. The desktop's per-user runtime folder ($XDG_RUNTIME_DIR, made
    private by the system), else a private folder of this user in the temp folder; None when neither can be
    had safely (the reader then runs without the guard rather than trust a folder someone else controls)."""
    candidates = []
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime).is_absolute():
        candidates.append(Path(runtime) / "fenggang-reader")
    candidates.append(Path(tempfile.gettempdir()) / f"fenggang-reader-{os.getuid()}")
    for candidate in candidates:
        folder = private_folder(candidate)
        if folder is not None:
            return folder
        log.warning("not using %s for the instance socket: it is not a private folder of this user", candidate)
    return None


class SingleInstance(QObject):
    """``acquire()`` once at start: True means carry on (we are the one), False means exit quietly."""

    activation_requested = Signal()
    open_requested = Signal(Path)  # a later start asked for this file (after activation_requested)

    def __init__(self, config_dir: Path, parent: QObject | None = None, *, timeout_ms: int = 1500,
                 startup_wait: float = 8.0, open_path: Path | None = None):
        super().__init__(parent)
        self.open_path = open_path  # handed to a running instance instead of being opened here
        # Unix: the socket is a file in a private folder (Windows uses a named pipe, nothing to clean).
        self.socket_path: Path | None = None
        self.name: str | None = server_name(config_dir)
        if sys.platform != "win32":
            folder = socket_folder()
            self.socket_path = folder / self.name if folder is not None else None
            self.name = str(self.socket_path) if self.socket_path is not None else None
        self.timeout_ms = timeout_ms
        self.server: QLocalServer | None = None
        self.stale_removed = False
        self.startup_wait = startup_wait
        self.lock_path = config_dir / "instance.lock"
        with contextlib.suppress(OSError):  # a read-only profile: QLockFile says so, the reader runs unlocked
            config_dir.mkdir(parents=True, exist_ok=True)
        self.lock = QLockFile(str(self.lock_path))
        self._clients: list[QLocalSocket] = []

    def acquire(self) -> bool:
        if self._hand_off():
            return False
        if not self._lock_or_hand_off():
            return False
        if self.name is None:
            log.warning("no private folder for the instance socket; running without the single-instance guard")
            return True
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # Holding the lock, any socket still there belongs to an instance that died: take its place.
        if self.socket_path is not None and self.socket_path.exists():
            log.info("removing the stale instance socket %s (a previous run ended abruptly)", self.socket_path)
            QLocalServer.removeServer(self.name)
            self.stale_removed = True
        if not server.listen(self.name):
            # No single-instance guard is better than no reader at all.
            log.warning("cannot listen on %s: %s; running without the single-instance guard", self.name,
                        server.errorString())
            return True
        server.newConnection.connect(self._accept)
        self.server = server
        return True

    def _lock_or_hand_off(self) -> bool:
        """Take the lock file (True), or find the instance that holds it starting up and hand off (False).

        The lock closes the gap between two starts at the same moment; QLockFile knows a lock whose
        process is gone is stale, so a kill -9 never locks the reader out.
        """
        self.lock.setStaleLockTime(0)  # stale only when its process is gone, however young
        deadline = time.monotonic() + self.startup_wait
        unreadable_since: float | None = None
        while True:
            if self.lock.tryLock(100):
                return True
            if self.lock.error() != QLockFile.LockError.LockFailedError:
                log.warning("cannot use the instance lock %s (%s); running without it", self.lock_path,
                            self.lock.error().name)
                return True
            if self._hand_off():
                return False
            # A lock naming no process (damaged, emptied by a crash) is never stale to Qt. A starting instance
            # writes its lock at once, so one that stays unreadable for a second belongs to nobody.
            if self.lock.getLockInfo()[0] > 0:
                unreadable_since = None
            elif unreadable_since is None:
                unreadable_since = time.monotonic()
            elif time.monotonic() - unreadable_since > DAMAGED_LOCK_SECONDS:
                log.warning("the instance lock %s is damaged (it names no process); removing it", self.lock_path)
                self.lock.removeStaleLockFile()
                unreadable_since = None
            if time.monotonic() > deadline:
                log.warning("another instance holds %s but does not answer; starting anyway", self.lock_path)
                return True

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock.isLocked():
            self.lock.unlock()

    # ---- the second instance
    def _hand_off(self) -> bool:
        """Ask a running instance to come forward; True when it confirmed."""
        if self.name is None:
            return False
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(self.timeout_ms):
            return False
        try:
            socket.write(open_message(self.open_path) if self.open_path is not None else ACTIVATE)
            socket.waitForBytesWritten(self.timeout_ms)
            reply = b""
            while not reply.endswith(b"\n") and len(reply) < _MAX_MESSAGE:
                if not socket.bytesAvailable() and not socket.waitForReadyRead(self.timeout_ms):
                    break
                reply += bytes(socket.readAll().data())
            if reply != ACK:
                log.warning("the running instance did not confirm (%r); starting anyway", reply[:_MAX_MESSAGE])
                return False
            return True
        finally:
            socket.abort()

    # ---- the first instance
    def _accept(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            client = self.server.nextPendingConnection()
            self._clients.append(client)
            client.readyRead.connect(lambda c=client: self._read(c))
            client.disconnected.connect(lambda c=client: self._drop(c))

    def _read(self, client: QLocalSocket) -> None:
        data = bytes(client.peek(_MAX_OPEN_MESSAGE + 1).data())
        limit = _MAX_OPEN_MESSAGE if data.startswith(OPEN) else _MAX_MESSAGE
        if b"\n" not in data and len(data) <= limit:
            return  # wait for the rest of the line
        client.readAll()
        path = opened_path(data) if data.startswith(OPEN) else None
        if data == ACTIVATE or path is not None:
            client.write(ACK)
            client.flush()
            self.activation_requested.emit()
            if path is not None:
                self.open_requested.emit(path)
        else:
            log.info("ignored an unexpected message on the instance socket (%d bytes)", len(data))
        client.disconnectFromServer()

    def _drop(self, client: QLocalSocket) -> None:
        if client in self._clients:
            self._clients.remove(client)
        client.deleteLater()


def open_message(path: Path) -> bytes:
    return OPEN + json.dumps({"path": str(path)}).encode("ascii") + b"\n"


def opened_path(data: bytes) -> Path | None:
    """The path of an ``open`` message, or None when the message is not one."""
    if not data.endswith(b"\n") or len(data) > _MAX_OPEN_MESSAGE:
        return None
    try:
        message = json.loads(data[len(OPEN):].decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return None
    path = message.get("path") if isinstance(message, dict) else None
    return Path(path) if isinstance(path, str) and path and "\x00" not in path else None


def bring_to_front(window) -> None:
    """Unminimise, raise and focus the window (window managers may only flash it; that still helps)."""
    if window.isMinimized():
        window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
    events = getattr(window, "events", None)
    if events is not None:
        events.emit("app.activated")
