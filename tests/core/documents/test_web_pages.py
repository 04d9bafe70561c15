"""Saved web pages: a government portal's page with all its chrome, as .html (UTF-8 and GB2312-declared) and
as Chrome's single-file .mhtml; what comes out is the report and nothing of the site around it."""

from __future__ import annotations

from pathlib import Path

import pytest

from fenggang_reader.core.documents.extract import extract_document, extract_html
from tests.support.document_samples import PORTAL_CHROME, mhtml, portal_page, report_lines


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return report_lines()


def assert_is_the_report(paragraphs: list[str], lines: list[str]) -> None:
    text = "\n".join(paragraphs)
    assert [chrome for chrome in PORTAL_CHROME if chrome in text] == []
    # Every paragraph, heading (一、…) and [n] note, in order, nothing added; a page's gap (镇长　韩俊峰) is a
    # space to trafilatura, as to a browser.
    assert [" ".join(p.split()) for p in paragraphs] == [" ".join(line.split()) for line in lines]


@pytest.mark.parametrize(("charset", "declared"), [("utf-8", "utf-8"), ("gb18030", "gb2312"), ("gbk", "GBK")])
def test_a_saved_portal_page_gives_the_report_without_the_site(tmp_path: Path, lines: list[str], charset: str,
                                                                declared: str):
    path = tmp_path / "2025年凤岗镇政府工作报告.html"
    path.write_bytes(portal_page(lines, declared).encode(charset))
    extracted = extract_document(path)
    assert extracted.format == "html"
    assert extracted.title == "2025年凤岗镇政府工作报告"  # the <h1>, not "…_东莞市人民政府门户网站"
    assert_is_the_report(extracted.paragraphs, lines)


def test_paragraphs_written_as_line_breaks_are_paragraphs(tmp_path: Path, lines: list[str]):
    path = tmp_path / "post_1234567.htm"
    path.write_text(portal_page(lines, br_paragraphs=True), encoding="utf-8")
    assert_is_the_report(extract_document(path).paragraphs, lines)


@pytest.mark.parametrize(("charset", "transfer"), [("utf-8", "quoted-printable"), ("gbk", "base64")])
def test_a_page_saved_as_a_single_file(tmp_path: Path, lines: list[str], charset: str, transfer: str):
    path = tmp_path / "2025年凤岗镇政府工作报告.mhtml"
    path.write_bytes(mhtml(portal_page(lines, charset), charset, transfer))
    extracted = extract_document(path)
    assert extracted.format == "mhtml"
    assert extracted.title == "2025年凤岗镇政府工作报告"
    assert_is_the_report(extracted.paragraphs, lines)


def test_a_page_without_its_extension_is_still_a_page(tmp_path: Path, lines: list[str]):
    path = tmp_path / "post_1234567"
    path.write_text(portal_page(lines), encoding="utf-8")
    assert_is_the_report(extract_document(path).paragraphs, lines)


def test_a_copied_fragment_keeps_all_its_text():
    fragment = ("<p style='text-indent:2em'>各位代表：</p><p>现在，我代表镇人民政府，向大会报告政府工作。</p>"
                "<p><strong>一、坚持协同发展</strong></p>")
    extracted = extract_html(fragment, "the pasted text")
    assert extracted.paragraphs == ["各位代表：", "现在，我代表镇人民政府，向大会报告政府工作。", "一、坚持协同发展"]


def test_a_short_notice_page_keeps_its_paragraphs_apart_and_drops_the_menu(tmp_path: Path):
    """Under 250 characters trafilatura by default gives up its extraction for one that runs the menu, the text
    and the footer together into a single paragraph."""
    path = tmp_path / "通知.html"
    path.write_text(
        "<html><head><meta charset='utf-8'><title>停水通知_凤岗镇人民政府</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> <a href='/zwgk'>政务公开</a></div><h1>停水通知</h1>"
        "<div class='content'><p>因供水管道维修，3月8日上午8时至下午6时雁田村停止供水，请居民提前储水。</p>"
        "<p>特此通知。</p><p>凤岗镇人民政府</p></div><div class='footer'>网站标识码 4419000098</div></body></html>",
        encoding="utf-8")
    extracted = extract_document(path)
    assert extracted.title == "停水通知"
    assert extracted.paragraphs == ["因供水管道维修，3月8日上午8时至下午6时雁田村停止供水，请居民提前储水。", "特此通知。",
                                    "凤岗镇人民政府"]


