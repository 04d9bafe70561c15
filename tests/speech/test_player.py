"""The MP3 player: real Edge-format audio reaches the audio device, boundaries follow, pause and stop work."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from fenggang_reader.speech.audio_pipe import AudioPipe, supported
from fenggang_reader.speech.player import AudioPlayer, PlayerState, quiet_ffmpeg_log, source_serial, source_url
from fenggang_reader.speech.types import Audio, Boundary
from tests.support.edge_server import render, tools_missing
from tests.support.sound import Recorder, ensure_null_sink

pytestmark = pytest.mark.qt_log_ignore("pipewire")


@pytest.fixture(scope="module")
def audio() -> Audio:
    if tools_missing():
        pytest.skip(f"needs {', '.join(tools_missing())}")
    rendered = render("今年是收官之年。我们要努力工作。", "cmn", "+0%", "+0Hz", "+0%", False)
    boundaries = [Boundary(o / 10_000, d / 10_000, t, 0, len(t)) for t, o, d in rendered.boundaries]
    return Audio(rendered.mp3, boundaries)


@pytest.fixture
def sink():
    reason = ensure_null_sink()
    if reason:
        pytest.skip(reason)


def test_plays_to_the_end_with_boundaries_and_real_sound(qtbot, audio, sink, tmp_path):
    player = AudioPlayer()
    seen: list[int] = []
    player.boundary.connect(seen.append)
    with Recorder(tmp_path / "rec.raw") as rec:
        with qtbot.waitSignal(player.audio_started, timeout=5000):
            player.play(audio)
        assert player.state is PlayerState.PLAYING
        with qtbot.waitSignal(player.finished, timeout=20000):
            pass
    assert seen == list(range(len(audio.boundaries)))
    assert player.state is PlayerState.STOPPED
    assert rec.rms() > 100, "the null sink's monitor heard silence"
    assert rec.loud_seconds() > 1.0


def test_pause_resume_and_stop(qtbot, audio, sink):
    player = AudioPlayer()
    with qtbot.waitSignal(player.audio_started, timeout=5000):
        player.play(audio)
    player.pause()
    assert player.state is PlayerState.PAUSED
    positions: list[int] = []
    player.position.connect(positions.append)
    qtbot.wait(400)
    assert positions == [], "a paused player must not advance"
    player.resume()
    assert player.state is PlayerState.PLAYING
    with qtbot.waitSignal(player.position, timeout=5000):
        pass
    player.stop()
    assert player.state is PlayerState.STOPPED
    with qtbot.assertNotEmitted(player.finished, wait=300):
        pass


@pytest.mark.qt_log_ignore("Could not open media")
def test_garbage_is_an_error_not_a_hang(qtbot, sink):
    player = AudioPlayer(stall_timeout_ms=1500)
    with qtbot.waitSignal(player.error, timeout=5000):
        player.play(Audio(b"\x00not an mp3" * 50))
    assert player.state is PlayerState.STOPPED


def test_audio_goes_to_ffmpeg_as_a_data_url_not_a_device(qtbot, audio, sink):
    """Qt 6.11's FFmpeg backend leaks ~32 KB of native memory per QIODevice source (see player.py)."""
    player = AudioPlayer()
    with qtbot.waitSignal(player.audio_started, timeout=5000):
        player.play(audio)
    media = player.media_player
    assert media is not None
    assert media.sourceDevice() is None
    assert media.source().scheme() == "data"
    assert source_serial(media.source()) == player._serial
    player.stop()


def test_ffmpeg_does_not_log_every_source_to_stderr(qtbot, sink):
    player = AudioPlayer()  # Qt loads FFmpeg with the first player (on the player's thread)
    qtbot.waitUntil(lambda: player._connected, timeout=5000)
    assert quiet_ffmpeg_log(), "FFmpeg would print each data: URL (the whole MP3 in base64) on stderr"


def _rss_kb() -> int:
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0])


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads RSS from /proc")
@pytest.mark.parametrize("kind", ["data", "pipe"])
def test_changing_the_source_does_not_leak_native_memory(qtbot, audio, sink, kind, tmp_path):
    """Load 80 sources the way the player does (whole audio as a data: URL, a stream through an AudioPipe);
    a QBuffer source left ~32 KB each (2.5 MB here), never freed."""
    from PySide6.QtCore import QObject, Qt, QUrl, Signal
    from PySide6.QtMultimedia import QMediaPlayer

    class Loader(QObject):
        load = Signal(QUrl)

    loader, media = Loader(), QMediaPlayer()
    loader.load.connect(media.setSource, Qt.ConnectionType.QueuedConnection)  # as AudioPlayer does
    pipes: list[AudioPipe] = []

    def load(serial: int) -> None:
        if kind == "pipe":
            pipes.append(AudioPipe(tmp_path, serial))
            pipes[-1].finish(audio.mp3)
            url = QUrl.fromLocalFile(str(pipes[-1].path))
        else:
            url = source_url(audio.mp3, serial)
        with qtbot.waitSignal(media.mediaStatusChanged, timeout=5000,
                              check_params_cb=lambda s: s == QMediaPlayer.MediaStatus.LoadedMedia):
            loader.load.emit(url)
        while len(pipes) > 1:
            pipes.pop(0).close()

    for serial in range(20):  # warm up: decoder, allocator arenas
        load(serial)
    gc.collect()
    before = _rss_kb()
    for serial in range(20, 100):
        load(serial)
    gc.collect()
    grown = _rss_kb() - before
    assert grown < 1024, f"RSS grew {grown} KB over 80 sources"


@pytest.mark.skipif(not supported(), reason="streams through a pipe on Linux only")
def test_a_stream_is_heard_before_it_is_finished_and_ends_with_its_boundaries(qtbot, audio, sink):
    player = AudioPlayer()
    seen: list[int] = []
    player.boundary.connect(seen.append)
    half = len(audio.mp3) // 2
    with qtbot.waitSignal(player.audio_started, timeout=10000):
        player.play_stream()
        assert player.write_stream(audio.mp3[:half])
    assert player.streaming and player.state is PlayerState.PLAYING
    with qtbot.assertNotEmitted(player.finished, wait=200):
        pass  # the end is not there yet
    with qtbot.waitSignal(player.finished, timeout=20000):
        player.finish_stream(audio)
    assert seen == list(range(len(audio.boundaries))), "the boundaries follow once the whole audio is known"
    assert player.state is PlayerState.STOPPED


@pytest.mark.skipif(not supported(), reason="streams through a pipe on Linux only")
def test_an_abandoned_stream_is_never_reached_again(tmp_path):
    """Its link goes before its descriptors: a late open fails instead of reaching a newer pipe."""
    first = AudioPipe(tmp_path, 1)
    assert first.write(b"abc")
    with open(first.path, "rb") as reader:  # FFmpeg opens the link, as any reader
        first.finish(b"def")
        assert reader.read() == b"abcdef"  # then the end
    first.close()
    assert not first.path.exists()
    second = AudioPipe(tmp_path, 2)  # may get the same descriptor numbers
    with pytest.raises(FileNotFoundError):
        open(first.path, "rb")  # noqa: SIM115 - it must not open at all
    assert second.write(b"x") and second.path.exists()
    second.close()
    first.close()  # twice is harmless
