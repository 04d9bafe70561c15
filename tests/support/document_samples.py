"""Documents shaped like the ones readers bring, made from the shipped report: a Notepad text in GBK, a
portal page saved with its chrome (as .html and as .mhtml), a hard-wrapped text, and the bad inputs.
Used by tests/core/documents and benchmarks/bench_extract.py, so both open the same kinds of files."""

from __future__ import annotations

import html as html_escape
import io
import quopri
import re
import zipfile
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


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NOTE_LINE = re.compile(r"^\[(\d{1,2})\](.*)$")
_MARKER = re.compile(r"\[(\d{1,2})\]")


def word_document(lines: list[str], *, footnotes: bool = False, numbered_headings: bool = False,
                  number_format: str = "chineseCounting", table: list[list[str]] | None = None) -> bytes:
    """The report as a .docx written by python-docx (what Word itself writes, as far as the reader looks):
    headings in Heading 1, optionally numbered by Word (一、 from a list style rather than typed), its [n]
    notes optionally as real footnotes (the markers footnote references, the 名词解释 section gone), and a
    table after the text. ``number_format``: Word writes chineseCounting, LibreOffice taiwaneseCountingThousand."""
    import docx
    from docx.oxml import parse_xml

    notes: dict[str, str] = {}
    if footnotes:
        start = lines.index("名词解释")
        notes = {m.group(1): m.group(2) for m in map(_NOTE_LINE.match, lines[start + 1:]) if m}
        lines = lines[:start]
    document = docx.Document()
    document.core_properties.title = "2025年凤岗镇政府工作报告"
    if numbered_headings:
        _add_chinese_numbering(document, number_format)
    for line in lines:
        if line[:2] in {f"{n}、" for n in "一二三四五六七八九十"}:
            heading = document.add_heading(level=1)
            if numbered_headings:
                heading._p.get_or_add_pPr().append(parse_xml(
                    f'<w:numPr xmlns:w="{_W_NS}"><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))
                line = line[2:]
            heading.add_run(line)
            continue
        paragraph = document.add_paragraph()
        position = 0
        for marker in _MARKER.finditer(line) if footnotes else ():
            paragraph.add_run(line[position:marker.start()])
            run = paragraph.add_run()
            run._r.append(parse_xml(f'<w:footnoteReference xmlns:w="{_W_NS}" w:id="{marker.group(1)}"/>'))
            position = marker.end()
        paragraph.add_run(line[position:])
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return _with_footnotes(buffer.getvalue(), notes) if notes else buffer.getvalue()


def _add_chinese_numbering(document: object, number_format: str) -> None:
    """A list definition numbering level 0 as 一、二、… (numId 90), as Chinese Word templates have."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    numbering.insert(0, parse_xml(
        f'<w:abstractNum xmlns:w="{_W_NS}" w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{number_format}"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num xmlns:w="{_W_NS}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))


def _with_footnotes(docx_bytes: bytes, notes: dict[str, str]) -> bytes:
    """Add word/footnotes.xml (with Word's two separator notes) and its relationship and content type."""
    body = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>'
        f"<w:r><w:t>{html_escape.escape(text)}</w:t></w:r></w:p></w:footnote>" for n, text in notes.items())
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{_W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        f"</w:footnote>{body}</w:footnotes>")
    source = zipfile.ZipFile(io.BytesIO(docx_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdFootnotes" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                                    b'Target="footnotes.xml"/></Relationships>')
            target.writestr(item, data)
        target.writestr("word/footnotes.xml", footnotes)
    return out.getvalue()


def epub_book(lines: list[str], *, ruby_first_paragraph: bool = False, footnotes: bool = False) -> bytes:
    """The report as an EPUB 3 book a publisher or Calibre makes: mimetype first and stored, the package in
    OEBPS/ with a navigation document and a cover image, one chapter file per part (a manifest listing them in
    another order than the spine's reading order), headings as <h1>/<h2>, notes in a chapter of their own; or,
    with ``footnotes``, as LibreOffice exports them: each marker a raised link (<sup><a epub:type="noteref">1),
    each note an <aside epub:type="footnote"> after the paragraph that first refers to it."""
    notes: dict[str, str] = {}
    if footnotes:
        start = lines.index("名词解释")
        notes = {m.group(1): m.group(2) for m in map(_NOTE_LINE.match, lines[start + 1:]) if m}
        lines = lines[:start]
    parts: list[list[str]] = [[]]
    for line in lines:
        if line.endswith(("工作回顾", "工作安排")) or line == "名词解释":
            parts.append([])
        parts[-1].append(line)

    def chapter(index: int, part: list[str]) -> str:
        blocks = []
        for n, line in enumerate(part):
            text = html_escape.escape(line)
            if ruby_first_paragraph and index == 0 and n == 3:
                text = "".join(f"<ruby>{ch}<rp>(</rp><rt>py</rt><rp>)</rp></ruby>" for ch in text)
            tag = "h1" if n == 0 else "h2" if line[:2] in {f"{c}、" for c in "一二三四五六七八九十"} else "p"
            referred = [m.group(1) for m in _MARKER.finditer(line) if m.group(1) in notes]
            for number in referred:
                text = text.replace(f"[{number}]", f'<sup id="ref{number}"><a epub:type="noteref" '
                                                  f'href="#fn{number}">{number}</a></sup>', 1)
            blocks.append(f"<{tag}>{text}</{tag}>")
            for number in referred:
                blocks.append(f'<aside epub:type="footnote" id="fn{number}"><p><sup><a href="#ref{number}">{number}'
                              f"</a></sup> {html_escape.escape(notes.pop(number))}</p></aside>")
        return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" '
                'xmlns:epub="http://www.idpf.org/2007/ops" lang="zh-CN"><head><title>第{}部分</title>'
                '<link rel="stylesheet" href="../style.css"/></head><body><section epub:type="chapter">{}'
                "</section></body></html>").format(index + 1, "\n".join(blocks))

    names = [f"text/part{i + 1:02d}.xhtml" for i in range(len(parts))]
    manifest = "".join(f'<item id="p{i}" href="{name}" media-type="application/xhtml+xml"/>'
                       for i, name in reversed(list(enumerate(names))))
    spine = "".join(f'<itemref idref="p{i}"/>' for i in range(len(names)))
    package = (
        '<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
        'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">'
        "urn:uuid:6efbc55a-5a39-5691-0000-000000000000</dc:identifier><dc:title>2025年凤岗镇政府工作报告</dc:title>"
        "<dc:language>zh-CN</dc:language></metadata><manifest>"
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        '<item id="css" href="style.css" media-type="text/css"/>'
        '<item id="cover" href="cover.png" media-type="image/png" properties="cover-image"/>'
        f'{manifest}</manifest><spine><itemref idref="nav" linear="no"/>{spine}</spine></package>')
    nav = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
           'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>目录</title></head><body><nav epub:type="toc">'
           "<h1>目录</h1><ol>" + "".join(f'<li><a href="{n}">{html_escape.escape(p[0])}</a></li>'
                                        for n, p in zip(names, parts, strict=True)) + "</ol></nav></body></html>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        book.writestr("META-INF/container.xml",
                      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:'
                      'container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/'
                      'oebps-package+xml"/></rootfiles></container>')
        book.writestr("OEBPS/content.opf", package)
        book.writestr("OEBPS/nav.xhtml", nav)
        book.writestr("OEBPS/style.css", "h1 { text-align: center; } p { text-indent: 2em; }")
        book.writestr("OEBPS/cover.png", b"\x89PNG\r\n\x1a\n")
        for name, (index, part) in zip(names, enumerate(parts), strict=True):
            book.writestr(f"OEBPS/{name}", chapter(index, part))
    return buffer.getvalue()


def excerpt(lines: list[str]) -> list[str]:
    """A short report for PDF tests: the title block, the salutation, the first paragraphs, one heading and the
    notes their markers refer to (a whole report's PDF takes seconds to read)."""
    notes = lines.index("名词解释")
    heading = next(i for i, line in enumerate(lines) if line.startswith("一、"))
    body = lines[:9] + lines[heading:heading + 2]
    referred = {m.group(0) for line in body for m in _MARKER.finditer(line)}
    return [*body, "名词解释", *(line for line in lines[notes + 1:] if line[:line.index("]") + 1] in referred)]


# tests/core/documents/data/libreoffice-report.pdf: LibreOffice 7.4 (Debian 12, soffice --headless --convert-to
# pdf) from a .docx python-docx wrote of libreoffice_lines(): 14 pt Noto Serif CJK SC, the title 22 pt, the title
# block centred, paragraphs justified with a 2-character first-line indent, the title again as the running head
# (政府工作报告, 14 pt) and "- N -" page numbers in the footer; one page ends with a sentence and the next page
# goes on with the paragraph. LibreOffice is too large to install for the tests.
def libreoffice_lines(lines: list[str]) -> list[str]:
    notes = lines.index("名词解释")
    return lines[:9] + lines[notes:notes + 6]


def excerpt_report_file(lines: list[str]) -> str:
    """excerpt() as a report file (.tsv) the reader's exports take: the shipped report's own lines for it."""
    wanted = set(excerpt(lines))
    kept = [line for line in report_path().read_text(encoding="utf-8").splitlines()
            if line.startswith("#") or line.split("\t")[-1] in wanted]
    return "\n".join(kept) + "\n"