@pytest.mark.parametrize("clipboard", [
    # Chrome and Edge: the whole page's frame, the copied part between StartFragment and EndFragment
    "<html><body>\n<!--StartFragment--><span style='font-size:16px'>各位代表：</span><br><span>现在，我代表镇人民政府，"
    "向大会报告政府工作。</span><ul><li>一、加强消防安全检查</li></ul><!--EndFragment-->\n</body></html>",
    # Firefox on Linux: the fragment alone
    "<meta http-equiv='content-type' content='text/html; charset=utf-8'><p>各位代表：</p><p>现在，我代表镇人民政府，"
    "向大会报告政府工作。</p><ul><li>一、加强消防安全检查</li></ul>",
])
def test_copied_html_is_all_the_readers_choice(clipboard: str):
    assert extract_html(clipboard, "the pasted text").paragraphs == [
        "各位代表：", "现在，我代表镇人民政府，向大会报告政府工作。", "一、加强消防安全检查"]


def test_a_gbk_page_that_does_not_say_its_charset_or_says_the_wrong_one(tmp_path: Path, lines: list[str]):
    """Portals that send their charset in the HTTP header only save pages without it; some declare UTF-8 and
    write GBK. Neither comes out as mojibake."""
    page = portal_page(lines)
    for name, html in (("no-meta.html", page.replace('<meta http-equiv="Content-Type" content="text/html; '
                                                      'charset=utf-8">', "")), ("wrong-meta.html", page)):
        path = tmp_path / name
        path.write_bytes(html.encode("gbk"))
        assert_is_the_report(extract_document(path).paragraphs, lines)


def test_a_table_in_a_page_is_a_line_a_row_and_a_cell_of_paragraphs_stays_paragraphs():
    page = ("<html><body><div class='nav'>首页</div><h1>停水通知</h1><div class='c'><p>因供水管道维修，3月8日雁田村"
            "停止供水，请居民提前储水，给您带来不便，敬请谅解。为确保维修期间安全，请勿靠近施工现场。</p><table>"
            "<tr><td>村名</td><td>停水时间</td></tr><tr><td>雁田村</td><td>8时至18时</td></tr>"
            "<tr><td><p>油甘埔村第一段</p><p>油甘埔村第二段</p></td><td>9时至17时</td></tr></table>"
            "<p>特此通知。维修期间如有疑问，请拨打供水服务热线咨询，我们将竭诚为您服务。凤岗镇供水所将安排专人值守。</p>"
            "</div></body></html>")
    assert extract_html(page, "the pasted text").paragraphs[1:6] == [
        "村名\u3000停水时间", "雁田村\u30008时至18时", "油甘埔村第一段", "油甘埔村第二段", "9时至17时"]


def test_notes_in_a_box_of_their_own_after_the_text_are_kept(tmp_path: Path, lines: list[str]):
    """trafilatura takes the text's box and leaves a 名词解释 box after it; the notes its markers refer to come back."""
    page = portal_page(lines).replace('<p style="text-indent:2em">名词解释</p>',
                                      '</div><div class="notes"><p><font size="2">名词解释</font></p>')
    path = tmp_path / "notes-apart.html"
    path.write_text(page, encoding="utf-8")
    assert_is_the_report(extract_document(path).paragraphs, lines)


def test_raised_note_numbers_are_markers_and_an_exponent_stays_a_number():
    """A word processor's web page: references as <sup><a href="#…">1</a></sup>, notes in boxes of their own
    (LibreOffice's sdfootnote divs) starting with a link back; m<sup>2</sup> is square metres."""
    page = ("<html><body><div class='c'><p>认真落实省委“1310”<sup><a class='sdfootnoteanc' href='#sdfootnote1sym'>1"
            "</a></sup>具体部署，新建口袋公园5个，面积1200m<sup>2</sup>，牢牢把握“两重”<sup>2</sup>政策实施机遇，"
            "全力稳固经济基本盘，着力激活发展新动能，推动中国式现代化的凤岗实践迈出坚实步伐。</p></div>"
            "<div id='sdfootnote1'><p><a class='sdfootnotesym' href='#sdfootnote1anc'>1</a> “1310”具体部署：锚定一个"
            "目标，激活三大动力，奋力实现十大新突破。</p></div><div id='sdfootnote2'><p><a class='sdfootnotesym' "
            "href='#sdfootnote2anc'>2</a> “两重”：国家重大战略实施和重点领域安全能力建设。</p></div></body></html>")
    paragraphs = extract_html(page, "the pasted text").paragraphs
    assert paragraphs[0].startswith("认真落实省委“1310”[1]具体部署，新建口袋公园5个，面积1200m2，牢牢把握“两重”[2]政策")
    assert paragraphs[1:] == ["[1]“1310”具体部署：锚定一个目标，激活三大动力，奋力实现十大新突破。",
                              "[2]“两重”：国家重大战略实施和重点领域安全能力建设。"]


