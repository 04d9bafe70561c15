"""Where the PDF export put each glyph, read back from the page contents (the typesetting tests of the PDF).

pdftotext -bbox cannot say it: the text layer gives each line its characters as ActualText, which poppler spreads
evenly over the line. Qt's PDF writer places every glyph with a Td of its own, in a fixed shape, so a few regular
expressions over the content streams and the fonts' /W widths give each glyph's x and advance, and the
characters drawn (the ActualText) say which glyph is which.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pypdf import PdfReader

from fenggang_reader.export.pdf import block_colour

_OBJECT = re.compile(rb"(?P<colour>[-0-9. ]+) scn\n(?:/\w+ gs\n)?(?P<marks>(?:/(?!Span )\w+ (?:<<[^>]*>> BDC|BMC)\n)*)"
                     rb"(?:/Span <</ActualText (?P<actual><[0-9A-Fa-f]*>|\(\))>> BDC\n)?BT\n"
                     rb"/(?P<font>\S+) (?P<size>[\d.]+) Tf (?:[-\d.]+ Tc )?1 0 0 -1 0 0 Tm\n(?P<glyphs>.*?)ET\n", re.S)
_GLYPH = re.compile(rb"([-\d.]+) ([-\d.]+) Td <([0-9A-Fa-f]{4})> Tj")
_BLOCKS = {block_colour(index): index for index in range(511)}


@dataclass(frozen=True)
class Glyph:
    char: str  # "" for the ruby, whose text is not in the text layer
    x: float  # its left edge (the PDF's units: the layout's pixels)
    glyph: int  # its id in the font
    width: float  # its own advance, from the font's /W


@dataclass(frozen=True)
class Line:
    """The glyphs one text object drew: a line of a block's characters, or one reading of the ruby."""

    page: int  # 0-based
    y: float  # its baseline; smaller is lower on the page
    block: int | None  # the block whose characters these are; None for the ruby
    glyphs: tuple[Glyph, ...]


def _widths(font) -> Callable[[int], float]:
    """A CID font's glyph widths (1/1000 em) from its descendant's /W array."""
    descendant = font["/DescendantFonts"][0].get_object()
    default = float(descendant.get("/DW", 1000))
    widths: dict[int, float] = {}
    entries = [entry.get_object() for entry in descendant.get("/W", [])]
    i = 0
    while i < len(entries):
        first = int(entries[i])
        if isinstance(entries[i + 1], list):
            widths.update((first + k, float(w)) for k, w in enumerate(entries[i + 1]))
            i += 2
        else:
            widths.update((glyph, float(entries[i + 2])) for glyph in range(first, int(entries[i + 1]) + 1))
            i += 3
    return lambda glyph: widths.get(glyph, default)


def text_objects(path, pages: Iterable[int] | None = None) -> list[Line]:
    """The blocks' lines (their characters known from the ActualText) and the ruby's readings, in drawing order."""
    reader = PdfReader(path)
    out: list[Line] = []
    widths_by_font: dict[int, Callable[[int], float]] = {}  # a font's widths read once, not on each of its pages
    for number in pages if pages is not None else range(len(reader.pages)):
        page = reader.pages[number]
        fonts = {}
        for name, ref in page["/Resources"]["/Font"].items():
            if ref.idnum not in widths_by_font:
                widths_by_font[ref.idnum] = _widths(ref.get_object())
            fonts[str(name).lstrip("/")] = widths_by_font[ref.idnum]
        for match in _OBJECT.finditer(page.get_contents().get_data()):
            rgb = tuple(round(float(v) * 255) for v in match["colour"].split())
            size, width = float(match["size"]), fonts[match["font"].decode()]
            x = y = 0.0
            placed = []
            for dx, dy, hex_id in _GLYPH.findall(match["glyphs"]):
                x, y, glyph_id = x + float(dx), y + float(dy), int(hex_id, 16)
                placed.append((x, glyph_id, width(glyph_id) * size / 1000))
            actual = match["actual"]
            if b"/Artifact" in match["marks"] and actual == b"()":
                out.append(Line(number, y, None, tuple(Glyph("", *glyph) for glyph in placed)))
            elif rgb in _BLOCKS and actual and actual != b"()":
                text = bytes.fromhex(actual[1:-1].decode()).decode("utf-16")
                if len(text) == len(placed):  # not a line with the one glyph of ——
                    glyphs = tuple(Glyph(c, *glyph) for c, glyph in zip(text, placed, strict=True))
                    out.append(Line(number, y, _BLOCKS[rgb], glyphs))
    return out


def block_lines(objects: list[Line]) -> dict[int, list[Line]]:
    """Each block's lines in reading order."""
    lines: dict[int, list[Line]] = defaultdict(list)
    for line in objects:
        if line.block is not None:
            lines[line.block].append(line)
    return lines


def ruby_offsets(objects: list[Line], is_annotated: Callable[[str], bool]) -> dict[tuple, list[float]]:
    """How far right of its character each reading starts, by (reading's glyphs and their widths, character): the
    readings above a line paired in order with its annotated characters, where their numbers agree. A line's first reading is left out: it may move right to
    start with the line (README)."""
    offsets: dict[tuple, list[float]] = defaultdict(list)
    by_page: dict[int, list[Line]] = defaultdict(list)
    for line in objects:
        by_page[line.page].append(line)
    for lines in by_page.values():
        chars: dict[float, list[Glyph]] = defaultdict(list)
        readings: dict[float, list[tuple[Glyph, ...]]] = defaultdict(list)
        for line in lines:
            if line.block is None:
                readings[round(line.y, 1)].append(line.glyphs)
            else:
                chars[round(line.y, 1)] += [g for g in line.glyphs if is_annotated(g.char)]
        for y, above in readings.items():
            below = [line_y for line_y in chars if line_y < y]
            if not below:
                continue
            annotated = sorted(chars[max(below)], key=lambda g: g.x)
            above.sort(key=lambda glyphs: glyphs[0].x)
            if len(above) != len(annotated):  # a line whose characters were not read (——), or a heading's ruby
                continue
            for reading, char in list(zip(above, annotated, strict=True))[1:]:
                offsets[(tuple((g.glyph, round(g.width, 2)) for g in reading), char.char)].append(reading[0].x - char.x)
    return offsets
