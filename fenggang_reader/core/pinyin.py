"""Pinyin for every Han character in context: pypinyin's phrase segmentation, then the pronunciation
record's corrections (words, then single occurrences), then the user's own corrections.

Readings are kept in one canonical form, tone-number pinyin with 5 for the neutral tone
("zhong1", "le5", "lv4"), and rendered on demand as tone marks, tone numbers or zhuyin.
"""

from __future__ import annotations

import enum
import functools
import hashlib
import importlib.util
import json
import logging
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from .pronunciation import PronunciationRecord
from .reading_rules import RULES_VERSION, apply_reading_rules
from .sandhi import CHOICES as SANDHI_CHOICES
from .sandhi import CITATION, SPOKEN, citation_forms, spoken_forms
from .storage import parse_json
from .syllables import HAN_RUN, canonical, tone_marks

log = logging.getLogger(__name__)

# pypinyin is imported only when a reading must be computed: loading its dictionaries costs ~0.18 s,
# most of a cold start, and a warm start takes every reading from the readings cache instead.
CACHE_FORMAT = 1

class PinyinStyle(enum.Enum):
    TONE_MARKS = "marks"  # zhōng
    TONE_NUMBERS = "numbers"  # zhong1
    ZHUYIN = "zhuyin"  # ㄓㄨㄥ


@functools.lru_cache(maxsize=4096)
def render(reading: str, style: PinyinStyle) -> str:
    """Show a canonical reading in the chosen style (memoised: a report has a few hundred syllables)."""
    if style is PinyinStyle.TONE_NUMBERS:
        return reading.replace("v", "ü")
    if style is PinyinStyle.TONE_MARKS:
        return tone_marks(reading)
    from pypinyin import Style
    from pypinyin.style import convert

    toneless = reading[:-1] if reading.endswith("5") else reading
    zhuyin = convert(toneless, Style.BOPOMOFO, strict=True)
    # Zhuyin writes the neutral-tone dot before the syllable.
    return "˙" + zhuyin.rstrip("˙") if zhuyin.endswith("˙") else zhuyin


def base_readings(text: str) -> list[str | None]:
    """pypinyin's reading per character (None for non-Han), with phrase context inside each Han run."""
    from pypinyin import Style, pinyin

    readings: list[str | None] = [None] * len(text)
    for run in HAN_RUN.finditer(text):
        items = pinyin(run.group(), style=Style.TONE3, neutral_tone_with_five=True, heteronym=False)
        for i, item in enumerate(items):
            readings[run.start() + i] = canonical(item[0])
    return readings


