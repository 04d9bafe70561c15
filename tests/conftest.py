"""Shared fixtures: every test gets its own config/cache/data/log folders, never the real profile."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANGUAGE"] = "en"  # the interface follows the system language: tests see English unless they switch
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_6efbc55a5a395691.txt"
PROCESS_SOUND = pytest.StashKey["ProcessSound"]()
EXIT_STATUS = pytest.StashKey[int]()
# Modules whose tests share a costly module-scoped fixture (the whole report as PDFs, or laid out at several sizes).
# pytest-xdist hands a module's tests to any worker, and each worker builds the fixture again: with four workers the
# PDFs were made four times (~80 s of setup on each). Their tests stay together on one worker (``xdist_group``); a
# group of many tests is handed out before single tests (pytest-xdist's --loadscope-reorder, on by default), so a
# long group does not start last.
SHARED_FIXTURE_MODULES = ("tests/export/test_pdf.py", "tests/ui/test_justification.py", "tests/ui/test_line_breaking.py",
                          "tests/ui/test_line_edges.py", "tests/ui/test_ruby_room.py",
                          "tests/core/test_pronunciation_review.py")
# These share one worker as well: they read the same laid-out views (tests/ui/conftest.py laid_out_views).
LAID_OUT_VIEW_MODULES = ("tests/ui/test_justification.py", "tests/ui/test_line_breaking.py", "tests/ui/test_line_edges.py")
pytest_plugins = ["tests.support.first_tries"]


def pytest_configure(config):
    """Each process that runs tests gets a PulseAudio null sink and a speech-dispatcher of its own
    (tests/support/sound.py ProcessSound): sound tests on different xdist workers run side by side."""
    from _pytest.unraisableexception import gc_collect_iterations_key

    from tests.support.cpu_ledger import register as register_cpu_ledger

    register_cpu_ledger(config)  # only where FENGGANG_TEST_CPU_LEDGER names a folder
    # At the end of a run pytest collects garbage five times before it reports unraisable exceptions (pytest 8.4's
    # default, from Trio): in the xdist controller, ~600,000 objects, that was 2-3 CPU-s after the last test, and the
    # four collections after the first found nothing (tests/core, tests/ui runs). One is kept.
    config.stash[gc_collect_iterations_key] = 1
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        return  # the xdist controller only hands out tests
    from tests.support.sound import ProcessSound

    config.stash[PROCESS_SOUND] = ProcessSound().start()


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own hook, which reads the group into the test's id
def pytest_collection_modifyitems(config, items):
    for item in items:
        module = item.nodeid.partition("::")[0]
        if module in SHARED_FIXTURE_MODULES:
            item.add_marker(pytest.mark.xdist_group("laid-out views" if module in LAID_OUT_VIEW_MODULES else module))
        elif item.get_closest_marker("shared_window") is not None:  # one window a module, not one a worker
            item.add_marker(pytest.mark.xdist_group(f"{module} shared window"))
    # pytest-xdist hands out single tests in collection order: the test of typesetting after any change (~10 CPU-s)
    # came last and ran alone at the end for ~15 s while the other workers had finished.
    items.sort(key=lambda item: item.get_closest_marker("early") is None)  # a stable sort: the rest keep their order


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    session.config.stash[EXIT_STATUS] = int(exitstatus)


def pytest_unconfigure(config):
    stuck = _stop_loop_threads()
    sound = config.stash.get(PROCESS_SOUND, None)
    if sound is not None:
        sound.stop()
    if stuck:  # as the app does (fenggang_reader/cli.py): never let Python finalize under a live Qt thread
        print(f"conftest: {', '.join(stuck)} still running at the end; ending without finalizing", file=sys.stderr)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(config.stash.get(EXIT_STATUS, 1))


def _stop_loop_threads() -> list[str]:
    """The players' and voices' loop threads that tests left running: a Qt event on one of them while Python
    finalizes ended the test process with SIGSEGV after every test had passed (exit 139)."""
    loop_thread = sys.modules.get("fenggang_reader.speech.loop_thread")
    return loop_thread.stop_all(timeout_s=10.0) if loop_thread is not None else []


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
