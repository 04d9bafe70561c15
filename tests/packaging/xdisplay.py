"""Helpers for launching a real app window on a private Xvfb screen and looking at it like a user would."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCREEN = (1280, 900)


@contextmanager
def xvfb() -> Iterator[str]:
    """Start Xvfb on a display number it picks itself (-displayfd: never clashes); yield ":N"."""
    if not shutil.which("Xvfb"):
        raise RuntimeError("Xvfb is missing (Debian package xvfb)")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def find_window(display: str, pattern: str, timeout: float) -> tuple[str, str] | None:
    """(window id, title) of the first visible window whose title matches pattern, polling up to timeout s."""
    env = {**os.environ, "DISPLAY": display}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", pattern],
                               capture_output=True, text=True, env=env).stdout.split()
        for window in found:
            title = subprocess.run(["xdotool", "getwindowname", window], capture_output=True, text=True,
                                   env=env).stdout.strip()
            if title:
                return window, title
        time.sleep(0.2)
    return None


def window_geometry(display: str, window: str) -> tuple[int, int, int, int]:
    """(x, y, width, height) of a window on the screen."""
    out = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window], capture_output=True, text=True,
                         env={**os.environ, "DISPLAY": display}, check=True).stdout
    values = dict(line.split("=", 1) for line in out.split())
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


def screenshot(display: str, path: Path) -> Path:
    """The whole screen, as ImageMagick's `import -window root` sees it."""
    subprocess.run(["import", "-display", display, "-window", "root", str(path)], check=True, timeout=30)
    return path


def dark_pixels(image: Path, box: tuple[int, int, int, int], threshold: int = 110) -> int:
    """How many pixels in box (x, y, w, h) are darker than threshold (0–255 grey): drawn text on a light page."""
    x, y, w, h = box
    grey = subprocess.run(
        ["convert", str(image), "-crop", f"{w}x{h}+{x}+{y}", "+repage", "-colorspace", "Gray", "-depth", "8",
         "gray:-"],
        capture_output=True, check=True, timeout=30,
    ).stdout
    return sum(1 for value in grey if value < threshold)
