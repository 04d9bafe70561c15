"""structure_document on real-shaped documents: the report's structure where a document has it, paragraphs
where it has none, and ids that are the document's own and stable."""

from __future__ import annotations

import re

import pytest

from fenggang_reader.core.documents.extract import ExtractedText
from fenggang_reader.core.documents.structure import structure_document, tidy
from fenggang_reader.core.model import BlockKind
from fenggang_reader.core.resources import load_bundled_report
from tests.conftest import SEED

from .samples import LOOK_ALIKE, NEWS_ARTICLE, OFFICIAL_NOTICE, TOWN_REPORT, VILLAGE_NOTICE

P, H, T, M, S = BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.TITLE, BlockKind.META, BlockKind.SALUTATION


def structured(text: str | list[str], title: str | None = None):
    paragraphs = text.splitlines() if isinstance(text, str) else text
    return structure_document(ExtractedText(paragraphs, title, "text"))


def shape(report) -> list[tuple[str, int, str]]:
    return [(b.kind.value, b.heading_level, b.text[:6]) for b in report.blocks]


def test_village_notice_with_bracketed_notes():
    report = structured(VILLAGE_NOTICE)
    kinds = [b.kind for b in report.blocks]
    assert kinds[:4] == [T, S, P, H]
    assert report.title == "关于开展2025年春季村容村貌整治活动的通知"
    headings = [b.text for b in report.blocks if b.kind is H]
    assert headings == ["一、整治时间", "二、整治内容", "三、工作要求"]
    items = [b for b in report.blocks if b.text.startswith(("1.", "2.", "（1）", "（2）"))]
    assert [b.kind for b in items] == [P] * 4  # numbered items are paragraphs
    assert [b.kind for b in report.blocks[-6:]] == [BlockKind.NOTES_HEADING, *[BlockKind.NOTE] * 3, P, P]
    assert report.blocks[-2].text == "油甘埔村民委员会"  # the signature after the notes is not a note
    assert report.notes[1].term == "四小园" and report.notes[2].term == "门前三包"
    assert report.notes[3].term == "" and report.notes[3].explanation.startswith("村委会每季度")
    linked = {m.note_number: report.block(m.block_id).text[m.term_start:m.end] for m in report.markers}
    assert linked == {1: "“四小园”【1】", 2: "“门前三包”【2】", 3: "“美丽庭院”【3】"}  # 3 has no term: the quote before
    unmarked = [report.block(o.block_id).text[o.start:o.end] for o in report.occurrences if not o.has_marker]
    assert unmarked == ["“门前三包”"]  # its second use, in item 2


def test_town_report_with_eleven_and_sub_headings():
    report = structured(TOWN_REPORT)
    assert [b.kind for b in report.blocks[:5]] == [T, M, M, S, P]
    assert report.blocks[2].text == "清溪镇人民政府代镇长\u3000李某某"
    parts = [b.text for b in report.blocks if b.kind is BlockKind.PART]
    assert parts == ["一、2024年工作回顾", "二、2025年工作安排"]
    headings = [(b.heading_level, b.text) for b in report.blocks if b.kind is H]
    # The review's （一） are its headings; the plan's （一） are sub-headings of its 一、
    assert headings[:6] == [(3, "（一）产业发展提质增效"), (3, "（二）城乡面貌持续改善"), (3, "一、坚持创新驱动，培育发展新动能"),
                            (4, "（一）加快产业转型升级"), (4, "（二）强化科技创新支撑"), (3, "二、坚持民生优先")]
    assert [text for _level, text in headings if text.startswith("十")] == ["十、深化改革开放", "十一、坚持依法行政",
                                                                           "十二、锻造过硬作风"]
    assert {level for level, text in headings[2:] if not text.startswith("（")} == {3}
    assert [m.note_number for m in report.markers] == [1, 2]
    assert report.notes[2].term == "“三旧”改造"
    first = report.markers[0]
    assert report.block(first.block_id).text[first.start:first.end] == "①"


