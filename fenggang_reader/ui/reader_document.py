"""The reader's document: built from the report, and edited only in ways that keep every position.

Every Han character and full-width mark gets the same extra advance (percentage letter spacing), Latin and
digit runs keep theirs. Positions must not move afterwards (highlights, glossary links, the reading place and
the speech offsets all count characters), so edits change formats and characters in place, run by run.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Iterator
from functools import cache

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFragment,
    QTextOption,
)

from ..core.line_breaks import MARKS, LayoutText
from ..core.model import Block, BlockKind
from ..core.syllables import is_han

_WIDE_BY_USE = "“”‘’—…·"  # ambiguous-width marks that Chinese text sets full width


@cache  # a document has a few thousand distinct characters, asked about hundreds of thousands of times
def is_wide(char: str) -> bool:
    """Characters that take a full em cell in Chinese text (Han, full-width punctuation, “”)."""
    return unicodedata.east_asian_width(char) in ("W", "F") or char in _WIDE_BY_USE


# Blocks of code points that are wide throughout (tests/ui/test_reader_document.py checks each against is_wide): a
# regular expression finds the runs of a block's text in C, where a loop over its characters took ~0.1 s for 300,000.
WIDE_RANGES = ("\u1100-\u115f\u2e80-\u303e\u3040-\u3247\u3250-\u4dbf\u4e00-\ua4cf\uac00-\ud7a3\uf900-\ufaff"
               "\ufe30-\ufe6f\uff01-\uff60\uffe0-\uffe6\U00020000-\U0002fffd\U00030000-\U0003fffd")


class WideRuns:
    """Splits a text into its runs of wide characters and of the others (is_wide), a line-breaking mark staying in
    the run it is in; the characters outside WIDE_RANGES and ASCII are asked about once each."""

    _OUTSIDE = re.compile(f"[^{WIDE_RANGES}\x00-\x7f]")  # ASCII is narrow

    def __init__(self) -> None:
        # Wide characters outside WIDE_RANGES, those every Chinese text has from the start: each one met later compiles
        # the pattern anew (~10 ms each; three of them were a document's opening).
        self._wide_outside = _WIDE_BY_USE
        self._asked: set[str] = set(MARKS) | set(_WIDE_BY_USE)
        self._pattern = self._compile()

    def _compile(self) -> re.Pattern[str]:
        wide = WIDE_RANGES + re.escape(self._wide_outside)
        return re.compile(f"([{wide}][{wide}{MARKS}]*)|([^{wide}]+)")

    def __call__(self, text: str) -> Iterator[tuple[int, int, bool]]:
        """(start, end, wide) of each run of ``text``, in order."""
        start = 0
        for wide, narrow in self.runs(text):
            end = start + len(wide or narrow)
            yield start, end, bool(wide)
            start = end

    def runs(self, text: str) -> list[tuple[str, str]]:
        """Each run of ``text`` in order, as (the run, "") when wide and ("", the run) when not: found in C, where a
        match object a run cost a 300,000-character document ~30 ms to build."""
        new = set(self._OUTSIDE.findall(text)).difference(self._asked)
        if new:
            self._asked |= new
            outside = "".join(sorted(c for c in new if is_wide(c)))
            if outside:
                self._wide_outside += outside
                self._pattern = self._compile()
        return self._pattern.findall(text)


wide_runs = WideRuns()


def build_document(parent: QObject | None, blocks: list[Block], layouts: list[LayoutText],
                   display_text: Callable[[str], str], line_height: float, cjk_spacing: float,
                   compressible: str) -> QTextDocument:
    """One QTextBlock per report block, in order, carrying the block's id; the characters as shown, with the
    line-breaking marks of ``layouts`` (core/line_breaks.py), the first of two punctuation marks in a row
    compressed as compress_punctuation does (``compressible``)."""
    doc = empty_document(parent)
    fill_document(doc, blocks, layouts, display_text, line_height, cjk_spacing, compressible)
    return doc


def empty_document(parent: QObject | None) -> QTextDocument:
    """A document for build_document's text: no undo, lines wrapped between words or anywhere."""
    doc = QTextDocument(parent)
    doc.setUndoRedoEnabled(False)
    option = doc.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    return doc


