from __future__ import annotations

import re

import pytest

from fenggang_reader.core.cleaning import clean_page
from fenggang_reader.core.model import Block, BlockKind, Report
from fenggang_reader.core.report_format import (
    ReportFormatError,
    link_glossary,
    load_report,
    parse_report,
    serialize_report,
)
from fenggang_reader.core.resources import report_path
from tests.conftest import SEED


def test_title_block(report):
    kinds = [(b.kind, b.text) for b in report.blocks[:4]]
    assert kinds[0] == (BlockKind.TITLE, "政府工作报告")
    assert kinds[1] == (BlockKind.META, "——2025年3月3日在凤岗镇第十八届人民代表大会第八次会议上")
    assert kinds[2] == (BlockKind.META, "凤岗镇人民政府镇长\u3000韩俊峰")
    assert kinds[3] == (BlockKind.SALUTATION, "各位代表：")


def test_parts_headings_and_notes(report):
    parts = [b.text for b in report.blocks if b.kind is BlockKind.PART]
    assert parts == ["2024年工作回顾", "2025年工作安排"]
    headings = [b.text for b in report.blocks if b.kind is BlockKind.HEADING]
    assert [h[0] for h in headings] == list("一二三四五六七")
    assert len(report.notes) == 30
    assert sorted(report.notes) == list(range(1, 31))
    assert report.notes[15].term == "“反向飞地”"
    assert report.notes[1].explanation.startswith("中国共产党广东省第十三届委员会")
    assert report.blocks[-1].id == "note-30"


def test_every_marker_resolves_to_its_note_and_term(report):
    assert len(report.markers) == 30
    for marker in report.markers:
        text = report.block(marker.block_id).text
        assert text[marker.start : marker.end] == f"[{marker.note_number}]"
        term = text[marker.term_start : marker.term_end]
        note = report.notes[marker.note_number]
        assert term and (term in note.term or note.plain_term in term.replace("“", "").replace("”", "")), term
    first = report.markers[0]
    assert report.block(first.block_id).text[first.term_start : first.term_end] == "“1310”"


def test_unmarked_occurrences_found(report):
    unmarked = [o for o in report.occurrences if not o.has_marker]
    texts = {report.block(o.block_id).text[o.start : o.end] for o in unmarked}
    assert "“五个不发生”" in texts  # appears again in the 2025 part without a marker


def test_no_debris_left(report):
    text = report.plain_text()
    for debris in ["头部", "ico", "门户网站", "字体", "附件", "相关附件", "扫一扫", "备案号", "主办单位", "\xa0", "分享到"]:
        assert debris not in text, debris
    assert not re.search(r"[,:;!?()]", text), "half-width punctuation left"


def test_every_block_has_sentences_covering_it(report):
    for block in report.blocks:
        spans = block.sentences
        assert spans[0][0] == 0 and spans[-1][1] == len(block.text)
        assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_file_round_trips():
    raw = report_path().read_text(encoding="utf-8")
    assert serialize_report(parse_report(raw)) == raw


@pytest.mark.skipif(not SEED.exists(), reason="shared seed not present")
def test_resource_keeps_every_sentence_of_the_page():
    """The committed file is exactly the cleaned seed: nothing lost, nothing invented."""
    page = SEED.read_text(encoding="utf-8")
    cleaned = Report(clean_page(page))
    link_glossary(cleaned)
    committed = load_report(report_path())
    assert [(b.kind, b.id, b.text) for b in cleaned.blocks] == [(b.kind, b.id, b.text) for b in committed.blocks]
    squeeze = lambda s: re.sub(r"[\s,，:：;；!！()（）]", "", s)  # noqa: E731
    body = page[page.index("政 府 工 作 报 告") : page.index("附件")]
    assert squeeze(body) == squeeze("".join(b.text for b in committed.blocks))


def test_ids_are_stable_when_text_elsewhere_changes():
    raw = report_path().read_text(encoding="utf-8")
    before = parse_report(raw)
    edited = parse_report(raw.replace("各位代表：", "各位代表，同志们："))
    assert [b.id for b in before.blocks] == [b.id for b in edited.blocks]


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "no report blocks"),
        ("hello world\n", "separated by tabs"),
        ("paragraph\tp1\tx\n", "no title"),
        ("title\tt\tA\nbogus\tx\ty\n", "unknown block kind"),
        ("title\tt\tA\nparagraph\tt\tB\n", "duplicate"),
        ("title\tt\tA\nparagraph\tp\t见[3]\n", "marker [3]"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(text, message):
    with pytest.raises(ReportFormatError, match=re.escape(message)):
        parse_report(text, "bad.tsv")


def test_missing_or_binary_file_named(tmp_path):
    with pytest.raises(ReportFormatError, match="missing.tsv"):
        load_report(tmp_path / "missing.tsv")
    binary = tmp_path / "x.tsv"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ReportFormatError, match="not UTF-8"):
        load_report(binary)


