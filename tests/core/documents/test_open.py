"""open_document: our .tsv report files as they are (a copy of the shipped report is the shipped report), other
files through extract and structure, and every failure a DocumentError naming the file."""

from __future__ import annotations

import pytest

from fenggang_reader.core.documents.extract import DocumentError, DocumentProblem
from fenggang_reader.core.documents.open import open_document
from fenggang_reader.core.model import BlockKind
from fenggang_reader.core.report_format import serialize_report
from fenggang_reader.core.resources import report_path
from tests.support import document_samples as ds

from .samples import VILLAGE_NOTICE


def test_a_copy_of_the_shipped_report_is_the_shipped_report(tmp_path, report):
    copy = tmp_path / "report.tsv"
    copy.write_bytes(report_path().read_bytes())
    opened = open_document(copy)
    assert opened.builtin and opened.fingerprint == report.fingerprint
    edited = tmp_path / "edited.tsv"
    edited.write_text(report_path().read_text(encoding="utf-8").replace("各位代表：", "各位代表，同志们："),
                      encoding="utf-8")
    assert not open_document(edited).builtin


def test_a_text_file_is_structured(tmp_path):
    path = tmp_path / "通知.txt"
    path.write_text(VILLAGE_NOTICE, encoding="utf-8")
    report = open_document(path)
    assert report.title == "关于开展2025年春季村容村貌整治活动的通知"
    assert len(report.notes) == 3 and not report.builtin
    assert BlockKind.NOTES_HEADING in {b.kind for b in report.blocks}


def test_a_structured_document_written_as_tsv_opens_the_same(tmp_path):
    path = tmp_path / "通知.txt"
    path.write_text(VILLAGE_NOTICE, encoding="utf-8")
    report = open_document(path)
    saved = tmp_path / "通知.tsv"
    saved.write_text(serialize_report(report), encoding="utf-8")
    again = open_document(saved)
    assert again.fingerprint == report.fingerprint
    assert [b.heading_level for b in again.blocks] == [b.heading_level for b in report.blocks]
    assert again.notes == report.notes


@pytest.mark.parametrize("name, content, problem", [
    ("missing.tsv", None, DocumentProblem.NOT_FOUND),
    ("empty.tsv", b"  \n", DocumentProblem.EMPTY),
    ("binary.tsv", b"\x89PNG\r\n\x1a\n\x00\xff\xfe", DocumentProblem.UNDECODABLE),
    ("table.tsv", "姓名\t年龄\n张三\t40\n".encode(), DocumentProblem.NOT_A_DOCUMENT),
    ("damaged.tsv", "title\tt\t报告\nparagraph\tp\t见[3]\n".encode(), DocumentProblem.DAMAGED),
])
def test_bad_report_files_are_document_errors(tmp_path, name, content, problem):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DocumentError) as caught:
        open_document(path)
    assert caught.value.problem is problem and caught.value.path == path
    assert str(path) in str(caught.value)


def test_a_folder_named_tsv_is_not_a_document(tmp_path):
    (tmp_path / "报告.tsv").mkdir()
    with pytest.raises(DocumentError) as caught:
        open_document(tmp_path / "报告.tsv")
    assert caught.value.problem is DocumentProblem.NOT_A_DOCUMENT and "folder" in str(caught.value)


def test_a_missing_document_of_any_format_is_a_document_error(tmp_path):
    with pytest.raises(DocumentError) as caught:
        open_document(tmp_path / "nowhere.txt")
    assert caught.value.problem is DocumentProblem.NOT_FOUND


@pytest.mark.parametrize("name, make", [
    ("记事本.txt", lambda lines: ds.notepad_text(lines).encode("gb18030")),
    ("折行.txt", lambda lines: ds.wrapped_text(lines).encode("utf-8")),
    ("门户网站.html", lambda lines: ds.portal_page(lines).encode("utf-8")),
    ("门户网站.mhtml", lambda lines: ds.mhtml(ds.portal_page(lines))),
])
def test_the_report_in_any_format_opens_with_the_shipped_structure(tmp_path, report, name, make):
    """extract and structure together: the report saved as a GBK Notepad file, a hard-wrapped text or a portal page
    with its chrome opens as the shipped report's blocks, kind for kind and text for text (ids of its own)."""
    path = tmp_path / name
    path.write_bytes(make(ds.report_lines()))
    opened = open_document(path)
    assert [(b.kind, b.text) for b in opened.blocks] == [(b.kind, b.text) for b in report.blocks]
    assert len(opened.markers) == len(report.markers) and len(opened.occurrences) == len(report.occurrences)
    assert not opened.builtin