def fill_document(doc: QTextDocument, blocks: list[Block], layouts: list[LayoutText],
                  display_text: Callable[[str], str], line_height: float, cjk_spacing: float,
                  compressible: str, plain: Collection[int] = (),
                  justified: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignJustify) -> None:
    """Put build_document's text into ``doc``, an empty_document (a view may hold it first: ReaderView). The blocks
    in ``plain`` get their text in one run of the narrow format, their runs' formats later (set_runs); paragraphs and
    notes are aligned ``justified`` (a view that justifies them itself: left)."""
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    formats = {bold: _RunFormats(cjk_spacing, bold) for bold in (False, True)}
    halves_at = _half_cells(compressible)
    kind_formats: dict[tuple[BlockKind, int], QTextBlockFormat] = {}  # made once a kind and level, copied a block
    for index, block in enumerate(blocks):
        key = (block.kind, block.heading_level)
        kind_format = kind_formats.get(key)
        if kind_format is None:
            kind_format = kind_formats[key] = _block_format(block, line_height, justified)
        block_format = QTextBlockFormat(kind_format)
        block_format.setProperty(QTextFormat.Property.UserProperty, block.id)
        if index == 0:
            cursor.setBlockFormat(block_format)
        else:
            cursor.insertBlock(block_format)
        text = layouts[index].apply(display_text(block.text))
        if index in plain:
            cursor.insertText(text, formats[block.kind.is_heading].narrow)
        else:
            _insert_runs(cursor, text, formats[block.kind.is_heading], halves_at)
    cursor.endEditBlock()


def set_runs(doc: QTextDocument, blocks: list[Block], indices: Iterable[int], cjk_spacing: float,
             compressible: str) -> None:
    """Give blocks that fill_document built plain the formats _insert_runs gives them, for their text as it is now
    (marks fitted meanwhile included): each wide run and half cell its format merged into the narrow one, which
    yields exactly theirs, and keeps what was merged meanwhile (a glossary link). Before any other edit of their
    letter spacing (the readings' room), which the wide format would undo."""
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    formats = {bold: _RunFormats(cjk_spacing, bold) for bold in (False, True)}
    halves_at = _half_cells(compressible)
    keep = QTextCursor.MoveMode.KeepAnchor
    for index in indices:
        block = doc.findBlockByNumber(index)
        base, by_kind = block.position(), formats[blocks[index].kind.is_heading].by_kind
        for start, characters, kind in _runs(block.text(), halves_at):
            if kind != NARROW:
                cursor.setPosition(base + start)
                cursor.setPosition(base + start + len(characters), keep)
                cursor.mergeCharFormat(by_kind[kind])
    cursor.endEditBlock()


def _block_format(block: Block, line_height: float,
                  justified: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignJustify) -> QTextBlockFormat:
    """The format of a block of this kind and heading level (build_document adds the block's id)."""
    fmt = QTextBlockFormat()
    fmt.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    if block.kind in (BlockKind.TITLE, BlockKind.META):
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    elif block.kind in (BlockKind.PARAGRAPH, BlockKind.NOTE):
        fmt.setAlignment(justified)
    if block.heading_level:
        fmt.setHeadingLevel(block.heading_level)
    return fmt


