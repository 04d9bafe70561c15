"""What QPdfWriter cannot write: the outline (bookmarks), links inside the document, a clean text layer.

Qt 6.11's QPdfWriter has no outline API and makes links only to URLs, so the pages are painted by
Qt (ui/print_layout.py) and this module adds, with pypdf, an outline entry per heading and a link
from every note marker to its note (and from the note back to where it is first used). Positions
come in points from the top-left corner of a page, as the painter measured them; PDF counts from
the bottom-left.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pypdf is imported when a PDF is made, not at every start of the app (~70 ms)
    from pypdf import PdfWriter


@dataclass(frozen=True)
class Destination:
    page: int  # 0-based
    top: float  # points from the top of the page


@dataclass(frozen=True)
class OutlineEntry:
    title: str
    level: int  # 1 = top level; deeper levels nest under the nearest shallower entry before them
    dest: Destination


@dataclass(frozen=True)
class LinkArea:
    page: int
    left: float  # points from the page's top-left corner
    top: float
    right: float
    bottom: float
    dest: Destination


@dataclass(frozen=True)
class TextLayer:
    """What the painter knows about the text it drew, so the PDF's text layer can say what the page says.

    ``ruby_rgb``: the colour (0–1 each) the ruby was painted in; those text objects get an empty ActualText.
    ``wide_spacing``: the advance of a full-width character in ems (letter spacing included).
    """

    ruby_rgb: tuple[float, float, float]
    wide_spacing: float


def add_navigation(pdf: bytes, outline: Sequence[OutlineEntry], links: Sequence[LinkArea], *,
                   title: str = "", language: str = "zh-CN", unicode_fixes: Mapping[str, str] | None = None,
                   text_layer: TextLayer | None = None) -> bytes:
    """The PDF with an outline, internal links, its title and language; the viewer opens the outline.

    ``unicode_fixes`` corrects the text that copying, searching and screen readers get (see fix_to_unicode);
    ``text_layer`` takes the ruby out of the text and closes the gaps between spaced characters (tidy_text_layer).
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Link
    from pypdf.generic import Fit, IndirectObject, NameObject, TextStringObject

    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    if unicode_fixes:
        fix_to_unicode(writer, unicode_fixes)
    if text_layer is not None:
        tidy_text_layer(writer, text_layer)
    heights = [float(page.mediabox.top) for page in writer.pages]

    def fit(dest: Destination) -> Fit:
        return Fit.xyz(left=0, top=max(0.0, heights[dest.page] - dest.top), zoom=None)

    parents: list[tuple[int, IndirectObject]] = []  # (level, item) of the open ancestors
    for entry in outline:
        while parents and parents[-1][0] >= entry.level:
            parents.pop()
        item = writer.add_outline_item(title=entry.title, page_number=entry.dest.page,
                                       parent=parents[-1][1] if parents else None, fit=fit(entry.dest))
        parents.append((entry.level, item))
    for link in links:
        height = heights[link.page]
        rect = (link.left, height - link.bottom, link.right, height - link.top)
        annotation = Link(rect=rect, target_page_index=link.dest.page, fit=fit(link.dest), border=[0, 0, 0])
        writer.add_annotation(page_number=link.page, annotation=annotation)
    if outline:
        writer.page_mode = "/UseOutlines"
    if title:
        writer.add_metadata({"/Title": title})
    writer.root_object[NameObject("/Lang")] = TextStringObject(language)  # screen readers pick the voice
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

_HEX = re.compile(r"<([0-9A-Fa-f]+)>")


