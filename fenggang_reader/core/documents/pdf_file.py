"""PDF files with a text layer: the page's text lines, then paragraphs again.

pypdf hands us each piece of text with its position and size. Pieces on one baseline make a line; ruby
(pinyin or zhuyin printed small above the characters, as our own export does) is dropped; page numbers
("- 3 -", "第3页", "3 / 38") and running heads and footers (a line repeated at the top or bottom of many
pages) are dropped; then a line continues the paragraph before it unless the layout says otherwise: more
space above it than between lines, an indented or centred start, another size, the start of a heading or
note, or a previous line that ended its sentence short of the margin. Line breaks inside a paragraph leave
nothing behind (Chinese has no spaces), and the gaps PDF producers put between Chinese and Latin characters
are closed.
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from .errors import DocumentError, DocumentProblem
from .extracted import ExtractedText, finish
from .lines import ends_sentence, is_wide, join_broken, starts_block

_RUBY = re.compile(r"^[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ1-5\s'·ㄅ-ㄯㆠ-ㆿˊˇˋ˙]+$")
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*\d+\s*[-–—]|\d+|\d+\s*/\s*\d+|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|[Pp]age\s*\d+(?:\s*of\s*\d+)?"
    r"|\d+\s*of\s*\d+)$")
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’—…"
# Spaces PDF producers leave beside Chinese characters: justification, or the gap set between Chinese and Latin.
_SPACE_BESIDE_WIDE = re.compile(rf"(?<=[{_WIDE}]) (?=[{_WIDE}0-9A-Za-z%])|(?<=[0-9A-Za-z%.]) (?=[{_WIDE}])")
# A justified line pypdf reads glyph by glyph: one space after every character or pair (引 进 项 目 2 3 个 。“ 专).
_LETTER_SPACED = re.compile(r"\S{1,2}(?: \S{1,2}){3,}")


@dataclass
class _Line:
    x: float
    y: float
    size: float
    text: str

    @property
    def right(self) -> float:
        """Where the line ends, estimated: a wide character takes its size, others half of it."""
        return self.x + sum(self.size if is_wide(ch) else self.size / 2 for ch in self.text)


@dataclass
class _Page:
    lines: list[_Line]


@dataclass
class _Placed:
    """A line with what its page says about it, in sizes of its own characters: how far it starts right of
    the page's text margin, how far it ends short of the right one, and the space above it relative to the
    document's usual line pitch (None at a page's top)."""

    line: _Line
    indent: float
    slack: float
    space_above: float | None
    width: float  # of the page's text, in sizes

    @property
    def short(self) -> bool:
        """Clearly short of the margin: a quarter of the width and three characters or more."""
        return self.slack > max(3.0, 0.25 * self.width)

    @property
    def centred(self) -> bool:
        """Set in the middle: far from the left margin, or off it with its middle near the text's middle."""
        return self.indent > 3 or (self.indent > 0.5 and abs(self.indent - self.slack) / 2 < 1)

    @property
    def full(self) -> bool:
        """Reaching the right margin, give or take the few characters by which the estimated lengths of
        justified lines differ."""
        return self.indent <= 3 and self.slack < 4


