"""Why a document could not be opened, in the interface's language.

core/documents reports a failure as a ``DocumentProblem`` with the file; its English ``str()`` is for the
command line and the log. The window names the file and the reason in the reader's language from the kind.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ..core.documents.extract import MAX_TEXT_CHARS, DocumentError, DocumentProblem


def _t(text: str) -> str:
    return QCoreApplication.translate("DocumentError", text)


def describe_problem(problem: DocumentProblem) -> str:
    """The reason, one sentence."""
    texts = {
        DocumentProblem.NOT_FOUND: _t("There is no file by that name: it was moved, renamed or deleted, or the name is "
                                     "mistyped."),
        DocumentProblem.UNREADABLE: _t("The file cannot be read: the computer does not allow it, or the disk "
                                       "is not available."),
        DocumentProblem.EMPTY: _t("There is no text in it."),
        DocumentProblem.TOO_LARGE: _t("It is too large: the reader opens documents of up to %1 characters.")
        .replace("%1", f"{MAX_TEXT_CHARS:,}"),
        DocumentProblem.UNDECODABLE: _t("Its characters cannot be read: it is in an encoding the reader does not "
                                        "know."),
        DocumentProblem.NOT_A_DOCUMENT: _t("It is not a document the reader can open. It opens text files, web "
                                           "pages (.html, .mhtml), Word files (.docx), EPUB books and PDF files "
                                           "with text."),
        DocumentProblem.DAMAGED: _t("The file is damaged or incomplete."),
    }
    return texts[problem]


def cannot_open(path: Path | None) -> str:
    """The headline: which file could not be opened."""
    if path is None:
        return _t("The copied text cannot be opened.")
    return _t("“%1” cannot be opened.").replace("%1", path.name)


def describe(error: BaseException, path: Path | None) -> tuple[str, str]:
    """(headline, reason) for a message box; anything but a DocumentError is a fault of the reader."""
    if isinstance(error, DocumentError):
        return cannot_open(error.path or path), describe_problem(error.problem)
    return cannot_open(path), _t("Something went wrong in the reader while opening it; the details are in the log.")
