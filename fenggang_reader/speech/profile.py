"""The speech profile: everything about the voice that reading aloud, the voice dialog and every export must
agree on, built in one place from the settings and the environment.

Before, the Edge endpoint's precedence was decided in three places (two of them with opposite rules) and the
consent rule, voice parameters and proxy were read separately by each caller. Rules kept here:

- the address of the online voices: ``FENGGANG_READER_EDGE_ENDPOINT`` wins over the setting ``edge_endpoint``
  (tests and a local relay set the variable); empty means Microsoft's service;
- whether text may be sent online: core/consent.py (the accepted notice, offline-only, ``--allow-online``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace

from fenggang_reader.core.consent import OnlineVoices, online_voices_for
from fenggang_reader.core.settings import (
    EDGE_ENDPOINT,
    MARKER_SPEECH,
    PROXY,
    READ_CONTINUOUSLY,
    SPEECH_ENGINE,
    SPEECH_PITCH,
    SPEECH_RATE,
    SPEECH_VOLUME,
    SYSTEM_VOICE,
    VOICE,
    Settings,
)
from fenggang_reader.core.spoken import MarkerPolicy
from fenggang_reader.speech.edge import ENDPOINT_ENV, EdgeEndpointError, check_endpoint
from fenggang_reader.speech.types import Engine, VoiceParams


@dataclass(frozen=True)
class SpeechProfile:
    params: VoiceParams
    engine: Engine  # the preferred engine; the other one is the fallback
    online: OnlineVoices  # may text be sent to the online voices (core/consent.py)
    endpoint: str | None  # base URL of the online voices; None for Microsoft's service (or a bad address)
    endpoint_error: EdgeEndpointError | None  # the address chosen is not http(s): no request may be sent
    proxy: str | None
    continuous: bool  # read on into the next paragraphs
    system_voice: str  # the offline voice chosen; "" picks one matching the online voice
    markers: MarkerPolicy  # how glossary markers such as [1] are spoken

    @property
    def edge_allowed(self) -> bool:
        return self.online.allowed

    def checked_endpoint(self) -> str | None:
        """The endpoint to send requests to; EdgeEndpointError (saying which variable or setting) when it is bad."""
        if self.endpoint_error is not None:
            raise self.endpoint_error
        return self.endpoint

    @classmethod
    def from_settings(cls, settings: Settings, environ: Mapping[str, str] | None = None, *,
                      allow_online: bool = False) -> SpeechProfile:
        """The profile for these settings and this environment (os.environ unless given).

        ``allow_online`` is the command line's explicit permission for one run (``--allow-online``).
        """
        try:
            endpoint, error = edge_endpoint(settings, os.environ if environ is None else environ), None
        except EdgeEndpointError as exc:
            endpoint, error = None, exc
        params = VoiceParams(settings.value(VOICE), float(settings.value(SPEECH_RATE)), settings.value(SPEECH_PITCH),
                             settings.value(SPEECH_VOLUME))
        return cls(
            params=params,
            engine=Engine(settings.value(SPEECH_ENGINE)),
            online=online_voices_for(settings, allow_online=allow_online),
            endpoint=endpoint,
            endpoint_error=error,
            proxy=settings.value(PROXY).strip() or None,
            continuous=settings.value(READ_CONTINUOUSLY),
            system_voice=settings.value(SYSTEM_VOICE),
            markers=MarkerPolicy.from_setting(settings.value(MARKER_SPEECH)),
        )

    def with_voice(self, voice: str | None = None, rate: float | None = None) -> SpeechProfile:
        """The same profile with another voice or speed (the export dialog's and the command line's choice)."""
        params = replace(self.params, voice=voice or self.params.voice,
                         rate=self.params.rate if rate is None else rate)
        return replace(self, params=params)


def edge_endpoint(settings: Settings, environ: Mapping[str, str]) -> str | None:
    """The base URL of the online voices, None for Microsoft's: the environment variable wins over the setting."""
    from_env = environ.get(ENDPOINT_ENV, "").strip()
    chosen, source = (from_env, "environment") if from_env else (settings.value(EDGE_ENDPOINT).strip(), "setting")
    try:
        checked = check_endpoint(chosen)
    except EdgeEndpointError as exc:
        where = f"the environment variable {ENDPOINT_ENV}" if source == "environment" else "the setting edge_endpoint"
        raise EdgeEndpointError(f"{where} must be an http:// or https:// address like https://host[:port][/path], "
                                f"not {chosen!r}") from exc
    return checked
