"""F1: a large-print page of every key (generated from the actions registry) and how to use the app."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from .actions import help_rows, screen_reader_keys_note
from .text_role import ReadOnlyTextBrowser


def help_html(screen_reader: bool = False) -> str:
    """The help page; the keys as they are in the current mode (screen-reader mode leaves single keys out).

    One paragraph per key, under a heading per menu (not a table): a screen reader reads a table cell by
    cell, column after column, and a paragraph as "keys: what it does", row by row."""
    intro = QCoreApplication.translate(
        "HelpDialog",
        "Fenggang Reader shows the 2025 government work report of Fenggang town with pinyin above every "
        "character. Press + or - to change the size. Press Down and Up to move from paragraph to paragraph. "
        "Press F6 to move to the list of contents. Your place and your settings are remembered."
    )
    colon = html.escape(_t(": "))
    menu_only = html.escape(_t("(menu only)"))
    parts = []
    current_menu = None
    for menu, keys, what in help_rows(screen_reader=screen_reader):
        if menu != current_menu:
            parts.append(f"<h4>{html.escape(menu)}</h4>")
            current_menu = menu
        if keys:
            parts.append(f"<p><b>{html.escape(keys)}</b>{colon}{html.escape(what)}</p>")
        else:
            parts.append(f"<p>{html.escape(what)} {menu_only}</p>")
    title = html.escape(QCoreApplication.translate("HelpDialog", "How to use Fenggang Reader"))
    keys_title = html.escape(QCoreApplication.translate("HelpDialog", "Keys"))
    note = html.escape(screen_reader_keys_note())
    # h3/h4: at 24–48 pt an h1 (twice the size) would fill the window with the title alone.
    return f"<h3>{title}</h3><p>{html.escape(intro)}</p><h3>{keys_title}</h3><p>{note}</p>{''.join(parts)}"


def _t(text: str) -> str:
    return QCoreApplication.translate("HelpDialog", text)


def large_print_page(dialog: QDialog, object_name: str, points: int) -> tuple[QTextBrowser, QDialogButtonBox, QFont]:
    """The body of the help and About dialogs: read-only large-print text and a Close button below it.

    Read-only text to a screen reader, not a label (ui/text_role.py): Orca reads its line on focus."""
    layout = QVBoxLayout(dialog)
    browser = ReadOnlyTextBrowser(dialog)
    browser.setObjectName(object_name)
    font = QFont(browser.font())
    font.setPointSizeF(max(float(points), font.pointSizeF()))  # never below the interface size (the app font)
    browser.setFont(font)
    browser.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    layout.addWidget(browser)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    buttons.button(QDialogButtonBox.StandardButton.Close).setFont(font)
    layout.addWidget(buttons)
    return browser, buttons, font


class HelpDialog(QDialog):
    """Large print: at least 24 pt, or the reader's size when that is larger (up to 48 pt).

    "Read aloud" says the whole page with ``speak`` (the window gives read aloud's ``say``)."""

    def __init__(self, font_pt: int, parent: QWidget | None = None, speak: Callable[[str], object] | None = None,
                 screen_reader: bool = False):
        super().__init__(parent)
        self.speak = speak
        self.screen_reader = screen_reader  # show the keys of screen-reader mode
        self.setObjectName("helpDialog")
        self.resize(1000, 760)
        self.browser, buttons, font = large_print_page(self, "helpText", max(24, min(48, font_pt)))
        self.read_button = buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.read_button.setObjectName("helpReadAloud")
        self.read_button.setFont(font)
        self.read_button.setShortcut(QKeySequence("Ctrl+R"))
        self.read_button.clicked.connect(self.read_aloud)
        self.read_button.setVisible(self.speak is not None)
        self.retranslate()
        self.browser.setFocus()

    def retranslate(self) -> None:
        """Texts in the current interface language (at start and on a language change)."""
        self.setWindowTitle(QCoreApplication.translate("HelpDialog", "Keys and help"))
        self.setAccessibleName(QCoreApplication.translate("HelpDialog", "Keys and help"))
        self.browser.setAccessibleName(QCoreApplication.translate("HelpDialog", "Help text"))
        self.browser.setHtml(help_html(self.screen_reader))
        self.read_button.setText(QCoreApplication.translate("HelpDialog", "Read aloud"))
        self.read_button.setAccessibleDescription(
            QCoreApplication.translate("HelpDialog", "Say this page with the reader's voice (Ctrl+R)."))

    def read_aloud(self) -> None:
        if self.speak is not None:
            self.speak(self.browser.toPlainText())

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
