"""What a test said when it failed its first try and then passed (``--reruns``, tools/run-tests).

pytest-rerunfailures' ``-rR`` summary names such a test and nothing more, so a test that failed once in CI and passed
on its second try left no trace of why (the thirteenth and fourteenth sessions' CI runs: two such tests, nothing to
read). The end of the run now shows each failed first try's last lines, as a failure would show them."""

from __future__ import annotations

import pytest

LINES_KEPT = 30  # the end of the traceback: the failed assertion and the lines that lead to it


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    reruns = terminalreporter.stats.get("rerun", [])
    if not reruns:
        return
    terminalreporter.section("failed first tries (passed or failed again after)", sep="-")
    for report in reruns:
        terminalreporter.write_line(f"{report.nodeid} ({report.when}):")
        for line in report.longreprtext.splitlines()[-LINES_KEPT:]:
            terminalreporter.write_line(f"    {line}")
