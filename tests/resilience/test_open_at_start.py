"""``fenggang-reader FILE`` as a reader starts it, in real processes: FILE opens; the next start reopens it at its
place; a FILE that cannot be opened gives the message and the built-in report (never a dead start); with the
reader already open, the running window opens FILE and the second start exits."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.resilience.test_single_instance import stderr_of, stop, wait_for

pytestmark = pytest.mark.slow

NOTICE = "村委会通知\n\n" + "\n\n".join(f"第{n}项：请各位村民注意防火安全，不要在山林附近烧火。" for n in range(1, 30))


def start(home: Path, log: Path, *args: str, quit_after: float = 60) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FENGGANG_READER_HOME": str(home)}
    with open(log.with_suffix(".stderr"), "w", encoding="utf-8") as stderr:
        return subprocess.Popen([sys.executable, "-m", "fenggang_reader", "--event-log", str(log),
                                 "--quit-after", str(quit_after), *args], env=env, stdout=subprocess.DEVNULL,
                                stderr=stderr)


def records(log: Path, name: str) -> list[dict]:
    if not log.exists():
        return []
    return [r for line in log.read_text(encoding="utf-8").splitlines() if line.strip()
            and (r := json.loads(line))["event"] == name]


def test_a_file_on_the_command_line_opens_and_the_next_start_reopens_it(tmp_path):
    home, notice = tmp_path / "home", tmp_path / "通知.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    first_log, next_log, bad_log = tmp_path / "first.jsonl", tmp_path / "next.jsonl", tmp_path / "bad.jsonl"
    first = start(home, first_log, str(notice), quit_after=3)
    assert first.wait(60) == 0, stderr_of(first_log)
    opened = records(first_log, "document.open")
    assert [r["path"] for r in opened] == [str(notice)] and opened[0]["blocks"] >= 29 and opened[0]["chars"] > 500
    assert records(first_log, "app.first_paint")
    following = start(home, next_log, quit_after=3)  # no FILE: the document open last
    assert following.wait(60) == 0, stderr_of(next_log)
    assert [r["path"] for r in records(next_log, "document.open")] == [str(notice)]
    notice.unlink()  # gone: the built-in report, with the message
    gone = start(home, bad_log, quit_after=3)
    assert gone.wait(60) == 0, stderr_of(bad_log)
    assert [r["path"] for r in records(bad_log, "document.open")] == [None]
    assert [r["problem"] for r in records(bad_log, "document.open_failed")] == ["NOT_FOUND"]
    assert records(bad_log, "app.first_paint")


def test_a_file_that_cannot_be_opened_at_start_leaves_the_built_in_report_and_a_damaged_list_is_said(tmp_path):
    home, empty = tmp_path / "home", tmp_path / "空.txt"
    empty.write_text("  \n\n ", encoding="utf-8")
    (home / "data").mkdir(parents=True)
    (home / "data" / "recent-documents.json").write_bytes(b"\x00 not json")  # and a damaged recent list
    log = tmp_path / "events.jsonl"
    process = start(home, log, str(empty), quit_after=3)
    assert process.wait(60) == 0, stderr_of(log)
    assert [r["path"] for r in records(log, "document.open")] == [None]
    assert [(r["path"], r["problem"]) for r in records(log, "document.open_failed")] == [(str(empty), "EMPTY")]
    assert records(log, "app.first_paint")
    assert [r["kind"] for r in records(log, "app.message")] == ["recent_documents"]
    assert list((home / "data").glob("recent-documents.json.*.bad"))


def test_the_running_reader_opens_a_file_handed_over_by_a_second_start(tmp_path):
    home, notice = tmp_path / "home", tmp_path / "通知.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    first_log, second_log = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first = start(home, first_log)
    try:
        wait_for(first_log, "app.first_paint", first)
        second = start(home, second_log, str(notice))
        assert second.wait(60) == 0, stderr_of(second_log)
        assert [r["event"] for r in records(second_log, "app.handed_off")] == ["app.handed_off"]
        assert not records(second_log, "document.open")  # the second start opened nothing itself
        wait_for(first_log, "app.activated", first, timeout=10)
        deadline = time.monotonic() + 60
        while len(records(first_log, "document.open")) < 2 and time.monotonic() < deadline and first.poll() is None:
            time.sleep(0.1)
        assert [r["path"] for r in records(first_log, "document.open")] == [None, str(notice)]
        assert first.poll() is None
    finally:
        stop(first)
