"""F1: a large-print page of every key (generated from the actions registry) and how to use the app."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from .actions import help_rows


def help_html() -> str:
    intro = QCoreApplication.translate(
        "HelpDialog",
        "Fenggang Reader shows the 2025 government work report of Fenggang town with pinyin above every "
        "character. Press + or - to change the size. Press Down and Up to move from paragraph to paragraph. "
        "Press F6 to move to the list of contents. Your place and your settings are remembered."
    )
    rows = "".join(
        f"<tr><td>{html.escape(menu)}</td><td><b>{html.escape(keys)}</b></td><td>{html.escape(what)}</td></tr>"
        for menu, keys, what in help_rows()
    )
    title = html.escape(QCoreApplication.translate("HelpDialog", "How to use Fenggang Reader"))
    keys = html.escape(QCoreApplication.translate("HelpDialog", "Keys"))
    menu = html.escape(QCoreApplication.translate("HelpDialog", "Menu"))
    what = html.escape(QCoreApplication.translate("HelpDialog", "What it does"))
    return (
        # h3/h4: at 24–48 pt an h1 (twice the size) would fill the window with the title alone.
        f"<h3>{title}</h3><p>{html.escape(intro)}</p><h4>{keys}</h4>"
        f"<table cellpadding='8' border='1' style='border-collapse: collapse'>"
        f"<tr><th>{menu}</th><th>{keys}</th><th>{what}</th></tr>{rows}</table>"
    )


def large_print_page(dialog: QDialog, object_name: str, points: int) -> tuple[QTextBrowser, QDialogButtonBox, QFont]:
    """The body of the help and About dialogs: read-only large-print text and a Close button below it."""
    layout = QVBoxLayout(dialog)
    browser = QTextBrowser(dialog)
    browser.setObjectName(object_name)
    font = QFont(browser.font())
    font.setPointSize(points)
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

    def __init__(self, font_pt: int, parent: QWidget | None = None, speak: Callable[[str], object] | None = None):
        super().__init__(parent)
        self.speak = speak
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
        self.browser.setHtml(help_html())
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
