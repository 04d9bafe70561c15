"""Every user action in one place: id, label, shortcuts, menu, description.

The main window builds its QActions from this table, F1 help and the README's key table are
generated from it, and tests check that no two actions share a key. Labels and descriptions are
English source strings translated through QCoreApplication.translate("actions", …).

Keys avoid Insert and CapsLock chords (screen readers own them) and a bare Ctrl (it silences them).
In screen-reader mode (ui/screen_reader.py) single character keys (J, +, [ …) are left to the screen
reader too: ``screen_reader_shortcuts`` is that variant of each action's keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from .i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class ActionSpec:
    id: str
    label: str
    shortcuts: tuple[str, ...]
    menu: str  # "file", "view", "navigate", "speech", "help"
    description: str
    checkable: bool = False
    reader_keys: bool = False  # keys the text view would otherwise keep for its caret


_ = QT_TRANSLATE_NOOP
ACTIONS: tuple[ActionSpec, ...] = (
    # Navigation
    ActionSpec("next_paragraph", _("actions", "Next paragraph"), ("Down", "J"), "navigate",
               _("actions", "Show the next screen of a paragraph taller than the window; "
                            "otherwise move to the next paragraph."), reader_keys=True),
    ActionSpec("previous_paragraph", _("actions", "Previous paragraph"), ("Up", "K"), "navigate",
               _("actions", "Show the previous screen of a paragraph that starts above the window; "
                            "otherwise move to the previous paragraph."), reader_keys=True),
    ActionSpec("next_heading", _("actions", "Next heading"), ("Ctrl+Down", "H"), "navigate",
               _("actions", "Jump to the next heading."), reader_keys=True),
    ActionSpec("previous_heading", _("actions", "Previous heading"), ("Ctrl+Up", "Shift+H"), "navigate",
               _("actions", "Jump to the previous heading."), reader_keys=True),
    ActionSpec("go_start", _("actions", "Go to the start"), ("Ctrl+Home", "Home"), "navigate",
               _("actions", "Jump to the title at the start of the document."), reader_keys=True),
    ActionSpec("go_end", _("actions", "Go to the end"), ("Ctrl+End", "End"), "navigate",
               _("actions", "Jump to the last note at the end of the document."), reader_keys=True),
    ActionSpec("page_down", _("actions", "Page down"), ("PgDown",), "navigate",
               _("actions", "Show the next screenful of text; its last line stays on screen as the first."), reader_keys=True),
    ActionSpec("page_up", _("actions", "Page up"), ("PgUp",), "navigate",
               _("actions", "Show the previous screenful of text; its first line stays on screen as the last."), reader_keys=True),
    ActionSpec("switch_panel", _("actions", "Contents / text"), ("F6",), "navigate",
               _("actions", "Move between the contents panel and the text.")),
    ActionSpec("find", _("actions", "Find…"), ("Ctrl+F",), "navigate",
               _("actions", "Search the document for a word.")),
    ActionSpec("find_next", _("actions", "Find next"), ("F3",), "navigate",
               _("actions", "Go to the next match of the search.")),
    ActionSpec("find_previous", _("actions", "Find previous"), ("Shift+F3",), "navigate",
               _("actions", "Go to the previous match of the search.")),
    # Glossary (ui/glossary.py). Terms are links: Tab / Shift+Tab move between them, Enter (or a click,
    # or resting the mouse on one) opens the note, Esc closes it. Space is left to play/pause.
    ActionSpec("show_note", _("actions", "Show the note"), ("N",), "navigate",
               _("actions", "Open the note explaining the term in focus (Tab moves between terms; Enter on a term "
                            "also opens it; Esc closes it)."), reader_keys=True),
    ActionSpec("next_term_use", _("actions", "Next place the term is used"), ("Alt+Right",), "navigate",
               _("actions", "From a note or a term, go to the next place where the term is used.")),
    ActionSpec("previous_term_use", _("actions", "Previous place the term is used"), ("Alt+Shift+Right",),
               "navigate", _("actions", "From a note or a term, go to the previous place where the term is used.")),
    ActionSpec("glossary_back", _("actions", "Back"), ("Alt+Left",), "navigate",
               _("actions", "Go back to where you were before going to a place where a term is used.")),
    ActionSpec("read_note", _("actions", "Read the note aloud"), ("Shift+N",), "speech",
               _("actions", "Read aloud the note for the term in focus (R in the note window)."), reader_keys=True),
    # View
    ActionSpec("zoom_in", _("actions", "Larger text"), ("Ctrl+=", "Ctrl++", "+"), "view",
               _("actions", "Make the characters and the pinyin larger.")),
    ActionSpec("zoom_out", _("actions", "Smaller text"), ("Ctrl+-", "-"), "view",
               _("actions", "Make the characters and the pinyin smaller.")),
    ActionSpec("zoom_reset", _("actions", "Normal text size"), ("Ctrl+0",), "view",
               _("actions", "Return to the normal text size.")),
    ActionSpec("toggle_pinyin", _("actions", "Show pinyin"), ("Ctrl+Shift+P",), "view",
               _("actions", "Show or hide the pinyin above the characters."), checkable=True),
    ActionSpec("cycle_pinyin_style", _("actions", "Pinyin style: marks / numbers / zhuyin"), ("Ctrl+Shift+Y",),
               "view", _("actions", "Switch between tone marks, tone numbers and zhuyin.")),
    # Pinyin corrections and 一/不 tones (ui/pronunciation_dialog.py, in View ▸ Pinyin).
    ActionSpec("correct_pinyin", _("actions", "Correct the pinyin…"), ("F2",), "view",
               _("actions", "Choose the right reading of the selected character or word (or the one at the cursor); "
                            "the pinyin and the voice both use it.")),
    ActionSpec("reset_all_corrections", _("actions", "Reset all my pinyin corrections…"), (), "view",
               _("actions", "Forget every reading you chose yourself and show the usual pinyin again.")),
    ActionSpec("sandhi_citation", _("actions", "Dictionary tones (一 yī, 不 bù)"), (), "view",
               _("actions", "Show 一 and 不 with the tones the dictionary writes (一定 yīdìng, 不断 bùduàn)."),
               checkable=True),
    ActionSpec("sandhi_spoken", _("actions", "Spoken tones (一 yí/yì, 不 bú)"), (), "view",
               _("actions", "Show 一 and 不 with the tones they are said with (一定 yídìng, 一般 yìbān, 不断 búduàn)."),
               checkable=True),
    # Interface size (ui/interface_size.py): menus, toolbar, panels and dialogs grow with the text by default.
    ActionSpec("interface_larger", _("actions", "Larger menus and buttons"), (), "view",
               _("actions", "Make the menus, buttons, panels and messages larger, whatever the text size.")),
    ActionSpec("interface_smaller", _("actions", "Smaller menus and buttons"), (), "view",
               _("actions", "Make the menus, buttons, panels and messages smaller, whatever the text size.")),
    ActionSpec("interface_follow", _("actions", "Menus and buttons follow the text size"), (), "view",
               _("actions", "Let the menus, buttons, panels and messages grow and shrink with the text."),
               checkable=True),
    ActionSpec("cycle_theme", _("actions", "Next colour theme"), ("Ctrl+Shift+T",), "view",
               _("actions", "Switch to the next colour theme (light, dark, high contrast).")),
    ActionSpec("spacing", _("actions", "Text spacing…"), ("Ctrl+Shift+L",), "view",
               _("actions", "Change the space between lines, characters and paragraphs.")),
    ActionSpec("cycle_focus_mode", _("actions", "Focus mode: paragraph / line / off"), ("Ctrl+Shift+D",), "view",
               _("actions", "Dim everything but the current paragraph or line.")),
    ActionSpec("large_toolbar", _("actions", "Large buttons"), ("Ctrl+Shift+B",), "view",
               _("actions", "Make the toolbar buttons extra large."), checkable=True),
    ActionSpec("simple_mode", _("actions", "Simple mode"), ("Ctrl+Shift+E",), "view",
               _("actions", "Only five very large buttons: Read, Bigger, Smaller, Previous, Next."), checkable=True),
    ActionSpec("toggle_contents", _("actions", "Show contents panel"), ("Ctrl+Shift+C",), "view",
               _("actions", "Show or hide the list of parts, headings and notes."), checkable=True),
    ActionSpec("full_screen", _("actions", "Full screen"), ("F11",), "view",
               _("actions", "Use the whole screen for the text."), checkable=True),
    # Screen readers (ui/screen_reader.py): on by itself while one runs.
    ActionSpec("screen_reader_mode", _("actions", "Screen-reader mode"), ("Ctrl+Shift+M",), "view",
               _("actions", "Leave single-letter and keypad keys to the screen reader and let it hear every key "
                            "press (on by itself while a screen reader runs)."), checkable=True),
    ActionSpec("screen_reader_letter_keys", _("actions", "Single-letter keys in screen-reader mode"), (), "view",
               _("actions", "Keep J, K, H, N, S, +, - and the other single keys in screen-reader mode."),
               checkable=True),
    # Speech (ui/read_aloud.py). Space works while the text has focus; Down/Up move reading to another paragraph.
    ActionSpec("speech_play_pause", _("actions", "Read"), ("Space",), "speech",
               _("actions", "Read the current paragraph aloud; press again to pause or resume."), reader_keys=True),
    ActionSpec("speech_stop", _("actions", "Stop"), ("S",), "speech",
               _("actions", "Stop reading aloud."), reader_keys=True),
    ActionSpec("speech_next_sentence", _("actions", "Next sentence"), ("Ctrl+Shift+Right", "."), "speech",
               _("actions", "While reading aloud, skip to the next sentence."), reader_keys=True),
    ActionSpec("speech_previous_sentence", _("actions", "Previous sentence"), ("Ctrl+Shift+Left", ","), "speech",
               _("actions", "While reading aloud, go back to the previous sentence."), reader_keys=True),
    ActionSpec("speech_continuous", _("actions", "Keep reading to the end"), ("Ctrl+Shift+R",), "speech",
               _("actions", "Go on to the next paragraphs after this one, with the text following the voice."),
               checkable=True),
    ActionSpec("speech_faster", _("actions", "Read faster"), ("]",), "speech",
               _("actions", "Make the voice faster (up to 2×)."), reader_keys=True),
    ActionSpec("speech_slower", _("actions", "Read slower"), ("[",), "speech",
               _("actions", "Make the voice slower (down to 0.5×)."), reader_keys=True),
    ActionSpec("speech_voice", _("actions", "Voice and speed…"), ("Ctrl+Shift+O",), "speech",
               _("actions", "Choose the voice, speed, pitch and volume, and whether online voices may be used.")),
    # Language (ui/languages.py): interface language, characters, and the romanisation above them.
    ActionSpec("language_system", _("actions", "Follow the system language"), (), "language",
               _("actions", "Show the menus and messages in the language of this computer."), checkable=True),
    ActionSpec("language_zh_CN", _("actions", "简体中文"), (), "language",
               _("actions", "Show the menus and messages in Simplified Chinese."), checkable=True),
    ActionSpec("language_zh_TW", _("actions", "繁體中文"), (), "language",
               _("actions", "Show the menus and messages in Traditional Chinese."), checkable=True),
    ActionSpec("language_en", _("actions", "English"), (), "language",
               _("actions", "Show the menus and messages in English."), checkable=True),
    ActionSpec("script_simplified", _("actions", "Simplified characters"), (), "language",
               _("actions", "Show the document in Simplified characters."), checkable=True),
    ActionSpec("script_hk", _("actions", "Traditional characters (Hong Kong)"), (), "language",
               _("actions", "Show the document in Traditional characters, Hong Kong style. The pinyin stays the same."),
               checkable=True),
    ActionSpec("script_tw", _("actions", "Traditional characters (Taiwan)"), (), "language",
               _("actions", "Show the document in Traditional characters, Taiwan style. The pinyin stays the same."),
               checkable=True),
    ActionSpec("cycle_script", _("actions", "Next character set"), ("Ctrl+Shift+F",), "language",
               _("actions", "Switch between Simplified and Traditional characters (Hong Kong, Taiwan).")),
    ActionSpec("ruby_pinyin", _("actions", "Pinyin (Mandarin)"), (), "language",
               _("actions", "Show Mandarin pinyin above the characters."), checkable=True),
    ActionSpec("ruby_jyutping", _("actions", "Jyutping (Cantonese)"), (), "language",
               _("actions", "Show Cantonese Jyutping above the characters."), checkable=True),
    ActionSpec("cycle_ruby", _("actions", "Pinyin / Jyutping"), ("Ctrl+Shift+J",), "language",
               _("actions", "Switch between Mandarin pinyin and Cantonese Jyutping above the characters.")),
    # File (ui/document_opening.py): another document in the window; the recent documents are a submenu.
    ActionSpec("open_document", _("actions", "Open…"), ("Ctrl+O",), "file",
               _("actions", "Open a document to read: a text file, a saved web page, a Word file (.docx), an EPUB "
                            "book or a PDF with text. You can also drop a file on the window.")),
    ActionSpec("paste_document", _("actions", "Paste as a new document"), ("Ctrl+Shift+V",), "file",
               _("actions", "Read the text or web page you copied as a document of its own, with pinyin.")),
    ActionSpec("open_builtin", _("actions", "The built-in report"), (), "file",
               _("actions", "Open the 2025 Fenggang town government work report that comes with the reader.")),
    # File (ui/export_dialogs.py): take the report away as sound or on paper.
    ActionSpec("export_audio", _("actions", "Export audiobook…"), ("Ctrl+Shift+A",), "file",
               _("actions", "Save the document as MP3 files for a phone or a player: one file with chapters, and one "
                            "file per paragraph.")),
    ActionSpec("print", _("actions", "Print…"), ("Ctrl+P",), "file",
               _("actions", "Print the document in large print with pinyin, after a preview.")),
    ActionSpec("export_pdf", _("actions", "Save as large-print PDF…"), ("Ctrl+Shift+S",), "file",
               _("actions", "Save the document as a PDF in large print with pinyin, the headings as bookmarks and "
                            "the notes linked.")),
    ActionSpec("quit", _("actions", "Quit"), ("Ctrl+Q",), "file",
               _("actions", "Close the reader; your place is remembered.")),
    # Help
    ActionSpec("help", _("actions", "Keys and help"), ("F1",), "help",
               _("actions", "Show every key and how to use the reader.")),
    ActionSpec("where_am_i", _("actions", "Where am I?"), ("Ctrl+I",), "help",
               _("actions", "Say which part and paragraph you are reading.")),
)

MENUS: tuple[tuple[str, str], ...] = (
    ("file", _("menus", "&File")),
    ("navigate", _("menus", "&Go")),
    ("view", _("menus", "&View")),
    ("language", _("menus", "&Language / 语言")),
    ("speech", _("menus", "&Speech")),
    ("help", _("menus", "&Help")),
)


def spec(action_id: str) -> ActionSpec:
    return next(a for a in ACTIONS if a.id == action_id)


def tr(context: str, text: str) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP (lupdate reads the marks, not these calls)."""
    return QCoreApplication.translate(context, text)


