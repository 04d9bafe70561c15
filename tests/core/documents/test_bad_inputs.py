"""Files that are not documents we can read: each gives a DocumentError of the right kind whose sentence names
the file and the reason, never a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from fenggang_reader.core.documents import extracted
from fenggang_reader.core.documents.extract import (
    MAX_FILE_BYTES,
    DocumentError,
    DocumentProblem,
    extract_document,
    extract_plain_text,
)

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def zipped(members: dict[str, bytes]) -> bytes:
    """The same bytes in every process: the archive's bytes name a parametrized test, and pytest-xdist refuses a
    run whose workers collected different names (the clock's time of writing made them differ)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2025, 3, 3, 0, 0, 0)), data)
    return buffer.getvalue()


def problem_of(path: Path) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        extract_document(path)
    error = caught.value
    assert error.path == path
    message = str(error)
    assert str(path) in message and message.endswith(".") and "\n" not in message
    return error


def test_a_missing_file(tmp_path: Path):
    assert problem_of(tmp_path / "gone.txt").problem == DocumentProblem.NOT_FOUND


def test_a_folder(tmp_path: Path):
    folder = tmp_path / "reports.txt"
    folder.mkdir()
    error = problem_of(folder)
    assert error.problem == DocumentProblem.NOT_A_DOCUMENT and "folder" in str(error)


def test_a_file_the_system_will_not_let_us_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """(Permissions cannot be tested by chmod: the tests run as root in CI.)"""
    path = tmp_path / "locked.txt"
    path.write_text("各位代表：", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert problem_of(path).problem == DocumentProblem.UNREADABLE


@pytest.mark.parametrize("content", [b"", b"   \r\n\t\r\n", "\u3000\u3000\r\n\u3000\r\n".encode("gbk"),
                                     "\ufeff\r\n".encode("utf-8")])
def test_an_empty_file(tmp_path: Path, content: bytes):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert problem_of(path).problem == DocumentProblem.EMPTY


def test_a_page_with_no_text(tmp_path: Path):
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title></title></head><body><div><img src='a.png'></div></body></html>")
    assert problem_of(path).problem == DocumentProblem.EMPTY


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as sparse:
        sparse.truncate(MAX_FILE_BYTES + 1)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read"))
    error = problem_of(path)
    assert error.problem == DocumentProblem.TOO_LARGE and "MB" in str(error)


def test_too_much_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(extracted, "MAX_TEXT_CHARS", 1000)
    path = tmp_path / "long.txt"
    path.write_text("现在，我代表镇人民政府，向大会报告政府工作。\n" * 60, encoding="utf-8")
    error = problem_of(path)
    assert error.problem == DocumentProblem.TOO_LARGE and "1,000" in str(error)
    with pytest.raises(DocumentError) as pasted:
        extract_plain_text(path.read_text(encoding="utf-8"), "the pasted text")
    assert pasted.value.problem == DocumentProblem.TOO_LARGE and pasted.value.path is None


def test_bytes_in_no_encoding(tmp_path: Path):
    path = tmp_path / "garbled.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 40)
    assert problem_of(path).problem == DocumentProblem.UNDECODABLE


@pytest.mark.parametrize(("content", "named"), [
    (PNG, "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
    (zipped({"photos/a.jpg": b"\xff\xd8\xff"}), "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), ".doc"),
    (b"\x7fELF\x02\x01\x01" + bytes(64), "program"),
])
def test_a_binary_file_renamed_txt(tmp_path: Path, content: bytes, named: str):
    path = tmp_path / "报告.txt"
    path.write_bytes(content)
    error = problem_of(path)
    assert error.problem == DocumentProblem.NOT_A_DOCUMENT and named in str(error)


def test_binary_data_without_a_known_signature(tmp_path: Path):
    path = tmp_path / "data.txt"
    path.write_bytes(b"\x00\x01\x02\x03abc\x04\x05\x06" * 300)
    assert problem_of(path).problem == DocumentProblem.NOT_A_DOCUMENT


@pytest.mark.parametrize("name", ["报告.docx", "book.epub", "scan.pdf"])
def test_a_document_whose_content_is_not_its_format_is_damaged(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_text("<html>this download was interrupted", encoding="utf-8")
    assert problem_of(path).problem == DocumentProblem.DAMAGED


def test_a_truncated_word_file_is_damaged(tmp_path: Path):
    path = tmp_path / "报告.docx"
    data = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>" * 200})
    path.write_bytes(data[: len(data) // 2])
    assert problem_of(path).problem == DocumentProblem.DAMAGED


@pytest.mark.parametrize("name", ["通知", "notice.dat", "notice.TXT", "notice.md"])
def test_text_under_any_name_opens(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_bytes("关于春节期间安全工作的通知\r\n各村（社区）：\r\n".encode("gbk"))
    assert extract_document(path).paragraphs == ["关于春节期间安全工作的通知", "各村（社区）："]
