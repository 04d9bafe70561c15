"""The lines the reader view lays out, as data: ``fenggang-reader export-lines`` and the typesetting tests.

A ReaderView that is never shown lays the report out at a size and a width, exactly as the window does
(the view's own document, fonts, spacing and line breaking), so a check of these lines is a check of what
a reader sees.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTextEdit

from ..core.line_breaks import MARKS, strip_marks
from ..core.model import Report
from ..core.pinyin import Annotator
from ..core.script import Converter, Script
from .reader_view import BODY_FAMILIES, HK_FAMILIES, TW_FAMILIES, ReaderView
from .text_geometry import cursor_x

SCRIPT_FAMILIES = {Script.SIMPLIFIED: BODY_FAMILIES, Script.TRADITIONAL_HK: HK_FAMILIES,
                   Script.TRADITIONAL_TW: TW_FAMILIES}


def laid_out_view(report: Report, annotator: Annotator, *, size: int, width: int,
                  script: Script = Script.SIMPLIFIED) -> ReaderView:
    """A view of the report at ``size`` points whose text area is ``width`` pixels wide (as a window's would be)."""
    view = ReaderView(report, annotator)
    if script is not Script.SIMPLIFIED:
        view.set_display_transform(Converter(script).convert)
    view.set_font_families(SCRIPT_FAMILIES[script])
    view.set_font_size(size)
    view.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
    view.setLineWrapColumnOrWidth(width)
    view.refresh_line_breaks()
    view.finish_justifying()
    view.ensure_laid_out()
    return view


def view_lines(view: ReaderView) -> list[dict[str, object]]:
    """Every line of every block: its characters (without trailing spaces), where they start and end (pixels
    from the text area's left edge, each character's spacing included) and whether it is the block's last."""
    doc = view.document()
    doc_layout = doc.documentLayout()
    out: list[dict[str, object]] = []
    for index, model in enumerate(view.report.blocks):
        block = doc.findBlockByNumber(index)
        x = doc_layout.blockBoundingRect(block).left()
        text = block.text()
        layout = block.layout()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            start = line.textStart()
            chars = _trimmed(text[start:start + line.textLength()])
            out.append({"block": model.id, "line": number, "text": strip_marks(chars),
                        "left": round(x + cursor_x(line, start), 2),
                        "right": round(x + cursor_x(line, start + len(chars)), 2),
                        "last": number == layout.lineCount() - 1})
    return out


def _trimmed(chars: str) -> str:
    """The line without trailing spaces and line-breaking marks (they take no room)."""
    while chars and (chars[-1].isspace() or chars[-1] in MARKS):
        chars = chars[:-1]
    return chars
