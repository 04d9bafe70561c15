"""Large print on paper and in PDF, laid out and painted by the reader itself.

A ReaderView that is never shown holds the report at the print size, wrapped at the page's text
width; its document layout draws the characters and its own ruby painter draws the pinyin
(ReaderView.paint_pinyin_in), so paper gets exactly the reader's placement. The long layout is cut
into pages between lines (a line's pinyin band stays with its line); the cover is the title block, its
title shrunk to one line; parts and the notes start on a new page, a heading is never left alone at the
foot of a page and the last page never holds a single line. Page numbers (18 pt or more) go in the footer.

The paint device runs at the layout's resolution (96 dpi on most screens): fonts are given in points
and Qt resolves them against the device, so a scaled painter would draw the pinyin at the wrong size.
PDF is vector output, so the resolution costs nothing in quality.

For a PDF file, export.pdf then adds what Qt cannot: the outline and the links between markers and notes.
"""

from __future__ import annotations

import bisect
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGlyphRun,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QRawFont,
    QTextLine,
)
from PySide6.QtWidgets import QTextEdit

from ..core.line_breaks import MARKS
from ..core.model import Block, BlockKind, Report
from ..core.pinyin import Annotator, PinyinStyle
from ..core.storage import atomic_write_bytes
from ..export import share_like_a_new_file
from ..export.pdf import Destination, LinkArea, OutlineEntry, TextLayer, add_navigation, block_colour
from .reader_view import BODY_FAMILIES, MAX_FONT_PT, MIN_FONT_PT, ReaderView
from .text_geometry import cursor_x

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter  # only the print dialog loads Qt's print support

PAGE_MARGINS_MM = QMarginsF(14, 12, 14, 18)  # left, top, right, bottom (the footer sits in the bottom one)
DEFAULT_PRINT_PT = 36
FOOTER_MIN_PT = 18.0  # page numbers a reader with low vision can find
_NEW_PAGE_KINDS = (BlockKind.PART, BlockKind.NOTES_HEADING)
# The PDF's structure (export/pdf_structure.py): the heading levels of the outline; every other block a P.
_STRUCTURE_ROLES = {BlockKind.TITLE: "H1", BlockKind.PART: "H2", BlockKind.NOTES_HEADING: "H2",
                    BlockKind.HEADING: "H3", BlockKind.NOTE: "Note"}


def _structure_role(block: Block) -> str:
    """The block's tag in the PDF's structure tree: a sub-heading is one level deeper than its heading."""
    if block.kind is BlockKind.HEADING:
        return f"H{block.heading_level}"
    return _STRUCTURE_ROLES.get(block.kind, "P")


@dataclass(frozen=True)
class _Line:
    block: int
    top: float  # document y of the top of its pinyin (or of the line, when nothing is annotated)
    bottom: float  # document y of the bottom of its characters
    text_top: float  # document y of the top of the line itself
    first: bool  # the first line of its block
    number: int  # its number in the block


@dataclass(frozen=True)
class Page:
    top: float  # document y range painted on this page
    bottom: float
    text_top: float  # the first line's characters start here (its pinyin is above)
    text_bottom: float  # the last line's characters end here


def draw_line(painter: QPainter, line: QTextLine, origin: QPointF, text: str) -> list[tuple[str, int]]:
    """Draw a laid-out line of the block whose text is ``text`` as QTextLine.draw would, but each stretch of one
    font as one glyph run, and without the line-breaking marks; what each run drawn says: (its characters, its
    number of glyphs).

    Qt's PDF writes each glyph run as a text object of its own, and the line's runs are as many as its formats
    (every justified spacing is one): poppler then read gaps between them as spaces (刚刚过去 的) and, at a digit
    run, took the line apart. One run per font keeps a line one text object, as export.pdf's text layer expects.
    The marks (zero width, shaped as the font's space glyph) would be written as spaces: 代 表 for 代表. And the
    characters, told to the text layer, stand for glyphs that Qt's PDF names by no character: the full-width and
    half-width forms of punctuation (fwid, halt), Noto CJK's digits after [ or “ (locl), the ligature ——."""
    merged: list[tuple[QRawFont, QGlyphRun.GlyphRunFlag, list[int], list[QPointF]]] = []
    for run in line.glyphRuns():
        font, flags = run.rawFont(), run.flags()
        spaces = set(font.glyphIndexesForString(" " + MARKS)) - {0}  # a mark not in the font: a fallback's space
        kept = [(glyph, position) for glyph, position in zip(run.glyphIndexes(), run.positions(), strict=True)
                if glyph not in spaces]
        if not kept:
            continue
        if not (merged and merged[-1][0] == font and merged[-1][1] == flags):
            merged.append((font, flags, [], []))
        merged[-1][2].extend(glyph for glyph, _ in kept)
        merged[-1][3].extend(position for _, position in kept)
    starts = [positions[0].x() for _, _, _, positions in merged]
    said = [""] * len(merged)
    for offset in range(line.textStart(), line.textStart() + line.textLength()):
        if text[offset] not in MARKS:  # each character goes with the run its cursor position falls in
            said[max(0, bisect.bisect_right(starts, cursor_x(line, offset) + 0.5) - 1)] += text[offset]
    for font, flags, glyphs, positions in merged:
        run = QGlyphRun()
        run.setRawFont(font)
        run.setFlags(flags)
        run.setGlyphIndexes(glyphs)
        run.setPositions(positions)
        painter.drawGlyphRun(origin, run)
    return [(words, len(glyphs)) for words, (_, _, glyphs, _) in zip(said, merged, strict=True)]


