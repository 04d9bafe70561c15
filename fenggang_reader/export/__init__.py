"""Take the report away: an audiobook (export.audio) and a large-print PDF with pinyin (export.pdf).

Nothing here imports widgets; the PDF pages are painted by ui/print_layout.py, which reuses the
reader's own ruby layout, and export.pdf adds the outline and the note links to what it painted.
"""
