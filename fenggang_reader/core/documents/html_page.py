"""Saved web pages: the article's text without the site around it, by trafilatura.

A government portal page holds the report among breadcrumbs, index fields (索引号, 发布机构), a hit counter
(浏览次数), font-size and print/close links, share bars, related news and a footer. trafilatura finds the main
text; we ask for its XML form so its paragraphs, headings, list items and table rows stay separate blocks,
and split at its line breaks too, since many pages write paragraphs as text between <br>s. favor_recall keeps
short blocks (a 一、… heading, a one-line note) that the default drops on some pages.
"""

from __future__ import annotations

import codecs
import functools
import itertools
import re
from configparser import ConfigParser
from pathlib import Path

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.readability_lxml import Document
from trafilatura.settings import DEFAULT_CONFIG, use_config

from .errors import DocumentError, DocumentProblem
from .extracted import ExtractedText, finish
from .markup_blocks import mark_note_references, marked_headings, markup_paragraphs
from .text_file import decode_text

_BLOCKS = {"p", "head", "item", "quote", "code", "row", "cell"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)
# Pages that say gb2312 or gbk are written by tools that emit any GBK (or GB18030) character.
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}


# trafilatura judges an extraction shorter than this (MIN_EXTRACTED_SIZE) failed and takes a cruder one, which
# runs the menu, the text and the footer together into one paragraph; a village notice in Chinese is often
# that short. Longer pages keep trafilatura's defaults, whose comparison of extractors drops more chrome.
_SHORT_TEXT = 250
_FRAGMENT = re.compile(r"<!--\s*StartFragment\s*-->(.*?)<!--\s*EndFragment\s*-->", re.DOTALL | re.IGNORECASE)
_BODY = re.compile(r"<body[\s>]", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_MARKER = re.compile(r"\[\d{1,3}\]|【\d{1,3}】|［\d{1,3}］|[①-⑳]")
_NOTE_LINE = re.compile(r"^(?:\[\d{1,3}\]|【\d{1,3}】|［\d{1,3}］|[①-⑳])\S")
_NOTES_HEADING = re.compile(r"^(?:名词解释|注释|注|附注|名词注释)[:：]?$")


@functools.cache
def _short_page_config() -> ConfigParser:
    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "10")
    return config