class _RunFormats:
    """The character formats of a block's runs (bold in headings): wide characters spaced, the others not, a
    punctuation mark that gives up half its cell."""

    def __init__(self, cjk_spacing: float, bold: bool):
        self.wide = QTextCharFormat()
        self.wide.setFontLetterSpacingType(QFont.SpacingType.PercentageSpacing)
        self.wide.setFontLetterSpacing(cjk_spacing)
        # Full-width forms of —— “” and the other marks whatever the interface language: HarfBuzz shapes with the
        # app's locale, and in English Noto CJK drew a short Latin dash (the line broke differently).
        self.wide.setFontFeatures({QFont.Tag("fwid"): 1})
        self.narrow = QTextCharFormat()
        self.narrow.setFontLetterSpacingType(QFont.SpacingType.PercentageSpacing)
        self.narrow.setFontLetterSpacing(100.0)
        if bold:
            self.wide.setFontWeight(QFont.Weight.Bold)
            self.narrow.setFontWeight(QFont.Weight.Bold)
        self.half = QTextCharFormat(self.wide)
        self.half.setFontLetterSpacing(cjk_spacing - 50.0)
        self.by_kind = (self.narrow, self.wide, self.half)  # indexed by NARROW, WIDE, HALF


NARROW, WIDE, HALF = 0, 1, 2  # the kinds of run _runs yields, indexing _RunFormats.by_kind


def _runs(text: str, halves_at: re.Pattern[str]) -> Iterator[tuple[int, str, int]]:
    """A block's text in runs (start, characters, kind): wide characters spaced evenly, Latin/digit runs untouched (a
    line-breaking mark, zero width, stays in the run it is in), a mark that gives up half its cell (gives_up_half) a
    run of one."""
    halves = [match.start() for match in halves_at.finditer(text)]
    start = 0
    for wide, narrow in wide_runs.runs(text):
        if narrow:
            yield start, narrow, NARROW
            start += len(narrow)
            continue
        end = start + len(wide)
        if halves:
            for i in halves[bisect_left(halves, start):bisect_left(halves, end)]:  # [start, i) wide, i half, on from i+1
                if i > start:
                    yield start, text[start:i], WIDE
                yield i, text[i], HALF
                start = i + 1
            if start < end:
                yield start, text[start:end], WIDE
        else:
            yield start, wide, WIDE
        start = end


def _insert_runs(cursor: QTextCursor, text: str, formats: _RunFormats, halves_at: re.Pattern[str]) -> None:
    """Insert a block's text in its runs (_runs), each in the format of its kind."""
    insert, by_kind = cursor.insertText, formats.by_kind
    for _start, characters, kind in _runs(text, halves_at):
        insert(characters, by_kind[kind])


@cache
def _half_cells(compressible: str) -> re.Pattern[str]:
    """Where gives_up_half holds: one of ``compressible`` that is punctuation, followed by punctuation, a mark between."""
    first = re.escape("".join(c for c in compressible if c in PUNCTUATION))
    return re.compile(f"[{first}](?=[{MARKS}]?[{re.escape(PUNCTUATION)}])" if first else "(?!)")


def _fragments(doc: QTextDocument) -> Iterator[QTextFragment]:
    """Every format run of the document in order, read lazily so a caller may reformat the one it was given."""
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid():
                yield fragment
            it += 1
        block = block.next()


def _select(cursor: QTextCursor, fragment: QTextFragment) -> None:
    cursor.setPosition(fragment.position())
    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)


def respace_wide_runs(doc: QTextDocument, old: float, new: float) -> None:
    """Give every wide run (letter spacing `old`) the new advance; Latin runs keep 100 %."""
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    for fragment in _fragments(doc):
        if abs(fragment.charFormat().fontLetterSpacing() - old) < 0.01:
            fmt = QTextCharFormat()
            fmt.setFontLetterSpacingType(QFont.SpacingType.PercentageSpacing)
            fmt.setFontLetterSpacing(new)
            _select(cursor, fragment)
            cursor.mergeCharFormat(fmt)
    cursor.endEditBlock()