PORTAL_TEXT = ["2025年塘沥镇政府工作报告", "——2025年2月20日在塘沥镇第十八届人民代表大会第五次会议上", "镇长 曾志远", "各位代表：",
               "现在，我代表镇人民政府向大会报告工作，请予审议，并请列席会议的同志提出意见。", "一、2024年工作回顾",
               "过去一年，全镇上下坚持以高质量发展为首要任务，认真地落实各项决策部署，经济社会发展取得新成效。",
               "（一）产业发展稳中有进", "我们以“村改”为切入点，盘活土地资源1200亩，新引进先进制造业项目23个。",
               "二、2025年工作安排", "2025年是“十四五”规划收官之年，我们将以实际行动为群众办实事。"]


@pytest.mark.parametrize("box", ['class="TRS_Editor"', 'id="zoom"', 'class="pages_content" id="UCAP-CONTENT"',
                                 'class="detail-content"'])
def test_a_portal_text_box_trafilatura_does_not_know_keeps_its_headings_and_loses_the_site(tmp_path: Path, box: str):
    """A text box named as Chinese portals' CMSs name it sent trafilatura to its whole-page fallback: the site's
    banner became the title, 索引号 and 浏览次数 stayed, and every <h1>–<h3> (title, 一、, （一）) was lost."""
    tags = ["h1", "p", "p", "p", "p", "h2", "p", "h3", "p", "h2", "p"]
    text = "\n".join(f"<{tag}>{line}</{tag}>" for tag, line in zip(tags, PORTAL_TEXT, strict=True))
    page = f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>2025年塘沥镇政府工作报告_塘沥镇人民政府门户网站</title></head><body>
<div class="top">欢迎访问塘沥镇人民政府门户网站 | 无障碍浏览 | 长者模式 | 繁體</div>
<div class="nav"><a href="/">首页</a><a href="/zwgk">政务公开</a><a href="/hdjl">互动交流</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>
<table class="meta"><tr><td>索引号：11441900MB2C12345X/2025-00012</td><td>分类：政府工作报告</td></tr>
<tr><td>发布机构：塘沥镇人民政府</td><td>发布日期：2025-02-26</td></tr></table>
<div class="info">来源：塘沥镇党政办　　浏览次数：3862　　字号：【大 中 小】</div>
<div {box}>
{text}
</div>
<div class="tools"><a href="javascript:window.print()">【打印】</a> <a href="javascript:window.close()">【关闭】</a></div>
<div class="related"><h4>相关新闻</h4><ul><li><a href="#">塘沥镇召开2025年经济工作会议</a></li></ul></div>
<div class="footer">主办：塘沥镇人民政府　网站标识码：4419000012　粤ICP备05012345号</div></body></html>"""
    path = tmp_path / "post_4123.html"
    path.write_text(page, encoding="utf-8")
    extracted = extract_document(path)
    assert [" ".join(p.split()) for p in extracted.paragraphs] == PORTAL_TEXT
    assert extracted.title == "2025年塘沥镇政府工作报告"


def test_headings_the_page_marks_are_headings_numbered_or_not(tmp_path: Path):
    """The walkthrough's news page: <h2>老人纷纷点赞</h2> became a paragraph, missing from the contents, and Ctrl+Down
    said there were no more headings. A heading the page marks is one whether or not it starts with 一、."""
    from fenggang_reader.core.documents.structure import structure_document
    from fenggang_reader.core.model import BlockKind

    path = tmp_path / "新闻.html"
    body = "".join(f"<p>{'凤岗镇为辖区老人开展免费体检服务，' * 4}第{n}段。</p>" for n in range(1, 4))
    path.write_text(
        "<html><head><meta charset='utf-8'><title>凤岗镇开展长者关爱行动_凤岗镇人民政府</title></head><body>"
        "<div class='nav'><a href='/'>首页</a></div><div class='article'><h1>凤岗镇开展长者关爱行动</h1>"
        f"{body}<h2>老人纷纷点赞</h2>{body}<h3>下一步计划</h3>{body}</div>"
        "<div class='footer'>网站标识码 4419000098</div></body></html>", encoding="utf-8")
    report = structure_document(extract_document(path))
    headings = [(b.text, b.heading_level) for b in report.blocks if b.kind is BlockKind.HEADING]
    assert headings == [("老人纷纷点赞", 3), ("下一步计划", 4)]
    assert report.blocks[0].kind is BlockKind.TITLE and report.blocks[0].text == "凤岗镇开展长者关爱行动"


def test_a_marked_heading_that_is_a_sentence_stays_a_paragraph():
    from fenggang_reader.core.documents.structure import structure_document
    from fenggang_reader.core.model import BlockKind

    fragment = "<h2>各村要在三月底前完成排查，并将结果报镇安全办。</h2><p>特此通知。</p>"
    report = structure_document(extract_html(fragment, "the pasted text"))
    assert all(b.kind is not BlockKind.HEADING for b in report.blocks)
