"""Documents shaped like the ones readers bring, made from the shipped report: a Notepad text in GBK, a
portal page saved with its chrome (as .html and as .mhtml), a hard-wrapped text, and the bad inputs.
Used by tests/core/documents and benchmarks/bench_extract.py, so both open the same kinds of files."""

from __future__ import annotations

import html as html_escape
import quopri
from base64 import encodebytes

from fenggang_reader.core.model import BlockKind
from fenggang_reader.core.report_format import load_report
from fenggang_reader.core.resources import report_path

# What a reader would see as the portal's own words, never the report's: none may survive extraction.
PORTAL_CHROME = ("浏览次数", "索引号", "发布机构", "打印本页", "关闭窗口", "分享到", "扫一扫", "网站标识码",
                 "粤ICP备", "当前位置", "相关新闻", "字体")


def report_lines() -> list[str]:
    """The shipped report's blocks' texts, title first, the notes ([n] lines) last."""
    return [block.text for block in load_report(report_path()).blocks]


def report_headings() -> list[str]:
    return [b.text for b in load_report(report_path()).blocks if b.kind == BlockKind.HEADING]


def notepad_text(lines: list[str]) -> str:
    """As Windows Notepad keeps a report: paragraphs indented with two full-width spaces, CRLF line ends."""
    return "\r\n".join(("\u3000\u3000" + line) for line in lines) + "\r\n"


def wrapped_text(lines: list[str], columns: int = 60) -> str:
    """Hard-wrapped at ``columns`` display columns as fold(1) and old editors do (anywhere, a space at the
    break left at the line's end), each paragraph's first line indented with 　　."""
    out: list[str] = []
    for line in lines:
        current, width = "\u3000\u3000", 4
        for ch in line:
            w = 2 if ord(ch) > 0x2E7F else 1
            if width + w > columns and ch != " ":
                out.append(current)
                current, width = "", 0
            current += ch
            width += w
        out.append(current)
    return "\n".join(out) + "\n"


def portal_page(lines: list[str], charset: str = "utf-8", br_paragraphs: bool = False) -> str:
    """The report as a government portal publishes it: site header and menu, breadcrumbs, the index table
    (索引号, 发布机构…), the <h1>, a source line with 浏览次数 and 【字体：大 中 小】, the text (headings in
    <strong>), 附件, print/close links, a share bar, a QR hint, related news and the footer."""
    def paragraph(text: str) -> str:
        body = html_escape.escape(text)
        if text[:2] in {f"{n}、" for n in "一二三四五六七八九十"}:
            return f"<p style=\"text-indent:2em\"><strong>{body}</strong></p>"
        return f"<p style=\"text-indent:2em\">{body}</p>"

    if br_paragraphs:  # older CMSs: one block of text, paragraphs separated by <br>
        content = "<br>\n".join("\u3000\u3000" + html_escape.escape(line) for line in lines)
    else:
        content = "\n".join(paragraph(line) for line in lines)
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>2025年凤岗镇政府工作报告_东莞市人民政府门户网站</title>
<script>var _hmt = _hmt || []; function printPage() {{ window.print(); }}</script>
<style>.nav li {{ float: left; }}</style></head>
<body>
<div class="header"><div class="logo"><img src="logo.png" alt="东莞市人民政府门户网站"></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li>
<li><a href="/hdjl/">互动交流</a></li><li><a href="/zjdg/">走进东莞</a></li></ul>
<form class="search"><input type="text" placeholder="请输入关键词"><button>搜索</button></form></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zfgzbg/">政府工作报告</a></div>
<table class="index-table">
<tr><td>索引号：</td><td>11441900007330010J/2025-00123</td><td>分类：</td><td>综合政务</td></tr>
<tr><td>发布机构：</td><td>凤岗镇人民政府</td><td>发文日期：</td><td>2025-03-11</td></tr>
<tr><td>名称：</td><td>2025年凤岗镇政府工作报告</td><td>文号：</td><td></td></tr></table>
<div class="article">
<h1 class="title">2025年凤岗镇政府工作报告</h1>
<div class="info"><span>中国东莞政府门户网站</span> <span>2025-03-11 15:14:00</span> <span>来源：凤岗镇党政综合办公室</span>
<span>浏览次数：<em id="hits">1,234</em></span> <span>【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</span></div>
<div class="content" id="zoom">
{content}
</div>
<div class="attachment">附件：</div>
<div class="tools"><a href="javascript:printPage()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="qrcode"><img src="qr.png" alt="二维码">扫一扫在手机打开当前页</div>
</div>
<div class="related"><h3>相关新闻</h3><ul>
<li><a href="/a.html">凤岗镇召开2025年经济工作会议</a> 2025-02-20</li>
<li><a href="/b.html">凤岗镇第十八届人民代表大会第八次会议胜利闭幕</a> 2025-03-04</li>
<li><a href="/c.html">凤岗镇召开2025年“百千万工程”推进会</a> 2025-03-08</li></ul></div>
<div class="footer"><p>主办单位：东莞市人民政府办公室　承办：东莞市政务服务和数据管理局　网站标识码：4419000098</p>
<p>备案号：粤ICP备19114884号　粤公网安备 44190002000375　技术支持：开普云　<a href="/wzdt/">网站地图</a>　<a href="/lxwm/">联系我们</a></p></div>
</body></html>
"""


def mhtml(page: str, charset: str = "utf-8", transfer: str = "quoted-printable") -> bytes:
    """The page as Chrome's "Save as: Webpage, single file" writes it: a multipart/related MIME message, the
    page quoted-printable (or base64) in its charset, then an image part."""
    body = page.encode(charset)
    encoded = quopri.encodestring(body) if transfer == "quoted-printable" else encodebytes(body)
    boundary = "----MultipartBoundary--Qm3sCpq7ZyPxlC4Fq1mFhZqEw6Z9G7VHGpo6xJRyt8----"
    head = (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: https://www.dg.gov.cn/zwgk/zfgzbg/content/post_1234567.html\r\n"
        "Subject: =?utf-8?Q?2025=E5=B9=B4?=\r\n"
        "Date: Tue, 11 Mar 2025 15:20:00 +0800\r\n"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"\r\n\r\n\r\n'
        f"--{boundary}\r\n"
        f"Content-Type: text/html; charset={charset}\r\n"
        f"Content-ID: <frame-1@mhtml.blink>\r\n"
        f"Content-Transfer-Encoding: {transfer}\r\n"
        "Content-Location: https://www.dg.gov.cn/zwgk/zfgzbg/content/post_1234567.html\r\n\r\n"
    ).encode("ascii")
    image = (
        f"\r\n--{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        "Content-Location: https://www.dg.gov.cn/logo.png\r\n\r\niVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==\r\n"
        f"\r\n--{boundary}--\r\n"
    ).encode("ascii")
    return head + encoded.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n") + image
