"""Large-print PDF: pages for the size, outline, note links, page numbers and text that can be extracted."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter

import pytest
from pypdf import PdfReader

from fenggang_reader.app import create_application
from fenggang_reader.cli import main
from fenggang_reader.core.model import BlockKind
from fenggang_reader.core.syllables import is_han
from fenggang_reader.ui.line_justification import LINE_START_HALVES
from fenggang_reader.ui.print_layout import export_pdf
from fenggang_reader.ui.reader_document import CLOSERS, LEFT_IN_SIMPLIFIED, QUOTES_CLOSING, is_wide
from tests.support.pdf_glyphs import block_lines, ruby_offsets, text_objects
from tests.support.shipped import shipped_excerpt

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils, ./dev)")
PINYIN_LINE = re.compile(r"^[a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ\s]+$")
FOOTER = re.compile(r"^\d+ / \d+$")


@pytest.fixture(scope="module")
def excerpt():
    """A short cut of the report (tests/support/shipped.py) for the 96-pt PDF: the whole report is 1,563 pages
    there (9 CPU-s to make, half of this module's time), the cut 241, and what the 96-pt tests look at (the cover,
    the page numbers, justified lines of three or four characters) is in every stretch of it."""
    return shipped_excerpt()


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, excerpt):
    """The PDFs, made once: the CLI's of the whole report at 16 and 36 pt with pinyin and 24 pt without, and the
    excerpt's at 96 pt with pinyin (by the function the CLI calls)."""
    folder = tmp_path_factory.mktemp("pdf")
    made = {}
    for size, pinyin in ((36, "on"), (24, "off"), (16, "on")):
        out = folder / f"r{size}-{pinyin}.pdf"
        assert main(["export-pdf", "--out", str(out), "--size", str(size), "--pinyin", pinyin]) == 0
        made[(size, pinyin)] = out
    create_application()
    made[(96, "on")] = folder / "excerpt96-on.pdf"
    export_pdf(*excerpt, made[(96, "on")], size=96, pinyin=True)
    return made


@pytest.fixture(scope="module")
def sources(report, excerpt):
    """The report each PDF was made from."""
    return {(36, "on"): report, (24, "off"): report, (16, "on"): report, (96, "on"): excerpt[0]}


def _pages_text(path) -> list[str]:
    """Each page's text in drawing order, without pinyin lines and the page number."""
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True,
                         text=True).stdout
    pages = []
    for page in raw.split("\f")[:-1]:
        lines = [line for line in page.splitlines() if not PINYIN_LINE.match(line) and not FOOTER.match(line.strip())]
        pages.append("".join("".join(lines).split()))
    return pages


def _flat(outline, depth=0):
    for item in outline:
        if isinstance(item, list):
            yield from _flat(item, depth + 1)
        else:
            yield depth, item


