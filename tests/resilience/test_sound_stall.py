"""A stalled sound server (PulseAudio stopped with SIGSTOP while Edge audio plays) freezes nothing.

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


def test_keys_answer_during_a_sound_stall_and_reading_resumes_at_the_same_sentence():
    from tests.support.edge_server import tools_missing

    if tools_missing():
        pytest.skip(f"the loopback Edge service needs {', '.join(tools_missing())}")
    result = subprocess.run([sys.executable, str(BENCH), "--stall", "5"], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    probe = json.loads(result.stdout)
    if "error" in probe and "did not start" in probe["error"]:
        pytest.skip(probe["error"])
    assert "error" not in probe, probe
    assert probe["keys"] >= 15, probe  # the keys kept being handled while the server was stopped…
    assert probe["key_answer_worst_ms"] < 1000, probe  # …each within a second, not after the stall (frozen: 5000)
    assert probe["furthest_during_stall"] == probe["place_at_stall"], "nothing may be marked read unheard"
    assert probe["started_during_stall"] == [], probe
    assert probe["heard_after"] is not None, "reading must go on once the sound server answers"
    assert probe["heard_after"][:2] == probe["place_at_stall"], "…at the sentence that was playing"
