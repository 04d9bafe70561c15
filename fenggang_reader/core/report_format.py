"""Read and write the cleaned report source (resources/report/*.tsv) and link its glossary.

The file is one block per line, ``kind<TAB>id<TAB>text``, so that ids are stored with the text and
survive edits elsewhere; lines starting with ``#`` are comments. A heading deeper than the kind's level
(a （一） sub-heading) is written ``heading:4``. Reading then writing gives back the same bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

from .model import MARKER_RE, Block, BlockKind, Marker, Note, Report, TermOccurrence, marker_number

HEADER = (
    "# 2025年凤岗镇政府工作报告, cleaned for Fenggang Reader. UTF-8, one block per line:\n"
    "# kind<TAB>stable id<TAB>text. Ids never change once given; new blocks get new ids.\n"
)
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
# A note's term is what comes before its first colon, when that is short and not a clause of its own.
_NOTE_TERM_RE = re.compile(r"^([^。，；！？：:]{1,40})[：:]\s*(.+)$", re.DOTALL)
_NUMBERED_TERM_RE = re.compile(r"^(\d{1,3})[.．、]\s*")  # 1.长者饭堂：… in a 名词解释 list (no markers in the text)
_LEVEL_SUFFIX = ":"


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
        kind_name, _, level_text = kind_name.partition(_LEVEL_SUFFIX)
        try:
            kind = BlockKind(kind_name)
        except ValueError:
            raise ReportFormatError(f"{source}, line {lineno}: unknown block kind {kind_name!r}") from None
        level = int(level_text) if level_text.isdigit() and kind is BlockKind.HEADING else 0
        if level_text and not level:
            raise ReportFormatError(f"{source}, line {lineno}: bad heading level {level_text!r}")
        if not _ID_RE.match(block_id):
            raise ReportFormatError(f"{source}, line {lineno}: bad block id {block_id!r}")
        if not body.strip():
            raise ReportFormatError(f"{source}, line {lineno}: empty text")
        note_number = None
        if kind is BlockKind.NOTE:
            parsed = parse_note(body)
            if not parsed:
                raise ReportFormatError(f"{source}, line {lineno}: a note must look like [n]term：explanation")
            note_number = parsed.number
        blocks.append(Block(kind, block_id, body, note_number, level))
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
    lines += [f"{_kind_field(b)}\t{b.id}\t{b.text}" for b in report.blocks]
    return "\n".join(lines) + "\n"


def _kind_field(block: Block) -> str:
    if block.heading_level != block.kind.heading_level:
        return f"{block.kind.value}{_LEVEL_SUFFIX}{block.heading_level}"
    return block.kind.value


def parse_note(text: str) -> Note | None:
    """A note's number, term and explanation from its text: a marker ([n], 【n】 or ①), then ``term：explanation``
    or only the explanation (term ""); or, as a 名词解释 list numbers its terms, 1. (1、) and ``term：explanation``.
    None when the text starts with neither. block_id is left empty."""
    text = text.lstrip()
    if marker := MARKER_RE.match(text):
        number, rest = marker_number(marker), text[marker.end():].strip()
    elif (numbered := _NUMBERED_TERM_RE.match(text)) and _NOTE_TERM_RE.match(text[numbered.end():]):
        number, rest = int(numbered.group(1)), text[numbered.end():].strip()
    else:
        return None
    if not rest:
        return None
    term = _NOTE_TERM_RE.match(rest)
    if term:
        return Note(number, term.group(1).strip(), term.group(2), "")
    return Note(number, "", rest, "")


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


def link_glossary(report: Report, *, strict: bool = True) -> None:
    """Fill report.notes, .markers and .occurrences from the blocks' text.

    ``strict`` (our .tsv files) refuses a marker without a note and a note number given twice; otherwise (a
    document someone else wrote) such a marker stays plain text and the first of two notes counts.
    """
    report.notes.clear()
    report.markers.clear()
    report.occurrences.clear()
    for block in report.blocks:
        if block.kind is BlockKind.NOTE:
            parsed = parse_note(block.text)
            assert parsed is not None  # checked when the block was made
            if parsed.number in report.notes:
                if strict:
                    raise ReportFormatError(f"note [{parsed.number}] appears twice")
                continue
            report.notes[parsed.number] = Note(parsed.number, parsed.term, parsed.explanation, block.id)
    # Each note's terms once, longest notes first (a document of 3,000 paragraphs asked for them 90,000 times).
    note_terms = [(note.number, body_terms(note)) for note in sorted(report.notes.values(), key=lambda n: -len(n.term))]
    for block in report.body_blocks():
        taken: list[tuple[int, int]] = []
        for m in MARKER_RE.finditer(block.text):
            number = marker_number(m)
            note = report.notes.get(number)
            if note is None:
                if strict:
                    raise ReportFormatError(f"marker {m.group(0)} in block {block.id} has no note")
                continue
            term_start = _term_start_before(block.text, m.start(), note)
            report.markers.append(Marker(block.id, m.start(), m.end(), number, term_start, m.start()))
            report.occurrences.append(TermOccurrence(block.id, term_start, m.start(), number, True))
            taken.append((term_start, m.end()))
        for number, terms in note_terms:
            for term in terms:
                start = block.text.find(term)
                while start != -1:
                    span = (start, start + len(term))
                    start = block.text.find(term, span[1])
                    if any(s < span[1] and span[0] < e for s, e in taken) or _inside_word(block.text, *span):
                        continue
                    taken.append(span)
                    report.occurrences.append(TermOccurrence(block.id, span[0], span[1], number, False))
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
    """Where the term qualified by a marker begins: the note's term, else the quote just before it; a note
    without a term links its marker alone."""
    for term in note.search_terms:
        if text.startswith(term, marker_start - len(term)):
            return marker_start - len(term)
    if marker_start > 0 and text[marker_start - 1] in "”」":
        opening = text.rfind("“" if text[marker_start - 1] == "”" else "「", 0, marker_start)
        if opening != -1:
            return opening
    if not note.term:
        return marker_start
    # Fall back to the run of Han characters and Latin letters just before the marker, no longer than the term (a
    # document's note may name its term otherwise than its text: the run would be the whole clause).
    start, limit = marker_start, marker_start - max(len(note.plain_term), 1)
    while start > max(limit, 0) and (text[start - 1].isalnum() or text[start - 1] in "&+"):
        start -= 1
    return start
