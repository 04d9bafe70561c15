"""Word documents and EPUB books: the report's paragraphs in order, Word's own numbering and footnotes, tables,
the spine order of a book, no ruby annotations in the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from fenggang_reader.core.documents.extract import DocumentError, DocumentProblem, extract_document
from tests.support.document_samples import epub_book, report_lines, word_document


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return report_lines()


def test_a_word_report_with_a_table(tmp_path: Path, lines: list[str]):
    path = tmp_path / "2025年政府工作报告.docx"
    path.write_bytes(word_document(lines, table=[["指标", "2024年", "增长"], ["地区生产总值", "411亿元", "3.6%"]]))
    extracted = extract_document(path)
    assert extracted.format == "docx"
    assert extracted.title == "2025年凤岗镇政府工作报告"
    assert extracted.paragraphs == [*lines, "指标\u30002024年\u3000增长", "地区生产总值\u3000411亿元\u30003.6%"]


@pytest.mark.parametrize("number_format", ["chineseCounting", "taiwaneseCountingThousand"])
def test_headings_numbered_by_word_keep_their_numbers_and_footnotes_become_notes(tmp_path: Path, lines: list[str],
                                                                                number_format: str):
    """一、 written by a list style rather than typed (as Word and as LibreOffice write it), and the [n] notes as
    real footnotes: the reader gets the same text, the notes gathered under 注释 in the order the text refers to
    them."""
    path = tmp_path / "footnotes.docx"
    path.write_bytes(word_document(lines, footnotes=True, numbered_headings=True, number_format=number_format))
    paragraphs = extract_document(path).paragraphs
    notes = lines.index("名词解释")
    assert paragraphs[:notes] == lines[:notes]
    assert paragraphs[notes] == "注释"
    assert paragraphs[notes + 1:] == lines[notes + 1:]


def test_a_word_file_without_text(tmp_path: Path):
    path = tmp_path / "empty.docx"
    path.write_bytes(word_document([]))
    with pytest.raises(DocumentError) as caught:
        extract_document(path)
    assert caught.value.problem == DocumentProblem.EMPTY


def test_an_epub_book_in_spine_order_without_ruby_or_its_contents_page(tmp_path: Path, lines: list[str]):
    path = tmp_path / "report.epub"
    path.write_bytes(epub_book(lines, ruby_first_paragraph=True))
    extracted = extract_document(path)
    assert extracted.format == "epub"
    assert extracted.title == "2025年凤岗镇政府工作报告"
    assert extracted.paragraphs == lines  # not the manifest's order, no "目录", no "py" from <rt>


def test_a_book_without_its_package_is_damaged(tmp_path: Path, lines: list[str]):
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(epub_book(lines)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as damaged:
        for name in source.namelist():
            if not name.endswith(".opf"):
                damaged.writestr(name, source.read(name))
    path = tmp_path / "broken.epub"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(DocumentError) as caught:
        extract_document(path)
    assert caught.value.problem == DocumentProblem.DAMAGED and "broken.epub" in str(caught.value)


def test_an_epubs_footnotes_come_after_the_text_and_its_raised_numbers_are_markers(tmp_path: Path,
                                                                                  lines: list[str]):
    """As LibreOffice exports a report with footnotes: "“1310”¹具体部署" must not read 1310 1, and the notes set
    between the paragraphs belong at the end, under 注释."""
    path = tmp_path / "footnotes.epub"
    path.write_bytes(epub_book(lines, footnotes=True))
    notes = lines.index("名词解释")
    assert extract_document(path).paragraphs == [*lines[:notes], "注释", *lines[notes + 1:]]
