"""Where a line of Chinese text may and may not break, beyond Unicode's line-breaking rules (clreq).

Qt breaks lines by UAX #14, which splits a number from its unit (2024｜年, 5｜个), never breaks around “ ”
(so 委“1310”[1]具 is one unbreakable run, and a narrow line falls back to breaking anywhere, even before ”),
lets a paragraph end with a line of one character, and splits any word (东｜莞). The layout text fixes this
with two invisible, zero-width marks: a word joiner where a line must not break, a zero-width space where
clreq allows a break that UAX #14 forbids. The marks live only in the text Qt lays out (the reader's document): LayoutText maps
offsets between the report's text and the layout text, so find, speech, exports and the reading place keep
the report's own offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import add

from .syllables import is_han
from .words import WordSpans

WORD_JOINER = "\u2060"  # no break here (UAX #14 class WJ)
BREAK_HERE = "\u200b"  # a break is allowed here (class ZW); zero width, never a justification point
MARKS = WORD_JOINER + BREAK_HERE

OPENING = "（《「『“‘〔【〈"
CLOSING = "，。、；：？！）》」』”’〕】〉…"
_QUOTES_OPENING = "“‘"  # UAX #14 class QU: no break on either side, unlike clreq
_QUOTES_CLOSING = "”’"
# A number keeps its unit; these pairs go on with it (411亿元, 30万平方米, 1.2万人次).
_UNIT_PAIRS = frozenset({"亿元", "万元", "千元", "万人", "人次", "场次", "公里", "公顷", "分钟", "小时", "个月",
                         "万平", "平方", "方米", "万亩", "千米"})
_NUMBER = re.compile(r"[0-9A-Za-z][0-9A-Za-z.%‰℃]*")
_NOTE_MARK = re.compile(r"\[\d+\]")
_QUOTE = re.compile(f"[{_QUOTES_OPENING}{_QUOTES_CLOSING}]")


@dataclass(frozen=True, slots=True)
class LayoutText:
    """A text's line-breaking marks: ``marks`` holds (offset in the report's text, mark) pairs in order, each
    mark going just before that character."""

    marks: tuple[tuple[int, str], ...]
    _offsets: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _layout_offsets: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        offsets = tuple(offset for offset, _ in self.marks)
        object.__setattr__(self, "_offsets", offsets)
        object.__setattr__(self, "_layout_offsets", tuple(map(add, offsets, range(len(offsets)))))

    def apply(self, text: str) -> str:
        """``text`` (the report's text, or a same-length transform of it) with the marks inserted."""
        out, last = [], 0
        for offset, mark in self.marks:
            out.append(text[last:offset])
            out.append(mark)
            last = offset
        out.append(text[last:])
        return "".join(out)

    def to_layout(self, offset: int) -> int:
        """The layout offset of the report's character ``offset`` (after the marks before it)."""
        return offset + bisect_right(self._offsets, offset)

    def to_report(self, layout_offset: int) -> int:
        """The report offset of layout offset ``layout_offset`` (a mark maps to the character after it)."""
        return layout_offset - bisect_left(self._layout_offsets, layout_offset)


NO_MARKS = LayoutText(())


def strip_marks(text: str) -> str:
    """The layout text back to the report's characters."""
    return text.replace(WORD_JOINER, "").replace(BREAK_HERE, "")


def layout_text(text: str, *, title: bool = False, fits: Callable[[str], bool] | None = None,
                words: WordSpans = (), longest_word: int = 1) -> LayoutText:
    """The marks for one block: numbers kept with their units, note marks with their word, words of up to
    ``longest_word`` characters whole (core/words.py), breaks allowed around quotes, no last line of a single
    character; a title breaks only in its middle (balanced lines).

    ``fits(run)`` says whether a run fits on one line: a run kept together that would not (180.9亿元， at 96 pt
    in a narrow window) is joined less, so the line breaks inside the unit, never before its punctuation."""
    marks: dict[int, str] = {}
    if title:
        cut = _title_cut(text)
        # Halves wider than a line (2024年凤岗镇政府工作报告 at 96 pt in 800 px) break anywhere inside: balanced,
        # the title read 2024年凤 / 岗 / 镇政府工 / 作报告, one character alone; such a title breaks as text does.
        if fits is None or (fits(text[:cut]) and fits(text[cut:])):
            _balance_title(text, marks, cut)
            return LayoutText(tuple(sorted(marks.items())))
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        if start > 0 and text[start - 1] == "第":  # 第2: an ordinal keeps its prefix
            start -= 1
            marks[start + 1] = WORD_JOINER
        if end < len(text) and text[end - 1] not in "%‰℃" and (is_han(text[end]) or text[end] in "%‰"):
            joins = [end]
            while text[end:end + 2] in _UNIT_PAIRS:
                end += 1
                joins.append(end)
            while fits is not None and joins and not fits(_with_closing(text, start, joins[-1] + 1)):
                joins.pop()
            marks.update(dict.fromkeys(joins, WORD_JOINER))
        elif fits is not None and end - match.start() > 1 and end < len(text) and text[end] in CLOSING:
            lead = start - 1 if start > 0 and text[start - 1] in OPENING else start
            if not fits(_with_closing(text, lead, end)):  # “5080”： wider than a line: break the number, not
                marks[match.start() + (end - match.start()) // 2] = BREAK_HERE  # before the ：
    for match in _NOTE_MARK.finditer(text):
        if match.start() > 0:  # 系统[3]: the note's number stays with the word it explains, if they fit a line
            lead = match.start() - (2 if text[match.start() - 1] in _QUOTES_CLOSING else 1)  # 屋”[13]
            fitting = fits is None or fits(_with_closing(text, max(0, lead), match.end()))
            marks[match.start()] = WORD_JOINER if fitting else BREAK_HERE
        if match.end() < len(text) and text[match.end()] not in CLOSING and text[match.end()] not in OPENING:
            marks.setdefault(match.end(), BREAK_HERE)
    for match in _QUOTE.finditer(text):  # found in C: a loop over every character was most of this function's time
        i = match.start()
        if text[i] in _QUOTES_OPENING:
            if i > 0 and text[i - 1] not in OPENING:
                marks.setdefault(i, BREAK_HERE)  # 委｜“1310”: a line may end before an opening quote
        elif i + 1 < len(text) and text[i + 1] not in CLOSING + "[" and text[i + 1] not in _QUOTES_OPENING:
            marks.setdefault(i + 1, BREAK_HERE)  # ”｜企业: and start after a closing one
    for start, length in words:
        if length <= longest_word:
            for i in range(start + 1, start + length):
                marks.setdefault(i, WORD_JOINER)
    _keep_last_two(text, marks, fits)
    return LayoutText(tuple(sorted(marks.items())))


def _with_closing(text: str, start: int, end: int) -> str:
    """text[start:end] and the closing punctuation after it, which may not start the next line."""
    while end < len(text) and text[end] in CLOSING:
        end += 1
    return text[start:end]


def _keep_last_two(text: str, marks: dict[int, str], fits: Callable[[str], bool] | None) -> None:
    """Join the block's last character (before its closing punctuation) to the one before, so the last line
    never holds one character alone; a name after an ideographic space (镇长　韩俊峰) is kept whole."""
    end = len(text)
    while end > 0 and text[end - 1] in CLOSING:
        end -= 1
    space = text.rfind("\u3000", 0, end)
    start = space + 1 if space >= 0 and end - space <= 5 else end - 1
    if fits is not None and not fits(text[max(0, start - 1):]):
        return
    for i in range(max(1, start), end):
        if is_han(text[i]) and (is_han(text[i - 1]) or i > start):
            marks[i] = WORD_JOINER


_TITLE_NUMBER_GLUE = ".．%‰年月日号期届次"  # after a digit: the number's own, not a place to break a title


def _breaks_a_number(text: str, i: int) -> bool:
    """A break before text[i] would split a number or take it from its unit (2025年, 3.6%)."""
    before, after = text[i - 1], text[i]
    return (before.isdigit() and (after.isdigit() or after in _TITLE_NUMBER_GLUE)) or (
        after.isdigit() and before in ".．")


def _title_cut(text: str) -> int:
    """Where a title breaks, if it must: the place nearest its middle that splits no number (凤岗镇20｜25年… at
    96 pt: 凤岗镇2025年｜…)."""
    middle = len(text) // 2
    places = [i for i in range(1, len(text)) if not _breaks_a_number(text, i)]
    return min(places, key=lambda i: (abs(i - middle), i), default=middle)


def _balance_title(text: str, marks: dict[int, str], cut: int) -> None:
    """A title breaks, if it must, only at ``cut``: two lines of even length (政府工｜作报告)."""
    for i in range(1, len(text)):
        marks[i] = BREAK_HERE if i == cut else WORD_JOINER