def test_page_count_follows_the_size(pdfs, report):
    big, small = (len(PdfReader(pdfs[k]).pages) for k in ((36, "on"), (24, "off")))
    chars = sum(len(b.text) for b in report.blocks)
    # A4 text column ≈ 510 × 780 pt; a character takes 1.32 em, a line ≈ 1.45 em × 1.72.
    for pages, size in ((big, 36), (small, 24)):
        per_page = (510 // (size * 1.32)) * (780 // (size * 1.45 * 1.72))
        assert chars / per_page * 0.8 < pages < chars / per_page * 1.6, (size, pages)
    assert big > small * 1.8


def test_outline_is_parts_headings_and_notes(pdfs, report):
    reader = PdfReader(pdfs[(36, "on")])
    entries = list(_flat(reader.outline))
    wanted = [b for b in report.blocks if b.kind in (BlockKind.PART, BlockKind.HEADING, BlockKind.NOTES_HEADING)]
    assert [e.title for _, e in entries] == [b.text for b in wanted]
    assert [depth for depth, _ in entries] == [1 if b.kind is BlockKind.HEADING else 0 for b in wanted]
    pages = [reader.get_destination_page_number(e) for _, e in entries]
    assert pages == sorted(pages) and pages[0] > 0
    texts = _pages_text(pdfs[(36, "on")])
    for (_, entry), page in zip(entries, pages, strict=True):
        assert "".join(entry.title.split()) in texts[page], entry.title
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    assert reader.trailer["/Root"]["/Lang"] == "zh-CN"


def test_markers_link_to_their_notes_and_back(pdfs, report):
    reader = PdfReader(pdfs[(36, "on")])
    texts = _pages_text(pdfs[(36, "on")])
    links = []
    for number, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot["/Subtype"] == "/Link":
                links.append((number, reader.get_destination_page_number(annot) if "/Dest" not in annot
                              else reader.get_page_number(annot["/Dest"][0].get_object())))
    assert len(links) == len(report.markers) + len(report.notes)
    notes_page = texts.index(next(t for t in texts if "名词解释" in t))
    forward = [(src, dest) for src, dest in links if src < notes_page]
    assert len(forward) == len(report.markers)
    for marker, (src, dest) in zip(report.markers, forward, strict=True):
        assert f"[{marker.note_number}]" in texts[src]
        note_text = report.block(report.notes[marker.note_number].block_id).text
        assert note_text[:6] in texts[dest], "the link lands on the page where the note starts"


@pytest.mark.parametrize("key", [(36, "on"), (24, "off")])
def test_text_extracts_as_the_report(pdfs, report, key):
    text = "".join(_pages_text(pdfs[key]))
    assert not re.search("[\u2e80-\u2fdf\uf900-\ufaff]", text), "radicals instead of the characters (ToUnicode)"
    sentences = []
    for block in report.blocks:
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.NOTE):
            for start, end in block.sentences[:2]:
                sentences.append("".join(block.text[start:end].split()))
    missing = [s for s in sentences if s not in text]
    # a sentence cut by a page break has that page's number and pinyin between its halves
    assert len(missing) <= len(sentences) // 10, missing[:3]
    assert len(sentences) > 100


def test_pinyin_is_drawn_only_when_asked_and_never_in_the_text(pdfs):
    """The ruby is on the page (an artifact with an empty ActualText per ruby text object) but not in the text."""
    def ruby_spans(path):
        return PdfReader(path).pages[2].get_contents().get_data().count(b"/Artifact BMC\n/Span <</ActualText ()>>")

    assert ruby_spans(pdfs[(36, "on")]) >= 20
    assert ruby_spans(pdfs[(24, "off")]) == 0
    raw = subprocess.run(["pdftotext", "-f", "3", "-l", "3", str(pdfs[(36, "on")]), "-"], capture_output=True,
                         check=True, text=True).stdout
    assert not re.search("[āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜ]", raw), raw


@pytest.mark.parametrize("key", [(36, "on"), (24, "off")])
def test_pdftotext_gives_the_report_exactly(pdfs, report, key):
    """Reading order, no pinyin, no gaps between spaced characters: pdftotext's text is the report's text."""
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdfs[key]), "-"], capture_output=True, check=True,
                         text=True).stdout
    body = [line for line in raw.splitlines() if not FOOTER.match(line.strip())]
    assert "".join("".join(body).split()) == "".join("".join(b.text for b in report.blocks).split())
    assert "刚刚过去的" in raw, "a spaced line reads as one word, not 刚 刚 过 去"


def test_page_numbers_in_the_footer(pdfs):
    reader = PdfReader(pdfs[(24, "off")])
    total = len(reader.pages)
    raw = subprocess.run(["pdftotext", "-raw", str(pdfs[(24, "off")]), "-"], capture_output=True, check=True,
                         text=True).stdout
    pages = raw.split("\f")[:-1]
    for number in (1, total // 2, total):
        assert f"{number} / {total}" in pages[number - 1].splitlines()[-1]


def test_bad_size_is_refused(tmp_path, capsys):
    assert main(["export-pdf", "--out", str(tmp_path / "x.pdf"), "--size", "200"]) == 1
    assert "between 12 and 96" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def _page_lines(path, page: int) -> list[str]:
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page), str(path), "-"],
                         capture_output=True, check=True, text=True).stdout
    return [line for line in raw.splitlines() if line.strip()]


