"""Any document file (or pasted text) to paragraphs: the one entry point the window, the command line and the
structure use. Each format family has a module of its own; this one reads the file, decides the format by
content and name (sniff) and turns every failure into a DocumentError that names the file and the reason."""

from __future__ import annotations

from pathlib import Path

from .errors import DocumentError, DocumentProblem
from .extracted import MAX_FILE_BYTES, MAX_TEXT_CHARS, ExtractedText, finish
from .sniff import sniff_format

__all__ = [
    "MAX_FILE_BYTES", "MAX_TEXT_CHARS", "DocumentError", "DocumentProblem", "ExtractedText",
    "extract_document", "extract_html", "extract_plain_text",
]


def _read(kind: str, data: bytes, path: Path) -> ExtractedText:
    """The format's reader, imported only when a document of its kind is opened: trafilatura alone takes
    ~0.17 s to import, which the reader's start must not pay."""
    if kind == "html":
        from .html_page import read_html_file

        return read_html_file(data, path)
    if kind == "mhtml":
        from .mhtml_file import read_mhtml_file

        return read_mhtml_file(data, path)
    if kind == "docx":
        from .docx_file import read_docx_file

        return read_docx_file(data, path)
    if kind == "epub":
        from .epub_file import read_epub_file

        return read_epub_file(data, path)
    if kind == "pdf":
        from .pdf_file import read_pdf_file

        return read_pdf_file(data, path)
    if kind != "text":
        raise DocumentError(path, DocumentProblem.NOT_A_DOCUMENT, f"the reader cannot open {kind} files yet")
    from .text_file import read_text_file

    return read_text_file(data, path)


def extract_document(path: Path) -> ExtractedText:
    """The document's paragraphs and title; DocumentError for a file that is missing, unreadable, empty, too
    large, undecodable, not a document or damaged."""
    data = read_file(path)
    return _read(sniff_format(path, data), data, path)


def extract_html(html: str, source: str) -> ExtractedText:
    """Pasted or downloaded HTML, its chrome removed as for a saved page; ``source`` names it in errors."""
    from .html_page import page_text

    return page_text(html, "html", None, source)


def extract_plain_text(text: str, source: str) -> ExtractedText:
    """Pasted text: one paragraph per line (a hard-wrapped text's lines joined), ``source`` names it in errors."""
    from .text_file import text_paragraphs

    return finish(text_paragraphs(text), None, "text", None, source)


def read_file(path: Path) -> bytes:
    """The file's bytes; refused before reading when it is not a file or larger than MAX_FILE_BYTES."""
    try:
        if not path.exists():
            raise DocumentError(path, DocumentProblem.NOT_FOUND, "there is no such file")
        if path.is_dir():
            raise DocumentError(path, DocumentProblem.NOT_A_DOCUMENT, "it is a folder, not a file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DocumentError(path, DocumentProblem.TOO_LARGE,
                                f"the file has {size / 2**20:.0f} MB, more than the {MAX_FILE_BYTES // 2**20} MB "
                                "the reader opens")
        data = path.read_bytes()
    except PermissionError as exc:
        raise DocumentError(path, DocumentProblem.UNREADABLE, "the computer does not allow reading it") from exc
    except OSError as exc:
        raise DocumentError(path, DocumentProblem.UNREADABLE, f"it cannot be read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise DocumentError(path, DocumentProblem.EMPTY, "the file is empty")
    return data
