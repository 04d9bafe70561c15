"""Files that must never be half-written, and where they live (platformdirs' user directories).

Set FENGGANG_READER_HOME to keep config, cache, data and logs under one folder (the tests do, so
they never touch a real profile).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "fenggang-reader"


@dataclass(frozen=True)
class AppDirs:
    config: Path
    cache: Path
    data: Path
    log: Path

    @classmethod
    def default(cls) -> AppDirs:
        home = os.environ.get("FENGGANG_READER_HOME")
        if home:
            base = Path(home)
            return cls(base / "config", base / "cache", base / "data", base / "log")
        dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
        return cls(dirs.user_config_path, dirs.user_cache_path, dirs.user_data_path, dirs.user_log_path)

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file beside path, fsync, then rename over it: all or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


class DamagedFile(ValueError):
    """A file we wrote that cannot be read back: the message says how, in plain words."""


def parse_json(data: bytes | str) -> Any:
    """JSON as written by this app, or DamagedFile for anything a text editor, a crash or a disk can do to it:
    not UTF-8 (saved as GBK, random bytes), not JSON, or nested so deep that the parser gives up."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        return json.loads(text)
    except UnicodeDecodeError as exc:
        raise DamagedFile(f"it is not UTF-8 text (byte {exc.start} is 0x{exc.object[exc.start]:02x})") from None
    except RecursionError:
        raise DamagedFile("it is nested too deeply to be settings") from None
    except ValueError as exc:
        raise DamagedFile(f"it is not valid JSON: {exc}") from None


@dataclass
class SavedJson:
    """What read_saved_json found: the parsed value (None: no file, or it could not be used), what went wrong in
    one sentence, and where a damaged file was kept."""

    value: Any = None
    problem: str | None = None
    kept_aside: Path | None = None


def read_saved_json(path: Path, name: str, otherwise: str, parse: Callable[[Any], Any]) -> SavedJson:
    """A JSON file this app saved, made usable by ``parse`` (which raises DamagedFile for a shape it cannot use).

    No file: nothing, and no problem. Unreadable: a problem. Damaged: kept aside (nothing is lost) and a
    problem. ``name`` says which file ("the settings file"), ``otherwise`` what happens instead ("the defaults
    are used"); settings and the recent documents both read this way."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return SavedJson()
    except OSError as exc:
        return SavedJson(problem=f"Could not read {name} {path}: {exc.strerror}; {otherwise}.")
    try:
        return SavedJson(parse(parse_json(raw)))
    except DamagedFile as exc:
        kept = keep_aside(path)
        where = f" It was kept as {kept.name}." if kept else ""
        return SavedJson(problem=f"{name[:1].upper()}{name[1:]} was damaged ({exc}); {otherwise}.{where}",
                         kept_aside=kept)


def keep_aside(path: Path, *, copy: bool = False) -> Path | None:
    """Move a damaged file to <name>.<timestamp>.bad (or, with ``copy``, copy it there because the
    usable part stays in use) so nothing is ever lost; None if it fails."""
    target = path.with_name(f"{path.name}.{time.strftime('%Y%m%d-%H%M%S')}.bad")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.{time.strftime('%Y%m%d-%H%M%S')}-{n}.bad")
        n += 1
    try:
        if copy:
            shutil.copyfile(path, target)
        else:
            os.replace(path, target)
        return target
    except OSError:
        return None
