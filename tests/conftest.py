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
# Modules whose tests share a costly module-scoped fixture (the whole report as PDFs, or laid out at several sizes).
# pytest-xdist hands a module's tests to any worker, and each worker builds the fixture again: with four workers the
# PDFs were made four times (~80 s of setup on each). Their tests stay together on one worker (``xdist_group``).
SHARED_FIXTURE_MODULES = ("tests/export/test_pdf.py", "tests/ui/test_justification.py", "tests/ui/test_line_breaking.py",
                          "tests/ui/test_line_edges.py")


def pytest_configure(config):
    """Each process that runs tests gets a PulseAudio null sink and a speech-dispatcher of its own
    (tests/support/sound.py ProcessSound): sound tests on different xdist workers run side by side."""
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        return  # the xdist controller only hands out tests
    from tests.support.sound import ProcessSound

    config.stash[PROCESS_SOUND] = ProcessSound().start()


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own hook, which reads the group into the test's id
def pytest_collection_modifyitems(config, items):
    for item in items:
        module = item.nodeid.partition("::")[0]
        if module in SHARED_FIXTURE_MODULES:
            item.add_marker(pytest.mark.xdist_group(module))


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
