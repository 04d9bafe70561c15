"""The glyphs a font's ToUnicode map leaves out, named after the characters the painter drew with them.

Qt's PDF writer builds each font's ToUnicode map from the font's character map, so a glyph only a font feature
reaches (the full-width “” and —— of fwid, the half-width bracket of halt at a line's start, Noto CJK's digits
after [ by locl) is named by no character. The text layer gives each line its characters as ActualText, which
pdftotext and viewers use, but poppler's structure text (``pdfinfo -struct-text``) and some screen readers read
the glyphs through the map, and lost them (2025年 for ——2025年). export.pdf knows, for each line, the glyphs and
the characters drawn: lined up against the glyphs the map already names, the rest get their characters (and a
glyph it names as another character, the one drawn).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def name_glyphs(glyphs: Sequence[int], said: str, known: Mapping[int, str]) -> dict[int, str]:
    """The characters of each glyph ``known`` does not name, or names as another single character, from a run of
    ``glyphs`` that drew ``said``; nothing when the run's glyphs do not line up with ``said`` (it is left as it was).

    A glyph named as another character: the full-width — is the glyph Noto CJK maps ― (U+2015) to, and the map
    said ―, so 凤岗—平湖 read 凤岗―平湖."""
    named: dict[int, str] = {}
    position = 0
    for n, glyph in enumerate(glyphs):
        text = named.get(glyph) or known.get(glyph)
        if text and said.startswith(text, position):
            position += len(text)
            continue
        if text and len(text) == 1 and position < len(said):  # another character's glyph
            named[glyph] = said[position]
            position += 1
            continue
        following = named.get(glyphs[n + 1]) or known.get(glyphs[n + 1]) if n + 1 < len(glyphs) else None
        if n + 1 == len(glyphs):
            end = len(said)  # the last glyph: the rest (a ligature's characters)
        elif not following:
            end = position + 1  # two unknown glyphs in a row: one character each
        else:
            end = said.find(following, position + 1)
        if end <= position:
            return {}
        named[glyph] = said[position:end]
        position = end
    renamed = sum(1 for glyph in named if known.get(glyph))
    return named if position == len(said) and renamed * 4 <= len(glyphs) else {}


def add_to_unicode(stream: Any, known: Mapping[int, str], named: Mapping[int, str]) -> None:
    """Put ``named`` (glyph code → characters) in a ToUnicode CMap stream whose entries are ``known``: a glyph it
    named as another character is renamed where that character stands, the others are added before ``endcmap``."""
    from .pdf import _fix_cmap

    renamed = {known[code]: text for code, text in named.items() if known.get(code)}
    added = sorted((code, text) for code, text in named.items() if not known.get(code))
    data = stream.get_data().decode("latin-1")
    if renamed:
        data, _ = _fix_cmap(data, renamed)
    sections = []
    for start in range(0, len(added), 100):  # at most 100 entries a section (PDF 9.10.3)
        chunk = added[start:start + 100]
        lines = [f"<{code:04X}> <{text.encode('utf-16-be').hex().upper()}>" for code, text in chunk]
        sections.append(f"{len(chunk)} beginbfchar\n" + "\n".join(lines) + "\nendbfchar\n")
    at = data.rfind("endcmap")
    if sections and at >= 0:
        data = data[:at] + "".join(sections) + data[at:]
    stream.set_data(data.encode("latin-1"))
