"""Take the report away from the window: File ▸ Export audiobook…, Print… (Ctrl+P), Save as large-print PDF….

The audiobook runs export.audio.AudioExporter on a worker thread; its progress comes back through
queued signals, so the window keeps answering while Edge or espeak-ng speak every paragraph. Printing
and the PDF are in ui/print_dialogs.py; this module wires all three actions (``window.exports``).

Nothing is left half-made: a cancelled or failed export writes nothing (the exporters stage their
files), and the dialogs keep what the reader chose so another folder or file can be tried at once.
"""

from __future__ import annotations

import bisect
import logging
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStandardPaths, Qt, Signal
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from ..core.consent import online_voices_for
from ..export.audio import (
    AudioExporter,
    AudioExportOptions,
    AudioExportResult,
    ExportCancelled,
    ExportError,
    part_choices,
    part_title,
)
from ..speech import voice_advice
from ..speech.profile import SpeechProfile
from ..speech.voices import CATALOGUE
from . import i18n
from .forms import form_row, large_print
from .print_dialogs import (
    PdfExportDialog,
    PrintPreview,
    document_name,
    open_location,
    path_row,
    print_size,
    progress_footer,
    sandbox_folder,
    show_error,
)

if TYPE_CHECKING:
    from ..core.model import Report
    from .main_window import MainWindow

log = logging.getLogger(__name__)

def _t(text: str) -> str:
    return QCoreApplication.translate("Export", text)


def default_folder(report: Report | None = None) -> Path:
    """Music (or Documents, or home) / 2025年凤岗镇政府工作报告 (another document: its title): created only when
    the export starts."""
    name = document_name(report)
    sandbox = sandbox_folder()
    if sandbox is not None:
        return sandbox / name
    for location in (QStandardPaths.StandardLocation.MusicLocation, QStandardPaths.StandardLocation.DocumentsLocation):
        base = QStandardPaths.writableLocation(location)
        if base and Path(base).is_dir():
            return Path(base) / name
    return Path.home() / name


def part_values(report: Report) -> list[str]:
    """The parts the audiobook dialog offers: the built-in report's 2024, 2025 and notes as always; another
    document's parts by number (--part 1, 2, …) and its notes when it has them."""
    if report.builtin:
        return ["all", "2024", "2025", "notes"]
    return [value for value in part_choices(report) if not (value.isdigit() and len(value) == 4)]


def error_text(exc: ExportError, target: Path) -> str:
    """What went wrong, in the reader's language; the exporter's own (English) words go in the details."""
    if exc.kind == "folder":
        return _t("Cannot write in the folder %1. Choose another folder; nothing was written.").replace(
            "%1", str(target))
    if exc.kind == "voice":
        return voice_advice.offline_export_unavailable()
    return _t("The export could not be done. Nothing was written.")


# -- the audiobook ---------------------------------------------------------------------------------------
class AudioExportJob(QObject):
    """One AudioExporter run on a Python thread; every signal reaches the GUI thread queued."""

    progressed = Signal(int, int, str)  # chunks done, chunks in all, what is being spoken
    succeeded = Signal(object)  # AudioExportResult
    failed = Signal(object)  # ExportError
    cancelled = Signal()

    def __init__(self, exporter: AudioExporter, parent: QObject | None = None):
        super().__init__(parent)
        self.exporter = exporter
        exporter.progress = self.progressed.emit
        self._thread = threading.Thread(target=self._run, name="audio-export", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self.exporter.cancel()

    def running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, timeout: float) -> bool:
        """Wait for the thread (it stops at the next chunk once cancelled); True when it has ended."""
        if self._thread.ident is not None:
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            result = self.exporter.run()
        except ExportCancelled:
            self.cancelled.emit()
        except ExportError as exc:
            self.failed.emit(exc)
        except Exception as exc:  # a bug must still end the job in the dialog, not leave it spinning
            log.exception("audio export failed")
            self.failed.emit(ExportError(f"{type(exc).__name__}: {exc}"))
        else:
            self.succeeded.emit(result)


