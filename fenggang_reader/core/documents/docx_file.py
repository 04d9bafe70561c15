"""Word documents (.docx): the paragraphs of the main text in order, tables row by row, Word's automatic
numbers written out, and footnotes and endnotes as a notes section (注释, [n] lines) with [n] markers where
they were referenced, as the report writes its 名词解释.

Read from the XML with lxml rather than python-docx: python-docx has no footnotes, skips content controls
and text boxes, and would be one more package in the installers.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from .docx_numbering import Numbering, W
from .docx_outline import Outline
from .errors import DocumentError, DocumentProblem
from .extracted import ExtractedText, finish

_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_OFFICE_DOCUMENT = "/officeDocument"
_SKIPPED = {f"{W}del", f"{W}moveFrom", f"{W}pPr", f"{W}rPr", f"{W}sectPr", f"{W}tblPr", f"{W}trPr", f"{W}tcPr"}
_NOTES_HEADING = "注释"


class _Notes:
    """Footnotes and endnotes by id, numbered in the order the text refers to them."""

    def __init__(self, footnotes: dict[str, str], endnotes: dict[str, str]) -> None:
        self._texts = {"footnote": footnotes, "endnote": endnotes}
        self.numbered: list[tuple[int, str]] = []
        self._numbers: dict[tuple[str, str], int] = {}

    def marker(self, kind: str, note_id: str) -> str:
        key = (kind, note_id)
        if key not in self._numbers:
            text = self._texts[kind].get(note_id, "")
            self._numbers[key] = len(self._numbers) + 1
            self.numbered.append((self._numbers[key], text))
        return f"[{self._numbers[key]}]"


def read_docx_file(data: bytes, path: Path) -> ExtractedText:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            main = _main_part(archive)
            related = _relations(archive, main)
            document = etree.fromstring(archive.read(main))
            styles = _read(archive, related.get("styles"))
            numbering = Numbering(_read(archive, related.get("numbering")), styles)
            outline = Outline(styles)
            notes = _Notes(_note_texts(_read(archive, related.get("footnotes")), "footnote"),
                           _note_texts(_read(archive, related.get("endnotes")), "endnote"))
            title = _core_title(_read(archive, "docProps/core.xml"))
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, etree.XMLSyntaxError) as exc:
        raise DocumentError(path, DocumentProblem.DAMAGED, f"the Word document is damaged ({exc})") from exc
    body = document.find(f"{W}body")
    headings: dict[str, int] = {}
    paragraphs = list(_blocks(body, numbering, notes, outline, headings)) if body is not None else []
    if notes.numbered:
        paragraphs.append(_NOTES_HEADING)
        paragraphs.extend(f"[{number}]{text}" for number, text in notes.numbered)
    return finish(paragraphs, title, "docx", path, headings=headings)


def _read(archive: zipfile.ZipFile, name: str | None) -> bytes | None:
    if name is None or name not in archive.namelist():
        return None
    return archive.read(name)


def _main_part(archive: zipfile.ZipFile) -> str:
    """The main document's part name from the package relationships (word/document.xml almost always)."""
    rels = _read(archive, "_rels/.rels")
    if rels is not None:
        for rel in etree.fromstring(rels).iter(f"{_REL}Relationship"):
            if rel.get("Type", "").endswith(_OFFICE_DOCUMENT):
                return rel.get("Target", "").lstrip("/")
    return "word/document.xml"


def _relations(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """The main part's related parts by kind (numbering, styles, footnotes, endnotes) → part names."""
    folder, name = posixpath.split(part)
    rels = _read(archive, posixpath.join(folder, "_rels", name + ".rels"))
    found: dict[str, str] = {}
    if rels is not None:
        for rel in etree.fromstring(rels).iter(f"{_REL}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            found.setdefault(kind, posixpath.normpath(posixpath.join(folder, rel.get("Target", ""))))
    return found


def _core_title(core: bytes | None) -> str | None:
    if core is None:
        return None
    element = etree.fromstring(core).find("{http://purl.org/dc/elements/1.1/}title")
    return element.text if element is not None and element.text else None


def _note_texts(xml: bytes | None, kind: str) -> dict[str, str]:
    """Note id → its text (the separator notes Word keeps with ids -1 and 0 have none)."""
    if xml is None:
        return {}
    texts: dict[str, str] = {}
    for note in etree.fromstring(xml).iter(f"{W}{kind}"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        lines = ["".join(_run_text(p, None, None)).replace("\n", "") for p in note.iter(f"{W}p")]
        texts[note.get(f"{W}id", "")] = "".join(lines).strip()
    return texts


def _blocks(container: etree._Element, numbering: Numbering, notes: _Notes, outline: Outline | None = None,
            headings: dict[str, int] | None = None) -> Iterator[str]:
    """Paragraph texts of a body, a table cell or a content control, in document order; with ``outline``, the
    headings among them go into ``headings`` (text → level)."""
    for child in container:
        tag = child.tag
        if tag == f"{W}p":
            texts = list(_paragraph(child, numbering, notes))
            level = outline.level(child) if outline is not None else None
            if level is not None and headings is not None and texts and texts[0].strip():
                headings.setdefault(texts[0].strip(), level)
            yield from texts
        elif tag == f"{W}tbl":
            yield from _table(child, numbering, notes)
        elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins"):
            yield from _blocks(child, numbering, notes, outline, headings)


def _paragraph(paragraph: etree._Element, numbering: Numbering, notes: _Notes) -> Iterator[str]:
    """A paragraph's text (its number first), split where it has a line break; text boxes anchored in it
    follow it as paragraphs of their own."""
    boxes: list[etree._Element] = []
    text = numbering.label(paragraph) + "".join(_run_text(paragraph, notes, boxes))
    yield from text.split("\n")
    for box in boxes:
        yield from _blocks(box, numbering, notes)


def _run_text(element: etree._Element, notes: _Notes | None, boxes: list[etree._Element] | None) -> Iterator[str]:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == f"{W}r":
            properties = child.find(f"{W}rPr")
            if properties is not None and properties.find(f"{W}vanish") is not None:
                continue  # hidden text
        if tag == f"{W}t":
            yield child.text or ""
        elif tag == f"{W}tab":
            yield "\u3000"
        elif tag in (f"{W}br", f"{W}cr"):
            yield "\n"
        elif tag == f"{W}noBreakHyphen":
            yield "-"
        elif tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
            if notes is not None:
                yield notes.marker("footnote" if tag == f"{W}footnoteReference" else "endnote",
                                   child.get(f"{W}id", ""))
        elif tag == f"{W}txbxContent":
            if boxes is not None:
                boxes.append(child)
        elif tag == f"{_MC}AlternateContent":
            choice = child.find(f"{_MC}Choice")  # the Fallback repeats it for old Word
            if choice is not None:
                yield from _run_text(choice, notes, boxes)
        else:
            yield from _run_text(child, notes, boxes)


def _table(table: etree._Element, numbering: Numbering, notes: _Notes) -> Iterator[str]:
    """A table row by row: a row of short cells is one line (cells apart by a wide space); cells holding
    paragraphs of text give their paragraphs in order."""
    for row in table.findall(f"{W}tr"):
        cells = [[text for text in _blocks(cell, numbering, notes) if text.strip()] for cell in row.findall(f"{W}tc")]
        if all(len(cell) <= 1 for cell in cells):
            yield "\u3000".join(cell[0].strip() for cell in cells if cell)
        else:
            for cell in cells:
                yield from cell