def decode_html(data: bytes, path: Path | None, source: str = "the pasted text") -> str:
    """A page's text by its byte-order mark, then its <meta charset>, then as plain text is decoded."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data, path, source)
    declared = _META_CHARSET.search(data[:8192])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(_CHARSET_ALIASES.get(name, name))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common enough: detect instead
    return decode_text(data, path, source)


def read_html_file(data: bytes, path: Path) -> ExtractedText:
    return page_text(decode_html(data, path), "html", path)


def page_text(html: str, kind: str, path: Path | None, source: str = "the pasted text") -> ExtractedText:
    """The page's main text as paragraphs and its title (trafilatura's: the <h1> or <title> without the site).
    A fragment (copied from a browser or Word: no <body>, or the clipboard's StartFragment marks) is all the
    reader's own choice, so all of it is kept."""
    fragment = _FRAGMENT.search(html)
    if fragment or not _BODY.search(html):
        part = fragment.group(1) if fragment else html
        return finish(_all_blocks(part), None, kind, path, source, _page_headings(part))
    try:
        xml = _extract(html, None)
        if xml and len("".join(etree.fromstring(xml.encode("utf-8")).itertext())) < _SHORT_TEXT:
            xml = _extract(html, _short_page_config()) or xml
    except (ValueError, etree.LxmlError) as exc:
        raise DocumentError(path, DocumentProblem.DAMAGED, f"the page cannot be read ({exc})", source=source) from exc
    headings = _page_headings(html)
    if not xml:
        # Nothing trafilatura calls main text (a bare list or table, a fragment): every block of the page.
        return finish(_all_blocks(html), None, kind, path, source, headings)
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    paragraphs = _paragraphs(main) if main is not None else []
    paragraphs = _in_its_frame(html, paragraphs) or paragraphs
    if main is not None:  # trafilatura's <head rend="h2">: the heading it kept, whatever the page called it
        for head in main.iter("head"):
            rend = head.get("rend", "")
            level = int(rend[1]) if len(rend) == 2 and rend[0] == "h" and rend[1].isdigit() else 2
            for line in _block_lines(head):
                if line.strip():
                    headings.setdefault(line.strip(), level)
    return finish(_with_its_notes(paragraphs, html), root.get("title"), kind, path, source, headings)


def _page_headings(html: str) -> dict[str, int]:
    """The page's <h1>–<h6>, text → level (markup_blocks.marked_headings); none when it cannot be parsed."""
    try:
        return marked_headings(lxml_html.fromstring(html))
    except (etree.ParserError, ValueError):
        return {}


def _in_its_frame(html: str, paragraphs: list[str]) -> list[str] | None:
    """The blocks of the text's own box when trafilatura did not find it and read the whole page instead.

    trafilatura knows a text's box by names like "content" or "article-content"; a portal's own (TRS_Editor,
    id="zoom", pages_content, detail-content) sends it to its whole-page fallback, which keeps the site's banner,
    索引号 and 浏览次数 lines and drops every <h1>–<h6> (the title and 一、 headings of a report). Its bundled
    readability finds the box by text density; its blocks are taken when they have headings trafilatura lost."""
    try:
        summary = Document(lxml_html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))).summary()
        box = lxml_html.fromstring(summary)
    except (etree.ParserError, ValueError):
        return None
    headings = [" ".join(h.text_content().split()) for h in box.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    headings = [h for h in headings if h]
    kept = {" ".join(p.split()) for p in paragraphs}
    if len(headings) < 2 or any(h in kept for h in headings):
        return None
    return markup_paragraphs(box)


def _with_its_notes(paragraphs: list[str], html: str) -> list[str]:
    """The text and, when trafilatura left them behind (a notes section in a box of its own after the text), the
    notes its markers ([1], 【1】, ①) refer to: the page's 名词解释/注释 heading and the marked lines after it."""
    text = "\n".join(paragraphs)
    markers = {m.group(0) for m in _MARKER.finditer(text)}
    if not markers or any(_NOTE_LINE.match(p.strip(" \u3000\t\n")) for p in paragraphs):
        return paragraphs
    blocks = [" ".join(b.split()) for b in _all_blocks(html)]
    for start, block in enumerate(blocks):
        if not _NOTES_HEADING.match(block):
            continue
        notes = list(itertools.takewhile(lambda b: bool(_NOTE_LINE.match(b)), blocks[start + 1:]))
        if notes and any(note.startswith(tuple(markers)) for note in notes):
            return [*paragraphs, block, *notes]
    # Footnotes without a heading (a word processor's page): the first run of marked lines after the text's end.
    last = paragraphs[-1].strip() if paragraphs else ""
    after = next((i + 1 for i, b in enumerate(blocks) if last and last[-20:] in b), 0)
    notes = list(itertools.takewhile(lambda b: bool(_NOTE_LINE.match(b)), blocks[after:]))
    if notes and any(note.startswith(tuple(markers)) for note in notes):
        return [*paragraphs, *notes]
    return paragraphs


def _all_blocks(html: str) -> list[str]:
    try:
        root = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return html.splitlines()
    return markup_paragraphs(root)


def _extract(html: str, config: ConfigParser | None) -> str | None:
    """trafilatura's main text as XML, the page's note references ([1] raised as a bare ¹) written [1] first;
    a tree of its own each time (trafilatura prunes the tree it is given)."""
    try:
        tree = lxml_html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (etree.ParserError, ValueError):
        tree = None
    if tree is not None:
        mark_note_references(tree)
    return trafilatura.extract(html if tree is None else tree, output_format="xml", with_metadata=True,
                               favor_recall=True, include_tables=True, include_comments=False, include_images=False,
                               deduplicate=False, config=config or DEFAULT_CONFIG)


def _paragraphs(element: etree._Element) -> list[str]:
    """The text blocks under ``element`` in order; a block's line breaks separate paragraphs."""
    out: list[str] = []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "row":
            # A row of short cells is one line; a layout table's cell holding paragraphs gives its paragraphs.
            cells = [[line for line in _cell_lines(cell) if line.strip()] for cell in child.iter("cell")]
            if all(len(cell) <= 1 for cell in cells):
                out.append("\u3000".join(cell[0].strip() for cell in cells if cell))
            else:
                out.extend(line for cell in cells for line in cell)
        elif child.tag in _BLOCKS and not any(d.tag in _BLOCKS for d in child.iterdescendants() if d is not child):
            out.extend(_block_lines(child))
        else:
            if child.text and child.text.strip():
                out.append(child.text)
            out.extend(_paragraphs(child))
        if child.tail and child.tail.strip():
            out.append(child.tail)
    return out


def _cell_lines(cell: etree._Element) -> list[str]:
    blocks = [child for child in cell if isinstance(child.tag, str) and child.tag in _BLOCKS]
    return _paragraphs(cell) if blocks else _block_lines(cell)


def _block_lines(block: etree._Element) -> list[str]:
    """A block's text, split where the page had a line break (<br>, trafilatura's <lb/>)."""
    lines = [""]
    for piece in _pieces(block):
        if piece is None:
            lines.append("")
        else:
            lines[-1] += piece
    return lines


def _pieces(element: etree._Element) -> list[str | None]:
    """Text pieces in document order, None at each line break."""
    pieces: list[str | None] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            pieces.append(None)
        elif isinstance(child.tag, str):
            pieces.extend(_pieces(child))
        pieces.append(child.tail or "")
    return pieces
