"""A long document that is not the built-in one: the shipped report joined to itself with fresh block ids, up to
so many characters (the scale benchmark, benchmarks/bench_scale.py, and the tests of long documents)."""

from __future__ import annotations

from pathlib import Path

from fenggang_reader.core.model import Report
from fenggang_reader.core.pinyin import Annotator
from fenggang_reader.core.report_format import parse_report

REPORT_TSV = Path(__file__).resolve().parents[2] / "resources" / "report" / "report.tsv"


def long_document_tsv(chars: int) -> str:
    """The report joined to itself up to ``chars`` characters, in the report file format, with fresh ids: the first
    copy keeps its title block, later copies start with their title as a part heading; the notes come once, at the
    end, so every copy's [n] markers link to them."""
    rows = [line.split("\t", 2) for line in REPORT_TSV.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    body = [row for row in rows if row[0] not in ("notes", "note")]
    notes = [row for row in rows if row[0] in ("notes", "note")]
    note_chars = sum(len(text) for _, _, text in notes)
    out, total, copy = [], 0, 0
    while total + note_chars < chars:
        for kind, block_id, text in body:
            if total + note_chars >= chars:
                break
            out.append(f"{'part' if copy and kind == 'title' else kind}\t{copy_id(copy, block_id)}\t{text}")
            total += len(text)
        copy += 1
    out += [f"{kind}\t{copy_id(None, block_id)}\t{text}" for kind, block_id, text in notes]
    return "\n".join(out) + "\n"


def copy_id(copy: int | None, block_id: str) -> str:
    """The fresh id of a shipped block in copy ``copy`` (None: the notes, which come once)."""
    return f"d-{block_id}" if copy is None else f"d-c{copy:02d}-{block_id}"


def shipped_id(block_id: str) -> str:
    """The shipped block a fresh id was made from (copy_id's inverse)."""
    tail = block_id.removeprefix("d-")
    return tail.split("-", 1)[1] if tail.startswith("c") and tail[1:3].isdigit() else tail


def long_document(chars: int) -> Report:
    return parse_report(long_document_tsv(chars), f"<{chars} characters>")


class CopiedReadings(Annotator):
    """The shipped annotator's readings for each copy of a block (tests: pypinyin never runs for the copies)."""

    def __init__(self, shipped: Annotator):
        super().__init__(shipped.record, shipped.user, shipped.sandhi)
        self._shipped = shipped

    def readings(self, text: str, block_id: str = "") -> list[str | None]:
        return self._shipped.readings(text, shipped_id(block_id))

    def has_readings(self, text: str, block_id: str = "") -> bool:
        return self._shipped.has_readings(text, shipped_id(block_id))
