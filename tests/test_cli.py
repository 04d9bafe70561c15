"""The command line as a user meets it: version, usage errors, bad report files, the event log."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fenggang_reader import __version__
from tests.conftest import SEED


def run(*args: str, timeout: float = 60, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    # -X faulthandler: a crash (a SIGSEGV at exit was seen once at load 8) leaves every thread's stack on stderr
    return subprocess.run([sys.executable, "-X", "faulthandler", "-m", "fenggang_reader", *args],
                          capture_output=True, text=True, timeout=timeout, env=env)


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"fenggang-reader {__version__}"


def test_unknown_option_prints_usage_and_exits_2():
    result = run("--no-such-option")
    assert result.returncode == 2
    assert "usage: fenggang-reader" in result.stderr and "--no-such-option" in result.stderr


@pytest.mark.parametrize("command", [[], ["export-pinyin"]])
def test_missing_report_file_is_named(tmp_path, command):
    missing = tmp_path / "nowhere" / "report.tsv"
    result = run("--report", str(missing), *command, "--quit-after", "1") if not command else run(
        "--report", str(missing), *command)
    assert result.returncode == 1
    assert str(missing) in result.stderr


@pytest.mark.skipif(not SEED.exists(), reason="shared seed not present")
def test_a_file_that_is_not_a_report_is_refused(tmp_path):
    result = run("--report", str(SEED), "export-pinyin")
    assert result.returncode == 1
    assert str(SEED) in result.stderr and "line 1" in result.stderr
    png = tmp_path / "picture.tsv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run("--report", str(png), "export-pinyin")
    assert result.returncode == 1 and "not UTF-8" in result.stderr


@pytest.fixture(scope="module")
def two_starts(tmp_path_factory) -> tuple[list[subprocess.CompletedProcess], Path]:
    """The app started twice with one event log: the first start's events are read by one test, the log's growth
    by another (each started the app on its own: ~1.7 CPU-s a start). Its own profile folder: a module's fixture is
    made before the test's isolated home. The two tests stay on one worker (xdist_group) to share it."""
    folder = tmp_path_factory.mktemp("two-starts")
    log = folder / "events.jsonl"
    home = {"FENGGANG_READER_HOME": str(folder / "home")}
    # 3 s: 0.5 s closed before the first paint on a busy machine
    return [run("--event-log", str(log), "--quit-after", quit_after, env=home) for quit_after in ("3", "0.2")], log


@pytest.mark.xdist_group("two-starts")
def test_app_starts_paints_and_logs_events(two_starts):
    results, log = two_starts
    assert results[0].returncode == 0, results[0].stderr
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    starts = [n for n, e in enumerate(events) if e["event"] == "app.start"]
    events = events[:starts[1]] if len(starts) > 1 else events  # the first start's
    names = [e["event"] for e in events]
    assert names.index("app.start") < names.index("app.first_paint")
    for e in events:
        assert isinstance(e["t"], float) and e["t"] >= 0 and e["wall"] > 1.7e9
    paint = events[names.index("app.first_paint")]
    assert paint["t"] < 30


FREEZE_ORDER = """
import gc, sys
from fenggang_reader.cli import console_main
from fenggang_reader.ui import main_window
order = []
freeze, build = gc.freeze, main_window.MainWindow.__init__
gc.freeze = lambda: (order.append("freeze"), freeze())[1]
main_window.MainWindow.__init__ = lambda self, *a, **k: (order.append("window"), build(self, *a, **k))[1]
sys.argv = ["fenggang-reader", "--quit-after", "0.2"]
code = console_main()
print(order[:2])
sys.exit(code)
"""


def test_what_start_up_made_is_out_of_the_gcs_scans_before_the_first_window(tmp_path):
    """A full collection of start-up's objects (modules, the report, pypinyin's dictionaries) fell into the first
    paint (~30-60 ms): they are frozen (gc.freeze) before the first window is built."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FENGGANG_READER_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-X", "faulthandler", "-c", FREEZE_ORDER], capture_output=True, text=True,
                            timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "['freeze', 'window']"


@pytest.mark.xdist_group("two-starts")
def test_event_log_appends(two_starts):
    results, log = two_starts
    assert [result.returncode for result in results] == [0, 0], results[1].stderr
    names = [json.loads(line)["event"] for line in Path(log).read_text(encoding="utf-8").splitlines()]
    assert names.count("app.start") == 2


@pytest.mark.parametrize("where", ["directory", "under-a-file", "proc"])
@pytest.mark.parametrize("command", [[], ["export-pinyin"]], ids=["window", "export-pinyin"])
def test_an_unwritable_event_log_is_a_usage_message(tmp_path, where, command):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    path = {"directory": tmp_path, "under-a-file": blocker / "events.jsonl", "proc": Path("/proc/events.jsonl")}[where]
    result = run("--event-log", str(path), *command, *([] if command else ["--quit-after", "0.5"]))
    assert result.returncode == 2
    assert f"--event-log {path}: cannot write there" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_an_event_log_on_a_full_disk_is_said_once_and_the_reader_runs(tmp_path):
    result = run("--event-log", "/dev/full", "--quit-after", "1")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("cannot be written any more") == 1 and "Traceback" not in result.stderr


def test_corrections_saved_as_gbk_are_a_message_for_the_exports(tmp_path):
    home = tmp_path / "home"
    (home / "data").mkdir(parents=True)
    (home / "data" / "corrections.tsv").write_bytes("at\ty2024-p01:0\tzhong1\t\t我改的\n".encode("gbk"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FENGGANG_READER_HOME": str(home)}
    result = subprocess.run([sys.executable, "-m", "fenggang_reader", "export-pinyin"], capture_output=True,
                            text=True, timeout=60, env=env)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "corrections.tsv is not UTF-8 text" in result.stderr


def test_a_voice_that_never_answers_does_not_crash_the_reader_at_quit(tmp_path):
    """Quit while the offline voice is still being set up and its dispatcher never answers: the process must not
    finalize Python under that thread (SIGSEGV at exit, seen in CI under load); it ends, output flushed, with 0."""
    from tests.support.sound import SilentSocket

    home = tmp_path / "home"
    with SilentSocket(tmp_path / "speechd.sock") as address:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FENGGANG_READER_HOME": str(home),
               "SPEECHD_ADDRESS": address}
        result = subprocess.run([sys.executable, "-X", "faulthandler", "-m", "fenggang_reader", "--quit-after", "2"],
                                capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    logs = "".join(p.read_text(encoding="utf-8") for p in (home / "log").glob("*.log"))
    assert "ending without clean-up: system-voice still running" in logs


def test_main_called_in_a_process_that_goes_on_leaves_its_threads_running(qapp, capsys):
    """Only the process's entry point stops the loop threads at its end: the export commands called in-process (as
    tests do) once stopped the shared system voice's thread, and every later test in that process heard nothing."""
    from fenggang_reader.cli import main
    from fenggang_reader.speech.loop_thread import LoopThread

    thread = LoopThread("bystander")
    thread.start()
    try:
        assert main(["export-pinyin"]) == 0
        capsys.readouterr()
        assert thread.running
    finally:
        thread.stop()
