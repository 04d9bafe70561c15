"""Large print on paper: Print… (Ctrl+P, Qt's preview) and Save as large-print PDF…, and the dialog helpers the
export dialogs share (ui/export_dialogs.py holds the audiobook and wires all three File actions).

Pages are painted by ui/print_layout.PrintLayout, which lays the report out in a hidden reader view: that needs
the GUI thread, so the PDF is painted a few pages per timer tick, with progress, and Cancel writes nothing.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
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

from .forms import big_button, form_row, large_print, message_box
from .print_layout import PdfExport, PrintLayout
from .reader_view import MAX_FONT_PT, MIN_FONT_PT

if TYPE_CHECKING:
    from ..core.model import Report
    from .main_window import MainWindow

log = logging.getLogger(__name__)

MIN_PRINT_PT = 24  # the print size starts at the reader's size, but never smaller than this
DEFAULT_NAME = "2025年凤岗镇政府工作报告"  # the folder or file offered first for the built-in report
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
PDF_SLICE_S = 0.04  # paint pages for this long per timer tick: the window keeps answering
PREVIEW_DELAY_MS = 500  # wait for the size to settle before laying the report out again


def _t(text: str) -> str:
    return QCoreApplication.translate("Export", text)


# -- shared by the export dialogs ------------------------------------------------------------------------
def path_row(field: QLineEdit, on_choose, parent: QWidget) -> tuple[QWidget, QPushButton]:
    """The path field with its Choose… button beside it (the text is set by retranslate())."""
    choose = big_button("", parent)
    choose.clicked.connect(on_choose)
    row_widget = QWidget(parent)
    row = QHBoxLayout(row_widget)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(field, 1)
    row.addWidget(choose)
    return row_widget, choose


def progress_footer(dialog: QDialog, layout: QVBoxLayout, on_open, on_start):
    """The status line, progress bar and Open / Start / Cancel row that both export dialogs end with.

    Returns (status, bar, open_button, start_button, cancel_button); the texts are set by retranslate().
    """
    status = QLabel(dialog)
    status.setObjectName("exportStatus")
    status.setWordWrap(True)
    status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    bar = QProgressBar(dialog)
    bar.setObjectName("exportProgress")
    bar.setMinimumHeight(40)
    bar.hide()
    layout.addWidget(status)
    layout.addWidget(bar)
    open_button = big_button("", dialog)
    open_button.clicked.connect(on_open)
    open_button.hide()
    start_button = big_button("", dialog)
    start_button.setDefault(True)
    start_button.clicked.connect(on_start)
    cancel_button = big_button("", dialog)
    cancel_button.clicked.connect(dialog.reject)
    row = QHBoxLayout()
    row.addStretch(1)
    for button in (open_button, start_button, cancel_button):
        row.addWidget(button)
    layout.addLayout(row)
    return status, bar, open_button, start_button, cancel_button


def sandbox_folder() -> Path | None:
    """With FENGGANG_READER_HOME set (tests, a portable copy) exports are offered inside it, not in the real home."""
    home = os.environ.get("FENGGANG_READER_HOME")
    return Path(home) / "exports" if home else None


def document_name(report: Report | None = None) -> str:
    """The name offered for an export's file or folder: the built-in report's, else the document's title made a
    safe file name (关于开展…的通知, not 2025年凤岗镇政府工作报告 for every document)."""
    if report is None or report.builtin:
        return DEFAULT_NAME
    name = _NOT_IN_FILE_NAMES.sub(" ", report.title).strip(" .")[:60].strip()
    return name or "文档"


def default_pdf_path(report: Report | None = None) -> Path:
    name = document_name(report)
    sandbox = sandbox_folder()
    if sandbox is not None:
        with contextlib.suppress(OSError):  # our own folder; a file is saved only into an existing one
            sandbox.mkdir(parents=True, exist_ok=True)
        return sandbox / f"{name}.pdf"
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(base) if base and Path(base).is_dir() else Path.home()
    return folder / f"{name}.pdf"


def open_location(path: Path) -> bool:
    """Show a folder or a file with the system's own program (the file manager, the PDF viewer)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_error(title: str, text: str, details: str, parent: QWidget) -> QMessageBox:
    """A non-modal message that says what to do; the exporter's own words under Show Details."""
    log.warning("export failed: %s", details)
    box = message_box(parent, QMessageBox.Icon.Warning, title, text, name="exportErrorBox")
    box.setDetailedText(details)
    box.open()
    return box


# -- printing and the PDF ------------------------------------------------------------------------------
def _pdf_file(printer: QPrinter) -> Path | None:
    """The PDF file a printer writes to (Print to file), if it does: Qt's own PDF names some characters by
    radicals that share their glyph (⼯ for 工), which the saved PDF's post-processing puts right."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return Path(printer.outputFileName())
    return None


def _file_stamp(path: Path | None) -> tuple[int, int] | None:
    try:
        return (path.stat().st_mtime_ns, path.stat().st_size) if path is not None else None
    except OSError:
        return None


def print_size(window: MainWindow) -> int:
    """The reader's text size, but at least 24 pt on paper."""
    return max(MIN_PRINT_PT, min(MAX_FONT_PT, window.view.font_size()))


