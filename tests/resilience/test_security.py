"""Security and privacy: TLS is always verified, paths never come from untrusted text, only the configured
Edge endpoint is ever contacted, and "offline voices only" means no network at all."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest
from pytestqt.exceptions import TimeoutError as QtBotTimeout

from fenggang_reader.core.settings import SETTINGS, Settings
from fenggang_reader.core.storage import AppDirs
from fenggang_reader.speech.cache import AudioCache
from fenggang_reader.speech.types import Audio, Engine, VoiceParams

PACKAGE = Path(__file__).resolve().parents[2] / "fenggang_reader"
TLS_OFF = re.compile(
    r"ssl\s*=\s*False|verify(_ssl)?\s*=\s*False|CERT_NONE|check_hostname\s*=\s*False|_create_unverified_context"
    r"|PYTHONHTTPSVERIFY|VerifyNone|setPeerVerifyMode|ignoreSslErrors|TCPConnector\([^)]*ssl\s*=\s*False"
)


def test_tls_verification_is_never_disabled():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if TLS_OFF.search(line):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}")
    assert offenders == []


@pytest.mark.parametrize("line", ["aiohttp.TCPConnector(ssl=False)", "requests.get(u, verify=False)",
                                  "ctx.verify_mode = ssl.CERT_NONE", "ctx.check_hostname = False",
                                  "ssl._create_unverified_context()", "socket.ignoreSslErrors()"])
def test_the_tls_check_catches_what_it_looks_for(line):
    assert TLS_OFF.search(line)


# ---------------------------------------------------------------------------------------- paths

TRAVERSALS = ["../../etc/passwd", "..", "", "/etc/passwd", "a" * 63, "A" * 64, "g" * 64, "0" * 64 + "/..",
              "0" * 64 + "\0", "0" * 62 + "/x", "..\\..\\windows", "0" * 65, " " + "0" * 63, "0" * 63 + "\n"]


@pytest.mark.parametrize("key", TRAVERSALS)
def test_cache_refuses_keys_that_are_not_hex_digests(tmp_path, key):
    cache = AudioCache(tmp_path / "cache")
    audio = Audio(b"\xff\xf3" * 100, [], Engine.EDGE, "zh-CN-XiaoxiaoNeural")
    with pytest.raises(ValueError):
        cache.put(key, audio)
    with pytest.raises(ValueError):
        cache.get(key)
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").rglob("*"))
    assert sorted(p.name for p in tmp_path.iterdir()) in ([], ["cache"])


@pytest.mark.parametrize("text", ["../../etc/passwd", "/tmp/x", "..\\..\\x", "凤岗/../..", "\0", "a" * 5000])
def test_cache_keys_from_any_text_are_hex_digests_inside_the_cache(tmp_path, text):
    cache = AudioCache(tmp_path / "cache")
    params = VoiceParams(voice="../../zh-CN-XiaoxiaoNeural")
    key = AudioCache.key(text, params, Engine.EDGE)
    assert re.fullmatch(r"[0-9a-f]{64}", key)
    assert cache.put(key, Audio(b"\xff\xf3" * 100, [], Engine.EDGE, params.voice))
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert files and all((tmp_path / "cache") in p.parents for p in files)
    assert all(p.name.startswith(key) for p in files)


def test_settings_values_never_become_paths(make_window, tmp_path, isolated_home):
    """Whatever text a (damaged or hostile) settings file holds, files are only written where they belong."""
    dirs = AppDirs.default()
    dirs.config.mkdir(parents=True)
    hostile = "../../../../evil" + "/x" * 10
    values = {s.name: hostile for s in SETTINGS if s.type is str}
    dirs.settings_file.write_text(json.dumps(values), encoding="utf-8")
    assert Settings.load(dirs.settings_file).problems  # the closed choices refuse it outright
    window = make_window()
    window.move_paragraph(1)
    window.zoom(1)
    window.close()
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert all(isolated_home in p.parents for p in written), written
    assert not any("evil" in part for p in tmp_path.rglob("*") for part in p.parts)


# -------------------------------------------------------------------------------------- network


class NetworkLog:
    """Every Internet-family connection or name lookup the process attempts; ``refuse`` makes them fail."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, refuse: bool):
        self.attempts: list[object] = []
        real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
        real_getaddrinfo, real_create = socket.getaddrinfo, socket.create_connection
        log = self.attempts

        def check(address):
            if isinstance(address, tuple):  # AF_INET/AF_INET6; AF_UNIX (PulseAudio, speech-dispatcher) is a str
                log.append(address[:2])
                if refuse:
                    raise OSError(f"network use in offline-only mode: {address!r}")

        def connect(self, address):
            check(address)
            return real_connect(self, address)

        def connect_ex(self, address):
            check(address)
            return real_connect_ex(self, address)

        def getaddrinfo(host, port, *args, **kwargs):
            check((host.decode() if isinstance(host, bytes) else host, port))
            return real_getaddrinfo(host, port, *args, **kwargs)

        def create_connection(address, *args, **kwargs):
            check(address)
            return real_create(address, *args, **kwargs)

        monkeypatch.setattr(socket.socket, "connect", connect)
        monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
        monkeypatch.setattr(socket, "create_connection", create_connection)




