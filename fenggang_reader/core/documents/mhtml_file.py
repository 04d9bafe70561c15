"""Web pages saved as one file (.mhtml, .mht: "Web page, single file" in Chrome, Edge and old IE): a MIME
message whose text/html part is the page, quoted-printable or base64, in its own charset."""

from __future__ import annotations

import email
import email.policy
from email.message import Message
from pathlib import Path

from .errors import DocumentError, DocumentProblem
from .extracted import ExtractedText
from .html_page import decode_html, page_text


def read_mhtml_file(data: bytes, path: Path) -> ExtractedText:
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    part = _html_part(message)
    if part is None:
        raise DocumentError(path, DocumentProblem.DAMAGED, "it is a saved web page without the page in it")
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise DocumentError(path, DocumentProblem.EMPTY, "the page saved in it is empty")
    charset = part.get_content_charset()
    html: str | None = None
    if charset:
        try:
            html = payload.decode({"gb2312": "gb18030", "gbk": "gb18030"}.get(charset, charset))
        except (LookupError, UnicodeDecodeError):
            html = None
    if html is None:
        html = decode_html(payload, path)
    return page_text(html, "mhtml", path)


def _html_part(message: Message) -> Message | None:
    """The page itself: the first text/html part (the part the root says it starts with comes first)."""
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return part
    return None
