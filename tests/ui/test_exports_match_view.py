"""Every export takes its pinyin from the reader's one annotator: what is exported is what the window shows."""

from __future__ import annotations

import json

from fenggang_reader.cli import main
from fenggang_reader.core.pinyin import Annotator, PinyinStyle
from fenggang_reader.core.settings import TONE_SANDHI


def _shown(window) -> dict[str, list[str | None]]:
    return {b.id: window.annotator.rendered(b.text, b.id, PinyinStyle.TONE_MARKS) for b in window.report.blocks}


def test_export_pinyin_has_the_spoken_tones_the_window_shows(window, capsys):
    window.settings.put(TONE_SANDHI, "spoken")
    assert window.settings.save()
    shown = _shown(window)
    citation = Annotator(window.annotator.record, window.annotator.user, "citation")
    changed = sum(a != b for block in window.report.blocks
                  for a, b in zip(shown[block.id], citation.rendered(block.text, block.id, PinyinStyle.TONE_MARKS),
                                  strict=True))
    assert changed > 50  # the setting matters for this report (一定 yídìng, 不断 búduàn …)

    assert main(["export-pinyin"]) == 0
    exported = {entry["id"]: entry["pinyin"] for entry in json.loads(capsys.readouterr().out)}
    assert exported == shown


def test_export_pdf_is_painted_from_the_windows_readings(window, tmp_path, monkeypatch):
    from fenggang_reader.ui import print_layout

    window.settings.put(TONE_SANDHI, "spoken")
    assert window.settings.save()
    used = []

    def spy(report, annotator, path, **options):
        used.append(annotator)
        return 1

    monkeypatch.setattr(print_layout, "export_pdf", spy)
    assert main(["export-pdf", "--out", str(tmp_path / "r.pdf")]) == 0
    [annotator] = used
    assert {b.id: annotator.rendered(b.text, b.id, PinyinStyle.TONE_MARKS) for b in window.report.blocks} \
        == _shown(window)


def test_print_is_set_in_the_characters_and_fonts_the_view_shows(qapp):
    """A print copy of the Hong Kong view: Traditional characters in the Hong Kong fonts (their glyph forms, and
    ，。 centred, so they never give up half a cell)."""
    from fenggang_reader.app import create_application
    from fenggang_reader.core.line_breaks import strip_marks
    from fenggang_reader.core.script import Converter, Script
    from fenggang_reader.ui.reader_view import HK_FAMILIES, ReaderView
    from tests.support.shipped import shipped

    create_application()
    report, annotator = shipped()
    shown = ReaderView(report, annotator)
    shown.set_display_transform(Converter(Script.TRADITIONAL_HK).convert)
    shown.set_font_families(HK_FAMILIES)
    printed = ReaderView(report, annotator, on_screen=False)
    shown.copy_reading_options_to(printed)
    assert printed.body_font().families() == HK_FAMILIES
    assert "政府工作報告" in strip_marks(printed.document().toPlainText())
