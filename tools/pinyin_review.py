#!/usr/bin/env python3
"""Build (or check) the pinyin review of the report: resources/pronunciation/review.tsv.

One row per polyphonic occurrence (a Han character with more than one reading in pypinyin's heteronym
dictionary), plus every other character whose shown reading differs from pypinyin's. The mechanical columns
(block, offset, character, context, pypinyin's reading, the reading the app shows) come from the code; the
decision (the reading that is right, and why) comes from resources/pronunciation/review_notes.tsv, written
by reading every occurrence against 《现代汉语词典》第7版. The check fails when an occurrence has no decision
or when the app shows something other than the decision.

    .venv/bin/python tools/pinyin_review.py            # rewrite review.tsv, print the summary
    .venv/bin/python tools/pinyin_review.py --check    # exit 1 if review.tsv is stale or any row fails
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fenggang_reader.core.pinyin import (  # noqa: E402
    Annotator,
    PinyinStyle,
    base_readings,
    render,
)
from fenggang_reader.core.pronunciation import PronunciationRecord  # noqa: E402
from fenggang_reader.core.resources import load_bundled_report, record_path  # noqa: E402
from fenggang_reader.core.syllables import candidates, canonical, is_han  # noqa: E402

NOTES = ROOT / "resources" / "pronunciation" / "review_notes.tsv"
REVIEW = ROOT / "resources" / "pronunciation" / "review.tsv"
HEADER = "block\toffset\tchar\tcontext\tpattern\tpypinyin\tdecided\tshown\tstatus\twhy"


@dataclass(frozen=True)
class Note:
    pattern: str
    readings: tuple[str, ...]  # canonical, or "*"
    why: str


@dataclass(frozen=True)
class Row:
    block: str
    offset: int
    char: str
    context: str
    pattern: str
    pypinyin: str
    decided: str
    shown: str
    why: str

    @property
    def status(self) -> str:
        if not self.decided:
            return "UNDECIDED"
        if self.shown != self.decided:
            return "WRONG"
        return "ok" if self.pypinyin == self.decided else "corrected"

    def line(self) -> str:
        marks = [render(r, PinyinStyle.TONE_MARKS) if r else "" for r in (self.pypinyin, self.decided, self.shown)]
        cols = [self.block, str(self.offset), self.char, self.context, self.pattern, *marks, self.status, self.why]
        return "\t".join(cols)


def load_notes(path: Path = NOTES) -> list[Note]:
    notes = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        pattern, readings, why = (line.split("\t") + ["", ""])[:3]
        syllables = tuple(r if r == "*" else canonical(r) for r in readings.split())
        if len(syllables) != len(pattern):
            raise SystemExit(f"{path}:{lineno}: {pattern!r} has {len(pattern)} characters, {len(syllables)} readings")
        notes.append(Note(pattern, syllables, why))
    return sorted(notes, key=lambda n: -len(n.pattern))  # longest pattern first


def decide(text: str, i: int, notes: list[Note]) -> tuple[Note, str] | None:
    """The longest note whose pattern covers text[i] and decides it, with its reading there."""
    for note in notes:
        for j, char in enumerate(note.pattern):
            if char != text[i] or note.readings[j] == "*":
                continue
            start = i - j
            if start >= 0 and text[start : start + len(note.pattern)] == note.pattern:
                return note, note.readings[j]
    return None


def is_polyphone(char: str) -> bool:
    return len(set(candidates(char))) > 1


def build_rows(notes: list[Note] | None = None, annotator: Annotator | None = None) -> list[Row]:
    notes = load_notes() if notes is None else notes
    annotator = annotator or Annotator(PronunciationRecord.load(record_path()))
    rows = []
    for block in load_bundled_report().blocks:
        text = block.text
        raw = base_readings(text)
        shown = annotator.readings(text, block.id)
        for i, char in enumerate(text):
            if not is_han(char) or not (is_polyphone(char) or shown[i] != raw[i]):
                continue
            found = decide(text, i, notes)
            note, decided = found if found else (Note("", (), ""), "")
            context = text[max(0, i - 6) : i] + "【" + char + "】" + text[i + 1 : i + 7]
            rows.append(Row(block.id, i, char, context, note.pattern, raw[i], decided, shown[i], note.why))
    return rows


def summary(rows: list[Row]) -> dict:
    """Accuracy over every Han character of the report: rows carry the decisions; a character without a row
    has a single dictionary reading that pypinyin and the app both give."""
    report = load_bundled_report()
    han = sum(1 for b in report.blocks for ch in b.text if is_han(ch))
    raw_wrong = sum(1 for r in rows if r.decided and r.pypinyin != r.decided)
    final_wrong = sum(1 for r in rows if r.status != "ok" and r.status != "corrected")
    return {
        "han_characters": han,
        "review_rows": len(rows),
        "polyphonic_occurrences": sum(1 for r in rows if is_polyphone(r.char)),
        "pypinyin_wrong": raw_wrong,
        "pypinyin_accuracy": round(1 - raw_wrong / han, 5),
        "final_wrong": final_wrong,
        "final_accuracy": round(1 - final_wrong / han, 5),
        "undecided": sum(1 for r in rows if r.status == "UNDECIDED"),
    }


def render_review(rows: list[Row]) -> str:
    return HEADER + "\n" + "".join(r.line() + "\n" for r in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="do not write; fail if stale or any row is not right")
    args = parser.parse_args(argv)
    rows = build_rows()
    text = render_review(rows)
    stats = summary(rows)
    bad = [r for r in rows if r.status not in ("ok", "corrected")]
    for r in bad[:40]:
        print(
            f"{r.status}: {r.block}:{r.offset} {r.context} pypinyin={r.pypinyin} shown={r.shown} decided={r.decided}",
            file=sys.stderr,
        )
    if args.check:
        stale = not REVIEW.exists() or REVIEW.read_text(encoding="utf-8") != text
        if stale:
            print("review.tsv is out of date: run tools/pinyin_review.py", file=sys.stderr)
        print(json.dumps(stats, ensure_ascii=False))
        return 1 if stale or bad else 0
    REVIEW.write_text(text, encoding="utf-8")
    print(json.dumps(stats, ensure_ascii=False))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
