"""Take the report away from the window: File ▸ Export audiobook…, Print… (Ctrl+P), Save as large-print PDF….

The audiobook runs export.audio.AudioExporter on a worker thread; its progress comes back through
queued signals, so the window keeps answering while Edge or espeak-ng speak every paragraph. Printing
and the PDF paint pages with ui/print_layout.PrintLayout, which lays the report out in a hidden reader
view: that needs the GUI thread, so the PDF is painted a few pages per timer tick instead.

Nothing is left half-made: a cancelled or failed export writes nothing (the exporters stage their
files), and the dialogs keep what the reader chose so another folder or file can be tried at once.
"""

from __future__ import annotations

import bisect
import contextlib
import logging
import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..core.spoken import MarkerPolicy
from ..export.audio import (
    AudioExporter,
    AudioExportOptions,
    AudioExportResult,
    ExportCancelled,
    ExportError,
)
from ..speech.types import VoiceParams
from ..speech.voices import CATALOGUE
from . import i18n
from .print_layout import PdfExport, PrintLayout
from .reader_view import MAX_FONT_PT, MIN_FONT_PT

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)

DIALOG_PT = 20  # large print in the dialogs themselves
MIN_PRINT_PT = 24  # the print size starts at the reader's size, but never smaller than this
DEFAULT_NAME = "2025年凤岗镇政府工作报告"  # the folder or file offered first
PDF_SLICE_S = 0.04  # paint pages for this long per timer tick: the window keeps answering
PREVIEW_DELAY_MS = 500  # wait for the size to settle before laying the report out again


def _t(text: str) -> str:
    return QCoreApplication.translate("Export", text)


def _enlarge(widget: QWidget) -> None:
    font = QFont(widget.font())
    font.setPointSize(max(font.pointSize(), DIALOG_PT))
    widget.setFont(font)


def _row(form: QFormLayout, text: str, field: QWidget, description: str = "") -> QLabel:
    """A form row a screen reader can follow: the label is the field's buddy and its name."""
    label = QLabel(text, form.parentWidget())
    label.setBuddy(field)
    field.setAccessibleName(text)
    if description:
        field.setAccessibleDescription(description)
        field.setToolTip(description)
    form.addRow(label, field)
    return label


