"""Which document a window shows, and where its reading place is kept.

The shipped report keeps its place in the settings, as it always did, so an existing reader loses nothing;
every other document keeps its place in the recent documents (core/recent_documents.py), keyed by its
``Report.fingerprint``. The window reads and writes a place through ``PlaceMemory`` and never asks which.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from .recent_documents import RecentDocuments, SavedPlace
from .settings import Settings


@dataclass(frozen=True)
class DocumentSource:
    """Where the window's document came from: a file, or (``path`` None) the shipped report."""

    path: Path | None = None
    pasted: bool = False  # made from the clipboard (saved under the data folder)

    @property
    def builtin(self) -> bool:
        return self.path is None


class PlaceMemory(Protocol):
    def saved(self) -> SavedPlace: ...

    def remember(self, place: SavedPlace) -> None: ...

    def save(self) -> None: ...


class SettingsPlace:
    """The shipped report's place: the settings ``current_block``, ``reading_place`` and ``scroll_fraction``."""

    def __init__(self, settings: Settings):
        self.settings = settings

    def saved(self) -> SavedPlace:
        s = self.settings
        return SavedPlace(s["current_block"], s["reading_place"], s["scroll_fraction"])

    def remember(self, place: SavedPlace) -> None:
        self.settings.set("current_block", place.current_block)
        self.settings.set("reading_place", place.reading_place)
        self.settings.set("scroll_fraction", place.scroll_fraction)

    def save(self) -> None:
        """The window's save timer writes the settings."""


class RecentPlace:
    """An opened document's place, in its entry of the recent documents."""

    def __init__(self, recent: RecentDocuments, fingerprint: str):
        self.recent = recent
        self.fingerprint = fingerprint

    def saved(self) -> SavedPlace:
        return self.recent.place_of(self.fingerprint)

    def remember(self, place: SavedPlace) -> None:
        self.recent.remember_place(self.fingerprint, place)

    def save(self) -> None:
        self.recent.save()
