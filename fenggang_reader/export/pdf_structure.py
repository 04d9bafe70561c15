"""The PDF's structure tree (a tagged PDF, as PDF/UA asks): what each block is, in reading order.

Qt's QPdfWriter writes no structure. export.pdf marks each block's text with marked-content ids (MCIDs) and
everything else (the pinyin, the page numbers) as artifacts; this module adds the tree over them:
Document → H1 (the title), H2 (parts, the notes heading), H3 (headings), P (paragraphs, the occasion, the
speaker), Note (the glossary notes, each with its /ID), each note link a Link element with its annotation.
And what a tagged document declares: /MarkInfo, the title shown instead of the file name, each page's tab
order by structure, and the PDF/UA identification in the XMP metadata.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject

    from .pdf import LinkArea


def tag_structure(writer: PdfWriter, marked: Sequence[Sequence[int]], roles: Sequence[str], ids: Sequence[str],
                  links: Sequence[tuple[LinkArea, DictionaryObject]], title: str) -> None:
    """Add the structure tree: ``marked[page][mcid]`` is the block each marked-content id of a page belongs to,
    ``roles[block]`` its structure type, ``links`` the note links with the annotations made for them."""
    from pypdf.generic import (
        ArrayObject,
        BooleanObject,
        DictionaryObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    root = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
    root_ref = writer._add_object(root)
    document = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"), NameObject("/S"): NameObject("/Document"),
                                 NameObject("/P"): root_ref, NameObject("/K"): ArrayObject()})
    document_ref = writer._add_object(document)
    root[NameObject("/K")] = ArrayObject([document_ref])

    elements: dict[int, Any] = {}  # block → its element's reference, made in reading order

    def element(block: int) -> Any:
        if block not in elements:
            fields = {NameObject("/Type"): NameObject("/StructElem"), NameObject("/S"): NameObject("/" + roles[block]),
                      NameObject("/P"): document_ref, NameObject("/K"): ArrayObject()}
            if roles[block] == "Note":  # PDF/UA: a Note has an ID
                fields[NameObject("/ID")] = TextStringObject(ids[block])
            elements[block] = writer._add_object(DictionaryObject(fields))
        return elements[block]

    for block in sorted({block for page in marked for block in page}):
        element(block)
    nums = ArrayObject()
    for number, page_marks in enumerate(marked):
        page = writer.pages[number]
        page[NameObject("/StructParents")] = NumberObject(number)
        page[NameObject("/Tabs")] = NameObject("/S")  # Tab goes through the links in structure order
        parents = ArrayObject()
        for mcid, block in enumerate(page_marks):
            ref = element(block)
            ref.get_object()["/K"].append(DictionaryObject({
                NameObject("/Type"): NameObject("/MCR"), NameObject("/Pg"): page.indirect_reference,
                NameObject("/MCID"): NumberObject(mcid)}))
            parents.append(ref)
        nums += [NumberObject(number), writer._add_object(parents)]
    key = len(marked)
    for area, annotation in links:
        if area.block not in elements:
            continue
        page_ref = writer.pages[area.page].indirect_reference
        link = DictionaryObject({
            NameObject("/Type"): NameObject("/StructElem"), NameObject("/S"): NameObject("/Link"),
            NameObject("/P"): elements[area.block],
            NameObject("/K"): ArrayObject([DictionaryObject({
                NameObject("/Type"): NameObject("/OBJR"), NameObject("/Obj"): annotation.indirect_reference,
                NameObject("/Pg"): page_ref})])})
        link_ref = writer._add_object(link)
        elements[area.block].get_object()["/K"].append(link_ref)
        annotation[NameObject("/StructParent")] = NumberObject(key)
        nums += [NumberObject(key), link_ref]
        key += 1
    document[NameObject("/K")] = ArrayObject(elements[block] for block in sorted(elements))
    root[NameObject("/ParentTree")] = writer._add_object(DictionaryObject({NameObject("/Nums"): nums}))
    root[NameObject("/ParentTreeNextKey")] = NumberObject(key)
    catalog = writer.root_object
    catalog[NameObject("/StructTreeRoot")] = root_ref
    catalog[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
    catalog[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)})
    writer.pdf_header = b"%PDF-1.7"  # structure, ActualText, /Lang: later than Qt's 1.4 header says
    _declare_pdf_ua(writer, title)


_PDF_UA = ('<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
           "<pdfuaid:part>1</pdfuaid:part></rdf:Description>")


def _declare_pdf_ua(writer: PdfWriter, title: str) -> None:
    """Say in the XMP metadata that the file claims PDF/UA-1, and give it the title (dc:title)."""
    from pypdf.generic import StreamObject

    metadata = writer.root_object.get("/Metadata")
    stream = metadata.get_object() if metadata is not None else None
    if not isinstance(stream, StreamObject):
        return
    xmp = stream.get_data().decode("utf-8")
    if "pdfuaid:part" not in xmp and "</rdf:RDF>" in xmp:
        xmp = xmp.replace("</rdf:RDF>", _PDF_UA + "</rdf:RDF>", 1)
    if title and "<dc:title>" not in xmp and "</rdf:RDF>" in xmp:
        escaped = title.replace("&", "&amp;").replace("<", "&lt;")
        xmp = xmp.replace("</rdf:RDF>", '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                          f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escaped}</rdf:li></rdf:Alt>'
                          "</dc:title></rdf:Description></rdf:RDF>", 1)
    stream.set_data(xmp.encode("utf-8"))
