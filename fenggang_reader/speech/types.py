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


class SpeechError(Exception):
    """A failure the listener should hear about; ``user_message`` is short and plain."""

    def __init__(self, message: str, user_message: str = "", retry_after: float | None = None):
        super().__init__(message)
        self.user_message = user_message or message
        self.retry_after = retry_after