def _big_button(text: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setMinimumHeight(52)
    return button


def _sandbox() -> Path | None:
    """With FENGGANG_READER_HOME set (tests, a portable copy) exports are offered inside it, not in the real home."""
    home = os.environ.get("FENGGANG_READER_HOME")
    return Path(home) / "exports" if home else None


def default_folder() -> Path:
    """Music (or Documents, or home) / 2025年凤岗镇政府工作报告: created only when the export starts."""
    sandbox = _sandbox()
    if sandbox is not None:
        return sandbox / DEFAULT_NAME
    for location in (QStandardPaths.StandardLocation.MusicLocation, QStandardPaths.StandardLocation.DocumentsLocation):
        base = QStandardPaths.writableLocation(location)
        if base and Path(base).is_dir():
            return Path(base) / DEFAULT_NAME
    return Path.home() / DEFAULT_NAME


def default_pdf_path() -> Path:
    sandbox = _sandbox()
    if sandbox is not None:
        with contextlib.suppress(OSError):  # our own folder; a file is saved only into an existing one
            sandbox.mkdir(parents=True, exist_ok=True)
        return sandbox / f"{DEFAULT_NAME}.pdf"
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(base) if base and Path(base).is_dir() else Path.home()
    return folder / f"{DEFAULT_NAME}.pdf"


def open_location(path: Path) -> bool:
    """Show a folder or a file with the system's own program (the file manager, the PDF viewer)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def error_text(exc: ExportError, target: Path) -> str:
    """What went wrong, in the reader's language; the exporter's own (English) words go in the details."""
    if exc.kind == "folder":
        return _t("Cannot write in the folder %1. Choose another folder; nothing was written.").replace(
            "%1", str(target))
    if exc.kind == "voice":
        return _t("No voice could make the audio: the online voices cannot be reached, and the offline voice "
                  "cannot write audio on this computer. Check the internet connection, or install espeak-ng "
                  "and ffmpeg.")
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
        self.result: AudioExportResult | None = None
        self.error_box: QMessageBox | None = None
        self._ends: list[int] = []  # cumulative chunks at the end of each paragraph
        self.setObjectName("audioExportDialog")
        _enlarge(self)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        layout.addLayout(form)

        self.folder = QLineEdit(str(feature.audio_folder), self)
        self.choose = _big_button("", self)
        self.choose.clicked.connect(self.choose_folder)
        folder_row = QWidget(self)
        row = QHBoxLayout(folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        self.part = QComboBox(self)
        for _part in ("all", "2024", "2025", "notes"):
            self.part.addItem("", _part)
        self.voice = QComboBox(self)
        for v in CATALOGUE:
            self.voice.addItem(i18n.pick(v.name_zh, v.name_en), v.short_name)
        self.rate = QDoubleSpinBox(self, minimum=0.5, maximum=2.0, singleStep=0.1, decimals=1, suffix="×")
        self.offline = QCheckBox(self)
        self.load_voice_settings()
        self.rows = [_row(form, "", w) for w in (folder_row, self.part, self.voice, self.rate)]
        form.addRow(self.offline)

        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("exportProgress")
        self.bar.setMinimumHeight(40)
        self.bar.hide()
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        buttons = QHBoxLayout()
        self.open_button = _big_button("", self)
        self.open_button.clicked.connect(self.open_folder)
        self.open_button.hide()
        self.start_button = _big_button("", self)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.cancel_button = _big_button("", self)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addStretch(1)
        for button in (self.open_button, self.start_button, self.cancel_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
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
        names = (_t("The whole report"), _t("Part 1: the review of 2024"), _t("Part 2: the plans for 2025"),
                 _t("The notes (explanations of terms)"))
        for index, name in enumerate(names):
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
        self.cancel_button.setText(_t("Cancel") if running or self.result is None else _t("Close"))
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
        self.offline.setChecked(bool(s["offline_only"] or s["speech_engine"] == "system"
                                     or not s["edge_notice_accepted"]))

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, _t("Folder for the audiobook"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def options(self) -> AudioExportOptions:
        s = self.window_.settings
        annotator = self.window_.view.annotator()
        record = [r for r in (getattr(annotator, "record", None), getattr(annotator, "user", None)) if r is not None]
        params = VoiceParams(self.voice.currentData(), round(self.rate.value(), 2), int(s["speech_pitch"]),
                             int(s["speech_volume"]))
        return AudioExportOptions(
            out=Path(os.path.expanduser(self.folder.text().strip())), part=self.part.currentData(), params=params,
            engine="offline" if self.offline.isChecked() else "auto",
            policy=MarkerPolicy.from_setting(s["marker_speech"]), record=record,
            endpoint=s["edge_endpoint"] or None, proxy=s["proxy"] or None)

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
        self.result = None
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
        self.result = result
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
        self.error_box = self.feature.show_error(_t("The audiobook was not made"), text, str(exc), self)

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
        if self.result is not None:
            open_location(self.result.folder)


# -- the large-print PDF -------------------------------------------------------------------------------
class PdfExportDialog(QDialog):
    """File, size and pinyin; Save paints the pages a few at a time with progress; Cancel writes nothing."""

    def __init__(self, feature: ExportFeature):
        super().__init__(feature.window)
        self.feature = feature
        self.window_ = feature.window
        self.export: PdfExport | None = None
        self.pending: Path | None = None  # Save was pressed; the pages are being laid out
        self.saved: Path | None = None
        self.error_box: QMessageBox | None = None
        self._timer = QTimer(self, interval=0)
        self._timer.timeout.connect(self._paint_some)
        self.setObjectName("pdfExportDialog")
        _enlarge(self)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.path = QLineEdit(str(feature.pdf_path), self)
        self.choose = _big_button("", self)
        self.choose.clicked.connect(self.choose_file)
        file_row = QWidget(self)
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(self.choose)
        self.size = QSpinBox(self, minimum=MIN_FONT_PT, maximum=MAX_FONT_PT, singleStep=2, suffix=" pt")
        self.pinyin = QCheckBox(self)
        self.load_view_settings()
        self.rows = [_row(form, "", w) for w in (file_row, self.size)]
        form.addRow(self.pinyin)
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("exportProgress")
        self.bar.setMinimumHeight(40)
        self.bar.hide()
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        buttons = QHBoxLayout()
        self.open_button = _big_button("", self)
        self.open_button.clicked.connect(self.open_file)
        self.open_button.hide()
        self.save_button = _big_button("", self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.start)
        self.cancel_button = _big_button("", self)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addStretch(1)
        for button in (self.open_button, self.save_button, self.cancel_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.retranslate()
        self.resize(max(760, self.sizeHint().width()), self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(_t("Save as large-print PDF"))
        self.intro.setText(_t("A PDF to print or to read on a tablet: large characters with pinyin, the headings as "
                              "bookmarks, the notes linked, page numbers at the foot of each page."))
        self.choose.setText(_t("Choose…"))
        self.choose.setAccessibleName(_t("Choose the file"))
        for label, text, field in zip(self.rows, (_t("File"), _t("Text size")), (self.path, self.size), strict=True):
            label.setText(text)
            field.setAccessibleName(text)
        self.pinyin.setText(_t("Pinyin above the characters"))
        self.pinyin.setAccessibleName(self.pinyin.text())
        self.bar.setAccessibleName(_t("Export progress"))
        self.open_button.setText(_t("Open the PDF"))
        self.save_button.setText(_t("Save"))
        self.cancel_button.setText(_t("Cancel") if self.busy() or self.saved is None else _t("Close"))

    def busy(self) -> bool:
        return self.export is not None or self.pending is not None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "bar"):
            self.retranslate()
        super().changeEvent(event)

    def load_view_settings(self) -> None:
        """The reader's text size (at least 24 pt) and its pinyin, shown or hidden."""
        self.size.setValue(self.feature.print_size())
        self.pinyin.setChecked(self.window_.view.pinyin_visible())

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, _t("Save the large-print PDF as"), self.path.text(),
                                                      _t("PDF documents (*.pdf)"))
        if chosen:
            self.path.setText(chosen)

    def target(self) -> Path:
        path = Path(os.path.expanduser(self.path.text().strip()))
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def start(self) -> None:
        if self.busy():
            return
        if not self.path.text().strip():
            self._show_status(_t("Choose a file first."))
            self.path.setFocus()
            return
        target = self.target()
        if not target.parent.is_dir() or not os.access(target.parent, os.W_OK):
            self._fail(_t("Cannot write in the folder %1. Choose another folder; nothing was written.")
                       .replace("%1", str(target.parent)), f"{target.parent}: not a writable folder")
            return
        self.feature.pdf_path = target
        self.pending = target
        self.saved = None
        self.open_button.hide()
        self._set_editable(False)
        self._show_status(_t("Laying out the pages…"))
        self.bar.setRange(0, 0)  # busy until the page count is known
        self.bar.show()
        self.cancel_button.setText(_t("Cancel"))
        self.cancel_button.setFocus()
        self.window_.announce(_t("Saving the large-print PDF…"))
        # Let the status paint before the layout (a fraction of a second on the GUI thread).
        QTimer.singleShot(0, self, self._lay_out)

    def _lay_out(self) -> None:
        target, self.pending = self.pending, None
        if target is None:  # cancelled before the layout began
            return
        try:
            layout = self.feature.layout(self.size.value(), self.pinyin.isChecked())
        except ValueError as exc:
            self._fail(_t("The export could not be done. Nothing was written."), str(exc))
            return
        self.export = PdfExport(layout, target)
        self.bar.setRange(0, layout.page_count)
        self._timer.start()

    def _paint_some(self) -> None:
        if self.export is None:
            self._timer.stop()
            return
        deadline = time.monotonic() + PDF_SLICE_S
        total = self.export.layout.page_count
        while time.monotonic() < deadline:
            page = self.export.step()
            if page is None:
                self._timer.stop()
                self._finish()
                return
            text = _t("Page %1 of %2").replace("%1", str(page)).replace("%2", str(total))
            self.bar.setFormat(text)
            self.bar.setAccessibleDescription(text)
            self.bar.setValue(page)
            self.status.setText(text)

    def _finish(self) -> None:
        export, self.export = self.export, None
        assert export is not None
        target = export.path
        try:
            pages = export.finish()
        except OSError as exc:
            self._set_editable(True)
            self._fail(_t("Cannot write in the folder %1. Choose another folder; nothing was written.")
                       .replace("%1", str(target.parent)), str(exc))
            return
        self.saved = target
        self._set_editable(True)
        self.cancel_button.setText(_t("Close"))
        text = _t("Saved the large-print PDF: %1 pages, in %2.").replace("%1", str(pages)).replace("%2", str(target))
        self._show_status(text)
        self.open_button.show()
        self.open_button.setFocus()
        self.window_.announce(text)

    def _fail(self, text: str, details: str) -> None:
        self._set_editable(True)
        self.bar.hide()
        self._show_status(text)
        self.window_.announce(text)
        self.error_box = self.feature.show_error(_t("The PDF was not saved"), text, details, self)

    def _set_editable(self, editable: bool) -> None:
        for widget in (self.path, self.choose, self.size, self.pinyin, self.save_button):
            widget.setEnabled(editable)

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)

    def cancel_export(self) -> None:
        self._timer.stop()
        self.pending = None
        export, self.export = self.export, None
        if export is not None:
            export.cancel()
        self._set_editable(True)
        self.bar.hide()
        self.cancel_button.setText(_t("Cancel"))
        text = _t("Export cancelled; nothing was written.")
        self._show_status(text)
        self.window_.announce(text)

    def reject(self) -> None:
        """Cancel (or Esc) stops the painting first, writing nothing; the dialog closes once nothing runs."""
        if self.busy():
            self.cancel_export()
            return
        super().reject()

    def open_file(self) -> None:
        if self.saved is not None:
            open_location(self.saved)


