"""Cantonese romanisation (Jyutping, LSHK) for every Han character, aligned to the text, from ToJyutping.

ToJyutping (CanCLID, BSD-2-Clause) segments words and picks one reading per character in context,
offline, from the dictionary in its wheel. Its dictionary is keyed by Traditional characters: fed
Simplified text it misreads merged characters (医 → ai3, 达 → dai3, 划 → waa1), so the readings are
taken from the Hong Kong Traditional form of the same text (醫 ji1, 達 daat6, 劃 waak6), which
core/script guarantees has the same length.

JyutpingAnnotator has the reader view's annotator interface (``rendered(text, block_id, style)``), so
the view can show Jyutping instead of pinyin without knowing the difference.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .script import Converter, Script

# One Jyutping syllable: onset, nucleus/coda, tone 1–6 (e.g. fung6, gong1, m4, ng5).
SYLLABLE = re.compile(r"^[a-z]+[1-6]$")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def jyutping_readings(text: str) -> list[str | None]:
    """One Jyutping syllable per Han character of `text` (Simplified or Traditional), None elsewhere."""
    if not text:
        return []
    traditional = Converter(Script.TRADITIONAL_HK).convert(text)
    import ToJyutping  # imported on first use: loading its dictionary takes ~0.9 s

    pairs = ToJyutping.get_jyutping_list(traditional)
    if len(pairs) != len(text):  # never seen: ToJyutping returns one pair per code point
        raise ValueError(f"ToJyutping returned {len(pairs)} readings for {len(text)} characters")
    out: list[str | None] = []
    for char, (_, reading) in zip(text, pairs, strict=True):
        if reading and _HAN.match(char):
            # A few entries carry alternatives ("jat1 / jat6"): the first is ToJyutping's choice.
            first = reading.split()[0]
            out.append(first if SYLLABLE.match(first) else None)
        else:
            out.append(None)
    return out


class JyutpingAnnotator:
    """Jyutping ruby for whole blocks, cached; the pinyin style does not apply to Jyutping."""

    def __init__(self) -> None:
        self._cache: dict[str, list[str | None]] = {}

    def readings(self, text: str, block_id: str = "") -> list[str | None]:
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache[text] = jyutping_readings(text)
        return list(cached)

    def rendered(self, text: str, block_id: str, style: object = None) -> list[str | None]:
        return self.readings(text, block_id)

    def invalidate(self) -> None:
        self._cache.clear()


def jyutping_line(readings: Sequence[str | None]) -> str:
    """The readings as one space-separated string (for tests and logs)."""
    return " ".join(r for r in readings if r)
