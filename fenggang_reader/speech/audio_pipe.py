"""MP3 that is still arriving, handed to FFmpeg as a file it reads while we write: an OS pipe.

Why a pipe: Qt 6.11's FFmpeg backend plays a QIODevice source as it grows, but leaks ~34 KB of native memory
per source (its custom-I/O buffer is never freed; measured over 200 sources by
benchmarks/bench_stream_start.py --leak), and a ``data:`` URL needs the whole MP3 first. FFmpeg's own file
protocol reading a pipe frees everything with the input (~2 KB per source, as the data: URL) and plays
each frame as soon as it is written; closing the write end is the end of the audio.

FFmpeg opens the pipe through a symlink named after the play it belongs to (``stream-<serial>.mp3`` →
``/proc/self/fd/<read end>``): the name tells the player which play a source is, and removing the link
before the descriptors are closed means a late open of an abandoned stream fails instead of reaching a
newer pipe that got the same descriptor number. Linux only (``supported``); elsewhere the whole sentence
is awaited and played from memory.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import sys
from pathlib import Path

log = logging.getLogger(__name__)
F_SETPIPE_SZ = 1031  # linux/fcntl.h
PIPE_BYTES = 1 << 20  # 1 MB, the unprivileged maximum: ~170 s of 48 kbit/s audio, so writes never wait
_NAME = re.compile(r"stream-(\d+)\.mp3$")


def supported() -> bool:
    return sys.platform.startswith("linux") and Path("/proc/self/fd").is_dir()


def stream_serial(path: str) -> int | None:
    """The play a pipe's path belongs to (``serial`` given to AudioPipe), None for any other path."""
    match = _NAME.search(path)
    return int(match.group(1)) if match else None


class AudioPipe:
    """One stream: ``write`` pieces as they come (never blocks), ``finish`` ends it, ``close`` abandons it."""

    def __init__(self, folder: Path, serial: int):
        import fcntl  # Linux only, as this class (see supported)

        self._read, self._write = os.pipe()
        with contextlib.suppress(OSError):  # a lower system limit: the default 64 KB (~10 s of audio)
            fcntl.fcntl(self._write, F_SETPIPE_SZ, PIPE_BYTES)
        os.set_blocking(self._write, False)
        self.path = folder / f"stream-{serial}.mp3"
        os.symlink(f"/proc/self/fd/{self._read}", self.path)
        self.written = bytearray()  # everything written, to check the finished audio against it
        self.finished = False
        self.closed = False

    @property
    def duration_ms(self) -> float:
        """Audio written so far (48 kbit/s CBR, as Edge sends)."""
        return len(self.written) * 8 / 48

    def write(self, data: bytes) -> bool:
        """Append ``data``; False when the pipe is closed or full (the stream cannot go on)."""
        if self.closed or self.finished:
            return False
        view = memoryview(data)
        try:
            while view:
                count = os.write(self._write, view)
                self.written += view[:count]
                view = view[count:]
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EPIPE):
                raise
            log.warning("audio pipe: %s after %d bytes", os.strerror(exc.errno), len(self.written))
            return False
        return True

    def finish(self, rest: bytes = b"") -> bool:
        """Write ``rest`` and end the audio there (FFmpeg reads to the end, then sees its end)."""
        if rest and not self.write(rest):
            return False
        if not self.closed and not self.finished:
            self.finished = True
            os.close(self._write)
        return True

    def close(self) -> None:
        """Abandon the stream: the link first (see the module docstring), then the descriptors. Idempotent."""
        if self.closed:
            return
        self.closed = True
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        if not self.finished:
            os.close(self._write)  # a reader waiting for more sees the end at once
        os.close(self._read)
