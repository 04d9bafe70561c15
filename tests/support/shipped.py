"""The bundled report with the annotator a start of the app has: its shipped readings already loaded."""

from __future__ import annotations

from fenggang_reader.core.model import BlockKind, Report
from fenggang_reader.core.pinyin import Annotator
from fenggang_reader.core.reader_annotator import preload_readings, reader_annotator
from fenggang_reader.core.report_format import link_glossary
from fenggang_reader.core.resources import load_bundled_report


def shipped() -> tuple[Report, Annotator]:
    """No window fixture re-annotates the report with pypinyin (~0.3 s per window, ~20 s a suite)."""
    report = load_bundled_report()
    return report, shipped_annotator(report)


def shipped_annotator(report: Report) -> Annotator:
    """A new annotator for ``report`` (the shipped record, no corrections, citation tones) with its readings
    loaded, as a start of the app has them: pypinyin runs only for what a test changes."""
    annotator = reader_annotator()
    preload_readings(annotator, report)
    return annotator


# The report's opening (title, occasion, speaker, salutation, introduction), its first part with the first
# paragraphs that mark glossary terms, the second part's first heading, and the notes of the terms marked there.
EXCERPT_BLOCKS = ("title", "occasion", "speaker", "salutation", "intro-p01", "part-2024", "y2024-p01", "y2024-p02",
                  "part-2025", "h1", "s1-p01", "s1-p02")


def shipped_excerpt() -> tuple[Report, Annotator]:
    """A short cut of the bundled report (every kind of block, terms with their notes; a sixth of its text) for
    tests of what the windows and dialogs around the text show, which is the same for any document: the whole
    report's print preview at 96 pt (1,563 pages) and its layouts were most of those tests' time."""
    report = load_bundled_report()
    marked = {m.note_number for block_id in EXCERPT_BLOCKS for m in report.markers_in(block_id)}
    kept = [b for b in report.blocks if b.id in EXCERPT_BLOCKS or b.kind is BlockKind.NOTES_HEADING
            or (b.kind is BlockKind.NOTE and b.note_number in marked)]
    excerpt = Report(kept, builtin=True)
    link_glossary(excerpt)
    return excerpt, shipped_annotator(excerpt)
