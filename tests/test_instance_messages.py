"""What a second start says to the running reader: ``activate``, or ``open`` with any file name (spaces, newlines,
Chinese, bytes that are not UTF-8); anything else is not an open message."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fenggang_reader.single_instance import ACTIVATE, open_message, opened_path


@pytest.mark.parametrize("name", ["/home/阿婆/文档/通知 2025.txt", "/tmp/two\nlines.html", "/tmp/" + os.fsdecode(b"\xff\xfe.txt")])
def test_an_open_message_carries_any_file_name(name):
    message = open_message(Path(name))
    assert message.endswith(b"\n") and message.count(b"\n") == 1 and message.isascii()
    assert opened_path(message) == Path(name)


@pytest.mark.parametrize("data", [ACTIVATE, b"open \n", b"open {\"path\": 3}\n", b"open {\"path\": \"\"}\n",
                                  b"open not json\n", b"open {\"path\": \"/a\"}", b"open [\"/a\"]\n"])
def test_anything_else_is_not_an_open_message(data):
    assert opened_path(data) is None
