"""Colour themes: light, dark and three high-contrast ones, each chosen for ≥ 7:1 contrast.

A theme is plain data (hex colours) so tests can compute contrast ratios without a display; the
widgets turn it into a QPalette and the reader view's paint colours.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor, QPalette


@dataclass(frozen=True)
class Theme:
    key: str
    label: str  # translated through QCoreApplication.translate("themes", label)
    background: str
    text: str
    pinyin: str
    link: str
    current_tint: str  # background of the current paragraph
    focus_ring: str
    speech_bg: str  # background of the sentence being read
    speech_text: str
    word_bg: str  # background of the word being read
    word_text: str
    ui_background: str
    ui_text: str
    dark: bool


THEMES: dict[str, Theme] = {
    t.key: t
    for t in (
        Theme("light", QT_TRANSLATE_NOOP("themes", "Light"),
              background="#fbf8f1", text="#1a1a1a", pinyin="#5c2a00", link="#00467a",
              current_tint="#f1eadb", focus_ring="#0b4a8b", speech_bg="#ffe680", speech_text="#000000",
              word_bg="#1a1a1a", word_text="#ffe680", ui_background="#efe9dd", ui_text="#111111", dark=False),
        Theme("dark", QT_TRANSLATE_NOOP("themes", "Dark"),
              background="#16181d", text="#ecebe6", pinyin="#ffd9a0", link="#9fd0ff",
              current_tint="#232630", focus_ring="#ffcf4d", speech_bg="#3c3a00", speech_text="#ffffff",
              word_bg="#ffe680", word_text="#000000", ui_background="#1f2229", ui_text="#f2f2f2", dark=True),
        Theme("contrast-white-on-black", QT_TRANSLATE_NOOP("themes", "High contrast: white on black"),
              background="#000000", text="#ffffff", pinyin="#ffffff", link="#7fdcff",
              current_tint="#000000", focus_ring="#00ff66", speech_bg="#ffffff", speech_text="#000000",
              word_bg="#00ff66", word_text="#000000", ui_background="#000000", ui_text="#ffffff", dark=True),
        Theme("contrast-yellow-on-black", QT_TRANSLATE_NOOP("themes", "High contrast: yellow on black"),
              background="#000000", text="#ffff00", pinyin="#ffff00", link="#7fdcff",
              current_tint="#000000", focus_ring="#ffffff", speech_bg="#ffff00", speech_text="#000000",
              word_bg="#ffffff", word_text="#000000", ui_background="#000000", ui_text="#ffff00", dark=True),
        Theme("contrast-black-on-white", QT_TRANSLATE_NOOP("themes", "High contrast: black on white"),
              background="#ffffff", text="#000000", pinyin="#000000", link="#0000a0",
              current_tint="#ffffff", focus_ring="#a00000", speech_bg="#000000", speech_text="#ffffff",
              word_bg="#a00000", word_text="#ffffff", ui_background="#ffffff", ui_text="#000000", dark=False),
    )
}
DEFAULT_THEME = "light"


def theme(key: str) -> Theme:
    return THEMES.get(key, THEMES[DEFAULT_THEME])


def palette_for(t: Theme) -> QPalette:
    """A whole-application palette so dialogs, menus and panels follow the theme."""
    pal = QPalette()
    bg, fg = QColor(t.ui_background), QColor(t.ui_text)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        pal.setColor(group, QPalette.ColorRole.Window, bg)
        pal.setColor(group, QPalette.ColorRole.WindowText, fg)
        pal.setColor(group, QPalette.ColorRole.Base, QColor(t.background))
        pal.setColor(group, QPalette.ColorRole.AlternateBase, QColor(t.current_tint))
        pal.setColor(group, QPalette.ColorRole.Text, QColor(t.text))
        pal.setColor(group, QPalette.ColorRole.Button, bg)
        pal.setColor(group, QPalette.ColorRole.ButtonText, fg)
        pal.setColor(group, QPalette.ColorRole.ToolTipBase, QColor(t.background))
        pal.setColor(group, QPalette.ColorRole.ToolTipText, QColor(t.text))
        pal.setColor(group, QPalette.ColorRole.Highlight, QColor(t.speech_bg))
        pal.setColor(group, QPalette.ColorRole.HighlightedText, QColor(t.speech_text))
        pal.setColor(group, QPalette.ColorRole.Link, QColor(t.link))
        pal.setColor(group, QPalette.ColorRole.PlaceholderText, fg)
    return pal


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio between two hex colours."""

    def luminance(hex_colour: str) -> float:
        c = QColor(hex_colour)
        channels = []
        for v in (c.redF(), c.greenF(), c.blueF()):
            channels.append(v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4)
        r, g, b_ = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)
