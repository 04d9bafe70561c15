"""Why a document cannot be opened: one exception with a kind the UI translates and a sentence the CLI prints."""

from __future__ import annotations

import enum
from pathlib import Path


class DocumentProblem(enum.Enum):
    """What went wrong, for the UI to say in the reader's language (ui translates by this, never by the text)."""

    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    UNDECODABLE = "undecodable"
    NOT_A_DOCUMENT = "not_a_document"
    DAMAGED = "damaged"


class DocumentError(Exception):
    """A document that cannot be read: ``path`` (None for pasted text), ``problem`` and an English ``detail``.

    ``str(exc)`` is one English sentence naming the file and the reason, e.g.
    ``Cannot open "/home/a/notice.txt": it is a PNG image, not a document.``
    """

    def __init__(self, path: Path | None, problem: DocumentProblem, detail: str, *, source: str = "the pasted text"):
        self.path = path
        self.problem = problem
        self.detail = detail
        what = f'Cannot open "{path}"' if path is not None else f"Cannot use {source}"
        super().__init__(f"{what}: {detail.rstrip('.')}.")