def fix_to_unicode(writer: PdfWriter, fixes: Mapping[str, str]) -> int:
    """Rewrite the fonts' ToUnicode maps with ``fixes`` (wrong character → right one); how many entries changed.

    Qt builds a font's ToUnicode map backwards, from glyph to the first character the font maps to it.
    CJK fonts draw 工 and the Kangxi radical ⼯ (U+2F2F) with one glyph, so the PDF claimed ⼯, and
    copying, searching or a screen reader got the radical. The caller knows which characters were drawn.
    """
    changed = 0
    seen: set[int] = set()
    for page in writer.pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font")
        if fonts is None:
            continue
        for ref in fonts.get_object().values():
            font = ref.get_object()
            stream_ref = font.get("/ToUnicode")
            if stream_ref is None or getattr(stream_ref, "idnum", None) in seen:
                continue
            seen.add(getattr(stream_ref, "idnum", id(stream_ref)))
            stream = stream_ref.get_object()
            text = stream.get_data().decode("latin-1")
            fixed, count = _fix_cmap(text, fixes)
            if count:
                stream.set_data(fixed.encode("latin-1"))
                changed += count
    return changed


def _fix_cmap(text: str, fixes: Mapping[str, str]) -> tuple[str, int]:
    """Replace destination code points in bfchar lines, single-code bfrange lines and bfrange arrays."""
    count = 0

    def swap(hex_value: str) -> str:
        nonlocal count
        try:
            char = bytes.fromhex(hex_value).decode("utf-16-be")
        except ValueError:
            return hex_value
        right = fixes.get(char)
        if right is None:
            return hex_value
        count += 1
        return right.encode("utf-16-be").hex().upper()

    out: list[str] = []
    section = ""
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.endswith(("beginbfchar", "beginbfrange")):
            section = stripped.split()[-1]
        elif stripped in ("endbfchar", "endbfrange"):
            section = ""
        elif section and "[" in line:
            head, _, array = line.partition("[")
            line = head + "[" + _HEX.sub(lambda m: f"<{swap(m.group(1))}>", array)
        elif section:
            codes = _HEX.findall(line)
            single = section == "beginbfchar" or (len(codes) == 3 and codes[0] == codes[1])
            if single and len(codes) in (2, 3):
                line = line[: line.rindex("<")] + f"<{swap(codes[-1])}>" + line[line.rindex(">") + 1:]
        out.append(line)
    return "\n".join(out), count


# A text object as Qt's PDF engine writes it: its fill colour, an optional graphics state, then BT … ET.
_TEXT_OBJECT = re.compile(rb"(?P<colour>[-0-9. ]+) scn\n(?P<gs>(?:/\w+ gs\n)?)BT\n(?P<body>.*?)ET\n", re.S)
_FONT = re.compile(rb"/(?P<name>\S+) (?P<size>[0-9.]+) Tf\s")
_GLYPH = re.compile(rb"<([0-9A-Fa-f]{4})> Tj")


def tidy_text_layer(writer: PdfWriter, layer: TextLayer) -> None:
    """Make pdftotext, copying and screen readers get the report's characters, in order, and nothing else.

    Qt writes the pinyin as text between the lines, so extraction interleaved it with the characters
    (“hézhìlǐ…合治理”): each ruby text object is wrapped in a Span with an empty ActualText (PDF 14.9.4),
    which viewers and poppler use instead of its glyphs. And Qt places each spaced Han character with its own
    Td, leaving a gap of a third of an em that extraction reads as a space (“刚 刚 过 去”): each run of
    full-width characters gets a character spacing (Tc) as wide as that gap and an ActualText with its
    characters, which poppler spreads over the whole run. Drawing is unchanged: Qt places every glyph itself.
    """
    from pypdf.generic import StreamObject

    for page in writer.pages:
        rewrite = partial(_rewrite_text_object, layer, _full_width_glyphs(page), _glyph_texts(page))
        contents = page["/Contents"].get_object()
        for stream in [ref.get_object() for ref in contents] if isinstance(contents, list) else [contents]:
            if isinstance(stream, StreamObject):  # Qt writes every page's contents as streams
                stream.set_data(_TEXT_OBJECT.sub(rewrite, stream.get_data()))


