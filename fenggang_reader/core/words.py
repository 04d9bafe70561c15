"""Where the words are in a text, so that a line end need not split one (clreq: a word stays whole when its
line can absorb the difference by a small change of spacing).

The words come from jieba's dictionary (its most probable path, without guessing unknown words) and the
pronunciation record's words. They are made when the report's data is built (tools/build-readings writes
resources/report/words.json), so the app never loads jieba's dictionary (~20 MB, ~2 s): a block whose text
differs from the stored one simply has no words, and its lines break wherever Unicode allows.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .pronunciation import PronunciationRecord
from .syllables import is_han

WordSpans = tuple[tuple[int, int], ...]  # (start, length) of each word of two or more Han characters
LONGEST_KEPT = 4  # longer runs (phrases, names of programmes) may break like any text
SHORTFALL_SHARE = 0.1  # a kept word may leave its line short by at most this share of the line

log = logging.getLogger(__name__)


def longest_kept_word(cells: float, title_block: bool = False) -> int:
    """The longest word kept whole on a line of ``cells`` character cells. A word of n characters carried to
    the next line leaves n − 1 cells, which justification spreads over the line: allowed while that is at
    most a tenth of it (at 96 pt in 800 px, 6 cells a line, no word is kept; at 40 cells, words of 4).

    The few lines after the title (the occasion, the speaker) are read as one, and a split there is the town's
    own name (the 36 pt cover read 在凤｜岗镇): their words are kept whole on any line that holds them."""
    if title_block and cells > LONGEST_KEPT:
        return LONGEST_KEPT
    return max(1, min(LONGEST_KEPT, 1 + int(cells * SHORTFALL_SHARE)))


def segmenter_name() -> str:
    from importlib.metadata import version

    return f"jieba {version('jieba')}"


@functools.cache
def _tokenizer(extra_words: frozenset[str]) -> Any:
    """A jieba tokenizer of its own for each set of extra words (jieba.add_word would change everyone's)."""
    import jieba  # build time only (see the module docstring)

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    for word in sorted(extra_words):
        tokenizer.add_word(word)
    return tokenizer


def segment(text: str, extra_words: Iterable[str] = ()) -> WordSpans:
    """The words of two or more Han characters in ``text``, by jieba's dictionary and ``extra_words``."""
    spans, start = [], 0
    for word in _tokenizer(frozenset(extra_words)).cut(text, HMM=False):
        if len(word) > 1 and all(is_han(c) for c in word):
            spans.append((start, len(word)))
        start += len(word)
    return tuple(spans)


def record_words(record: PronunciationRecord) -> list[str]:
    """The pronunciation record's words: reviewed words of the report that a dictionary may not know."""
    return [e.target for e in record.entries if e.scope == "word" and len(e.target) > 1
            and all(is_han(c) for c in e.target)]


def save_words(path: Path, blocks: Iterable[tuple[str, str]], extra_words: Sequence[str] = ()) -> None:
    """Write the words of each (block id, text) to ``path``, with each block's text to check it by."""
    data = {"segmenter": segmenter_name(),
            "blocks": {block_id: {"text": text, "words": segment(text, extra_words)} for block_id, text in blocks}}
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def load_words(path: Path, blocks: Iterable[tuple[str, str]]) -> dict[str, WordSpans]:
    """The stored words of each (block id, text) whose text is the stored one; a missing or damaged file gives
    none (lines then break as Unicode allows), never an error. The file is read once a process (every ReaderView
    asks), again only when it changed."""
    try:
        stat = path.stat()
        stored = _stored_words(path, stat.st_mtime_ns, stat.st_size)
    except (OSError, ValueError, KeyError, TypeError, RecursionError) as error:
        log.warning("words of the report not read from %s: %s", path, error)
        return {}
    words: dict[str, WordSpans] = {}
    for block_id, text in blocks:
        entry = stored.get(block_id)
        if entry is not None and entry[0] == text and entry[1]:
            words[block_id] = entry[1]
    return words


@functools.lru_cache(maxsize=4)
def _stored_words(path: Path, mtime_ns: int, size: int) -> dict[str, tuple[str, WordSpans]]:
    """block id -> (its stored text, its valid words) of the file at ``path`` as it was at (``mtime_ns``, ``size``)."""
    stored = json.loads(path.read_text(encoding="utf-8"))["blocks"]
    if not isinstance(stored, Mapping):
        raise TypeError("blocks is not a mapping")
    out: dict[str, tuple[str, WordSpans]] = {}
    for block_id, entry in stored.items():
        if isinstance(entry, Mapping) and isinstance(entry.get("text"), str):
            out[block_id] = (entry["text"], _valid_spans(entry.get("words"), len(entry["text"])))
    return out


def _valid_spans(value: object, length: int) -> WordSpans:
    if not isinstance(value, list):
        return ()
    spans = []
    for item in value:
        if not (isinstance(item, list) and len(item) == 2 and all(type(n) is int for n in item)):
            return ()
        start, size = item
        if start < 0 or size < 2 or start + size > length:
            return ()
        spans.append((start, size))
    return tuple(spans)
