"""CJK punctuation is drawn full-width from the CJK font whatever the interface language (issue 15 item 6)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from fenggang_reader.ui.line_export import laid_out_view, view_lines
from tests.support.shipped import shipped


@pytest.fixture
def default_locale():
    saved = QLocale()
    yield
    QLocale.setDefault(saved)


def test_lines_are_the_same_in_every_interface_language(qapp, default_locale):
    """HarfBuzz shapes with the interface's locale: in English Noto CJK drew —— and “” as short Latin marks."""
    from fenggang_reader.app import create_application

    create_application()
    report, annotator = shipped()
    laid_out = {}
    for language in ("zh_CN", "en"):
        QLocale.setDefault(QLocale(language))
        view = laid_out_view(report, annotator, size=28, width=900)
        laid_out[language] = [(line["text"], line["right"]) for line in view_lines(view)]
        dash = view.document().findBlockByNumber(report.index_of("occasion")).layout().lineAt(0)
        assert dash.cursorToX(2)[0] - dash.cursorToX(0)[0] >= 2 * view.body_font().pointSizeF() * view.logicalDpiY() / 72, language
    assert laid_out["en"] == laid_out["zh_CN"]
