"""What every format's reader hands on: the document's paragraphs in reading order, its title if it has one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DocumentError, DocumentProblem
from .radicals import unify_radicals

# "More than 5 MB of text" (issue 18): 5 MB of Chinese in UTF-8 is ~1.67 M characters, so 1.6 M, counted in
# characters of the extracted text (the message can say how many). A whole year's reports of a town are ~0.1 M;
# 300 k characters open in ~1 s with ~220 MB (benchmarks/bench_scale.py), and the window is built on the GUI
# thread in time that grows with the text: 5 M characters (the limit before) would freeze it for many seconds.
MAX_TEXT_CHARS = 1_600_000
# Files larger than this are refused before they are read: no format we open holds a document that large.
MAX_FILE_BYTES = 50 * 1024 * 1024

# Characters that are never text: zero-width marks and the byte-order mark that editors leave inside lines.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200a\u202f\u205f]+")
# A note's number set apart from its text ("1 “1310”具体部署：…" from a word processor's footnote) joins it.
_NOTE_NUMBER_APART = re.compile(r"^([\[［【〔]\d{1,3}[\]］】〕]|[①-⑳])[ \u3000]+")


@dataclass(frozen=True)
class ExtractedText:
    """A document's text before structure: paragraphs without their indentation, a title (None when unknown)
    and the format it came from: "text", "html", "mhtml", "docx", "epub", "pdf" or "clipboard"; ``headings``: the
    paragraphs the file itself marks as headings (<h2>, Word's Heading 2, an outline level), text → level 1–9."""

    paragraphs: list[str]
    title: str | None
    format: str
    headings: dict[str, int] = field(default_factory=dict)

    @property
    def chars(self) -> int:
        return sum(len(p) for p in self.paragraphs)


def clean_paragraph(text: str) -> str:
    """One paragraph's text as the reader shows it: no invisible marks, no indentation (full-width 　 too),
    runs of spaces as one (a space between Chinese characters is the page's layout, not the text's; it is kept
    here and left to the structure, which knows spaced-out titles), radicals a PDF gave for characters
    unified (radicals.py)."""
    text = unify_radicals(_INVISIBLE.sub("", text).replace("\r", ""))
    return _NOTE_NUMBER_APART.sub(r"\1", _SPACES.sub(" ", text).strip(" \t\n\u3000"))


def finish(paragraphs: list[str], title: str | None, kind: str, path: Path | None,
           source: str = "the pasted text", headings: dict[str, int] | None = None) -> ExtractedText:
    """Clean the paragraphs and refuse a document without text or with too much of it."""
    kept = [text for text in (clean_paragraph(p) for p in paragraphs) if text]
    if not kept:
        raise DocumentError(path, DocumentProblem.EMPTY, "there is no text in it", source=source)
    chars = sum(len(p) for p in kept)
    if chars > MAX_TEXT_CHARS:
        raise DocumentError(path, DocumentProblem.TOO_LARGE,
                            f"it holds {chars:,} characters of text, more than the {MAX_TEXT_CHARS:,} the reader "
                            "opens", source=source)
    title = clean_paragraph(title) if title else None
    marked = {clean_paragraph(text): level for text, level in (headings or {}).items()}
    return ExtractedText(kept, title or None, kind, {text: level for text, level in marked.items() if text})
