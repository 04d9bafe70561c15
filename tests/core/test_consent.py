"""The one consent rule for the online voices (core/consent.py), as the window and the command line use it."""

from __future__ import annotations

import pytest

from fenggang_reader.core.consent import OnlineVoices, online_voices, online_voices_for
from fenggang_reader.core.settings import Settings


@pytest.mark.parametrize(("offline_only", "accepted", "allow_online", "expected"), [
    (False, False, False, OnlineVoices.NOT_ACCEPTED),
    (False, True, False, OnlineVoices.ALLOWED),
    (True, True, False, OnlineVoices.OFFLINE_ONLY),  # "never send" wins over an earlier yes
    (True, False, False, OnlineVoices.OFFLINE_ONLY),
    (False, False, True, OnlineVoices.ALLOWED),  # --allow-online: explicit, for one run
    (True, False, True, OnlineVoices.ALLOWED),
])
def test_the_rule(offline_only, accepted, allow_online, expected):
    assert online_voices(offline_only=offline_only, notice_accepted=accepted, allow_online=allow_online) is expected
    assert expected.allowed is (expected is OnlineVoices.ALLOWED)


def test_a_new_profile_sends_nothing_online():
    settings = Settings()
    assert online_voices_for(settings) is OnlineVoices.NOT_ACCEPTED
    settings.set("edge_notice_accepted", True)
    assert online_voices_for(settings).allowed
    settings.set("offline_only", True)
    assert online_voices_for(settings) is OnlineVoices.OFFLINE_ONLY
