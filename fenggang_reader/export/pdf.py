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
from typing import TYPE_CHECKING, Any

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
    block: int = -1  # the block the link sits in (its Link element goes in that block's element)
    label: str = ""  # what the link says, for a screen reader ("[3]")


@dataclass(frozen=True)
class TextLayer:
    """What the painter knows about the text it drew, so the PDF's text layer can say what the page says.

    ``ruby_rgb``: the colour (0–1 each) the ruby was painted in; those text objects get an empty ActualText.
    ``wide_spacing``: the advance of a full-width character in ems (letter spacing included).
    ``roles``: each block's structure type (H1, H2, H3, P, Note), by block index, its characters painted in
    ``block_colour(index)``; ``ids`` the blocks' ids (a Note's /ID). Empty: no structure tree.
    ``drawn``: per page, what each text object of the blocks' characters says, in drawing order: (the characters,
    the number of glyphs). It stands for the fonts' ToUnicode maps, which lose the glyphs only a font feature
    reaches (full-width and half-width punctuation, Noto CJK's digits after [); a page whose objects do not
    match it in number and glyphs falls back on those maps.
    """

    ruby_rgb: tuple[float, float, float]
    wide_spacing: float
    roles: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    drawn: tuple[tuple[tuple[str, int], ...], ...] = ()


def block_colour(index: int) -> tuple[int, int, int]:
    """The colour (0–255 each) block ``index``'s characters are painted in, which tells the PDF's text objects
    apart by block: within 7/255 of black in each channel, which no eye tells from black on paper."""
    code = index + 1
    if not 0 < code < 512:
        raise ValueError(f"block {index}: only 511 blocks can be told apart by colour")
    return (code >> 6) & 7, (code >> 3) & 7, code & 7


def _block_of(rgb: tuple[float, ...]) -> int | None:
    """The block whose colour (block_colour) ``rgb`` (0–1 each) is; None for black and every other colour."""
    if len(rgb) != 3 or any(abs(v * 255 - round(v * 255)) > 0.1 or round(v * 255) > 7 for v in rgb):
        return None
    r, g, b = (round(v * 255) for v in rgb)
    code = r << 6 | g << 3 | b
    return code - 1 if code else None


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
    marked: list[list[int]] = []
    if text_layer is not None:
        marked = tidy_text_layer(writer, text_layer)
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
    annotations = []
    for link in links:
        height = heights[link.page]
        rect = (link.left, height - link.bottom, link.right, height - link.top)
        annotation = Link(rect=rect, target_page_index=link.dest.page, fit=fit(link.dest), border=[0, 0, 0])
        if link.label:
            annotation[NameObject("/Contents")] = TextStringObject(link.label)
        annotations.append((link, writer.add_annotation(page_number=link.page, annotation=annotation)))
    if outline:
        writer.page_mode = "/UseOutlines"
    if title:
        writer.add_metadata({"/Title": title})
    writer.root_object[NameObject("/Lang")] = TextStringObject(language)  # screen readers pick the voice
    if text_layer is not None and text_layer.roles:
        from .pdf_structure import tag_structure

        tag_structure(writer, marked, text_layer.roles, text_layer.ids, annotations, title)
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
_STEP = re.compile(rb"\n([0-9.]+) 0 Td <")  # from one glyph of a run to the next: its advance and spacing


