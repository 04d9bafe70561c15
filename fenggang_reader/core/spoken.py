"""What a speech engine receives for a block or a span, and how its offsets map back to the block.

The read-aloud controller calls :func:`prepare_block` (or :func:`prepare_span`) and sends each
:class:`SpeechChunk`'s ``text`` to an engine, one request per chunk. Chunks end at sentence ends
(edge-tts does not split Chinese), long sentences are split again at commas, glossary markers follow
the listener's :class:`MarkerPolicy`, and numbers, Latin letters and symbols are rewritten so every
engine reads them the same way (rules and the reading of every such run in the report:
docs/speech-text.md). Each chunk maps every character of its spoken text back to block offsets, so
a word boundary reported by the engine highlights the right characters.

Tone sandhi (一 and 不 changing tone, third-tone pairs) is left to the engine: we pass characters,
never pinyin, and engines apply sandhi themselves. Polyphones an engine gets wrong are fixed by
respellings from the pronunciation record (its ``spoken`` column), applied here for speech only.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from . import numbers_zh
from .model import MARKER_RE, Block, BlockKind, Report, marker_number

MAX_CHUNK = 150  # spoken characters; longer sentences are split at commas
_PUNCT = set("，。、；：？！”’）》…—,.;:?!)")
_SPLIT_LEVELS = ("，,", "、：:；;")  # tried in order when a sentence is too long

# Full-width digits, letters and a few symbols match like their ASCII forms (one char for one char,
# so offsets are unchanged); the spoken output is always built from the ASCII form.
_FULLWIDTH = str.maketrans(
    {chr(c): chr(c - 0xFEE0) for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}
    | {"％": "%", "＋": "+", "＆": "&", "－": "-", "．": "."}
)
_NUM = r"[0-9]+(?:\.[0-9]+)?"
_TOKEN = re.compile(
    rf"(?P<range>(?P<lo>{_NUM})[-~～–—](?P<hi>{_NUM})(?P<range_pct>%)?)"
    rf"|(?P<percent>(?P<pnum>{_NUM})%)"
    rf"|(?P<num>{_NUM})"
    r"|(?P<latin>[A-Za-z]+(?:&[A-Za-z]+)*)"
    r"|(?P<dashes>—{2,})"
    r"|(?P<sym>[-—·+%&〔〕\[\]［］\u3000])"
)

# A number right before one of these counts things, so a lone 2 is read 两 (2个 → 两个).
# Not here on purpose: 月 日 号 期 届 级 点 (dates, numbers in a series, ranks, decimals → 二).
COUNTING_CHARS = set(
    "个家宗处项名位条所座台件种批类场次户套株亩天周人倍层栋辆只元米岁本张份篇段吨斤字句轮块间棵头支枚道把年大万千亿"
)
COUNTING_WORDS = ("小时", "分钟", "公里", "平方米", "公斤", "千克")
# Latin runs read otherwise than letter by letter (all other runs of two or more capitals are
# spelled: the letters are passed with spaces between them, because espeak-ng reads "AEO" and "TID"
# as words; single letters and mixed-case words are passed unchanged).
LATIN_EXCEPTIONS = {"R&D": "R and D", "IN": "in"}
SYMBOLS = {
    "+": "加",
    "%": "百分号",
    "&": "和",
    "·": "、",
    "—": "、",
    "-": "、",
    "〔": "",
    "〕": " ",
    "[": "",
    "]": "",
    "［": "",
    "］": "",
    "\u3000": "，",
}


class MarkerPolicy(enum.Enum):
    """How a glossary marker like [1] is read; values match the ``marker_speech`` setting."""

    SKIP = "skip"  # silent
    SAY_NOTE = "say"  # "注释一"
    READ_AFTER = "read_after"  # the note's text, after the sentence holding the marker

    @classmethod
    def from_setting(cls, value: str) -> MarkerPolicy:
        """The policy for a setting value; unknown values (validated elsewhere) fall back to SKIP."""
        try:
            return cls(value)
        except ValueError:
            return cls.SKIP


class Respeller(Protocol):
    """Anything that gives speech-only respellings, like PronunciationRecord."""

    def respellings(self, text: str, block_id: str = "") -> list[tuple[int, int, str]]: ...


@dataclass(frozen=True)
class SpeechChunk:
    """One engine request: spoken ``text`` for block offsets [start, end), with an offset map.

    ``is_note`` marks a note read after a sentence (policy READ_AFTER); its ``block_id`` is then the
    note's block and ``note_number`` its number. ``sentence`` is the index in that block's sentences.
    """

    block_id: str
    start: int
    end: int
    text: str
    starts: tuple[int, ...]  # per spoken character: the block range it stands for
    ends: tuple[int, ...]
    sentence: int = 0
    is_note: bool = False
    note_number: int | None = None

    def to_block_offset(self, i: int) -> int:
        """Block offset of spoken offset i (len(text) gives ``end``); out-of-range values are clamped."""
        if i >= len(self.text):
            return self.end
        return self.starts[max(0, i)]

    def block_span(self, spoken_start: int, spoken_end: int) -> tuple[int, int]:
        """Block range [start, end) covering spoken characters [spoken_start, spoken_end), clamped.

        A word inside a rewritten run (a number read as 两千一百七十七) highlights the whole run.
        """
        lo = min(max(0, spoken_start), len(self.text))
        hi = min(max(lo, spoken_end), len(self.text))
        if hi == lo:
            offset = self.to_block_offset(lo)
            return offset, offset
        return self.starts[lo], max(self.ends[lo:hi])


@dataclass(frozen=True)
class _Piece:
    """Block range [start, end) and what is said for it; ``aligned``: char i of spoken is char start+i."""

    start: int
    end: int
    spoken: str
    aligned: bool = False
    kind: str = ""  # "" plain text, "marker", "note-label", "respell", "run"
    note_number: int | None = None


# -- public API --------------------------------------------------------------------------------------
def prepare_block(
    block: Block,
    report: Report | None = None,
    policy: MarkerPolicy = MarkerPolicy.SKIP,
    record: Respeller | Sequence[Respeller] | None = None,
    *,
    max_chars: int = MAX_CHUNK,
) -> list[SpeechChunk]:
    """The chunks to speak for a whole block, in order.

    ``report`` supplies the glossary (needed for READ_AFTER); ``record`` is one or more
    respellers (e.g. the shipped record, then the user's, later ones winning on overlap).
    Chunks are contiguous and together cover the block's text.
    """
    return prepare_span(block, 0, len(block.text), report, policy, record, max_chars=max_chars)


def prepare_span(
    block: Block,
    start: int,
    end: int,
    report: Report | None = None,
    policy: MarkerPolicy = MarkerPolicy.SKIP,
    record: Respeller | Sequence[Respeller] | None = None,
    *,
    max_chars: int = MAX_CHUNK,
) -> list[SpeechChunk]:
    """The chunks for block offsets [start, end) (a selection); a run cut by the span is read whole."""
    if max_chars < 10:
        raise ValueError("max_chars must be at least 10")
    pieces = [p for p in _pieces(block, report, policy, _respellers(record)) if p.end > start and p.start < end]
    chunks = _chunks(block, pieces, max_chars)
    if policy is MarkerPolicy.READ_AFTER and report is not None:
        chunks = _with_notes(chunks, pieces, report, record, max_chars)
    return chunks


def spoken_form(text: str, record: Respeller | Sequence[Respeller] | None = None) -> str:
    """What would be said for a free string (markers skipped): for labels, tests and the docs."""
    if not text:
        return ""
    block = Block(BlockKind.PARAGRAPH, "text", text)
    return "".join(c.text for c in prepare_block(block, None, MarkerPolicy.SKIP, record, max_chars=10**9))


def reading_table(report: Report) -> list[tuple[str, str]]:
    """Every distinct rewritten run in the report, with one character of context: (written, spoken).

    docs/speech-text.md lists this table; a test keeps the two equal, so every digit, Latin letter
    and symbol in the report has a reading someone has looked at.
    """
    rows: dict[tuple[str, str], None] = {}
    for block in report.blocks:
        text = block.text
        groups: list[list[_Piece]] = []
        for p in _pieces(block, report, MarkerPolicy.SKIP, []):
            if p.kind != "run":
                continue
            if groups and groups[-1][-1].end == p.start:
                groups[-1].append(p)  # 1+6+N, 〔2025〕1: one row for the whole run
            else:
                groups.append([p])
        for group in groups:
            start, end = group[0].start, group[-1].end
            before, after = text[max(0, start - 1) : start], text[end : end + 1]
            rows[(before + text[start:end] + after, before + _spoken(group) + after)] = None
    return list(rows)


# -- building pieces ---------------------------------------------------------------------------------
def _respellers(record: Respeller | Sequence[Respeller] | None) -> list[Respeller]:
    if record is None:
        return []
    if isinstance(record, Sequence):
        return list(record)
    return [record]


def _pieces(block: Block, report: Report | None, policy: MarkerPolicy, respellers: list[Respeller]) -> list[_Piece]:
    """The whole block as pieces in order: markers, respellings, rewritten runs, then plain characters."""
    text = block.text
    reserved = _marker_pieces(block, report, policy)
    taken = [(p.start, p.end) for p in reserved]
    for respeller in reversed(respellers):  # the last one given wins an overlap
        for start, end, spoken in respeller.respellings(text, block.id):
            if 0 <= start < end <= len(text) and not any(s < end and start < e for s, e in taken):
                aligned = len(spoken) == end - start
                reserved.append(_Piece(start, end, spoken, aligned, "respell"))
                taken.append((start, end))
    reserved.sort(key=lambda p: p.start)
    pieces: list[_Piece] = []
    position = 0
    for piece in [*reserved, None]:
        gap_end = piece.start if piece else len(text)
        pieces.extend(_runs(text, position, gap_end))
        if piece:
            pieces.append(piece)
            position = piece.end
    return pieces


def _marker_pieces(block: Block, report: Report | None, policy: MarkerPolicy) -> list[_Piece]:
    """Markers by policy; a note block's own [n] label is read "注释n：" and its term's colon as a pause."""
    text = block.text
    pieces: list[_Piece] = []
    if block.kind is BlockKind.NOTE:
        label = MARKER_RE.match(text)
        if label:
            number = marker_number(label)
            pieces.append(_Piece(0, label.end(), f"注释{_note_number(number)}：", False, "note-label", number))
            colon = re.compile(r"[：:]").search(text, label.end() + 1)
            if colon:
                pieces.append(_Piece(colon.start(), colon.end(), "，", False, "note-label", number))
        return pieces
    spans = {m.start: (m.end, m.note_number) for m in (report.markers_in(block.id) if report else [])}
    linked = set(spans)
    for m in MARKER_RE.finditer(text):  # bracketed markers the report did not link are never read out, nor named;
        if not m.group(3):  # an unlinked ① is a list's number, said as it is
            spans.setdefault(m.start(), (m.end(), marker_number(m)))
    for start, (end, number) in sorted(spans.items()):
        spoken = ""
        if policy is MarkerPolicy.SAY_NOTE and (start in linked or report is None):
            spoken = f"，注释{_note_number(number)}"
            following = text[end : end + 1]
            if following and following not in _PUNCT and not MARKER_RE.match(text, end):
                spoken += "，"
        pieces.append(_Piece(start, end, spoken, False, "marker", number))
    return pieces


def _note_number(number: int) -> str:
    return numbers_zh.cardinal(number, ordinal=True)


def _runs(text: str, start: int, end: int) -> Iterable[_Piece]:
    """Pieces for text[start:end]: rewritten runs, and one aligned piece per plain character."""
    matchable = text.translate(_FULLWIDTH)
    position = start
    for m in _TOKEN.finditer(matchable, start, end):
        for i in range(position, m.start()):
            yield _Piece(i, i + 1, text[i], True)
        spoken, aligned = _read(matchable, m)
        yield _Piece(m.start(), m.end(), spoken, aligned and len(spoken) == m.end() - m.start(), "run")
        position = m.end()
    for i in range(position, end):
        yield _Piece(i, i + 1, text[i], True)


def _read(text: str, m: re.Match[str]) -> tuple[str, bool]:
    """(spoken, aligned) for one token; ``text`` is the whole block, for context."""
    s, e = m.start(), m.end()
    if m.group("range"):
        ordinal, counting = text[s - 1 : s] == "第", _counts(text, e)
        if text[e : e + 1] == "年" and len(m.group("lo")) == len(m.group("hi")) == 4:  # 2025-2030年
            return numbers_zh.digits(m.group("lo")) + "到" + numbers_zh.digits(m.group("hi")), False
        lo, hi = (numbers_zh.number(m.group(g), counting=counting, ordinal=ordinal) for g in ("lo", "hi"))
        if m.group("range_pct"):
            return numbers_zh.percent(m.group("lo")) + "到" + numbers_zh.percent(m.group("hi")), False
        return lo + "到" + hi, False
    if m.group("percent"):
        return numbers_zh.percent(m.group("pnum")), False
    if m.group("num"):
        return _read_number(text, s, e, m.group("num"))
    if m.group("latin"):
        run = m.group("latin")
        if run in LATIN_EXCEPTIONS:
            return LATIN_EXCEPTIONS[run], False
        spoken = " and ".join(" ".join(part) if len(part) > 1 and part.isupper() else part for part in run.split("&"))
        return spoken, spoken == run
    if m.group("dashes"):
        return ("" if not text[:s].strip() else "，"), False  # a leading —— (the occasion line) is silent
    symbol = m.group("sym")
    if symbol in "-—" and (text[s - 1 : s].isdigit() or text[s - 1 : s] == "%") and text[e : e + 1].isdigit():
        return "到", False
    return SYMBOLS[symbol], False


def _read_number(text: str, s: int, e: int, token: str) -> tuple[str, bool]:
    if "." in token:
        return numbers_zh.decimal(token), False
    if _is_code(text, s, e, token):
        return numbers_zh.digits(token), True
    return numbers_zh.cardinal(int(token), counting=_counts(text, e), ordinal=text[s - 1 : s] == "第"), False


def _is_code(text: str, s: int, e: int, token: str) -> bool:
    """Digit strings read digit by digit: years, codes, hotlines, numbers after a letter."""
    before, after = text[s - 1 : s], text[e : e + 1]
    return (
        (before.isascii() and before.isalpha())  # G220, M0
        or (len(token) == 4 and after == "年")  # 2025年
        or (before == "〔" and after == "〕")  # 〔2025〕 in a document number
        or (before == "“" and after == "”" and len(token) >= 3)  # “1310”, “5080”
        or text.startswith("热线", e)  # 12345热线
        or (len(token) > 1 and token[0] == "0")  # 007
        or (len(token) >= 5 and not _counts(text, e))  # 12345等平台
    )


def _counts(text: str, e: int) -> bool:
    return text[e : e + 1] in COUNTING_CHARS or text.startswith(COUNTING_WORDS, e)


# -- chunking ----------------------------------------------------------------------------------------
def _chunks(block: Block, pieces: list[_Piece], limit: int, *, note_number: int | None = None) -> list[SpeechChunk]:
    parts: list[tuple[int, list[_Piece]]] = []
    for index, (s, e) in enumerate(block.sentences):
        group = [p for p in pieces if s <= p.start < e]
        if group:
            parts.extend((index, part) for part in _split(group, limit))
    # A part with nothing to say (a lone marker, a dash) joins its neighbour so the spans stay contiguous.
    merged: list[tuple[int, list[_Piece]]] = []
    carry: list[_Piece] = []
    for index, part in parts:
        if not _spoken(part).strip():
            if merged:
                merged[-1][1].extend(part)
            else:
                carry.extend(part)
            continue
        merged.append((index, carry + part))
        carry = []
    if carry and merged:
        merged[-1][1].extend(carry)
    is_note = note_number is not None
    return [_make_chunk(block.id, part, index, is_note, note_number) for index, part in merged]


def _spoken(pieces: list[_Piece]) -> str:
    return "".join(p.spoken for p in pieces)


def _split(pieces: list[_Piece], limit: int, level: int = 0) -> list[list[_Piece]]:
    """Parts of at most ``limit`` spoken characters, cut after commas, then after 、：；, then anywhere."""
    if len(_spoken(pieces)) <= limit:
        return [pieces]
    if level == len(_SPLIT_LEVELS):
        return _hard_split(pieces, limit)
    clauses: list[list[_Piece]] = [[]]
    for p in pieces:
        clauses[-1].append(p)
        if p.kind == "" and p.spoken in _SPLIT_LEVELS[level]:
            clauses.append([])
    clauses = [c for c in clauses if c]
    if len(clauses) == 1:
        return _split(pieces, limit, level + 1)
    units: list[list[_Piece]] = []
    for clause in clauses:
        units.extend(_split(clause, limit, level + 1) if len(_spoken(clause)) > limit else [clause])
    return _pack(units, limit)


def _pack(units: list[list[_Piece]], limit: int) -> list[list[_Piece]]:
    """Join consecutive units into the fewest parts within the limit, as even in length as possible."""
    sizes = [len(_spoken(u)) for u in units]
    best: list[tuple[int, int, int]] = [(0, 0, 0)]  # per prefix: (parts, sum of squared lengths, cut)
    for end in range(1, len(units) + 1):
        options = []
        for begin in range(end - 1, -1, -1):
            size = sum(sizes[begin:end])
            if size > limit and begin < end - 1:
                break
            parts, squares, _ = best[begin]
            options.append((parts + 1, squares + size * size, begin))
        best.append(min(options))
    result: list[list[_Piece]] = []
    end = len(units)
    while end:
        begin = best[end][2]
        result.append([p for u in units[begin:end] for p in u])
        end = begin
    return result[::-1]


def _hard_split(pieces: list[_Piece], limit: int) -> list[list[_Piece]]:
    """Last resort for a run of text with no punctuation: cut between pieces at the limit."""
    parts: list[list[_Piece]] = [[]]
    for p in pieces:
        if parts[-1] and len(_spoken(parts[-1])) + len(p.spoken) > limit:
            parts.append([])
        parts[-1].append(p)
    return parts


def _make_chunk(block_id: str, pieces: list[_Piece], sentence: int, is_note: bool, note: int | None) -> SpeechChunk:
    starts: list[int] = []
    ends: list[int] = []
    for p in pieces:
        for i in range(len(p.spoken)):
            starts.append(p.start + i if p.aligned else p.start)
            ends.append(p.start + i + 1 if p.aligned else p.end)
    return SpeechChunk(
        block_id, pieces[0].start, pieces[-1].end, _spoken(pieces), tuple(starts), tuple(ends), sentence, is_note, note
    )


def _with_notes(
    chunks: list[SpeechChunk],
    pieces: list[_Piece],
    report: Report,
    record: Respeller | Sequence[Respeller] | None,
    limit: int,
) -> list[SpeechChunk]:
    """Insert each marked note's chunks after the last chunk of the sentence holding its marker."""
    markers = [p for p in pieces if p.kind == "marker"]
    result: list[SpeechChunk] = []
    pending: list[int] = []
    for i, chunk in enumerate(chunks):
        result.append(chunk)
        pending += [m.note_number for m in markers if chunk.start <= m.start < chunk.end and m.note_number]
        last_of_sentence = i + 1 == len(chunks) or chunks[i + 1].sentence != chunk.sentence
        if last_of_sentence:
            for number in dict.fromkeys(pending):
                result.extend(note_chunks(report, number, record, max_chars=limit))
            pending = []
    return result


def note_chunks(
    report: Report,
    number: int,
    record: Respeller | Sequence[Respeller] | None = None,
    *,
    max_chars: int = MAX_CHUNK,
) -> list[SpeechChunk]:
    """A note read on its own ("注释一：“一三一零”具体部署，……"), flagged ``is_note``; [] if unknown."""
    note = report.notes.get(number)
    block = report.get(note.block_id) if note else None
    if block is None:
        return []
    pieces = _pieces(block, report, MarkerPolicy.SKIP, _respellers(record))
    return _chunks(block, pieces, max_chars, note_number=number)


def reading_table_markdown(report: Report) -> str:
    """The reading table as the Markdown rows kept in docs/speech-text.md."""
    lines = ["| Written | Spoken |", "|---|---|"]
    lines += [f"| {written} | {spoken} |" for written, spoken in reading_table(report)]  # no "|" in the report
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # python -m fenggang_reader.core.spoken --table
    import sys

    from .resources import load_bundled_report

    if sys.argv[1:] != ["--table"]:
        sys.exit("usage: python -m fenggang_reader.core.spoken --table")
    sys.stdout.write(reading_table_markdown(load_bundled_report()))
