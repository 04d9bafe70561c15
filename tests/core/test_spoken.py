"""What the speech engine is given: readings of numbers and symbols, markers, chunks and offset maps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fenggang_reader.core import numbers_zh
from fenggang_reader.core.model import MARKER_RE, Block, BlockKind
from fenggang_reader.core.pronunciation import Entry, PronunciationRecord
from fenggang_reader.core.settings import SETTINGS
from fenggang_reader.core.spoken import (
    MAX_CHUNK,
    MarkerPolicy,
    SpeechChunk,
    note_chunks,
    prepare_block,
    prepare_span,
    reading_table,
    spoken_form,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "speech-text.md"
# What an engine may receive: Han, Latin letters (spelled or read by the engine), ASCII space, and
# Chinese punctuation every engine treats as a pause or ignores. No digits, no %, +, &, brackets, dashes.
_ALLOWED = re.compile(r"[\u4e00-\u9fffA-Za-z ，。、；：？！“”‘’《》（）]*")
_CHUNK_END = set("。！？；!?;，,、：:”’」』）)")


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("411亿元", "四百一十一亿元"),
        ("3.6%", "百分之三点六"),
        ("99.4%", "百分之九十九点四"),
        ("2025年", "二零二五年"),
        ("1.23亿元", "一点二三亿元"),
        ("2177个", "两千一百七十七个"),
        ("“1310”", "“一三一零”"),
        ("“8+8+4”", "“八加八加四”"),
        ("“1+6+N”", "“一加六加N”"),
        ("12345热线", "一二三四五热线"),
        ("、12345等平台", "、一二三四五等平台"),
        ("5G", "五G"),
        ("年度R&D经费", "年度R and D经费"),
        ("AEO高级认证", "A E O高级认证"),
        ("（M0）平台", "（M零）平台"),
        ("凤岗站TID项目", "凤岗站T I D项目"),
        ("与GDP增长", "与G D P增长"),
        ("湾区周末IN东莞", "湾区周末in东莞"),
        ("联东U谷", "联东U谷"),
        ("2025年3月3日", "二零二五年三月三日"),
        ("75周年", "七十五周年"),
        ("第1", "第一"),
        ("全市第2。", "全市第二。"),
        ("12.6亿元", "十二点六亿元"),
        ("50%", "百分之五十"),
        ("100%", "百分之百"),
        ("2-3个", "两到三个"),
        ("2-3", "二到三"),
        ("5%-10%", "百分之五到百分之十"),
        ("2025-2030年", "二零二五到二零三零年"),
        ("２０２５年增长３．６％", "二零二五年增长百分之三点六"),
        ("国道G220快速化", "国道G二二零快速化"),
        ("《关于加快东莞旅游产业》", "《关于加快东莞旅游产业》"),
        ("（东府〔2025〕1号）", "（东府二零二五 一号）"),
        ("5.5%左右", "百分之五点五左右"),
        ("4.5%", "百分之四点五"),
        ("24小时", "二十四小时"),
        ("“1+16”方案", "“一加十六”方案"),
        ("“1+2”政策", "“一加二”政策"),
        ("学前教育“5080”", "学前教育“五零八零”"),
        ("2个", "两个"),
        ("2家企业", "两家企业"),
        ("第2名", "第二名"),
        ("2月2日", "二月二日"),
        ("“2”是", "“二”是"),
        ("2.2亿元", "二点二亿元"),
        ("2109亩", "两千一百零九亩"),
        ("200户", "二百户"),
        ("20000人", "两万人"),
        ("2万人", "两万人"),
        ("10号线", "十号线"),
        ("1.8万人次", "一点八万人次"),
        ("“大招商”2.0行动", "“大招商”二点零行动"),
        ("4A级", "四A级"),
        ("“人工智能+”行动", "“人工智能加”行动"),
        ("——2025年3月3日", "二零二五年三月三日"),
        ("凤岗—平湖", "凤岗、平湖"),
        ("黄洞-塘沥片区", "黄洞、塘沥片区"),
        ("莞深智谷·客侨凤岗", "莞深智谷、客侨凤岗"),
        ("镇长　韩俊峰", "镇长，韩俊峰"),
        ("１２３个", "一百二十三个"),
    ],
)
def test_readings(written, spoken):
    assert spoken_form(written) == spoken


@pytest.mark.parametrize(
    ("value", "reading"),
    [
        (0, "零"), (1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (110, "一百一十"), (411, "四百一十一"),
        (609, "六百零九"), (1000, "一千"), (1009, "一千零九"), (1410, "一千四百一十"), (2177, "两千一百七十七"),
        (10001, "一万零一"), (100000, "十万"), (105000, "十万五千"), (1000500, "一百万零五百"),
        (200000000, "两亿"), (100000005, "一亿零五"), (22000, "两万二千"),
    ],
)  # fmt: skip
def test_cardinals(value, reading):
    assert numbers_zh.cardinal(value) == reading


def test_two_is_liang_only_when_counting_and_never_as_an_ordinal():
    assert numbers_zh.cardinal(2) == "二"
    assert numbers_zh.cardinal(2, counting=True) == "两"
    assert numbers_zh.cardinal(2, counting=True, ordinal=True) == "二"
    assert numbers_zh.cardinal(2000, ordinal=True) == "二千"
    assert numbers_zh.cardinal(12, counting=True) == "十二"
    assert numbers_zh.decimal("0.5") == "零点五" and numbers_zh.percent("0.5") == "百分之零点五"
    assert numbers_zh.digits("1310") == "一三一零"  # 一, never 幺


# -- the whole report ------------------------------------------------------------------------------
@pytest.mark.parametrize("policy", list(MarkerPolicy))
def test_every_chunk_of_the_report_is_speakable_and_maps_back(report, policy):
    for block in report.blocks:
        chunks = prepare_block(block, report, policy)
        assert chunks, block.id
        for chunk in chunks:
            assert _ALLOWED.fullmatch(chunk.text), (block.id, chunk.text)
            assert len(chunk.text) <= MAX_CHUNK
            source = report.block(chunk.block_id).text
            assert chunk.end == len(source) or source[chunk.end - 1] in _CHUNK_END, (chunk.block_id, chunk.end)
            _assert_map(chunk, source)
        own = [c for c in chunks if not c.is_note]
        assert own[0].start == 0 and own[-1].end == len(block.text)
        assert all(a.end == b.start for a, b in zip(own, own[1:], strict=False)), block.id
        _assert_everything_said(block, own)


def _assert_map(chunk: SpeechChunk, source: str) -> None:
    previous = chunk.start
    for i, char in enumerate(chunk.text):
        start, end = chunk.block_span(i, i + 1)
        assert chunk.start <= start < end <= chunk.end
        assert start >= previous  # the map runs forwards
        previous = start
        assert chunk.to_block_offset(i) == start
        if end - start == 1 and "\u4e00" <= char <= "\u9fff" and "\u4e00" <= source[start] <= "\u9fff":
            assert source[start] == char  # a Han character maps onto itself
    assert chunk.to_block_offset(len(chunk.text)) == chunk.end
    assert chunk.block_span(0, len(chunk.text)) == (chunk.starts[0], max(chunk.ends))


def _assert_everything_said(block: Block, chunks: list[SpeechChunk]) -> None:
    """Each character is spoken or is a marker or punctuation that is silent on purpose."""
    said = [False] * len(block.text)
    for chunk in chunks:
        for start, end in zip(chunk.starts, chunk.ends, strict=True):
            for i in range(start, end):
                said[i] = True
    for m in MARKER_RE.finditer(block.text):
        for i in range(m.start(), m.end()):
            said[i] = True
    missing = {block.text[i] for i, ok in enumerate(said) if not ok}
    assert missing <= set("—〔"), (block.id, missing)


def test_the_report_has_digits_symbols_and_letters_to_rewrite(report):
    # Guards the walk above against passing vacuously.
    text = report.plain_text()
    assert len(re.findall(r"[0-9]+", text)) > 200
    assert {"%", "+", "&", "·", "—", "-", "〔"} <= set(text)


def test_the_documented_reading_table_is_the_one_in_use(report):
    doc = DOC.read_text(encoding="utf-8")
    table = doc.split("<!-- reading-table:start -->")[1].split("<!-- reading-table:end -->")[0]
    rows = [tuple(cell.strip() for cell in line.strip().strip("|").split("|")) for line in table.splitlines()]
    rows = [r for r in rows if len(r) == 2 and r[0] not in ("Written", "---")]
    assert rows == reading_table(report), "regenerate the table: python -m fenggang_reader.core.spoken --table"


# -- markers ---------------------------------------------------------------------------------------
def _sentence_with(chunks: list[SpeechChunk], needle: str) -> SpeechChunk:
    return next(c for c in chunks if needle in c.text)


def test_markers_are_skipped_by_default(report):
    chunks = prepare_block(report.block("y2024-p01"), report)
    assert all("注释" not in c.text and not c.is_note for c in chunks)
    assert "认真落实省委“一三一零”具体部署" in _sentence_with(chunks, "具体部署").text


def test_say_note_names_the_note_in_chinese(report):
    chunks = prepare_block(report.block("y2024-p01"), report, MarkerPolicy.SAY_NOTE)
    assert "“一三一零”，注释一，具体部署" in _sentence_with(chunks, "具体部署").text
    s3 = prepare_block(report.block("s3-p04"), report, MarkerPolicy.SAY_NOTE)
    assert "“一加二”政策，注释二十七，串联" in _sentence_with(s3, "串联").text
    y = prepare_block(report.block("y2024-p06"), report, MarkerPolicy.SAY_NOTE)
    assert "工作体系，注释十九，建设" in _sentence_with(y, "工作体系").text


def test_read_after_puts_the_note_after_the_sentence(report):
    block = report.block("y2024-p01")
    chunks = prepare_block(block, report, MarkerPolicy.READ_AFTER)
    at = next(i for i, c in enumerate(chunks) if c.is_note)
    before = chunks[at - 1]
    marker = report.markers_in("y2024-p01")[0]
    assert block.sentence_at(marker.start) == before.sentence and before.end == block.sentences[before.sentence][1]
    note = chunks[at]
    assert note.block_id == "note-1" and note.note_number == 1
    assert note.text.startswith("注释一：“一三一零”具体部署，中国共产党")
    source = report.block("note-1").text
    start, end = note.block_span(note.text.index("一三一零"), note.text.index("一三一零") + 4)
    assert source[start:end] == "1310"
    assert note.to_block_offset(0) == 0  # "注释一：" stands for "[1]"
    # The marker is in the last sentence: the whole note is read, and ends the paragraph.
    assert all(c.is_note for c in chunks[at:]) and chunks[-1].end == len(source)


def test_read_after_goes_on_where_the_paragraph_left_off(report):
    block = report.block("y2024-p02")
    chunks = prepare_block(block, report, MarkerPolicy.READ_AFTER)
    at = next(i for i, c in enumerate(chunks) if c.is_note)
    after = next(i for i in range(at, len(chunks)) if not chunks[i].is_note)
    assert chunks[after].start == chunks[at - 1].end
    assert [c.block_id for c in chunks[at:after]][0] == "note-2" and chunks[after - 1].block_id == "note-3"


def test_read_after_reads_two_notes_of_one_sentence_in_order(report):
    chunks = prepare_block(report.block("y2024-p02"), report, MarkerPolicy.READ_AFTER)
    numbers = [c.note_number for c in chunks if c.is_note]
    assert numbers[:2] == [2, 3]
    assert numbers == sorted(numbers) and set(numbers) == {m.note_number for m in report.markers_in("y2024-p02")}


def test_note_block_read_on_its_own(report):
    chunks = prepare_block(report.block("note-12"), report, MarkerPolicy.SAY_NOTE)
    assert chunks[0].text.startswith("注释十二：学前教育“五零八零”，指公办幼儿园在园幼儿比例达到百分之五十")
    assert not any(c.is_note for c in chunks)
    assert [c.text for c in note_chunks(report, 12)] == [c.text for c in chunks]
    assert note_chunks(report, 99) == []


def test_marker_policy_matches_its_setting():
    setting = next(s for s in SETTINGS if s.name == "marker_speech")
    assert setting.default == MarkerPolicy.SKIP.value
    assert set(setting.choices) == {p.value for p in MarkerPolicy}
    assert MarkerPolicy.from_setting("say") is MarkerPolicy.SAY_NOTE
    assert MarkerPolicy.from_setting("nonsense") is MarkerPolicy.SKIP


def test_unlinked_markers_are_never_read_as_brackets():
    block = Block(BlockKind.PARAGRAPH, "p", "甲乙[3]丙丁。")
    assert [c.text for c in prepare_block(block)] == ["甲乙丙丁。"]
    assert [c.text for c in prepare_block(block, None, MarkerPolicy.SAY_NOTE)] == ["甲乙，注释三，丙丁。"]


# -- splitting -------------------------------------------------------------------------------------
def test_long_sentences_split_only_after_commas_and_evenly():
    clause = "推进城乡融合发展和区域协调发展"  # 15 characters
    text = "，".join([clause] * 20) + "。"
    chunks = prepare_block(Block(BlockKind.PARAGRAPH, "p", text))
    assert "".join(c.text for c in chunks) == text
    assert all(len(c.text) <= MAX_CHUNK for c in chunks)
    assert all(c.text[-1] in "，。" for c in chunks)
    assert len(chunks) == 3  # 320 characters: the fewest parts within the limit
    assert max(len(c.text) for c in chunks) - min(len(c.text) for c in chunks) <= 16


def test_sentence_without_punctuation_still_fits_the_limit():
    text = "发展" * 200
    chunks = prepare_block(Block(BlockKind.PARAGRAPH, "p", text), max_chars=60)
    assert "".join(c.text for c in chunks) == text and all(len(c.text) <= 60 for c in chunks)


def test_sentences_are_chunks(report):
    block = report.block("y2024-p09")
    chunks = prepare_block(block)
    assert [(c.start, c.end) for c in chunks] == block.sentences
    assert [c.sentence for c in chunks] == list(range(len(block.sentences)))


def test_smaller_limit_over_the_report(report):
    for block in report.blocks:
        for chunk in prepare_block(block, report, MarkerPolicy.READ_AFTER, max_chars=50):
            assert len(chunk.text) <= 50


# -- offsets, spans, respellings -------------------------------------------------------------------
def test_a_word_boundary_inside_a_number_highlights_the_number(report):
    block = report.block("y2024-p05")
    chunk = _sentence_with(prepare_block(block), "两千一百七十七个")
    i = chunk.text.index("两千一百七十七个")
    start, end = chunk.block_span(i, i + 2)  # the engine reports "两千"
    assert block.text[start:end] == "2177"
    start, end = chunk.block_span(i, i + 8)
    assert block.text[start:end] == "2177个"
    year = _sentence_with(prepare_block(report.block("y2024-p01")), "二零二四")
    j = year.text.index("二零二四")
    assert year.block_span(j + 2, j + 3) == (5 + 2, 5 + 3)  # digit by digit maps digit by digit


def test_offsets_out_of_range_are_clamped():
    chunk = prepare_block(Block(BlockKind.PARAGRAPH, "p", "甲乙。"))[0]
    assert chunk.to_block_offset(-3) == 0 and chunk.to_block_offset(99) == 3
    assert chunk.block_span(2, 1) == (2, 2) and chunk.block_span(-1, 99) == (0, 3)


def test_span_reads_a_selection_and_keeps_runs_whole(report):
    block = report.block("y2024-p02")
    start = block.text.index("411亿元") + 1  # the selection cuts into the number
    end = block.text.index("。", start) + 1
    chunks = prepare_span(block, start, end, report)
    assert chunks[0].start == start - 1
    assert "".join(c.text for c in chunks) == "四百一十一亿元，同比增长百分之三点六。"
    with pytest.raises(ValueError):
        prepare_block(block, max_chars=5)


def test_respellings_are_spoken_and_mapped():
    record = PronunciationRecord(
        [
            Entry("word", "凤岗", ("*", "*"), "奉港"),
            Entry("word", "银行", ("*", "*"), "银杭行"),
            Entry("at", "p:4", ("zhong4",), "众"),
        ]
    )
    block = Block(BlockKind.PARAGRAPH, "p", "凤岗银行中心2个。")
    chunk = prepare_block(block, record=record)[0]
    assert chunk.text == "奉港银杭行众心两个。"
    assert chunk.block_span(1, 2) == (1, 2)  # same length: character by character
    assert chunk.block_span(3, 4) == (2, 4)  # longer: the whole word
    assert chunk.block_span(5, 6) == (4, 5)
    user = PronunciationRecord([Entry("word", "凤岗", ("*", "*"), "凤港")])
    assert prepare_block(block, record=[record, user])[0].text.startswith("凤港银杭行")


def test_respellings_never_swallow_a_marker():
    record = PronunciationRecord([Entry("word", "乙[", ("*", "*"), "XX")])  # malformed on purpose
    block = Block(BlockKind.PARAGRAPH, "p", "甲乙[1]丙。")
    assert prepare_block(block, record=record)[0].text == "甲乙丙。"


def test_notes_of_any_marker_style_are_said_and_unlinked_markers_are_not():
    from fenggang_reader.core.documents.extract import ExtractedText
    from fenggang_reader.core.documents.structure import structure_document
    from tests.core.documents.samples import TOWN_REPORT

    town = structure_document(ExtractedText(TOWN_REPORT.splitlines(), None, "text"))
    body = next(b for b in town.blocks if "②" in b.text)
    assert [c.text for c in prepare_block(body, town, MarkerPolicy.SAY_NOTE)] == [
        "完成“三旧”改造，注释二，项目五宗，新建口袋公园八个。"]
    assert prepare_block(town.block("d-note-1"), town, MarkerPolicy.SAY_NOTE)[0].text.startswith(
        "注释一：地区生产总值，指")
    minutes = structure_document(ExtractedText(["纪要", "议定事项如下：①加快项目建设；②做好安全生产[3]。"], None, "text"))
    said = [c.text for c in prepare_block(minutes.blocks[1], minutes, MarkerPolicy.SAY_NOTE)]
    assert said == ["议定事项如下：①加快项目建设；", "②做好安全生产。"]  # no note 3: [3] is silent, ① a list's number
