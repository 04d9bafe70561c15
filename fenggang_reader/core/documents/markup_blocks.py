"""The text blocks of clean (X)HTML, all of them, in order: for e-book chapters and copied fragments, where
there is no site chrome to remove and every block is the author's. Ruby annotations (<rt>, <rp>: the pinyin
or zhuyin some books print over characters) are left out, so the text is the characters alone.

Word processors and e-books write a note's reference as a raised number (<sup>1</sup>, a link to the note); as
plain text it would run into the text ("1310”1具体部署"), so it is written [1], as the report writes it, and so
is the number the note itself starts with. Footnotes that a book sets among its paragraphs (<aside
epub:type="footnote">) are gathered for the end of the book.
"""

from __future__ import annotations

import re

from lxml import etree

_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "section",
               "article", "aside", "header", "footer", "figcaption", "caption", "address", "td", "th", "tr",
               "table", "ul", "ol", "dl", "body", "main", "nav", "figure", "hr", "center"}
_LEFT_OUT = {"rt", "rp", "script", "style", "head", "title", "template", "noscript"}
_NUMBER = re.compile(r"^\s*[\[［(（]?(\d{1,3})[\]］)）]?\s*$")
_EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
_NOTE_TYPES = {"footnote", "endnote", "rearnote", "note"}
_NOTE_ROLES = {"doc-footnote", "doc-endnote"}


def local_name(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def mark_note_references(root: etree._Element) -> None:
    """Raised numbers and numbered in-page links (a note's reference, or the number a note starts with) as [n].
    A raised number right after a Latin letter or digit is an exponent (m², 10⁶) and stays."""
    done: set[etree._Element] = set()
    for element in list(root.iter()):
        name = local_name(element)
        if name not in ("sup", "a") or any(ancestor in done for ancestor in element.iterancestors()):
            continue
        match = _NUMBER.match("".join(element.itertext()))
        if not match:
            continue
        if name == "a":
            href = element.get("href") or ""
            if not href.startswith("#") and element.get(_EPUB_TYPE) != "noteref":
                continue
        elif _text_before(element)[-1:].isascii() and _text_before(element)[-1:].isalnum():
            continue
        tail = element.tail
        for child in list(element):
            element.remove(child)
        element.text = f"[{match.group(1)}]"
        element.tail = tail
        done.add(element)


def _text_before(element: etree._Element) -> str:
    previous = element.getprevious()
    if previous is not None:
        return previous.tail or "".join(previous.itertext())
    parent = element.getparent()
    return (parent.text or "") if parent is not None else ""


def is_note(element: etree._Element) -> bool:
    """A footnote or endnote a book or a word processor sets as a box of its own."""
    kinds = set((element.get(_EPUB_TYPE) or "").split())
    return bool(kinds & _NOTE_TYPES) or element.get("role") in _NOTE_ROLES or bool(
        re.match(r"^(sdfootnote|sdendnote|ftn|edn)\d+$", element.get("id") or ""))


_HEADING_TAGS = {f"h{n}": n for n in range(1, 7)}


def marked_headings(root: etree._Element) -> dict[str, int]:
    """The page's own headings (<h1>–<h6>), text → level: a heading without 一、 or （一） is still one."""
    found: dict[str, int] = {}
    for element in root.iter():
        level = _HEADING_TAGS.get(local_name(element)) if isinstance(element.tag, str) else None
        if level is not None:
            text = "".join(element.itertext()).strip()
            if text:
                found.setdefault(text, level)
    return found


def markup_paragraphs(root: etree._Element, notes: list[str] | None = None) -> list[str]:
    """Each block's own text as one paragraph; a <br> starts a new one; table cells of a row share a line. With
    ``notes``, footnote boxes go there instead of where they stand."""
    mark_note_references(root)
    paragraphs: list[str] = []
    current: list[str] = []

    def close(into: list[str]) -> None:
        if "".join(current).strip():
            into.append("".join(current))
        current.clear()

    def walk(element: etree._Element, into: list[str], in_cell: bool) -> None:
        name = local_name(element)
        if name in _LEFT_OUT or not isinstance(element.tag, str):
            return
        if notes is not None and name in ("aside", "div", "section", "li") and is_note(element):
            close(into)
            into = notes
        block = name in _BLOCK_TAGS
        if name in ("td", "th"):
            current.append("\u3000")
        elif in_cell and (block or name == "br") and name not in ("table", "tr"):
            if "".join(current).strip() and not "".join(current).endswith((" ", "\u3000")):
                current.append(" ")  # a cell's own paragraphs stay in its row's line
            block = False
        elif block or name == "br":
            close(into)
        if element.text and name != "br":
            current.append(element.text)
        for child in element:
            walk(child, into, in_cell or name in ("td", "th"))
            if child.tail:
                current.append(child.tail)
        if block and name not in ("td", "th"):
            close(into)

    walk(root, paragraphs, False)
    close(paragraphs)
    return paragraphs
