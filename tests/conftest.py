"""Shared fixtures: every test gets its own config/cache/data/log folders, never the real profile."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANGUAGE"] = "en"  # the interface follows the system language: tests see English unless they switch
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_6efbc55a5a395691.txt"
PROCESS_SOUND = pytest.StashKey["ProcessSound"]()


def pytest_configure(config):
    """Each process that runs tests gets a PulseAudio null sink and a speech-dispatcher of its own
    (tests/support/sound.py ProcessSound): sound tests on different xdist workers run side by side."""
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        return  # the xdist controller only hands out tests
    from tests.support.sound import ProcessSound

    config.stash[PROCESS_SOUND] = ProcessSound().start()


def pytest_unconfigure(config):
    sound = config.stash.get(PROCESS_SOUND, None)
    if sound is not None:
        sound.stop()


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