def test_fingerprint_is_stable_and_follows_kinds_ids_and_texts(report):
    raw = report_path().read_text(encoding="utf-8")
    again = parse_report(raw)
    assert re.fullmatch(r"[0-9a-f]{32}", report.fingerprint)
    assert again.fingerprint == report.fingerprint
    assert parse_report(raw.replace("各位代表：", "各位代表，同志们：")).fingerprint != report.fingerprint
    assert parse_report(raw.replace("salutation\tsalutation", "paragraph\tsalutation")).fingerprint != report.fingerprint
    assert parse_report(raw.replace("\tsalutation\t", "\tgreeting\t")).fingerprint != report.fingerprint


def test_only_the_shipped_report_is_builtin(report):
    from fenggang_reader.core.resources import load_bundled_report

    assert load_bundled_report().builtin
    assert not parse_report(report_path().read_text(encoding="utf-8")).builtin


def test_sub_heading_level_is_kept_in_the_file():
    text = "title\tt\t报告\nheading\th1\t一、总体要求\nheading:4\th1-1\t（一）稳增长\nparagraph\tp1\t正文。\n"
    report = parse_report(text)
    assert [b.heading_level for b in report.blocks] == [1, 3, 4, 0]
    assert all(b.kind is BlockKind.HEADING for b in report.blocks[1:3])
    assert serialize_report(report).split("\n", 2)[2] == text
    with pytest.raises(ReportFormatError, match="bad heading level"):
        parse_report("title\tt\t报告\nparagraph:4\tp\t正文\n")


@pytest.mark.parametrize("marker, note", [("[3]", "[3]"), ("【3】", "【3】"), ("③", "③")])
def test_markers_in_every_style_link_their_note_and_term(marker, note):
    report = parse_report(f"title\tt\t通知\nparagraph\tp1\t做到“五个不发生”{marker}，守住底线。\n"
                          f"notes\tnotes\t注释\nnote\tn3\t{note}五个不发生：指不发生重大事故。\n")
    (found,) = report.markers
    text = report.block("p1").text
    assert (found.note_number, text[found.start:found.end]) == (3, marker)
    assert text[found.term_start:found.term_end] == "“五个不发生”"
    assert report.notes[3].term == "五个不发生"
    assert report.notes[3].explanation == "指不发生重大事故。"


def test_a_note_without_a_term_links_its_marker_alone():
    report = parse_report("title\tt\t通知\nparagraph\tp1\t本村已完成改造①，效果良好。\n"
                          "note\tn1\t①改造资金由镇财政统筹安排，村集体配套百分之十。\n")
    note = report.notes[1]
    assert note.term == "" and note.explanation.startswith("改造资金")
    assert note.label == "改造资金由镇财政统筹安排…"
    (marker,) = report.markers
    assert (marker.term_start, marker.term_end, marker.end) == (marker.start, marker.start, marker.start + 1)
    assert not [o for o in report.occurrences if not o.has_marker]


def test_lenient_linking_leaves_markers_without_notes_as_text():
    report = Report([Block(BlockKind.TITLE, "t", "新闻"), Block(BlockKind.PARAGRAPH, "p1", "据报道[1]，①加强②推进。")])
    link_glossary(report, strict=False)  # no notes: nothing linked, nothing refused
    assert report.markers == [] and report.notes == {}


def test_a_term_without_quotes_in_its_note_is_found_quoted_in_the_body():
    report = parse_report("title\tt\t通知\nparagraph\tp1\t推进“四小园”【1】建设。\nparagraph\tp2\t建好“四小园”和“”。\n"
                          "note\tn1\t【1】四小园：指小菜园、小果园。\nnote\tn2\t【2】没有术语的注释。\n")
    uses = [report.block(o.block_id).text[o.start:o.end] for o in report.occurrences]
    assert uses == ["“四小园”", "“四小园”"]


def test_a_term_the_text_words_otherwise_links_no_more_than_its_length():
    report = parse_report("title\tt\t通知\nparagraph\tp1\t今年本村已全面完成危旧房屋改造①，效果良好。\n"
                          "note\tn1\t①改造资金：由镇财政统筹安排。\n")
    (marker,) = report.markers
    assert report.block("p1").text[marker.term_start:marker.end] == "房屋改造①"
