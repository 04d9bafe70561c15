"""Which Word paragraphs are headings: a heading style (Heading 1–9, 标题 1–9: Word names them "heading N" in any
language) or an outline level, set on the paragraph or on its style and the styles it is based on."""

from __future__ import annotations

import re

from lxml import etree

from .docx_numbering import W

_HEADING_NAME = re.compile(r"^heading (\d)$", re.IGNORECASE)
_BODY_TEXT_LEVEL = 9  # w:outlineLvl 9 is body text


def _outline_value(properties: etree._Element | None) -> int | None:
    """A w:pPr's w:outlineLvl as a heading level 1–9 (None: none, or body text)."""
    element = properties.find(f"{W}outlineLvl") if properties is not None else None
    if element is None:
        return None
    value = int(element.get(f"{W}val", str(_BODY_TEXT_LEVEL)))
    return value + 1 if 0 <= value < _BODY_TEXT_LEVEL else None


class Outline:
    """Heading levels of a document's paragraphs, from its styles part."""

    def __init__(self, styles_xml: bytes | None) -> None:
        self._style_levels: dict[str, int] = {}
        if styles_xml:
            self._read(etree.fromstring(styles_xml))

    def _read(self, root: etree._Element) -> None:
        direct: dict[str, int | None] = {}
        based_on: dict[str, str] = {}
        for style in root.iter(f"{W}style"):
            if style.get(f"{W}type", "paragraph") != "paragraph":
                continue
            style_id = style.get(f"{W}styleId", "")
            level = _outline_value(style.find(f"{W}pPr"))
            name = style.find(f"{W}name")
            named = _HEADING_NAME.match(name.get(f"{W}val", "")) if name is not None else None
            direct[style_id] = level if level is not None else (int(named.group(1)) if named else None)
            parent = style.find(f"{W}basedOn")
            if parent is not None:
                based_on[style_id] = parent.get(f"{W}val", "")
        for style_id in direct:
            seen: set[str] = set()
            current: str | None = style_id
            while current is not None and current not in seen:
                seen.add(current)
                if (found := direct.get(current)) is not None:
                    self._style_levels[style_id] = found
                    break
                current = based_on.get(current)

    def level(self, paragraph: etree._Element) -> int | None:
        """The paragraph's heading level (1–9), None for body text."""
        properties = paragraph.find(f"{W}pPr")
        if (own := _outline_value(properties)) is not None:
            return own
        style = properties.find(f"{W}pStyle") if properties is not None else None
        return self._style_levels.get(style.get(f"{W}val", "")) if style is not None else None
