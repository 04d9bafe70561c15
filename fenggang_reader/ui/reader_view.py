"""The reader: a QTextBrowser holding the real characters, with pinyin ruby painted above them.

Why this shape (DESIGN.md, approach A): the text stays real text, so selection, copy, line breaking
and screen-reader access come from Qt; pinyin is drawn in an overlay pass, only for visible lines.
Every Han character and full-width mark gets the same extra advance (percentage letter spacing, so
it scales with the font), which gives an even rhythm and room for its pinyin; Latin and digit runs
keep their natural spacing. Proportional line height leaves a band above each line for the pinyin.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QRect, QRectF, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QColor,
    QFont,
    QFontMetricsF,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QTextEdit, QWidget

from ..core.jyutping import JyutpingAnnotator
from ..core.line_breaks import LayoutText, strip_marks
from ..core.model import Block, BlockKind, Report
from ..core.pinyin import Annotator, PinyinStyle
from ..core.settings import CHARACTER_SPACING, FONT_SIZE, LINE_SPACING
from ..core.settings import PARAGRAPH_SPACING as PARAGRAPH_SPACING_SETTING
from .block_formats import SIZE_FACTOR, BlockFormats
from .block_readings import BlockReadings
from .block_window import BlockWindow
from .caret_placement import CaretPlacement
from .line_break_marks import LineBreakMarks
from .line_justification import EdgeRules
from .navigation import Navigator
from .plain_blocks import PlainBlocks, plain_at_first
from .reader_document import (
    CLOSERS,
    LEFT_IN_SIMPLIFIED,
    QUOTES_CLOSING,
    compress_punctuation,
    empty_document,
    fill_document,
    respace_wide_runs,
    show_texts,
)
from .reader_input import ReservedKeys, ruby_band_to_line
from .readings_provider import ReadingsProvider
from .ruby import PINYIN_RATIO, ZHUYIN_RATIO
from .ruby_layer import Glyph, RubyCell, RubyLayer
from .text_geometry import TextGeometry
from .text_highlights import TextHighlights
from .text_role import ReadOnlyTextBrowser
from .themes import Theme, theme
from .typesetting import Typesetting

BODY_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "sans-serif"]
# Traditional characters in the glyph forms their readers learnt (Hong Kong and Taiwan standards differ).
HK_FAMILIES = ["Noto Sans CJK HK", "Source Han Sans HC", "Microsoft JhengHei", "PingFang HK", *BODY_FAMILIES]
TW_FAMILIES = ["Noto Sans CJK TC", "Source Han Sans TC", "Microsoft JhengHei", "PingFang TC", *BODY_FAMILIES]
# Sizes and spacing: the ranges and defaults of the settings table (core/settings.py), never repeated here.
MIN_FONT_PT, MAX_FONT_PT, DEFAULT_FONT_PT = int(FONT_SIZE.minimum or 0), int(FONT_SIZE.maximum or 0), FONT_SIZE.default
CJK_SPACING_PERCENT = float(CHARACTER_SPACING.default)  # advance of every Han character and full-width mark, % width
LINE_HEIGHT_PERCENT = float(LINE_SPACING.default)  # line height in % of the natural line: the rest is the pinyin band
PARAGRAPH_SPACING = PARAGRAPH_SPACING_SETTING.default / 100  # space after a paragraph, in lines of body text


class ReaderView(ReadOnlyTextBrowser):
    """Shows a Report with pinyin; owns the current paragraph and the sizes, and composes the parts that set, place
    and draw the text (block_formats, block_readings, line_break_marks, ruby_layer, text_highlights, typesetting)."""

    current_block_changed = Signal(str)
    font_size_changed = Signal(int)
    zoom_requested = Signal(int)  # Ctrl+wheel: +1 larger, -1 smaller (the window picks the next size stop)
    first_paint = Signal()

    def __init__(self, report: Report, annotator: Annotator, parent: QWidget | None = None, *,
                 on_screen: bool = True):
        super().__init__(parent)
        self._report = report
        self._annotator = annotator
        self._font_pt = DEFAULT_FONT_PT
        self._families = list(BODY_FAMILIES)
        self._pinyin_visible = True
        self._pinyin_style = PinyinStyle.TONE_MARKS
        self._theme: Theme = theme("light")
        self._current = 0
        self.highlights = TextHighlights(self, report)  # the voice's sentence and word, find's matches
        self._reserved = ReservedKeys()  # key combinations our actions own (see event())
        self._painted_once = False
        self._place_hint: int | None = None  # the reading place's block during a relayout (place_index)
        # Spacing settings (ui/comfort.py changes them through set_spacing).
        self.line_height_percent = LINE_HEIGHT_PERCENT
        self.cjk_spacing_percent = CJK_SPACING_PERCENT
        self.paragraph_spacing = PARAGRAPH_SPACING
        # Called in the warm-up thread once every block is annotated (the app saves the readings cache).
        self.after_warm_up: Callable[[], None] | None = None
        self._transform: Callable[[str], str] | None = None  # e.g. to Traditional characters (ui/languages)
        self._ruby: JyutpingAnnotator | None = None  # shown instead of the pinyin when set (ui/languages)
        self.block_formats = BlockFormats(report.blocks)  # the size of each kind of block, the room around it
        # The readings shown: at once, or for a document nobody reviewed from a worker thread (ui/block_readings.py).
        self.readings = BlockReadings(self, self, report, annotator, on_screen=on_screen)
        if self.readings.provider is not None:
            self.readings.provider.arrived.connect(self._readings_arrived)

        self.setObjectName("readerView")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.viewport().setAutoFillBackground(False)
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        # Where lines may and may not break (core/line_breaks.py, ui/line_break_marks.py): marks in the layout text
        # only (ui/print_layout.py draws the lines without them). A view never shown (print) keeps them, and its own justification, while an
        # assistive technology is active: none reads it.
        self._on_screen = on_screen
        justified = [i for i, b in enumerate(report.blocks) if b.kind in (BlockKind.PARAGRAPH, BlockKind.NOTE)]
        # The readings' room and the justified lines: what is set now, and setting them anew when it must be.
        self.typesetting: Typesetting = Typesetting(self, self, report.blocks, justified, self._lines_near_view,
                                                    on_screen=on_screen)
        self.line_breaks = LineBreakMarks(self, self, report, on_screen=on_screen,
                                          largest_factor=max(SIZE_FACTOR.values()))
        self.ruby_layer = RubyLayer(self, report.blocks)  # where each reading sits, and painting them
        self.block_window = BlockWindow(self)  # a long document: the stretch around the place laid out, the rest hidden
        self.line_geometry = TextGeometry(self.document, self.ruby_layer.above, self.layout_of, self.block_window.bounds)
        self.verticalScrollBar().valueChanged.connect(self.typesetting.justifier.justify_in_view)
        # A long document's blocks far from its start: built plain, their runs' formats given later (ui/plain_blocks.py).
        self.plain_blocks = PlainBlocks(self, self.document, report.blocks, plain_at_first(report.blocks, on_screen),
                                        self.place_index, lambda: (self.cjk_spacing_percent, self._compressible()))

        self._build_document()
        self._apply_metrics()
        self.navigator = Navigator(self)
        self.caret = CaretPlacement(self)  # moved without scrolling, quietly in screen-reader mode
        self.block_window.start(self._current)

    # -- building ------------------------------------------------------------------------------
    def _build_document(self) -> None:
        # Punctuation compressed as it is built.
        # Not laid out before the view is shown or laid out (_take_room): QTextEdit laid a new document out at the
        # width of a view not yet shown (86 px, ~1,000 characters a line or two each), and again after the edits of
        # the window's construction, all of it thrown away at show (~20-25 ms CPU a window of the shipped report).
        # A document without a page size is not laid out (Typesetting.one_layout); set empty, its text after.
        doc = empty_document(self)
        self.setDocument(doc)
        doc.setPageSize(QSizeF(0, 0))  # setDocument gave it the width of the view as it is now
        # Paragraphs and notes aligned as the justifier will want them (LineJustifier.unjustify: left where the reader
        # justifies them itself), so that its first pass need not realign every block.
        own = not (self._on_screen and QAccessible.isActive())  # as _justification says
        alignment = Qt.AlignmentFlag.AlignLeft if own else Qt.AlignmentFlag.AlignJustify
        fill_document(doc, self._report.blocks, self.line_breaks.layouts, self.display_text,
                      self.line_height_percent, self.cjk_spacing_percent, self._compressible(),
                      plain=self.plain_blocks.waiting(), justified=alignment)
        self.typesetting.justifier.built_aligned(alignment)
        self.setTextCursor(QTextCursor(doc))  # at the start: the text went in before the view's caret, which moved on
        doc.contentsChange.connect(self.ruby_layer.forget_edited)

    def _compressible(self) -> str:
        """The marks that may give up half their cell: those whose ink is on the left in the fonts now drawing the
        text."""
        left = CLOSERS + QUOTES_CLOSING
        if self._families[0].endswith(" SC"):
            left += LEFT_IN_SIMPLIFIED
        return left

    def compress_punctuation(self) -> None:
        """Half cells for the first of two punctuation marks in a row (reader_document.compress_punctuation)."""
        compress_punctuation(self.document(), self.cjk_spacing_percent, self._compressible())

    def justify_lines(self) -> None:
        """Justify paragraphs and notes for the width, sizes and characters now in use (ui/line_justification.py:
        the slack between Chinese characters, half cells at the line edges): those in view now, the rest soon.
        Print and the PDF are justified alike; on screen Qt justifies while an assistive technology is active
        (LineJustifier.relayout)."""
        self.typesetting.justify(*self._justification())

    def _justification(self) -> tuple[tuple, EdgeRules, bool]:
        """What the lines are justified for (the width, sizes, spacing, fonts), the edge rules, and whether the reader
        justifies them itself (see justify_lines)."""
        own = not (self._on_screen and QAccessible.isActive())
        return (self.typesetting.text_width(), *self.font_inputs()), EdgeRules(self._compressible()), own

    def font_inputs(self) -> tuple:
        """What the text's sizes depend on beyond the width: the size, the character spacing, the fonts, the caps."""
        caps = tuple(sorted(self.block_formats.caps.items()))
        return self._font_pt, self.cjk_spacing_percent, tuple(self._families), caps

    def finish_justifying(self) -> None:
        """Justify every line now, not only those in view (export-lines), the readings' room taken first."""
        self.ensure_laid_out()
        self.typesetting.justifier.finish()

    def finish_justifying_for_print(self) -> None:
        """Justify every line now and lay the whole text out anew: after edits in many blocks Qt's lazy layout left
        some without lines (77 of 223 blocks at 24 pt without pinyin), and print reads every line."""
        self.finish_justifying()
        doc = self.document()
        doc.markContentsDirty(0, doc.characterCount())
        doc.documentLayout().documentSize()

    def _lines_near_view(self, screens: float) -> dict[int, range]:
        """The lines in the window and ``screens`` window heights above and below it, with their ruby: block index ->
        the numbers of its lines there."""
        height = self.viewport().height()
        top = self.verticalScrollBar().value() - screens * height
        bottom = top + (1 + 2 * screens) * height + self.pinyin_band_height()
        return self.line_geometry.line_numbers_between(top, bottom, self.pinyin_band_height())

    # -- metrics -------------------------------------------------------------------------------
    def set_font_families(self, families: list[str]) -> None:
        """Which fonts draw the text (e.g. Hong Kong or Taiwan forms for Traditional characters)."""
        if families != self._families:
            with self._keeping_place(), self._relayout():
                self.typesetting.justifier.reset()  # before any other spacing edit (LineJustifier.reset)
                self._families = list(families)
                self.compress_punctuation()

    def body_font(self) -> QFont:
        font = QFont()
        font.setFamilies(self._families)
        font.setPointSizeF(self._font_pt)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    def pinyin_font(self, factor: float = 1.0) -> QFont:
        """The ruby's font follows the size of the characters it annotates (headings get larger pinyin); zhuyin is
        at least half their size."""
        font = self.body_font()
        font.setPointSizeF(self._font_pt * (ZHUYIN_RATIO if self.vertical_ruby() else PINYIN_RATIO) * factor)
        return font

    def vertical_ruby(self) -> bool:
        """Zhuyin is set vertically, to the right of each character; pinyin and Jyutping above it."""
        return self._ruby is None and self._pinyin_style is PinyinStyle.ZHUYIN

    def _line_height_percent(self) -> float:
        """The reader's line height. Zhuyin takes its room beside the characters, so the band above each line that
        pinyin needs is left out (a column reaches little above its line, RubyLayer.above)."""
        if not self.vertical_ruby():
            return self.line_height_percent
        font = self.body_font()
        font.setPointSizeF(self._font_pt * PINYIN_RATIO)
        fm = QFontMetricsF(font)
        band = fm.ascent() + fm.descent() * 0.5
        return max(115.0, self.line_height_percent - 100.0 * band / QFontMetricsF(self.body_font()).height())

    def _factor(self, index: int) -> float:
        return self.block_formats.factor(index, self._font_pt)

    def kind_factor(self, kind: BlockKind) -> float:
        """How much larger than the body a block of ``kind`` is drawn (BlockFormats.kind_factor)."""
        return self.block_formats.kind_factor(kind, self._font_pt)

    def cap_kind_factor(self, kind: BlockKind, factor: float) -> None:
        """Draw blocks of ``kind`` at most ``factor`` times the body size (print shrinks the title to one line)."""
        self.block_formats.caps[kind] = factor
        self._apply_metrics()

    def _apply_metrics(self) -> None:
        """Apply the font size: document font, heading sizes, the pinyin band and paragraph spacing."""
        with self._relayout():
            pass

    @contextmanager
    def _keeping_place(self) -> Iterator[None]:
        """Around a relayout: the reading place stays where it was (Navigator.keeping_place), and the lines in view
        are justified once the view is back there."""
        hint = self._place_hint
        if self._painted_once and hint is None and not self.typesetting.holding_layout:
            self._place_hint = self.navigator.reading_place()[0].index  # the layout is not asked while it is held
        try:
            with self.typesetting.justifier.deferred(), self.navigator.keeping_place():
                yield
        finally:
            self._place_hint = hint

    def keeping_place(self) -> AbstractContextManager[None]:
        """Around edits that move lines (a long document's far blocks taking their room while idle, ui/typesetting.py):
        the reading place stays where it was."""
        return self._keeping_place()

    def place_index(self) -> int:
        """The block of the reading place (during a relayout: the one before it)."""
        if self._place_hint is not None:
            return self._place_hint
        visible = self._painted_once and not self.typesetting.holding_layout
        return self.navigator.reading_place()[0].index if visible else self._current

    def blocks_around(self, place: int, chars: int) -> list[int]:
        """Block ``place``, then the blocks within ``chars`` characters before and after it, in order."""
        blocks = self._report.blocks
        first = last = place
        total = 0
        while first > 0 and total < chars:
            first -= 1
            total += len(blocks[first].text)
        total = 0
        while last < len(blocks) - 1 and total < chars:
            last += 1
            total += len(blocks[last].text)
        return [place, *range(first, place), *range(place + 1, last + 1)]

    def chars_per_screen(self) -> int:
        """About how many characters a screen of this view shows (BlockWindow.chars_per_screen)."""
        return self.block_window.chars_per_screen()

    @contextmanager
    def _relayout(self) -> Iterator[None]:
        """The edits of the body, then the metrics, the readings' room and the line-breaking marks set for them, the
        text laid out once after all of them (Typesetting.one_layout), and the lines in view justified."""
        with self.typesetting.one_layout():
            yield
            self._set_metrics()
            if self.typesetting.active:  # fitted to the width once shown or laid out (a window is built in steps)
                self.line_breaks.fit(self.line_breaks.wanted_for(self.typesetting.text_width()))
            self.typesetting.unjustify_for(*self._justification())
        self.justify_lines()
        self.invalidate_layout_cache()

    def _set_metrics(self) -> None:
        doc = self.document()
        body = self.body_font()
        doc.setDefaultFont(body)
        self.ensure_ruby_room()
        shown = self.block_window.bounds() if self.block_window.active else None  # the others as they are shown
        self.block_formats.apply(doc, body, self._line_height_percent(), self.pinyin_band_height(),
                                 self.paragraph_spacing, self._font_pt, shown)

    def refresh_line_breaks(self) -> None:
        """Fit the line-breaking marks to the text width and sizes now in use: a number kept with its unit and
        punctuation that would be wider than a line is joined less (core/line_breaks.py); then justify."""
        if not self.typesetting.active:  # fitted once shown or laid out (_take_room)
            return
        wanted = self.line_breaks.wanted_for(self.typesetting.text_width())
        if wanted is not None and wanted[2] != self.line_breaks.layouts:
            with self.typesetting.one_layout():
                self.line_breaks.fit(wanted)
        else:
            self.line_breaks.fit(wanted)
        self.justify_lines()

    def longest_whole_word(self, kind: BlockKind) -> int:
        """The longest word a line of a ``kind`` block keeps whole at the width in use (core/words.py)."""
        return self.line_breaks.longest_whole_word(kind)

    def fits_on_a_line(self, index: int, width: float) -> Callable[[str], bool]:
        """Whether a run of block ``index``'s text fits in ``width`` pixels (each wide character one spaced cell)."""
        return self.line_breaks.fits_on_a_line(index, width)

    def marks_waiting(self) -> int:
        """How many blocks of a long document wait for their marks at the width in use (fitted while idle)."""
        return self.line_breaks.waiting()

    def pinyin_band_height(self) -> float:
        """How far the ruby reaches above a line of body text."""
        if self.vertical_ruby():
            return self.ruby_layer.zhuyin_above(1.0)
        fm = QFontMetricsF(self.pinyin_font())
        return fm.ascent() + fm.descent() * 0.5

    # -- the room each reading takes (ui/typesetting.py) -----------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._take_room()  # the readings are loaded by now (app.py): give them their room before a paint
        super().showEvent(event)

    def _take_room(self) -> None:
        """The first time the view is shown or laid out: the room for the readings, and the line-breaking marks fitted
        to it (the fonts as they are: print has set its own)."""
        if self.typesetting.activate():
            doc = self.document()
            if doc.pageSize().isNull():  # shown, a resize or a wrap width gave it one; else the view's width now
                doc.setPageSize(QSizeF(self.viewport().width(), -1))
            self._apply_metrics()

    def ensure_ruby_room(self) -> None:
        """Space each character for its reading (ruby.ruby_room; zhuyin: a column beside every character), once the
        view is shown or laid out, and again whenever the readings, their style or the sizes change."""
        inputs = (self.vertical_ruby(), self._pinyin_visible, self._pinyin_style, id(self._ruby), self._font_pt,
                  tuple(self._families), self.cjk_spacing_percent)
        vertical = self._pinyin_visible and self.vertical_ruby()
        if self.typesetting.ensure_room(inputs, self._pinyin_visible and not self.vertical_ruby(), vertical):
            self.ruby_layer.forget_fonts()  # the sizes before

    def block_readings(self, index: int) -> Sequence[str | None]:
        """The readings shown above (or beside) block ``index``'s characters (BlockReadings.block_readings)."""
        return self.readings.block_readings(index)

    def room_readings(self, index: int) -> Sequence[str | None]:
        """The readings block ``index`` takes room for (BlockReadings.room_readings)."""
        return self.readings.room_readings(index)

    @property
    def readings_provider(self) -> ReadingsProvider | None:
        """The worker thread computing a document's readings; None for the shipped report and a view never shown."""
        return self.readings.provider

    def _readings_arrived(self, indices: list[int]) -> None:
        """Blocks' readings were computed (ReadingsProvider): draw them where their room already is."""
        self.readings.forget(indices)
        for index in indices:
            self.ruby_layer.forget_block(index)
        self.line_geometry.invalidate()
        self.viewport().update()

    def block_factor(self, index: int) -> float:
        """How much larger than the body block ``index`` is drawn (headings)."""
        return self._factor(index)

    def em_width(self, index: int) -> float:
        """Advance of one Han character in block ``index`` (without the extra letter spacing)."""
        return self.ruby_layer.em_width(index)

    # -- public API ----------------------------------------------------------------------------
    @property
    def report(self) -> Report:
        return self._report

    def painted(self) -> bool:
        """Whether the view was painted once (its first screen is up: work left for later may start)."""
        return self._painted_once

    def on_screen(self) -> bool:
        """A view the reader reads (not one made to print or export)."""
        return self._on_screen

    def font_size(self) -> int:
        return int(self._font_pt)

    def set_font_size(self, points: int) -> None:
        points = max(MIN_FONT_PT, min(MAX_FONT_PT, int(points)))
        if points == self._font_pt:
            return
        with self._keeping_place():
            self._font_pt = points
            self._apply_metrics()
        self.font_size_changed.emit(points)

    def set_spacing(self, line: float | None = None, characters: float | None = None,
                    paragraphs: float | None = None) -> None:
        """Line height (% of a line), Han character advance (% of its width), space after paragraphs (lines)."""
        with self._keeping_place(), self._relayout():
            if line is not None:
                self.line_height_percent = float(line)
            if paragraphs is not None:
                self.paragraph_spacing = float(paragraphs)
            if characters is not None and float(characters) != self.cjk_spacing_percent:
                self.typesetting.justifier.reset()
                old, self.cjk_spacing_percent = self.cjk_spacing_percent, float(characters)
                respace_wide_runs(self.document(), old, self.cjk_spacing_percent)
                self.typesetting.spacing_forgotten()
                self.compress_punctuation()

    def pinyin_visible(self) -> bool:
        return self._pinyin_visible

    def set_pinyin_visible(self, visible: bool) -> None:
        """Show or hide the ruby; the room long readings took goes with them (the place in the text is kept)."""
        if visible == self._pinyin_visible:
            return
        with self._keeping_place():
            self._pinyin_visible = visible
            self._apply_metrics()

    def pinyin_style(self) -> PinyinStyle:
        return self._pinyin_style

    def set_pinyin_style(self, style: PinyinStyle) -> None:
        """Tone marks, tone numbers or zhuyin; zhuyin takes its room beside the characters, not above the lines."""
        if style == self._pinyin_style:
            return
        with self._keeping_place():
            self._pinyin_style = style
            self.invalidate_layout_cache()
            self._apply_metrics()

    def display_text(self, text: str) -> str:
        """`text` as shown (e.g. in Traditional characters); always as long as `text`, so offsets agree."""
        return self._transform(text) if self._transform is not None else text

    def set_display_transform(self, transform: Callable[[str], str] | None) -> None:
        """Show every block through `transform` (same length out as in), keeping the place in the text.

        Only the characters that differ are replaced, in place and in their own formats, so positions,
        links merged into the document (glossary), highlights and the layout all stay. Readings still
        come from the report's own text, so pinyin stays as correct as before."""
        with self._keeping_place():
            self._set_display_transform(transform)
            self.justify_lines()
            self.invalidate_layout_cache()

    def _set_display_transform(self, transform: Callable[[str], str] | None) -> None:
        with self.typesetting.one_layout():
            self.typesetting.justifier.reset()
            self._transform = transform
            layout_of = self.line_breaks.layout_of
            show_texts(self.document(), lambda number: layout_of(number).apply(self.shown_text(number)))
            self.typesetting.text_edited()
            self.compress_punctuation()

    def annotator(self) -> Annotator:
        """The pinyin annotator (also while another ruby is shown): speech and corrections use it."""
        return self._annotator

    def ruby_annotator(self) -> JyutpingAnnotator | None:
        """The romanisation shown instead of the pinyin (Jyutping), or None."""
        return self._ruby

    def set_ruby_annotator(self, ruby: JyutpingAnnotator | None) -> None:
        """Show another romanisation (Jyutping) above the characters; None goes back to pinyin."""
        if ruby is self._ruby:
            return
        with self._keeping_place():
            self._ruby = ruby
            self.invalidate_layout_cache()
            self._apply_metrics()

    def refresh_readings(self) -> None:
        """The readings changed (a correction, the tones of 一 and 不): draw them anew, with the room they take."""
        self.typesetting.readings_changed()
        if self.readings_provider is not None:  # computed anew off the GUI thread, those in view first
            self.readings_provider.reset()
        with self._keeping_place():
            self.invalidate_layout_cache()
            self._apply_metrics()

    def set_theme(self, t: Theme) -> None:
        self._theme = t
        pal = self.palette()
        pal.setColor(pal.ColorRole.Base, QColor(t.background))
        pal.setColor(pal.ColorRole.Text, QColor(t.text))
        pal.setColor(pal.ColorRole.Link, QColor(t.link))
        pal.setColor(pal.ColorRole.Highlight, QColor(t.speech_bg))
        pal.setColor(pal.ColorRole.HighlightedText, QColor(t.speech_text))
        self.setPalette(pal)
        self.viewport().setPalette(pal)
        self._update_extra_selections()
        self.viewport().update()

    def current_theme(self) -> Theme:
        return self._theme

    def current_index(self) -> int:
        return self._current

    def current_block(self) -> Block:
        return self._report.blocks[self._current]

    def set_current_block(self, block_id: str, ensure_visible: bool = True) -> None:
        self.set_current_index(self._report.index_of(block_id), ensure_visible)

    def set_current_index(self, index: int, ensure_visible: bool = True, move_caret: bool = True) -> None:
        """Make block ``index`` the current paragraph; ``ensure_visible`` places it (Navigator.reveal)."""
        index = max(0, min(len(self._report.blocks) - 1, index))
        changed = index != self._current
        self._current = index
        if move_caret:
            self.place_caret(self.block_position(index))
        if ensure_visible:
            self.navigator.reveal(index)
        self.viewport().update()
        if changed:
            self.current_block_changed.emit(self._report.blocks[index].id)

    def set_quiet_caret(self, quiet: bool) -> None:
        """Move the caret to a new paragraph without telling screen readers (screen-reader mode says the whole
        paragraph instead, ui/orientation.py; Orca would first say the screen line the caret lands on)."""
        self.caret.quiet = quiet

    def place_caret(self, position: int, anchor: int | None = None) -> None:
        """Move the caret (selecting from ``anchor``) without scrolling (CaretPlacement.place)."""
        self.caret.place(position, anchor)

    def block_rect(self, index: int) -> QRect:
        """The block's rectangle in viewport coordinates, including its pinyin band."""
        block = self.document().findBlockByNumber(index)
        rect = self.document().documentLayout().blockBoundingRect(block)
        band = self.pinyin_band_height()
        rect = rect.adjusted(-4, -band, 4, 0)
        return rect.translated(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value()).toAlignedRect()

    def index_at(self, viewport_point) -> int:
        cursor = self.cursorForPosition(viewport_point)
        return cursor.blockNumber()

    def page(self, direction: int) -> bool:
        """One screen minus one line (Navigator.page); False at the end or the start."""
        return self.navigator.page(direction)

    def block_position(self, index: int) -> int:
        return self.document().findBlockByNumber(index).position()

    def layout_of(self, index: int) -> LayoutText:
        """Block ``index``'s line-breaking marks: the map between its report offsets and its layout offsets."""
        return self.line_breaks.layout_of(index)

    def document_position(self, index: int, offset: int) -> int:
        """The document position of character ``offset`` of block ``index`` (offsets count the report's
        characters; the document also holds the line-breaking marks)."""
        return self.block_position(index) + self.line_breaks.layout_of(index).to_layout(offset)

    def document_span(self, index: int, start: int, end: int) -> tuple[int, int]:
        """The document positions of characters [start, end) of block ``index`` (no mark after the last one)."""
        return self.document_spans(index, ((start, end),))[0]

    def format_runs(self, indices: list[int]) -> None:
        """Blocks built plain their runs' formats now, before their letter spacing is edited (PlainBlocks.format)."""
        self.plain_blocks.format(indices)

    def document_spans(self, index: int, ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """document_span of each range of block ``index``, the block's position and marks looked up once (a size
        change respaces ~470 runs of a long document's stretch: two block lookups each were ~6 ms of it)."""
        position = self.block_position(index)
        to_layout = self.line_breaks.layout_of(index).to_layout
        spans = []
        for start, end in ranges:
            first = position + to_layout(start)
            spans.append((first, position + to_layout(end - 1) + 1 if end > start else first))
        return spans

    def text_place(self, position: int) -> tuple[int, int]:
        """(block index, report offset) of a document position (document_position's inverse)."""
        block = self.document().findBlock(max(0, position))
        index = max(0, block.blockNumber())
        return index, self.line_breaks.layout_of(index).to_report(position - block.position())

    def shown_text(self, index: int) -> str:
        """Block ``index`` as the reader sees it (e.g. in Traditional characters), without the marks."""
        return self.display_text(self._report.blocks[index].text)

    def toPlainText(self) -> str:  # noqa: N802 - Qt override (Python callers)
        return strip_marks(super().toPlainText())

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt override
        """Copy the characters without the line-breaking marks. Qt's own object, changed: one made here would be
        Python's to delete, under the clipboard that owns it (a crash at exit)."""
        data = super().createMimeDataFromSelection()
        data.setText(strip_marks(data.text()))
        if data.hasHtml():
            data.setHtml(strip_marks(data.html()))
        return data

    def set_speech_highlight(self, block_id: str | None, start: int = 0, end: int = 0,
                             word: tuple[int, int] | None = None) -> None:
        """Highlight the sentence being spoken (and the word, when the engine reports words)."""
        self.highlights.set_speech(block_id, start, end, word)
        self._update_extra_selections()
        self.viewport().update()

    def set_find_matches(self, matches: list[tuple[int, int, int]], current: int) -> None:
        """Underline these matches, (block, start, end) in the report's text: places, not document positions, so a
        relayout that changes the line-breaking marks (a resize, a size change) leaves them on their characters."""
        self.highlights.set_find_matches(matches, current)
        self._update_extra_selections()

    def set_reserved_shortcuts(self, sequences: list[QKeySequence]) -> None:
        """Keys that belong to window actions even while the text has focus (arrows, Home, End, …)."""
        self._reserved.set(sequences)

    # -- highlights ----------------------------------------------------------------------------
    def _update_extra_selections(self) -> None:
        self.setExtraSelections(self.highlights.selections(self._theme))

    # -- pinyin layout cache -------------------------------------------------------------------
    def invalidate_layout_cache(self) -> None:
        self.ruby_layer.forget()
        self.line_geometry.invalidate()
        self.viewport().update()

    def glyphs(self, index: int) -> list[Glyph]:
        """Where each annotated character of block `index` and its ruby sit (RubyLayer.glyphs)."""
        return self.ruby_layer.glyphs(index)

    def wait_for_warm_up(self, timeout: float = 30.0) -> None:
        self.readings.wait_for_warm_up(timeout)

    # -- ruby geometry: the one place that says where a character's ruby is and what a point hits --------
    def ruby_cells(self, index: int) -> list[RubyCell]:
        """Every annotated character of block ``index`` with its ruby and its cell, in document coordinates
        (RubyLayer.ruby_cells: the painter, hit_test, printing and the tests all take the ruby's place from there)."""
        return self.ruby_layer.ruby_cells(index)

    def pinyin_rects(self, index: int) -> list[tuple[int, QRectF, QRectF]]:
        """(offset, character rect, ruby rect) in document coordinates (see ruby_cells)."""
        return [(cell.offset, cell.char, cell.ruby) for cell in self.ruby_cells(index)]

    def hit_test(self, viewport_point: QPoint | QPointF) -> tuple[int, int] | None:
        """(block index, offset) of the annotated character whose cell — its ruby, the character and the space the
        reader's character spacing gives it — holds the point; None off every character."""
        point = QPointF(viewport_point) + QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        box = self.line_geometry.line_hit(point.y())
        if box is None:
            return None
        for cell in self.ruby_cells(box.index):
            if box.start <= cell.offset < box.end and cell.cell.contains(point):
                return box.index, cell.offset
        return None

    # -- painting ------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        t = self._theme
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        exposed = QRectF(event.rect()).translated(dx, dy)
        visible = self._visible_indices(exposed)

        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), QColor(t.background))
        current_rect = QRectF(self.block_rect(self._current)).adjusted(-6, -2, 6, 4)
        if t.current_tint != t.background:
            painter.fillRect(current_rect, QColor(t.current_tint))
        painter.end()

        super().paintEvent(event)

        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.translate(-dx, -dy)
        if self._pinyin_visible:
            self.ruby_layer.paint(painter, visible, exposed, t, self.highlights.speech, self.highlights.word)
        painter.translate(dx, dy)
        pen_w = max(3.0, self._font_pt / 9)
        painter.setPen(QPen(QColor(t.focus_ring), pen_w))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(current_rect, pen_w * 2, pen_w * 2)
        painter.end()
        if not self._painted_once:
            self._painted_once = True
            self.plain_blocks.start_idle_work()  # first: the other idle work edits blocks that have their formats
            self.typesetting.start_idle_work()
            self.line_breaks.start_idle_work()
            self.first_paint.emit()
            self.readings.start_warm_up(self.after_warm_up)
            QTimer.singleShot(0, self, self.refresh_line_breaks)  # a screen reader's bridge may be up by now

    def paint_pinyin_in(self, painter: QPainter, rect: QRectF) -> None:
        """Paint the ruby of the lines in ``rect`` (document coordinates, ``painter`` mapped to the document).

        Printing and PDF export (ui/print_layout.py) use it, so paper gets the reader's own placement."""
        speech, word = self.highlights.speech, self.highlights.word
        self.ruby_layer.paint(painter, self._visible_indices(rect), rect, self._theme, speech, word)

    def copy_reading_options_to(self, other: ReaderView) -> None:
        """Give another view (a print copy) this one's readings, ruby, characters, their fonts and pinyin style
        (a print of the Hong Kong view was set in the mainland's glyph forms and punctuation)."""
        other._annotator = self._annotator
        other.set_ruby_annotator(self._ruby)
        if self._transform is not None:
            other.set_display_transform(self._transform)
        other.set_font_families(self._families)
        other.set_pinyin_style(self._pinyin_style)

    def _visible_indices(self, exposed: QRectF) -> list[int]:
        """The blocks whose box, ruby band included, meets ``exposed`` (document coordinates)."""
        return self.line_geometry.blocks_meeting(exposed.top(), exposed.bottom(), self.pinyin_band_height())

    # -- geometry and relayout -----------------------------------------------------------------
    def ensure_laid_out(self) -> None:
        """Finish Qt's incremental layout now, so every block has its lines (print, export-lines)."""
        self._take_room()  # a view never shown (print, export-lines) lays out what a window shows
        self.plain_blocks.format_all()
        self.line_breaks.finish()
        self.typesetting.finish_room()
        doc = self.document()
        doc.documentLayout().blockBoundingRect(doc.lastBlock())

    def ensure_typeset(self, index: int) -> None:
        """What a jump to block ``index`` needs before it measures lines: the readings' room taken, there too when a
        long document's far blocks still wait for it (a view never shown lays out as a window would). Qt lays the
        text out up to the lines asked about, not further."""
        self.block_window.cover(index)
        self._take_room()
        self.line_breaks.fit_near(index)
        self.typesetting.take_room_near(index)

    def reach(self, value: int) -> None:
        """Let the scroll bar reach ``value``. Qt lays a long text out lazily and widens the scroll range later, from a
        timer, so a place further down than the part laid out so far was clamped to it (a size change at the middle
        of a 300,000-character document showed its beginning). The text is laid out a screen beyond, so the range
        Qt sets later, from the part laid out, never clamps it either, and a range too short is widened now."""
        doc = self.document()
        layout = doc.documentLayout()
        index = self.line_geometry.block_at(value + self.viewport().height())
        rect = layout.blockBoundingRect(doc.findBlockByNumber(min(index + 1, doc.blockCount() - 1)))
        if value > self.verticalScrollBar().maximum():
            layout.documentSizeChanged.emit(QSizeF(rect.right(), rect.bottom()))  # QTextEdit sets its range from it

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """A new width reflows the text: the reading place stays at the same height. A new height (a bar coming or
        going) keeps it too, and a line it would cut at the bottom moves up to stay whole, as it can."""
        navigator = self.navigator
        place = navigator.reading_place() if self._painted_once else None
        with self.typesetting.justifier.deferred():
            with navigator.own_scrolls():
                super().resizeEvent(event)
                self.refresh_line_breaks()
            self.invalidate_layout_cache()
            if place is not None and event.oldSize() != event.size():
                navigator.restore_place(*place)
        navigator.schedule_rest()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            # QTextEdit would set the document's font to the widget's, and relayout: the interface size
            # (the application font, ui/interface_size.py) must never reach the report's text.
            QAbstractScrollArea.changeEvent(self, event)
            return
        super().changeEvent(event)

    # -- input ---------------------------------------------------------------------------------
    def event(self, event) -> bool:
        handled = self._reserved.handle(self, event)  # the keys our actions own (ReservedKeys)
        return super().event(event) if handled is None else handled

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_requested.emit(1 if steps > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def _forward(self, handler, event: QMouseEvent) -> QMouseEvent:
        mapped = ruby_band_to_line(event, self.line_geometry, self.verticalScrollBar().value())
        handler(mapped)
        event.setAccepted(mapped.isAccepted())
        return mapped

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        mapped = self._forward(super().mousePressEvent, event)
        if event.button() == Qt.MouseButton.LeftButton:
            self.set_current_index(self.index_at(mapped.position().toPoint()), ensure_visible=False,
                                   move_caret=False)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._forward(super().mouseMoveEvent, event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._forward(super().mouseReleaseEvent, event)
        event.accept()  # the press was ours (it set the current paragraph), so is the release

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._forward(super().mouseDoubleClickEvent, event)
