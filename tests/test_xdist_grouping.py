"""Three promises the parallel run rests on (tools/run-tests runs the suite with pytest-xdist, ``--dist loadgroup``).

1. Each test process has its own sound server and speech-dispatcher (tests/conftest.py), so tests that make,
   record or speak sound can run on every worker at once without hearing each other.
2. ``xdist_group`` keeps a module's tests on one worker (the .deb tests share one build). pytest 9 with
   pytest-xdist 3.8 silently dropped the group (xdist writes it into ``item._nodeid``, which pytest 9 no longer
   reads), so the .deb was built twice at once into one folder: pytest stays at 8.4.2 until that is fixed.
3. Tests marked ``early`` come first in the collection, which is the order pytest-xdist hands single tests out in.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PROCESS_SOUND
from tests.support.sound import NULL_SINK, SPEECHD_ENV


@pytest.mark.xdist_group("grouping-check")
def test_a_grouped_test_carries_its_group(request):
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("not run by pytest-xdist with --dist loadgroup")
    assert request.node.nodeid.endswith("@grouping-check"), request.node.nodeid


def test_this_process_has_a_sound_server_and_dispatcher_of_its_own(request):
    sound = request.config.stash[PROCESS_SOUND]
    server = os.environ.get("PULSE_SERVER", "")
    if not server:
        pytest.skip(f"no PulseAudio of its own here (tests that need sound skip): {sound.problems}")
    assert server.startswith("unix:") and "fenggang-sound-" in server, server
    info = subprocess.run(["pactl", "--server", server, "info"], capture_output=True, text=True, timeout=10)
    assert f"Default Sink: {NULL_SINK}" in info.stdout, info.stdout + info.stderr
    address = os.environ.get(SPEECHD_ENV, "")
    assert address and os.environ["SPEECHD_ADDRESS"] == address, f"no speech-dispatcher of its own: {sound.problems}"
    socket = Path(address.removeprefix("unix_socket:"))
    assert socket.exists() and (socket.parent / "owner").read_text(encoding="ascii") == str(os.getpid())


def test_modules_kept_on_one_worker_exist_and_share_a_module_fixture():
    from tests.conftest import ROOT, SHARED_FIXTURE_MODULES

    for module in SHARED_FIXTURE_MODULES:
        assert 'scope="module"' in (ROOT / module).read_text(encoding="utf-8"), module


def test_the_early_tests_come_first(request):
    """Tests marked ``early`` (many seconds each) are collected before the rest, so pytest-xdist starts them first."""
    early = [item.get_closest_marker("early") is not None for item in request.session.items]
    if not any(early):
        pytest.skip("no test marked early in this run")
    last_early = max(index for index, is_early in enumerate(early) if is_early)
    assert all(early[:last_early + 1]), f"{request.session.items[early.index(False)].nodeid} comes before an early test"
