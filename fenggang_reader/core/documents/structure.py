"""Give any Chinese document the report's structure: title block, salutation, parts, 一、 headings and （一）
sub-headings, paragraphs, and a notes section whose [n] / 【n】 / ① markers link to their notes.

Generalised from core/cleaning.py (which made the shipped report from its web page) for documents nobody
checked: a line is only a heading when it is short and shaped like one, and whatever is not recognised is a
paragraph, so a document with none of this structure reads as paragraphs. Block ids start with ``d-`` (never
one of the shipped report's) and depend only on the text, so the same text opened again gets the same ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import MARKER_RE, SUB_HEADING_LEVEL, Block, BlockKind, Report, marker_number
from ..report_format import link_glossary, parse_note
from .extract import ExtractedText

_IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WIDE_PUNCT = "\u3000-\u303f\uff00-\uffef“”‘’—…"
_CJK = _IDEOGRAPH + _WIDE_PUNCT
# A space between two Chinese characters is the page's layout (政 府 工 作 报 告, a line joined at a break).
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}]) +(?=[{_CJK}])")
# Half-width punctuation a scraper or an English keyboard left in Chinese text: full-width next to Chinese.
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_HALF_PUNCT = re.compile(r"[,:;!?()]")
_CHINESE_CHAR = re.compile(rf"[{_IDEOGRAPH}“”]")
_SENTENCE_PUNCT = re.compile(r"[。！？；!?;]")

_NUMERAL = r"(?:二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_HEADING_RE = re.compile(rf"^({_NUMERAL})[、．.]")
_SUB_HEADING_RE = re.compile(rf"^[（(]({_NUMERAL})[）)]")
_CHAPTER_RE = re.compile(r"^第[一二三四五六七八九十百]+章")  # 村规民约, 章程: chapters above their 一、
_CHAPTER_LEVEL = BlockKind.HEADING.heading_level - 1  # before the levels are normalised
_HEADING_MAX_CHARS = 50
_DEEPEST_LEVEL = 6  # an outline as deep as HTML's: a file marking more levels has the deepest ones together
_PART_RE = re.compile(
    rf"^(?:{_NUMERAL}[、．.]\s*|第[一二三四五六七八九十]+部分[\s　：:]*)?"
    r"(?:\d{4}年|过去一年|今年|上年|本年度)[^，。；：、]{0,12}(?:回顾|总结|安排|计划|任务|目标|工作|思路)$"
    r"|^第[一二三四五六七八九十]+部分[\s　：:]*.{0,30}$"
)
_OCCASION_START = re.compile(r"^[—―－\-]{1,3}")
_OCCASION_END = ("上", "讲话", "发言", "报告")
_BRACKETED_OCCASION = re.compile(r"^[（(].{0,60}(?:会议|\d{1,2}月\d{1,2}日).{0,30}[）)]$")
_DATE_LINE = re.compile(r"^[（(]?\d{4}年\d{1,2}月\d{1,2}日[）)]?$")
_OFFICES = "镇长|市长|区长|县长|乡长|省长|村长|主任|书记|主席|局长|院长|负责人"
_SPEAKER = re.compile(rf"^(.{{0,30}}?(?:代理|代)?(?:{_OFFICES}))[\s\u3000]*([{_IDEOGRAPH}]{{2,4}})$")
_SALUTATION_MAX_CHARS = 30
_NOTES_HEADING = re.compile(r"^(?:附[：:]?)?(?:名词解释|名词注释|注释|注解|附注|注)[：:]?$")
_INLINE_NOTES = re.compile(r"^((?:名词解释|注释|附注|注)[：:])\s*(?=" + MARKER_RE.pattern + ")")
_TITLE_MAX_CHARS = 40
# A page's by-line is not its title: 2025-03-11 15:14 来源：东莞日报, 作者：…, 发布时间：….
_BYLINE = re.compile(r"^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|来源|作者|发布时间|发布日期|编辑|记者|通讯员)")
# An official document's header (红头): the issuing body's "文件" line and its number, above the title.
_ISSUER = re.compile(rf"^[{_IDEOGRAPH}（）()]{{2,30}}文件$")
_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔［\[【(（]\d{4}[〕］\]】)）]\d{1,4}号$")
_FRONT_META_MAX = 4


def tidy(text: str) -> str:
    """A paragraph's text as the reader shows it: no spaces inside Chinese, full-width punctuation next to it.

    One character stays one character where punctuation changes, so what a marker or a term points at does not
    move; only layout spaces between Chinese characters go."""
    text = text.strip()
    if _HALF_PUNCT.search(text):
        chars = list(text)
        for found in _HALF_PUNCT.finditer(text):
            i = found.start()
            if (i > 0 and _CHINESE_CHAR.match(text, i - 1)) or _CHINESE_CHAR.match(text, i + 1):
                chars[i] = _HALF_TO_FULL[text[i]]
        text = "".join(chars)
    return _SPACE_IN_CJK.sub("", text) if " " in text else text


def structure_document(extracted: ExtractedText) -> Report:
    """The document as a Report (``builtin`` False): its blocks, notes, markers and the uses of its terms."""
    blocks = _Builder(extracted).blocks()
    report = Report(blocks)
    link_glossary(report, strict=False)
    return report


@dataclass
class _Line:
    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0  # the heading's level before the levels are normalised (2 for 第一章, 3 for 一、, 4 for （一）)
    role: str = ""  # a META line's: issuer, number, occasion, speaker or date (its id says it: d-speaker is the artist)


class _Builder:
    """One pass over the paragraphs: the front (title block, salutation), the notes at the end, the body."""

    def __init__(self, extracted: ExtractedText):
        self.raw = [p.strip() for p in extracted.paragraphs if p.strip()]
        self.tidied = [tidy(p) for p in self.raw]
        self.title = tidy(extracted.title) if extracted.title and extracted.title.strip() else None
        self.marked = {tidy(text): level for text, level in extracted.headings.items()}  # <h2>, Word's Heading 2

    def blocks(self) -> list[Block]:
        lines = self._front()
        rest = self.tidied[self._consumed:]
        notes_start = _notes_start(rest)
        body = [*(_body_line(text, self.marked.get(text)) for text in rest[:notes_start]), *_notes(rest[notes_start:])]
        _normalise_heading_levels(body)
        return _with_ids([*lines, *body])

    # -- the front: an official document's header, title, occasion, speaker, date, salutation ----------------
    def _front(self) -> list[_Line]:
        lines: list[_Line] = []
        self._consumed = 0
        for role, shape in (("issuer", _ISSUER), ("number", _DOC_NUMBER)):  # 凤岗镇人民政府文件 / 凤府〔2025〕12号
            if self._consumed < len(self.raw) - 1 and shape.match(self.tidied[self._consumed]):
                lines.append(_Line(self.tidied[self._consumed], BlockKind.META, role=role))
                self._consumed += 1
        first = self.tidied[self._consumed] if self._consumed < len(self.raw) else ""
        if first and _title_like(first):
            lines.append(_Line(first, BlockKind.TITLE))
            self._consumed += 1
        elif self.title:
            lines.append(_Line(self.title, BlockKind.TITLE))
        if not any(line.kind is BlockKind.TITLE for line in lines):
            return lines
        for _ in range(_FRONT_META_MAX):
            meta = self._meta_line()
            if meta is None:
                break
            lines.append(meta)
        if self._consumed < len(self.raw) and _salutation_like(self.tidied[self._consumed]):
            lines.append(_Line(self.tidied[self._consumed], BlockKind.SALUTATION))
            self._consumed += 1
        return lines

    def _meta_line(self) -> _Line | None:
        """The next line when it is an occasion (——…会议上, possibly broken over two lines), a speaker or a date."""
        if self._consumed >= len(self.raw):
            return None
        raw = self.raw[self._consumed]
        if speaker := _SPEAKER.match(raw.strip()):
            self._consumed += 1
            return _Line(f"{tidy(speaker.group(1))}\u3000{speaker.group(2)}", BlockKind.META, role="speaker")
        text = self.tidied[self._consumed]
        if _DATE_LINE.match(text):
            self._consumed += 1
            return _Line(text, BlockKind.META, role="date")
        if _BRACKETED_OCCASION.match(text):
            self._consumed += 1
            return _Line(text, BlockKind.META, role="occasion")
        if not _OCCASION_START.match(text) or len(text) > 80:
            return None
        self._consumed += 1
        if not text.endswith(_OCCASION_END) and self._consumed < len(self.raw):
            following = self.tidied[self._consumed]
            if len(following) <= 30 and following.endswith(_OCCASION_END) and not _SPEAKER.match(following):
                self._consumed += 1
                text += following
        return _Line(text, BlockKind.META, role="occasion")


def _body_line(text: str, marked: int | None = None) -> _Line:
    """A part (2024年工作回顾), a heading (第一章…, 一、… or （一）…, short and not a sentence) or a paragraph. A line
    the file marks as a heading (``marked``: <h2> is 2, Word's Heading 1 is 1) is one when short and not a sentence,
    numbered or not: <h2>老人纷纷点赞</h2> was a paragraph, missing from the contents and from Ctrl+Down."""
    if _PART_RE.match(text) and not _SENTENCE_PUNCT.search(text):
        return _Line(text, BlockKind.PART)
    if _heading_shaped(text):
        if _CHAPTER_RE.match(text):
            return _Line(text, BlockKind.HEADING, _CHAPTER_LEVEL)
        if _HEADING_RE.match(text):
            return _Line(text, BlockKind.HEADING, BlockKind.HEADING.heading_level)
        if _SUB_HEADING_RE.match(text):
            return _Line(text, BlockKind.HEADING, SUB_HEADING_LEVEL)
        if marked is not None:  # h1 beside 第一章 (2), h2 beside 一、 (3), h3 beside （一） (4)
            return _Line(text, BlockKind.HEADING, marked + 1)
    return _Line(text)


def _title_like(text: str) -> bool:
    """A first line that names the document: short, not a sentence, a heading, a salutation, a note or the line
    below a title (——…会议上: a portal's text box that starts under its <h1> gives it first)."""
    return (
        0 < len(text) <= _TITLE_MAX_CHARS
        and len(re.findall(rf"[{_IDEOGRAPH}]", text)) >= 2
        and not _SENTENCE_PUNCT.search(text)
        and not text.endswith(("：", ":"))
        and not _HEADING_RE.match(text)
        and not _SUB_HEADING_RE.match(text)
        and not MARKER_RE.match(text)
        and not _BYLINE.match(text)
        and not _OCCASION_START.match(text)
        and not _BRACKETED_OCCASION.match(text)
    )


def _salutation_like(text: str) -> bool:
    """各位代表： / 各村（社区）、镇属各单位： / 同志们！ — a short address right after the title block."""
    return (
        len(text) <= _SALUTATION_MAX_CHARS
        and text.endswith(("：", "！"))
        and not _SENTENCE_PUNCT.search(text[:-1])
        and not _HEADING_RE.match(text)
        and not _SUB_HEADING_RE.match(text)
        and not _NOTES_HEADING.match(text)
    )


def _heading_shaped(text: str) -> bool:
    """Short and not a sentence: 一、2024年工作回顾 is a heading, 一、…runs 200 characters… is a paragraph."""
    return len(text) <= _HEADING_MAX_CHARS and not _SENTENCE_PUNCT.search(text)


def _normalise_heading_levels(lines: list[_Line]) -> None:
    """In each part, the shallowest numbering used is level 3: a part (or a document) of （一） headings alone has no
    一、 above them, so they are its headings, not sub-headings of nothing."""
    start = 0
    for end in [*(i for i, line in enumerate(lines) if line.kind is BlockKind.PART), len(lines)]:
        section = [line for line in lines[start:end] if line.kind is BlockKind.HEADING]
        used = sorted({line.level for line in section})
        levels = {level: min(_DEEPEST_LEVEL, BlockKind.HEADING.heading_level + i) for i, level in enumerate(used)}
        for line in section:
            line.level = levels[line.level]
        start = end


# -- notes ----------------------------------------------------------------------------------------------
def _notes_start(tidied: list[str]) -> int:
    """Where the notes section begins: a notes heading followed by a note (or 注：[1]… in one paragraph), else a
    last run of paragraphs that each start with a marker the body used; len(tidied) when there is none."""
    for i, text in enumerate(tidied):
        if _INLINE_NOTES.match(text):
            return i
        if _NOTES_HEADING.match(text) and i + 1 < len(tidied) and _starts_a_note(tidied[i + 1]):
            return i
    start = len(tidied)
    while start > 0 and MARKER_RE.match(tidied[start - 1]) and parse_note(tidied[start - 1]):
        start -= 1
    if start == len(tidied) or start == 0:
        return len(tidied)
    used = {marker_number(m) for text in tidied[:start] for m in MARKER_RE.finditer(text)}
    numbers = [marker_number(m) for text in tidied[start:] if (m := MARKER_RE.match(text))]
    return start if numbers and all(n in used for n in numbers) else len(tidied)


def _starts_a_note(text: str) -> bool:
    """A line after a notes heading that begins its notes: [1]… (【1】, ①), or 1.term：… as 名词解释 lists number them."""
    return bool(MARKER_RE.match(text)) or parse_note(text) is not None


def _notes(paragraphs: list[str]) -> Iterator[_Line]:
    """From the first notes section on: each section's heading, one NOTE per marked paragraph (an unmarked one
    that goes on an unfinished note joins it), and what follows a section (a signature, the next chapter and its
    own notes) as the body is read."""
    note: _Line | None = None
    in_notes = True  # the first paragraph starts a section (a trailing run of notes has no heading)
    for i, text in enumerate(paragraphs):
        if inline := _INLINE_NOTES.match(text):
            yield _Line(inline.group(1), BlockKind.NOTES_HEADING)
            text, in_notes, note = text[inline.end():], True, None
        elif _NOTES_HEADING.match(text) and i + 1 < len(paragraphs) and _starts_a_note(paragraphs[i + 1]):
            yield _Line(text, BlockKind.NOTES_HEADING)
            in_notes, note = True, None
            continue
        if in_notes and parse_note(text):
            note = _Line(text, BlockKind.NOTE)
            yield note
        elif in_notes and note is not None and not note.text.endswith(("。", "；", "！", "？", "”")):
            note.text += text
        else:
            in_notes, note = False, None
            yield _body_line(text)


# -- ids ------------------------------------------------------------------------------------------------
def _with_ids(lines: list[_Line]) -> list[Block]:
    """Blocks with ids from the text's own order: d-issuer, d-number, d-title, d-occasion, d-speaker, d-date,
    d-salutation, d-part-1, d-h03, d-h03-2, d-p0001, d-notes, d-note-7 — never one of the shipped report's, the
    same each time the text is opened."""
    blocks: list[Block] = []
    taken: set[str] = set()
    counters = {"part": 0, "heading": 0, "sub": 0, "paragraph": 0}

    def unique(block_id: str) -> str:
        candidate, n = block_id, 1
        while candidate in taken:
            n += 1
            candidate = f"{block_id}-{n}"
        taken.add(candidate)
        return candidate

    for line in lines:
        note_number = None
        level = 0
        if line.kind is BlockKind.TITLE:
            block_id = "d-title"
        elif line.kind is BlockKind.META:
            block_id = f"d-{line.role}"
        elif line.kind is BlockKind.SALUTATION:
            block_id = "d-salutation"
        elif line.kind is BlockKind.PART:
            counters["part"] += 1
            block_id = f"d-part-{counters['part']}"
        elif line.kind is BlockKind.HEADING and line.level <= BlockKind.HEADING.heading_level:
            counters["heading"] += 1
            counters["sub"] = 0
            block_id = f"d-h{counters['heading']:02d}"
        elif line.kind is BlockKind.HEADING:
            counters["sub"] += 1
            block_id = f"d-h{counters['heading']:02d}-{counters['sub']}"
            level = line.level
        elif line.kind is BlockKind.NOTES_HEADING:
            block_id = "d-notes"
        elif line.kind is BlockKind.NOTE:
            parsed = parse_note(line.text)
            assert parsed is not None  # only marked paragraphs become notes
            note_number = parsed.number
            block_id = f"d-note-{note_number}"
        else:
            counters["paragraph"] += 1
            block_id = f"d-p{counters['paragraph']:04d}"
        blocks.append(Block(line.kind, unique(block_id), line.text, note_number, level))
    return blocks
