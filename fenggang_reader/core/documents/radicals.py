"""Radicals that stand for whole characters: PDF producers (Qt's own text printing, Chrome, Word on macOS) map
glyphs a CJK font shares between a radical and an ideograph back to the radical, so 工人民 comes out as ⼯⼈⺠ —
looks right, but is not searchable, has no pinyin and is not read aloud. Text copied out of such PDFs carries
them on into .txt and .docx files. Kangxi radicals and compatibility ideographs have Unicode's own
equivalents (NFKC); the CJK Radicals Supplement needs this table (Unicode's EquivalentUnifiedIdeograph.txt,
the forms that are characters of their own)."""

from __future__ import annotations

import re
import unicodedata

_SUPPLEMENT = dict(zip(
    "⺁⺆⺇⺊⺎⺏⺐⺒⺓⺔⺘⺙⺛⺝⺞⺟⺠⺡⺢⺣⺤⺦⺨⺩⺪⺫⺬⺭⺯⺰⺲⺳⺶⺷⺹⺺⺼⺽⺾⺿⻀⻁⻂⻃⻄⻅⻆⻈⻉⻋⻌⻍⻏⻐⻑⻒⻓⻔⻖"
    "⻘⻙⻚⻛⻜⻝⻟⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲⻳",
    "厂冂几卜兀尢尢巳幺彑扌攵旡月歺母民氵氺灬爫丬犭王疋罒示礻糹纟罒㓁羊羊耂肀月臼艹艹艹虎衤覀西见角讠贝车辶辶阝钅長镸长门阝"
    "青韦页风飞食飠饣马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟",
    strict=True))
# Qt names the glyph of a Chinese dash (——, two em dashes drawn as one) the two-em dash.
_DASHES = {"\u2e3a": "——", "\u2e3b": "———"}
_RADICAL = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\u2e3a\u2e3b]")


def _equivalent(match: re.Match[str]) -> str:
    ch = match.group(0)
    return _SUPPLEMENT.get(ch) or _DASHES.get(ch) or unicodedata.normalize("NFKC", ch)


def unify_radicals(text: str) -> str:
    """Radicals and compatibility ideographs as the characters they stand for (⼯⼈⺠ → 工人民), ⸺ as ——."""
    return _RADICAL.sub(_equivalent, text)
