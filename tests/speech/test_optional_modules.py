"""A missing or broken optional library (edge-tts, aiohttp) makes the online voice unavailable, never a crash.

Each case runs in a fresh interpreter where the library is hidden (``sys.modules[name] = None``) or broken (a
stand-in package that raises on import), as in a bundle built without it or a damaged installation.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fenggang_reader.speech.types import SpeechErrorKind

ROOT = Path(__file__).resolve().parents[2]

# Reading aloud with the online voice preferred and accepted: the controller must fall back to the offline voice
# for the same sentence, say why once, and never let an exception out of a slot.
READ_ALOUD = textwrap.dedent("""
    import json, os, sys
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication, QTimer
    from fenggang_reader.core.resources import load_bundled_report
    from fenggang_reader.core.spoken import prepare_block
    from fenggang_reader.speech.backend import BackendState, EdgeBackend, SpeechBackend
    from fenggang_reader.speech.cache import AudioCache
    from fenggang_reader.speech.controller import ReadAloudController, SpeechConfig
    from fenggang_reader.speech.edge import EdgeSynthesizer
    from fenggang_reader.speech.types import Engine

    errors = []
    sys.excepthook = lambda kind, value, tb: errors.append(f"{kind.__name__}: {value}")

    class OfflineStandIn(SpeechBackend):
        engine = Engine.SYSTEM
        preferred_voice = ""
        def __init__(self):
            super().__init__()
            self.spoken = []
        def available(self):
            return True
        def speak(self, chunk, params):
            self.spoken.append(chunk.text)
            self._set_state(BackendState.SPEAKING)
            self.audio_started.emit()
            QTimer.singleShot(10, self._done)
        def _done(self):
            if self.state is BackendState.SPEAKING:
                self._set_state(BackendState.IDLE)
                self.finished.emit()
        def pause(self):
            self._set_state(BackendState.PAUSED)
        def resume(self):
            self._set_state(BackendState.SPEAKING)
        def stop(self):
            self._set_state(BackendState.IDLE)

    app = QCoreApplication([])
    report = load_bundled_report()
    offline = OfflineStandIn()
    edge = EdgeBackend(lambda: EdgeSynthesizer(endpoint="http://127.0.0.1:9"), AudioCache(Path(sys.argv[1])))
    config = SpeechConfig(preferred=Engine.EDGE, edge_allowed=True, continuous=True)
    controller = ReadAloudController(report, lambda b: prepare_block(b, report), offline, edge, lambda: config)
    notices = []
    controller.notice.connect(notices.append)
    index = report.index_of("speaker")
    QTimer.singleShot(0, lambda: controller.play(index))
    QTimer.singleShot(1500, app.quit)
    app.exec()
    controller.shutdown()
    print(json.dumps({"errors": errors, "notices": notices, "spoken": offline.spoken,
                      "engine": controller.engine.value if controller.engine else None}))
""")

EXPORT = textwrap.dedent("""
    import sys
    from fenggang_reader.cli import main
    sys.exit(main(["export-audio", "--engine", "edge", "--allow-online", "--part", "notes", "--out", sys.argv[1]]))
""")


def _run(script: str, how: str, tmp_path: Path, arg: str) -> subprocess.CompletedProcess:
    """Run ``script`` with edge_tts hidden ("missing") or raising on import ("broken")."""
    shadow = tmp_path / "shadow"
    if how == "broken":
        (shadow / "edge_tts").mkdir(parents=True)
        (shadow / "edge_tts" / "__init__.py").write_text("raise OSError('damaged installation')\n", encoding="utf-8")
        prelude = f"import sys; sys.path.insert(0, {str(shadow)!r})\n"
    else:
        prelude = "import sys; sys.modules['edge_tts'] = None\n"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FENGGANG_READER_HOME": str(tmp_path / "home"),
           "PYTHONPATH": str(ROOT)}
    env.pop("FENGGANG_READER_EDGE_ENDPOINT", None)
    return subprocess.run([sys.executable, "-c", prelude + script, arg], capture_output=True, text=True, env=env,
                          timeout=120, cwd=ROOT)


@pytest.mark.parametrize("how", ["missing", "broken"])
def test_read_aloud_falls_back_to_the_offline_voice_with_one_message(tmp_path, how):
    result = _run(READ_ALOUD, how, tmp_path, str(tmp_path / "cache"))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert not outcome["errors"], outcome["errors"]
    assert outcome["engine"] == "system" and outcome["spoken"], outcome
    assert len(outcome["notices"]) == 1, outcome["notices"]
    assert SpeechErrorKind.NOT_INSTALLED.plain in outcome["notices"][0], outcome["notices"]


@pytest.mark.parametrize("how", ["missing", "broken"])
def test_export_with_the_online_voice_says_it_is_not_installed(tmp_path, how):
    result = _run(EXPORT, how, tmp_path, str(tmp_path / "out"))
    assert result.returncode == 1, result.stdout + result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert "edge_tts cannot be loaded" in result.stderr and SpeechErrorKind.NOT_INSTALLED.plain in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()
