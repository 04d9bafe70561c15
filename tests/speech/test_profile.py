"""One speech profile from settings + environment, and one Edge worker for reading aloud and the export."""

from __future__ import annotations

import concurrent.futures
import threading
import time

import pytest

from fenggang_reader.core.consent import OnlineVoices
from fenggang_reader.core.settings import Settings
from fenggang_reader.core.spoken import MarkerPolicy
from fenggang_reader.speech import edge
from fenggang_reader.speech.edge import ENDPOINT_ENV, EdgeEndpointError, EdgeSynthesizer, shared_client
from fenggang_reader.speech.profile import SpeechProfile
from fenggang_reader.speech.types import Engine, SpeechErrorKind, VoiceParams


def _settings(**values) -> Settings:
    settings = Settings()
    for name, value in values.items():
        settings.set(name, value)
    return settings


def test_profile_gathers_what_every_caller_needs():
    settings = _settings(voice="zh-HK-HiuGaaiNeural", speech_rate=1.5, speech_pitch=-5, speech_volume=10,
                         speech_engine="system", edge_notice_accepted=True, proxy="http://proxy:3128",
                         marker_speech="say", read_continuously=False, system_voice="Mandarin")
    profile = SpeechProfile.from_settings(settings, {})
    assert profile.params == VoiceParams("zh-HK-HiuGaaiNeural", 1.5, -5, 10)
    assert profile.engine is Engine.SYSTEM and profile.online is OnlineVoices.ALLOWED and profile.edge_allowed
    assert profile.proxy == "http://proxy:3128" and profile.markers is MarkerPolicy.SAY_NOTE
    assert not profile.continuous and profile.system_voice == "Mandarin" and profile.checked_endpoint() is None
    assert profile.with_voice("zh-CN-YunxiNeural", 0.8).params == VoiceParams("zh-CN-YunxiNeural", 0.8, -5, 10)


@pytest.mark.parametrize(("values", "online"), [
    ({}, OnlineVoices.NOT_ACCEPTED),
    ({"edge_notice_accepted": True}, OnlineVoices.ALLOWED),
    ({"edge_notice_accepted": True, "offline_only": True}, OnlineVoices.OFFLINE_ONLY),
])
def test_consent_is_the_core_rule(values, online):
    assert SpeechProfile.from_settings(_settings(**values), {}).online is online


def test_the_environment_wins_over_the_setting():
    settings = _settings(edge_endpoint="https://relay.example.org")
    assert SpeechProfile.from_settings(settings, {}).checked_endpoint() == "https://relay.example.org"
    env = {ENDPOINT_ENV: " http://127.0.0.1:8765 "}
    assert SpeechProfile.from_settings(settings, env).checked_endpoint() == "http://127.0.0.1:8765"


def test_a_bad_address_in_the_environment_is_named_and_sends_nothing():
    profile = SpeechProfile.from_settings(Settings(), {ENDPOINT_ENV: "tts.example.org"})
    assert profile.endpoint is None  # never Microsoft's service instead of the one asked for
    with pytest.raises(EdgeEndpointError, match=ENDPOINT_ENV) as caught:
        profile.checked_endpoint()
    assert caught.value.kind is SpeechErrorKind.INVALID_ENDPOINT and isinstance(caught.value, ValueError)


@pytest.fixture
def fresh_worker():
    edge.shutdown_shared()
    yield
    edge.shutdown_shared()


def test_reading_and_exporting_share_one_worker_thread(server, fresh_worker):
    reading = shared_client(server.base_url, None)
    exporting = shared_client(server.base_url, None)
    assert reading.synthesizer is exporting.synthesizer
    futures = [client.submit(text, VoiceParams()) for client, text in
               ((reading, "第一句。"), (exporting, "第二句。"), (reading, "第三句。"), (exporting, "第四句。"))]
    for future in futures:
        future.result(20)
    assert server.max_concurrent_requests == 1
    workers = [t for t in threading.enumerate() if t.name == "edge-tts" and t.is_alive()]
    assert len(workers) == 1


def test_a_client_cancels_only_its_own_requests(server, fresh_worker):
    server.latency = 0.3
    reading = shared_client(server.base_url, None)
    exporting = shared_client(server.base_url, None)
    exported = [exporting.submit(f"导出第{n}句。", VoiceParams()) for n in range(3)]
    read = [reading.submit(f"朗读第{n}句。", VoiceParams()) for n in range(3)]
    time.sleep(0.1)
    reading.cancel_pending()  # the listener pressed Down
    reading.shutdown()  # the window closed
    assert all(f.result(20).mp3 for f in exported)
    assert all(f.cancelled() for f in read)
    assert not exporting.synthesizer.closed


def test_a_new_route_applies_to_the_shared_worker(server, fresh_worker):
    first = shared_client("http://127.0.0.1:9", None)
    second = shared_client(server.base_url, "http://proxy.invalid:1")
    assert first.synthesizer is second.synthesizer
    assert (second.synthesizer.endpoint, second.synthesizer.proxy) == (server.base_url, "http://proxy.invalid:1")
    with pytest.raises(EdgeEndpointError):
        shared_client("not a url", None)


def test_the_owner_still_cancels_everything_it_submitted(server):
    with EdgeSynthesizer(endpoint=server.base_url) as synth:
        server.latency = 0.3
        futures = [synth.submit(f"第{n}句。", VoiceParams()) for n in range(3)]
        time.sleep(0.1)
        synth.cancel_pending()
        concurrent.futures.wait(futures, timeout=10)
        assert sum(f.cancelled() for f in futures) >= 2