def tidy_text_layer(writer: PdfWriter, layer: TextLayer) -> list[list[int]]:
    """Make pdftotext, copying and screen readers get the report's characters, in order, and nothing else;
    with ``layer.roles``, mark each block's text for the structure tree and the rest as artifacts. Returns, per
    page, the block of each marked-content id (MCID) in the order they were given.

    Qt writes the pinyin as text between the lines, so extraction interleaved it with the characters
    (“hézhìlǐ…合治理”): each ruby text object is wrapped in a Span with an empty ActualText (PDF 14.9.4),
    which viewers and poppler use instead of its glyphs (and, tagged, marked as an artifact). And Qt places
    each spaced Han character with its own Td, leaving a gap of a third of an em that extraction reads as a
    space (“刚 刚 过 去”): each run of full-width characters gets a character spacing (Tc) as wide as that gap
    and an ActualText with its characters, which poppler spreads over the whole run. Drawing is unchanged.
    """
    from pypdf.generic import StreamObject

    from .pdf_to_unicode import add_to_unicode, name_glyphs

    marked: list[list[int]] = []
    # ToUnicode map's object number → (the map, what it names, the glyphs it leaves out or misnames, named)
    unnamed: dict[int, tuple[Any, dict[int, str], dict[int, str]]] = {}
    maps_read: dict[int, dict[int, str]] = {}  # pages share their fonts: each ToUnicode map is read once
    widths_read: dict[int, set[int]] = {}  # and each font's widths
    for number, page in enumerate(writer.pages):
        widths, texts = _full_width_glyphs(page, widths_read), _glyph_texts(page, maps_read)
        mcids: list[int] = []
        contents = page["/Contents"].get_object()
        streams = [(stream, stream.get_data()) for stream in
                   ([ref.get_object() for ref in contents] if isinstance(contents, list) else [contents])
                   if isinstance(stream, StreamObject)]  # Qt writes every page's contents as streams
        matches = [list(_TEXT_OBJECT.finditer(data)) for _, data in streams]
        said = iter(_said_by(layer, number, [m for found in matches for m in found]))
        maps = _to_unicode_streams(page)
        for (stream, data), found in zip(streams, matches, strict=True):
            out, last = [], 0
            for match in found:
                text_object = _TextObject.read(layer, widths, texts, match, next(said))
                out += [data[last:match.start()], text_object.write(layer, mcids)]
                last = match.end()
                if text_object.said and text_object.font in maps:
                    known = texts.get(text_object.font, {})
                    entry = unnamed.setdefault(maps[text_object.font].idnum, (maps[text_object.font], known, {}))
                    entry[2].update(name_glyphs(text_object.glyphs, text_object.said, known))
            out.append(data[last:])
            stream.set_data(b"".join(out))
        marked.append(mcids)
    drawn = {char for page in layer.drawn for text, _ in page for char in text}
    for reference, known, named in unnamed.values():  # a character drawn is never renamed as another
        add_to_unicode(reference.get_object(), known,
                       {code: text for code, text in named.items() if known.get(code, "") not in drawn})
    return marked


def _to_unicode_streams(page) -> dict[str, Any]:
    """Per font resource name, a reference to its ToUnicode map (pages share them)."""
    fonts = page.get("/Resources", {}).get_object().get("/Font")
    out = {}
    for name, ref in (fonts.get_object().items() if fonts is not None else ()):
        stream = ref.get_object().get("/ToUnicode")
        if stream is not None and hasattr(stream, "idnum"):
            out[str(name).lstrip("/")] = stream
    return out


def _colour(match: re.Match[bytes]) -> tuple[float, ...]:
    try:
        return tuple(float(v) for v in match.group("colour").split())
    except ValueError:
        return ()


def _said_by(layer: TextLayer, page: int, matches: list[re.Match[bytes]]) -> list[str | None]:
    """What each text object says by ``layer.drawn``: for the blocks' objects, in order, when the page's objects
    are as many as the runs drawn and each has its run's number of glyphs; None for the others."""
    drawn = layer.drawn[page] if page < len(layer.drawn) else ()
    body = [n for n, match in enumerate(matches) if _block_of(_colour(match)) is not None]
    said: list[str | None] = [None] * len(matches)
    if len(body) != len(drawn):
        return said
    for n, (text, glyphs) in zip(body, drawn, strict=True):
        if len(_GLYPH.findall(matches[n].group("body"))) != glyphs:
            return [None] * len(matches)
        said[n] = text or None
    return said


