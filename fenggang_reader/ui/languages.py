"""The Language menu: interface language, Simplified or Traditional characters, pinyin or Jyutping.

Each choice is a setting (`language`, `script`, `ruby`) and applies live without moving the reader:
- the interface language installs translators (ui/i18n); Qt then tells every widget to retranslate;
- the characters are swapped in place in the reader's document (ReaderView.set_display_transform), one
  for one, so the pinyin, computed from the Simplified text, stays exactly as correct;
- the ruby comes from another annotator (Jyutping, core/jyutping) over the same characters.
Find matches a query typed in either script (LanguageFeature.fold, core/script.Folder).

Jyutping goes with a Cantonese voice. When the speech settings have a `voice`, choosing Jyutping offers
to switch it to CANTONESE_VOICE (and back when pinyin is chosen again); without one nothing is offered.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QMessageBox

from ..core.jyutping import JyutpingAnnotator
from ..core.script import Converter, Folder, Script
from . import i18n
from .forms import message_box
from .reader_view import BODY_FAMILIES, HK_FAMILIES, TW_FAMILIES

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)

CANTONESE_VOICE = "zh-HK-HiuGaaiNeural"
MANDARIN_VOICE = "zh-CN-XiaoxiaoNeural"
VOICE_SETTING = "voice"  # declared by the speech feature; absent until it exists

LANGUAGE_ACTIONS = {"": "language_system", "zh_CN": "language_zh_CN", "zh_TW": "language_zh_TW", "en": "language_en"}
SCRIPT_ACTIONS = {"simplified": "script_simplified", "hk": "script_hk", "tw": "script_tw"}
RUBY_ACTIONS = {"pinyin": "ruby_pinyin", "jyutping": "ruby_jyutping"}


def script_name(value: str) -> str:
    names = {
        "simplified": QCoreApplication.translate("Languages", "Simplified characters"),
        "hk": QCoreApplication.translate("Languages", "Traditional characters (Hong Kong)"),
        "tw": QCoreApplication.translate("Languages", "Traditional characters (Taiwan)"),
    }
    return names[value]


def ruby_name(value: str) -> str:
    names = {
        "pinyin": QCoreApplication.translate("Languages", "Pinyin above the characters"),
        "jyutping": QCoreApplication.translate("Languages", "Jyutping (Cantonese) above the characters"),
    }
    return names[value]


class LanguageFeature(QObject):
    """Owns the three choices for one window; the settings are the single source of truth."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.setObjectName("languageFeature")
        self.window = window
        self.view = window.view
        self.settings = window.settings
        self._jyutping = JyutpingAnnotator()
        self._converters: dict[Script, Converter] = {s: Converter(s) for s in Script if s is not Script.SIMPLIFIED}
        self._contents_texts: dict[str, tuple[str, str]] = {}  # block id → Simplified (text, tooltip)
        self._previous_voice: str | None = None
        self.voice_box: QMessageBox | None = None
        self._folder: Folder | None = None  # built on the first find: OpenCC over the report takes ~0.1 s

        actions = window.actions_by_id
        self.groups: dict[str, QActionGroup] = {}
        for setting, ids in (("language", LANGUAGE_ACTIONS), ("script", SCRIPT_ACTIONS), ("ruby", RUBY_ACTIONS)):
            group = QActionGroup(self)
            group.setExclusive(True)
            for value, action_id in ids.items():
                action = actions[action_id]
                group.addAction(action)
                action.setChecked(self.settings[setting] == value)
                action.triggered.connect(lambda _checked=False, s=setting, v=value: self.choose(s, v))
            self.groups[setting] = group
        menu = window.menus["language"]
        for before in ("script_simplified", "ruby_pinyin"):
            menu.insertSeparator(actions[before])
        actions["cycle_script"].triggered.connect(self.cycle_script)
        actions["cycle_ruby"].triggered.connect(self.cycle_ruby)
        self.settings.subscribe(self._setting_changed)
        window.retranslated.connect(self._retranslate_qt_widgets)

        i18n.apply_language(self.settings["language"])  # normally done by app.py before the window
        if self.settings["script"] != "simplified":
            self.apply_script(self.settings["script"], quiet=True)
        if self.settings["ruby"] != "pinyin":
            self.apply_ruby(self.settings["ruby"], quiet=True)

    # -- choosing --------------------------------------------------------------------------------
    def choose(self, setting: str, value: str) -> None:
        self.settings.set(setting, value)

    def cycle_script(self) -> None:
        order = list(SCRIPT_ACTIONS)
        self.choose("script", order[(order.index(self.settings["script"]) + 1) % len(order)])

    def cycle_ruby(self) -> None:
        self.choose("ruby", "pinyin" if self.settings["ruby"] == "jyutping" else "jyutping")

    def _setting_changed(self, name: str, value: object) -> None:
        handlers = {"language": self.apply_language, "script": self.apply_script, "ruby": self.apply_ruby}
        if name in handlers:
            self._check(name, str(value))
            handlers[name](str(value))

    def _check(self, setting: str, value: str) -> None:
        ids = {"language": LANGUAGE_ACTIONS, "script": SCRIPT_ACTIONS, "ruby": RUBY_ACTIONS}[setting]
        action: QAction = self.window.actions_by_id[ids[value]]
        if not action.isChecked():
            action.setChecked(True)

    def _retranslate_qt_widgets(self) -> None:
        """Qt names the dock's title-bar buttons once, when it makes them: name them again."""
        names = {
            "qt_dockwidget_closebutton": (QCoreApplication.translate("QDockWidget", "Close"),
                                          QCoreApplication.translate("QDockWidget", "Closes the dock widget")),
            "qt_dockwidget_floatbutton": (
                QCoreApplication.translate("QDockWidget", "Float"),
                QCoreApplication.translate("QDockWidget", "Undocks and re-attaches the dock widget")),
        }
        for dock in self.window.findChildren(QDockWidget):
            for button in dock.findChildren(QAbstractButton):
                if button.objectName() in names:
                    name, description = names[button.objectName()]
                    button.setAccessibleName(name)
                    button.setAccessibleDescription(description)

    # -- applying --------------------------------------------------------------------------------
    def apply_language(self, value: str) -> None:
        language = i18n.apply_language(value)
        QCoreApplication.sendPostedEvents(None, 0)  # deliver LanguageChange now: texts are right at once
        self.window.events.emit("language.interface", language=language, setting=value)
        self.window.announce(QCoreApplication.translate("Languages", "Menus and messages: %1")
                             .replace("%1", i18n.ENDONYMS[language]))

    @property
    def folder(self) -> Folder:
        if self._folder is None:
            self._folder = Folder(block.text for block in self.window.report.blocks)
        return self._folder

    def fold(self, text: str) -> str:
        """Find's common form for Simplified and Traditional text (see core/script.Folder)."""
        return self.folder.fold(text)

    def apply_script(self, value: str, quiet: bool = False) -> None:
        script = Script(value)
        converter = self._converters.get(script)
        self.view.set_display_transform(converter.convert if converter else None)
        self.view.set_font_families({Script.TRADITIONAL_HK: HK_FAMILIES, Script.TRADITIONAL_TW: TW_FAMILIES}.get(script, BODY_FAMILIES))
        self._relabel_contents(converter)
        self.window.events.emit("language.script", script=value)
        if not quiet:
            self.window.announce(script_name(value))

    def apply_ruby(self, value: str, quiet: bool = False) -> None:
        self.view.set_ruby_annotator(self._jyutping if value == "jyutping" else None)
        self.window.events.emit("language.ruby", ruby=value)
        if not quiet:
            self.window.announce(ruby_name(value))
            self._offer_voice(value)

    def _relabel_contents(self, converter: Converter | None) -> None:
        """The contents panel lists headings from the report: show them in the same characters."""
        contents = self.window.contents
        for block in self.window.report.blocks:
            item = contents.item_for(block.id)
            if item is None:
                continue
            original = self._contents_texts.setdefault(block.id, (item.text(0), item.toolTip(0)))
            item.setText(0, converter.convert(original[0]) if converter else original[0])
            item.setToolTip(0, converter.convert(original[1]) if converter else original[1])

    # -- the Cantonese voice -----------------------------------------------------------------------
    def _offer_voice(self, ruby: str) -> None:
        """Jyutping pairs with a Cantonese voice: offer it (non-modal) when the speech settings allow."""
        if VOICE_SETTING not in self.settings.values:
            log.info("no %r setting yet: the Cantonese voice is not offered", VOICE_SETTING)
            return
        voice = str(self.settings[VOICE_SETTING])
        cantonese = voice.startswith("zh-HK")
        if (ruby == "jyutping") == cantonese:
            return
        if ruby == "jyutping":
            question = QCoreApplication.translate("Languages", "Also read aloud in Cantonese?")
            target = CANTONESE_VOICE
        else:
            question = QCoreApplication.translate("Languages", "Read aloud in Mandarin again?")
            target = self._previous_voice or MANDARIN_VOICE
        box = message_box(self.window, QMessageBox.Icon.Question, QCoreApplication.translate("Languages", "Voice"),
                          question, name="voiceOfferBox",
                          buttons=QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        yes = box.button(QMessageBox.StandardButton.Yes)
        def clicked(button) -> None:
            if button is yes:
                self._switch_voice(voice, target)

        box.buttonClicked.connect(clicked)
        box.finished.connect(lambda _result: setattr(self, "voice_box", None))
        self.voice_box = box
        box.open()

    def _switch_voice(self, previous: str, target: str) -> None:
        try:
            self.settings.set(VOICE_SETTING, target)
        except ValueError as exc:  # the speech feature does not know this voice
            log.warning("could not switch the voice to %s: %s", target, exc)
            return
        self._previous_voice = previous
        self.window.events.emit("language.voice", voice=target)

