"""House rules that keep the code base in shape."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_core_and_speech_layering_enforced_by_import_linter():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_imports_without_qt():
    code = (
        "import sys, fenggang_reader.core.resources as r, fenggang_reader.core.settings, fenggang_reader.core.export;"
        "r.load_bundled_report();"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_ruff_clean():
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(ruff), "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_ruff_checks_every_python_script_without_an_extension():
    """ruff picks *.py by itself; scripts named like commands must be listed in pyproject's extend-include."""
    ruff = Path(sys.executable).with_name("ruff")
    shown = subprocess.run([str(ruff), "check", "--show-files", "."], cwd=ROOT, capture_output=True, text=True).stdout
    checked = {Path(line.strip()).resolve() for line in shown.splitlines() if line.strip()}
    scripts = [path for folder in ("tools", "packaging", ".ci") for path in (ROOT / folder).rglob("*")
               if path.is_file() and not path.suffix and path.read_bytes()[:64].startswith(b"#!")
               and b"python" in path.read_bytes().split(b"\n", 1)[0]]
    assert scripts, "no scripts found: the search is wrong"
    assert [str(s.relative_to(ROOT)) for s in scripts if s.resolve() not in checked] == []


@pytest.mark.slow
def test_pyside_none_refcount_hazard_absent():
    """PySide6 6.12.0 on CPython 3.11 aborts after ~10^5 calls of a method returning None (DESIGN.md)."""
    code = (
        "from PySide6.QtCore import QObject\n"
        "o = QObject()\n"
        "for i in range(300_000):\n"
        "    o.setObjectName('x')\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-500:]


def test_pinned_pyside_is_not_the_broken_release():
    import PySide6

    if sys.version_info[:2] == (3, 11):
        assert PySide6.__version__ != "6.12.0"


def test_speech_never_imports_widgets():
    """import-linter cannot forbid a subpackage of an external package, so read the imports."""
    import ast

    for path in (ROOT / "fenggang_reader" / "speech").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
            assert not any("QtWidgets" in n for n in names), f"{path.name} imports QtWidgets"


@pytest.mark.early
def test_type_checker_finds_no_errors():
    """mypy over the files pyproject.toml names ([tool.mypy] files), with its settings."""
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_type_checker_covers_the_whole_package():
    """No module of ours is left out or let off: a stub gap gets a narrow cast or a per-line ignore saying why."""
    import tomllib

    mypy = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert mypy["files"] == ["fenggang_reader"]
    assert not mypy.get("exclude")
    for override in mypy.get("overrides", []):
        modules = [override["module"]] if isinstance(override["module"], str) else override["module"]
        assert not [m for m in modules if m.startswith("fenggang_reader")], override
    for path in (ROOT / "fenggang_reader").rglob("*.py"):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if "type: ignore" in line:
                where = f"{path.relative_to(ROOT)}:{number + 1}"
                assert re.search(r"type: ignore\[[a-z-]+\]", line), f"{where}: an ignore names the error it ignores"
                assert "stub" in line + lines[number - 1], f"{where}: an ignore is for a stub defect and says so"


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_constraints_lock_every_installed_package_at_the_pinned_versions():
    """constraints.txt (used by ./dev) holds every installed distribution, and agrees with pyproject's pins."""
    import tomllib
    from importlib import metadata

    from packaging.requirements import Requirement

    locked = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            locked[_canonical(name)] = version.strip()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    for pin in map(Requirement, pins):
        if pin.marker is not None and not pin.marker.evaluate():
            continue  # another system's package (Windows speech): locked on that system, not here
        (version,) = [spec.version for spec in pin.specifier]
        assert locked.get(_canonical(pin.name)) == version, f"{pin} is not what constraints.txt locks"
    installed = {_canonical(d.metadata["Name"]): d.version for d in metadata.distributions()}
    for own in ("fenggang-reader", "pip", "setuptools", "wheel"):
        installed.pop(own, None)
    unlocked = {name: version for name, version in installed.items() if locked.get(name) != version}
    assert unlocked == {}, "run the regeneration line at the top of constraints.txt"
