"""Speech failures are kinds made in speech/ and told in the interface's language by the window."""

from __future__ import annotations

import pytest

from fenggang_reader.speech.backend import Failure
from fenggang_reader.speech.types import SpeechErrorKind
from fenggang_reader.ui import i18n
from fenggang_reader.ui.speech_errors import describe, describe_kind
from tests.ui.test_i18n import LANGUAGES, offenders


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_kind_is_told_in_the_interface_language(app, language):
    i18n.apply_language(language)
    try:
        texts = [(kind.id, describe_kind(kind)) for kind in SpeechErrorKind]
        assert all(text for _kind, text in texts)
        assert not offenders(texts, language)
        assert len({text for _kind, text in texts}) >= len(texts) - 1  # TIMEOUT and TOO_SLOW may say the same
    finally:
        i18n.apply_language("en")


def test_the_window_names_failures_in_its_language(window):
    i18n.apply_language("zh_CN")
    try:
        said = window.read_aloud.controller.describe(Failure("HTTP 429", SpeechErrorKind.BUSY))
        assert said == describe_kind(SpeechErrorKind.BUSY) and said != SpeechErrorKind.BUSY.plain
    finally:
        i18n.apply_language("en")
    assert describe(Failure("x", SpeechErrorKind.SYSTEM_VOICE, detail="The system voice is still starting.")) \
        == "The system voice is still starting."


def test_retryability_belongs_to_the_kind():
    assert SpeechErrorKind.BUSY.retryable and SpeechErrorKind.TIMEOUT.retryable
    assert not SpeechErrorKind.REFUSED.retryable and not SpeechErrorKind.NOT_INSTALLED.retryable
