"""What a screen reader gets from the main window: the real app under Xvfb, read through AT-SPI (as Orca does).

Names on every focusable control, the report's text, headings as headings, the current paragraph in the
view's description, Tab through every control, F6 / Ctrl+F / Esc moving focus as documented, state
changes announced, and the caret (which magnifiers follow) on the current paragraph.
"""

from __future__ import annotations

import pytest

from fenggang_reader.core.resources import load_bundled_report
from tests.support.atspi import AtspiApp, focusable_nodes, missing, spoken

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.slow,
    pytest.mark.skipif(missing() is not None, reason=f"AT-SPI test needs: {missing()}"),
]

ITEM_ROLES = ("table cell", "tree item", "list item", "menu item")


def report_text_node(nodes: list[dict]) -> dict:
    return next(n for n in nodes if n["name"] == "Report text")


def test_names_text_headings_and_the_current_paragraph(tmp_path):
    report = load_bundled_report()
    with AtspiApp(home=tmp_path / "home") as app:
        nodes = app.tree()
        assert nodes[0]["role"] == "application" or nodes[0]["name"]
        unnamed = [(n["role"], n["path"]) for n in focusable_nodes(nodes) if not n["name"].strip()]
        assert unnamed == []
        buttons = [n for n in focusable_nodes(nodes) if n["role"] in ("push button", "check box", "toggle button")
                   and n["path"][:2] == nodes[[i for i, x in enumerate(nodes) if x["role"] == "tool bar"][0]]["path"]]
        assert buttons and all("(" in b["description"] for b in buttons), buttons  # every button names its key

        view = report_text_node(nodes)
        full = app.node(view["path"], full_text=True)
        assert full["char_count"] > 10000
        for block in (report.blocks[0], report.blocks[len(report.blocks) // 2], report.blocks[-1]):
            assert block.text[:30] in full["text"]
        assert view["role"] == "text", view  # read-only text, not a label (ui/text_role.py)
        # the place (or, as the place is restored after the first paint, the move's message: place and text)
        assert view["description"].startswith(f"Paragraph 1 of {len(report.blocks)}, heading level 1"), view

        headings = [n for n in nodes if n["role"] == "heading"]
        assert [h["name"] for h in headings] == [b.text for b in report.blocks if b.kind.heading_level]
        assert all(h["description"].startswith("Heading level") for h in headings)

        app.key("F6", wait_focus=3)  # to the contents and back to the text
        app.key("F6", wait_focus=3)
        app.events()
        focus = app.key("Down", settle=0.8)
        assert focus["name"] == "Report text"
        view = app.node(view["path"])
        assert view["description"].startswith("Paragraph 2 of") and report.blocks[1].text in view["description"]
        caret_moves = [e for e in app.events() if e["type"] == "object:text-caret-moved"
                       and e["source"]["name"] == "Report text"]
        assert caret_moves, "a magnifier follows the caret: moving to a paragraph must move it"
        position = len(report.blocks[0].text) + 1  # the caret sits at the start of the second paragraph
        assert view["caret"] == position


def test_keys_move_focus_as_documented_and_tab_reaches_every_control(tmp_path):
    with AtspiApp(home=tmp_path / "home") as app:
        nodes = app.tree()
        controls = {n["name"] for n in focusable_nodes(nodes) if n["role"] not in ITEM_ROLES and "enabled" in n["states"]}
        assert app.key("F6", wait_focus=3)["name"] == "Contents"
        assert app.key("F6", wait_focus=3)["name"] == "Report text"
        assert app.key("ctrl+f", wait_focus=3)["name"] == "Find in the text"
        assert app.key("Escape", wait_focus=3)["name"] == "Report text"

        app.key("F6", wait_focus=3)
        reached = {"Contents"}
        for _ in range(len(controls) + 5):
            focus = app.key("Tab", settle=0.2, wait_focus=2)
            reached.add(focus["name"])
            if focus["name"] == "Report text":
                break
        assert controls <= reached, controls - reached
        back = app.key("shift+Tab", wait_focus=2)
        assert back["name"] != "Report text"


def test_state_changes_are_announced(tmp_path):
    with AtspiApp(home=tmp_path / "home") as app:
        app.key("F6", wait_focus=3)
        app.key("F6", wait_focus=3)
        app.events()
        app.key("ctrl+plus")
        app.key("ctrl+shift+p")
        app.key("ctrl+shift+t")
        app.key("ctrl+shift+d")
        app.key("ctrl+i")
        said = spoken(app.events())
        assert "Text size 32 points" in said
        assert "Pinyin hidden" in said
        assert "Dark" in said
        assert "Focus on the current paragraph" in said
        assert any("Paragraph 1 of" in s for s in said)
