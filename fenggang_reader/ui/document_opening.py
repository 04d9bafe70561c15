"""Opening another document from the window: File ▸ Open (Ctrl+O), paste as a new document (Ctrl+Shift+V), a file
dropped on the window, File ▸ Recent documents and the built-in report.

The document is read off the GUI thread (ui/document_loader.py); when it is ready this feature says so
(``ready``) and whoever holds the window (ui/document_windows.py) shows it in a window of its own. A document
that cannot be opened leaves this window as it was: a message names the file and the reason, and the keys
go back to the text.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

from ..core.document_places import DocumentSource
from ..core.model import Report
from ..core.recent_documents import RecentDocument
from ..core.storage import AppDirs
from .forms import large_print, message_box

if TYPE_CHECKING:
    from collections.abc import Callable

    from .document_loader import DocumentLoader, LoadFailure
    from .main_window import MainWindow

log = logging.getLogger(__name__)

FILE_PATTERNS = "*.txt *.text *.html *.htm *.mhtml *.mht *.docx *.epub *.pdf *.tsv"


def _t(text: str) -> str:
    return QCoreApplication.translate("DocumentOpening", text)


def open_file(path: Path) -> tuple[Report, DocumentSource]:
    """The job for a file (on the loader's thread)."""
    from ..core.documents.open import open_document

    return open_document(path), DocumentSource(path.absolute())


def open_builtin() -> tuple[Report, DocumentSource]:
    from ..core.resources import load_bundled_report

    return load_bundled_report(), DocumentSource()


def dropped_files(urls: list[QUrl]) -> list[Path]:
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile() and url.toLocalFile()]