def _placed(pages: list[_Page]) -> list[_Placed]:
    sizes = Counter(round(line.size) for page in pages for line in page.lines for _ in line.text)
    body_size = float(sizes.most_common(1)[0][0])
    pitches = sorted((a.y - b.y) / b.size for page in pages for a, b in zip(page.lines, page.lines[1:], strict=False)
                     if abs(a.size - body_size) < 0.15 * body_size and abs(b.size - a.size) < 0.01 * a.size
                     and 0 < a.y - b.y < 4 * b.size)
    pitch = pitches[len(pitches) // 2] if pitches else 1.5
    all_body = [line for page in pages for line in page.lines if abs(line.size - body_size) < 0.15 * body_size]
    document_left = Counter(round(line.x) for line in all_body).most_common(1)[0][0] if all_body else 0
    document_right = max((line.right for line in all_body), default=0.0)
    placed: list[_Placed] = []
    for page in pages:
        # A page of a few centred lines (a title page) has no margins of its own: the document's are used.
        body = [line for line in page.lines if abs(line.size - body_size) < 0.15 * body_size]
        left, count = Counter(round(line.x) for line in body).most_common(1)[0] if body else (document_left, 0)
        left, right = (left, max(line.right for line in body)) if count >= 3 else (document_left, document_right)
        for index, line in enumerate(page.lines):
            above = (page.lines[index - 1].y - line.y) / line.size / pitch if index else None
            placed.append(_Placed(line, (line.x - left) / line.size, (right - line.right) / line.size, above,
                                  (right - left) / line.size))
    return placed


def read_pdf_file(data: bytes, path: Path) -> ExtractedText:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(path, DocumentProblem.UNREADABLE, "the PDF is protected by a password")
        pages = [_Page(_page_lines(page)) for page in reader.pages]
        title = reader.metadata.get("/Title") if reader.metadata is not None else None
        images = not any(page.lines for page in pages) and any(_has_images(page) for page in reader.pages)
    except DocumentError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise DocumentError(path, DocumentProblem.DAMAGED, f"the PDF is damaged ({exc})") from exc
    if images:
        raise DocumentError(path, DocumentProblem.NOT_A_DOCUMENT,
                            "it is a scanned PDF: its pages are pictures, with no text in them to read")
    _drop_page_furniture(pages)
    return finish(_paragraphs(pages), title if isinstance(title, str) else None, "pdf", path)


def _has_images(page: Any) -> bool:
    try:
        return bool(page.images)
    except (PyPdfError, ValueError, KeyError, NotImplementedError):
        return True  # an image pypdf cannot decode is still an image


def _page_lines(page: Any) -> list[_Line]:
    """The page's lines top to bottom, ruby left out."""
    pieces: list[_Line] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        text = text.replace("\n", "").replace("\r", "")
        if not text.strip():
            return
        text = _without_letter_spacing(text)
        c = tm[2] * cm[0] + tm[3] * cm[2]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        pieces.append(_Line(x, y, abs(size * math.hypot(c, d)) or size, text))

    page.extract_text(visitor_text=visit)
    # Text set outside the page is never seen (Qt's QTextDocument printing leaves each page's last line again
    # above the next page, clipped away).
    box = page.cropbox
    left, bottom, right, top = (float(v) for v in (box.left, box.bottom, box.right, box.top))
    pieces = [p for p in pieces if left - 1 <= p.x <= right + 1 and bottom - 1 <= p.y <= top + 1]
    pieces.sort(key=lambda p: (-p.y, p.x))
    lines: list[list[_Line]] = []
    for piece in pieces:
        if lines and abs(lines[-1][0].y - piece.y) < 0.4 * min(piece.size, lines[-1][0].size):
            lines[-1].append(piece)
        else:
            lines.append([piece])
    built = [_joined(sorted(group, key=lambda p: p.x)) for group in lines]
    below: list[_Line | None] = [*built[1:], None]
    return [line for line, under in zip(built, below[: len(built)], strict=True) if not _is_ruby(line, under)]


def _without_letter_spacing(text: str) -> str:
    """A Chinese piece spaced out glyph by glyph (pypdf reads the reader's own justified lines so) without those
    spaces, which would otherwise stay inside numbers (项目2 3个, 1 5分钟) once the spaces beside Chinese go."""
    if _LETTER_SPACED.fullmatch(text.strip()) and sum(map(is_wide, text)) * 2 > len(text.replace(" ", "")):
        return text.replace(" ", "")
    return text


def _is_ruby(line: _Line, below: _Line | None) -> bool:
    """Pinyin or zhuyin set small just above the line it reads."""
    return (below is not None and bool(_RUBY.match(line.text)) and line.size < 0.8 * below.size
            and line.y - below.y < 1.5 * below.size)


def _joined(pieces: list[_Line]) -> _Line:
    """Pieces on one baseline as one line: a space only where two Latin pieces stand a word space apart
    (wider on a Chinese line, where justification spreads the letters of GDP or G220). Gaps between Chinese
    characters are layout, never text (a full-width space in the source, as in 镇长　韩俊峰, is lost)."""
    chinese = sum(1 for p in pieces for ch in p.text if is_wide(ch)) > 0.3 * sum(len(p.text) for p in pieces)
    word_space = 0.6 if chinese else 0.2
    text = pieces[0].text
    for before, after in zip(pieces, pieces[1:], strict=False):
        gap = after.x - before.right
        words = text[-1:].isascii() and text[-1:].isalnum() and after.text[:1].isascii() and after.text[:1].isalnum()
        text += (" " if words and gap > word_space * after.size else "") + after.text
    size = Counter(p.size for p in pieces for _ in p.text).most_common(1)[0][0]
    text = _SPACE_BESIDE_WIDE.sub("", re.sub(r"[ \t]+", " ", text).strip())
    return _Line(pieces[0].x, pieces[0].y, size, text)


def _furniture_key(line: _Line) -> str:
    """A running head or footer is the same text in the same size on many pages, its numbers aside (the
    document's title set large on the first page is not its running head set small)."""
    return f"{round(line.size)}|" + re.sub(r"\d+", "#", line.text.replace(" ", ""))


def _drop_page_furniture(pages: list[_Page]) -> None:
    """Page numbers at the top or bottom of a page, and lines repeated there on many pages."""
    for page in pages:
        edge = page.lines[:2] + page.lines[-2:]
        page.lines = [line for line in page.lines
                      if not (line in edge and _PAGE_NUMBER.match(line.text.replace("\t", " ").strip()))]
    if len(pages) < 3:
        return
    seen = Counter(key for page in pages for key in {_furniture_key(line) for line in page.lines[:2] + page.lines[-2:]})
    repeated = {key for key, count in seen.items() if count >= max(3, 0.4 * len(pages))}
    for page in pages:
        edge = page.lines[:2] + page.lines[-2:]
        page.lines = [line for line in page.lines if not (line in edge and _furniture_key(line) in repeated)]


def _paragraphs(pages: list[_Page]) -> list[str]:
    """Lines into paragraphs by the way this document marks them: space between paragraphs (our export),
    indented first lines (word processors), or, failing both, lines that end their sentence short."""
    with_text = [page for page in pages if page.lines]
    if not with_text:
        return []
    placed = _placed(with_text)
    spaced = sum(1 for p in placed if p.space_above is not None and p.space_above > 1.15)
    indented = sum(1 for p in placed if 1 <= p.indent <= 3)
    by_space = spaced >= max(2, 0.02 * len(placed))
    by_indent = indented >= max(2, 0.02 * len(placed))
    paragraphs = [placed[0].line.text]
    for previous, current in zip(placed, placed[1:], strict=False):
        if _starts_paragraph(previous, current, by_space, by_indent):
            paragraphs.append(current.line.text)
        else:
            paragraphs[-1] = join_broken(paragraphs[-1], current.line.text)
    return paragraphs


def _starts_paragraph(previous: _Placed, current: _Placed, by_space: bool, by_indent: bool) -> bool:
    line, before = current.line, previous.line
    if abs(before.size - line.size) > 0.08 * line.size:
        return True  # a heading set larger, a note set smaller
    if current.space_above is not None and current.space_above > 1.15:
        return True  # more space above than between lines
    if starts_block(line.text, before.text):
        return True
    stop = ends_sentence(before.text)
    first_line = by_indent and 1 <= previous.indent <= 3  # an indented first line is not a centred one
    if previous.centred and not first_line:
        # A title block's line: what follows is new unless the line was nearly full, so that the block goes on
        # (centred, or filling the width).
        return stop or previous.indent > 1.5 or not (current.centred or (current.indent < 0.5 and current.slack < 0.5))
    if current.indent >= 1 and not current.centred:
        return by_indent or not previous.full  # an indented first line
    if current.centred:
        return not previous.full or stop
    if by_indent:
        return False  # every paragraph's first line is indented, on a new page too
    if by_space:
        # Space marks paragraphs, but not at a page's top: there a stop is taken as a paragraph's end (a
        # paragraph cut in two costs less than two run together); nor after a line clearly cut short.
        return stop and (current.space_above is None or previous.short)
    if stop:
        return not previous.full  # the last line of a paragraph ends short
    return previous.slack > 0.4 * (previous.slack + previous.indent + len(before.text))  # a short line: a heading
