"""The offline voice for audio exports: the platform's own speech synthesiser → PCM → MP3 in Edge's format.

Qt's ``QTextToSpeech::synthesize()`` would give the audio of the system voice on every platform, but it is a
C++ template PySide6 does not bind, and Linux's speechd engine cannot synthesise anyway. So each platform's
synthesiser is asked directly, with the voices Qt's engine there speaks with:

- Linux: espeak-ng (the engine behind speech-dispatcher's Chinese voices), WAV on stdout.
- macOS: ``/usr/bin/say`` (part of every macOS; the system voices, e.g. Tingting, Sinji, Meijia), WAV file.
- Windows: ``Windows.Media.SpeechSynthesis`` (WinRT: the voices of Settings ▸ Time & language ▸ Speech, what Qt's
  winrt engine uses) through PyWinRT.

MP3 is encoded by LAME through lameenc, in the format Edge delivers (MPEG-2 layer III, 24 kHz mono, 48 kbit/s
CBR, no tag frames), so offline and online audio share the exporter's arithmetic and players' expectations.
No external encoder (ffmpeg) is needed anywhere.
"""

from __future__ import annotations

import asyncio
import shutil
import struct
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import lameenc

OUT_RATE = 24_000
BITRATE_KBPS = 48


class OfflineSpeechError(Exception):
    """The platform's synthesiser is missing or failed; the message says what to install or what went wrong."""


class NoChineseVoice(OfflineSpeechError):
    """The synthesiser is there but has no Chinese voice; the message says where to add one."""


@dataclass(frozen=True)
class Prosody:
    """Rate 0.5–2 (×), pitch −50…50 (Hz-like offset), volume −50…50 (%), as the reader's settings hold them."""

    rate: float = 1.0
    pitch: int = 0
    volume: int = 0


