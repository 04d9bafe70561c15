"""Plain text in the encodings Chinese text files come in: UTF-8 (with or without a BOM), GB18030/GBK, Big5
and UTF-16 (with or without a BOM).

Order matters: a byte-order mark is certain; text that decodes as UTF-8 is UTF-8 (GBK text almost never
does); then charset-normalizer chooses among the Chinese encodings (or UTF-16 first, when there are NUL bytes) only,
since left to itself it takes a few GBK characters for Korean (cp949). Anything else it recognises comes last.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import charset_normalizer

from .errors import DocumentError, DocumentProblem
from .extracted import ExtractedText, finish
from .lines import join_wrapped_lines

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CHINESE_ENCODINGS = ["gb18030", "big5"]
_UTF_16 = ["utf_16_le", "utf_16_be"]
# Control characters other than tab, line and page breaks: text has none, binary data has many.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_text(data: bytes, path: Path | None, source: str = "the pasted text") -> str:
    """The file's text; DocumentError UNDECODABLE when no encoding fits, NOT_A_DOCUMENT when it is binary."""
    text = _decode(data)
    if text is None:
        raise DocumentError(path, DocumentProblem.UNDECODABLE,
                            "its bytes are not text in any encoding the reader knows (UTF-8, GB18030/GBK, Big5, "
                            "UTF-16)", source=source)
    if len(_CONTROL.findall(text[:65536])) > max(2, len(text[:65536]) // 1000):
        raise DocumentError(path, DocumentProblem.NOT_A_DOCUMENT, "it holds binary data, not text", source=source)
    return text


def _decode(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    try:
        text = data.decode("utf-8")
        if "\x00" not in text:  # UTF-16 of ASCII-heavy text is valid UTF-8, full of NULs
            return text
    except UnicodeDecodeError:
        pass
    # UTF-16 without a BOM has NUL bytes wherever there is a line break or a Latin letter; without any, a
    # Chinese multi-byte encoding is far likelier (a few GBK characters also make valid UTF-16).
    candidates = (_UTF_16, _CHINESE_ENCODINGS) if b"\x00" in data else (_CHINESE_ENCODINGS, _UTF_16)
    for isolation in (*candidates, None):
        best = charset_normalizer.from_bytes(data, cp_isolation=isolation).best()
        if best is not None:
            return str(best)
    return _nearly_decoded(data)


def _nearly_decoded(data: bytes) -> str | None:
    """UTF-8 or GB18030 text with a stray broken byte (a file cut mid-character, a bad copy): the text with a
    replacement mark there, rather than refusing all of it; None when more than a few or one in a thousand are broken."""
    decodings = [data.decode(encoding, errors="replace") for encoding in ("utf-8", "gb18030")]
    text = min(decodings, key=lambda t: t.count("\ufffd"))
    return text if text.count("\ufffd") <= 3 + len(text) // 1000 else None


def text_paragraphs(text: str) -> list[str]:
    return join_wrapped_lines(text.splitlines())


def read_text_file(data: bytes, path: Path) -> ExtractedText:
    return finish(text_paragraphs(decode_text(data, path)), None, "text", path)
