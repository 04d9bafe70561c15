"""What a screen reader gets from a glossary note: the real app under Xvfb, read through AT-SPI (as Orca does).

Tab to the first term, Enter: a dialog named after the term, described by the explanation, holding the
note's text, appears in the accessibility tree and its opening is announced; Esc takes it away and the
keyboard is back in the report text.
"""

from __future__ import annotations

import pytest

from fenggang_reader.core.resources import load_bundled_report
from tests.support.atspi import AtspiApp, missing, spoken

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.slow,
    pytest.mark.skipif(missing() is not None, reason=f"AT-SPI test needs: {missing()}"),
]


def dialogs(nodes: list[dict]) -> list[dict]:
    return [n for n in nodes if n["role"] == "dialog" and "showing" in n["states"]]


def wait_for(app: AtspiApp, condition, attempts: int = 10, pause: float = 0.4) -> list[dict]:
    nodes = app.tree()
    for _ in range(attempts):
        if condition(nodes):
            return nodes
        app.sleep(pause)
        nodes = app.tree()
    return nodes


def test_note_popup_is_a_named_dialog_with_the_note_text(tmp_path):
    note = load_bundled_report().notes[1]
    with AtspiApp(home=tmp_path / "home") as app:
        app.events()
        app.key("Tab", settle=0.8)  # from the title: the first term, “1310”[1]
        app.key("Return", settle=1.0)
        nodes = wait_for(app, lambda ns: dialogs(ns))
        found = dialogs(nodes)
        assert len(found) == 1, [(n["role"], n["name"]) for n in nodes[:40]]
        dialog = found[0]
        assert dialog["name"] == note.term
        assert dialog["description"] == note.explanation
        inside = [n for n in nodes if n.get("path", [])[: len(dialog["path"])] == dialog["path"]]
        texts = [n.get("text") or "" for n in inside]
        assert any(t.startswith(f"[1]{note.term}：") and note.explanation[:40] in t for t in texts), texts
        note_text = next(n for n in inside if (n.get("text") or "").startswith("[1]"))
        assert "focused" in note_text["states"]  # Enter moved the keyboard into the note

        events = app.events()
        heard = spoken(events)
        assert any(note.term in s and note.explanation[:20] in s for s in heard), heard
        assert any(e["type"] == "object:state-changed:showing" and e["source"]["role"] == "dialog" for e in events)

        app.key("Escape", settle=1.0)
        nodes = wait_for(app, lambda ns: not dialogs(ns))
        assert not dialogs(nodes)
        report_text = next(n for n in nodes if n["name"] == "Report text")
        assert "focused" in report_text["states"]
