"""Voice messages give each system's own advice: packages on Linux, the settings page on Windows and macOS."""

from __future__ import annotations

from fenggang_reader.speech import voice_advice


def test_each_system_gets_its_own_advice(qapp):
    linux, windows, mac = (voice_advice.no_chinese_voice(p) for p in ("linux", "win32", "darwin"))
    assert "espeak-ng" in linux
    assert "Settings ▸ Time & language ▸ Speech" in windows and "espeak" not in windows
    assert "Spoken Content" in mac and "espeak" not in mac
    assert "speech-dispatcher" in voice_advice.no_engine("linux")
    assert "speech-dispatcher" not in voice_advice.no_engine("win32")
    assert "speech-dispatcher" not in voice_advice.no_engine("darwin")
    assert "espeak-ng" in voice_advice.offline_export_unavailable("linux")
    assert "espeak" not in voice_advice.offline_export_unavailable("win32")
    assert "ffmpeg" not in voice_advice.offline_export_unavailable("linux")  # MP3 comes from lameenc now
