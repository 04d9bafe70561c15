"""Languages: every window and dialog in every interface language with nothing left untranslated, the
live switch keeping the reader's place, the Traditional view (text, pinyin, find) and Jyutping ruby."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QToolBar,
    QTreeWidget,
    QWidget,
)

from fenggang_reader import APP_ID, __version__
from fenggang_reader.core.line_breaks import strip_marks
from fenggang_reader.core.pinyin import pinyin_line
from fenggang_reader.core.reading_place import TextPlace
from fenggang_reader.core.resources import load_bundled_report
from fenggang_reader.core.script import Script, to_script
from fenggang_reader.ui import i18n
from fenggang_reader.ui.about import APP_LICENSE, COMPONENTS, component_version, show_about
from fenggang_reader.ui.actions import ACTIONS
from tests.support.shipped import shipped_excerpt

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("en", "zh_CN", "zh_TW")

# Widgets whose content is the report itself (Chinese in every interface language); their names,
# tooltips and accessible names are still checked.
REPORT_CONTENT = {"readerView", "contentsPanel", "lookInCombo"}  # and the file dialog's folder: the computer's names
# Chinese that belongs in an English interface: the town and the report's title, the app's Chinese
# name, the language names written in their own language, the Chinese half of "Language / 语言", and
# words given as examples of a reading (一定 yídìng, "注释一" as spoken).
ALLOWED_CHINESE = ("凤岗镇政府工作报告", "凤岗读报", "凤岗", "鳳崗", "简体中文", "繁體中文", "语言", "注释一", "一定", "一般")
# Latin that belongs in a Chinese interface: key names, brands, the language name "English".
KEY_WORDS = {"Ctrl", "Shift", "Alt", "Meta", "Esc", "Enter", "Return", "Tab", "Space", "Home", "End", "PgUp",
             "PgDown", "PgDn", "Up", "Down", "Left", "Right", "Del", "Ins", "Insert", "CapsLock", "Backspace", "Menu"}
# File formats: PDF, MP3, and the documents the reader opens (names and the file dialog's patterns).
ALLOWED_LATIN = KEY_WORDS | {"English", "Microsoft", "Edge", "PDF", "MP", "Word", "EPUB", "docx", "html", "htm",
                             "mhtml", "mht", "txt", "text", "epub", "pdf", "tsv"}
_PINYIN_MARKED = re.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@pytest.fixture(scope="module", autouse=True)
def built_translations():
    """The .qm files are build outputs: build them (quick, skipped when up to date)."""
    subprocess.run([sys.executable, str(ROOT / "tools" / "build-translations")], check=True, capture_output=True)


@pytest.fixture(autouse=True)
def english_afterwards(app):
    yield
    i18n.reset()
    QCoreApplication.sendPostedEvents(None, 0)


def switch(window, language: str) -> None:
    window.settings.set("language", language)
    QApplication.processEvents()


# -- collecting what a reader sees -----------------------------------------------------------------
# The focused view's description carries the last message to Orca (ui/announcer.py), e.g. "Menus and
# messages: English" after a live switch: a message, not a translated label. The window's description is the
# start greeting (ui/orientation.py), there until the first key press or the window is left.
MESSAGE_CHANNELS = {"readerView.accessibleDescription", "mainWindow.accessibleDescription"}


def widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    name = widget.objectName() or type(widget).__name__
    for prop in ("windowTitle", "toolTip", "statusTip", "whatsThis", "accessibleName", "accessibleDescription"):
        if f"{name}.{prop}" in MESSAGE_CHANNELS:
            continue
        yield f"{name}.{prop}", getattr(widget, prop)()
    if name in REPORT_CONTENT:
        return
    if isinstance(widget, QLabel | QAbstractButton):
        yield f"{name}.text", widget.text()
    if isinstance(widget, QLineEdit):
        yield f"{name}.placeholderText", widget.placeholderText()
    if isinstance(widget, QMenu):
        yield f"{name}.title", widget.title()
    if isinstance(widget, QGroupBox):
        yield f"{name}.title", widget.title()
    if isinstance(widget, QTextBrowser) or (isinstance(widget, QTextEdit) and widget.isReadOnly()):
        yield f"{name}.plainText", widget.toPlainText()
    if isinstance(widget, QComboBox):
        # The offline voices are named by the system (speech-dispatcher): proper names, not our text.
        system_names = widget.accessibleName() == QCoreApplication.translate("ReadAloud", "Offline voice")
        for i in range(1 if system_names else widget.count()):
            yield f"{name}.item{i}", widget.itemText(i)
    if isinstance(widget, QListWidget):
        for i in range(widget.count()):
            yield f"{name}.item{i}", widget.item(i).text()
    if isinstance(widget, QTreeWidget):
        for item in widget.findItems("*", _all_items_flag()):
            yield f"{name}.item", item.text(0)
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield f"{name}.tab{i}", widget.tabText(i)


def _all_items_flag():
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive


def action_texts(action: QAction) -> Iterator[tuple[str, str]]:
    name = action.objectName() or action.text()
    for prop in ("text", "iconText", "toolTip", "statusTip", "whatsThis"):
        yield f"{name}.{prop}", getattr(action, prop)()


def texts_of(root: QWidget) -> list[tuple[str, str]]:
    """Every text of a window or dialog and its children: widgets, menus, actions, tooltips, names."""
    out: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        out += widget_texts(widget)
    for obj in [root, *root.findChildren(QObject)]:
        if isinstance(obj, QAction):
            out += action_texts(obj)
    if isinstance(root, QDockWidget | QToolBar):
        out.append(("title", root.windowTitle()))
    return [(where, text) for where, text in out if text and text.strip()]


def _strip(text: str, allowed: tuple[str, ...]) -> str:
    for phrase in allowed:
        text = text.replace(phrase, " ")
    return text


@cache
def about_tokens() -> tuple[str, ...]:
    """Names, licences, links and versions in the About box: the same in every language (read once: looking up
    each package's version for every text checked was most of this module's time)."""
    tokens = {APP_ID, APP_LICENSE, __version__}
    for c in COMPONENTS:
        tokens |= {c.name, c.licence, c.url, component_version(c)}
    return tuple(sorted((t for t in tokens if t), key=len, reverse=True))


@cache
def report_text() -> str:
    """The report in every script: words quoted from it are content, not interface text."""
    text = "\n".join(b.text for b in load_bundled_report().blocks)
    return "\n".join([text, to_script(text, Script.TRADITIONAL_HK), to_script(text, Script.TRADITIONAL_TW)])


def offenders(texts: list[tuple[str, str]], language: str) -> list[tuple[str, str]]:
    """Texts in the wrong language: Chinese in English, English in Chinese. Words quoted from the report
    (a character being corrected, 一 and 不 in an example) are content and allowed in every language."""
    bad = []
    for where, text in texts:
        if language == "en":
            runs = re.findall(r"[\u3400-\u9fff\uf900-\ufaff]+", _strip(text, ALLOWED_CHINESE))
            if any(run not in report_text() for run in runs):
                bad.append((where, text))
            continue
        rest = _strip(text, about_tokens())
        rest = re.sub(r"\(&\w\)", "", rest)  # a mnemonic like 文件(&F)
        words = [w for w in re.findall(r"[A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{2,}", rest)
                 if w not in ALLOWED_LATIN and not _PINYIN_MARKED.search(w) and w not in report_text()]
        if words:
            bad.append((where, text))
    return bad


# -- every window and dialog ---------------------------------------------------------------------------
def open_dialogs(window) -> list[QWidget]:
    """Open every dialog the reader can reach and return the new top-level windows (left open)."""
    before = set(QApplication.topLevelWidgets())
    window.show_help()
    show_about(window)
    window.show_problems(["-"])  # the message itself comes from the settings file; the box is ours
    openers: list[Callable[[], None]] = []
    for spec in ACTIONS:
        # "…" ends the label of every action that opens a dialog; it must open without anything chosen.
        if spec.label.endswith("…") and spec.id != "find":
            openers.append(window.actions_by_id[spec.id].trigger)
    for opener in openers:
        opener()
        QApplication.processEvents()
    feature = window.language_feature
    feature.choose("ruby", "jyutping")  # offers the Cantonese voice
    QApplication.processEvents()
    window.find_bar.open_bar()
    return [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()]


def close_all(widgets: list[QWidget]) -> None:
    for w in widgets:
        w.close()
    QApplication.processEvents()


@pytest.mark.early
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_window_and_dialog_is_in_one_language(make_window, language):
    window = make_window(shipped_excerpt)  # the texts around the report are the same for a short cut of it
    switch(window, language)
    dialogs = open_dialogs(window)
    assert window.language_feature.voice_box is not None
    names = {d.objectName() for d in dialogs}
    assert {"helpDialog", "aboutDialog", "settingsProblemBox", "voiceOfferBox"} <= names, names
    bad = offenders(texts_of(window), language)
    for dialog in dialogs:
        texts = texts_of(dialog)
        if dialog.objectName() == "settingsProblemBox":
            texts = [(w, t) for w, t in texts if not w.startswith("qt_msgbox_label")]
        bad += [(f"{dialog.objectName()}/{w}", t) for w, t in offenders(texts, language)]
    close_all(dialogs)
    assert not bad, "\n".join(f"{where}: {text[:160]!r}" for where, text in bad)


def test_the_checks_can_fail():
    """The language checks themselves: English UI text in Chinese and Chinese UI text in English are caught."""
    assert offenders([("x", "Larger text")], "zh_CN")
    assert offenders([("x", "放大字体")], "en")
    assert not offenders([("x", "放大字体（Ctrl++）")], "zh_CN")
    assert not offenders([("x", "Find in 凤岗镇政府工作报告 (Ctrl+F)")], "en")
    assert not offenders([("x", "Correct the pinyin of 政府")], "en")  # quoted from the report
    assert offenders([("x", "晓晓（普通话，女声）")], "en")
    assert not offenders([("x", "文件(&F)"), ("y", "一 yī")], "zh_TW")


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW"])
def test_standard_buttons_come_from_qt_translations(make_window, language):
    window = make_window()
    switch(window, language)
    box = QMessageBox(QMessageBox.Icon.Question, "x", "y", QMessageBox.StandardButton.Yes
                      | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Close, window)
    labels = {box.button(b).text() for b in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No,
                                              QMessageBox.StandardButton.Close)}
    box.deleteLater()
    assert not any(re.search("[A-Za-z]{2,}", label) for label in labels), labels
    assert ("关闭" if language == "zh_CN" else "關閉") in labels


def test_a_live_switch_equals_a_fresh_start(make_window):
    """Nothing is left in the old language after a live switch, and nothing drifts between the two paths."""
    live = make_window()
    english = sorted(texts_of(live))
    switch(live, "zh_TW")
    switched = sorted(texts_of(live))
    live.settings.save()
    fresh = make_window()  # starts with the saved setting zh_TW
    assert i18n.current_language() == "zh_TW"
    assert switched == sorted(texts_of(fresh))
    switch(live, "en")
    assert sorted(texts_of(live)) == english


def test_system_language_is_followed():
    assert i18n.system_language(["zh-Hans-CN", "zh-CN"]) == "zh_CN"
    assert i18n.system_language(["zh-Hant-HK", "zh-HK"]) == "zh_TW"
    assert i18n.system_language(["zh-TW"]) == "zh_TW"
    assert i18n.system_language(["fr-FR", "zh-CN"]) == "zh_CN"
    assert i18n.system_language(["en-GB"]) == "en"
    assert i18n.system_language(["C"]) == "en"
    assert i18n.resolve("") == "en"  # tests run with LANGUAGE=en
    assert i18n.resolve("zh_TW") == "zh_TW"


def test_the_menu_offers_every_language(window):
    menu = window.menus["language"]
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert {"简体中文", "繁體中文", "English"} <= set(texts)
    window.actions_by_id["language_zh_CN"].trigger()
    QApplication.processEvents()
    assert window.settings["language"] == "zh_CN"
    assert window.actions_by_id["zoom_in"].text() == "放大字体"
    assert menu.title() == "语言(&L)"
    assert window.actions_by_id["language_zh_CN"].isChecked()
    window.actions_by_id["language_system"].trigger()
    QApplication.processEvents()
    assert window.actions_by_id["zoom_in"].text() == "Larger text"


# -- the reading position ------------------------------------------------------------------------------
def place(window) -> tuple[int, int]:
    """The current paragraph and the height of its first line (ruby included) in the window (whole pixels: the
    navigator scrolls to the pixel at or above a line top that may fall between two)."""
    view = window.view
    return view.current_index(), int(view.line_geometry.line(view.current_index(), 0).top - view.verticalScrollBar().value())


@pytest.mark.parametrize("setting,values", [
    ("language", ["zh_CN", "zh_TW", "en", ""]),
    ("script", ["hk", "tw", "simplified"]),
    ("ruby", ["jyutping", "pinyin"]),
])
def test_switching_keeps_the_reading_position(window, setting, values):
    index = window.report.index_of("y2024-p05")
    window.go_to_index(index)
    window.view.navigator.restore_place(TextPlace(index, 0), 200)
    QApplication.processEvents()
    before = place(window)
    assert before == (index, 200) and window.view.verticalScrollBar().value() > 0
    for value in values:
        window.settings.set(setting, value)
        QApplication.processEvents()
        assert place(window) == before, value
    assert window.settings["current_block"] == "y2024-p05"


# -- the Traditional view -------------------------------------------------------------------------------
def shown_block(window, block_id: str) -> str:
    return strip_marks(window.view.document().findBlockByNumber(window.report.index_of(block_id)).text())


def syllables_at(window, block_id: str, start: int, end: int) -> str:
    index = window.report.index_of(block_id)
    return " ".join(g.syllable for g in window.view.glyphs(index) if start <= g.offset < end)


def test_traditional_view_text_and_pinyin(window):
    speaker = window.report.get("speaker").text
    start = speaker.index("凤岗镇")
    simplified_rects = [r for _, r, _ in window.view.pinyin_rects(window.report.index_of("speaker"))]
    window.settings.set("script", "hk")
    assert shown_block(window, "speaker") == "鳳崗鎮人民政府鎮長　韓俊峯"
    assert syllables_at(window, "speaker", start, start + 3) == "fèng gǎng zhèn"
    assert [r for _, r, _ in window.view.pinyin_rects(window.report.index_of("speaker"))] == simplified_rects
    window.settings.set("script", "tw")
    assert shown_block(window, "speaker") == "鳳崗鎮人民政府鎮長　韓俊峰"
    occasion = window.report.get("occasion").text
    i = occasion.index("凤岗镇第十八届")
    assert shown_block(window, "occasion")[i:i + 7] == "鳳崗鎮第十八屆"
    assert syllables_at(window, "occasion", i, i + 7) == "fèng gǎng zhèn dì shí bā jiè"
    assert window.view.toPlainText().count("鳳崗") >= 10
    window.settings.set("script", "simplified")
    assert window.view.toPlainText() == "\n".join(b.text for b in window.report.blocks)


def test_traditional_view_keeps_glossary_links_and_every_block_length(window):
    def anchors() -> list[tuple[int, int, str]]:
        out = []
        block = window.view.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.charFormat().isAnchor():
                    href = fragment.charFormat().anchorHref()
                    if out and out[-1][2] == href and sum(out[-1][:2]) == fragment.position():  # one link, two
                        out[-1] = (out[-1][0], out[-1][1] + fragment.length(), href)  # spacings (justified lines)
                    else:
                        out.append((fragment.position(), fragment.length(), href))
                it += 1
            block = block.next()
        return out

    links = anchors()
    window.settings.set("script", "hk")
    assert anchors() == links
    for index, block in enumerate(window.report.blocks):
        assert len(strip_marks(window.view.document().findBlockByNumber(index).text())) == len(block.text)


def test_contents_panel_follows_the_script(window):
    item = window.contents.item_for("part-2025")
    heading = window.report.blocks[window.report.index_of("h1")]
    window.settings.set("script", "tw")
    assert item.text(0) == "2025年工作安排"
    assert "堅持" in window.contents.item_for(heading.id).text(0)
    window.settings.set("script", "simplified")
    assert window.contents.item_for(heading.id).text(0) == heading.text


@pytest.mark.parametrize("script", ["simplified", "hk", "tw"])
def test_find_works_in_both_scripts(window, script):
    window.settings.set("script", script)
    window.find_bar.open_bar()
    window.find_bar.field.setText("凤岗镇")
    simplified = list(window._matches)
    assert simplified
    window.find_bar.field.setText("鳳崗鎮")
    assert window._matches == simplified
    m = simplified[0]
    start, end = window.view.document_span(m.block_index, m.start, m.end)
    shown = strip_marks(window.view.document().toPlainText()[start:end])  # 凤⁠岗⁠镇 is a word: joined
    assert shown == ("凤岗镇" if script == "simplified" else "鳳崗鎮")
    assert window.find_bar.count.text()


# -- Jyutping --------------------------------------------------------------------------------------------
def test_jyutping_ruby_and_back(window):
    speaker = window.report.get("speaker").text
    start = speaker.index("凤岗")
    window.actions_by_id["ruby_jyutping"].trigger()
    QApplication.processEvents()
    assert syllables_at(window, "speaker", start, start + 2) == "fung6 gong1"
    assert window.view.annotator() is window.annotator  # speech and corrections keep the pinyin
    window.actions_by_id["cycle_ruby"].trigger()
    assert window.settings["ruby"] == "pinyin"
    assert pinyin_line(window.annotator.readings(speaker, "speaker")[start:start + 2]) == "fèng gǎng"
    assert syllables_at(window, "speaker", start, start + 2) == "fèng gǎng"
    box = window.language_feature.voice_box
    if box is not None:
        box.close()


def test_jyutping_offers_the_cantonese_voice_and_back(window):
    assert window.settings["voice"] == "zh-CN-XiaoxiaoNeural"
    feature = window.language_feature
    feature.choose("ruby", "jyutping")
    box = feature.voice_box
    assert box is not None and box.isVisible()
    box.button(QMessageBox.StandardButton.Yes).click()
    QApplication.processEvents()
    assert window.settings["voice"] == "zh-HK-HiuGaaiNeural"
    feature.choose("ruby", "pinyin")
    feature.voice_box.button(QMessageBox.StandardButton.Yes).click()
    QApplication.processEvents()
    assert window.settings["voice"] == "zh-CN-XiaoxiaoNeural"
    feature.choose("ruby", "jyutping")
    feature.voice_box.button(QMessageBox.StandardButton.No).click()
    QApplication.processEvents()
    assert window.settings["voice"] == "zh-CN-XiaoxiaoNeural"


def test_settings_restore_script_and_ruby_at_start(make_window):
    """Over a short cut of the report: the whole one converted and read in Jyutping twice proved nothing more."""
    first = make_window(shipped_excerpt)
    first.settings.set("script", "hk")
    first.settings.set("ruby", "jyutping")
    if first.language_feature.voice_box is not None:
        first.language_feature.voice_box.close()
    first.settings.save()
    second = make_window(shipped_excerpt)
    assert shown_block(second, "speaker").startswith("鳳崗鎮")
    assert second.actions_by_id["script_hk"].isChecked() and second.actions_by_id["ruby_jyutping"].isChecked()
    start = second.report.get("speaker").text.index("凤岗")
    assert syllables_at(second, "speaker", start, start + 2) == "fung6 gong1"
    assert second.language_feature.voice_box is None  # no question at start


# -- the translation files --------------------------------------------------------------------------------
def test_translations_are_current_and_complete():
    """i18n/*.ts match the source (pyside6-lupdate) and every entry is translated."""
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "update-translations"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_missing_catalogue_falls_back_to_english(monkeypatch, tmp_path, app, caplog):
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    monkeypatch.setattr(i18n, "qt_translations_dir", lambda: tmp_path)
    monkeypatch.setattr(i18n._state, "missing_reported", set())
    assert i18n.apply_language("zh_CN") == "zh_CN"
    assert QCoreApplication.translate("actions", "Larger text") == "Larger text"
    assert "no translations zh_CN.qm" in caplog.text
