"""The documents the reader opened, newest first, each with its reading place; and which one was open last.

Stored as JSON (``recent-documents.json`` in the data folder), written atomically like the settings. A file
that cannot be read is kept aside as ``*.bad`` and the list starts empty, with a problem to tell the reader.
Places are keyed by ``Report.fingerprint``: the same text under two names shares its place, and a file
whose text changed starts at the top. The shipped report is never in the list: its place stays in the
settings (``reading_place``, ``current_block``, ``scroll_fraction``) as it always was (core/document_places.py).
"""

from __future__ import annotations

import json
import logging
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .reading_place import PLACE_PATTERN
from .storage import DamagedFile, atomic_write_text, read_saved_json

log = logging.getLogger(__name__)

FILE_NAME = "recent-documents.json"
MAX_ENTRIES = 10
FORMAT_VERSION = 1


@dataclass(frozen=True)
class SavedPlace:
    """Where the reader was in one document, in the settings' terms (core/reading_place.py)."""

    current_block: str = ""
    reading_place: str = ""  # "<block id>:<offset>", "" for none
    scroll_fraction: float = 0.0
    paragraph: int = 0  # 1-based number of the current block, for the menu ("第12段"); 0 when not yet read


@dataclass(frozen=True)
class RecentDocument:
    path: Path
    title: str
    fingerprint: str
    place: SavedPlace = SavedPlace()
    opened: float = 0.0  # time.time() of the last opening

    def exists(self) -> bool:
        return self.path.is_file()


@dataclass
class RecentDocuments:
    """The list in memory; ``save()`` writes it. Without a path (tests, a window built alone) nothing is written."""

    path: Path | None = None
    entries: list[RecentDocument] = field(default_factory=list)
    current: Path | None = None  # the document open last; None for the shipped report
    problems: list[str] = field(default_factory=list)
    kept_aside: Path | None = None

    # -- changes -------------------------------------------------------------------------------
    def opened(self, path: Path, title: str, fingerprint: str) -> RecentDocument:
        """``path`` was opened: first in the list, the document open now. Its place is the one kept for its text."""
        path = _absolute(path)
        place = self.place_of(fingerprint)
        entry = RecentDocument(path, title, fingerprint, place, time.time())
        self.entries = [entry, *(e for e in self.entries if e.path != path)][:MAX_ENTRIES]
        self.current = path
        return entry

    def builtin_opened(self) -> None:
        self.current = None

    def remember_place(self, fingerprint: str, place: SavedPlace) -> None:
        """The reader's place in every entry holding this text."""
        self.entries = [RecentDocument(e.path, e.title, e.fingerprint, place, e.opened)
                        if e.fingerprint == fingerprint else e for e in self.entries]

    def remove(self, path: Path) -> None:
        path = _absolute(path)
        self.entries = [e for e in self.entries if e.path != path]
        if self.current == path:
            self.current = None

    # -- questions -----------------------------------------------------------------------------
    def place_of(self, fingerprint: str) -> SavedPlace:
        return next((e.place for e in self.entries if e.fingerprint == fingerprint), SavedPlace())

    def entry_for(self, path: Path) -> RecentDocument | None:
        path = _absolute(path)
        return next((e for e in self.entries if e.path == path), None)

    # -- persistence ---------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path) -> RecentDocuments:
        """The saved list; a damaged file is kept aside (a problem says so) and the list starts empty."""
        recent = cls(path=path)
        saved = read_saved_json(path, "the list of recent documents", "it starts empty", _saved_list)
        recent.kept_aside = saved.kept_aside
        if saved.problem:
            recent._problem(saved.problem)
        if saved.value is not None:
            recent.entries, recent.current = saved.value
        return recent

    def save(self) -> bool:
        """Write atomically; False (logged) when the folder is not writable."""
        if self.path is None:
            return True
        data = {"version": FORMAT_VERSION, "current": str(self.current) if self.current else None,
                "documents": [_as_json(e) for e in self.entries]}
        try:
            atomic_write_text(self.path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            return True
        except (OSError, UnicodeEncodeError) as exc:
            log.warning("could not save the recent documents to %s: %s", self.path, exc)
            return False

    def _problem(self, message: str) -> None:
        log.warning("%s", message)
        self.problems.append(message)


def _saved_list(data: Any) -> tuple[list[RecentDocument], Path | None]:
    """The entries and the document open last, from the saved file's JSON (DamagedFile: not that shape)."""
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise DamagedFile("it does not hold a list of documents")
    entries = [_entry(item) for item in data["documents"]][:MAX_ENTRIES]
    current = data.get("current")
    if current is not None and not isinstance(current, str):
        raise DamagedFile("the document open last is not a file name")
    return entries, (Path(current) if current else None)


def _absolute(path: Path) -> Path:
    return path if path.is_absolute() else Path.cwd() / path


def _as_json(entry: RecentDocument) -> dict[str, Any]:
    place = entry.place
    return {"path": str(entry.path), "title": entry.title, "fingerprint": entry.fingerprint,
            "opened": entry.opened, "current_block": place.current_block, "reading_place": place.reading_place,
            "scroll_fraction": place.scroll_fraction, "paragraph": place.paragraph}


def _entry(item: Any) -> RecentDocument:
    """One saved entry, or DamagedFile saying what is wrong with it."""
    if not isinstance(item, dict):
        raise DamagedFile("an entry is not an object")
    path, title, fingerprint = item.get("path"), item.get("title"), item.get("fingerprint")
    block, place_text = item.get("current_block"), item.get("reading_place")
    if not (isinstance(path, str) and path and isinstance(title, str) and isinstance(fingerprint, str)
            and isinstance(block, str) and isinstance(place_text, str)):
        raise DamagedFile("an entry lacks its file name, title, fingerprint or place")
    opened, fraction, paragraph = _number(item.get("opened")), _number(item.get("scroll_fraction")), item.get("paragraph")
    if opened is None or fraction is None or not isinstance(paragraph, int) or isinstance(paragraph, bool):
        raise DamagedFile("an entry's time, scroll position or paragraph is not a number")
    if not re.fullmatch(PLACE_PATTERN, place_text) or not 0.0 <= fraction <= 1.0:
        raise DamagedFile("an entry's place is not of the expected form")
    place = SavedPlace(block, place_text, fraction, max(0, paragraph))
    return RecentDocument(Path(path), title, fingerprint, place, opened)


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
