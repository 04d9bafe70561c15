"""EPUB books: the chapters in the order of the package's spine, each chapter's text blocks; the title from
the package metadata. Read with zipfile and lxml: the format is a zip of XHTML files and needs no more
(ebooklib, the usual library, is AGPL)."""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path
from urllib.parse import unquote

from lxml import etree, html

from .errors import DocumentError, DocumentProblem
from .extracted import ExtractedText, finish
from .markup_blocks import marked_headings, markup_paragraphs

_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_NOTES_HEADING = "注释"
_XML_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=True)


def read_epub_file(data: bytes, path: Path) -> ExtractedText:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            opf_name = _package_name(archive)
            package = etree.fromstring(archive.read(opf_name), _XML_PARSER)
            if package is None:
                raise DocumentError(path, DocumentProblem.DAMAGED, "the book's table of parts cannot be read")
            folder = posixpath.dirname(opf_name)
            paragraphs: list[str] = []
            notes: list[str] = []
            headings: dict[str, int] = {}
            for name in _spine(package, folder):
                if name in archive.namelist():
                    paragraphs.extend(_chapter_paragraphs(archive.read(name), notes, headings))
            if notes:  # footnotes set among the paragraphs, gathered as the report gathers its 名词解释
                paragraphs += [_NOTES_HEADING, *notes]
            title = package.findtext(f"{_OPF}metadata/{_DC}title")
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, etree.XMLSyntaxError) as exc:
        raise DocumentError(path, DocumentProblem.DAMAGED, f"the EPUB book is damaged ({exc})") from exc
    return finish(paragraphs, title, "epub", path, headings=headings)


def _package_name(archive: zipfile.ZipFile) -> str:
    """The package document (.opf) named by META-INF/container.xml, else the first .opf in the book."""
    if "META-INF/container.xml" in archive.namelist():
        container = etree.fromstring(archive.read("META-INF/container.xml"), _XML_PARSER)
        if container is not None:
            rootfile = container.find(f".//{_CONTAINER}rootfile")
            if rootfile is not None and rootfile.get("full-path"):
                return str(rootfile.get("full-path"))
    for name in archive.namelist():
        if name.endswith(".opf"):
            return name
    raise KeyError("the book has no package document (.opf)")


def _spine(package: etree._Element, folder: str) -> list[str]:
    """The chapters' file names in reading order: the spine's items, not the ones marked non-linear, not the
    navigation document (the book's own table of contents)."""
    manifest = {}
    for item in package.iter(f"{_OPF}item"):
        if "nav" in (item.get("properties") or "").split():
            continue
        href = unquote(item.get("href", "").split("#", 1)[0])
        manifest[item.get("id")] = posixpath.normpath(posixpath.join(folder, href))
    return [manifest[ref.get("idref")] for ref in package.iter(f"{_OPF}itemref")
            if ref.get("linear") != "no" and ref.get("idref") in manifest]


def _chapter_paragraphs(data: bytes, notes: list[str], headings: dict[str, int]) -> list[str]:
    root = etree.fromstring(data, _XML_PARSER)
    if root is None:  # not well-formed XHTML: as a browser would read it
        root = html.fromstring(data)
    body = next((e for e in root.iter() if isinstance(e.tag, str) and etree.QName(e.tag).localname == "body"), root)
    for text, level in marked_headings(body).items():
        headings.setdefault(text, level)
    return markup_paragraphs(body, notes)
