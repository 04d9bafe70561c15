"""File ▸ Export audiobook / Print / Save as PDF. The dialogs behind them (QtPrintSupport, mutagen,
the audio exporter) load when first used: importing them cost ~0.13 s of every start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lazy_feature import LazyFeature

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from .export_dialogs import AudioExportDialog, ExportFeature, PdfExportDialog
    from .main_window import MainWindow


class LazyExports(LazyFeature["ExportFeature"]):
    """Stands for ui/export_dialogs.ExportFeature (``window.exports``); wires its three actions at start."""

    def __init__(self, window: MainWindow):
        def build() -> ExportFeature:
            from .export_dialogs import ExportFeature

            return ExportFeature(window)

        super().__init__(build)
        a = window.actions_by_id
        a["export_audio"].triggered.connect(self.open_audio_dialog)
        a["print"].triggered.connect(self.open_print_preview)
        a["export_pdf"].triggered.connect(self.open_pdf_dialog)

    def open_audio_dialog(self) -> AudioExportDialog:
        return self.feature().open_audio_dialog()

    def open_print_preview(self) -> QPrintPreviewDialog:
        return self.feature().open_print_preview()

    def open_pdf_dialog(self) -> PdfExportDialog:
        return self.feature().open_pdf_dialog()
