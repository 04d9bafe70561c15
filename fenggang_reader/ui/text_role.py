"""A QTextBrowser that screen readers are told is read-only text, not a label.

Qt picks a widget's accessible interface by walking the class names of its meta-object chain, most
derived first, and taking the first one its widget factory knows (QAccessible::queryAccessibleInterface,
qaccessiblewidgetfactory.cpp). For a QTextBrowser that is "QTextBrowser", whose interface has the role
StaticText: AT-SPI "label", which Orca 43 announces as "Report text label", reads no line on focus and
treats as something one cannot read. A PySide6 class adds its own name to that chain, so a class
literally named ``QTextEdit`` between the view and QTextBrowser is found first and gets Qt's own
QAccessibleTextEdit: the role EditableText with the read-only state (Orca: "read only text"), the same
text interface (characters, words, lines, caret, selection) and every QTextBrowser behaviour (links,
Tab between them, anchors) untouched. The name is the whole trick: do not rename the class.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser


class QTextEdit(QTextBrowser):  # noqa: N801 - the Qt class name is what Qt's accessibility factory matches
    """QTextBrowser in behaviour; "read-only text" to screen readers (see the module)."""


ReadOnlyTextBrowser = QTextEdit  # the name the rest of the code uses