def han_spacing_spans(text: str, wanted: dict[int, float], base: float, had: dict[int, float] | None,
                      had_base: float) -> Iterator[tuple[int, int, float]]:
    """The runs [start, end) of Han characters of ``text`` whose letter spacing must change to ``wanted`` (offset:
    spacing; the rest ``base``) from ``had`` (None: unknown, set every one; the rest ``had_base``), as
    (start, end, spacing) with one spacing a run."""
    run_start: int | None = None
    spacing = base
    if had is not None and abs(base - had_base) < 0.01:  # only the characters spaced wider before or now change
        yield from _changed_spans(wanted, had, base)
        return
    for offset, char in enumerate(text):
        want = wanted.get(offset, base) if is_han(char) else None
        change = want is not None and (had is None or abs(had.get(offset, had_base) - want) >= 0.01)
        if run_start is not None and (not change or want != spacing):
            yield run_start, offset, spacing
            run_start = None
        if change and run_start is None and want is not None:
            run_start, spacing = offset, want
    if run_start is not None:
        yield run_start, len(text), spacing


def _changed_spans(wanted: dict[int, float], had: dict[int, float], base: float) -> Iterator[tuple[int, int, float]]:
    run_start, end, spacing = -1, -1, base
    for offset in sorted(wanted.keys() | had.keys()):
        want = wanted.get(offset, base)
        if abs(had.get(offset, base) - want) < 0.01:
            continue
        if run_start >= 0 and (offset != end or want != spacing):
            yield run_start, end, spacing
            run_start = -1
        if run_start < 0:
            run_start, spacing = offset, want
        end = offset + 1
    if run_start >= 0:
        yield run_start, end, spacing


def set_letter_spacing(doc: QTextDocument, spans: list[tuple[int, int, float]]) -> None:
    """Give the document positions [start, end) of each span its letter spacing (% of each character's width)."""
    if not spans:
        return
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    fmt = QTextCharFormat()
    fmt.setFontLetterSpacingType(QFont.SpacingType.PercentageSpacing)
    keep = QTextCursor.MoveMode.KeepAnchor  # looked up once: PySide's enum lookup was a fifth of the loop (~350 spans)
    for start, end, spacing in spans:
        fmt.setFontLetterSpacing(spacing)
        cursor.setPosition(start)
        cursor.setPosition(end, keep)
        cursor.mergeCharFormat(fmt)
    cursor.endEditBlock()


def set_alignment(doc: QTextDocument, blocks: list[int], alignment: Qt.AlignmentFlag) -> None:
    """Align ``blocks`` (left for the reader's own justification, ui/line_justification.py; else Qt's)."""
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    for index in blocks:
        block = doc.findBlockByNumber(index)
        if block.blockFormat().alignment() != alignment:
            fmt = QTextBlockFormat()
            fmt.setAlignment(alignment)
            cursor.setPosition(block.position())
            cursor.mergeBlockFormat(fmt)
    cursor.endEditBlock()


