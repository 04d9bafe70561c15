"""Arabic numerals read aloud in Mandarin: cardinals, decimals, percentages, digit strings.

Speech engines guess at "2177", "3.6%" or "2025" and often guess wrong (a year read as a
quantity, 1310 as a thousand three hundred and ten, "%" read in English). We hand them Chinese
numerals instead, chosen by the rules in docs/speech-text.md. This module only knows numbers;
which rule applies where is decided by core/spoken.py from the surrounding text.
"""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
_SMALL_UNITS = ("千", "百", "十", "")
_BIG_UNITS = ("", "万", "亿", "万亿")
LIMIT = 10**16  # 万亿 groups; larger numbers are read digit by digit


def digits(number: str) -> str:
    """Digit by digit, 0 as 零: years, codes, hotlines ("2025" → 二零二五). 1 is 一, never 幺."""
    return "".join(DIGITS[int(d)] for d in number)


def _group(value: int) -> str:
    """1..9999 with its internal zeros collapsed to one 零 (1009 → 一千零九)."""
    out: list[str] = []
    zero = False
    for digit, unit in zip(f"{value:04d}", _SMALL_UNITS, strict=True):
        if digit == "0":
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(DIGITS[int(digit)] + unit)
    return "".join(out)


def cardinal(value: int, *, counting: bool = False, ordinal: bool = False) -> str:
    """An integer as a quantity: 411 → 四百一十一, 10 → 十, 2109 → 两千一百零九.

    两 replaces 二 (i) for a leading 2 read with 千, 万 or 亿 (2177 → 两千一百七十七), and (ii) for the
    number 2 alone when ``counting`` (it stands before a measure word: 2个 → 两个). ``ordinal``
    (第2, a date, a document number) always keeps 二.
    """
    if value < 0:
        return "负" + cardinal(-value, counting=counting, ordinal=ordinal)
    if value >= LIMIT:
        return digits(str(value))
    if value == 0:
        return "零"
    if value == 2:
        return "两" if counting and not ordinal else "二"
    groups: list[int] = []
    rest = value
    while rest:
        groups.append(rest % 10000)
        rest //= 10000
    parts: list[str] = []
    skipped_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            skipped_zero = bool(parts)
            continue
        if parts and (skipped_zero or group < 1000):
            parts.append("零")
        parts.append(_group(group) + _BIG_UNITS[index])
        skipped_zero = False
    text = "".join(parts)
    if text.startswith("一十"):
        text = text[1:]  # 10–19 at the head: 十二, 十万, never 一十二
    if not ordinal and text[:2] in ("二千", "二万", "二亿"):
        text = "两" + text[1:]
    return text


def decimal(number: str) -> str:
    """A decimal: the integer part as a quantity (always 二), then 点 and the digits (12.6 → 十二点六)."""
    whole, _, fraction = number.partition(".")
    head = cardinal(int(whole or "0"), ordinal=True)
    return head + ("点" + digits(fraction) if fraction else "")


def number(number: str, *, counting: bool = False, ordinal: bool = False) -> str:
    """Any plain numeral string, integer or decimal."""
    if "." in number:
        return decimal(number)
    return cardinal(int(number), counting=counting, ordinal=ordinal)


def percent(number: str) -> str:
    """3.6 → 百分之三点六; 100 → 百分之百 (the usual spoken form of 100%)."""
    if number in ("100", "100.0"):
        return "百分之百"
    return "百分之" + (decimal(number) if "." in number else cardinal(int(number), ordinal=True))