def test_sub_headings_alone_are_the_documents_headings():
    report = structured(["镇文化站2025年工作要点", "（一）办好群众文化活动", "全年举办活动50场。", "（二）加强阵地建设",
                         "完成图书馆改造。"])
    assert [(b.kind, b.heading_level) for b in report.blocks if b.kind is H] == [(H, 3), (H, 3)]


def test_news_article_is_its_title_and_paragraphs():
    report = structured(NEWS_ARTICLE, title="凤岗镇第十八届人民代表大会第八次会议开幕")
    assert [b.kind for b in report.blocks] == [T, P, P, P]
    assert report.title == "凤岗镇第十八届人民代表大会第八次会议开幕"
    assert not report.notes and not report.markers
    assert [b.id for b in report.blocks] == ["d-title", "d-p0001", "d-p0002", "d-p0003"]


def test_without_a_title_the_first_short_line_is_the_title():
    report = structured(["凤岗镇召开春季植树动员会", *NEWS_ARTICLE])
    assert report.title == "凤岗镇召开春季植树动员会" and [b.kind for b in report.blocks].count(P) == 3
    untitled = structured(NEWS_ARTICLE)
    assert [b.kind for b in untitled.blocks] == [P, P, P] and untitled.title == ""


@pytest.mark.parametrize("text", [LOOK_ALIKE, "一、加强组织领导。各单位要高度重视，主要负责同志亲自抓。",
                                  "（一）认真做好节日期间值班工作；"])
def test_a_paragraph_that_starts_like_a_heading_stays_a_paragraph(text):
    report = structured(["镇政府办公室通知", text, "（二）其他事项"])
    assert report.blocks[1].kind is P
    assert report.blocks[2].kind is H


def test_ids_are_the_documents_own_and_stable():
    shipped = {b.id for b in load_bundled_report().blocks}
    first, again = structured(TOWN_REPORT), structured(TOWN_REPORT)
    ids = [b.id for b in first.blocks]
    assert ids == [b.id for b in again.blocks] and first.fingerprint == again.fingerprint
    assert not shipped & set(ids)
    assert all(re.fullmatch(r"d-[a-z0-9-]+", i) for i in ids)
    assert ids[:4] == ["d-title", "d-occasion", "d-speaker", "d-salutation"]
    assert "d-h01" in ids and "d-note-2" in ids
    assert not first.builtin
    notice = [b.id for b in structured(VILLAGE_NOTICE).blocks if b.kind is H]
    assert notice == ["d-h01", "d-h02", "d-h03"]
    sub = [b.id for b in structured(["要点", "一、总体要求", "（一）稳增长", "（二）惠民生", "二、保障措施", "（一）强化领导"]).blocks
           if b.kind is H]
    assert sub == ["d-h01", "d-h01-1", "d-h01-2", "d-h02", "d-h02-1"]


def test_notes_in_one_paragraph_after_zhu():
    report = structured(["通知", "请各单位做好“双报到”[1]工作。", "注：[1]双报到：指党组织和党员到社区报到。"])
    assert [b.kind for b in report.blocks] == [T, P, BlockKind.NOTES_HEADING, BlockKind.NOTE]
    assert report.blocks[2].text + report.blocks[3].text == "注：[1]双报到：指党组织和党员到社区报到。"
    assert report.notes[1].term == "双报到" and len(report.markers) == 1


def test_notes_without_a_heading_at_the_end():
    report = structured(["通知", "做好“两新”[1]工作。", "[1]“两新”：指大规模设备更新和消费品以旧换新。"])
    assert [b.kind for b in report.blocks] == [T, P, BlockKind.NOTE]
    assert report.markers[0].note_number == 1