class AudioExportDialog(QDialog):
    """Folder, part, voice and speed; Export runs on a worker, with progress; Cancel stops it, leaving nothing."""

    def __init__(self, feature: ExportFeature):
        super().__init__(feature.window)
        self.feature = feature
        self.window_ = feature.window
        self.job: AudioExportJob | None = None
        self.export_result: AudioExportResult | None = None
        self.error_box: QMessageBox | None = None
        self._ends: list[int] = []  # cumulative chunks at the end of each paragraph
        self.setObjectName("audioExportDialog")
        large_print(self)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        layout.addLayout(form)

        self.folder = QLineEdit(str(feature.audio_folder), self)
        folder_row, self.choose = path_row(self.folder, self.choose_folder, self)
        self.part = QComboBox(self)
        for _part in part_values(feature.window.report):
            self.part.addItem("", _part)
        self.voice = QComboBox(self)
        for v in CATALOGUE:
            self.voice.addItem(i18n.pick(v.name_zh, v.name_en), v.short_name)
        self.rate = QDoubleSpinBox(self, minimum=0.5, maximum=2.0, singleStep=0.1, decimals=1, suffix="×")
        self.offline = QCheckBox(self)
        self.load_voice_settings()
        self.rows = [form_row(form, "", w) for w in (folder_row, self.part, self.voice, self.rate)]
        form.addRow(self.offline)

        self.status, self.bar, self.open_button, self.start_button, self.cancel_button = progress_footer(
            self, layout, self.open_folder, self.start)
        self.retranslate()
        self.resize(max(760, self.sizeHint().width()), self.sizeHint().height())

    # -- texts -------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(_t("Export audiobook"))
        self.intro.setText(_t("Makes MP3 files to listen to on a phone or a player: one file with chapters for the "
                              "whole part and, in a folder of their own inside it, one file per paragraph with a "
                              "playlist."))
        self.choose.setText(_t("Choose…"))
        self.choose.setAccessibleName(_t("Choose the folder"))
        report = self.window_.report
        builtin = {"all": _t("The whole document"), "2024": _t("Part 1: the review of 2024"),
                   "2025": _t("Part 2: the plans for 2025"), "notes": _t("The notes (explanations of terms)")}
        for index in range(self.part.count()):
            value = self.part.itemData(index)
            if report.builtin or value == "notes":
                name = builtin[value]
            elif value == "all":
                name = _t("The whole document")
            else:
                name = _t("Part %1: %2").replace("%1", value).replace("%2", part_title(report, value) or "")
            self.part.setItemText(index, name)
        labels = (_t("Folder"), _t("Part"), _t("Voice"), _t("Speed"))
        fields = (self.folder, self.part, self.voice, self.rate)
        for label, text, field in zip(self.rows, labels, fields, strict=True):
            label.setText(text)
            field.setAccessibleName(text)
        self.folder.setAccessibleDescription(_t("The folder the audiobook is written into; it is made if needed."))
        self.offline.setText(_t("Offline voice only (nothing is sent over the internet)"))
        self.offline.setAccessibleName(self.offline.text())
        self.bar.setAccessibleName(_t("Export progress"))
        self.open_button.setText(_t("Open the folder"))
        self.start_button.setText(_t("Export"))
        self._set_cancel_text()

    def _set_cancel_text(self) -> None:
        running = self.job is not None
        self.cancel_button.setText(_t("Cancel") if running or self.export_result is None else _t("Close"))
        self.cancel_button.setAccessibleDescription(_t("Stop the export; nothing is left behind.") if running
                                                    else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "bar"):
            self.retranslate()
        super().changeEvent(event)

    # -- choosing ----------------------------------------------------------------------------------
    def load_voice_settings(self) -> None:
        """Voice and speed as reading aloud uses them now; the offline voice unless online voices were accepted."""
        s = self.window_.settings
        self.voice.setCurrentIndex(max(0, self.voice.findData(s["voice"])))
        self.rate.setValue(s["speech_rate"])
        self.offline.setChecked(s["speech_engine"] == "system" or not online_voices_for(s).allowed)

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, _t("Folder for the audiobook"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def options(self) -> AudioExportOptions:
        # The reader's annotator (shipped record + corrections), whatever the view shows (pinyin or Jyutping).
        annotator = self.window_.annotator
        profile = SpeechProfile.from_settings(self.window_.settings)
        return AudioExportOptions.from_profile(
            profile.with_voice(self.voice.currentData(), round(self.rate.value(), 2)),
            out=Path(os.path.expanduser(self.folder.text().strip())), part=self.part.currentData(),
            engine="offline" if self.offline.isChecked() else "auto", record=[annotator.record, annotator.user])

    # -- running -----------------------------------------------------------------------------------
    def start(self) -> None:
        if self.job is not None:
            return
        if not self.folder.text().strip():
            self._show_status(_t("Choose a folder first."))
            self.folder.setFocus()
            return
        options = self.options()
        try:
            exporter = AudioExporter(self.window_.report, options, events=self.window_.events)
        except ExportError as exc:
            self._failed(exc)
            return
        self.feature.audio_folder = options.out
        self.export_result = None
        ends, total = [], 0
        for track in exporter.tracks:
            total += len(track.chunks)
            ends.append(total)
        self._ends = ends
        self.job = AudioExportJob(exporter, self)
        self.job.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self.job.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self.job.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.job.cancelled.connect(self._cancelled, Qt.ConnectionType.QueuedConnection)
        self._set_editable(False)
        self.open_button.hide()
        self.bar.show()
        self._progressed(0, exporter.total_chunks, "")
        self._set_cancel_text()
        self.cancel_button.setFocus()
        self.window_.announce(_t("Exporting the audiobook: %1 paragraphs.").replace("%1", str(len(ends))))
        self.job.start()

    def _set_editable(self, editable: bool) -> None:
        for widget in (self.folder, self.choose, self.part, self.voice, self.rate, self.offline, self.start_button):
            widget.setEnabled(editable)

    def paragraph_text(self, done: int) -> str:
        """"Paragraph n of N": the paragraph being spoken after ``done`` chunks (N once all are done)."""
        count = len(self._ends)
        completed = bisect.bisect_right(self._ends, done)
        number = count if completed >= count else completed + 1
        return _t("Paragraph %1 of %2").replace("%1", str(number)).replace("%2", str(count))

    def _progressed(self, done: int, total: int, what: str) -> None:
        if self.job is None:
            return
        if done == 0 and what:  # e.g. the online voice failed and the offline voice starts over
            self.window_.announce(_t("The online voice failed; the offline voice is used instead."))
        text = self.paragraph_text(done)
        self.bar.setFormat(text)
        self.bar.setAccessibleDescription(text)
        self.bar.setMaximum(max(1, total))
        self.bar.setValue(done)
        self._show_status(text)

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)

    def _finished(self) -> None:
        self.job = None
        self._set_editable(True)
        self._set_cancel_text()

    def _succeeded(self, result: AudioExportResult) -> None:
        self.export_result = result
        self._finished()
        self.bar.setValue(self.bar.maximum())
        minutes = f"{result.duration_s / 60:.0f}" if result.duration_s >= 60 else f"{result.duration_s / 60:.1f}"
        text = (_t("The audiobook is ready: %1 paragraphs, %2 minutes, in %3.")
                .replace("%1", str(len(result.tracks))).replace("%2", minutes).replace("%3", str(result.folder)))
        if result.notes:
            text += " " + _t("The online voice could not be used, so the offline voice was used.")
        self._show_status(text)
        self.open_button.show()
        self.open_button.setFocus()
        self.window_.announce(text)

    def _failed(self, exc: ExportError) -> None:
        self._finished()
        self.bar.hide()
        text = error_text(exc, Path(self.folder.text().strip()))
        self._show_status(text)
        self.window_.announce(text)
        self.error_box = show_error(_t("The audiobook was not made"), text, str(exc), self)

    def _cancelled(self) -> None:
        self._finished()
        self.bar.hide()
        text = _t("Export cancelled; nothing was written.")
        self._show_status(text)
        self.window_.announce(text)

    def cancel_export(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self._show_status(_t("Stopping…"))

    def reject(self) -> None:
        """Cancel (or Esc) stops a running export first; the dialog closes once nothing runs."""
        if self.job is not None:
            self.cancel_export()
            return
        super().reject()

    def open_folder(self) -> None:
        if self.export_result is not None:
            open_location(self.export_result.folder)


# -- the feature -------------------------------------------------------------------------------------------
class ExportFeature(QObject):
    """The three File actions of one window; ``window.exports`` for tests and other features."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.audio_folder = default_folder(window.report)
        self.audio_dialog: AudioExportDialog | None = None
        self.pdf_dialog: PdfExportDialog | None = None
        self.printing = PrintPreview(window)
        window.installEventFilter(self)

    @property
    def preview(self) -> QPrintPreviewDialog | None:
        """The print preview while it is open."""
        return self.printing.dialog

    def print_size(self) -> int:
        return print_size(self.window)

    def open_print_preview(self) -> QPrintPreviewDialog:
        return self.printing.open()

    def paint(self, printer: QPrinter, size: int, pinyin: bool) -> int:
        return self.printing.paint(printer, size, pinyin)

    # -- dialogs ----------------------------------------------------------------------------------
    def open_audio_dialog(self) -> AudioExportDialog:
        """Not modal: the reader can go on reading (or listening) while the audiobook is made."""
        if self.audio_dialog is None:
            self.audio_dialog = AudioExportDialog(self)
        elif self.audio_dialog.job is None:
            self.audio_dialog.load_voice_settings()
        self.audio_dialog.show()
        return self.audio_dialog

    def open_pdf_dialog(self) -> PdfExportDialog:
        if self.pdf_dialog is None:
            self.pdf_dialog = PdfExportDialog(self.window)
        elif not self.pdf_dialog.busy():
            self.pdf_dialog.load_view_settings()
        self.pdf_dialog.show()
        return self.pdf_dialog

    # -- closing ----------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.shutdown()
        return False

    def shutdown(self) -> None:
        """The window closes: stop a running export so its staging folder is removed, not left behind."""
        dialog = self.audio_dialog
        if dialog is not None and dialog.job is not None:
            job = dialog.job
            job.cancel()
            if not job.wait(5.0):
                log.warning("the audio export did not stop within 5 s")
        if self.pdf_dialog is not None and self.pdf_dialog.busy():
            self.pdf_dialog.cancel_export()
