"""Colour themes: light, dark and three high-contrast ones, each chosen for ≥ 7:1 contrast; and the one
place that applies them (ThemeChoice: Ctrl+Shift+T, View ▸ Colour theme, the system's wishes).

A theme is plain data (hex colours) so tests can compute contrast ratios without a display; the
widgets turn it into a QPalette and the reader view's paint colours. At start the theme follows the
system (high contrast or dark when it asks for them) until the reader picks one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QActionGroup, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from .i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from .main_window import MainWindow


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
        pal.setColor(group, QPalette.ColorRole.Accent, QColor(t.focus_ring))  # the focus ring (ui/focus_ring.py)
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


# -- choosing and applying ------------------------------------------------------------------------------
def label(key: str) -> str:
    return QCoreApplication.translate("themes", THEMES[key].label)


def system_theme(current: str) -> str:
    """The theme the system asks for: high contrast (light or dark), dark, or ``current``."""
    hints = QGuiApplication.styleHints()
    dark = hints.colorScheme() == Qt.ColorScheme.Dark
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10+
    if accessibility is not None and accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast:
        return "contrast-white-on-black" if dark else "contrast-black-on-white"
    if dark and not THEMES[current].dark:
        return "dark"
    return current


class ThemeChoice(QObject):
    """The theme of one window (``window.themes``): applies it to the application palette and the reader,
    cycles it (Ctrl+Shift+T), offers View ▸ Colour theme, and follows the system until the reader chooses."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        window.actions_by_id["cycle_theme"].triggered.connect(self.cycle)
        self.group = self._build_menu()
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self.follow_system)
        accessibility: Callable[[], Any] | None = getattr(hints, "accessibility", None)  # Qt 6.10+: QAccessibilityHints
        if accessibility is not None:
            accessibility().contrastPreferenceChanged.connect(self.follow_system)
        self.follow_system()

    def apply(self, key: str) -> None:
        t = theme(key)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(palette_for(t))
        self.window.view.set_theme(t)
        self.settings.set("theme", t.key)

    def choose(self, key: str) -> None:
        """The reader's choice: from now on the theme no longer follows the system."""
        self.settings.set("theme_follows_system", False)
        self.apply(key)
        self.window.announce(label(key))

    def cycle(self) -> None:
        keys = list(THEMES)
        current = self.settings["theme"]
        self.choose(keys[(keys.index(current) + 1) % len(keys)] if current in keys else keys[0])

    def follow_system(self, *_args: object) -> None:
        if self.settings["theme_follows_system"]:
            wanted = system_theme(self.settings["theme"])
            if wanted != self.settings["theme"]:
                self.apply(wanted)

    def _build_menu(self) -> QActionGroup:
        """View ▸ Colour theme: one radio item per theme, kept in step with the setting."""
        menu = self.window.menus["view"].addMenu("")
        menu.setObjectName("themeMenu")
        group = QActionGroup(menu)
        group.setExclusive(True)
        for key in THEMES:
            action = menu.addAction("")
            action.setObjectName(f"action_theme_{key}")
            action.setCheckable(True)
            action.setData(key)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, k=key: self.choose(k))

        def retranslate() -> None:
            if not shiboken6.isValid(menu):
                return
            menu.setTitle(QCoreApplication.translate("Accessibility", "Colour &theme"))
            for action in group.actions():
                action.setText(label(action.data()))
                action.setStatusTip(QCoreApplication.translate("Accessibility", "Use the colour theme: %1")
                                    .replace("%1", action.text()))

        retranslate()
        self.window.retranslated.connect(retranslate)

        def sync(name: str, value: object) -> None:
            if name == "theme" and shiboken6.isValid(group):
                for action in group.actions():
                    action.setChecked(action.data() == value)

        self.settings.subscribe(sync)
        sync("theme", self.settings["theme"])
        return group