def test_marker_like_text_without_notes_stays_text():
    report = structured(["会议纪要", "议定事项如下：①加快项目建设；②做好安全生产。", "③其他事项另行研究。"])
    assert [b.kind for b in report.blocks] == [T, P, P]
    assert not report.markers and not report.notes


def test_a_note_going_on_in_a_second_paragraph_joins_it():
    report = structured(["报告", "落实“1310”[1]具体部署。", "名词解释", "[1]“1310”具体部署：“1”是锚定总目标，",
                         "“3”是激活三大动力，“10”是实现十大新突破。"])
    assert [b.kind for b in report.blocks][-2:] == [BlockKind.NOTES_HEADING, BlockKind.NOTE]
    assert report.notes[1].explanation.endswith("十大新突破。")


def test_tidy_spacing_and_punctuation():
    assert tidy("政 府 工 作 报 告") == "政府工作报告"
    assert tidy("各位代表:") == "各位代表："
    assert tidy("三个新型产业用地(M0)平台,新引进企业140家") == "三个新型产业用地（M0）平台，新引进企业140家"
    assert tidy("增长3.6%, 达到1,000亿元") == "增长3.6%, 达到1,000亿元"  # between digits and Latin: left as it is
    assert tidy("Made in China 2025") == "Made in China 2025"