class DocumentOpening(QObject):
    """What the window does to open a document; ``ready`` carries it once read."""

    ready = Signal(object)  # LoadedDocument

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self._loader: DocumentLoader | None = None  # made at the first open: nothing of it costs the start
        # Tests put a chooser of their own here; without one, a file dialog that does not block the window.
        self.choose_file: Callable[[], Path | None] | None = None
        self.file_dialog: QFileDialog | None = None
        a = window.actions_by_id
        a["open_document"].triggered.connect(self.open_chosen_file)
        a["paste_document"].triggered.connect(self.paste)
        a["open_builtin"].triggered.connect(self.open_builtin)
        self.recent_menu = QMenu(window)
        self.recent_menu.setObjectName("recentDocumentsMenu")
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        file_menu = window.menus["file"]
        file_menu.insertMenu(a["open_builtin"], self.recent_menu)
        file_menu.insertSeparator(a["export_audio"])
        file_menu.insertSeparator(a["quit"])
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        window.retranslated.connect(self.fill_recent_menu)
        self.fill_recent_menu()

    @property
    def pasted_folder(self) -> Path:
        """Where copied text is saved as a document (core/pasted_text.py)."""
        from ..core.pasted_text import FOLDER_NAME

        return AppDirs.default().data / FOLDER_NAME

    @property
    def loader(self) -> DocumentLoader:
        if self._loader is None:
            from .document_loader import DocumentLoader

            self._loader = DocumentLoader(self)
            self._loader.started.connect(self._started)
            self._loader.loaded.connect(self.ready)
            self._loader.failed.connect(self._failed)
        return self._loader

    # -- ways to open ------------------------------------------------------------------------------
    def open_path(self, path: Path) -> None:
        """Open ``path`` in this window's place (a second open while one loads replaces it)."""
        path = path.absolute()
        self.loader.load(DocumentSource(path), lambda: open_file(path))

    def open_chosen_file(self) -> None:
        if self.choose_file is None:
            self.ask_for_file()
            return
        self._chosen(self.choose_file())

    def _chosen(self, path: Path | None) -> None:
        if path is None:
            self.window.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.open_path(path)

    def open_builtin(self) -> None:
        self.loader.load(DocumentSource(), open_builtin)

    def paste(self) -> None:
        """The clipboard's HTML or text as a new document, saved under the data folder."""
        from ..core.pasted_text import has_text, open_pasted

        mime = QGuiApplication.clipboard().mimeData()
        html = mime.html() if mime is not None and mime.hasHtml() else ""
        text = mime.text() if mime is not None and mime.hasText() else ""
        if not has_text(html, text):
            QApplication.beep()
            self.window.announce(_t("The clipboard holds no text to read. Copy some text first, then press "
                                    "Ctrl+Shift+V."))
            return
        folder = self.pasted_folder

        def job() -> tuple[Report, DocumentSource]:
            from ..core.documents.open import open_document

            report, path = open_pasted(folder, html, text, open_document)
            return report, DocumentSource(path, pasted=True)

        self.loader.load(DocumentSource(pasted=True), job)

    def ask_for_file(self) -> QFileDialog:
        """A file dialog in large print, in the folder of the last document opened; it does not block the window
        (the voice can go on reading while the reader looks)."""
        if self.file_dialog is not None:
            self.file_dialog.raise_()
            self.file_dialog.activateWindow()
            return self.file_dialog
        dialog = QFileDialog(self.window, _t("Open a document"))
        dialog.setObjectName("openDocumentDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([_t("Documents (%1)").replace("%1", FILE_PATTERNS), _t("All files (*)")])
        last = next((e.path.parent for e in self.window.recent.entries
                     if not e.path.is_relative_to(self.pasted_folder) and e.path.parent.is_dir()), None)
        dialog.setDirectory(str(last or Path.home()))
        labels = {QFileDialog.DialogLabel.LookIn: _t("Look in:"), QFileDialog.DialogLabel.FileName: _t("File name:"),
                  QFileDialog.DialogLabel.FileType: _t("Files of type:"), QFileDialog.DialogLabel.Accept: _t("Open"),
                  QFileDialog.DialogLabel.Reject: _t("Cancel")}  # Qt's own catalogue leaves some in English
        for label, text in labels.items():
            dialog.setLabelText(label, text)
        large_print(dialog)
        self.file_dialog = dialog
        dialog.fileSelected.connect(lambda name: self._chosen(Path(name)) if name else self._chosen(None))
        dialog.rejected.connect(lambda: self._chosen(None))
        dialog.finished.connect(self._file_dialog_closed)
        dialog.open()
        return dialog

    def _file_dialog_closed(self) -> None:
        self.file_dialog = None

    # -- drag and drop -----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is not self.window:
            return False
        if isinstance(event, QDropEvent):  # a drag entering or moving over the window, or the drop
            files = dropped_files(event.mimeData().urls())
            if not files:
                return False
            event.acceptProposedAction()
            if event.type() != QEvent.Type.Drop:
                return True
            if len(files) > 1:
                self.window.announce(_t("%1 files were dropped: opening the first, “%2”.")
                                     .replace("%1", str(len(files))).replace("%2", files[0].name))
            self.open_path(files[0])
            return True
        if event.type() == QEvent.Type.Close and self._loader is not None:
            self._loader.cancel()
        return False

    # -- recent documents --------------------------------------------------------------------------
    def fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.setTitle(_t("&Recent documents"))
        menu.clear()
        entries = self.window.recent.entries
        for number, entry in enumerate(entries, start=1):
            action = QAction(recent_entry_text(number, entry), menu)
            action.setObjectName(f"recentDocument{number}")
            action.setStatusTip(str(entry.path))
            action.triggered.connect(lambda _checked=False, path=entry.path: self.open_path(path))
            menu.addAction(action)
        if not entries:
            empty = menu.addAction(_t("No documents opened yet"))
            empty.setEnabled(False)

    # -- results -----------------------------------------------------------------------------------
    def _started(self, source: DocumentSource) -> None:
        if source.path is not None:
            text = _t("Opening “%1”…").replace("%1", source.path.name)
        elif source.pasted:
            text = _t("Opening the copied text…")
        else:
            text = _t("Opening the built-in report…")
        self.window.statusBar().showMessage(text)
        self.window.announce(text)

    def _failed(self, failure: LoadFailure) -> None:
        self.show_failure(failure.source.path, failure.error)

    def show_start_problem(self, path: Path, error: BaseException, last_open: bool) -> None:
        """FILE on the command line, or the document open last time, could not be opened: the built-in report is."""
        note = (_t("It was the document you had open last time; the built-in report is open instead.") if last_open
                else _t("The built-in report is open instead."))
        self.show_failure(path, error, note)

    def show_recent_problems(self, problems: list[str], kept: Path | None) -> None:
        """The list of recent documents could not be read at start: it starts empty, the file kept aside."""
        headline = _t("The list of recent documents could not be read, so it starts empty.")
        self.window.announce(headline)
        box = message_box(self.window, QMessageBox.Icon.Warning, _t("Recent documents"), headline,
                          name="recentProblemBox")
        if kept is not None:
            box.setInformativeText(_t("The old list was kept as %1.").replace("%1", kept.name))
        box.setDetailedText("\n".join(problems))
        self.window.events.emit("app.message", kind="recent_documents", problems=len(problems))
        box.open()

    def show_failure(self, path: Path | None, error: BaseException, note: str = "") -> None:
        """A message naming the file and the reason (in the reader's language); the keys go back to the text.
        A recent document that has gone: the message offers to take it off the list."""
        from . import document_errors  # with core/documents: loaded when first needed, not at start

        window = self.window
        headline, reason = document_errors.describe(error, path)
        reason = f"{reason}\n\n{note}" if note else reason
        window.statusBar().clearMessage()
        window.announce(f"{headline} {reason}")
        window.events.emit("document.open_failed", path=str(path) if path is not None else None,
                           problem=getattr(getattr(error, "problem", None), "name", "FAULT"))
        box = message_box(window, QMessageBox.Icon.Warning, _t("Cannot open the document"), headline,
                          name="documentErrorBox")
        box.setInformativeText(reason)
        gone = path is not None and not path.exists() and window.recent.entry_for(path) is not None
        remove = None
        if gone:
            remove = box.addButton(_t("Remove it from the recent documents"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(_t("Keep it in the list"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(remove)

        def closed() -> None:
            if remove is not None and box.clickedButton() is remove and path is not None:
                window.recent.remove(path)
                window.recent.save()
                self.fill_recent_menu()
            window.view.setFocus(Qt.FocusReason.OtherFocusReason)

        box.finished.connect(closed)
        box.open()


def recent_entry_text(number: int, entry: RecentDocument) -> str:
    """“&1 Title · paragraph 12 — file.txt” (the file's name only when the title is not it; “gone” when missing).
    The place comes before the file's name: at 96 pt a menu wider than the screen loses its end."""
    accelerator = f"&{number}" if number < 10 else f"1&{number - 10}"
    title, name = entry.title.replace("&", "&&"), entry.path.name.replace("&", "&&")  # no stray accelerators
    named = bool(entry.title) and entry.title != entry.path.stem
    parts = title or entry.path.stem.replace("&", "&&")
    if not entry.exists():
        parts = _t("%1 — %2").replace("%1", title).replace("%2", name) if named else parts
        return _t("%1 %2 (the file is no longer there)").replace("%1", accelerator).replace("%2", parts)
    text = f"{accelerator} {parts}"
    if entry.place.paragraph > 0:
        text = (_t("%1 %2 · paragraph %3").replace("%1", accelerator).replace("%2", parts)
                .replace("%3", str(entry.place.paragraph)))
    return _t("%1 — %2").replace("%1", text).replace("%2", name) if named else text
