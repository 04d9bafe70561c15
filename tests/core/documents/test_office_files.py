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


def test_word_headings_without_numbers_are_headings_by_their_style(tmp_path: Path):
    """A heading in Word's Heading 2 (标题 2 in a Chinese Word: the style's name is "heading 2" in any language) or with
    an outline level is a heading, numbered or not."""
    import io

    import docx

    from fenggang_reader.core.documents.structure import structure_document
    from fenggang_reader.core.model import BlockKind

    document = docx.Document()
    document.add_heading("凤岗镇长者关爱行动方案", level=0)
    text = "凤岗镇为辖区老人开展免费体检服务，覆盖全镇各村（社区）。" * 3
    for heading in ("工作目标", "主要措施"):
        document.add_heading(heading, level=2)
        document.add_paragraph(text)
        document.add_heading("经费保障", level=3)
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "方案.docx"
    path.write_bytes(buffer.getvalue())
    extracted = extract_document(path)
    assert extracted.headings.get("工作目标") == 2 and extracted.headings.get("经费保障") == 3
    report = structure_document(extracted)
    headings = [(b.text, b.heading_level) for b in report.blocks if b.kind is BlockKind.HEADING]
    assert headings == [("工作目标", 3), ("经费保障", 4), ("主要措施", 3), ("经费保障", 4)]


def test_an_epub_books_marked_headings_are_known_to_the_structure(tmp_path: Path, lines: list[str]):
    """The sample book marks the report's 一、 headings <h2>: the extraction hands them on as marked headings, so a
    book whose headings carry no number keeps them too (the structure takes any short marked line)."""
    from fenggang_reader.core.documents.structure import structure_document
    from fenggang_reader.core.model import BlockKind

    path = tmp_path / "报告.epub"
    path.write_bytes(epub_book(lines))
    extracted = extract_document(path)
    headings = [b.text for b in structure_document(extracted).blocks if b.kind is BlockKind.HEADING]
    assert len(headings) >= 7 and all(extracted.headings.get(text) == 2 for text in headings)
