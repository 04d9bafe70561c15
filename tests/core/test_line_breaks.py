"""Line-breaking marks (core/line_breaks.py): where the layout text may and may not break, and the offset map."""

from __future__ import annotations

import pytest

from fenggang_reader.core.line_breaks import BREAK_HERE, MARKS, WORD_JOINER, layout_text, strip_marks


def shown(text: str, **kwargs) -> str:
    return layout_text(text, **kwargs).apply(text).replace(WORD_JOINER, "~").replace(BREAK_HERE, "|")


def test_a_number_keeps_its_unit_and_measure_word():
    assert shown("推进项目2024年共计5个。") == "推进项目2024~年共计5~个。"
    assert shown("达411亿元，增长3.6%。") == "达411~亿~元，增长3.6%。"  # 亿元 goes on with it; % is its own unit
    assert shown("排名全市第2。") == "排名全市第~2。"
    assert shown("覆盖率100%覆盖全镇。").startswith("覆盖率100%覆")  # nothing joined after a percentage


def test_quotes_may_break_outside_and_a_note_number_stays_with_its_word():
    # UAX 14 never breaks around “”: clreq allows a break before an opening and after a closing quote.
    assert shown("省委“1310”[1]具体部署，") == "省委|“1310”~[1]|具体部~署，"


def test_the_last_line_never_holds_one_character_and_a_name_stays_whole():
    assert shown("请提出意见。") == "请提出意~见。"
    assert shown("镇长\u3000韩俊峰") == "镇长\u3000韩~俊~峰"


def test_a_title_breaks_only_in_its_middle():
    assert shown("政府工作报告", title=True) == "政~府~工|作~报~告"


def test_a_title_breaks_near_its_middle_but_never_inside_a_number():
    """The walkthrough's .docx at 96 pt: 凤岗镇20 / 25年… (the middle fell inside the year)."""
    assert shown("凤岗镇2025年度工作报告", title=True).split("|")[0].replace("~", "") == "凤岗镇2025年"
    assert shown("增长3.6%的报告书", title=True).split("|")[0].replace("~", "") == "增长3.6%"


def test_a_title_whose_halves_do_not_fit_a_line_breaks_as_text():
    """2024年凤岗镇政府工作报告 at 96 pt in 800 px (5 cells a line): balanced, its halves (2024年凤 | 岗镇政府工作报告)
    were runs wider than a line that Qt broke anywhere, and 岗 stood alone on the second line."""
    def five_cells(run: str) -> bool:
        return len(run) <= 5

    title = "2024年凤岗镇政府工作报告"
    marked = shown(title, title=True, fits=five_cells)
    assert "|" not in marked and marked == shown(title, fits=five_cells)  # as a paragraph's text: no half joined
    assert marked.startswith("2024~年") and marked.endswith("报~告")
    assert shown("政府工作报告", title=True, fits=lambda run: len(run) <= 3) == "政~府~工|作~报~告"  # halves fit


def test_runs_wider_than_a_line_are_joined_less():
    def narrow(run: str) -> bool:
        return len(run) <= 6

    assert shown("值180.9亿元，同比", fits=narrow) == "值180.9~亿元，同~比"  # 180.9亿元， is 8 > 6
    assert shown("指“5080”：指", fits=narrow) == "指|“50|80”：指"  # break the number, not before ：
    assert shown("大屋”[13]，人口", fits=narrow) == "大屋”|[13]，人~口"


@pytest.mark.parametrize("text", ["省委“1310”[1]具体部署：2024年共计5个项目，达411亿元，增长3.6%。",
                                  "政府工作报告", "凤岗镇人民政府镇长\u3000韩俊峰", ""])
def test_offsets_map_both_ways(text):
    marks = layout_text(text)
    laid = marks.apply(text)
    assert strip_marks(laid) == text
    for offset, char in enumerate(text):
        assert laid[marks.to_layout(offset)] == char
        assert marks.to_report(marks.to_layout(offset)) == offset
    for position, char in enumerate(laid):  # a mark belongs to the character after it
        offset = marks.to_report(position)
        assert char in MARKS or text[offset] == char
        assert char not in MARKS or laid[marks.to_layout(offset)] == text[offset]
