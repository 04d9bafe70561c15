"""Simplified → Traditional characters (Hong Kong or Taiwan standard) with OpenCC, one character for one.

The report is written in Simplified characters and every reading (pinyin, the pronunciation record,
speech offsets, find highlights) is keyed to offsets in that text. The Traditional view therefore only
swaps glyphs: the converted text always has the same length as the original, so the pinyin computed
from the Simplified text sits over the right Traditional character.

Why these OpenCC configurations: ``s2hk`` and ``s2tw`` convert characters (with phrase context, e.g.
发展 → 發展 but 头发 → 頭髮) and then apply regional glyph variants (HK 裏/衞, TW 裡/衛). ``s2twp`` is
deliberately not used: it also swaps vocabulary (信息 → 資訊, 软件 → 軟體), which would put the pinyin of
one word over a different word. If a conversion ever changes a block's length, that block is converted
character by character instead (a character whose conversion is not a single character is kept).
Quotation marks become the corner brackets Hong Kong and Taiwan use (“” → 「」, ‘’ → 『』).
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Iterable
from functools import cache

import opencc

log = logging.getLogger(__name__)


class Script(enum.Enum):
    SIMPLIFIED = "simplified"
    TRADITIONAL_HK = "hk"
    TRADITIONAL_TW = "tw"


_CONFIG = {Script.TRADITIONAL_HK: "s2hk", Script.TRADITIONAL_TW: "s2tw"}
# Hong Kong and Taiwan text quotes with corner brackets (「外『内』」), the mainland with curly quotes;
# OpenCC leaves punctuation alone. One character for one, like the characters.
_CORNER_QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})
# Traditional (any region) back to Simplified, for folding queries and text to one form.
_FOLD_CONFIGS = ("hk2s", "tw2s")


@cache
def _opencc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


class Converter:
    """Converts text to one script, always keeping its length (see the module docstring)."""

    def __init__(self, script: Script):
        self.script = script
        self._cache: dict[str, str] = {}
        self.fallbacks = 0  # blocks that needed the character-by-character conversion

    def __call__(self, text: str) -> str:
        return self.convert(text)

    def convert(self, text: str) -> str:
        if self.script is Script.SIMPLIFIED or not text:
            return text
        hit = self._cache.get(text)
        if hit is None:
            converted = _opencc(_CONFIG[self.script]).convert(text)
            if len(converted) != len(text):
                log.info("%s conversion changed the length of %r…; converting it character by character",
                         self.script.value, text[:20])
                self.fallbacks += 1
                converted = "".join(self._char(c) for c in text)
            hit = self._cache[text] = converted.translate(_CORNER_QUOTES)
        return hit

    def _char(self, char: str) -> str:
        out = _opencc(_CONFIG[self.script]).convert(char)
        return out if len(out) == 1 else char


def to_script(text: str, script: Script) -> str:
    """One-off conversion (the view keeps a Converter for its cache)."""
    return Converter(script).convert(text)


@cache
def _fold_char(char: str) -> str:
    for config in _FOLD_CONFIGS:
        out = _opencc(config).convert(char)
        if len(out) == 1:
            char = out
    return char


class Folder:
    """Maps Simplified and Traditional text to one comparable form, character by character.

    Used by find (core/search.find_all's `fold`), so a query typed in either script finds the text
    shown in either script. Folding is context-free (each character on its own) so a query folds the
    same way as the text around it. OpenCC sometimes picks a different character in context (借助 →
    藉助, 家具 → 傢俱); `learn` adds those pairs, taken from the text actually shown.
    """

    def __init__(self, texts: Iterable[str] = ()):
        self._extra: dict[str, str] = {}
        for text in texts:
            for script in _CONFIG:
                self.learn(text, Converter(script).convert(text))

    def learn(self, simplified: str, shown: str) -> None:
        if len(simplified) != len(shown):
            return
        for s, t in zip(simplified, shown, strict=True):
            if s != t and _fold_char(t) != _fold_char(s):
                self._extra[t] = _fold_char(s)

    def fold_char(self, char: str) -> str:
        return self._extra.get(char) or _fold_char(char)

    def __call__(self, text: str) -> str:
        return self.fold(text)

    def fold(self, text: str) -> str:
        """Same length as `text`; equal for the Simplified and Traditional forms of the same words."""
        return "".join(self.fold_char(c) for c in text)