def plain_title(title: str) -> str:
    """A menu title without its mnemonic: "&File" → "File", "文件(&F)" → "文件"."""
    return re.sub(r"\s*\(&\w\)|&", "", title)


def key_text(shortcut: str, native: bool = True) -> str:
    fmt = QKeySequence.SequenceFormat.NativeText if native else QKeySequence.SequenceFormat.PortableText
    return QKeySequence(shortcut).toString(fmt)


def build_actions(parent: QObject, specs: tuple[ActionSpec, ...] = ACTIONS) -> dict[str, QAction]:
    """QActions for every spec: translated label, all shortcuts, status tip, accessible description."""
    actions: dict[str, QAction] = {}
    for s in specs:
        action = QAction(parent)
        action.setObjectName(f"action_{s.id}")
        action.setShortcuts([QKeySequence(k) for k in s.shortcuts])
        # Reader keys (arrows, Home, End…) only act in the text, so lists and fields keep their own.
        action.setShortcutContext(
            Qt.ShortcutContext.WidgetShortcut if s.reader_keys else Qt.ShortcutContext.WindowShortcut
        )
        retranslate_action(action, s)
        action.setCheckable(s.checkable)
        action.setData(s.id)
        actions[s.id] = action
    return actions


def is_single_key(shortcut: str) -> bool:
    """A key that types a character when pressed alone (J, Shift+H, +, [): screen readers' own keys."""
    combo = QKeySequence(shortcut)[0]  # type: ignore[index]  # PySide6 6.11 stubs lack __getitem__
    mods = combo.keyboardModifiers() & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier
    key = combo.key().value
    return mods == Qt.KeyboardModifier.NoModifier and Qt.Key.Key_Space.value < key < Qt.Key.Key_Escape.value


