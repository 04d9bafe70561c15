"""Single syllables and characters: what is Han, one canonical spelling of a reading, tone marks, a
character's dictionary readings. A leaf of the core: pinyin.py, pronunciation.py, sandhi.py and
corrections.py all build on it, and it imports none of them (before, pinyin ↔ pronunciation ↔ sandhi
imported each other and needed function-local imports to load at all).

pypinyin is imported only inside the functions that need its dictionaries (~0.18 s to load).
"""

from __future__ import annotations

import re
import unicodedata

# CJK Unified Ideographs, Extension A, and the compatibility block.
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def is_han(char: str) -> bool:
    return bool(HAN_RUN.fullmatch(char))


def canonical(reading: str) -> str:
    """Any pinyin spelling ("zhōng", "lü4", "le") → tone-number form with 5 for neutral."""
    reading = reading.strip().lower().replace("ü", "v").replace("u:", "v")
    if not reading[-1:].isdigit():
        from pypinyin.contrib.tone_convert import to_tone3

        reading = to_tone3(reading, neutral_tone_with_five=True)
    return reading if reading[-1:].isdigit() else reading + "5"


_COMBINING = ("\u0304", "\u0301", "\u030c", "\u0300")  # macron, acute, caron, grave


def tone_marks(reading: str) -> str:
    """Tone-number pinyin → tone marks by the standard placement rule (a/e first, o in ou, else the
    last vowel; syllabic m/n/ng and ê too), without loading pypinyin's dictionaries."""
    tone = int(reading[-1]) if reading[-1:].isdigit() else 5
    body = (reading[:-1] if reading[-1:].isdigit() else reading).replace("v", "ü")
    if not 1 <= tone <= 4:
        return body
    if "a" in body:
        at = body.index("a")
    elif "e" in body or "ê" in body:
        at = body.index("e") if "e" in body else body.index("ê")
    elif "ou" in body:
        at = body.index("o")
    else:
        vowels = [i for i, ch in enumerate(body) if ch in "iouü"]
        at = vowels[-1] if vowels else 0  # syllabic m, n, ng: the mark sits on the consonant
    return unicodedata.normalize("NFC", body[: at + 1] + _COMBINING[tone - 1] + body[at + 1:])


def candidates(char: str) -> list[str]:
    """Every dictionary reading of one character, canonical, most common first."""
    if not is_han(char):
        return []
    from pypinyin import Style, pinyin

    items = pinyin(char, style=Style.TONE3, neutral_tone_with_five=True, heteronym=True)
    return [canonical(r) for r in items[0]]
