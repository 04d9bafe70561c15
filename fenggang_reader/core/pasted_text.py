"""Pasted text becomes a document of its own: saved under the data folder, so it is in the recent documents,
its place is remembered and it opens again after a restart exactly as it was pasted.

The clipboard's HTML is kept as a web page (the extractor drops its chrome as for a saved page); when it holds
no text the extractor keeps (a bare fragment), its plain text is used instead.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable
from pathlib import Path

from .model import Report
from .storage import atomic_write_text

FOLDER_NAME = "pasted"
NAME_CHARS = 16  # of the text's start in the file's name
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\s\x00-\x1f]+')
_MARKUP = re.compile(r"<[^>]*>|&nbsp;")


def _visible(html: str) -> str:
    """The HTML's characters outside its tags, roughly: enough to tell text from an empty fragment."""
    return _MARKUP.sub(" ", html)


def has_text(html: str, text: str) -> bool:
    return bool(text.strip()) or bool(_visible(html).strip())


def file_name(text: str, suffix: str, now: float) -> str:
    """``<first characters> <date time>.<suffix>``: the recent list and a file manager show what it was."""
    start = _NOT_IN_NAMES.sub(" ", text).strip()[:NAME_CHARS].strip() or "pasted"
    return f"{start} {time.strftime('%Y-%m-%d %H-%M-%S', time.localtime(now))}{suffix}"


def save_pasted(folder: Path, content: str, label_text: str, suffix: str, now: float | None = None) -> Path:
    """Write ``content`` (UTF-8) into ``folder`` under a new name made from ``label_text``."""
    now = time.time() if now is None else now
    path = folder / file_name(label_text, suffix, now)
    n = 2
    while path.exists():
        path = folder / file_name(label_text, f"-{n}{suffix}", now)
        n += 1
    atomic_write_text(path, content)
    return path


def open_pasted(folder: Path, html: str, text: str,
                open_document: Callable[[Path], Report]) -> tuple[Report, Path]:
    """Save the clipboard's HTML (else its text) and open it with ``open_document``: (report, saved file).

    A saved copy that does not open is removed again; the DocumentError of the last try is raised."""
    from .documents.extract import DocumentError, DocumentProblem

    attempts = []
    if _visible(html).strip():
        page = html if re.search(r"<meta[^>]+charset", html, re.IGNORECASE) else '<meta charset="utf-8">\n' + html
        attempts.append((page, ".html"))
    if text.strip():
        attempts.append((text, ".txt"))
    if not attempts:
        raise DocumentError(None, DocumentProblem.EMPTY, "the clipboard holds no text")
    error: DocumentError | None = None
    label = text if text.strip() else _visible(html)
    for content, suffix in attempts:
        path = save_pasted(folder, content, label, suffix)
        try:
            return open_document(path), path
        except DocumentError as exc:
            with contextlib.suppress(OSError):
                path.unlink()
            if exc.problem not in (DocumentProblem.EMPTY, DocumentProblem.NOT_A_DOCUMENT):
                raise
            error = exc
    assert error is not None
    raise error
