"""Where the test suite's processor time goes: a pytest plugin that writes, for each test process, the CPU-seconds of
every test's setup, call and teardown (its own and its finished child processes', e.g. an app started as a
subprocess), of each fixture's setup, and of the process's fixed costs (start-up and imports, collection).

Opt-in, so it costs nothing otherwise: ``FENGGANG_TEST_CPU_LEDGER=DIR ./dev test -m "not slow"`` (tests/conftest.py
registers it); each process writes ``DIR/<worker>.jsonl``, and ``python -m tests.support.cpu_ledger DIR`` sums them by
file, test and fixture. Wall time alone misleads on a shared machine: a test that waits looks as long as one that computes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from collections import defaultdict
from pathlib import Path
from typing import IO, Any

import pytest

LEDGER_ENV = "FENGGANG_TEST_CPU_LEDGER"


def _self_cpu() -> float:
    return time.process_time()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class CpuLedger:
    """One per test process; fixture times are exclusive (a fixture's own time, without the fixtures it asks for)."""

    def __init__(self, folder: Path, worker: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._out: IO[str] = (folder / f"{worker}.jsonl").open("w", encoding="utf-8")
        self._worker = worker
        self._fixture_stack: list[float] = []  # time taken by fixtures set up inside the one being set up
        self._write({"event": "configure", "self": _self_cpu(), "children": _children_cpu()})

    def _write(self, record: dict[str, Any]) -> None:
        record["worker"] = self._worker
        record["wall"] = time.time()
        self._out.write(json.dumps(record) + "\n")
        self._out.flush()

    @pytest.hookimpl(trylast=True)
    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self._write({"event": "collected", "self": _self_cpu(), "children": _children_cpu(),
                     "items": len(session.items)})

    def _phase(self, item: pytest.Item, phase: str):
        started_self, started_children, started_wall = _self_cpu(), _children_cpu(), time.monotonic()
        yield
        self._write({"event": "phase", "nodeid": item.nodeid, "phase": phase,
                     "self": _self_cpu() - started_self, "children": _children_cpu() - started_children,
                     "elapsed": time.monotonic() - started_wall})

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_setup(self, item: pytest.Item):
        yield from self._phase(item, "setup")

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_call(self, item: pytest.Item):
        yield from self._phase(item, "call")

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_teardown(self, item: pytest.Item):
        yield from self._phase(item, "teardown")

    @pytest.hookimpl(hookwrapper=True)
    def pytest_fixture_setup(self, fixturedef: pytest.FixtureDef, request: pytest.FixtureRequest):
        started = _self_cpu() + _children_cpu()
        self._fixture_stack.append(0.0)
        yield
        inner = self._fixture_stack.pop()
        total = _self_cpu() + _children_cpu() - started
        if self._fixture_stack:
            self._fixture_stack[-1] += total
        self._write({"event": "fixture", "name": fixturedef.argname, "scope": fixturedef.scope,
                     "nodeid": request.node.nodeid, "cpu": total - inner})

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self) -> None:
        self._write({"event": "finish", "self": _self_cpu(), "children": _children_cpu()})

    @pytest.hookimpl(trylast=True)  # after tests/conftest.py has stopped the sound server and dispatcher
    def pytest_unconfigure(self) -> None:
        self._write({"event": "end", "self": _self_cpu(), "children": _children_cpu()})
        self._out.close()


def register(config: pytest.Config) -> None:
    folder = os.environ.get(LEDGER_ENV)
    if not folder:
        return
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        worker = "controller"
    else:
        worker = getattr(config, "workerinput", {}).get("workerid", "main")
    config.pluginmanager.register(CpuLedger(Path(folder), worker), "fenggang-cpu-ledger")

def main() -> None:
    """Print the sums of the ledger in the folder named on the command line."""
    parser = argparse.ArgumentParser(description="Sum the CPU ledger of a test run by file, test and fixture.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    records = [json.loads(line) for path in sorted(args.folder.glob("*.jsonl"))
               for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    by_test: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])  # self, children, elapsed, count
    fixtures: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    fixed: dict[str, dict[str, dict[str, float]]] = defaultdict(dict)
    for record in records:
        if record["event"] == "phase":
            row = by_test[record["nodeid"].partition("@")[0]]
            row[0] += record["self"]
            row[1] += record["children"]
            row[2] += record["elapsed"]
            row[3] += record["phase"] == "call"
        elif record["event"] == "fixture":
            key = (record["name"], record["scope"])
            fixtures[key][0] += record["cpu"]
            fixtures[key][1] += 1
        elif record["event"] in ("configure", "collected", "finish", "end"):
            fixed[record["worker"]][record["event"]] = record

    by_file: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for nodeid, row in by_test.items():
        file_row = by_file[nodeid.partition("::")[0]]
        for index, value in enumerate(row):
            file_row[index] += value

    tests_cpu = sum(row[0] + row[1] for row in by_test.values())
    print(f"{len(by_test)} tests, {tests_cpu:.1f} CPU-s in their setup, call and teardown (children included)\n")
    print("process       start+imports collection  in session  at its end (self, children: sound daemons)  total")
    for worker, events in sorted(fixed.items()):
        configure, collected, finish, end = (events.get(name, {}) for name in ("configure", "collected", "finish", "end"))
        start = configure.get("self", 0.0)
        collecting = collected.get("self", start) - start
        session = finish.get("self", 0.0) + finish.get("children", 0.0) - collected.get("self", 0.0)
        end_self = end.get("self", 0.0) - finish.get("self", 0.0) if end else 0.0
        end_children = end.get("children", 0.0) - finish.get("children", 0.0) if end else 0.0
        total = end.get("self", 0.0) + end.get("children", 0.0) if end else finish.get("self", 0.0)
        print(f"{worker:13} {start:13.1f} {collecting:10.1f} {session:11.1f} {end_self:10.1f} {end_children:9.1f}"
              f" {total:38.1f}")

    print(f"\nby file (top {args.top}): CPU-s total = self + children, wall-s, tests")
    for name, row in sorted(by_file.items(), key=lambda kv: -(kv[1][0] + kv[1][1]))[:args.top]:
        print(f"{row[0] + row[1]:8.1f} = {row[0]:7.1f} + {row[1]:6.1f} {row[2]:8.1f} {int(row[3]):4}  {name}")

    print(f"\nby test (top {args.top}): CPU-s total = self + children, wall-s")
    for name, row in sorted(by_test.items(), key=lambda kv: -(kv[1][0] + kv[1][1]))[:args.top]:
        print(f"{row[0] + row[1]:8.1f} = {row[0]:7.1f} + {row[1]:6.1f} {row[2]:8.1f}  {name}")

    print(f"\nby fixture (top {args.top}, own setup CPU-s, self + children): total, setups, scope")
    for (name, scope), (cpu, count) in sorted(fixtures.items(), key=lambda kv: -kv[1][0])[:args.top]:
        print(f"{cpu:8.1f} {int(count):5}  {scope:8} {name}")


if __name__ == "__main__":
    main()
