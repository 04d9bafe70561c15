"""Read and write the cleaned report source (resources/report/*.tsv) and link its glossary.

The file is one block per line, ``kind<TAB>id<TAB>text``, so that ids are stored with the text and
survive edits elsewhere; lines starting with ``#`` are comments. Reading then writing gives back
the same bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

from .model import MARKER_RE, Block, BlockKind, Marker, Note, Report, TermOccurrence

HEADER = (
    "# 2025年凤岗镇政府工作报告, cleaned for Fenggang Reader. UTF-8, one block per line:\n"
    "# kind<TAB>stable id<TAB>text. Ids never change once given; new blocks get new ids.\n"
)
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_NOTE_RE = re.compile(r"^\[(\d{1,2})\](.+?)[：:](.+)$")


class ReportFormatError(ValueError):
    """The file is not a report in our format; the message names the file and the line."""


def parse_report(text: str, source: str = "<report>") -> Report:
    """Build the model from the file's text; raise ReportFormatError with a clear message."""
    blocks: list[Block] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ReportFormatError(f"{source}, line {lineno}: expected kind, id and text separated by tabs")
        kind_name, block_id, body = parts
        try:
            kind = BlockKind(kind_name)
        except ValueError:
            raise ReportFormatError(f"{source}, line {lineno}: unknown block kind {kind_name!r}") from None
        if not _ID_RE.match(block_id):
            raise ReportFormatError(f"{source}, line {lineno}: bad block id {block_id!r}")
        if not body.strip():
            raise ReportFormatError(f"{source}, line {lineno}: empty text")
        note_number = None
        if kind is BlockKind.NOTE:
            m = _NOTE_RE.match(body)
            if not m:
                raise ReportFormatError(f"{source}, line {lineno}: a note must look like [n]term：explanation")
            note_number = int(m.group(1))
        blocks.append(Block(kind, block_id, body, note_number))
    if not blocks:
        raise ReportFormatError(f"{source}: no report blocks found")
    if not any(b.kind is BlockKind.TITLE for b in blocks):
        raise ReportFormatError(f"{source}: no title block; this does not look like a report")
    try:
        report = Report(blocks)
    except ValueError as exc:
        raise ReportFormatError(f"{source}: {exc}") from None
    link_glossary(report)
    return report


def serialize_report(report: Report) -> str:
    lines = [HEADER.rstrip("\n")]
    lines += [f"{b.kind.value}\t{b.id}\t{b.text}" for b in report.blocks]
    return "\n".join(lines) + "\n"


def load_report(path: Path) -> Report:
    """Read a report file; errors name the file (missing, unreadable, not UTF-8, not a report)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportFormatError(f"cannot read the report file {path}: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ReportFormatError(f"{path} is not UTF-8 text; it is not a report file") from None
    return parse_report(text, str(path))


def link_glossary(report: Report) -> None:
    """Fill report.notes, .markers and .occurrences from the blocks' text."""
    report.notes.clear()
    report.markers.clear()
    report.occurrences.clear()
    for block in report.blocks:
        if block.kind is BlockKind.NOTE:
            m = _NOTE_RE.match(block.text)
            assert m is not None  # checked in parse_report
            number = int(m.group(1))
            if number in report.notes:
                raise ReportFormatError(f"note [{number}] appears twice")
            report.notes[number] = Note(number, m.group(2), m.group(3), block.id)
    for block in report.body_blocks():
        taken: list[tuple[int, int]] = []
        for m in MARKER_RE.finditer(block.text):
            number = int(m.group(1))
            note = report.notes.get(number)
            if note is None:
                raise ReportFormatError(f"marker [{number}] in block {block.id} has no note")
            term_start = _term_start_before(block.text, m.start(), note)
            report.markers.append(Marker(block.id, m.start(), m.end(), number, term_start, m.start()))
            report.occurrences.append(TermOccurrence(block.id, term_start, m.start(), number, True))
            taken.append((term_start, m.end()))
        for note in sorted(report.notes.values(), key=lambda n: -len(n.term)):
            for term in body_terms(note):
                for found in re.finditer(re.escape(term), block.text):
                    span = (found.start(), found.end())
                    if any(s < span[1] and span[0] < e for s, e in taken) or _inside_word(block.text, *span):
                        continue
                    taken.append(span)
                    report.occurrences.append(TermOccurrence(block.id, span[0], span[1], note.number, False))
    report.occurrences.sort(key=lambda o: (report.index_of(o.block_id), o.start))


# A printed term without its quotes is only distinctive when it is long: “五个不发生” may appear
# unquoted, but 两重 (两重性), 七进 (七进七出) or 六个一 (第六个一…) are ordinary prose.
MIN_UNQUOTED_TERM = 4


def body_terms(note: Note) -> list[str]:
    """The strings that link a place in the body to this note (longest first), without over-matching prose."""
    out = []
    for term in note.search_terms:
        quoted = "“" in term
        if quoted or note.term == term or len(term) >= MIN_UNQUOTED_TERM:
            out.append(term)
    return out


def _inside_word(text: str, start: int, end: int) -> bool:
    """A Latin or digit term glued to more Latin/digits (TID in TIDE, 1310 in 21310) is not that term."""

    def ascii_alnum(ch: str) -> bool:
        return ch.isascii() and ch.isalnum()

    return (ascii_alnum(text[start]) and start > 0 and ascii_alnum(text[start - 1])) or (
        ascii_alnum(text[end - 1]) and end < len(text) and ascii_alnum(text[end])
    )


def _term_start_before(text: str, marker_start: int, note: Note) -> int:
    """Where the term qualified by a marker begins: the note's term, else the quote just before it."""
    for term in note.search_terms:
        if text.startswith(term, marker_start - len(term)):
            return marker_start - len(term)
    if marker_start > 0 and text[marker_start - 1] == "”":
        opening = text.rfind("“", 0, marker_start)
        if opening != -1:
            return opening
    # Fall back to the run of Han characters and Latin letters just before the marker.
    start = marker_start
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "&+"):
        start -= 1
    return start
