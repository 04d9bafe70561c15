"""Plain-text documents as readers have them: Notepad files in GBK, UTF-16 and UTF-8, hard-wrapped text,
【1】-style notes; every one reads back as the report's own paragraphs, never mojibake."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from fenggang_reader.core.documents.extract import extract_document, extract_plain_text
from tests.support.document_samples import notepad_text, report_lines, wrapped_text


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return report_lines()


@pytest.mark.parametrize(("encoding", "bom"), [
    ("gbk", b""),
    ("gb18030", b""),
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-16-le", b""),
    ("utf-16-be", b""),
])
def test_a_notepad_report_reads_back_in_any_encoding(tmp_path: Path, lines: list[str], encoding: str, bom: bytes):
    path = tmp_path / "政府工作报告.txt"
    path.write_bytes(bom + notepad_text(lines).encode(encoding))
    extracted = extract_document(path)
    assert extracted.format == "text"
    assert extracted.paragraphs == lines  # indentation gone, nothing joined, nothing garbled
    assert extracted.paragraphs[3] == "各位代表："


@pytest.mark.parametrize("encoding", ["gbk", "utf-16-le"])
def test_a_short_notice_is_not_taken_for_another_language(tmp_path: Path, encoding: str):
    """A few characters of GBK are as valid Korean (cp949) to a detector; UTF-16 of pure Chinese has no NULs."""
    notice = "通知\n村委会定于周六上午开会。\n"
    path = tmp_path / "notice.txt"
    path.write_bytes(notice.encode(encoding))
    assert extract_document(path).paragraphs == ["通知", "村委会定于周六上午开会。"]


def test_big5_text_from_a_taiwan_relative(tmp_path: Path):
    text = "各位鄉親：\n今年的廟會將於農曆三月舉行，歡迎大家踴躍參加。\n"
    path = tmp_path / "廟會.txt"
    path.write_bytes(text.encode("big5"))
    assert extract_document(path).paragraphs == ["各位鄉親：", "今年的廟會將於農曆三月舉行，歡迎大家踴躍參加。"]


def test_a_stray_broken_byte_costs_one_character_not_the_file(tmp_path: Path, lines: list[str]):
    data = notepad_text(lines[:20]).encode("gbk")
    path = tmp_path / "cut.txt"
    path.write_bytes(data[:-3])  # cut in the middle of a character, as an interrupted copy leaves it
    paragraphs = extract_document(path).paragraphs
    assert paragraphs[:19] == lines[:19]
    assert paragraphs[19].startswith(lines[19][:-3])


def test_hard_wrapped_text_is_joined_back_into_its_paragraphs(tmp_path: Path, lines: list[str]):
    path = tmp_path / "wrapped.txt"
    path.write_text(wrapped_text(lines, columns=60), encoding="utf-8")
    assert extract_document(path).paragraphs == lines


def test_lines_of_a_text_that_is_not_wrapped_stay_paragraphs(tmp_path: Path):
    """Short lines of different lengths are a list, a poem or a notice: never joined."""
    text = "关于春节期间安全工作的通知\n各村（社区）：\n春节将至，为确保全镇人民群众过一个欢乐祥和的节日，现就有关事项通知如下\n一、加强消防安全检查\n二、做好值班值守\n凤岗镇人民政府\n2025年1月20日\n"
    assert extract_plain_text(text, "the pasted text").paragraphs == text.splitlines()


def test_bracket_notes_stay_one_paragraph_each_even_when_wrapped(tmp_path: Path):
    """【1】-style notes (a text copied out of a Word file) begin paragraphs of their own."""
    body = "认真落实省委“1310”【1】具体部署，牢牢把握“两重”【2】和“两新”【3】政策实施机遇，全力稳固经济基本盘，着力激活发展新动能。" * 2
    notes = ["注释", "【1】“1310”具体部署：锚定一个目标，激活三大动力，奋力实现十大新突破。",
             "【2】“两重”：国家重大战略实施和重点领域安全能力建设。",
             "【3】“两新”：新一轮大规模设备更新和消费品以旧换新。"]
    text = wrapped_text([body, *notes], columns=40)
    assert extract_plain_text(text, "the pasted text").paragraphs == [body, *notes]


@pytest.mark.parametrize("columns", range(30, 50))
def test_a_latin_run_or_a_marker_cut_by_the_wrap_joins_without_a_space(columns: int):
    paragraph = ("打造“湾区周末IN东莞”品牌，推进TID[26]综合开发，建设5G基站120座，新建“四小园”[10] 40个，"
                 "落实“1+2”政策，R&D投入增长12.5%。") * 2
    text = wrapped_text([paragraph] * 3, columns=columns)
    assert extract_plain_text(text, "the pasted text").paragraphs == [paragraph] * 3
