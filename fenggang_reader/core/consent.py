"""Whether text may be sent to the online (Edge) voices: one rule for reading aloud, the exports and the CLI.

The listener's consent is two settings: ``edge_notice_accepted`` (they were told that the online voices send
the text to Microsoft and said yes) and ``offline_only`` (never send it). The command line may add an explicit
``--allow-online`` for one run, so a script can export with the online voices on a profile that never saw the
notice; nothing else overrides the listener's answer.
"""

from __future__ import annotations

from enum import Enum
from typing import Protocol


class OnlineVoices(Enum):
    ALLOWED = "allowed"
    NOT_ACCEPTED = "not_accepted"  # the notice was never accepted: nothing may leave the computer yet
    OFFLINE_ONLY = "offline_only"  # the listener chose "never send text to online voices"

    @property
    def allowed(self) -> bool:
        return self is OnlineVoices.ALLOWED


class _Values(Protocol):
    def __getitem__(self, name: str) -> object: ...


def online_voices(*, offline_only: bool, notice_accepted: bool, allow_online: bool = False) -> OnlineVoices:
    """The rule itself: an explicit per-run permission, else offline-only wins, else the accepted notice."""
    if allow_online:
        return OnlineVoices.ALLOWED
    if offline_only:
        return OnlineVoices.OFFLINE_ONLY
    if not notice_accepted:
        return OnlineVoices.NOT_ACCEPTED
    return OnlineVoices.ALLOWED


def online_voices_for(settings: _Values, *, allow_online: bool = False) -> OnlineVoices:
    """The rule applied to the reader's settings (core.settings.Settings or any name → value mapping)."""
    return online_voices(offline_only=bool(settings["offline_only"]),
                         notice_accepted=bool(settings["edge_notice_accepted"]), allow_online=allow_online)