@dataclass
class _TextObject:
    """One text object as Qt wrote it (its colour, optional graphics state, body) and what it says."""

    head: bytes
    body: bytes
    ruby: bool
    block: int | None  # the block whose characters these are (block_colour), if any
    text: str | None  # its ActualText (a run of full-width characters), if any
    font: str = ""  # its font's resource name
    glyphs: tuple[int, ...] = ()
    said: str | None = None  # its characters as the painter drew them (TextLayer.drawn)

    @classmethod
    def read(cls, layer: TextLayer, widths: dict[str, set[int]], texts: dict[str, dict[int, str]],
             match: re.Match[bytes], said: str | None = None) -> _TextObject:
        """The object ``match`` found; ``said``: its characters, as the painter drew them (see TextLayer.drawn)."""
        head = match.group("colour") + b" scn\n" + match.group("gs")
        body = match.group("body")
        rgb = _colour(match)
        if len(rgb) == 3 and all(abs(a - b) < 1 / 512 for a, b in zip(rgb, layer.ruby_rgb, strict=True)):
            return cls(head, body, True, None, "")
        block = _block_of(rgb)
        font = _FONT.search(body)
        glyphs = [int(g, 16) for g in _GLYPH.findall(body)]
        name = font.group("name").decode("latin-1") if font else ""
        wide, known = widths.get(name, set()), texts.get(name, {})
        if not (font and glyphs and (said or all(g in known for g in glyphs))
                and (block is not None or all(g in wide for g in glyphs))):
            return cls(head, body, False, block, None)
        size = float(font.group("size"))
        # The advance of each full-width glyph but the last (the step to the next glyph): a justified line spaces
        # some more than others, digits and Latin letters not at all.
        steps = [float(step) for step, glyph in zip(_STEP.findall(body), glyphs, strict=False)
                 if glyph in wide]
        alone = glyphs[0] in wide and len(glyphs) == 1
        spacing = min(steps) - size if steps else (layer.wide_spacing - 1) * size if alone else 0.0
        body = body[: font.end()] + f"{spacing:.4f} Tc ".encode() + body[font.end():]
        return cls(head, body, False, block, said or "".join(known[g] for g in glyphs), name, tuple(glyphs), said)

    def write(self, layer: TextLayer, mcids: list[int]) -> bytes:
        """The object with its ActualText, marked as its block's content (a new MCID) or as an artifact."""
        inner = b"BT\n" + self.body + b"ET\n"
        if self.text is not None:
            actual = b"<FEFF" + self.text.encode("utf-16-be").hex().upper().encode() + b">" if self.text else b"()"
            inner = b"/Span <</ActualText " + actual + b">> BDC\n" + inner + b"EMC\n"
        if not layer.roles:
            return self.head + inner
        if self.block is not None and not self.ruby and 0 <= self.block < len(layer.roles):
            mcids.append(self.block)
            tag = layer.roles[self.block].encode()
            return self.head + b"/" + tag + b" <</MCID " + str(len(mcids) - 1).encode() + b">> BDC\n" + inner + b"EMC\n"
        kind = b"" if self.ruby else b" <</Type /Pagination>>"  # the pinyin; the page number
        return self.head + (b"/Artifact" + kind + b" BDC\n" if kind else b"/Artifact BMC\n") + inner + b"EMC\n"


def _full_width_glyphs(page, widths_read: dict[int, set[int]]) -> dict[str, set[int]]:
    """Per font resource name, the glyph ids whose advance is a full em (1000 units in the /W array); the fonts
    already read (``widths_read``, by object number) are not read again (pages share them)."""
    out: dict[str, set[int]] = {}
    fonts = page.get("/Resources", {}).get_object().get("/Font")
    for name, ref in (fonts.get_object().items() if fonts is not None else ()):
        number = getattr(ref, "idnum", None)
        if number is not None and number in widths_read:
            out[str(name).lstrip("/")] = widths_read[number]
            continue
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
        if number is not None:
            widths_read[number] = full
    return out


def _glyph_texts(page, maps_read: dict[int, dict[int, str]]) -> dict[str, dict[int, str]]:
    """Per font resource name, each glyph id's text as its ToUnicode map says (bfchar and bfrange entries).

    ``maps_read`` keeps the maps already read by their object number: Qt gives every page the same fonts, and
    reading each page's copy again decoded the 96 pt report's maps 2.2 million times (6 s of a 9 s export).
    """
    out: dict[str, dict[int, str]] = {}
    fonts = page.get("/Resources", {}).get_object().get("/Font")
    for name, ref in (fonts.get_object().items() if fonts is not None else ()):
        stream = ref.get_object().get("/ToUnicode")
        if stream is None:
            continue
        number = getattr(stream, "idnum", None)
        if number is not None and number in maps_read:
            out[str(name).lstrip("/")] = maps_read[number]
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
        if number is not None:
            maps_read[number] = texts
    return out


def _utf16(hex_value: str) -> str:
    try:
        return bytes.fromhex(hex_value).decode("utf-16-be")
    except ValueError:
        return ""
