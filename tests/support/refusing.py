"""A folder that really refuses writes, for root too.

CI runs as root, and root ignores permission bits: a chmod'ed folder stays writable and a test of "cannot
write here" would pass without testing anything. As root the folder becomes a read-only tmpfs mount
(EROFS, which root cannot write either); otherwise permission bits do the job.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(args: list[str]) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextlib.contextmanager
def read_only_folder(folder: Path, files: dict[str, str] | None = None) -> Iterator[Path]:
    """``folder`` (created) holding ``files`` (name → text), refusing every write until the block ends.

    Skips the test, saying why, when the folder cannot be made read-only for this user.
    """
    folder.mkdir(parents=True, exist_ok=True)
    files = files or {}
    if os.geteuid() != 0:
        for name, text in files.items():
            (folder / name).write_text(text)
        folder.chmod(0o500)
        try:
            yield folder
        finally:
            folder.chmod(0o700)
        return
    if not _mount(["-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", str(folder)]):
        pytest.skip("running as root without the right to mount a tmpfs: a read-only folder cannot be made")
    try:
        for name, text in files.items():
            (folder / name).write_text(text)
        if not _mount(["-o", "remount,ro", str(folder)]):
            pytest.skip("running as root but the tmpfs could not be remounted read-only")
        probe = folder / ".probe"
        with pytest.raises(OSError):  # the promise every caller relies on
            probe.write_text("x")
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@contextlib.contextmanager
def full_folder(folder: Path) -> Iterator[Path]:
    """``folder`` (created) on a tiny tmpfs filled to the last byte: every write fails with ENOSPC.

    Skips the test when no tmpfs can be mounted (a full disk cannot be made without root).
    """
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not _mount(["-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", str(folder)]):
        pytest.skip("a full folder needs a tmpfs mount (root)")
    try:
        with open(folder / "filler", "wb", buffering=0) as filler, contextlib.suppress(OSError):
            while True:
                filler.write(b"\0" * 4096)
        probe = folder / ".probe"
        with pytest.raises(OSError), open(probe, "wb", buffering=0) as handle:  # the promise callers rely on
            handle.write(b"x" * 8192)
        probe.unlink(missing_ok=True)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)
