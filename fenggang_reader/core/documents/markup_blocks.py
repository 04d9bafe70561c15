"""The text blocks of clean (X)HTML, all of them, in order: for e-book chapters and copied fragments, where
there is no site chrome to remove and every block is the author's. Ruby annotations (<rt>, <rp>: the pinyin
or zhuyin some books print over characters) are left out, so the text is the characters alone."""

from __future__ import annotations

from lxml import etree

_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "section",
               "article", "aside", "header", "footer", "figcaption", "caption", "address", "td", "th", "tr",
               "table", "ul", "ol", "dl", "body", "main", "nav", "figure", "hr", "center"}
_LEFT_OUT = {"rt", "rp", "script", "style", "head", "title", "template", "noscript"}


def local_name(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def markup_paragraphs(root: etree._Element) -> list[str]:
    """Each block's own text as one paragraph; a <br> starts a new one; table cells of a row share a line."""
    paragraphs: list[str] = []
    current: list[str] = []

    def close() -> None:
        if "".join(current).strip():
            paragraphs.append("".join(current))
        current.clear()

    def walk(element: etree._Element) -> None:
        name = local_name(element)
        if name in _LEFT_OUT or not isinstance(element.tag, str):
            return
        block = name in _BLOCK_TAGS
        if name in ("td", "th"):
            current.append("\u3000")
        elif block or name == "br":
            close()
        if element.text and name != "br":
            current.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block and name not in ("td", "th"):
            close()

    walk(root)
    close()
    return paragraphs
