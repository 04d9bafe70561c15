"""Shared fixtures: every test gets its own config/cache/data/log folders, never the real profile."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANGUAGE"] = "en"  # the interface follows the system language: tests see English unless they switch
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_6efbc55a5a395691.txt"

# Modules whose tests play or record sound or speak through the run's one speech-dispatcher. The PulseAudio
# null sink is shared: a test recording it must not hear another test's voice, so under pytest-xdist these
# run on one worker, one after the other (``--dist loadgroup``). A new module says so with
# ``pytestmark = pytest.mark.sound``.
SOUND_MODULES = {
    "tests/speech/test_controller.py", "tests/speech/test_player.py", "tests/speech/test_system_voice.py",
    "tests/speech/test_optional_modules.py", "tests/ui/test_read_aloud.py", "tests/ui/test_glossary.py",
    "tests/ui/test_accessibility.py", "tests/ui/test_lazy_features.py", "tests/ui/test_screen_reader_mode.py",
    "tests/ui/test_main_window.py", "tests/test_self_test.py", "tests/resilience/test_unwritable_dirs.py",
    "tests/resilience/test_input_fuzz.py", "tests/resilience/test_responsiveness.py",
    "tests/resilience/test_security.py", "tests/a11y/test_screen_reader.py", "tests/a11y/test_glossary_atspi.py",
    "tests/speech/test_edge_backend.py", "tests/ui/test_guidance_bars.py",
    "tests/a11y/test_orca.py",
}


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own hook, which reads the group into the test's id
def pytest_collection_modifyitems(config, items):
    for item in items:
        module = Path(str(item.fspath)).resolve().relative_to(ROOT).as_posix()
        if module in SOUND_MODULES or item.get_closest_marker("sound"):
            item.add_marker(pytest.mark.xdist_group("sound"))


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("FENGGANG_READER_HOME", str(home))
    monkeypatch.delenv("FENGGANG_READER_EDGE_ENDPOINT", raising=False)
    return home


@pytest.fixture(scope="session")
def report():
    from fenggang_reader.core.resources import load_bundled_report

    return load_bundled_report()


@pytest.fixture(scope="module")
def server():
    """A loopback service speaking the Edge voices' protocol, one per test module (tests/support/edge_server)."""
    from tests.support.edge_server import EdgeServer, tools_missing

    if tools_missing():
        pytest.skip(f"the loopback Edge service needs {', '.join(tools_missing())} (./dev installs them)")
    with EdgeServer() as srv:
        yield srv


@pytest.fixture(scope="module")
def silent_server():
    """The loopback service answering with silence made in Python (no espeak-ng, no ffmpeg): for tests of file
    names, order, places and requests, where what the voice says does not matter."""
    from tests.support.edge_server import EdgeServer

    with EdgeServer(silent=True) as srv:
        yield srv
