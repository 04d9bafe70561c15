"""一 and 不: the citation forms the ruby shows by default, and the spoken forms a reader hears.

《现代汉语词典》 writes 一 and 不 with their original tones in every word (一般 yībān, 不够 bùgòu); in
speech they change with the next syllable. pypinyin's phrase dictionary mixes the two (进一步 jìnyíbù but
一年 yīnián), so the annotator first brings every 一/不 back to its citation form and then, when the
reader asks for spoken forms, applies the standard sandhi rules here:

- 一 before a 4th-tone syllable → yí (一定 yídìng); before a 1st/2nd/3rd-tone syllable → yì (一般 yìbān).
  It keeps yī when it is counted or ordered: after 第 (第一名), last in its run of Han characters (之一,
  六个一), after a numeral (十一) or before a digit numeral (一二三), or when the pronunciation record fixed
  its reading for that spot (ordinals the rules cannot see, such as 工业一路 "Road No. 1").
- 不 before a 4th-tone syllable → bú (不断 búduàn); otherwise bù.
A neutral-tone syllable after 一/不 counts with the tone of its character's first dictionary reading
(一个 yígè).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from .syllables import candidates

CITATION = "citation"
SPOKEN = "spoken"
CHOICES = (CITATION, SPOKEN)

_CITATION_FORMS = {"一": "yi1", "不": "bu4"}
_DIGIT_NUMERALS = set("零〇一二三四五六七八九十")
_NUMERALS = _DIGIT_NUMERALS | set("两百千万亿")


def citation_forms(text: str, readings: list[str | None]) -> list[str | None]:
    """Every 一 and 不 with its original tone, whatever the dictionary's phrase entry said."""
    out = list(readings)
    for i, char in enumerate(text):
        form = _CITATION_FORMS.get(char)
        reading = out[i]
        if form and reading is not None and reading[:-1] == form[:-1]:
            out[i] = form
    return out


def spoken_forms(
    text: str,
    readings: Sequence[str | None],
    frozen: Collection[int] = (),
    first_tone: Callable[[str], int] | None = None,
) -> list[str | None]:
    """Readings with the 一/不 sandhi applied; positions in ``frozen`` are left exactly as given.

    ``first_tone(char)`` gives the tone of a character's first dictionary reading, used when the next
    syllable is neutral; by default it asks pypinyin.
    """
    out = list(readings)
    for i, char in enumerate(text):
        reading = out[i]
        if char not in _CITATION_FORMS or i in frozen or reading is None:
            continue
        if reading[:-1] != _CITATION_FORMS[char][:-1]:
            continue  # a reading other than yi/bu (a user's choice): not ours to change
        nxt = _next_tone(text, readings, i, first_tone)
        if char == "一":
            out[i] = _yi(text, i, nxt)
        else:
            out[i] = "bu2" if nxt == 4 else "bu4"
    return out


def _yi(text: str, i: int, next_tone: int | None) -> str:
    prev = text[i - 1] if i > 0 else ""
    following = text[i + 1] if i + 1 < len(text) else ""
    counted = prev == "第" or prev in _NUMERALS or following in _DIGIT_NUMERALS
    if counted or next_tone is None:
        return "yi1"
    return "yi2" if next_tone == 4 else "yi4"


def _next_tone(
    text: str, readings: Sequence[str | None], i: int, first_tone: Callable[[str], int] | None
) -> int | None:
    """Tone of the syllable after position i, or None when i ends its run of Han characters."""
    following = readings[i + 1] if i + 1 < len(readings) else None
    if following is None:
        return None
    tone = int(following[-1])
    if tone == 5:
        tone = (first_tone or _dictionary_first_tone)(text[i + 1])
    return tone


def _dictionary_first_tone(char: str) -> int:
    found = candidates(char)
    return int(found[0][-1]) if found else 5