def print_layout(window: MainWindow, size: int, pinyin: bool, page_size: QPageSize | None = None) -> PrintLayout:
    """The report laid out for paper as the reader shows it (script, ruby, pinyin style)."""
    return PrintLayout(window.report, window.view.annotator(), size=size, pinyin=pinyin, page_size=page_size,
                       source=window.view)


# -- the large-print PDF -------------------------------------------------------------------------------
class PdfExportDialog(QDialog):
    """File, size and pinyin; Save paints the pages a few at a time with progress; Cancel writes nothing."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window_ = window
        self.export: PdfExport | None = None
        self.pending: Path | None = None  # Save was pressed; the pages are being laid out
        self.saved: Path | None = None
        self.error_box: QMessageBox | None = None
        self._timer = QTimer(self, interval=0)
        self._timer.timeout.connect(self._paint_some)
        self.setObjectName("pdfExportDialog")
        large_print(self)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.path = QLineEdit(str(default_pdf_path(window.report)), self)
        file_row, self.choose = path_row(self.path, self.choose_file, self)
        self.size_field = QSpinBox(self, minimum=MIN_FONT_PT, maximum=MAX_FONT_PT, singleStep=2, suffix=" pt")
        self.pinyin = QCheckBox(self)
        self.load_view_settings()
        self.rows = [form_row(form, "", w) for w in (file_row, self.size_field)]
        form.addRow(self.pinyin)
        self.status, self.bar, self.open_button, self.save_button, self.cancel_button = progress_footer(
            self, layout, self.open_file, self.start)
        self.retranslate()
        self.resize(max(760, self.sizeHint().width()), self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(_t("Save as large-print PDF"))
        self.intro.setText(_t("A PDF to print or to read on a tablet: large characters with pinyin, the headings as "
                              "bookmarks, the notes linked, page numbers at the foot of each page."))
        self.choose.setText(_t("Choose…"))
        self.choose.setAccessibleName(_t("Choose the file"))
        for label, text, field in zip(self.rows, (_t("File"), _t("Text size")), (self.path, self.size_field), strict=True):
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
        self.size_field.setValue(print_size(self.window_))
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
            layout = print_layout(self.window_, self.size_field.value(), self.pinyin.isChecked())
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
        self.error_box = show_error(_t("The PDF was not saved"), text, details, self)

    def _set_editable(self, editable: bool) -> None:
        for widget in (self.path, self.choose, self.size_field, self.pinyin, self.save_button):
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


# -- printing -------------------------------------------------------------------------------------------
class PrintPreview(QObject):
    """Print… (Ctrl+P): Qt's print preview, with the text size and the pinyin switch added to its toolbar."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.dialog: QPrintPreviewDialog | None = None
        self._printer: QPrinter | None = None
        self._layouts: dict[tuple, PrintLayout] = {}

    def open(self) -> QPrintPreviewDialog:
        """Open the preview (window-modal, never exec()); pages are painted when Qt asks for them."""
        self._layouts.clear()
        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._printer.setDocName(document_name(self.window.report))
        dialog = QPrintPreviewDialog(self._printer, self.window)
        dialog.setObjectName("printPreviewDialog")
        dialog.setWindowTitle(_t("Print preview — large print"))
        self.dialog = dialog
        size = QSpinBox(dialog, minimum=MIN_FONT_PT, maximum=MAX_FONT_PT, singleStep=2, suffix=" pt")
        size.setObjectName("printSize")
        size.setValue(print_size(self.window))
        pinyin = QCheckBox(_t("Pinyin"), dialog)
        pinyin.setObjectName("printPinyin")
        pinyin.setChecked(self.window.view.pinyin_visible())
        pinyin.setAccessibleName(_t("Pinyin above the characters"))
        caption = QLabel(_t("Text size"), dialog)
        caption.setBuddy(size)
        size.setAccessibleName(_t("Text size"))
        for widget in (caption, size, pinyin):
            large_print(widget)
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
        dialog.finished.connect(self._closed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @staticmethod
    def _name_preview_controls(dialog: QPrintPreviewDialog) -> None:
        """Qt leaves the page number, the zoom field and the pages themselves without a name."""
        for combo in dialog.findChildren(QComboBox):
            combo.setAccessibleName(_t("Zoom"))
            if (edit := combo.lineEdit()) is not None:
                edit.setAccessibleName(_t("Zoom"))
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
        pages = 0
        to_file = _pdf_file(printer)
        before = _file_stamp(to_file)
        # Qt's preview asks for every page at once, the window still meanwhile (~3.6 s for the report's ~1,560 pages
        # at 96 pt): the pointer says the reader is at work.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            layout = self._layouts.get(key)
            if layout is None:
                self._layouts.clear()
                layout = self._layouts[key] = print_layout(self.window, size, pinyin, page_size)
            pages = sum(1 for _page in layout.paint_steps(printer))
            if to_file is not None and _file_stamp(to_file) not in (None, before):  # printed, not previewed
                layout.finish_pdf_file(to_file, printer.docName() or layout.report.title)
        except OSError as exc:
            text = _t("The printer could not be used.")
            self.window.announce(text)
            show_error(_t("Not printed"), text, str(exc), self.dialog or self.window)
        finally:
            QGuiApplication.restoreOverrideCursor()
        return pages

    def _closed(self) -> None:
        self.dialog = None
        self._layouts.clear()
