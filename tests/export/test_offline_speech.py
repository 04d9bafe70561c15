"""The offline export voice: WAV parsing, MP3 in Edge's format through lameenc, each platform's synthesiser."""

from __future__ import annotations

import array
import math
import shutil
import struct

import pytest

from fenggang_reader.export import offline_speech
from fenggang_reader.export.offline_speech import OfflineSpeechError, Prosody
from tests.support.edge_server import mp3_is_cbr48

RATE = 22050


def _tone(seconds: float, rate: int = RATE, channels: int = 1) -> bytes:
    samples = (int(8000 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(int(seconds * rate)))
    mono = array.array("h", samples)
    if channels == 1:
        return mono.tobytes()
    return array.array("h", (value for sample in mono for value in (sample, sample))).tobytes()


def _wav(pcm: bytes, rate: int, channels: int = 1, streamed: bool = False) -> bytes:
    size = 0xFFFFFFFF if streamed else len(pcm)
    fmt = struct.pack("<HHIIHH", 1, channels, rate, rate * 2 * channels, 2 * channels, 16)
    return (b"RIFF" + struct.pack("<I", 0xFFFFFFFF if streamed else 36 + len(pcm)) + b"WAVE"
            + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"LIST" + struct.pack("<I", 4) + b"INFO"
            + b"data" + struct.pack("<I", size) + pcm)


@pytest.mark.parametrize("streamed", [False, True])
def test_wav_is_parsed_also_when_streamed_without_sizes(streamed):
    pcm = _tone(0.5)
    assert offline_speech.parse_wav(_wav(pcm, RATE, streamed=streamed)) == (pcm, RATE, 1)


def test_not_wav_is_a_clear_error():
    with pytest.raises(OfflineSpeechError, match="WAV"):
        offline_speech.parse_wav(b"ID3\x03garbage")


@pytest.mark.parametrize("channels", [1, 2])
def test_mp3_has_edges_format_and_length(channels):
    mp3 = offline_speech.encode_mp3(_tone(2.0, channels=channels), RATE, channels)
    assert mp3_is_cbr48(mp3), "MPEG-2 layer III, 24 kHz mono, 48 kbit/s, no tag frames"
    seconds = len(mp3) * 8 / 48000
    assert 2.0 <= seconds <= 2.2, seconds
    assert offline_speech.encode_mp3(b"", RATE) == b""


def test_missing_names_what_to_install(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda program: None)
    assert offline_speech.missing("linux") == ["espeak-ng"]
    assert offline_speech.missing("darwin") == ["say"]
    assert offline_speech.missing("win32") == []  # WinRT is part of Windows; its voices are checked when used
    assert offline_speech.missing("sunos5")
    monkeypatch.setattr(offline_speech, "_platform", lambda: "linux")
    with pytest.raises(OfflineSpeechError, match="espeak-ng"):
        offline_speech.synthesiser()


def test_macos_say_picks_the_first_voice_of_the_locale(monkeypatch):
    listing = ("Albert              en_US    # Hello! My name is Albert.\n"
               "Sinji               zh_HK    # 你好！我叫善怡。\n"
               "Tingting            zh_CN    # 你好！我叫婷婷。\n").encode()
    calls = []

    def fake_run(command):
        calls.append(command)
        return listing

    monkeypatch.setattr(offline_speech, "_run", fake_run)
    assert offline_speech.MacSay(cantonese=False).voice == "Tingting"
    assert offline_speech.MacSay(cantonese=True).voice == "Sinji"
    monkeypatch.setattr(offline_speech, "_run", lambda command: b"Albert  en_US  # Hello\n")
    with pytest.raises(OfflineSpeechError, match="Manage Voices"):
        offline_speech.MacSay(cantonese=False)


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="needs espeak-ng (./dev installs it)")
@pytest.mark.parametrize("cantonese", [False, True])
def test_espeak_ng_speaks_chinese_to_mp3_and_follows_the_rate(cantonese):
    voice = offline_speech.EspeakNg(cantonese)
    normal = offline_speech.speak_mp3(voice, "凤岗镇政府工作报告。", Prosody())
    fast = offline_speech.speak_mp3(voice, "凤岗镇政府工作报告。", Prosody(rate=2.0))
    assert mp3_is_cbr48(normal) and mp3_is_cbr48(fast)
    assert len(fast) < len(normal) * 0.75, "twice the rate should be clearly shorter"
    assert offline_speech.speak_mp3(voice, "  ", Prosody()) == b""


def test_loopback_edge_service_can_answer_with_a_tone(monkeypatch):
    """--tone: the release runners have no espeak-ng, yet the frozen app's online voice must be heard there."""
    from tests.support import edge_server

    monkeypatch.setattr(edge_server, "USE_TONE", True)
    assert edge_server.tools_missing() == []
    rendered = edge_server.render("凤岗读报。自检。", "cmn", "+0%", "+0Hz", "+0%", words=False)
    assert mp3_is_cbr48(rendered.mp3)
    assert [b[0] for b in rendered.boundaries] == ["凤岗读报。", "自检。"]
    last = rendered.boundaries[-1]
    audio_ticks = len(rendered.mp3) * 8 / 48000 * 10_000_000
    assert audio_ticks >= last[1] + last[2], "the audio reaches the end of the last boundary"