def screen_reader_shortcuts(s: ActionSpec, letter_keys: bool = False) -> tuple[str, ...]:
    """The action's keys in screen-reader mode: without single character keys unless the reader asks."""
    return s.shortcuts if letter_keys else tuple(k for k in s.shortcuts if not is_single_key(k))


def retranslate_action(action: QAction, s: ActionSpec) -> None:
    """Label, tooltip and status tip in the current interface language (the action's own keys, native form)."""
    label = QCoreApplication.translate("actions", s.label)
    keys = ", ".join(seq.toString(QKeySequence.SequenceFormat.NativeText) for seq in action.shortcuts())
    description = QCoreApplication.translate("actions", s.description)
    action.setText(label)
    action.setStatusTip(f"{description} ({keys})" if keys else description)
    action.setToolTip(f"{label} ({keys})" if keys else label)


def help_rows(specs: tuple[ActionSpec, ...] = ACTIONS, native: bool = True,
              screen_reader: bool = False) -> list[tuple[str, str, str]]:
    """(menu title, keys, what it does) for every action, in menu order; used by F1 and the README."""
    rows = []
    for menu_id, menu_title in MENUS:
        for s in specs:
            if s.menu == menu_id:
                shortcuts = screen_reader_shortcuts(s) if screen_reader else s.shortcuts
                keys = " / ".join(key_text(k, native) for k in shortcuts)
                menu = plain_title(QCoreApplication.translate("menus", menu_title))
                rows.append((menu, keys, QCoreApplication.translate("actions", s.description)))
    return rows


