"""Wires File ▸ Export audiobook / Print / Save as PDF. The dialogs behind them (QtPrintSupport, mutagen,
the audio exporter) load when first used: importing them cost ~0.13 s of every start."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .export_dialogs import ExportFeature
    from .main_window import MainWindow


class LazyExports:
    """Stands for ui/export_dialogs.ExportFeature (``window.exports``) and creates it on first use."""

    def __init__(self, window: MainWindow):
        self._window = window
        self._feature: ExportFeature | None = None

    def feature(self) -> ExportFeature:
        if self._feature is None:
            from .export_dialogs import ExportFeature

            self._feature = ExportFeature(self._window)
        return self._feature

    def __getattr__(self, name: str) -> Any:
        return getattr(self.feature(), name)


def install(window: MainWindow) -> None:
    exports = LazyExports(window)
    window.exports = exports
    a = window.actions_by_id
    a["export_audio"].triggered.connect(lambda: exports.open_audio_dialog())
    a["print"].triggered.connect(lambda: exports.open_print_preview())
    a["export_pdf"].triggered.connect(lambda: exports.open_pdf_dialog())