class PrintLayout:
    """The report at ``size`` points on pages of ``page_size``; paint pages on any paged device."""

    def __init__(self, report: Report, annotator: Annotator, *, size: int = DEFAULT_PRINT_PT, pinyin: bool = True,
                 style: PinyinStyle = PinyinStyle.TONE_MARKS, page_size: QPageSize | None = None,
                 source: ReaderView | None = None):
        if not MIN_FONT_PT <= size <= MAX_FONT_PT:
            raise ValueError(f"the text size must be between {MIN_FONT_PT} and {MAX_FONT_PT} points, not {size}")
        self.report = report
        self.size = size
        self.pinyin = pinyin
        self.page_size = page_size or QPageSize(QPageSize.PageSizeId.A4)
        view = ReaderView(report, annotator, on_screen=False)  # see ReaderView.__init__
        view.set_pinyin_style(style)
        view.set_pinyin_visible(pinyin)  # without pinyin, no character is spaced for its reading
        if source is not None:  # print what the reader shows: its script, ruby and pinyin style
            source.copy_reading_options_to(view)
        view.set_font_size(size)
        self.view = view
        self.dpi = view.logicalDpiY()
        self.px_per_pt = self.dpi / 72.0
        layout = QPageLayout(self.page_size, QPageLayout.Orientation.Portrait, PAGE_MARGINS_MM,
                             QPageLayout.Unit.Millimeter)
        full, paint = layout.fullRect(QPageLayout.Unit.Point), layout.paintRect(QPageLayout.Unit.Point)
        k = self.px_per_pt
        self.page_rect = QRectF(0, 0, full.width() * k, full.height() * k)
        self.content = QRectF(paint.x() * k, paint.y() * k, paint.width() * k, paint.height() * k)
        view.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
        view.setLineWrapColumnOrWidth(int(self.content.width()))
        view.refresh_line_breaks()
        view.ensure_laid_out()
        self._fit_title_on_one_line()
        view.finish_justifying_for_print()
        self.lines = self._lines()
        self.pages = self._paginate()
        self._page_tops = [p.top for p in self.pages]
        self._line_tops = [line.text_top for line in self.lines]  # in document order: a page's lines by bisection
        self._drawn: list[tuple[tuple[str, int], ...]] = []  # per page painted, what its runs said (paint_page)

    # -- layout ----------------------------------------------------------------------------------
    def _fit_title_on_one_line(self) -> None:
        """Shrink the title until it is one line: a cover that reads 政府工作报 / 告 splits the word."""
        kinds = [block.kind for block in self.report.blocks]
        if BlockKind.TITLE not in kinds:
            return
        block = self.view.document().findBlockByNumber(kinds.index(BlockKind.TITLE))
        factor = block.begin().fragment().charFormat().fontPointSize() / self.size
        for _ in range(4):
            layout = block.layout()
            if layout.lineCount() <= 1:
                return
            needed = sum(layout.lineAt(i).naturalTextWidth() for i in range(layout.lineCount()))
            width = layout.lineAt(0).width()
            factor *= min(0.95, width / needed * 0.97)
            self.view.cap_kind_factor(BlockKind.TITLE, factor)  # sets the document's font anew
            self.view.ensure_laid_out()

    # -- layout --------------------------------------------------------------------------------
    def _lines(self) -> list[_Line]:
        doc = self.view.document()
        doc_layout = doc.documentLayout()
        lines: list[_Line] = []
        for index in range(len(self.report.blocks)):
            block = doc.findBlockByNumber(index)
            origin = doc_layout.blockBoundingRect(block).top()
            ruby_tops: dict[float, float] = {}
            for _, char_rect, ruby_rect in self.view.pinyin_rects(index):
                key = round(char_rect.top(), 2)
                ruby_tops[key] = min(ruby_tops.get(key, ruby_rect.top()), ruby_rect.top())
            text_layout = block.layout()
            for i in range(text_layout.lineCount()):
                line = text_layout.lineAt(i)
                top = origin + line.y()
                ruby_top = ruby_tops.get(round(top, 2), top) if self.pinyin else top
                lines.append(_Line(index, min(top, ruby_top), top + line.ascent() + line.descent(), top, i == 0, i))
        return lines

    def _paginate(self) -> list[Page]:
        """Cut between lines: a page takes lines while they fit; parts start a page; headings keep with the text."""
        height = self.content.height()
        blocks = self.report.blocks
        # The cover is the title block (title, occasion, speaker): the report's text starts on the next page.
        body_start = next((i for i, b in enumerate(blocks) if b.kind not in (BlockKind.TITLE, BlockKind.META)), -1)
        starts: list[int] = [0]  # index of the first line of each page
        i = 1
        while i < len(self.lines):
            line = self.lines[i]
            first = starts[-1]
            page_top = 0.0 if first == 0 else self.lines[first].top
            forced = line.first and (blocks[line.block].kind in _NEW_PAGE_KINDS or line.block == body_start)
            if forced or line.bottom - page_top > height:
                cut = i
                if not forced:  # do not leave a heading (or its first lines) alone at the foot of the page
                    while cut - 1 > first and blocks[self.lines[cut - 1].block].kind.is_heading:
                        cut -= 1
                    if cut > first and blocks[self.lines[cut].block].kind.is_heading and not self.lines[cut].first:
                        cut = i  # a heading longer than a page: cut it where it falls
                starts.append(cut)
                i = cut + 1
                continue
            i += 1
        # No last page holding a single line: the page before gives it one more.
        if len(starts) > 1 and len(self.lines) - starts[-1] == 1 and starts[-1] - starts[-2] > 2 \
                and not blocks[self.lines[starts[-1] - 1].block].kind.is_heading:
            starts[-1] -= 1
        doc_height = self.view.document().documentLayout().documentSize().height()
        pages = []
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(self.lines)
            top = 0.0 if n == 0 else self.lines[start].top
            bottom = self.lines[end].top if end < len(self.lines) else doc_height
            text_top = 0.0 if n == 0 else self.lines[start].text_top
            pages.append(Page(top, bottom, text_top, self.lines[end - 1].bottom))
        return pages

    @property
    def page_count(self) -> int:
        return len(self.pages)

    # -- painting ------------------------------------------------------------------------------
    def prepare(self, device: QPdfWriter | QPrinter) -> None:
        """Set the device to the whole page at the layout's resolution (call before QPainter.begin)."""
        device.setPageLayout(QPageLayout(self.page_size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        if not isinstance(device, QPdfWriter):
            device.setFullPage(True)
        device.setResolution(self.dpi)

    def paint_page(self, painter: QPainter, number: int) -> list[tuple[str, int]]:
        """Page ``number`` (0-based): its slice of the document, the pinyin over it, the page number below. Returns
        what each glyph run of the blocks' text said, in drawing order (draw_line)."""
        page = self.pages[number]
        said = []
        doc = self.view.document()
        painter.save()
        painter.translate(self.content.left(), self.content.top() - page.top)
        clip = QRectF(-self.content.left(), page.top, self.page_rect.width(), page.bottom - page.top)
        painter.setClipRect(clip)
        # The clip hides the neighbours' lines, but PDF keeps clipped text (copy and search would find a
        # line twice), so only this page's own lines are drawn, one by one, as the document layout would.
        lines = QRectF(clip.left(), page.text_top + 2, clip.width(), page.text_bottom - page.text_top - 4)
        doc_layout = doc.documentLayout()
        first, end = (bisect.bisect_left(self._line_tops, y) for y in (page.text_top, page.text_bottom))
        for line in self.lines[first:end]:  # each page looked through every line: 7 million looks at 96 pt
            if page.text_top <= line.text_top < page.text_bottom:
                painter.setPen(QColor(*block_colour(line.block)))  # black to the eye; export.pdf tags by it
                block = doc.findBlockByNumber(line.block)
                text_layout = block.layout()
                origin = doc_layout.blockBoundingRect(block).topLeft()
                said += draw_line(painter, text_layout.lineAt(line.number), origin, block.text())
        if self.pinyin:
            self.view.paint_pinyin_in(painter, lines)
        painter.restore()
        self._paint_footer(painter, number)
        return said

    def _paint_footer(self, painter: QPainter, number: int) -> None:
        font = QFont()
        font.setFamilies(BODY_FAMILIES)
        font.setPointSizeF(max(FOOTER_MIN_PT, min(24.0, self.size * 0.5)))
        painter.save()
        painter.setFont(font)
        painter.setPen(QColor("#000000"))
        band = QRectF(0, self.content.bottom(), self.page_rect.width(), self.page_rect.height() - self.content.bottom())
        painter.drawText(band, Qt.AlignmentFlag.AlignCenter, f"{number + 1} / {self.page_count}")
        painter.restore()

    def paint_steps(self, device: QPdfWriter | QPrinter) -> Generator[int, None, None]:
        """Paint every page on ``device``, yielding after each page (the caller may stop early)."""
        self.prepare(device)
        painter = QPainter()
        if not painter.begin(device):
            raise OSError("the printer or PDF file could not be opened for painting")
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self._drawn = []
        try:
            for number in range(self.page_count):
                if number:
                    device.newPage()
                self._drawn.append(tuple(self.paint_page(painter, number)))
                yield number + 1
        finally:
            painter.end()

    # -- text --------------------------------------------------------------------------------------
    def unicode_fixes(self) -> dict[str, str]:
        """Radicals and compatibility characters that share a glyph with a character we drew → that character.

        Qt's PDF names each glyph by the first character the font maps to it (工 came out as ⼯ U+2F2F);
        export.pdf.fix_to_unicode puts back the characters really drawn, for copying, search and screen readers.
        """
        drawn = {ch for block in self.report.blocks for ch in self.view.display_text(block.text) if ord(ch) >= 0x2E80}
        fixes: dict[str, str] = {}
        for weight in (QFont.Weight.Normal, QFont.Weight.Bold):
            font = self.view.body_font()
            font.setWeight(weight)
            raw = QRawFont.fromFont(font)
            if not raw.isValid():
                continue
            aliases: dict[int, list[str]] = {}
            for code in (*range(0x2E80, 0x2FE0), *range(0xF900, 0xFB00)):
                char = chr(code)
                if char not in drawn:
                    glyph = raw.glyphIndexesForString(char)
                    if glyph and glyph[0]:
                        aliases.setdefault(glyph[0], []).append(char)
            for char in sorted(drawn):
                glyph = raw.glyphIndexesForString(char)
                for alias in aliases.get(glyph[0] if len(glyph) == 1 else 0, ()):
                    fixes.setdefault(alias, char)
        # The CJK fonts join —— into one glyph, the two-em dash ⸺, which is what the PDF then said.
        shown = "".join(self.view.display_text(block.text) for block in self.report.blocks)
        for ligature, dashes in (("\u2e3a", "——"), ("\u2e3b", "———")):
            if dashes in shown and ligature not in shown:
                fixes[ligature] = dashes
        return fixes

    def navigable_pdf(self, data: bytes, title: str) -> bytes:
        """Qt's PDF of these pages with the outline, the links, the characters really drawn (unicode_fixes) and a
        tidy text layer: the saved PDF and a print to a PDF file alike."""
        return add_navigation(data, self.outline(), self.links(), title=title, unicode_fixes=self.unicode_fixes(),
                              text_layer=self.text_layer())

    def finish_pdf_file(self, path: Path, title: str) -> None:
        """Make a PDF file Qt printed (File ▸ Print to a file) navigable and its text right, in place."""
        atomic_write_bytes(path, self.navigable_pdf(path.read_bytes(), title))

    def text_layer(self) -> TextLayer:
        """The ruby's colour, the spaced characters' advance, each block's structure type and what the pages last
        painted said, for export.pdf."""
        colour = QColor(self.view.current_theme().pinyin)
        return TextLayer((colour.redF(), colour.greenF(), colour.blueF()), self.view.cjk_spacing_percent / 100.0,
                         tuple(_structure_role(b) for b in self.report.blocks),
                         tuple(b.id for b in self.report.blocks), tuple(self._drawn))

    # -- navigation ----------------------------------------------------------------------------
    def locate(self, doc_y: float) -> Destination:
        """The page and the distance from its top (points) of a document y."""
        number = max(0, bisect.bisect_right(self._page_tops, doc_y) - 1)
        return Destination(number, (self.content.top() + doc_y - self.pages[number].top) / self.px_per_pt)

    def block_destination(self, block_id: str) -> Destination:
        index = self.report.index_of(block_id)
        line = next(line for line in self.lines if line.block == index)
        return self.locate(line.top)

    def outline(self) -> list[OutlineEntry]:
        """Parts, headings and the notes heading, nested by level."""
        return [OutlineEntry(b.text, b.heading_level, self.block_destination(b.id))
                for b in self.report.blocks if b.kind in (BlockKind.PART, BlockKind.HEADING, BlockKind.NOTES_HEADING)]

    def _area(self, block_id: str, start: int, end: int, dest: Destination) -> LinkArea:
        """A clickable area over characters [start, end) of a block (on the line where they start)."""
        index = self.report.index_of(block_id)
        block = self.view.document().findBlockByNumber(index)
        origin = self.view.document().documentLayout().blockBoundingRect(block).topLeft()
        start_offset, end_offset = start, end
        start, end = (position - block.position() for position in self.view.document_span(index, start, end))
        line = block.layout().lineForTextPosition(start)
        end = min(end, line.textStart() + line.textLength())
        x0, x1 = cursor_x(line, start), cursor_x(line, end)
        top = origin.y() + line.y()
        where = self.locate(top)
        k = self.px_per_pt
        pad = 2.0
        left = (self.content.left() + origin.x() + x0) / k - pad
        right = (self.content.left() + origin.x() + x1) / k + pad
        label = self.report.blocks[index].text[start_offset:end_offset]
        return LinkArea(where.page, left, where.top - pad, right, where.top + (line.ascent() + line.descent()) / k + pad,
                        dest, index, label)

    def links(self) -> list[LinkArea]:
        """Every marker links to its note; each note's own number links back to where it is first used."""
        areas: list[LinkArea] = []
        first_use: dict[int, LinkArea] = {}
        for marker in self.report.markers:
            note = self.report.notes.get(marker.note_number)
            if note is None:
                continue
            area = self._area(marker.block_id, marker.start, marker.end, self.block_destination(note.block_id))
            areas.append(area)
            first_use.setdefault(marker.note_number, area)
        for number, area in first_use.items():
            note = self.report.notes[number]
            label = f"[{number}]"
            text = self.report.block(note.block_id).text
            if text.startswith(label):
                areas.append(self._area(note.block_id, 0, len(label), Destination(area.page, area.top)))
        return areas


# -- PDF files ---------------------------------------------------------------------------------------


class PdfExport:
    """Paint a layout into a PDF in memory, page by page; ``finish`` adds the navigation and writes the file.

    Nothing touches ``path`` until ``finish``, which writes atomically: a cancelled export leaves no file.
    """

    def __init__(self, layout: PrintLayout, path: Path, title: str = ""):
        self.layout = layout
        self.path = path
        self.title = title or layout.report.title
        self._buffer = QBuffer()
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self._writer = QPdfWriter(self._buffer)
        self._writer.setTitle(self.title)
        self._writer.setCreator("Fenggang Reader")
        self._steps = layout.paint_steps(self._writer)

    def step(self) -> int | None:
        """Paint the next page; its number, or None when every page is painted."""
        return next(self._steps, None)

    def finish(self) -> int:
        """Add the outline and links, write the file; the number of pages."""
        for _ in self._steps:
            pass
        del self._writer  # flushes the PDF into the buffer
        data = bytes(self._buffer.data().data())
        self._buffer.close()
        atomic_write_bytes(self.path, self.layout.navigable_pdf(data, self.title))
        share_like_a_new_file(self.path)
        return self.layout.page_count

    def cancel(self) -> None:
        self._steps.close()
        self._buffer.close()


def export_pdf(report: Report, annotator: Annotator, path: Path, *, size: int = DEFAULT_PRINT_PT,
               pinyin: bool = True, style: PinyinStyle = PinyinStyle.TONE_MARKS, title: str = "") -> int:
    """Write the whole report as a large-print PDF; the number of pages. ``title``: the PDF's title when the
    document has no title block."""
    layout = PrintLayout(report, annotator, size=size, pinyin=pinyin, style=style)
    return PdfExport(layout, path, report.title or title).finish()
