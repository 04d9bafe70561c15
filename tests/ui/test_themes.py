"""Every theme reaches 7:1 for everything it shows (WCAG AAA), computed from the palette; the chooser and
the system's high-contrast wish pick the theme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fenggang_reader.ui import themes
from fenggang_reader.ui.themes import THEMES, contrast_ratio

PAIRS = (
    ("text", "background"), ("pinyin", "background"), ("link", "background"), ("focus_ring", "background"),
    ("text", "current_tint"), ("pinyin", "current_tint"), ("link", "current_tint"), ("focus_ring", "current_tint"),
    ("speech_text", "speech_bg"), ("word_text", "word_bg"), ("ui_text", "ui_background"),
)


@pytest.mark.parametrize("key", list(THEMES))
@pytest.mark.parametrize(("fg", "bg"), PAIRS)
def test_contrast_at_least_7_to_1(key, fg, bg):
    t = THEMES[key]
    assert contrast_ratio(getattr(t, fg), getattr(t, bg)) >= 7.0


def test_contrast_ratio_itself():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") < 4.5


def test_three_high_contrast_themes():
    keys = {"contrast-white-on-black", "contrast-yellow-on-black", "contrast-black-on-white"}
    assert keys <= set(THEMES)


class _Hints:
    def __init__(self, dark: bool, high: bool):
        self._dark, self._high = dark, high

    def colorScheme(self):  # noqa: N802 - Qt name
        return Qt.ColorScheme.Dark if self._dark else Qt.ColorScheme.Light

    def accessibility(self):
        high = self._high

        class A:
            def contrastPreference(self):  # noqa: N802
                return Qt.ContrastPreference.HighContrast if high else Qt.ContrastPreference.NoPreference

        return A()


@pytest.mark.parametrize(("dark", "high", "expected"), [
    (False, True, "contrast-black-on-white"), (True, True, "contrast-white-on-black"),
    (True, False, "dark"), (False, False, "light"),
])
def test_system_wish(monkeypatch, dark, high, expected):
    class App:
        @staticmethod
        def styleHints():  # noqa: N802
            return _Hints(dark, high)

    monkeypatch.setattr(themes, "QGuiApplication", App)
    assert themes.system_theme("light") == expected


def test_chooser_applies_announces_and_stops_following_the_system(window):
    menu = window.findChild(type(window.menus["view"]), "themeMenu")
    items = [a for a in menu.actions() if a.isCheckable()]
    assert len(items) == len(THEMES)
    said = []
    window.announced.connect(said.append)
    target = next(a for a in items if a.data() == "contrast-yellow-on-black")
    target.trigger()
    assert window.settings["theme"] == "contrast-yellow-on-black"
    assert window.view.current_theme().key == "contrast-yellow-on-black"
    assert not window.settings["theme_follows_system"]
    assert target.isChecked() and said[-1] == "High contrast: yellow on black"
    window.actions_by_id["cycle_theme"].trigger()
    assert next(a for a in items if a.isChecked()).data() == window.settings["theme"]
