"""Plain data shared by the speech backends, the cache and the read-aloud controller (no Qt)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class ReadState(enum.Enum):
    """Where read aloud is; here (no Qt) so the UI can name it without loading the speech back-ends."""

    STOPPED = "stopped"
    PLAYING = "playing"
    PAUSED = "paused"


class Engine(enum.Enum):
    EDGE = "edge"
    SYSTEM = "system"


@dataclass(frozen=True)
class VoiceParams:
    """What the listener chose; part of every audio cache key."""

    voice: str = "zh-CN-XiaoxiaoNeural"
    rate: float = 1.0  # 0.5×–2×
    pitch: int = 0  # Hz offset, -50..+50
    volume: int = 0  # percent offset, -50..+50

    def edge_rate(self) -> str:
        return f"{round((self.rate - 1.0) * 100):+d}%"

    def edge_pitch(self) -> str:
        return f"{self.pitch:+d}Hz"

    def edge_volume(self) -> str:
        return f"{self.volume:+d}%"


@dataclass(frozen=True)
class Boundary:
    """A sentence or word the engine reported: when it is heard, and where it is in the spoken text."""

    offset_ms: float
    duration_ms: float
    text: str
    start: int  # offsets into the spoken text of the request
    end: int


@dataclass
class Audio:
    """Synthesised speech for one request: MP3 bytes and the boundaries inside it."""

    mp3: bytes
    boundaries: list[Boundary] = field(default_factory=list)
    engine: Engine = Engine.EDGE
    voice: str = ""

    @property
    def duration_ms(self) -> float:
        """MP3 from Edge is 48 kbit/s CBR: duration = bytes × 8 / 48000 s."""
        return len(self.mp3) * 8 / 48000 * 1000


class SpeechErrorKind(enum.Enum):
    """What went wrong with a voice, as the listener is told it: the window says each kind in the interface's
    language (ui/speech_errors.py), the command line in plain English (``plain``). The value says whether
    another attempt may help."""

    UNREACHABLE = ("unreachable", False)  # no connection to the online voices (offline, DNS, refused)
    CONNECTION_LOST = ("connection_lost", True)  # the connection broke or the service had an internal error
    REFUSED = ("refused", False)  # 403: usually this computer's clock is wrong
    BUSY = ("busy", True)  # 429/503: too many requests, try later
    TIMEOUT = ("timeout", True)  # the service did not answer in time
    INCOMPLETE = ("incomplete", True)  # the audio stopped before the end of the text
    BAD_ANSWER = ("bad_answer", True)  # an answer that could not be understood
    UNEXPECTED = ("unexpected", False)  # an answer no other attempt will change (HTTP 4xx, an unknown error)
    INVALID_SETTINGS = ("invalid_settings", False)  # speed, pitch or volume out of what the service takes
    INVALID_VOICE = ("invalid_voice", False)  # not a name of an online voice
    INVALID_ENDPOINT = ("invalid_endpoint", False)  # the address set for the online voices is not http(s)
    NOT_INSTALLED = ("not_installed", False)  # edge-tts/aiohttp missing or broken in this installation
    TOO_SLOW = ("too_slow", False)  # no audio in the time the listener can wait; the request goes on
    PLAYBACK = ("playback", False)  # the audio could not be played
    SOUND_STALLED = ("sound_stalled", True)  # the sound stopped coming through (a stalled sound server)
    SYSTEM_VOICE = ("system_voice", False)  # the offline voice failed (its own message says how)

    def __init__(self, name: str, retryable: bool):
        self.id = name
        self.retryable = retryable

    @property
    def plain(self) -> str:
        """One English sentence for logs and the command line."""
        return _PLAIN[self]


_PLAIN = {
    SpeechErrorKind.UNREACHABLE: "The online voices cannot be reached; check the network.",
    SpeechErrorKind.CONNECTION_LOST: "The connection to the online voices was lost.",
    SpeechErrorKind.REFUSED: "The online voice service refused the request; check the computer's date and time.",
    SpeechErrorKind.BUSY: "The online voice service is busy; try again later.",
    SpeechErrorKind.TIMEOUT: "The online voice service did not answer in time.",
    SpeechErrorKind.INCOMPLETE: "The online voice's audio did not arrive complete.",
    SpeechErrorKind.BAD_ANSWER: "The online voice service's answer could not be understood.",
    SpeechErrorKind.UNEXPECTED: "The online voice service answered in an unexpected way.",
    SpeechErrorKind.INVALID_SETTINGS: "The speed, pitch or volume setting is not valid.",
    SpeechErrorKind.INVALID_VOICE: "This is not the name of an online voice.",
    SpeechErrorKind.INVALID_ENDPOINT: "The address set for the online voices is not an http:// or https:// address.",
    SpeechErrorKind.NOT_INSTALLED: "The online voice's components are missing or damaged; reinstall the reader.",
    SpeechErrorKind.TOO_SLOW: "The online voice did not answer in time.",
    SpeechErrorKind.PLAYBACK: "The sound could not be played.",
    SpeechErrorKind.SOUND_STALLED: "The sound stopped coming through.",
    SpeechErrorKind.SYSTEM_VOICE: "The offline voice failed.",
}


class SpeechError(Exception):
    """A failure the listener should hear about: its ``kind``; the message is for the log."""

    kind = SpeechErrorKind.UNREACHABLE

    def __init__(self, message: str, kind: SpeechErrorKind | None = None, retry_after: float | None = None):
        super().__init__(message)
        if kind is not None:
            self.kind = kind
        self.retry_after = retry_after