@pytest.mark.parametrize("key", [(36, "on"), (24, "off"), (96, "on")])
def test_the_cover_is_the_title_block_with_the_title_on_one_line(pdfs, sources, key):
    report = sources[key]
    title, *meta = [b for b in report.blocks if b.kind in (BlockKind.TITLE, BlockKind.META)]
    cover = _page_lines(pdfs[key], 1)
    assert cover[0] == title.text, cover
    text = "".join("".join(cover).split())
    if key[0] <= 36:  # at 96 pt the title block is taller than a page
        assert all("".join(b.text.split()) in text for b in meta), cover
        first_body = next(b for b in report.blocks if b.kind not in (BlockKind.TITLE, BlockKind.META))
        assert _page_lines(pdfs[key], 2)[0].startswith(first_body.text[:3])


@pytest.mark.parametrize("key", [(36, "on"), (24, "off"), (96, "on")])
def test_page_numbers_are_large_and_the_last_page_is_not_one_line(pdfs, key):
    pages = len(PdfReader(pdfs[key]).pages)
    assert len(_page_lines(pdfs[key], pages)) >= 3, "two lines of text and the page number"
    xml = subprocess.run(["pdftotext", "-bbox", "-f", "2", "-l", "2", str(pdfs[key]), "-"], capture_output=True,
                         check=True, text=True).stdout
    number = re.search(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">2</word>', xml)
    assert number and float(number.group(2)) - float(number.group(1)) >= 18, "the page number is 18 pt or more"


@pytest.mark.parametrize("key", [(36, "on"), (24, "off")])
def test_no_page_ends_with_a_heading(pdfs, report, key):
    headings = ["".join(b.text.split()) for b in report.blocks
                if b.kind in (BlockKind.PART, BlockKind.HEADING, BlockKind.NOTES_HEADING)]
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdfs[key]), "-"], capture_output=True, check=True,
                         text=True).stdout
    for number, page in enumerate(raw.split("\f")[:-1], start=1):
        lines = ["".join(line.split()) for line in page.splitlines() if line.strip() and not FOOTER.match(line.strip())]
        assert not any(h.startswith(lines[-1]) for h in headings), (number, lines[-1])


ROLES = {BlockKind.TITLE: "H1", BlockKind.PART: "H2", BlockKind.NOTES_HEADING: "H2", BlockKind.HEADING: "H3",
         BlockKind.NOTE: "Note"}


