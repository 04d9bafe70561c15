"""The widest reading each character can have, without pypinyin: the room a view reserves for a block whose
readings are still being computed (ui/readings_provider.py), so that their arrival moves no line.

The table (resources/pronunciation/widest.json, made by tools/build-readings from pypinyin's dictionary) gives, for
every character of the CJK Unified Ideographs block, its longest dictionary reading; reading it costs a few
milliseconds, where importing pypinyin's dictionary costs ~0.3 s on the GUI thread.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from .syllables import HAN_RUN

FIRST, LAST = 0x4E00, 0x9FFF
_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
FALLBACK = "zhuang1"  # outside the table: as wide as a syllable gets


def table_path() -> Path:
    from .resources import resources_dir

    return resources_dir() / "pronunciation" / "widest.json"


@functools.cache
def _table() -> tuple[list[str], str]:
    try:
        data = json.loads(table_path().read_text(encoding="utf-8"))
        return list(data["syllables"]), str(data["table"])
    except (OSError, ValueError, KeyError, TypeError):
        return [], ""


@functools.cache  # asked for every character of a block that waits for its readings (~10,000 a window opened)
def widest_reading(char: str) -> str:
    """The longest dictionary reading of ``char`` (canonical tone-number pinyin)."""
    syllables, table = _table()
    code = ord(char) - FIRST
    if 0 <= code <= LAST - FIRST and len(table) >= 2 * (code + 1):
        index = _DIGITS.index(table[2 * code]) * 64 + _DIGITS.index(table[2 * code + 1])
        if index < len(syllables):
            return syllables[index]
    return FALLBACK


def widest_readings(text: str) -> list[str | None]:
    """One widest reading per Han character of ``text``, None elsewhere (the shape of Annotator.readings)."""
    out: list[str | None] = [None] * len(text)
    for run in HAN_RUN.finditer(text):
        for i in range(run.start(), run.end()):
            out[i] = widest_reading(text[i])
    return out


def build_table(path: Path) -> None:
    """Write the table from pypinyin's dictionary (tools/build-readings)."""
    from .syllables import candidates

    syllables: list[str] = []
    index: dict[str, int] = {}
    cells = []
    for code in range(FIRST, LAST + 1):
        found = candidates(chr(code)) or [FALLBACK]
        widest = max(found, key=len)
        if widest not in index:
            index[widest] = len(syllables)
            syllables.append(widest)
        n = index[widest]
        cells.append(_DIGITS[n // 64] + _DIGITS[n % 64])
    path.write_text(json.dumps({"syllables": syllables, "table": "".join(cells)}, separators=(",", ":")) + "\n",
                    encoding="utf-8")
