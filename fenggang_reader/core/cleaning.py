"""Turn the scraped web page (shared/seeds/…txt) into the report's blocks.

Used once to make resources/report/report.tsv, and by the tests to prove the committed file keeps
every sentence of the page. The page's debris (portal header before the title, everything from
附件 on) is dropped; the half-width punctuation the scraper left is restored to the full-width
punctuation of the published report, one character for one, so offsets do not move.
"""

from __future__ import annotations

import re

from .model import Block, BlockKind

_PUNCT = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"})
_CHINESE_NUMERALS = "一二三四五六七八九十"
_HEADING_RE = re.compile(rf"^([{_CHINESE_NUMERALS}])、")
_PART_RE = re.compile(r"^(\d{4})年工作(回顾|安排)$")
_NOTE_RE = re.compile(r"^\[(\d{1,2})\]")


def normalize_line(line: str) -> str:
    """Full-width punctuation, no-break spaces folded, outer whitespace stripped."""
    return line.replace("\xa0", " ").strip().translate(_PUNCT)


def report_lines(page: str) -> list[str]:
    """The non-empty lines of the report proper: from 政 府 工 作 报 告 up to (not including) 附件."""
    lines = [line for line in page.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.replace(" ", "").strip() == "政府工作报告")
    end = next(i for i, line in enumerate(lines) if line.strip().startswith("附件"))
    return [normalize_line(line) for line in lines[start:end] if line.strip()]


def clean_page(page: str) -> list[Block]:
    """Blocks with readable stable ids (title, occasion, speaker, y2024-p01, s3-p2, note-7, …)."""
    lines = report_lines(page)
    blocks: list[Block] = [Block(BlockKind.TITLE, "title", lines[0].replace(" ", ""))]
    i = 1
    # The occasion line is split over two lines on the page ("——…第十八届" / "人民代表大会…会议上").
    occasion = lines[i]
    while not occasion.endswith("会议上"):
        i += 1
        occasion += lines[i]
    blocks.append(Block(BlockKind.META, "occasion", occasion))
    i += 1
    blocks.append(Block(BlockKind.META, "speaker", re.sub(r"\s+", "\u3000", lines[i])))
    i += 1
    blocks.append(Block(BlockKind.SALUTATION, "salutation", lines[i]))
    i += 1

    section = "intro"
    counter = 0
    in_notes = False
    for line in lines[i:]:
        if in_notes:
            m = _NOTE_RE.match(line)
            if not m:
                raise ValueError(f"unexpected line in the notes: {line[:30]}")
            blocks.append(Block(BlockKind.NOTE, f"note-{int(m.group(1))}", line, int(m.group(1))))
        elif line == "名词解释":
            blocks.append(Block(BlockKind.NOTES_HEADING, "notes", line))
            in_notes = True
        elif m := _PART_RE.match(line):
            section, counter = f"y{m.group(1)}", 0
            blocks.append(Block(BlockKind.PART, f"part-{m.group(1)}", line))
        elif m := _HEADING_RE.match(line):
            number = _CHINESE_NUMERALS.index(m.group(1)) + 1
            section, counter = f"s{number}", 0
            blocks.append(Block(BlockKind.HEADING, f"h{number}", line))
        else:
            counter += 1
            blocks.append(Block(BlockKind.PARAGRAPH, f"{section}-p{counter:02d}", line))
    return blocks
