"""What QPdfWriter cannot write: the outline (bookmarks) and links inside the document.

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


def add_navigation(pdf: bytes, outline: Sequence[OutlineEntry], links: Sequence[LinkArea], *,
                   title: str = "", language: str = "zh-CN", unicode_fixes: Mapping[str, str] | None = None) -> bytes:
    """The PDF with an outline, internal links, its title and language; the viewer opens the outline.

    ``unicode_fixes`` corrects the text that copying, searching and screen readers get (see fix_to_unicode).
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Link
    from pypdf.generic import Fit, IndirectObject, NameObject, TextStringObject

    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    if unicode_fixes:
        fix_to_unicode(writer, unicode_fixes)
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
