"""The line-breaking marks of one view's laid-out text (core/line_breaks.py): each block's marks, fitted to the width
and sizes in use, and a long document's far blocks fitted while idle.

Why an object of its own: the marks are a layer of their own between the report's text and the laid-out text (every
offset the view hands out is mapped through them), and fitting them is a cache over widths, sizes and words that
nothing else in the view reads. ReaderView composes one and says when to fit them (refresh_line_breaks).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QFont, QFontMetricsF, QTextCursor, QTextDocument

from ..core.line_breaks import NO_MARKS, LayoutText, layout_text
from ..core.model import Block, BlockKind, Report
from ..core.resources import bundled_words
from ..core.words import longest_kept_word
from .reader_document import is_wide, rewrite_marks
from .typesetting import Typesetting
from .waiting_blocks import WaitingBlocks

_LAYOUTS_KEPT = 8  # marks remembered per block and longest word (the widths a window goes through)
_SIZES_KEPT = 4  # sizes whose run widths are kept (a size changed back, a window resized back)
_WIDE_ENOUGH_CELLS = 12  # a line this many cells wide holds every run the line-breaking marks keep together
# A long document (Typesetting.long_document) fits the marks of the blocks within this many characters of the reading
# place at once, the others while idle in slices this long, nearest first (marks for 1,415 blocks took 20–100 ms).
_MARKS_NOW_CHARS = 6_000
_MARKS_STEP_SECONDS = 0.008

# What LineBreakMarks.wanted_for finds: (what they are fitted to, the longest word kept whole by kind, the marks)
WantedMarks = tuple[tuple, dict[BlockKind, int], list[LayoutText]]
_DOCUMENTS_KEPT = 4  # documents whose last fitted marks a new view of them is built with (_LAST_FITTED)


@dataclass(frozen=True)
class _Fitted:
    """The marks a view of a document was last fitted to: what for, the longest words kept whole, the line width."""

    key: tuple
    longest: dict[BlockKind, int]
    layouts: list[LayoutText]
    width: float | None


# Document fingerprint -> the marks a view of it on screen was last fitted to. A new window of the same document (the
# next start's, a test's, a document opened again) is built with them: its marks then need no rewriting when it is
# shown at the same width and sizes (the shipped report's ~1,500 marks in 84 blocks: ~25 ms CPU a window).
_LAST_FITTED: dict[str, _Fitted] = {}


class LineBreakHost(Protocol):
    """What LineBreakMarks asks of its view (ReaderView)."""

    typesetting: Typesetting

    def document(self) -> QTextDocument: ...
    def body_font(self) -> QFont: ...
    def block_factor(self, index: int) -> float: ...
    def kind_factor(self, kind: BlockKind) -> float: ...
    def font_inputs(self) -> tuple: ...
    def place_index(self) -> int: ...
    def blocks_around(self, place: int, chars: int) -> list[int]: ...
    def keeping_place(self) -> AbstractContextManager[None]: ...
    def format_runs(self, indices: list[int]) -> None: ...


class LineBreakMarks:
    """Each block's marks (its LayoutText) for the width and sizes in use, in the laid-out text and here."""

    def __init__(self, host: LineBreakHost, parent: QObject, report: Report, *, on_screen: bool,
                 largest_factor: float):
        self._host = host
        self._blocks = report.blocks
        # A view never shown (print) keeps the marks while an assistive technology is active: none reads it.
        self._on_screen = on_screen
        self._largest_factor = largest_factor  # the largest size factor of a block (headings), for _WIDE_ENOUGH_CELLS
        self._words = bundled_words(report)  # kept whole where lines are wide
        self._longest_word: dict[BlockKind, int] = {}  # per kind of block, at the width in use (wanted_for)
        # A long document on screen is built without marks: those near the place are fitted as it is first shown or
        # laid out (wanted_for), the others while idle; the marks of every block up front, most of them replaced at
        # show, were 0.1-0.2 s of a 300,000-character document's opening.
        lazy = on_screen and host.typesetting.long_document
        # A short document on screen is built with the marks its last view was fitted to (_LAST_FITTED), if any.
        self._document = report.fingerprint if on_screen and not lazy else None
        fitted = _LAST_FITTED.get(self._document) if self._document is not None else None
        self._marks_key: tuple | None = None  # the widths and sizes the marks were fitted to
        self._marks_width: float | None = None  # the line width they were fitted to (None: wide enough for every run)
        if fitted is not None:
            self._layouts = list(fitted.layouts)
            self._marks_key, self._longest_word, self._marks_width = fitted.key, dict(fitted.longest), fitted.width
        else:
            self._layouts = [NO_MARKS if lazy else self._wanted_layout(b, None) for b in report.blocks]
        # Blocks of a long document whose marks wait for the key now in use.
        self._marks_pending = WaitingBlocks(parent, host.place_index, self._marks_step, _MARKS_STEP_SECONDS)
        self._idle_work = False  # far blocks while idle, once the first screen is painted (start_idle_work)
        # (block, longest word kept whole) -> [(the answers of fits_on_a_line its marks were made with, the marks)]
        self._layout_memo: dict[tuple[int, int], list[tuple[dict[str, bool] | None, LayoutText]]] = {}
        self._widths_key: tuple | None = None  # the sizes _run_widths were measured at
        self._run_widths: dict[tuple[float, bool, str], float] = {}
        # Each size's run widths, kept for a few sizes: zooming in and out again measures nothing (36↔40 at 300,000
        # characters measured ~770 runs each way, ~5 ms of the size change).
        self._run_widths_by_sizes: dict[tuple, dict[tuple[float, bool, str], float]] = {}
        self._run_metrics: dict[tuple[float, bool], tuple[QFontMetricsF, float]] = {}  # and the cell, for the sizes
        self._run_metrics_key: tuple | None = None

    @property
    def layouts(self) -> list[LayoutText]:
        """Every block's marks, in block order (the document is built with them; see __init__ for a long one)."""
        return self._layouts

    def layout_of(self, index: int) -> LayoutText:
        """Block ``index``'s line-breaking marks: the map between its report offsets and its layout offsets."""
        return self._layouts[index]

    def start_idle_work(self) -> None:
        """The first screen is painted: a long document's far blocks get their marks while idle from now on."""
        self._idle_work = True
        self._marks_pending.resume()

    def fit(self, wanted: WantedMarks | None) -> None:
        """Put in place the marks ``wanted_for`` found (nothing for None), inside one_layout when they differ."""
        if wanted is None:
            return
        key, longest, layouts = wanted
        self._marks_key = key
        self._longest_word = longest
        if self._document is not None:
            if self._document not in _LAST_FITTED and len(_LAST_FITTED) >= _DOCUMENTS_KEPT:
                del _LAST_FITTED[next(iter(_LAST_FITTED))]  # the document fitted longest ago
            _LAST_FITTED[self._document] = _Fitted(key, dict(longest), list(layouts), self._marks_width)
        if self._idle_work:  # far blocks while idle, once the first screen is painted
            self._marks_pending.resume()
        changed = [index for index, (old, new) in enumerate(zip(self._layouts, layouts, strict=True)) if old != new]
        if not changed:
            self._layouts = layouts
            return
        self._host.format_runs(changed)  # a block built plain: its runs first, as if built with them (ui/plain_blocks.py)
        doc = self._host.document()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()  # one change for listeners, seen once the new map is in place
        for index in changed:
            rewrite_marks(doc, index, self._layouts[index], layouts[index])
        self._layouts = layouts
        self._host.typesetting.text_edited()
        cursor.endEditBlock()

    def wanted_for(self, text_width: float) -> WantedMarks | None:
        """(what they are fitted to, the longest word kept whole by kind, each block's marks) for a text ``text_width``
        pixels wide, or None when the marks in place were fitted to the same."""
        host = self._host
        frame = host.document().rootFrame().frameFormat()
        width = text_width - frame.leftMargin() - frame.rightMargin()
        sizes = (*host.font_inputs(), host.typesetting.base)
        if sizes != self._widths_key:
            kept = self._run_widths_by_sizes
            if sizes not in kept and len(kept) >= _SIZES_KEPT:
                del kept[next(iter(kept))]  # the size measured longest ago
            self._widths_key, self._run_widths = sizes, kept.setdefault(sizes, {})
        body_cell = self._run_width(1.0, False, "中")
        wide = width >= _WIDE_ENOUGH_CELLS * body_cell * self._largest_factor  # every run fits: no measuring
        longest = {kind: longest_kept_word(width / (body_cell * host.kind_factor(kind)),
                                           title_block=kind is BlockKind.META) for kind in BlockKind}
        key = ("wide" if wide else round(width, 1), *sizes, QAccessible.isActive(), tuple(longest.values()))
        if width <= 0 or key == self._marks_key:
            return None
        self._marks_width = None if wide else width
        blocks = self._blocks
        now: Sequence[int] = range(len(blocks))
        if host.typesetting.long_document:
            now = sorted(host.blocks_around(host.place_index(), _MARKS_NOW_CHARS))
            self._marks_pending.wait(sorted(set(range(len(blocks))).difference(now)))
        saved, self._longest_word = self._longest_word, longest
        try:
            layouts = list(self._layouts)
            for i in now:
                layouts[i] = self._fitted_layout(i)
        finally:
            self._longest_word = saved
        return key, longest, layouts

    def _fitted_layout(self, index: int) -> LayoutText:
        """Block ``index``'s marks for the width and longest words wanted_for fitted to."""
        width = self._marks_width
        return self._remembered_layout(index, self._blocks[index],
                                       None if width is None else self.fits_on_a_line(index, width))

    def _marks_step(self) -> None:
        """While idle: a long document's other blocks get the marks for the width in use, those nearest the place
        first, the place kept (a block above it may change its height) and their lines justified anew."""
        if self._host.typesetting.holding_layout:
            return
        changed = {index: layout for index in self._marks_pending.nearest()
                   if (layout := self._fitted_layout(index)) != self._layouts[index]}
        if changed:
            with self._host.keeping_place():
                self._rewrite_marks(changed)

    def _rewrite_marks(self, changed: dict[int, LayoutText]) -> None:
        """Give these blocks these marks in the laid-out text, their justified runs put back first: the whole text is
        laid out first, as Typesetting._give_room says (an edit during Qt's lazy layout left blocks without lines)."""
        self._host.format_runs(list(changed))  # as in fit
        doc = self._host.document()
        doc.documentLayout().documentSize()
        self._host.typesetting.justifier.forget(list(changed))
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for index, layout in changed.items():
            rewrite_marks(doc, index, self._layouts[index], layout)
            self._layouts[index] = layout
        cursor.endEditBlock()

    def fit_near(self, index: int) -> None:
        """The blocks near block ``index`` their marks now if they still wait for them (a jump far into a long
        document: its lines are measured next)."""
        if self._marks_pending:
            self._fit_now(self._marks_pending.take(set(self._host.blocks_around(index, _MARKS_NOW_CHARS))))

    def waiting(self) -> int:
        """How many blocks of a long document wait for their marks at the width in use (fitted while idle)."""
        return len(self._marks_pending)

    def finish(self) -> None:
        """Every block its marks for the width in use now (print, export-lines: they read every line)."""
        self._fit_now(self._marks_pending.take_all())

    def _fit_now(self, blocks: list[int]) -> None:
        """These blocks their marks for the width in use now (no longer waiting)."""
        changed = {block: layout for block in blocks if (layout := self._fitted_layout(block)) != self._layouts[block]}
        if changed:
            self._rewrite_marks(changed)

    def _remembered_layout(self, index: int, block: Block, fits: Callable[[str], bool] | None) -> LayoutText:
        """_wanted_layout, remembered: a block's marks depend on the width and sizes only through the answers ``fits``
        gave (and the longest word kept whole), so marks made when every run it asks about got the same answer are
        the same marks (a size change or a resize step asks again for every block)."""
        if QAccessible.isActive():
            return self._wanted_layout(block, fits)
        known = self._layout_memo.setdefault((index, self.longest_whole_word(block.kind)), [])
        for answers, layout in known:
            if answers is None or fits is None:
                if answers is None and fits is None:
                    return layout
            elif all(fits(run) == fit for run, fit in answers.items()):
                return layout
        asked: dict[str, bool] | None = None
        if fits is not None:
            asked, ask = {}, fits

            def recorded(run: str) -> bool:
                asked[run] = answer = ask(run)
                return answer

            fits = recorded
        layout = self._wanted_layout(block, fits)
        if len(known) >= _LAYOUTS_KEPT:
            known.pop(0)
        known.append((asked, layout))
        return layout

    def _wanted_layout(self, block: Block, fits: Callable[[str], bool] | None) -> LayoutText:
        """The block's marks; none on screen while an assistive technology reads the text (Qt exposes the document's
        characters as they are: Orca and braille would get the invisible marks, and a voice might pause)."""
        if QAccessible.isActive() and self._on_screen:
            return NO_MARKS
        return layout_text(block.text, title=block.kind is BlockKind.TITLE, fits=fits, words=self._words.get(block.id, ()),
                           longest_word=self.longest_whole_word(block.kind))

    def longest_whole_word(self, kind: BlockKind) -> int:
        """The longest word a line of a ``kind`` block keeps whole at the width in use (core/words.py)."""
        return self._longest_word.get(kind, 1)

    def fits_on_a_line(self, index: int, width: float) -> Callable[[str], bool]:
        """Whether a run of block ``index``'s text fits in ``width`` pixels (each wide character one spaced cell)."""
        factor, bold = self._host.block_factor(index), self._blocks[index].kind.is_heading
        return lambda run: self._run_width(factor, bold, run) <= width

    def _run_width(self, factor: float, bold: bool, run: str) -> float:
        """A run's width at ``factor`` times the body size, remembered for the sizes, spacing and fonts in use (and
        a few before: a resize or a size changed back asks again for the same runs)."""
        width = self._run_widths.get((factor, bold, run))
        if width is None:
            metrics, cell = self._run_metrics_for(factor, bold)
            width = sum(cell if is_wide(c) else metrics.horizontalAdvance(c) for c in run)
            self._run_widths[(factor, bold, run)] = width
        return width

    def _run_metrics_for(self, factor: float, bold: bool) -> tuple[QFontMetricsF, float]:
        """The metrics of a run's font, and its spaced cell of a wide character, for the sizes in use."""
        if self._run_metrics_key != self._widths_key:
            self._run_metrics, self._run_metrics_key = {}, self._widths_key
        measured = self._run_metrics.get((factor, bold))
        if measured is None:
            font = self._host.body_font()
            font.setPointSizeF(font.pointSizeF() * factor)
            if bold:
                font.setWeight(QFont.Weight.Bold)
            metrics = QFontMetricsF(font)
            cell = metrics.horizontalAdvance("中") * self._host.typesetting.base / 100.0
            measured = self._run_metrics[(factor, bold)] = (metrics, cell)
        return measured
