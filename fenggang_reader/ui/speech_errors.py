"""What each kind of speech failure is called, in the interface's language.

speech/ reports failures as kinds (speech/types.SpeechErrorKind) and never builds sentences for the
listener, so an English window never shows a Chinese reason inside an English notice.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..speech.backend import Failure
from ..speech.types import SpeechErrorKind


def _t(text: str) -> str:
    return QCoreApplication.translate("SpeechError", text)


def describe_kind(kind: SpeechErrorKind) -> str:
    """One short sentence for the status bar and the screen reader."""
    texts = {
        SpeechErrorKind.UNREACHABLE: _t("The online voices cannot be reached; check the network."),
        SpeechErrorKind.CONNECTION_LOST: _t("The connection to the online voices was lost."),
        SpeechErrorKind.REFUSED: _t("The online voices refused the request; check the computer's date and time."),
        SpeechErrorKind.BUSY: _t("The online voices are busy; try again later."),
        SpeechErrorKind.TIMEOUT: _t("The online voices did not answer in time."),
        SpeechErrorKind.INCOMPLETE: _t("The online voice's sound did not arrive complete."),
        SpeechErrorKind.BAD_ANSWER: _t("The online voices' answer could not be understood."),
        SpeechErrorKind.UNEXPECTED: _t("The online voices answered in an unexpected way."),
        SpeechErrorKind.INVALID_SETTINGS: _t("The speed, pitch or volume setting is not valid."),
        SpeechErrorKind.INVALID_VOICE: _t("This is not the name of an online voice."),
        SpeechErrorKind.INVALID_ENDPOINT: _t("The address set for the online voices is not valid."),
        SpeechErrorKind.NOT_INSTALLED: _t("Parts of the online voices are missing or damaged; please reinstall "
                                          "Fenggang Reader."),
        SpeechErrorKind.TOO_SLOW: _t("The online voices did not answer in time."),
        SpeechErrorKind.PLAYBACK: _t("The sound could not be played."),
        SpeechErrorKind.SOUND_STALLED: _t("The sound stopped coming through."),
        SpeechErrorKind.SYSTEM_VOICE: _t("The offline voice failed."),
    }
    return texts[kind]


def describe(failure: Failure) -> str:
    """The failure as the listener is told it: the offline voice's own (translated) message, or its kind."""
    return failure.detail or describe_kind(failure.kind)
