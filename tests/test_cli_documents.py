"""The export commands on a document of the reader's own (FILE): the document's blocks, kinds, title and parts, and
a bad FILE as one sentence with exit status 1."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from fenggang_reader.cli import main
from tests.core.documents.samples import TOWN_REPORT

KINDS = {"title", "meta", "salutation", "part", "heading", "paragraph", "notes", "note"}


@pytest.fixture
def town_report(tmp_path):
    path = tmp_path / "清溪镇政府工作报告.txt"
    path.write_text(TOWN_REPORT, encoding="utf-8")
    return path


def test_export_pinyin_of_a_file_gives_its_blocks_with_their_kinds(town_report, capsys):
    assert main(["export-pinyin", str(town_report)]) == 0
    blocks = json.loads(capsys.readouterr().out)
    assert blocks[0] == {"id": "d-title", "kind": "title", "text": "2025年清溪镇政府工作报告",
                         "pinyin": [None] * 4 + ["nián", "qīng", "xī", "zhèn", "zhèng", "fǔ", "gōng", "zuò", "bào", "gào"]}
    kinds = [b["kind"] for b in blocks]
    assert set(kinds) == KINDS
    assert kinds[:5] == ["title", "meta", "meta", "salutation", "paragraph"]
    assert kinds[-3:] == ["notes", "note", "note"]
    assert all(b["id"].startswith("d-") for b in blocks)


def test_export_pinyin_of_the_built_in_report_has_kinds_too(capsys, report):
    assert main(["export-pinyin"]) == 0
    blocks = json.loads(capsys.readouterr().out)
    assert [(b["id"], b["kind"]) for b in blocks] == [(b.id, b.kind.value) for b in report.blocks]


@pytest.mark.parametrize("command", [["export-pinyin"], ["export-pdf", "--out", "{out}/x.pdf"],
                                     ["export-audio", "--out", "{out}/book"],
                                     ["export-lines", "--size", "36", "--width", "600"]])
def test_a_bad_file_is_one_sentence_and_exit_status_1(tmp_path, capsys, command):
    missing = tmp_path / "nowhere" / "通知.txt"
    args = [a.replace("{out}", str(tmp_path)) for a in command]
    assert main([*args, str(missing)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("fenggang-reader: ") and str(missing) in err and "no such file" in err
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "book").exists()


def test_a_file_that_is_not_a_document_ends_without_a_traceback(tmp_path):
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "fenggang_reader", "export-pinyin", str(png)],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 1 and "Traceback" not in result.stderr and result.stdout == ""
    assert result.stderr.startswith(f'fenggang-reader: Cannot open "{png}"')


def test_file_and_report_together_are_a_usage_error(town_report, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--report", str(town_report), "export-pinyin", str(town_report)])
    assert caught.value.code == 2 and "either FILE or --report" in capsys.readouterr().err


def test_export_lines_of_a_file(town_report, capsys):
    assert main(["export-lines", str(town_report), "--size", "24", "--width", "700"]) == 0
    lines = json.loads(capsys.readouterr().out)
    assert lines[0]["block"] == "d-title"
    assert {line["block"] for line in lines} >= {"d-h01", "d-h03-1", "d-note-2"}


def test_export_pdf_of_a_file_has_its_title_outline_and_sub_headings(town_report, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "town.pdf"
    assert main(["export-pdf", str(town_report), "--out", str(out), "--size", "24"]) == 0
    reader = PdfReader(out)
    assert reader.metadata.title == "2025年清溪镇政府工作报告"

    def flat(outline, depth=0):
        for item in outline:
            if isinstance(item, list):
                yield from flat(item, depth + 1)
            else:
                yield depth, item.title

    entries = list(flat(reader.outline))
    assert (0, "一、2024年工作回顾") in entries and (0, "名词解释") in entries
    assert (1, "一、坚持创新驱动，培育发展新动能") in entries and (2, "（一）加快产业转型升级") in entries


def test_export_audio_of_a_files_part(town_report, tmp_path, silent_server, monkeypatch):
    from mutagen.id3 import ID3

    monkeypatch.setenv("FENGGANG_READER_EDGE_ENDPOINT", silent_server.base_url)
    out = tmp_path / "book"
    assert main(["export-audio", str(town_report), "--out", str(out), "--part", "1", "--engine", "edge",
                 "--allow-online"]) == 0
    files = sorted((out / "段落 paragraphs").glob("*.mp3"))
    assert [f.name.split("-", 1)[1] for f in files] == ["d-part-1.mp3", "d-p0002.mp3", "d-h01.mp3", "d-p0003.mp3",
                                                       "d-h02.mp3", "d-p0004.mp3"]
    tags = ID3(files[0])
    assert str(tags["TALB"]) == "2025年清溪镇政府工作报告（一、2024年工作回顾）"
    assert str(tags["TPE1"]) == "清溪镇人民政府代镇长\u3000李某某"


def test_export_audio_refuses_a_part_the_file_does_not_have(town_report, tmp_path, capsys):
    assert main(["export-audio", str(town_report), "--out", str(tmp_path / "b"), "--part", "2023"]) == 1
    err = capsys.readouterr().err
    assert "unknown part '2023'" in err and "all, 1, 2, 2024, 2025, notes" in err


def test_exports_of_a_file_take_that_documents_corrections(town_report, capsys, isolated_home):
    from fenggang_reader.core.documents.open import open_document
    from fenggang_reader.core.reader_annotator import corrections_path
    from fenggang_reader.core.storage import AppDirs

    path = corrections_path(AppDirs.default(), open_document(town_report))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("at\td-title:5\tqing4\t\t\n", encoding="utf-8")  # 清 of 清溪, as a reader's F2 would keep it
    assert main(["export-pinyin", str(town_report)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["pinyin"][5] == "qìng"
    assert main(["export-pinyin"]) == 0  # the built-in report's corrections are its own
    assert "qìng" not in json.loads(capsys.readouterr().out)[0]["pinyin"]


def test_a_document_without_a_title_is_named_by_its_file(tmp_path):
    from pypdf import PdfReader

    from tests.core.documents.samples import NEWS_ARTICLE

    path = tmp_path / "人代会新闻.txt"
    path.write_text("\n".join(NEWS_ARTICLE) + "\n", encoding="utf-8")
    out = tmp_path / "news.pdf"
    assert main(["export-pdf", str(path), "--out", str(out), "--size", "24"]) == 0
    assert PdfReader(out).metadata.title == "人代会新闻"
