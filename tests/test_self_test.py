"""``fenggang-reader self-test`` from the source tree: what the installers run inside the frozen app.

tests/packaging/test_deb.py runs it inside the installed .deb; here it must pass on the source checkout, and
fail, naming the library, when one is missing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.sound import Recorder, ensure_null_sink

ROOT = Path(__file__).resolve().parents[1]


def _self_test(tmp_path: Path, *args: str, prelude: str = "") -> tuple[subprocess.CompletedProcess, dict]:
    output = tmp_path / "self-test.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FENGGANG_READER_HOME": str(tmp_path / "home")}
    code = prelude + "import sys; from fenggang_reader.cli import console_main; sys.exit(console_main(sys.argv[1:]))"
    result = subprocess.run([sys.executable, "-c", code, "self-test", "--output", str(output), *args],
                            capture_output=True, text=True, env=env, timeout=180, cwd=ROOT)
    return result, json.loads(output.read_text(encoding="utf-8"))


@pytest.mark.early
def test_self_test_passes_and_plays_the_online_voice(tmp_path, server):
    reason = ensure_null_sink()
    with Recorder(tmp_path / "sound.raw") as rec:
        result, report = _self_test(tmp_path, "--edge-endpoint", server.base_url)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert report["ok"] and not report["frozen"]
    names = [c["name"] for c in report["checks"]]
    for name in ("import edge_tts", "import aiohttp", "certificates", "dictionaries", "documents", "translations",
                 "qt plugins", "qt features", "online voice", "import trafilatura"):
        assert name in names
    assert "checks passed, 0 failed" in result.stdout
    assert server.synth_requests >= 1
    if reason is None:
        assert rec.loud_seconds() > 1.0, "the online voice's sentence was not heard on the null sink"


@pytest.mark.early
def test_self_test_names_a_missing_library_and_fails(tmp_path):
    result, report = _self_test(tmp_path, prelude="import sys; sys.modules['aiohttp'] = None\n")
    assert result.returncode == 1
    failed = {c["name"]: c["detail"] for c in report["checks"] if not c["ok"]}
    assert "import aiohttp" in failed and "FAIL import aiohttp" in result.stdout, failed
    assert not report["ok"]
