"""Glossary linking and navigation, without Qt: which places link to which note, in what order."""

from __future__ import annotations

from fenggang_reader.core.glossary import Glossary, History, Place, note_href, parse_note_href
from fenggang_reader.core.report_format import body_terms, parse_report

HEADER = "title\ttitle\t报告\n"


def small_report(*paragraphs: str, notes: tuple[str, ...] = ()) -> str:
    lines = [HEADER]
    lines += [f"paragraph\tp{i}\t{text}\n" for i, text in enumerate(paragraphs, start=1)]
    if notes:
        lines.append("notes\tnotes\t名词解释\n")
        lines += [f"note\tnote-{i}\t{text}\n" for i, text in enumerate(notes, start=1)]
    return "".join(lines)


def texts(report, occurrences):
    return [report.block(o.block_id).text[o.start : o.end] for o in occurrences]


def test_every_use_in_the_report_and_nothing_else(report):
    """34 links: the 30 marked terms and four later unmarked uses, each found by hand in the text."""
    assert len(report.occurrences) == 34
    unmarked = [(o.block_id, o.note_number, report.block(o.block_id).text[o.start : o.end])
                for o in report.occurrences if not o.has_marker]
    assert unmarked == [
        ("y2025-p02", 1, "“1310”具体部署"),
        ("s3-p01", 4, "“四上”企业服务专员机制"),
        ("s4-p02", 10, "“四小园”"),
        ("s6-p03", 18, "“五个不发生”"),
    ]
    assert all(o.has_marker for o in report.occurrences if (o.block_id, o.note_number) not in
               {(b, n) for b, n, _ in unmarked})


def test_occurrences_are_in_reading_order(report):
    keys = [(report.index_of(o.block_id), o.start) for o in report.occurrences]
    assert keys == sorted(keys)


def test_short_unquoted_terms_are_not_matched_in_prose():
    text = small_report(
        "落实“两重”[1]政策。",
        "这件事有两重性，七进七出，第六个一等奖。",  # plain prose: no links
        "再谈“两重”建设，巩固“六个一”[2]成果，TIDE 不是 TID[3]，21310 不是“1310”。",
        notes=("[1]“两重”：国家重大战略实施和重点领域安全能力建设。", "[2]“六个一”：援疆工作。", "[3]TID：以公共交通为导向的开发。"),
    )
    report = parse_report(text)
    found = [(o.block_id, report.block(o.block_id).text[o.start : o.end], o.has_marker) for o in report.occurrences]
    assert found == [
        ("p1", "“两重”", True),
        ("p3", "“两重”", False),
        ("p3", "“六个一”", True),
        ("p3", "TID", True),
    ]


def test_long_terms_match_without_quotes():
    report = parse_report(small_report(
        "有力实现“五个不发生”[1]。", "坚决守住五个不发生底线。",
        notes=("[1]“五个不发生”：不发生重大事件。",),
    ))
    assert texts(report, report.occurrences) == ["“五个不发生”", "五个不发生"]
    assert "两重" not in body_terms(parse_report(small_report(
        "“两重”[1]。", notes=("[1]“两重”：解释。",))).notes[1])


def test_links_take_in_the_marker(report):
    glossary = Glossary(report)
    first = glossary.links[0]
    assert report.block(first.block_id).text[first.start : first.end] == "“1310”[1]"
    for link in glossary.links:
        span = report.block(link.block_id).text[link.start : link.end]
        assert span.endswith(f"[{link.note_number}]") == link.has_marker


def test_uses_and_stepping_wrap_around(report):
    glossary = Glossary(report)
    uses = glossary.uses(18)
    assert [u.block_id for u in uses] == ["y2024-p06", "s6-p03"]
    assert glossary.step_use(18, None, 1) == uses[0]
    assert glossary.step_use(18, None, -1) == uses[1]
    at_first = Place(report.index_of(uses[0].block_id), uses[0].start)
    assert glossary.step_use(18, at_first, 1) == uses[1]
    at_second = Place(report.index_of(uses[1].block_id), uses[1].start)
    assert glossary.step_use(18, at_second, 1) == uses[0]  # wraps
    assert glossary.step_use(18, at_first, -1) == uses[1]  # wraps backwards
    assert glossary.use_number(uses[1]) == 2
    title = Place(0, 0)
    assert glossary.step_use(18, title, 1) == uses[0]


def test_link_at_and_labels(report):
    glossary = Glossary(report)
    use = glossary.uses(18)[1]
    assert glossary.link_at(use.block_id, use.start + 2) == use
    assert glossary.link_at(use.block_id, use.end) == use
    assert glossary.link_at(use.block_id, use.start - 3) is None
    assert glossary.section_of(use.block_id).text.startswith("六、")
    context = glossary.context(use)
    assert "“五个不发生”" in context and len(context) <= 30


def test_hrefs_round_trip():
    assert parse_note_href(note_href(12)) == 12
    assert parse_note_href("http://example.org") is None
    assert parse_note_href("note:x") is None


def test_history_goes_back_in_order_and_skips_repeats():
    history = History(limit=3)
    for place in (Place(1), Place(1), Place(2), Place(3), Place(4)):
        history.push(place)
    assert len(history) == 3
    assert [history.pop(), history.pop(), history.pop(), history.pop()] == [Place(4), Place(3), Place(2), None]