def _read_one_paragraph(window, qtbot, block_id: str = "speaker"):
    from fenggang_reader.speech.controller import ReadState

    controller = window.read_aloud.controller
    spoken = []
    told: list[str] = []
    controller.highlight.connect(lambda *a: spoken.append(a))
    window.announced.connect(told.append)
    window.go_to_block(block_id)
    window.actions_by_id["speech_play_pause"].trigger()
    try:
        qtbot.waitUntil(lambda: bool(spoken), timeout=30000)
    except QtBotTimeout as exc:  # say what the reader was told
        raise AssertionError(f"nothing was read in 30 s: {controller.state}, {controller.engine}; told {told}") \
            from exc
    qtbot.waitUntil(lambda: controller.state is ReadState.STOPPED, timeout=60000)
    return controller


@pytest.mark.slow
@pytest.mark.qt_log_ignore("pipewire")
def test_only_the_configured_edge_endpoint_is_contacted(make_window, qtbot, monkeypatch, server):
    from tests.support.sound import ensure_null_sink

    if reason := ensure_null_sink():
        pytest.skip(reason)
    server.clear_fault()
    monkeypatch.setenv("FENGGANG_READER_EDGE_ENDPOINT", server.base_url)
    network = NetworkLog(monkeypatch, refuse=False)
    before = server.synth_requests
    window = make_window(edge_notice_accepted=True, speech_engine="edge", read_continuously=False)
    controller = _read_one_paragraph(window, qtbot)
    assert controller.engine is Engine.EDGE and server.synth_requests > before
    window.close()
    assert network.attempts, "the guard saw no connection at all: it is not in the path"
    assert {(host, int(port)) for host, port in network.attempts} == {("127.0.0.1", server.port)}


@pytest.mark.slow
@pytest.mark.qt_log_ignore("pipewire")
def test_offline_only_mode_uses_no_network_at_all(make_window, qtbot, monkeypatch, server):
    from tests.support.sound import ensure_null_sink, ensure_speech_dispatcher

    for reason in (ensure_null_sink(), ensure_speech_dispatcher()):
        if reason:
            pytest.skip(reason)
    from fenggang_reader.speech.system import SystemState, SystemVoice

    voice = SystemVoice.shared()
    if not voice.wait_ready(30000):  # the dispatcher and the sink are up: a voice that does not start is a defect
        pytest.fail(f"the system voice did not start: {voice.error_message}")
    # The worker's one voice and dispatcher served earlier tests (the random-input test hammers them): start
    # from silence, so this test's sentence is not queued behind one of theirs.
    voice.stop()
    qtbot.waitUntil(lambda: voice.state is SystemState.READY, timeout=10000)
    monkeypatch.setenv("FENGGANG_READER_EDGE_ENDPOINT", server.base_url)  # reachable, so any use would show
    handshakes = server.handshakes
    network = NetworkLog(monkeypatch, refuse=True)
    window = make_window(offline_only=True, edge_notice_accepted=True, speech_engine="edge",
                         read_continuously=False)
    controller = _read_one_paragraph(window, qtbot)
    assert controller.engine is Engine.SYSTEM
    dialog = window.read_aloud.open_voice_dialog()  # the voice menu works from the built-in catalogue
    qtbot.wait(300)
    dialog.close()
    window.close()
    assert network.attempts == [] and server.handshakes == handshakes
