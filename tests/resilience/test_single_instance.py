"""Single instance, with real processes: a second start brings the first window forward and exits."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from fenggang_reader.single_instance import server_name, socket_folder

pytestmark = pytest.mark.slow


def start(home: Path, log: Path, quit_after: float = 60) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FENGGANG_READER_HOME": str(home)}
    with open(log.with_suffix(".stderr"), "w", encoding="utf-8") as stderr:
        return subprocess.Popen([sys.executable, "-m", "fenggang_reader", "--event-log", str(log),
                                 "--quit-after", str(quit_after)], env=env, stdout=subprocess.DEVNULL, stderr=stderr)


def stderr_of(log: Path) -> str:
    return log.with_suffix(".stderr").read_text(encoding="utf-8")


def events(log: Path) -> list[str]:
    if not log.exists():
        return []
    return [json.loads(line)["event"] for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]


def wait_for(log: Path, name: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if name in events(log):
            return
        if process.poll() is not None:
            raise AssertionError(f"process ended ({process.returncode}) before {name}: {stderr_of(log)}")
        time.sleep(0.1)
    raise AssertionError(f"no {name} in {log} within {timeout} s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def socket_path(home: Path) -> Path:
    folder = socket_folder()
    assert folder is not None
    return folder / server_name(home / "config")


def test_a_second_start_brings_the_first_forward_and_exits(tmp_path):
    home = tmp_path / "home"
    first_log, second_log = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first = start(home, first_log)
    try:
        wait_for(first_log, "app.first_paint", first)
        second = start(home, second_log)
        assert second.wait(60) == 0, stderr_of(second_log)
        assert events(second_log) == ["app.start", "app.handed_off"]  # no window, no settings written
        wait_for(first_log, "app.activated", first, timeout=10)
        assert first.poll() is None  # the first one runs on
    finally:
        stop(first)


def test_a_stale_socket_from_a_crashed_instance_is_cleaned_up(tmp_path):
    home = tmp_path / "home"
    crashed_log, next_log = tmp_path / "crashed.jsonl", tmp_path / "next.jsonl"
    crashed = start(home, crashed_log)
    try:
        wait_for(crashed_log, "app.first_paint", crashed)
    finally:
        crashed.kill()  # SIGKILL: no chance to remove its socket
        crashed.wait(10)
    assert socket_path(home).exists(), "the crashed instance should have left its socket behind"
    started = time.monotonic()
    following = start(home, next_log, quit_after=1)
    try:
        following.wait(60)
    finally:
        stop(following)
    assert following.returncode == 0, stderr_of(next_log)
    names = events(next_log)
    assert "app.first_paint" in names and "app.handed_off" not in names
    assert time.monotonic() - started < 30
    assert "stale instance socket" in (home / "log" / "fenggang-reader.log").read_text(encoding="utf-8")
    assert not socket_path(home).exists()  # a clean exit removes it


def test_different_settings_folders_run_side_by_side(tmp_path):
    logs = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    processes = [start(tmp_path / "home-a", logs[0], quit_after=3), start(tmp_path / "home-b", logs[1], quit_after=3)]
    try:
        for process, log in zip(processes, logs, strict=True):
            assert process.wait(60) == 0, stderr_of(log)
            assert "app.first_paint" in events(log)
    finally:
        for process in processes:
            stop(process)


def test_the_server_name_is_per_user_and_folder_and_holds_no_path_text(tmp_path):
    a, b = server_name(tmp_path / "a" / "config"), server_name(tmp_path / "b" / "config")
    assert a != b and a == server_name(tmp_path / "a" / ".." / "a" / "config")
    assert a.startswith("fenggang-reader-") and "/" not in a and len(a) < 60
    assert str(tmp_path.name) not in a


def test_starts_at_the_same_moment_give_one_window(tmp_path):
    home = tmp_path / "home"
    logs = [tmp_path / f"p{n}.jsonl" for n in range(3)]
    processes = [start(home, log, quit_after=8) for log in logs]
    try:
        for process, log in zip(processes, logs, strict=True):
            assert process.wait(60) == 0, stderr_of(log)
    finally:
        for process in processes:
            stop(process)
    outcomes = sorted("window" if "app.first_paint" in events(log) else "handed_off" for log in logs)
    assert outcomes == ["handed_off", "handed_off", "window"], [events(log) for log in logs]


def test_the_socket_is_in_a_folder_only_this_user_can_enter(tmp_path):
    home = tmp_path / "home"
    log = tmp_path / "first.jsonl"
    first = start(home, log)
    try:
        wait_for(log, "app.first_paint", first)
        path = socket_path(home)
        assert path.is_socket()
        folder = path.parent.lstat()
        assert folder.st_uid == os.getuid() and stat.S_ISDIR(folder.st_mode) and folder.st_mode & 0o077 == 0
        assert path.parent != Path(tempfile.gettempdir()), "not directly in the shared temp folder"
    finally:
        stop(first)


@pytest.mark.skipif(os.getuid() != 0, reason="making a folder owned by another user needs root")
def test_another_local_user_cannot_claim_the_name(tmp_path):
    """Another user made our socket folder first and answers "ok" on our name: we must not hand off to them."""
    shared_tmp = Path(tempfile.mkdtemp(prefix="fr-", dir="/tmp"))  # short: Unix socket paths are ≤ 107 bytes
    try:
        shared_tmp.chmod(0o1777)
        theirs = shared_tmp / f"fenggang-reader-{os.getuid()}"
        theirs.mkdir()
        home = tmp_path / "home"
        trap = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        trap.bind(str(theirs / server_name(home / "config")))
        trap.listen(4)
        trap.settimeout(0.1)
        theirs.chmod(0o777)
        os.chown(theirs, 65534, 65534)  # nobody's now
        accepted = []
        done = threading.Event()

        def answer():
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and not done.is_set():
                try:
                    conn, _ = trap.accept()
                except (TimeoutError, OSError):
                    continue
                accepted.append(conn)
                conn.sendall(b"ok\n")

        thread = threading.Thread(target=answer, daemon=True)
        thread.start()
        log = tmp_path / "me.jsonl"
        env = {key: value for key, value in os.environ.items() if key != "XDG_RUNTIME_DIR"}
        env.update(QT_QPA_PLATFORM="offscreen", FENGGANG_READER_HOME=str(home), TMPDIR=str(shared_tmp))
        with open(log.with_suffix(".stderr"), "w", encoding="utf-8") as stderr:
            me = subprocess.Popen([sys.executable, "-m", "fenggang_reader", "--event-log", str(log), "--quit-after",
                                   "3"], env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            assert me.wait(60) == 0, stderr_of(log)
        finally:
            done.set()  # the app has ended: the trap may stop listening (it waited out its 20 s before)
        names = events(log)
        assert "app.first_paint" in names and "app.handed_off" not in names, "our own window opened"
        assert accepted == [], "nothing was said to the other user's socket"
        assert "not a private folder of this user" in (home / "log" / "fenggang-reader.log").read_text("utf-8")
        thread.join(5)
        for conn in accepted:
            conn.close()
        trap.close()
    finally:
        shutil.rmtree(shared_tmp, ignore_errors=True)


@pytest.mark.parametrize("content", [bytes((i * 89 + 7) % 256 for i in range(300)), b""], ids=["garbage", "empty"])
def test_a_damaged_lock_file_is_removed_not_waited_for(tmp_path, content):
    """A lock that names no process (damaged, or emptied by a crash): Qt never calls it stale; we remove it."""
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "instance.lock").write_bytes(content)
    log = tmp_path / "me.jsonl"
    me = start(home, log, quit_after=4)
    assert me.wait(60) == 0, stderr_of(log)
    assert "app.first_paint" in events(log)
    text = (home / "log" / "fenggang-reader.log").read_text(encoding="utf-8")
    assert "is damaged (it names no process); removing it" in text
    assert "does not answer; starting anyway" not in text, "it was not waited out"