@pytest.mark.skipif(not SEED.exists(), reason="shared seed not present")
def test_the_seed_page_gets_the_shipped_reports_structure():
    """The page the shipped report was cleaned from, as a web page's main text reaches structure: the same
    title block, parts, headings, paragraphs and notes as resources/report/report.tsv (ids of its own)."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.replace(" ", "").strip() == "政府工作报告")
    end = next(i for i, line in enumerate(lines) if line.strip().startswith("附件"))  # the portal's lines around it
    report = structure_document(ExtractedText([line.strip() for line in lines[start:end] if line.strip()],
                                              "2025年凤岗镇政府工作报告", "html"))
    shipped = load_bundled_report()
    assert [b.kind for b in report.blocks] == [b.kind for b in shipped.blocks]
    structural = [(b.kind, b.text) for b in shipped.blocks if b.kind not in (P, BlockKind.NOTE)]
    assert [(b.kind, b.text) for b in report.blocks if b.kind not in (P, BlockKind.NOTE)] == structural
    assert {n: (note.term, note.explanation) for n, note in report.notes.items()} == {
        n: (note.term, note.explanation) for n, note in shipped.notes.items()}
    assert [(m.note_number, m.end - m.term_start) for m in report.markers] == [
        (m.note_number, m.end - m.term_start) for m in shipped.markers]
    assert len(report.occurrences) == len(shipped.occurrences)
    assert not report.builtin and report.fingerprint != shipped.fingerprint


def test_an_official_notice_has_its_header_above_the_title():
    report = structured(OFFICIAL_NOTICE)
    front = [(b.kind, b.id, b.text) for b in report.blocks[:4]]
    assert front == [(M, "d-issuer", "凤岗镇人民政府文件"), (M, "d-number", "凤府〔2025〕12号"),
                     (T, "d-title", "凤岗镇人民政府关于做好2025年防汛防风工作的通知"),
                     (S, "d-salutation", "各村（社区），镇属各单位：")]
    assert [b.text for b in report.blocks if b.kind is H] == ["一、提高思想认识", "二、落实防御责任"]
    assert [b.kind for b in report.blocks[-4:]] == [BlockKind.NOTES_HEADING, BlockKind.NOTE, P, P]
    assert report.notes[1].term == "三个责任人" and report.markers[0].note_number == 1


def test_a_by_line_is_not_the_title():
    report = structured(["2025-03-11 15:14 来源：东莞日报", *NEWS_ARTICLE], title="凤岗镇人代会开幕")
    assert report.title == "凤岗镇人代会开幕" and report.blocks[1].kind is P


@pytest.mark.parametrize("line", ["2025年主要工作", "过去一年工作回顾", "第二部分 今后五年的目标任务", "一、2024年工作总结"])
def test_part_lines(line):
    report = structured(["报告", "正文。", line, "正文。"])
    assert report.blocks[2].kind is BlockKind.PART


def test_full_width_square_bracket_markers():
    report = structured(["通知", "落实“双报到”［1］制度。", "注释", "［1］双报到：指党组织和党员到社区报到。"])
    assert report.notes[1].term == "双报到" and [m.note_number for m in report.markers] == [1]


def test_notes_under_a_table_and_at_the_end_are_both_notes():
    report = structured(["通知", "全镇“四上”[1]企业名单如下。", "注：[1]四上：指规上工业等四类企业。", "二、工作要求",
                         "做好“双报到”[2]工作。", "名词解释", "[2]双报到：指党组织和党员到社区报到。"])
    kinds = [b.kind for b in report.blocks]
    assert kinds == [T, P, BlockKind.NOTES_HEADING, BlockKind.NOTE, H, P, BlockKind.NOTES_HEADING, BlockKind.NOTE]
    assert sorted(report.notes) == [1, 2] and len(report.markers) == 2
    assert [b.id for b in report.blocks if b.kind is BlockKind.NOTES_HEADING] == ["d-notes", "d-notes-2"]


def test_chapters_are_headings_above_their_numbered_ones():
    report = structured(["油甘埔村村规民约", "第一章　总则", "第一条　为加强村民自治，根据有关法律制定本村规民约。",
                         "第二章　社会治安", "一、邻里纠纷", "第二条　村民之间发生纠纷，应当协商解决。", "（一）调解程序",
                         "第三条　协商不成的，由村调解委员会调解。"])
    headings = [(b.id, b.heading_level, b.text) for b in report.blocks if b.kind is H]
    assert headings == [("d-h01", 3, "第一章　总则"), ("d-h02", 3, "第二章　社会治安"), ("d-h02-1", 4, "一、邻里纠纷"),
                        ("d-h02-2", 5, "（一）调解程序")]
    assert [b.kind for b in report.blocks if b.text.startswith("第") and "条" in b.text[:4]] == [P, P, P]


def test_an_occasion_line_first_is_not_the_title_when_the_page_has_one():
    """A portal whose text box starts below its <h1> gives ——…会议上 first: the page's title names the report."""
    report = structured(["——2024年2月18日在凤岗镇第十七届人民代表大会第四次会议上", "镇长 李明华", "各位代表：",
                         *NEWS_ARTICLE], title="2024年凤岗镇政府工作报告")
    assert report.title == "2024年凤岗镇政府工作报告"
    assert [b.id for b in report.blocks[:4]] == ["d-title", "d-occasion", "d-speaker", "d-salutation"]


def test_a_numbered_list_of_terms_under_its_heading_is_the_notes():
    """A town report's 名词解释 numbers its terms (1.长者饭堂：…) and marks nothing in the text: they were two plain
    paragraphs, no note to open, nothing in the contents; the terms' uses in the text now lead to them."""
    report = structured(["2024年凤岗镇政府工作报告", "新建长者饭堂4间，推进“百千万工程”。", "名词解释：",
                         "1.长者饭堂：为长者提供助餐服务的社区食堂。", "2、百千万工程：百县千镇万村高质量发展工程。"])
    assert [b.kind for b in report.blocks] == [T, P, BlockKind.NOTES_HEADING, BlockKind.NOTE, BlockKind.NOTE]
    assert [(n.number, n.term) for n in report.notes.values()] == [(1, "长者饭堂"), (2, "百千万工程")]
    assert {o.note_number for o in report.occurrences} == {1, 2} and not report.markers
    numbered = structured(["工作安排", "一、加强领导", "注：", "1.各单位要高度重视。", "2.按时报送材料。"])
    assert BlockKind.NOTE not in [b.kind for b in numbered.blocks]  # a numbered list without terms stays text
