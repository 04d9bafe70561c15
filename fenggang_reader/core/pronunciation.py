"""The pronunciation record: corrections to pypinyin that drive both the ruby and speech.

One TSV file a person can audit (resources/pronunciation/record.tsv), and the same format for the
user's own corrections in the data directory. Columns:

    scope   target                 readings              spoken      why
    word    银行                    yin2 hang2                        bank
    at      y2024-p02:15           zhong4                            one occurrence: block id:offset
    word    为中心                  wei2 * *                          * keeps pypinyin's reading

``word`` applies wherever the target text occurs (longer targets win); ``at`` applies to one
occurrence, the target giving block id and character offset. ``spoken`` is optional: a respelling
(a homophone an engine reads right) used only for speech, never shown.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from .syllables import canonical

log = logging.getLogger(__name__)

_SYLLABLE = re.compile(r"^(\*|[a-zü:v]+[1-5])$")
HEADER = "# scope\ttarget\treadings\tspoken\twhy\n"


class RecordError(ValueError):
    """A line of a record file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Entry:
    scope: str  # "word" or "at"
    target: str
    readings: tuple[str, ...]  # canonical tone-number syllables, or "*" to keep
    spoken: str = ""
    why: str = ""

    @property
    def block_id(self) -> str:
        return self.target.rsplit(":", 1)[0]

    @property
    def offset(self) -> int:
        return int(self.target.rsplit(":", 1)[1])

    def to_line(self) -> str:
        return "\t".join([self.scope, self.target, " ".join(self.readings), self.spoken, self.why])


class PronunciationRecord:
    """Word and occurrence corrections, applied over pypinyin's readings."""

    def __init__(self, entries: list[Entry] | None = None):
        self.entries: list[Entry] = []
        for entry in entries or []:
            self.add(entry)

    # -- reading and writing -------------------------------------------------------------------
    @classmethod
    def parse(cls, text: str, source: str = "<record>") -> PronunciationRecord:
        record = cls()
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                raise RecordError(f"{source}, line {lineno}: expected scope, target and readings")
            cols += [""] * (5 - len(cols))
            scope, target, readings, spoken, why = cols[:5]
            try:
                record.add(Entry(scope, target, tuple(readings.split()), spoken, why))
            except RecordError as exc:
                raise RecordError(f"{source}, line {lineno}: {exc}") from None
        return record

    @classmethod
    def load(cls, path: Path) -> PronunciationRecord:
        """The record in ``path`` (empty when there is none); RecordError when it cannot be read or parsed."""
        try:
            return cls.parse(path.read_text(encoding="utf-8"), str(path))
        except FileNotFoundError:
            return cls()
        except UnicodeDecodeError as exc:  # e.g. saved as GBK by a text editor
            raise RecordError(f"{path} is not UTF-8 text (byte {exc.start} is 0x{exc.object[exc.start]:02x}); "
                              "save it as UTF-8") from None
        except OSError as exc:
            raise RecordError(f"cannot read {path}: {exc.strerror or exc}") from None

    def dumps(self) -> str:
        return HEADER + "".join(e.to_line() + "\n" for e in self.entries)

    # -- editing -------------------------------------------------------------------------------
    def add(self, entry: Entry) -> None:
        if entry.scope not in ("word", "at"):
            raise RecordError(f"unknown scope {entry.scope!r} (word or at)")
        readings = tuple(r if r == "*" else canonical(r) for r in entry.readings)
        if not all(_SYLLABLE.match(r) for r in readings):
            raise RecordError(f"bad reading in {' '.join(entry.readings)!r}")
        if entry.scope == "word" and len(readings) != len(entry.target):
            raise RecordError(f"{entry.target!r} has {len(entry.target)} characters but {len(readings)} readings")
        if entry.scope == "at" and not re.match(r"^[a-z0-9-]+:\d+$", entry.target):
            raise RecordError(f"an 'at' target must be block-id:offset, not {entry.target!r}")
        entry = Entry(entry.scope, entry.target, readings, entry.spoken, entry.why)
        self.entries = [e for e in self.entries if (e.scope, e.target) != (entry.scope, entry.target)]
        self.entries.append(entry)

    def remove(self, scope: str, target: str) -> bool:
        before = len(self.entries)
        self.entries = [e for e in self.entries if (e.scope, e.target) != (scope, target)]
        return len(self.entries) != before

    # -- applying ------------------------------------------------------------------------------
    def word_matches(self, text: str) -> list[tuple[int, Entry]]:
        """Non-overlapping (offset, entry) for word entries; longer words first, then leftmost."""
        taken = [False] * len(text)
        found: list[tuple[int, Entry]] = []
        words = sorted((e for e in self.entries if e.scope == "word"), key=lambda e: -len(e.target))
        for entry in words:
            start = text.find(entry.target)
            while start != -1:
                end = start + len(entry.target)
                if not any(taken[start:end]):
                    found.append((start, entry))
                    for i in range(start, end):
                        taken[i] = True
                start = text.find(entry.target, start + 1)
        return sorted(found, key=lambda pair: pair[0])

    def apply(self, text: str, block_id: str, readings: list[str | None]) -> None:
        """Overwrite readings in place: words first, then single occurrences."""
        for start, entry in self.word_matches(text):
            self._put(readings, start, entry.readings)
        for entry in self.entries:
            if entry.scope == "at" and entry.block_id == block_id:
                self._put(readings, entry.offset, entry.readings)

    @staticmethod
    def _put(readings: list[str | None], start: int, new: tuple[str, ...]) -> None:
        for i, reading in enumerate(new):
            pos = start + i
            if reading != "*" and 0 <= pos < len(readings) and readings[pos] is not None:
                readings[pos] = reading

    def respellings(self, text: str, block_id: str = "") -> list[tuple[int, int, str]]:
        """(start, end, spoken text) for entries that carry a speech-only respelling."""
        spans = [(s, s + len(e.target), e.spoken) for s, e in self.word_matches(text) if e.spoken]
        for e in self.entries:
            if e.scope == "at" and e.spoken and e.block_id == block_id:
                spans.append((e.offset, e.offset + len(e.readings), e.spoken))
        return sorted(spans)
