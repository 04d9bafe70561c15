"""PDFs with a text layer, from three producers: the reader's own large-print export (pinyin ruby over the
characters, "n / N" page numbers), LibreOffice (running head, "- n -" footers, indented first lines) and Qt's
text-document printing (radicals for characters, text clipped outside the page). Lines come back as the
report's paragraphs; a scanned PDF, a locked one and a damaged one say what they are."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from fenggang_reader.cli import main
from fenggang_reader.core.documents.extract import DocumentError, DocumentProblem, extract_document
from tests.support.document_samples import excerpt, excerpt_report_file, libreoffice_lines, report_lines

DATA = Path(__file__).parent / "data"
PAGE_NUMBER = re.compile(r"^(?:-\s*\d+\s*-|\d+\s*/\s*\d+|\d+)$")
PINYIN = re.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return report_lines()


def test_the_readers_own_pdf_with_pinyin_reads_back_as_its_paragraphs(tmp_path: Path, lines: list[str]):
    """The exported large print, pinyin on: not one syllable of the ruby, no page number, every paragraph whole
    (a page break inside a paragraph joins without a trace)."""
    source = tmp_path / "excerpt.tsv"
    source.write_text(excerpt_report_file(lines), encoding="utf-8")
    pdf = tmp_path / "large-print.pdf"
    assert main(["export-pdf", str(source), "--out", str(pdf), "--size", "16", "--pinyin", "on"]) == 0
    assert len(PdfReader(pdf).pages) > 5  # the test is about paragraphs crossing pages
    extracted = extract_document(pdf)
    assert extracted.format == "pdf"
    assert [p for p in extracted.paragraphs if PINYIN.search(p) or PAGE_NUMBER.match(p)] == []
    expected = [line.replace("\u3000", "") for line in excerpt(lines)]  # the speaker's gap is no glyph
    assert [p.replace("\u3000", "") for p in extracted.paragraphs] == expected


def test_a_libreoffice_pdf_loses_its_running_head_and_page_numbers(lines: list[str]):
    """Not its title, which the running head repeats in a smaller size; and a paragraph that goes on after a
    page that ended with a full stop stays whole (its next line is not indented)."""
    extracted = extract_document(DATA / "libreoffice-report.pdf")
    assert extracted.title == "2025年凤岗镇政府工作报告"
    assert extracted.paragraphs == libreoffice_lines(lines)


def test_a_pdf_printed_by_qt_gets_characters_not_radicals(tmp_path: Path, qapp, lines: list[str]):
    """Qt's QTextDocument printing maps 工人民长 to the radicals ⼯⼈⺠⻓ (same glyphs), and leaves each page's last
    line again above the next page, outside it. Its mapping of a few glyphs is simply wrong (户 as 戶), so the
    text is compared character by character, not for equality."""
    from difflib import SequenceMatcher

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QFontMetricsF, QPageSize, QPdfWriter, QTextBlockFormat, QTextCursor, QTextDocument

    paragraphs = excerpt(lines)
    path = tmp_path / "qt.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    document = QTextDocument()
    font = QFont("Noto Serif CJK SC", 12)
    document.setDefaultFont(font)
    cursor = QTextCursor(document)
    for index, text in enumerate(paragraphs):
        block = QTextBlockFormat()
        block.setAlignment(Qt.AlignmentFlag.AlignHCenter if index < 3 else Qt.AlignmentFlag.AlignJustify)
        if index >= 3:
            block.setTextIndent(2 * QFontMetricsF(font).horizontalAdvance("中"))
        cursor.setBlockFormat(block) if index == 0 else cursor.insertBlock(block)
        cursor.insertText(text)
    document.print_(writer)
    del writer
    assert len(PdfReader(path).pages) > 3
    got = extract_document(path).paragraphs
    assert not re.search("[\u2e80-\u2fdf]", "".join(got))
    assert len(got) == len(paragraphs)
    for mine, theirs in zip(got, paragraphs, strict=True):
        mine, theirs = "".join(mine.split()), "".join(theirs.split())
        assert SequenceMatcher(None, mine, theirs, autojunk=False).ratio() > 0.97, (mine[:20], theirs[:20])


def test_a_scanned_pdf_says_it_has_no_text(tmp_path: Path, qapp):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter

    path = tmp_path / "scan.pdf"
    writer = QPdfWriter(str(path))
    scan = QImage(400, 560, QImage.Format.Format_RGB32)
    scan.fill(QColor("white"))
    painter = QPainter(writer)
    painter.drawImage(QPoint(0, 0), scan)
    writer.newPage()
    painter.drawImage(QPoint(0, 0), scan)
    painter.end()
    with pytest.raises(DocumentError) as caught:
        extract_document(path)
    assert caught.value.problem == DocumentProblem.NOT_A_DOCUMENT
    assert "scanned" in str(caught.value) and "no text" in str(caught.value)


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256", "RC4-128"])
def test_a_pdf_that_forbids_copying_still_opens(tmp_path: Path, lines: list[str], algorithm: str):
    """Many published PDFs are encrypted with an owner password only: anyone may read them, so may we."""
    writer = PdfWriter(clone_from=PdfReader(DATA / "libreoffice-report.pdf"))
    writer.encrypt(user_password="", owner_password="owner", algorithm=algorithm, permissions_flag=0)
    path = tmp_path / "locked.pdf"
    with path.open("wb") as out:
        writer.write(out)
    assert extract_document(path).paragraphs == libreoffice_lines(lines)


def test_a_pdf_that_needs_a_password(tmp_path: Path):
    writer = PdfWriter(clone_from=PdfReader(DATA / "libreoffice-report.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    path = tmp_path / "secret.pdf"
    with path.open("wb") as out:
        writer.write(out)
    with pytest.raises(DocumentError) as caught:
        extract_document(path)
    assert caught.value.problem == DocumentProblem.UNREADABLE and "password" in str(caught.value)


@pytest.mark.parametrize("cut", [0.05, 0.5])
def test_a_damaged_pdf(tmp_path: Path, cut: float):
    data = (DATA / "libreoffice-report.pdf").read_bytes()
    path = tmp_path / "download.pdf"
    path.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(DocumentError) as caught:
        extract_document(path)
    assert caught.value.problem in (DocumentProblem.DAMAGED, DocumentProblem.NOT_A_DOCUMENT)
    assert "download.pdf" in str(caught.value)


def test_a_pdf_with_no_pages_of_text_and_no_images_is_empty(tmp_path: Path):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "blank.pdf"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(DocumentError) as caught:
        extract_document(path)
    assert caught.value.problem == DocumentProblem.EMPTY


NUMBERED_PARAGRAPHS = [
    "2025年塘沥镇政府工作报告",
    "——2025年2月20日在塘沥镇第十八届人民代表大会第五次会议上",
    "各位代表：",
    "我们以“村改”为切入点，盘活土地资源1200亩，新引进先进制造业项目23个，其中超亿元项目9个。“专精特新”企业【1】达到41家，"
    "规模以上工业增加值增长6.8%。",
    "民生支出占一般公共预算支出的78%，新增公办学位2100个，建成“15分钟养老服务圈”【2】，慢慢地把老人的事办到了家门口。",
    "【2】“15分钟养老服务圈”：指老年人步行15分钟即可获得助餐、助医等养老服务。",
]


@pytest.mark.parametrize("pinyin", ["on", "off"])
def test_numbers_on_the_readers_own_justified_lines_stay_whole(tmp_path: Path, pinyin: str):
    """pypdf reads a justified line of the reader's own PDF glyph by glyph (项 目 2 3 个; on the pages after the
    title's, here): the numbers in it come back as they were written (23, 2100, 15), not 2 3 and 1 5."""
    source = tmp_path / "numbers.txt"
    source.write_text("\n".join(NUMBERED_PARAGRAPHS) + "\n", encoding="utf-8")
    pdf = tmp_path / "numbers.pdf"
    assert main(["export-pdf", str(source), "--out", str(pdf), "--size", "16", "--pinyin", pinyin]) == 0
    assert extract_document(pdf).paragraphs == NUMBERED_PARAGRAPHS
