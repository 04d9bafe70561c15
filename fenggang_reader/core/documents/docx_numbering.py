"""Word's automatic numbering, written out: a heading numbered by Word ("一、" from a list style) holds no
"一、" in its text, yet the reader and the structure need it there. Only the common formats are known; a
bullet or an unknown format gives no label (the text is still all there)."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from ..numbers_zh import cardinal

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _legal(n: int) -> str:
    """壹贰叁: the anti-fraud numerals of amounts and some official lists."""
    return cardinal(n, ordinal=True).translate(str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟"))


def _letter(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "chineseCounting": lambda n: cardinal(n, ordinal=True),
    "chineseCountingThousand": lambda n: cardinal(n, ordinal=True),
    # LibreOffice writes the same 一、二、 as the Taiwanese formats; Japanese counting is written alike too.
    "taiwaneseCounting": lambda n: cardinal(n, ordinal=True),
    "taiwaneseCountingThousand": lambda n: cardinal(n, ordinal=True),
    "japaneseCounting": lambda n: cardinal(n, ordinal=True),
    "ideographDigital": lambda n: "".join("〇一二三四五六七八九"[int(d)] for d in str(n)),
    "chineseLegalSimplified": _legal,
    "ideographTraditional": lambda n: _TIANGAN[(n - 1) % 10],
    "decimalEnclosedCircle": lambda n: _CIRCLED[n - 1] if n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: _CIRCLED[n - 1] if n <= 20 else str(n),
    "lowerLetter": _letter,
    "upperLetter": lambda n: _letter(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
}


def _val(element: etree._Element | None, tag: str) -> str | None:
    child = element.find(tag) if element is not None else None
    return child.get(f"{W}val") if child is not None else None


class Numbering:
    """The labels of numbered paragraphs, counted in document order as Word counts them."""

    def __init__(self, numbering_xml: bytes | None, styles_xml: bytes | None) -> None:
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId → ilvl → (format, text, start)
        self._style_numbering: dict[str, tuple[str, int]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if numbering_xml:
            self._read_numbering(etree.fromstring(numbering_xml))
        if styles_xml:
            self._read_styles(etree.fromstring(styles_xml))

    def _read_numbering(self, root: etree._Element) -> None:
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for definition in root.iter(f"{W}abstractNum"):
            levels = {}
            for level in definition.iter(f"{W}lvl"):
                levels[int(level.get(f"{W}ilvl", "0"))] = (
                    _val(level, f"{W}numFmt") or "decimal", _val(level, f"{W}lvlText") or "",
                    int(_val(level, f"{W}start") or "1"))
            abstract[definition.get(f"{W}abstractNumId", "")] = levels
        for num in root.iter(f"{W}num"):
            self._levels[num.get(f"{W}numId", "")] = abstract.get(_val(num, f"{W}abstractNumId") or "", {})

    def _read_styles(self, root: etree._Element) -> None:
        """Paragraph styles that number their paragraphs (Heading 1 as 一、), following basedOn."""
        direct: dict[str, tuple[str, int] | None] = {}
        based_on: dict[str, str] = {}
        for style in root.iter(f"{W}style"):
            style_id = style.get(f"{W}styleId", "")
            num_pr = style.find(f"{W}pPr/{W}numPr")
            direct[style_id] = (_val(num_pr, f"{W}numId") or "", int(_val(num_pr, f"{W}ilvl") or "0")) \
                if num_pr is not None else None
            if (parent := _val(style, f"{W}basedOn")) is not None:
                based_on[style_id] = parent
        for style_id in direct:
            seen: set[str] = set()
            current: str | None = style_id
            while current is not None and current not in seen:
                seen.add(current)
                found = direct.get(current)
                if found is not None:
                    self._style_numbering[style_id] = found
                    break
                current = based_on.get(current)

    def label(self, paragraph: etree._Element) -> str:
        """The paragraph's number as Word shows it ("一、", "（二）", "3."), "" when it has none."""
        properties = paragraph.find(f"{W}pPr")
        num_pr = properties.find(f"{W}numPr") if properties is not None else None
        if num_pr is not None:
            num_id, level = _val(num_pr, f"{W}numId") or "", int(_val(num_pr, f"{W}ilvl") or "0")
        else:
            style = _val(properties, f"{W}pStyle")
            if style is None or style not in self._style_numbering:
                return ""
            num_id, level = self._style_numbering[style]
        levels = self._levels.get(num_id)
        if not levels or level not in levels or num_id == "0":
            return ""
        counters = self._counters.setdefault(num_id, {})
        counters[level] = counters.get(level, levels[level][2] - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > level]:
            del counters[deeper]  # a new item restarts the levels below it
        number_format, text, _start = levels[level]
        if number_format not in _FORMATS:
            return ""
        for shown in range(9):
            if f"%{shown + 1}" in text:
                fmt = levels.get(shown, (number_format, "", 1))[0]
                value = counters.get(shown, levels.get(shown, ("", "", 1))[2])
                text = text.replace(f"%{shown + 1}", _FORMATS.get(fmt, str)(value))
        return text
