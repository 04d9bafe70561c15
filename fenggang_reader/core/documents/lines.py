"""Lines back into paragraphs: what a plain-text file wrapped at a fixed width and a PDF page broke apart.

Chinese has no spaces between words, so a paragraph broken over lines joins with nothing between the halves;
Latin words on both sides of a break get a space back.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

# A line ending one of these closes its sentence (or introduces what follows, ：), so it may end a paragraph.
SENTENCE_END = tuple("。！？；：…!?;:")
_CLOSING = "”’」』）)》〉】]\"'"
# The starts of headings and items: each begins a paragraph of its own even right after a full line.
_BLOCK_START = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[）)]|\d{1,3}[、.．](?!\d)|第[一二三四五六七八九十百\d]+[章节条部分]"
    r"|附件|名词解释|注释|注[:：])"
)
# A note ([1], 【1】, ①) starts a paragraph only after a finished sentence: the same mark after a term is
# the note's marker in the body, and a wrapped line may well begin with it.
_NOTE_START = re.compile(r"^(?:[①-⑳]|[\[【〔]\d{1,3}[\]】〕])")


def display_width(text: str) -> int:
    """Columns a fixed-width editor gives the text: Chinese and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def ends_sentence(line: str) -> bool:
    return line.rstrip(_CLOSING + " ").endswith(SENTENCE_END)


def starts_block(line: str, previous: str = "") -> bool:
    """A heading, a numbered item or (after a finished sentence) a note starts here."""
    line = line.strip(" \u3000\t")
    return bool(_BLOCK_START.match(line) or (_NOTE_START.match(line) and (not previous or ends_sentence(previous))))


def join_broken(first: str, second: str, space_at_break: bool = False) -> str:
    """The two halves of a paragraph broken at a line end. A space the break stood on (``space_at_break``:
    the line ended with one, or the next began with one) is kept; otherwise a space goes only between two
    words of spaced (Latin) prose, while a Latin run inside Chinese text (5G, 12.5, TID) was cut by the wrap
    and joins without one."""
    first, second = first.rstrip(), second.lstrip(" \u3000\t")
    if not first or not second:
        return first + second
    if space_at_break:
        return f"{first} {second}"
    if is_wide(first[-1]) or is_wide(second[0]) or first[-30:].count(" ") < 3:
        return first + second
    if first.endswith("-") and first[-2:-1].isalpha() and second[0].islower():
        return first + second  # a word hyphenated at the line end
    return f"{first} {second}"


def is_indented(line: str) -> bool:
    """A paragraph's first line in texts that indent them: a full-width space, a tab or two spaces."""
    return line.startswith(("\u3000", "\t", "  "))


def wrap_width(lines: Sequence[str]) -> tuple[Callable[[str], int], int] | None:
    """How wide a hard-wrapped text's full lines are, (measure, width), or None when its lines are not wrapped.

    A wrapped text has most of its long lines at one width (give or take a character, where a line break
    avoided punctuation at a line start) and almost none longer. Editors count columns (display width) or
    characters; both are tried and the clearer one kept."""
    best: tuple[float, Callable[[str], int], int] | None = None
    measure: Callable[[str], int]
    for measure in (display_width, len):
        widths = [measure(line.rstrip()) for line in lines if line.strip()]
        long = [w for w in widths if w >= 16]
        if len(long) < 3:
            continue
        width, fitting = max(((w, sum(1 for x in long if w - 2 <= x <= w)) for w in set(long)),
                             key=lambda pair: (pair[1], pair[0]))
        longer = sum(1 for x in long if x > width)
        share = fitting / len(long)
        if fitting >= 3 and share >= 0.5 and longer <= 0.05 * len(long) and (best is None or share > best[0]):
            best = (share, measure, width)
    return None if best is None else (best[1], best[2])


def join_wrapped_lines(lines: Sequence[str]) -> list[str]:
    """Paragraphs of a plain text: one per line, unless the text is hard-wrapped, where a full line and the
    next one (not indented, not a heading or item, not after a blank line) are one paragraph."""
    wrap = wrap_width(lines)
    paragraphs: list[str] = []
    current: str | None = None
    previous = ""
    previous_raw = ""
    for raw in lines:
        line = raw.rstrip()
        if not line.strip():
            if current is not None:
                paragraphs.append(current)
            current, previous = None, ""
            continue
        continues = (
            wrap is not None
            and current is not None
            and wrap[0](previous) >= wrap[1] - 2
            and not is_indented(line)
            and not starts_block(line, previous)
        )
        if continues and current is not None:
            current = join_broken(current, line, previous_raw.endswith(" ") or line.startswith(" "))
        else:
            if current is not None:
                paragraphs.append(current)
            current = line
        previous, previous_raw = line, raw
    if current is not None:
        paragraphs.append(current)
    return paragraphs
