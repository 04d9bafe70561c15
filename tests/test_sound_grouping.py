"""The suite's own promise (tests/conftest.py): under ``--dist loadgroup`` every sound test runs on one worker.

pytest 9 with pytest-xdist 3.8 silently dropped the group (xdist writes the group into ``item._nodeid``, which
pytest 9 no longer reads), so the .deb was built twice at once into one folder and voices were recorded over
each other. This test fails if that happens again.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.sound


def test_a_sound_test_carries_the_sound_group(request):
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("not run by pytest-xdist with --dist loadgroup")
    assert request.node.nodeid.endswith("@sound"), request.node.nodeid
