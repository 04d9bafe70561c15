"""The Debian package as a user gets it: built by packaging/build-deb, installed with apt-get, launched, removed.

Slow (a PyInstaller build and a package install). A .deb newer than every source file is reused. Needs root
(or password-less sudo) to install; skips only where dpkg/apt are missing or nobody may install.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from fenggang_reader import APP_ID, __version__

from .xdisplay import dark_pixels, find_window, screenshot, window_geometry, xvfb

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "fenggang_reader", ROOT / "resources", ROOT / "packaging", ROOT / "i18n", ROOT / "pyproject.toml"]
MAX_DEB_BYTES = 70 * 1000 * 1000
INSTALL_DIR = Path("/opt/fenggang-reader")
LAUNCHER = Path("/usr/bin/fenggang-reader")
QUIT_AFTER_S = 12


def _need_debian_tools() -> None:
    missing = [tool for tool in ("dpkg", "dpkg-deb", "apt-get", "ldd") if not shutil.which(tool)]
    if missing:
        pytest.skip(f"not a Debian/Ubuntu system: {', '.join(missing)} missing, so no .deb can be built or installed")


def _newest_source_mtime() -> float:
    newest = 0.0
    for source in SOURCES:
        files = [source] if source.is_file() else [p for p in source.rglob("*") if p.is_file()]
        newest = max([newest, *(p.stat().st_mtime for p in files if "__pycache__" not in p.parts)])
    return newest


def _root_prefix() -> list[str]:
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
        return ["sudo", "-n"]
    pytest.skip("installing a .deb needs root or password-less sudo")


@pytest.fixture(scope="module")
def deb() -> Path:
    _need_debian_tools()
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    path = ROOT / "dist" / f"fenggang-reader_{__version__}_{arch}.deb"
    if not path.exists() or path.stat().st_mtime < _newest_source_mtime():
        started = time.monotonic()
        result = subprocess.run([str(ROOT / "packaging" / "build-deb")], capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, f"build-deb failed:\n{result.stdout}\n{result.stderr[-4000:]}"
        print(f"build-deb took {time.monotonic() - started:.0f} s")
    return path


def _field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


def test_package_size_and_metadata(deb):
    assert deb.stat().st_size <= MAX_DEB_BYTES, f"{deb.name} is {deb.stat().st_size / 1e6:.1f} MB (> 70 MB)"
    assert _field(deb, "Version") == __version__
    depends = _field(deb, "Depends")
    assert "fonts-noto-cjk |" in depends, "a CJK font must be a dependency: the report is Chinese"
    for library in ("libc6 (>=", "libxcb-cursor0", "libxkbcommon-x11-0", "libfontconfig1", "libdbus-1-3",
                    "libspeechd2"):
        assert library in depends, f"{library} missing from Depends: {depends}"
    recommends = _field(deb, "Recommends")
    assert "speech-dispatcher" in recommends and "espeak-ng" in recommends, recommends


def test_package_files(deb):
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    paths = {line.split()[5].lstrip(".") for line in listing.splitlines()}
    expected = {
        "/opt/fenggang-reader/fenggang-reader",
        "/opt/fenggang-reader/_internal/resources/report/report.tsv",
        "/opt/fenggang-reader/_internal/resources/pronunciation/record.tsv",
        "/opt/fenggang-reader/_internal/certifi/cacert.pem",  # the online voice's TLS
        "/usr/bin/fenggang-reader",
        f"/usr/share/applications/{APP_ID}.desktop",
        f"/usr/share/metainfo/{APP_ID}.metainfo.xml",
        f"/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        "/usr/share/doc/fenggang-reader/copyright",
        *(f"/usr/share/icons/hicolor/{n}x{n}/apps/{APP_ID}.png" for n in (16, 24, 32, 48, 64, 128, 256, 512)),
    }
    assert not expected - paths, f"missing from the package: {sorted(expected - paths)}"
    qt_plugins = {p for p in paths if "/Qt/plugins/" in p}
    # mock: the system voice's placeholder engine (speech/system.py); without it the first paint stalls ~1.8 s.
    for plugin in ("platforms/libqxcb.so", "texttospeech/libqtexttospeech_speechd.so",
                   "texttospeech/libqtexttospeech_mock.so",
                   "multimedia/libffmpegmediaplugin.so", "imageformats/libqsvg.so", "iconengines/libqsvgicon.so",
                   "printsupport/libcupsprintersupport.so", "tls/libqopensslbackend.so"):
        assert any(p.endswith(plugin) for p in qt_plugins), f"Qt plugin {plugin} not bundled"
    unwanted = [p for p in paths if any(name in p for name in ("WebEngine", "Qt63D", "Quick3D", "libqgtk3", "Pdf"))]
    assert not unwanted, f"unneeded Qt parts bundled: {unwanted[:5]}"
    qm = sorted((ROOT / "i18n").glob("*.qm"))
    for translation in qm:
        assert f"/opt/fenggang-reader/_internal/i18n/{translation.name}" in paths


def test_install_launch_show_report_and_remove(deb, tmp_path):
    """apt-get install, start /usr/bin/fenggang-reader on Xvfb, see the report drawn, apt-get remove."""
    sudo = _root_prefix()
    for tool in ("xdotool", "import", "convert"):
        if not shutil.which(tool):
            pytest.fail(f"{tool} is missing: ./dev setup installs it")
    apt = [*sudo, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "-o", "DPkg::Lock::Timeout=120", "-y", "-q"]
    started = time.monotonic()
    try:
        installed = subprocess.run([*apt, "install", "--reinstall", str(deb)], capture_output=True, text=True,
                                   timeout=600)
        assert installed.returncode == 0, f"apt-get install failed:\n{installed.stdout[-3000:]}\n{installed.stderr}"
        assert LAUNCHER.exists() and (INSTALL_DIR / "fenggang-reader").exists()
        install_s = time.monotonic() - started
        _launch_and_look(tmp_path / "simplified", title_words=("凤岗", "Fenggang"))
        # Traditional characters and the zh_TW interface: OpenCC's tables and our .qm files made it into /opt.
        settings = tmp_path / "traditional" / "home" / "config" / "settings.json"
        settings.parent.mkdir(parents=True)
        settings.write_text(json.dumps({"language": "zh_TW", "script": "tw"}), encoding="utf-8")
        _launch_and_look(tmp_path / "traditional", title_words=("鳳崗", "報告"))
    finally:
        removed = subprocess.run([*apt, "remove", "fenggang-reader"], capture_output=True, text=True, timeout=600)
    assert removed.returncode == 0, f"apt-get remove failed:\n{removed.stdout}\n{removed.stderr}"
    assert not INSTALL_DIR.exists(), f"{INSTALL_DIR} left behind after apt-get remove"
    assert not LAUNCHER.exists()
    assert not Path(f"/usr/share/applications/{APP_ID}.desktop").exists()
    print(f"install {install_s:.1f} s; install + launch + remove {time.monotonic() - started:.1f} s")


def _launch_and_look(tmp_path: Path, title_words: tuple[str, ...]) -> None:
    tmp_path.mkdir(parents=True, exist_ok=True)
    events = tmp_path / "events.jsonl"
    with xvfb() as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "LC_ALL": "C.UTF-8",
               "FENGGANG_READER_HOME": str(tmp_path / "home")}
        env.pop("QT_PLUGIN_PATH", None)
        app = subprocess.Popen(
            [str(LAUNCHER), "--quit-after", str(QUIT_AFTER_S), "--event-log", str(events)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        try:
            window = find_window(display, title_words[0], timeout=QUIT_AFTER_S - 3)
            if window is None:
                app.kill()
                out, err = app.communicate()
                pytest.fail(f"no window titled …{title_words[0]}… appeared:\n{err[-3000:]}")
            window_id, title = window
            assert all(word in title for word in title_words), title
            _wait_for_event(events, "app.first_paint", timeout=10)
            time.sleep(1.0)  # let the visible paragraphs' pinyin settle
            x, y, w, h = window_geometry(display, window_id)
            shot = screenshot(display, tmp_path / "screen.png")
            # The reading area: right of the contents panel, below menu and toolbar. On the light default theme
            # the report's characters and pinyin are the dark pixels there; an empty page has almost none.
            reading = (x + w // 2, y + h // 5, w // 2 - 20, h * 3 // 5)
            drawn = dark_pixels(shot, reading)
            assert drawn > 5000, f"only {drawn} dark pixels in the reading area: is the report drawn? ({shot})"
            print(f"window {w}x{h} at {x},{y}: {drawn} dark pixels in the reading area {reading}")
            code = app.wait(timeout=QUIT_AFTER_S + 20)
        finally:
            if app.poll() is None:
                app.kill()
        _out, err = app.communicate()
    assert code == 0, f"the installed app exited with {code}:\n{err[-3000:]}"
    assert "Traceback" not in err, err[-3000:]
    names = [json.loads(line)["event"] for line in events.read_text(encoding="utf-8").splitlines()]
    assert names[0] == "app.start" and "app.quit" in names, names


def _wait_for_event(path: Path, name: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and any(json.loads(line).get("event") == name
                                 for line in path.read_text(encoding="utf-8").splitlines() if line.strip()):
            return
        time.sleep(0.1)
    pytest.fail(f"event {name} not logged within {timeout} s")
