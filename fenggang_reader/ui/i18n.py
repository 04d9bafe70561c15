"""The interface language: our translations (i18n/*.qm) plus Qt's own qtbase ones, switched live.

Conventions for every user-visible string (pyside6-lupdate reads the source, so the form matters):
- ``QCoreApplication.translate("Context", "English text")`` with both arguments literal, or
  ``QT_TRANSLATE_NOOP("context", "…")`` (``_`` in ui/actions.py) for constant tables translated later;
- or a module-level one-argument wrapper written exactly as
  ``def _t(text: str) -> str: return QCoreApplication.translate("Context", text)`` (tools/update-translations
  spells its calls out for lupdate); never ``self.tr()`` or a bare ``tr("…")``: lupdate gives those no
  context and the translation is never found. No f-strings: use "%1" and .replace("%1", …).
After changing strings run tools/update-translations and translate the new entries in i18n/*.ts.

Installing a translator makes Qt post QEvent.LanguageChange to every widget; MainWindow.retranslate()
and the dialogs' changeEvent() re-set their texts, so the reading position is never touched.
Qt's qtbase catalogue translates the standard buttons (OK, Close, Yes, No…) and shortcut key names.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..core.script import Script, to_script

# Marks a text for lupdate and returns it unchanged. PySide6 declares its own as returning ``object``; this is
# the same function, typed for what it returns.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "zh_TW", "en")
# The language names are shown in their own language, so a reader can find theirs in any interface.
ENDONYMS = {"zh_CN": "简体中文", "zh_TW": "繁體中文", "en": "English"}
_TRADITIONAL_TERRITORIES = ("TW", "HK", "MO")


def system_language(ui_languages: list[str] | None = None) -> str:
    """The first of the system's preferred languages that we have: zh-Hant/TW/HK/MO → zh_TW, other
    Chinese → zh_CN, English → en; anything else → en."""
    for name in QLocale.system().uiLanguages() if ui_languages is None else ui_languages:
        parts = name.replace("_", "-").split("-")
        if parts[0].lower() == "zh":
            rest = [p.upper() for p in parts[1:]]
            return "zh_TW" if "HANT" in rest or any(t in rest for t in _TRADITIONAL_TERRITORIES) else "zh_CN"
        if parts[0].lower() == "en":
            return "en"
    return "en"


def resolve(setting: str) -> str:
    """The language to use for the `language` setting ("" follows the system)."""
    return setting if setting in LANGUAGES else system_language()


def pick(chinese: str, english: str) -> str:
    """Of a name given in both languages (e.g. a voice), the one for the interface in use; Traditional
    characters for a Traditional interface."""
    language = _state.language or "en"
    if language == "en":
        return english
    return to_script(chinese, Script.TRADITIONAL_TW) if language == "zh_TW" else chinese


def translations_dir() -> Path:
    """Where our .qm files are: a frozen bundle, an installed package, or the source checkout."""
    here = Path(__file__).resolve()
    candidates = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "i18n")
    candidates += [here.parent.parent / "i18n", here.parents[2] / "i18n"]
    for path in candidates:
        if any(path.glob("*.qm")):
            return path
    return candidates[-1]


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


@dataclass
class _State:
    language: str | None = None
    translators: list[QTranslator] = field(default_factory=list)
    missing_reported: set[str] = field(default_factory=set)


_state = _State()


def current_language() -> str | None:
    return _state.language


def apply_language(setting: str) -> str:
    """Install the translators for `setting` (idempotent) and return the language now in use.

    A missing catalogue is logged once and leaves the interface in English; it never stops the app."""
    language = resolve(setting)
    if language == _state.language:
        return language
    app = QCoreApplication.instance()
    for old in _state.translators:
        QCoreApplication.removeTranslator(old)
    _state.translators = []
    _state.language = language
    QLocale.setDefault(QLocale(language))
    if language == "en":  # the source strings are English; Qt's own are English too
        return language
    # Qt asks the last installed translator first: ours after qtbase, so ours wins where both translate.
    for directory, name in ((qt_translations_dir(), f"qtbase_{language}"), (translations_dir(), language)):
        translator = QTranslator(app)
        if translator.load(name, str(directory)):
            QCoreApplication.installTranslator(translator)
            _state.translators.append(translator)
        elif name not in _state.missing_reported:
            _state.missing_reported.add(name)
            log.warning("no translations %s.qm in %s (run tools/build-translations); using English", name, directory)
    return language


def reset() -> None:
    """Back to the untranslated (English) interface; for tests."""
    for old in _state.translators:
        QCoreApplication.removeTranslator(old)
    _state.translators = []
    _state.language = None
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