def encode_mp3(pcm: bytes, rate: int, channels: int = 1) -> bytes:
    """16-bit little-endian PCM → MP3 like Edge's: 24 kHz mono 48 kbit/s CBR, no Xing/ID3 frames."""
    if not pcm:
        return b""
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(BITRATE_KBPS)
    encoder.set_in_sample_rate(rate)
    encoder.set_out_sample_rate(OUT_RATE)
    encoder.set_channels(channels)
    encoder.set_quality(2)
    if channels == 2:  # LAME's mono output from stereo input: down-mix first
        samples = struct.unpack(f"<{len(pcm) // 2}h", pcm[: len(pcm) // 4 * 4])
        pcm = struct.pack(f"<{len(samples) // 2}h", *((a + b) // 2 for a, b in zip(samples[::2], samples[1::2],
                                                                                  strict=True)))
        encoder.set_channels(1)
    return bytes(encoder.encode(pcm)) + bytes(encoder.flush())


def parse_wav(data: bytes) -> tuple[bytes, int, int]:
    """(16-bit PCM, sample rate, channels) of a WAV file, including espeak-ng's streamed one whose sizes are
    0xFFFFFFFF (the data chunk then runs to the end)."""
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise OfflineSpeechError("the synthesiser did not return WAV audio")
    offset, rate, channels, bits = 12, 0, 0, 0
    while offset + 8 <= len(data):
        chunk, size = data[offset:offset + 4], struct.unpack_from("<I", data, offset + 4)[0]
        body = offset + 8
        if chunk == b"fmt ":
            _format, channels, rate, _byte_rate, _align, bits = struct.unpack_from("<HHIIHH", data, body)
        elif chunk == b"data":
            end = len(data) if size in (0, 0xFFFFFFFF) or body + size > len(data) else body + size
            if bits != 16 or channels not in (1, 2):
                raise OfflineSpeechError(f"unsupported WAV audio: {bits}-bit, {channels} channels")
            return data[body:end], rate, channels
        offset = body + size + (size & 1)
    raise OfflineSpeechError("WAV audio without a data chunk")


# ------------------------------------------------------------------------------------------ synthesisers


class Synthesiser(Protocol):
    """Speaks one text to WAV bytes; ``label`` names the engine and voice for the export's summary."""

    label: str

    def wav(self, text: str, prosody: Prosody) -> bytes: ...


class EspeakNg:
    def __init__(self, cantonese: bool):
        self.voice = "yue" if cantonese else "cmn"
        self.label = f"espeak-ng {self.voice}"

    def wav(self, text: str, prosody: Prosody) -> bytes:
        speed = max(80, min(450, round(175 * prosody.rate)))
        pitch = max(0, min(99, 50 + prosody.pitch))
        amplitude = max(0, min(200, round(100 * (1 + prosody.volume / 100))))
        return _run(["espeak-ng", "-v", self.voice, "-s", str(speed), "-p", str(pitch), "-a", str(amplitude),
                     "--stdout", "--", text])


class MacSay:
    """``say`` with the first installed voice of the locale (Tingting zh_CN, Sinji zh_HK come with macOS)."""

    def __init__(self, cantonese: bool):
        locale = "zh_HK" if cantonese else "zh_CN"
        listing = _run(["say", "-v", "?"]).decode("utf-8", "replace").splitlines()
        names = [line.split(locale)[0].strip() for line in listing if f" {locale} " in f" {line} "]
        if not names:
            raise NoChineseVoice(f"macOS has no {locale} voice: add one in System Settings ▸ Accessibility ▸ "
                                     "Spoken Content ▸ System voice ▸ Manage Voices…")
        self.voice = names[0]
        self.label = f"macOS {self.voice}"

    def wav(self, text: str, prosody: Prosody) -> bytes:
        words_per_minute = max(90, min(400, round(185 * prosody.rate)))
        with tempfile.TemporaryDirectory(prefix="fenggang-say-") as folder:
            path = Path(folder) / "speech.wav"
            _run(["say", "-v", self.voice, "-r", str(words_per_minute), "--file-format=WAVE",
                  "--data-format=LEI16@24000", "-o", str(path), "--", text])
            return path.read_bytes()


class WindowsSpeech:
    """WinRT SpeechSynthesizer with a zh-CN (or zh-HK) voice; the synthesis is awaited on a private loop."""

    def __init__(self, cantonese: bool):
        try:
            from winrt.windows.media.speechsynthesis import SpeechSynthesizer
        except ImportError as exc:
            raise OfflineSpeechError(f"the Windows voices cannot be reached from Python ({exc})") from exc
        language = "zh-hk" if cantonese else "zh-cn"
        voices = [v for v in SpeechSynthesizer.all_voices if v.language.lower() == language]
        voices = voices or [v for v in SpeechSynthesizer.all_voices if v.language.lower().startswith("zh")]
        if not voices:
            raise NoChineseVoice("Windows has no Chinese voice: add one in Settings ▸ Time & language ▸ Speech ▸ "
                                     "Add voices ▸ Chinese (Simplified, China)")
        self._synth = SpeechSynthesizer()
        self._synth.voice = voices[0]
        self.label = f"Windows {voices[0].display_name}"

    def wav(self, text: str, prosody: Prosody) -> bytes:
        options = self._synth.options
        options.speaking_rate = max(0.5, min(6.0, prosody.rate))
        options.audio_pitch = max(0.0, min(2.0, 1.0 + prosody.pitch / 50))
        options.audio_volume = max(0.0, min(1.0, 1.0 + prosody.volume / 100))
        return asyncio.run(self._synthesise(text))

    async def _synthesise(self, text: str) -> bytes:
        from winrt.windows.storage.streams import DataReader

        stream = await self._synth.synthesize_text_to_stream_async(text)
        reader = DataReader(stream.get_input_stream_at(0))
        size = await reader.load_async(stream.size)
        data = bytearray(size)
        reader.read_bytes(data)
        return bytes(data)


def _run(command: list[str]) -> bytes:
    try:
        return subprocess.run(command, check=True, capture_output=True, timeout=120).stdout
    except subprocess.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode(errors="replace")[-200:]
        raise OfflineSpeechError(f"{command[0]} failed: {detail.strip() or exc}") from exc
    except (subprocess.TimeoutExpired, OSError) as exc:
        raise OfflineSpeechError(f"{command[0]} failed: {exc}") from exc


SYNTHESISERS: dict[str, tuple[Callable[[bool], Synthesiser], str]] = {
    # platform → (factory, what must be installed, for the message when it is missing)
    "linux": (EspeakNg, "espeak-ng"),
    "darwin": (MacSay, "say"),
    "win32": (WindowsSpeech, ""),
}


def _platform() -> str:
    return "linux" if sys.platform.startswith("linux") else sys.platform


def missing(platform: str | None = None) -> list[str]:
    """What the offline export voice needs that is not installed (empty when it can run)."""
    platform = platform or _platform()
    if platform not in SYNTHESISERS:
        return [f"a speech synthesiser for {platform}"]
    program = SYNTHESISERS[platform][1]
    return [program] if program and shutil.which(program) is None else []


def synthesiser(cantonese: bool = False) -> Synthesiser:
    """This platform's synthesiser; OfflineSpeechError when it has none (the message says what to add)."""
    platform = _platform()
    if missing(platform):
        raise OfflineSpeechError(f"the offline voice needs {', '.join(missing(platform))}, which is not installed")
    return SYNTHESISERS[platform][0](cantonese)


def speak_mp3(voice: Synthesiser, text: str, prosody: Prosody) -> bytes:
    """One text as MP3 in Edge's format; b"" for text with nothing to say."""
    if not text.strip():
        return b""
    pcm, rate, channels = parse_wav(voice.wav(text, prosody))
    return encode_mp3(pcm, rate, channels)
