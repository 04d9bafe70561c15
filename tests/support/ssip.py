"""Another client of the test session's speech-dispatcher, speaking as a screen reader does.

Orca talks to speech-dispatcher over SSIP at MESSAGE priority, the priority Qt's voice uses too, so the
two queue behind each other. ``OtherClient`` does the same with a few SSIP commands (the protocol is
lines ending in CR LF, a reply "2xx ..." to each, text ended by a line holding "."), so a test can make
the dispatcher busy the way Orca does and hear, on the null sink, what our voice does about it.
"""

from __future__ import annotations

import os
import socket


class OtherClient:
    """``with OtherClient() as orca: orca.speak(text)`` on the dispatcher at $SPEECHD_ADDRESS."""

    def __init__(self, name: str = "orca"):
        self.name = name
        self._sock: socket.socket | None = None
        self._buffer = b""

    def __enter__(self) -> OtherClient:
        address = os.environ.get("SPEECHD_ADDRESS", "")
        if not address.startswith("unix_socket:"):
            raise RuntimeError(f"no speech-dispatcher socket in SPEECHD_ADDRESS ({address!r})")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(10)
        sock.connect(address.removeprefix("unix_socket:"))
        self._sock = sock
        self.command(f"SET SELF CLIENT_NAME tester:{self.name}:main")
        self.command("SET SELF PRIORITY MESSAGE")
        self.command("SET SELF LANGUAGE en")
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._sock is not None:
            try:
                self.command("CANCEL SELF")
                self.command("QUIT")
            except OSError:
                pass
            self._sock.close()
            self._sock = None

    def speak(self, text: str) -> str:
        """Queue ``text``; returns the dispatcher's reply (its message id)."""
        self.command("SPEAK", expect="230")
        return self.command(text.replace("\r\n", "\n").replace("\n.", "\n..") + "\r\n.")

    def command(self, line: str, expect: str = "2") -> str:
        assert self._sock is not None
        self._sock.sendall(line.encode("utf-8") + b"\r\n")
        reply = self._reply()
        if not reply[-1].startswith(expect):
            raise RuntimeError(f"speech-dispatcher answered {reply} to {line!r}")
        return "\n".join(reply)

    def _reply(self) -> list[str]:
        """One reply: lines "NNN-..." then a last "NNN ..." line."""
        assert self._sock is not None
        lines: list[str] = []
        while True:
            while b"\r\n" not in self._buffer:
                data = self._sock.recv(4096)
                if not data:
                    raise OSError("speech-dispatcher closed the connection")
                self._buffer += data
            raw, self._buffer = self._buffer.split(b"\r\n", 1)
            line = raw.decode("utf-8", "replace")
            lines.append(line)
            if len(line) >= 4 and line[3] == " ":
                return lines
