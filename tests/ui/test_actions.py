from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence

from fenggang_reader.ui.actions import ACTIONS, markdown_key_table

ROOT = Path(__file__).resolve().parents[2]


def test_ids_unique_and_every_action_described():
    ids = [a.id for a in ACTIONS]
    assert len(ids) == len(set(ids))
    assert all(a.label and a.description for a in ACTIONS)


def test_no_key_is_used_twice():
    seen: dict[str, str] = {}
    for action in ACTIONS:
        for key in action.shortcuts:
            portable = QKeySequence(key).toString()
            assert portable, f"{action.id}: {key!r} is not a valid key"
            assert portable not in seen, f"{portable} used by {seen.get(portable)} and {action.id}"
            seen[portable] = action.id


def test_no_screen_reader_keys():
    for action in ACTIONS:
        for key in action.shortcuts:
            text = QKeySequence(key).toString()
            assert "Ins" not in text and "CapsLock" not in text, (action.id, text)
            assert text not in ("Ctrl", "Insert"), (action.id, text)


def test_readme_key_table_is_generated_from_the_registry():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    begin, end = "<!-- keys:begin -->", "<!-- keys:end -->"
    table = readme[readme.index(begin) + len(begin): readme.index(end)].strip()
    assert table == markdown_key_table(), "run: .venv/bin/python tools/gen-readme-keys"
