"""Installer metadata and icons, checked without building anything (fast)."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from fenggang_reader import APP_ID, __version__

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: install the Debian package {package} (./dev setup does)")
    return path


def test_desktop_file_validates():
    result = subprocess.run([_tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_desktop_file_names_the_icon_command_and_chinese_name():
    entry = dict(line.split("=", 1) for line in DESKTOP.read_text(encoding="utf-8").splitlines() if "=" in line)
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "fenggang-reader"
    assert "凤岗" in entry["Name[zh_CN]"] and "鳳崗" in entry["Name[zh_TW]"]


def test_metainfo_validates_offline():
    result = subprocess.run([_tool("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_id_launchable_and_newest_release_match_the_code():
    text = METAINFO.read_text(encoding="utf-8")
    assert f"<id>{APP_ID}</id>" in text
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in text
    releases = re.findall(r'<release version="([^"]+)"', text)
    assert releases and releases[0] == __version__, f"add <release version=\"{__version__}\"> first in {METAINFO.name}"


def test_version_is_defined_once():
    """Only fenggang_reader/__init__.py spells the version; the rest read it (metainfo keeps release history)."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    spelled = re.compile(rf"(?<![\w.]){re.escape(__version__)}(?![\w.])")
    files = [ROOT / "pyproject.toml", *(p for base in ("fenggang_reader", "packaging", "tools")
                                       for p in (ROOT / base).rglob("*") if p.is_file())]
    offenders = [
        str(p.relative_to(ROOT)) for p in files
        if p.suffix not in (".pyc", ".xml") and p != ROOT / "fenggang_reader" / "__init__.py"
        and spelled.search(p.read_text(encoding="utf-8", errors="replace"))
    ]
    assert not offenders, f"a version is hard-coded in {offenders}"


def test_committed_icons_are_rendered_from_the_svg():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "make-icons"), "--check"], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_png_icons_have_their_sizes():
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        assert _png_size((ICONS / "png" / f"fenggang-reader-{size}.png").read_bytes()) == (size, size)


def test_ico_holds_16_to_256():
    data = (ICONS / "fenggang-reader.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, height, _c, _r, _planes, _bpp, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i:22 + 16 * i])
        png = data[offset:offset + length]
        assert _png_size(png) == (width or 256, height or 256)
        sizes.append(width or 256)
    assert {16, 32, 48, 256} <= set(sizes)


def test_icns_holds_16_to_1024():
    data = (ICONS / "fenggang-reader.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    offset, sizes = 8, {}
    while offset < len(data):
        kind, length = data[offset:offset + 4], struct.unpack(">I", data[offset + 4:offset + 8])[0]
        sizes[kind] = _png_size(data[offset + 8:offset + length])[0]
        offset += length
    assert sizes[b"icp4"] == 16 and sizes[b"ic07"] == 128 and sizes[b"ic10"] == 1024


def test_svg_icon_needs_no_font():
    """The glyph is a path: a <text> element would render differently (or not at all) without the font."""
    svg = (ICONS / "fenggang-reader.svg").read_text(encoding="utf-8")
    assert "<text" not in svg and 'viewBox="0 0 256 256"' in svg


def test_windows_installer_has_chinese_and_english_and_installs_per_user():
    iss = (ROOT / "packaging" / "windows" / "fenggang-reader.iss").read_text(encoding="utf-8")
    assert re.search(r"^Name:\s*\"english\"", iss, re.MULTILINE)
    assert re.search(r"^Name:\s*\"chinesesimplified\"", iss, re.MULTILINE)
    assert "PrivilegesRequired=lowest" in iss
    assert "{autoprograms}" in iss and "{autodesktop}" in iss and "desktopicon" in iss
    assert re.search(r"Flags:.*unchecked", iss), "the desktop icon is optional (unchecked by default)"


def test_spec_bundles_every_module_imported_by_name():
    """speech/lazy.py imports by name at run time, which PyInstaller cannot see: the spec must name each one."""
    spec = (ROOT / "packaging" / "fenggang-reader.spec").read_text(encoding="utf-8")
    lazy = set()
    for source in (ROOT / "fenggang_reader").rglob("*.py"):
        lazy |= set(re.findall(r"LazyModule\(\"([\w.]+)\"\)", source.read_text(encoding="utf-8")))
    assert {"edge_tts", "aiohttp"} <= lazy
    missing = [name for name in sorted(lazy) if f'"{name}"' not in spec]
    assert not missing, f"add to hiddenimports in packaging/fenggang-reader.spec: {missing}"
    assert 'collect_data_files("certifi")' in spec, "the online voice's TLS needs certifi's CA file"


def test_windows_installer_builds_without_downloads_and_upgrades_cleanly():
    windows = ROOT / "packaging" / "windows"
    iss = (windows / "fenggang-reader.iss").read_text(encoding="utf-8-sig")
    for isl in re.findall(r'MessagesFile: "([^":]+\.isl)"', iss):  # relative: beside the script, not compiler:
        data = (windows / isl).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf"), f"{isl} needs a UTF-8 byte-order mark for Inno Setup"
        assert b"LanguageID=$0804" in data or b"LanguageID=$0404" in data, isl
    assert 'MessagesFile: "ChineseSimplified.isl"' in iss
    assert re.search(r"\[InstallDelete\]\s*(;.*\n)*Type: filesandordirs; Name: \"\{app\}\\_internal\"", iss)
    assert "VersionInfoVersion={#AppVersionNumeric}" in iss and "SignTool={#SignToolName}" in iss
    script = (windows / "build-installer.ps1").read_text(encoding="utf-8")
    assert "Inno Setup ${major}_is1" in script and "foreach ($major in 7, 6)" in script
    assert "Invoke-WebRequest" not in script, "the build must not depend on a download"


def test_macos_app_states_its_minimum_system_and_the_dmg_step_retries():
    spec = (ROOT / "packaging" / "fenggang-reader.spec").read_text(encoding="utf-8")
    assert '"LSMinimumSystemVersion": "13.0"' in spec
    dmg = (ROOT / "packaging" / "macos" / "build-dmg").read_text(encoding="utf-8")
    assert "for attempt in 1 2 3 4 5" in dmg and "hdiutil create" in dmg


def test_release_workflow_runs_where_github_runs_workflows_with_current_actions():
    workflow = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    minimum = {"actions/checkout": 5, "actions/setup-python": 6, "actions/upload-artifact": 6}  # Node 24
    for action, major in re.findall(r"uses: ([\w-]+/[\w-]+)@v(\d+)", workflow):
        assert int(major) >= minimum.get(action, 0), f"{action}@v{major} runs on a removed Node version"
    assert workflow.count("cache: pip") == 2  # Windows and macOS (Linux builds in a Debian container)
    assert "macos-14" not in workflow and "macos-15-intel" in workflow
    assert workflow.count(" self-test ") >= 3, "each platform runs the frozen app's self-test"
    assert not (ROOT / "packaging" / "ci" / "release.yml").exists(), "one workflow, in .github/workflows"
