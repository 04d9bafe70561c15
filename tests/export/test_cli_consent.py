"""``export-audio`` honours the listener's consent to the online voices, as the window does.

Each test runs the command line on a profile (a real settings.json) against the loopback Edge service and
counts what reached it: nothing may, unless the notice was accepted and offline-only is off, or the command
says --allow-online.
"""

from __future__ import annotations

import json

import pytest

from fenggang_reader.cli import main
from fenggang_reader.core.report_format import serialize_report
from fenggang_reader.core.storage import AppDirs
from fenggang_reader.export.audio import offline_missing
from tests.support import edge_server as support
from tests.support.shipped import shipped_excerpt

pytestmark = pytest.mark.skipif(bool(support.tools_missing()), reason="needs espeak-ng and ffmpeg (./dev installs them)")


@pytest.fixture(autouse=True)
def _offline(monkeypatch):
    support.guard_network(monkeypatch)


@pytest.fixture
def server(silent_server):
    """The silent loopback service: these tests count what reaches it, not what it says."""
    return silent_server


@pytest.fixture
def endpoint(server, monkeypatch):
    monkeypatch.setenv("FENGGANG_READER_EDGE_ENDPOINT", server.base_url)
    server.clear_fault()
    return server.base_url


def profile(**values) -> None:
    path = AppDirs.default().settings_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(values), encoding="utf-8")


def export(tmp_path, *extra: str) -> int:
    """export-audio of the notes of a short cut of the report (8 notes, not 30: the offline voice makes each
    one with espeak-ng and ffmpeg), given as a .tsv FILE; the consent rules are the same for any document."""
    document = tmp_path / "report.tsv"
    document.write_text(serialize_report(shipped_excerpt()[0]), encoding="utf-8")
    return main(["export-audio", str(document), "--out", str(tmp_path / "book"), "--part", "notes", *extra])


@pytest.mark.parametrize("values", [{}, {"offline_only": True, "edge_notice_accepted": True}],
                         ids=["never-accepted", "offline-only"])
def test_engine_edge_without_consent_is_refused_with_the_reason(endpoint, server, tmp_path, capsys, values):
    profile(**values)
    before = server.synth_requests
    assert export(tmp_path, "--engine", "edge") == 1
    err = capsys.readouterr().err
    assert "--allow-online" in err
    assert ("offline voice only" in err) if values else ("never accepted" in err)
    assert "Traceback" not in err
    assert server.synth_requests == before, "no text reached the online service"
    assert not (tmp_path / "book").exists()


@pytest.mark.early
@pytest.mark.skipif(bool(offline_missing()), reason="the offline voice needs espeak-ng and ffmpeg")
def test_default_engine_on_a_new_profile_uses_the_offline_voice_and_says_why(endpoint, server, tmp_path, capsys):
    profile()
    before = server.synth_requests
    assert export(tmp_path) == 0
    err = capsys.readouterr().err
    assert "using the offline voice" in err and "--allow-online" in err
    assert server.synth_requests == before
    assert (tmp_path / "book").is_dir()


def test_accepted_notice_or_allow_online_reaches_the_online_voice(endpoint, server, tmp_path, capsys):
    profile(edge_notice_accepted=True)
    before = server.synth_requests
    assert export(tmp_path, "--engine", "edge") == 0
    assert server.synth_requests > before

    profile(offline_only=True)
    before = server.synth_requests
    assert export(tmp_path, "--engine", "edge", "--allow-online", "--rate", "1.5") == 0  # not from the cache
    assert server.synth_requests > before
    assert "although the reader is set to the offline voice only" in capsys.readouterr().err


@pytest.mark.parametrize("bad", ["ftp://example.org", "speech.example.org", "http://host/path?x=1"])
def test_a_non_http_endpoint_in_the_environment_is_a_message(monkeypatch, tmp_path, capsys, bad):
    monkeypatch.setenv("FENGGANG_READER_EDGE_ENDPOINT", bad)
    profile(edge_notice_accepted=True)
    assert export(tmp_path, "--engine", "edge") == 1
    err = capsys.readouterr().err
    assert "FENGGANG_READER_EDGE_ENDPOINT" in err and "http://" in err and "Traceback" not in err


@pytest.mark.slow
@pytest.mark.parametrize("sig", ["SIGTERM", "SIGHUP"])
def test_ending_the_session_mid_export_leaves_nothing_behind(server, tmp_path, sig):
    """Logout or a closed terminal during export-audio: cancelled like Ctrl+C, no half-written staging folder."""
    import os
    import signal
    import subprocess
    import sys
    import time

    home = tmp_path / "home"
    out = tmp_path / "book"
    out.mkdir()
    (out / "mine.txt").write_text("keep me")
    env = {**os.environ, "FENGGANG_READER_HOME": str(home), "FENGGANG_READER_EDGE_ENDPOINT": server.base_url}
    server.latency = 1.0
    try:
        export = subprocess.Popen([sys.executable, "-m", "fenggang_reader", "export-audio", "--out", str(out),
                                   "--part", "notes", "--engine", "edge", "--allow-online"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while not any(p.name.startswith(".fenggang-export-") for p in out.iterdir()):
            assert export.poll() is None and time.monotonic() < deadline, "the export never started writing"
            time.sleep(0.1)
        export.send_signal(getattr(signal, sig))
        _, err = export.communicate(timeout=60)
    finally:
        server.latency = 0.0
    assert export.returncode == 130, err
    assert "cancelled; nothing was written" in err
    assert sorted(p.name for p in out.iterdir()) == ["mine.txt"]
