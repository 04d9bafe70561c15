"""Open any file the reader is given as a Report: our own .tsv report format as it is, anything else through
the format readers (extract) and the structure (structure). Every failure is a DocumentError."""

from __future__ import annotations

from pathlib import Path

from ..model import BlockKind, Report
from ..report_format import ReportFormatError, parse_report
from ..resources import load_bundled_report
from .extract import DocumentError, DocumentProblem, extract_document, read_file
from .structure import structure_document

REPORT_SUFFIX = ".tsv"


def open_document(path: Path) -> Report:
    """The document at ``path``; raises DocumentError (not found, unreadable, empty, too large, not a document…)."""
    if path.suffix.lower() == REPORT_SUFFIX:
        return _open_report_file(path)
    return structure_document(extract_document(path))


def _open_report_file(path: Path) -> Report:
    """A file in our report format (resources/report/report.tsv, or one written by serialize_report)."""
    data = read_file(path)  # missing, a folder, too large, unreadable or empty: as for every other file
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise DocumentError(path, DocumentProblem.UNDECODABLE, "it is not UTF-8 text, as a report file is") from None
    try:
        report = parse_report(text, path.name)
    except ReportFormatError as exc:
        problem = DocumentProblem.DAMAGED if _looks_like_a_report(text) else DocumentProblem.NOT_A_DOCUMENT
        detail = f"it is a damaged report file ({exc})" if problem is DocumentProblem.DAMAGED else (
            "it is a table, not a report file of this reader")
        raise DocumentError(path, problem, detail) from None
    # A copy of the shipped report is the shipped report: its reviewed readings and words apply.
    report.builtin = report.fingerprint == load_bundled_report().fingerprint
    return report


def _looks_like_a_report(text: str) -> bool:
    """Whether a .tsv that does not parse was meant as a report: some line is kind<TAB>id<TAB>text."""
    kinds = {kind.value for kind in BlockKind}
    return any(line.split("\t", 1)[0].partition(":")[0] in kinds and line.count("\t") == 2
               for line in text.splitlines()[:50])
