"""Which reader a file needs: by its content first (a PNG renamed .txt is still a PNG), then by its extension.

The extension decides only between formats the content cannot tell apart (a saved page and plain text that
mentions <html>); a file without an extension, or with one we do not know, is opened by its content.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from .errors import DocumentError, DocumentProblem

_BY_EXTENSION = {
    ".txt": "text", ".text": "text", ".md": "text", ".csv": "text", ".log": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".mhtml": "mhtml", ".mht": "mhtml",
    ".docx": "docx", ".epub": "epub", ".pdf": "pdf",
}
_FORMAT_NAMES = {"docx": "a Word document (.docx)", "epub": "an EPUB book", "pdf": "a PDF file"}
# Formats that are surely not a document we read, by their first bytes: what the reader would call them.
_FOREIGN = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word, WPS, Excel or PowerPoint file (.doc, .wps, .xls, .ppt); save it as .docx first"),
    (b"{\\rtf", "an RTF file; save it as .docx or .txt first"),
    (b"\x1f\x8b", "a compressed (gzip) file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"ID3", "a sound file (MP3)"),
    (b"OggS", "a sound file (Ogg)"),
    (b"fLaC", "a sound file (FLAC)"),
)
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
                         re.IGNORECASE | re.DOTALL)
_MHTML_HEADER = re.compile(rb"^(?:[\w-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?Content-Type:\s*multipart/related",
                           re.IGNORECASE)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def sniff_format(path: Path, data: bytes) -> str:
    """"text", "html", "mhtml", "docx", "epub" or "pdf"; DocumentError when the content is not a document or
    contradicts an extension that promises a binary format (a .docx that is not a zip is damaged)."""
    by_extension = _BY_EXTENSION.get(path.suffix.lower())
    by_content = _by_content(path, data)
    if by_content is not None:
        return by_content
    if by_extension in _FORMAT_NAMES:
        raise DocumentError(path, DocumentProblem.DAMAGED,
                            f"it is named as {_FORMAT_NAMES[by_extension]} but its content is not one; it may be "
                            "damaged or incompletely downloaded")
    head = data[:4096]
    for bom in _BOMS:
        head = head.removeprefix(bom)
    if by_extension == "html" or (by_extension is None and _HTML_START.match(head)):
        return "html"
    if by_extension == "mhtml" or (by_extension is None and _MHTML_HEADER.match(head)):
        return "mhtml"
    return "text"


def _by_content(path: Path, data: bytes) -> str | None:
    """The format the first bytes prove, None for text-like content; DocumentError for a foreign format."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(path, data)
    for magic, name in _FOREIGN:
        if data.startswith(magic):
            raise DocumentError(path, DocumentProblem.NOT_A_DOCUMENT, f"it is {name}, not a document")
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        raise DocumentError(path, DocumentProblem.NOT_A_DOCUMENT, "it is a WebP image, not a document")
    if data[4:8] == b"ftyp":
        raise DocumentError(path, DocumentProblem.NOT_A_DOCUMENT, "it is a video or sound file, not a document")
    return None


def _zip_format(path: Path, data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype").strip() if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, KeyError) as exc:
        raise DocumentError(path, DocumentProblem.DAMAGED, f"it is a damaged ZIP file ({exc})") from exc
    if "word/document.xml" in names:
        return "docx"
    if mimetype == b"application/epub+zip" or "META-INF/container.xml" in names:
        return "epub"
    if any(name.startswith(("xl/", "ppt/")) for name in names):
        raise DocumentError(path, DocumentProblem.NOT_A_DOCUMENT,
                            "it is an Excel or PowerPoint file, not a document the reader opens")
    if "content.xml" in names:
        raise DocumentError(path, DocumentProblem.NOT_A_DOCUMENT,
                            "it is an OpenDocument file; save it as .docx first")
    if path.suffix.lower() in (".docx", ".epub"):
        raise DocumentError(path, DocumentProblem.DAMAGED,
                            f"it is named as {_FORMAT_NAMES[path.suffix.lower()[1:]]} but lacks its main part")
    raise DocumentError(path, DocumentProblem.NOT_A_DOCUMENT, "it is a ZIP archive, not a document")
