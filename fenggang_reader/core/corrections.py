"""A reader's own pronunciation corrections: candidate readings with the meanings that select them, the
choice stored in the user's data directory, and resetting one or all.

The store is an ordinary pronunciation-record file (``corrections.tsv`` in ``AppDirs.default().data``) of
``at`` entries, so the annotator applies it as its user layer, over the shipped record, and speech reads the
same choice through the entry's ``spoken`` respelling. Typical use from the UI::

    store = CorrectionStore.open()
    for cand in reading_candidates("行"):           # háng 行业、银行 / xíng 行动、进行 …
        ...
    store.choose("s6-p01", 40, ["hang2"], text="行")  # saved at once, atomically
    annotator.user = store.record; annotator.invalidate()
    store.reset("s6-p01", 40)                        # or store.reset_all()
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .pronunciation import Entry, PronunciationRecord, RecordError
from .respell import homophone
from .storage import AppDirs, atomic_write_text, keep_aside
from .syllables import candidates, canonical, is_han

log = logging.getLogger(__name__)
FILE_NAME = "corrections.tsv"


@dataclass(frozen=True)
class Candidate:
    reading: str  # canonical tone-number syllable
    gloss: str = ""  # words or a meaning that select this reading, from glosses.tsv; "" when none is known


def glosses_path() -> Path:
    from .resources import resources_dir

    return resources_dir() / "pronunciation" / "glosses.tsv"


def parse_glosses(text: str, source: str = "<glosses>") -> dict[str, list[Candidate]]:
    """char → glossed readings, from lines ``char<TAB>reading<TAB>gloss`` (# comments allowed)."""
    table: dict[str, list[Candidate]] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or len(cols[0]) != 1 or not cols[1].strip():
            raise RecordError(f"{source}, line {lineno}: expected character, reading and gloss")
        table.setdefault(cols[0], []).append(Candidate(canonical(cols[1]), cols[2].strip()))
    return table


@lru_cache(maxsize=4)
def load_glosses(path: Path | None = None) -> dict[str, list[Candidate]]:
    path = path or glosses_path()
    try:
        return parse_glosses(path.read_text(encoding="utf-8"), str(path))
    except FileNotFoundError:
        log.warning("no gloss table at %s; candidates will have no meanings", path)
        return {}


def reading_candidates(char: str, glosses: dict[str, list[Candidate]] | None = None) -> list[Candidate]:
    """Every reading of one character: glossed readings first (in the table's order), then the rest of
    the dictionary's, each once. Empty for a character that is not Han."""
    if not is_han(char):
        return []
    table = load_glosses() if glosses is None else glosses
    found = list(table.get(char, []))
    seen = {c.reading for c in found}
    for reading in candidates(char):
        if reading not in seen:
            seen.add(reading)
            found.append(Candidate(reading))
    return found


def selection_candidates(
    text: str, start: int, end: int, glosses: dict[str, list[Candidate]] | None = None
) -> list[tuple[int, str, list[Candidate]]]:
    """For a selected span: (offset, character, candidates) for each Han character in it."""
    return [(i, text[i], reading_candidates(text[i], glosses)) for i in range(start, end) if is_han(text[i])]


def spoken_respelling(chars: str, readings: Sequence[str]) -> str:
    """What speech should say for ``chars`` read as ``readings``: each polyphone replaced by a homophone
    with that single reading (so no engine can pick another), other characters kept. "" when nothing
    needs replacing."""
    out = []
    changed = False
    for char, reading in zip(chars, readings, strict=True):
        if len(set(candidates(char))) > 1:
            sub = homophone(reading, avoid=char)
            if sub:
                out.append(sub)
                changed = True
                continue
        out.append(char)
    return "".join(out) if changed else ""


class CorrectionStore:
    """The user's corrections file; every change is written at once (atomically)."""

    def __init__(self, path: Path, record: PronunciationRecord, problem: str = ""):
        self.path = path
        self.record = record
        self.problem = problem  # a message for the user when the file was damaged and kept aside

    @classmethod
    def open(cls, path: Path | None = None) -> CorrectionStore:
        """Load the store; a damaged file is kept aside as ``*.bad`` and an empty store returned."""
        path = path or AppDirs.default().data / FILE_NAME
        try:
            return cls(path, PronunciationRecord.load(path))
        except (RecordError, UnicodeDecodeError, OSError) as exc:
            kept = keep_aside(path) if path.exists() else None
            where = f" It was kept as {kept.name}." if kept else ""
            message = f"Your pronunciation corrections could not be read ({exc}); starting without them.{where}"
            log.warning("%s", message)
            return cls(path, PronunciationRecord(), message)

    def choose(self, block_id: str, offset: int, readings: Sequence[str], text: str = "", why: str = "") -> Entry:
        """Store the reader's readings for the characters starting at ``block_id:offset``.

        ``text`` is the characters themselves; when given, the entry carries a speech respelling so
        speech follows the choice too. Raises RecordError for an unknown syllable.
        """
        readings = tuple(canonical(r) for r in readings)
        if text and len(text) != len(readings):
            raise RecordError(f"{len(text)} characters but {len(readings)} readings")
        spoken = spoken_respelling(text, readings) if text else ""
        entry = Entry("at", f"{block_id}:{offset}", readings, spoken, why or "user choice")
        self.record.add(entry)
        self.save()
        return self.record.entries[-1]

    def at(self, block_id: str, offset: int) -> Entry | None:
        """The stored correction covering this character, if any (the latest wins)."""
        for entry in reversed(self.record.entries):
            if entry.scope == "at" and entry.block_id == block_id and self._covers(entry, offset):
                return entry
        return None

    @staticmethod
    def _covers(entry: Entry, offset: int) -> bool:
        return entry.offset <= offset < entry.offset + len(entry.readings)

    def reset(self, block_id: str, offset: int) -> bool:
        """Forget every correction covering this character; False when there was none."""
        doomed = [
            e for e in self.record.entries if e.scope == "at" and e.block_id == block_id and self._covers(e, offset)
        ]
        for entry in doomed:
            self.record.remove(entry.scope, entry.target)
        if doomed:
            self.save()
        return bool(doomed)

    def reset_all(self) -> int:
        """Forget every correction; returns how many there were."""
        count = len(self.record.entries)
        self.record.entries.clear()  # in place: an annotator holding this record sees the change
        self.save()
        return count

    def save(self) -> None:
        atomic_write_text(self.path, self.record.dumps())