# -- the feature -------------------------------------------------------------------------------------------
class ExportFeature(QObject):
    """The three File actions of one window; ``window.exports`` for tests and other features."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.audio_folder = default_folder()
        self.pdf_path = default_pdf_path()
        self.audio_dialog: AudioExportDialog | None = None
        self.pdf_dialog: PdfExportDialog | None = None
        self.preview: QPrintPreviewDialog | None = None
        self._printer: QPrinter | None = None
        self._layouts: dict[tuple, PrintLayout] = {}
        window.installEventFilter(self)

    def print_size(self) -> int:
        return max(MIN_PRINT_PT, min(MAX_FONT_PT, self.window.view.font_size()))

    def layout(self, size: int, pinyin: bool, page_size=None) -> PrintLayout:
        """The report laid out for paper as the reader shows it (script, ruby, pinyin style)."""
        return PrintLayout(self.window.report, self.window.view.annotator(), size=size, pinyin=pinyin,
                           page_size=page_size, source=self.window.view)

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
            self.pdf_dialog = PdfExportDialog(self)
        elif not self.pdf_dialog.busy():
            self.pdf_dialog.load_view_settings()
        self.pdf_dialog.show()
        return self.pdf_dialog

    def show_error(self, title: str, text: str, details: str, parent: QWidget) -> QMessageBox:
        """A non-modal message that says what to do; the exporter's own words under Show Details."""
        log.warning("export failed: %s", details)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("exportErrorBox")
        box.setDetailedText(details)
        _enlarge(box)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # -- printing ---------------------------------------------------------------------------------
    def open_print_preview(self) -> QPrintPreviewDialog:
        """Qt's print preview with the text size and pinyin switch added to its toolbar."""
        self._layouts.clear()
        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._printer.setDocName(DEFAULT_NAME)
        dialog = QPrintPreviewDialog(self._printer, self.window)
        dialog.setObjectName("printPreviewDialog")
        dialog.setWindowTitle(_t("Print preview — large print"))
        self.preview = dialog
        size = QSpinBox(dialog, minimum=MIN_FONT_PT, maximum=MAX_FONT_PT, singleStep=2, suffix=" pt")
        size.setObjectName("printSize")
        size.setValue(self.print_size())
        pinyin = QCheckBox(_t("Pinyin"), dialog)
        pinyin.setObjectName("printPinyin")
        pinyin.setChecked(self.window.view.pinyin_visible())
        pinyin.setAccessibleName(_t("Pinyin above the characters"))
        caption = QLabel(_t("Text size"), dialog)
        caption.setBuddy(size)
        size.setAccessibleName(_t("Text size"))
        for widget in (caption, size, pinyin):
            _enlarge(widget)
        toolbar = dialog.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            for widget in (caption, size, pinyin):
                toolbar.addWidget(widget)
        preview = dialog.findChild(QPrintPreviewWidget)
        self._name_preview_controls(dialog)
        settle = QTimer(dialog, singleShot=True, interval=PREVIEW_DELAY_MS)
        if preview is not None:
            settle.timeout.connect(preview.updatePreview)
        size.valueChanged.connect(settle.start)
        pinyin.toggled.connect(settle.start)
        dialog.paintRequested.connect(lambda printer: self.paint(printer, size.value(), pinyin.isChecked()))
        dialog.finished.connect(self._preview_closed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @staticmethod
    def _name_preview_controls(dialog: QPrintPreviewDialog) -> None:
        """Qt leaves the page number, the zoom field and the pages themselves without a name."""
        for combo in dialog.findChildren(QComboBox):
            combo.setAccessibleName(_t("Zoom"))
            if combo.lineEdit() is not None:
                combo.lineEdit().setAccessibleName(_t("Zoom"))
        for field in dialog.findChildren(QLineEdit):
            if not field.accessibleName():
                field.setAccessibleName(_t("Page number"))
        for view in dialog.findChildren(QGraphicsView):
            view.setAccessibleName(_t("The pages as they will be printed"))
            view.viewport().setAccessibleName(view.accessibleName())

    def paint(self, printer: QPrinter, size: int, pinyin: bool) -> int:
        """Paint every page on ``printer`` (the preview's, or the real one after Print); the page count."""
        page_size = printer.pageLayout().pageSize()
        points = page_size.sizePoints()
        key = (size, pinyin, points.width(), points.height())
        layout = self._layouts.get(key)
        if layout is None:
            self._layouts.clear()
            layout = self._layouts[key] = self.layout(size, pinyin, page_size)
        pages = 0
        try:
            pages = sum(1 for _page in layout.paint_steps(printer))
        except OSError as exc:
            text = _t("The printer could not be used.")
            self.window.announce(text)
            self.show_error(_t("Not printed"), text, str(exc), self.preview or self.window)
        return pages

    def _preview_closed(self) -> None:
        self.preview = None
        self._layouts.clear()

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


def install(window: MainWindow) -> None:
    feature = ExportFeature(window)
    window.exports = feature
    a = window.actions_by_id
    a["export_audio"].triggered.connect(feature.open_audio_dialog)
    a["print"].triggered.connect(feature.open_print_preview)
    a["export_pdf"].triggered.connect(feature.open_pdf_dialog)