def replace_differences(cursor: QTextCursor, block: QTextBlock, shown: str, wanted: str) -> None:
    """Replace each run of differing characters, fragment by fragment so every run keeps its format. The runs are
    found first and replaced last to first: an edit may merge or split fragments, and Qt's fragment iterator does
    not survive that (a crash once a character had a format of its own, its reading's room)."""
    edits = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        start = fragment.position() - block.position()
        end = start + fragment.length()
        i = start
        while i < end:
            if shown[i] == wanted[i]:
                i += 1
                continue
            j = i
            while j < end and shown[j] != wanted[j]:
                j += 1
            edits.append((i, j, fragment.charFormat()))
            i = j
        it += 1
    for i, j, fmt in reversed(edits):
        cursor.setPosition(block.position() + i)
        cursor.setPosition(block.position() + j, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(wanted[i:j], fmt)


def show_texts(doc: QTextDocument, texts: Callable[[int], str]) -> None:
    """Make block ``n`` show ``texts(n)`` (marks included) wherever that is as long as what it shows: only the
    characters that differ are replaced, in place and in their own formats (replace_differences), in one edit."""
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    block = doc.begin()
    while block.isValid():
        wanted = texts(block.blockNumber())
        shown = block.text()
        if wanted != shown and len(wanted) == len(shown):
            replace_differences(cursor, block, shown, wanted)
        block = block.next()
    cursor.endEditBlock()


def rewrite_marks(doc: QTextDocument, index: int, old: LayoutText, new: LayoutText) -> None:
    """Change block ``index``'s line-breaking marks from ``old`` to ``new``, last first so the positions still
    to visit stay put; an inserted mark takes the format of the character it goes before, and the glossary link of
    the one after which it comes (_with_link_of), as when the document is built with it and linked after."""
    before, after = dict(old.marks), dict(new.marks)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    base = doc.findBlockByNumber(index).position()
    for offset in sorted(before.keys() | after.keys(), reverse=True):
        if before.get(offset) == after.get(offset):
            continue
        position = base + old.to_layout(offset)  # the character the mark goes before
        if offset in before:  # the old mark sits just before it
            cursor.setPosition(position - 1)
            cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            position -= 1
        if offset in after:
            cursor.setPosition(position + 1)
            fmt = cursor.charFormat()  # the format of the character before the cursor: the one at `position`
            cursor.setPosition(position)
            cursor.insertText(after[offset], _with_link_of(fmt, cursor.charFormat()))
    cursor.endEditBlock()


def _with_link_of(fmt: QTextCharFormat, before: QTextCharFormat) -> QTextCharFormat:
    """``fmt`` with the link (anchor, colour, underline) of ``before``, the character before the mark: a term's link
    covers the marks inside and at the end of it, not one before its first character (ui/glossary.apply_links links
    ReaderView.document_span). A mark fitted after the links were made, taking its next character's link, made Tab
    select a term one character wider than its span, and its ring never showed."""
    if fmt.isAnchor() == before.isAnchor() and fmt.anchorHref() == before.anchorHref():
        return fmt
    fmt = QTextCharFormat(fmt)
    if before.isAnchor():
        fmt.setAnchor(True)
        fmt.setAnchorHref(before.anchorHref())
        fmt.setForeground(before.foreground())
        fmt.setFontUnderline(before.fontUnderline())
    else:
        for prop in (QTextFormat.Property.IsAnchor, QTextFormat.Property.AnchorHref,
                     QTextFormat.Property.ForegroundBrush, QTextFormat.Property.TextUnderlineStyle):
            fmt.clearProperty(prop)
    return fmt


PUNCTUATION = "，。、；：？！”’）》」』〕】“‘（《「『〔【"
CLOSERS = "）》」』〕】"  # ink in the left half of the cell in every locale's font
QUOTES_CLOSING = "”’"  # the same, drawn full-width (the fwid feature)
LEFT_IN_SIMPLIFIED = "，。、；：？！"  # left in mainland fonts, centred in Hong Kong and Taiwan ones


def gives_up_half(text: str, i: int, compressible: str) -> bool:
    """Whether ``text[i]`` is the first of two punctuation marks in a row and one of ``compressible``."""
    if text[i] not in compressible or text[i] not in PUNCTUATION:
        return False
    following = next((c for c in text[i + 1:i + 3] if c not in MARKS), None)
    return following is not None and following in PUNCTUATION


def compress_punctuation(doc: QTextDocument, cjk_spacing: float, compressible: str) -> None:
    """标点挤压 (clreq): of two punctuation marks in a row, the first, whose ink sits in the left half of its
    cell, gives up the empty right half (”。 ），), so a pair takes 1.5 cells, not 2 with a hole. Every other
    mark keeps the full advance; run again after a change of spacing, script or font."""
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    block = doc.begin()
    while block.isValid():
        text, base = block.text(), block.position()
        for i, char in enumerate(text):
            if char not in PUNCTUATION:
                continue
            wanted = cjk_spacing - 50.0 if gives_up_half(text, i, compressible) else cjk_spacing
            cursor.setPosition(base + i + 1)
            if abs(cursor.charFormat().fontLetterSpacing() - wanted) > 0.01:
                fmt = QTextCharFormat()
                fmt.setFontLetterSpacingType(QFont.SpacingType.PercentageSpacing)
                fmt.setFontLetterSpacing(wanted)
                cursor.setPosition(base + i, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)
        block = block.next()
    cursor.endEditBlock()
