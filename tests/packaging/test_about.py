"""The About dialog: the version, and a licence for every third-party component the installers ship."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

from fenggang_reader import __version__
from fenggang_reader.ui.about import COMPONENTS, AboutDialog, about_html, component_version, show_about

ROOT = Path(__file__).resolve().parents[2]
SPDX = re.compile(r"^[A-Za-z0-9.+-]+( (AND|OR) [A-Za-z0-9.+-]+)*$")
# Shipped as part of the PySide6 row.
COVERED_BY_PYSIDE = {"pyside6-addons", "shiboken6"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _runtime_distributions() -> set[str]:
    """Every distribution the app's dependencies pull in (the closure, without extras)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    # Only what this platform installs (PyWinRT is Windows-only; its row has no distribution to look up).
    todo = [r.name for r in map(Requirement, project["dependencies"]) if r.marker is None or r.marker.evaluate()]
    seen: set[str] = set()
    while todo:
        name = _norm(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        for spec in importlib.metadata.requires(name) or []:
            requirement = Requirement(spec)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return seen


def test_every_shipped_distribution_has_a_licence_row():
    listed = {_norm(c.distribution) for c in COMPONENTS if c.distribution} | COVERED_BY_PYSIDE
    missing = _runtime_distributions() - listed
    assert not missing, f"add these to COMPONENTS in fenggang_reader/ui/about.py: {sorted(missing)}"


def test_licences_are_spdx_expressions_and_match_the_key_components():
    for component in COMPONENTS:
        assert SPDX.match(component.licence), component
        assert component.url.startswith("https://"), component
    licence = {c.name: c.licence for c in COMPONENTS}
    assert licence["Qt"].startswith("LGPL-3.0")
    assert licence["PySide6 / Shiboken6"].startswith("LGPL-3.0")
    assert licence["edge-tts"].startswith("LGPL-3.0")
    assert licence["pypinyin"] == "MIT" and licence["platformdirs"] == "MIT"
    assert "Apache-2.0" in licence["aiohttp"]


def test_versions_of_python_packages_are_known():
    for component in COMPONENTS:
        if component.distribution:
            assert component_version(component), component.name


def test_dialog_shows_version_and_licences(qtbot):
    html = about_html()
    assert __version__ in html and "GPL-3.0-or-later" in html
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert __version__ in text
    for component in COMPONENTS:
        assert component.name in text and component.licence in text
    assert dialog.browser.font().pointSize() >= 18
    assert dialog.accessibleName()


def test_show_about_opens_window_modal_and_deletes_itself_on_close(qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    dialog = show_about(parent)
    qtbot.waitExposed(dialog)
    assert dialog.isVisible() and dialog.parent() is parent
    with qtbot.waitSignal(dialog.destroyed, timeout=2000):
        dialog.reject()
