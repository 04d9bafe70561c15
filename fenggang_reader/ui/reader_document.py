"""Edits of the reader's document that keep every position: new character advances, other characters.

Positions must not move (highlights, glossary links, the reading place and the speech offsets all count
characters), so these change formats and characters in place, run by run.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextBlock, QTextCharFormat, QTextCursor, QTextDocument


def respace_wide_runs(doc: QTextDocument, old: float, new: float) -> None:
    """Give every wide run (letter spacing `old`) the new advance; Latin runs keep 100 %."""
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid() and abs(fragment.charFormat().fontLetterSpacing() - old) < 0.01:
                fmt = QTextCharFormat()
                fmt.setFontLetterSpacingType(QFont.SpacingType.PercentageSpacing)
                fmt.setFontLetterSpacing(new)
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)
            it += 1
        block = block.next()
    cursor.endEditBlock()


def replace_differences(cursor: QTextCursor, block: QTextBlock, shown: str, wanted: str) -> None:
    """Replace each run of differing characters, fragment by fragment so every run keeps its format."""
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        start = fragment.position() - block.position()
        end = start + fragment.length()
        i = start
        while i < end:
            if shown[i] == wanted[i]:
                i += 1
                continue
            j = i
            while j < end and shown[j] != wanted[j]:
                j += 1
            cursor.setPosition(block.position() + i)
            cursor.setPosition(block.position() + j, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(wanted[i:j], fragment.charFormat())
            i = j
        it += 1
