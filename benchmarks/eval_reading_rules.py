#!/usr/bin/env python3
"""Errors of pypinyin alone and of our annotator on benchmarks/data/reading_rules_eval.tsv, by construction group.

The set (≥150 sentences shaped like government reports, news and notices, none from the shipped report) marks the
characters judged with their gold reading; only those are counted. "pypinyin" is pypinyin's phrase reading with
一/不 in citation form; "ours" is the annotator a document the reader opens gets (core/reading_rules.py, no record
entries keyed by block, no corrections).
    .venv/bin/python benchmarks/eval_reading_rules.py [-v] [--heldout]
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fenggang_reader.core.pinyin import Annotator, base_readings  # noqa: E402
from fenggang_reader.core.sandhi import citation_forms  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "reading_rules_eval.tsv"
# Written after the rules were fixed and never used to change them: how the rules do on text they were not made on.
HELD_OUT = Path(__file__).resolve().parent / "data" / "reading_rules_heldout.tsv"
_MARK = re.compile(r"\[(.):([a-z]+[1-5])\]")


@dataclass(frozen=True)
class Case:
    group: str
    text: str
    gold: tuple[tuple[int, str], ...]  # (offset, reading) of each judged character


def load_cases(path: Path = DATA) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        group, marked = line.split("\t")
        text, gold, pos = "", [], 0
        for m in _MARK.finditer(marked):
            text += marked[pos:m.start()]
            gold.append((len(text), m.group(2)))
            text += m.group(1)
            pos = m.end()
        text += marked[pos:]
        cases.append(Case(group, text, tuple(gold)))
    return cases


def errors(cases: list[Case], annotator: Annotator | None = None) -> dict[str, list[str]]:
    """Per group, a line for each judged character read wrongly: by pypinyin alone (annotator None) or by it."""
    found: dict[str, list[str]] = {}
    for case in cases:
        if annotator is None:
            readings = citation_forms(case.text, base_readings(case.text))
        else:
            readings = annotator.readings(case.text)
        wrong = found.setdefault(case.group, [])
        for offset, gold in case.gold:
            if readings[offset] != gold:
                wrong.append(f"{case.text[:offset]}[{case.text[offset]}:{readings[offset]}≠{gold}]{case.text[offset + 1:]}")
    return found


def main() -> int:
    path = HELD_OUT if "--heldout" in sys.argv else DATA
    cases = load_cases(path)
    alone, ours = errors(cases), errors(cases, Annotator())
    judged: dict[str, int] = {}
    for case in cases:
        judged[case.group] = judged.get(case.group, 0) + len(case.gold)
    print(f"{len(cases)} sentences, {sum(judged.values())} judged characters ({path.relative_to(ROOT)})")
    print(f"{'group':8}{'judged':>8}{'pypinyin':>10}{'ours':>6}")
    for group in sorted(judged):
        print(f"{group:8}{judged[group]:>8}{len(alone[group]):>10}{len(ours[group]):>6}")
    print(f"{'all':8}{sum(judged.values()):>8}{sum(map(len, alone.values())):>10}{sum(map(len, ours.values())):>6}")
    if "-v" in sys.argv:
        for group in sorted(judged):
            for line in ours[group]:
                print(f"ours     {group}: {line}")
            for line in alone[group]:
                print(f"pypinyin {group}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