@pytest.mark.parametrize("key", [(36, "on"), (24, "off")])
def test_the_pdf_is_tagged_as_pdf_ua_asks(pdfs, report, key):
    """A structure tree over the report's blocks in reading order (H1 title, H2 parts, H3 headings, P, Note with
    its ID), the pinyin and the page numbers artifacts; marked, language, title shown, PDF/UA declared."""
    info = subprocess.run(["pdfinfo", str(pdfs[key])], capture_output=True, check=True, text=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info
    reader = PdfReader(pdfs[key])
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and root["/Lang"] == "zh-CN"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == report.title
    assert b"<pdfuaid:part>1</pdfuaid:part>" in root["/Metadata"].get_object().get_data()
    document = root["/StructTreeRoot"]["/K"][0].get_object()
    assert document["/S"] == "/Document"
    elements = [kid.get_object() for kid in document["/K"]]
    assert [e["/S"][1:] for e in elements] == [ROLES.get(b.kind, "P") for b in report.blocks]
    notes = [e for e in elements if e["/S"] == "/Note"]
    assert [n["/ID"] for n in notes] == [b.id for b in report.blocks if b.kind is BlockKind.NOTE]
    parents = root["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    tree = dict(zip(parents[::2], parents[1::2], strict=True))
    for number, page in enumerate(reader.pages):
        assert page["/Tabs"] == "/S"
        data = page.get_contents().get_data()
        mcids = [int(m) for m in re.findall(rb"/(?:H1|H2|H3|P|Note) <</MCID (\d+)>> BDC", data)]
        assert mcids == list(range(len(mcids))) and len(tree[page["/StructParents"]].get_object()) == len(mcids)
        if key[1] == "on":  # every ruby text object is an artifact
            assert data.count(b"/ActualText ()") == data.count(b"/Artifact BMC\n/Span <</ActualText ()>>"), number
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            link = tree[annotation["/StructParent"]].get_object()
            assert link["/S"] == "/Link" and link["/K"][0]["/Obj"].get_object() == annotation
            assert re.fullmatch(r"\[\d+\]", annotation["/Contents"])


def test_each_structure_element_holds_its_block_and_no_pinyin(pdfs, report):
    """What a screen reader reads by the structure (poppler's pdfinfo -struct-text): each block's own characters
    under its element, in order, without the pinyin or the page numbers."""
    out = subprocess.run(["pdfinfo", "-struct-text", str(pdfs[(36, "on")])], capture_output=True, check=True,
                         text=True).stdout
    texts: list[str] = []
    for line in out.splitlines():
        if re.match(r"^  \S", line):  # an element of the Document
            texts.append("")
        elif re.match(r'^    "', line):
            texts[-1] += line.strip()[1:-1]
    assert [t.replace(" ", "") for t in texts] == ["".join(b.text.split()) for b in report.blocks]


# -- justification (issue 15 item 1), measured from the glyphs the PDF places -----------------------------------
JUSTIFIED_SIZES = [(16, "on"), (36, "on"), (96, "on")]


@pytest.fixture(scope="module")
def glyphs(pdfs):
    """Each PDF's text objects (tests/support/pdf_glyphs.py), read once."""
    return {key: text_objects(pdfs[key]) for key in JUSTIFIED_SIZES}


PARAGRAPHS = (BlockKind.PARAGRAPH, BlockKind.NOTE)


def _paragraph_lines(objects, report) -> list[tuple[bool, tuple]]:
    """(whether it is its block's last line, its glyphs) of every line of the paragraphs and notes."""
    kinds = [b.kind for b in report.blocks]
    out = []
    for block, lines in block_lines(objects).items():
        if kinds[block] in PARAGRAPHS:
            out += [(n == len(lines) - 1, line.glyphs) for n, line in enumerate(lines)]
    return out


HALF_AT_LINE_END = CLOSERS + QUOTES_CLOSING + LEFT_IN_SIMPLIFIED  # in the mainland fonts these PDFs use


def _ink_end(glyph) -> float:
    """Where a glyph's cell would end without the spacing after it: half an em for a mark whose ink is on the left."""
    return glyph.x + glyph.width / (2 if glyph.char in HALF_AT_LINE_END else 1)


def _wide_gaps(glyphs) -> list[float]:
    """The space after each wide character followed by another: its step to the next less its own advance."""
    return [b.x - a.x - a.width for a, b in zip(glyphs, glyphs[1:], strict=False) if is_wide(a.char) and is_wide(b.char)]


@pytest.mark.parametrize("key", JUSTIFIED_SIZES)
def test_lines_are_justified_and_the_last_line_is_left_aligned(glyphs, sources, key):
    """Every line of a paragraph but its last ends at the text's right edge; the last is set at the base spacing."""
    lines = _paragraph_lines(glyphs[key], sources[key])
    # the space a wide character takes after its glyph where nothing is justified: the most common in last lines
    gaps = Counter(round(gap, 1) for last, line in lines if last for gap in _wide_gaps(line))
    base = gaps.most_common(1)[0][0]
    # Every line starts at the left edge; an opening bracket or quote half a cell further left (its ink on the edge)
    left = Counter(round(line[0].x, 2) for _, line in lines).most_common(1)[0][0]
    for _, line in lines:
        shift = line[0].width / 2 if line[0].char in LINE_START_HALVES else 0.0
        assert abs(line[0].x + shift - left) <= 0.5, "".join(g.char for g in line)
    # Where a line's last character's cell ends: a wide one is spaced after its glyph, as at the base spacing; a mark
    # with its ink on the left gives up the right half of its cell (its ink ends in the left half).
    ends = [_ink_end(line[-1]) + (base if is_wide(line[-1].char) else 0.0) for last, line in lines if not last]
    edge = Counter(round(end) for end in ends).most_common(1)[0][0]
    assert max(_ink_end(line[-1]) for last, line in lines) <= edge + 0.5, "no ink past the edge"
    flush = [end for end in ends if abs(end - edge) <= 1.0]
    # Not flush: a line of one character or only digits (nothing to spread), or whose last character is widened
    # for a long reading (its room stays after it): 3-5 % of the lines.
    assert len(flush) >= 0.9 * len(ends) and len(ends) > 150, (len(flush), len(ends))
    stretched = [line for last, line in lines if last and len(_wide_gaps(line)) >= 2 and min(_wide_gaps(line)) > base + 0.2]
    assert not stretched, "".join(g.char for g in stretched[0])
    assert sum(1 for last, _ in lines if last) == sum(1 for b in sources[key].blocks if b.kind in PARAGRAPHS)


@pytest.mark.parametrize("key", JUSTIFIED_SIZES)
def test_digits_keep_their_own_advance(glyphs, sources, key):
    """The slack of a justified line never goes inside a number (Qt's justification drew 2 0 2 4 年)."""
    lines = _paragraph_lines(glyphs[key], sources[key])
    steps = [(b.x - a.x - a.width, "".join(g.char for g in line)) for _, line in lines
             for a, b in zip(line, line[1:], strict=False) if a.char.isdigit() and b.char.isdigit()]
    # most of the text's digit pairs are measured (a few are cut by a line break at 96 pt: 252 in the report, 42 in
    # the excerpt)
    pairs = sum(len(number) - 1 for b in sources[key].blocks if b.kind in PARAGRAPHS
                for number in re.findall(r"[0-9]+", b.text))
    assert len(steps) >= 0.75 * pairs and pairs >= 40, (len(steps), pairs)
    assert all(abs(gap) < 0.05 for gap, _ in steps), max(steps, key=lambda step: abs(step[0]))


@pytest.mark.parametrize("key", JUSTIFIED_SIZES)
def test_pinyin_keeps_its_place_over_its_character(glyphs, key):
    """Justifying moves each character and its reading together: a reading sits at the same offset from its
    character wherever it is, however much space its line was given."""
    offsets = ruby_offsets(glyphs[key], is_han)
    assert sum(len(found) for found in offsets.values()) > 200
    for (_, char), found in offsets.items():
        assert max(found) - min(found) <= 0.5, (char, found)


@pytest.mark.parametrize("key", JUSTIFIED_SIZES)
def test_pdftotext_reads_lines_without_spaces_and_numbers_whole(pdfs, report, key):
    """The text layer of a justified line has no gaps: pdftotext reads each line as it is, numbers with their
    units (2024年, 411亿元) unbroken."""
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdfs[key]), "-"], capture_output=True, check=True,
                         text=True).stdout
    lines = [line for line in raw.splitlines() if line.strip() and not FOOTER.match(line.strip())]
    assert not [line for line in lines if re.search("[ \t]", line)][:3]
    if key[0] < 96:  # at 96 pt a line holds three characters: 2024年， cannot stay on one
        assert "刚刚过去的2024年" in raw and "411亿元" in raw
        splits = [(a, b) for a, b in zip(lines, lines[1:], strict=False) if re.search(r"[0-9]$", a) and is_han(b[0])]
        assert not splits, "a number kept with its unit (issue 15 item 3)"