class Annotator:
    """Readings for whole blocks: pypinyin's, the reading rules for unreviewed text (core/reading_rules.py), then
    the record and the user's corrections in that order (so neither is ever overridden by a rule)."""

    def __init__(
        self,
        record: PronunciationRecord | None = None,
        user: PronunciationRecord | None = None,
        sandhi: str = CITATION,
    ):
        self.record = record or PronunciationRecord()
        self.user = user or PronunciationRecord()
        # Counts the changes that make readings stale: a worker thread computing a block meanwhile (ui/readings_provider)
        # must not store what it made from the old inputs.
        self._generation = 0
        self._base: dict[str, list[str | None]] = {}  # pypinyin's readings with the rules, by text: no inputs change them
        self.sandhi = sandhi
        self._cache: dict[tuple[str, str], list[str | None]] = {}

    @property
    def sandhi(self) -> str:
        """"citation" (一 yī, 不 bù as the dictionary writes them) or "spoken" (yí/yì, bú as said)."""
        return self._sandhi

    @sandhi.setter
    def sandhi(self, value: str) -> None:
        if value not in SANDHI_CHOICES:
            raise ValueError(f"tone sandhi must be one of {', '.join(SANDHI_CHOICES)}, not {value!r}")
        self._sandhi = value
        self._generation += 1
        self._cache = {}

    def readings(self, text: str, block_id: str = "") -> list[str | None]:
        key = (block_id, text)
        cached = self._cache.get(key)
        if cached is None:
            generation = self._generation
            cached = self._layered(text, block_id, (self.record, self.user))
            if generation == self._generation:
                self._cache[key] = cached
        return list(cached)

    def usual_readings(self, text: str, block_id: str = "") -> list[str | None]:
        """The readings without the reader's corrections (what F2 offers to go back to); no pypinyin when the
        block was annotated before."""
        return self._layered(text, block_id, (self.record,))

    def _layered(self, text: str, block_id: str, layers: Sequence[PronunciationRecord]) -> list[str | None]:
        """pypinyin's readings with the rules (kept per text: a correction or new tones need no pypinyin), then
        ``layers`` over them, then the 一/不 tones."""
        base = self._base.get(text)
        if base is None:
            base = self._base[text] = citation_forms(text, apply_reading_rules(text, base_readings(text)))
        layered = list(base)
        marks: list[str | None] = ["" if r is not None else None for r in layered]
        for layer in layers:
            layer.apply(text, block_id, layered)
            layer.apply(text, block_id, marks)  # which positions the record or user fixed
        if self._sandhi == SPOKEN:
            fixed = {i for i, mark in enumerate(marks) if mark}
            layered = spoken_forms(text, layered, fixed)
        return layered

    def has_readings(self, text: str, block_id: str = "") -> bool:
        """Whether readings() would answer at once (computed or loaded before), without pypinyin."""
        return (block_id, text) in self._cache

    def rendered(self, text: str, block_id: str, style: PinyinStyle) -> list[str | None]:
        return [None if r is None else render(r, style) for r in self.readings(text, block_id)]

    def invalidate(self) -> None:
        self._generation += 1
        self._cache.clear()

    # -- the readings cache: a warm start needs no pypinyin at all ------------------------------
    def fingerprint(self) -> str:
        """Everything the readings depend on besides the text: our format, pypinyin's version, the reading rules,
        both records and the sandhi choice."""
        h = hashlib.sha256()
        for part in (str(CACHE_FORMAT), _pypinyin_version(), str(RULES_VERSION), self.record.dumps(), self.user.dumps(), self._sandhi):
            h.update(part.encode("utf-8") + b"\0")
        return h.hexdigest()

    def load_cache(self, path: Path, blocks: Iterable[tuple[str, str]]) -> int:
        """Fill readings for (block id, text) pairs from path when it was made for the same inputs;
        returns how many blocks were taken. A missing, stale or damaged file is simply ignored."""
        try:
            data = parse_json(path.read_bytes())  # DamagedFile (a ValueError): not UTF-8, not JSON, nested too deep
            if data.get("fingerprint") != self.fingerprint():
                return 0
            stored = data["blocks"]
            if not isinstance(stored, dict):
                return 0
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return 0
        taken = 0
        for block_id, text in blocks:
            entry = stored.get(block_id)
            if (isinstance(entry, dict) and entry.get("text") == text and isinstance(entry.get("readings"), list)
                    and len(entry["readings"]) == len(text)
                    and all(r is None or isinstance(r, str) for r in entry["readings"])):
                self._cache[(block_id, text)] = entry["readings"]
                taken += 1
        return taken

    def save_cache(self, path: Path, blocks: Iterable[tuple[str, str]]) -> None:
        from .storage import atomic_write_text

        data = {
            "fingerprint": self.fingerprint(),
            "blocks": {bid: {"text": text, "readings": self.readings(text, bid)} for bid, text in blocks},
        }
        try:
            atomic_write_text(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        except OSError as exc:
            log.info("could not write the readings cache %s: %s", path, exc)


@functools.lru_cache(maxsize=1)
def _pypinyin_version() -> str:
    """pypinyin's version, read from its source without importing it (importing costs ~0.18 s); in a
    frozen bundle, where there is no source, from its package metadata."""
    spec = importlib.util.find_spec("pypinyin")
    if spec is not None and spec.origin and spec.origin.endswith(".py"):
        try:
            match = re.search(r"__version__\s*=\s*['\"]([^'\"]+)", Path(spec.origin).read_text(encoding="utf-8"))
            if match:
                return match.group(1)
        except (OSError, UnicodeDecodeError):
            pass
    try:
        from importlib import metadata

        return metadata.version("pypinyin")
    except Exception:  # noqa: BLE001 - any failure just makes the cache key less specific
        return "unknown"


def pinyin_line(readings: Sequence[str | None], style: PinyinStyle = PinyinStyle.TONE_MARKS) -> str:
    """The readings as one space-separated string (for tests, logs and the review)."""
    return " ".join(render(r, style) for r in readings if r is not None)


def han_positions(text: str) -> Iterable[int]:
    for run in HAN_RUN.finditer(text):
        yield from range(run.start(), run.end())
