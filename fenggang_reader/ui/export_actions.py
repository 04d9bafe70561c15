"""Wires File ▸ Export audiobook / Print / Save as PDF. The dialogs behind them (QtPrintSupport, mutagen,
the audio exporter) load when first used: importing them cost ~0.13 s of every start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lazy_feature import LazyFeature

if TYPE_CHECKING:
    from .export_dialogs import ExportFeature
    from .main_window import MainWindow


def install(window: MainWindow) -> None:
    def build() -> ExportFeature:
        from .export_dialogs import ExportFeature

        return ExportFeature(window)

    exports = LazyFeature(build)
    window.exports = exports
    a = window.actions_by_id
    a["export_audio"].triggered.connect(lambda: exports.open_audio_dialog())
    a["print"].triggered.connect(lambda: exports.open_print_preview())
    a["export_pdf"].triggered.connect(lambda: exports.open_pdf_dialog())
