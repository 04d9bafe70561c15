"""A stalled sound server (PulseAudio stopped with SIGSTOP while Edge audio plays) freezes nothing.

With the offline voice (speech-dispatcher into the same stopped server), no sentence is marked read that was
not heard: the recording of the server's sink shows each finished sentence's sound.

Issue 19: Qt's FFmpeg backend waited on the GUI thread in stop()/setSource() for as long as the server was
stopped (30 s measured): no repaint, keys queued up, and afterwards the offline voice "read" sentences into
the stalled device. benchmarks/bench_sound_stall.py runs the app against a private PulseAudio (never the
shared one), presses Ctrl+I every 250 ms during the stall, and reports where reading was and went.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_sound_stall.py"


def stall(*options: str) -> dict:
    from tests.support.edge_server import tools_missing

    if tools_missing():
        pytest.skip(f"the loopback Edge service needs {', '.join(tools_missing())}")
    result = subprocess.run([sys.executable, str(BENCH), *options], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    probe = json.loads(result.stdout)
    if "error" in probe and "did not start" in probe["error"]:
        pytest.skip(probe["error"])
    assert "error" not in probe, probe
    return probe


def test_keys_answer_during_a_sound_stall_and_reading_resumes_at_the_same_sentence():
    probe = stall("--stall", "5")
    assert probe["engine_at_stall"] == "edge", ("the online voice must be playing when the sound server stops "
                                                f"(it had fallen back to the offline voice): {probe}")
    assert probe["keys"] >= 15, probe  # the keys kept being handled while the server was stopped…
    assert probe["key_answer_worst_ms"] < 1000, probe  # …each within a second, not after the stall (frozen: 5000)
    assert probe["furthest_during_stall"] == probe["place_at_stall"], "nothing may be marked read unheard"
    assert probe["started_during_stall"] == [], probe
    assert probe["heard_after"] is not None, "reading must go on once the sound server answers"
    assert probe["heard_after"][:2] == probe["place_at_stall"], "…at the sentence that was playing"


def test_the_offline_voice_marks_no_sentence_read_that_was_not_heard_during_a_10_s_stall():
    from fenggang_reader.speech.backend import MIN_MS_PER_CHARACTER

    probe = stall("--stall", "10", "--offline")
    assert probe["voice"] == "offline"
    assert probe["key_answer_worst_ms"] < 1000, probe
    assert probe["furthest_during_stall"] == probe["place_at_stall"], "nothing may be marked read unheard"
    assert probe["heard_after"] is not None, "reading must go on once the sound server answers"
    finished = [s for s in probe["sentences"] if s["said_ms"] is not None]
    assert finished and finished[0]["during_stall"], probe  # the sentence the stall fell into, then its end
    for sentence in finished:  # each sentence taken as read was heard, for at least as long as saying it takes
        assert sentence["heard_ms"] >= sentence["chars"] * MIN_MS_PER_CHARACTER, sentence