def markdown_key_table(specs: tuple[ActionSpec, ...] = ACTIONS) -> str:
    """The README's key table (English), generated so it can never drift from the real keys."""
    lines = ["| Menu | Keys | What it does |", "| --- | --- | --- |"]
    for menu, keys, what in help_rows(specs, native=False):
        escaped = keys.replace("|", "\\|")
        lines.append(f"| {menu} | {escaped} | {what} |")
    return "\n".join(lines) + "\n\n" + screen_reader_keys_note(specs, native=False)


def screen_reader_single_keys(specs: tuple[ActionSpec, ...] = ACTIONS, native: bool = True) -> list[str]:
    """The single keys that screen-reader mode leaves to the screen reader, in registry order."""
    return [key_text(k, native) for s in specs for k in s.shortcuts if is_single_key(k)]


def screen_reader_keys_note(specs: tuple[ActionSpec, ...] = ACTIONS, native: bool = True) -> str:
    """What changes in screen-reader mode, for F1 and the README (generated, so it cannot drift)."""
    text = QCoreApplication.translate(
        "actions", "Screen-reader mode (on by itself while a screen reader runs; %1 switches it) leaves these "
                   "single keys to the screen reader: %2. Every other key stays, and the screen reader hears each "
                   "press, so it stops speaking when you move. Keypad keys and Insert or CapsLock chords always "
                   "belong to the screen reader.")
    mode_keys = " / ".join(key_text(k, native) for k in spec("screen_reader_mode").shortcuts)
    return text.replace("%1", mode_keys).replace("%2", " ".join(screen_reader_single_keys(specs, native)))