def _rewrite_text_object(layer: TextLayer, widths: dict[str, set[int]], texts: dict[str, dict[int, str]],
                         match: re.Match[bytes]) -> bytes:
    """One text object: the ruby's text emptied; a run of full-width characters spaced and given its text."""
    head = match.group("colour") + b" scn\n" + match.group("gs")
    body = match.group("body")
    try:
        rgb = tuple(float(v) for v in match.group("colour").split())
    except ValueError:
        rgb = ()
    if len(rgb) == 3 and all(abs(a - b) < 1 / 512 for a, b in zip(rgb, layer.ruby_rgb, strict=True)):
        return head + b"/Span <</ActualText ()>> BDC\nBT\n" + body + b"ET\nEMC\n"
    font = _FONT.search(body)
    glyphs = [int(g, 16) for g in _GLYPH.findall(body)]
    name = font.group("name").decode("latin-1") if font else ""
    if font and glyphs and all(g in widths.get(name, ()) for g in glyphs):
        spacing = (layer.wide_spacing - 1) * float(font.group("size"))
        body = body[: font.end()] + f"{spacing:.4f} Tc ".encode() + body[font.end():]
        text = "".join(texts.get(name, {}).get(g, "") for g in glyphs)
        if text:
            actual = b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"
            return head + b"/Span <</ActualText " + actual + b">> BDC\nBT\n" + body + b"ET\nEMC\n"
    return head + b"BT\n" + body + b"ET\n"


def _full_width_glyphs(page) -> dict[str, set[int]]:
    """Per font resource name, the glyph ids whose advance is a full em (1000 units in the /W array)."""
    out: dict[str, set[int]] = {}
    fonts = page.get("/Resources", {}).get_object().get("/Font")
    for name, ref in (fonts.get_object().items() if fonts is not None else ()):
        font = ref.get_object()
        descendants = font.get("/DescendantFonts")
        if descendants is None:
            continue
        entries = list(descendants[0].get_object().get("/W", []))
        full: set[int] = set()
        i = 0
        while i < len(entries):
            first = int(entries[i])
            following = entries[i + 1].get_object() if hasattr(entries[i + 1], "get_object") else entries[i + 1]
            if isinstance(following, list):
                full.update(first + k for k, w in enumerate(following) if float(w) == 1000)
                i += 2
            else:
                if float(entries[i + 2]) == 1000:
                    full.update(range(first, int(following) + 1))
                i += 3
        out[str(name).lstrip("/")] = full
    return out


def _glyph_texts(page) -> dict[str, dict[int, str]]:
    """Per font resource name, each glyph id's text as its ToUnicode map says (bfchar and bfrange entries)."""
    out: dict[str, dict[int, str]] = {}
    fonts = page.get("/Resources", {}).get_object().get("/Font")
    for name, ref in (fonts.get_object().items() if fonts is not None else ()):
        stream = ref.get_object().get("/ToUnicode")
        if stream is None:
            continue
        texts: dict[int, str] = {}
        section = ""
        for line in stream.get_object().get_data().decode("latin-1").splitlines():
            stripped = line.strip()
            if stripped.endswith(("beginbfchar", "beginbfrange")):
                section = stripped.split()[-1]
                continue
            if stripped in ("endbfchar", "endbfrange"):
                section = ""
                continue
            codes = _HEX.findall(line)
            if section == "beginbfchar" and len(codes) == 2:
                texts[int(codes[0], 16)] = _utf16(codes[1])
            elif section == "beginbfrange" and len(codes) >= 3:
                first, last = int(codes[0], 16), int(codes[1], 16)
                if "[" in line:
                    texts.update((first + k, _utf16(code)) for k, code in enumerate(codes[2:]))
                else:
                    start = int(codes[2], 16)
                    texts.update((first + k, chr(start + k)) for k in range(last - first + 1))
        out[str(name).lstrip("/")] = texts
    return out


def _utf16(hex_value: str) -> str:
    try:
        return bytes.fromhex(hex_value).decode("utf-16-be")
    except ValueError:
        return ""
