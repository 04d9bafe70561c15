"""Speech-only respellings: the text a speech engine receives, so that it says the reading the ruby shows.

An engine reads characters, not pinyin, and picks a reading for each polyphone on its own. Where an engine
is known to pick wrong, the pronunciation record's ``spoken`` column gives a homophone it reads right
(为 in 以…为指导 → 围 wéi). The respelling never reaches the screen. The speech-text module
(core/spoken.py) reads the same ``respellings()`` spans; :func:`spoken_text` is the small stand-alone form
with an offset map, and :func:`homophone` finds a respelling for a reading (used for users' corrections).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

from .syllables import canonical


class Respeller(Protocol):
    def respellings(self, text: str, block_id: str = "") -> list[tuple[int, int, str]]: ...


def spoken_text(text: str, block_id: str = "", records: Iterable[Respeller] = ()) -> tuple[str, list[int]]:
    """The text with every respelling applied, and for each spoken character the index it came from.

    Records are applied in order; a later record's span wins where two overlap (the user's corrections
    come after the shipped record). A respelling longer or shorter than its span maps its extra
    characters to the span's last character, so highlighting stays inside the word.
    """
    chosen: list[tuple[int, int, str]] = []
    for record in records:
        for start, end, spoken in record.respellings(text, block_id):
            if start < 0 or end > len(text) or start >= end:
                continue
            chosen = [c for c in chosen if c[1] <= start or c[0] >= end]
            chosen.append((start, end, spoken))
    chosen.sort()
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for start, end, spoken in chosen:
        out.append(text[pos:start])
        offsets.extend(range(pos, start))
        out.append(spoken)
        offsets.extend(start + min(k, end - start - 1) for k in range(len(spoken)))
        pos = end
    out.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    return "".join(out), offsets


def homophone(reading: str, avoid: str = "") -> str | None:
    """A common character whose only dictionary reading is ``reading`` (canonical, e.g. "wei2").

    Common means GB2312 level 1 (the 3,755 most used characters), so every engine knows it; among those,
    the one found in most of pypinyin's phrases comes first. None for a neutral tone or a syllable no such
    character has.
    """
    for char in _single_reading_chars().get(reading, ()):
        if char not in avoid:
            return char
    return None


@lru_cache(maxsize=1)
def _single_reading_chars() -> dict[str, tuple[str, ...]]:
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    uses: dict[str, int] = {}
    for phrase in phrases_dict:
        for char in phrase:
            uses[char] = uses.get(char, 0) + 1

    found: dict[str, list[str]] = {}
    for high in range(0xB0, 0xD8):  # GB2312 level 1: rows 16-55, in pinyin order
        for low in range(0xA1, 0xFF):
            try:
                char = bytes((high, low)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            readings = pinyin_dict.get(ord(char), "").split(",")
            if len(readings) == 1 and readings[0]:
                found.setdefault(canonical(readings[0]), []).append(char)
    return {reading: tuple(sorted(chars, key=lambda c: -uses.get(c, 0))) for reading, chars in found.items()}
