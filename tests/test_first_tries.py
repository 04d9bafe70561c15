"""A test that fails its first try and passes its second leaves what it said in the run's output
(tests/support/first_tries.py): the -rR summary alone names it and nothing more."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

FLAKY = '''
from pathlib import Path

def test_passes_the_second_time(tmp_path_factory):
    flag = Path(__file__).with_name("tried")
    if not flag.exists():
        flag.write_text("once")
        assert "the sound" == "came through", "first try: the sound stopped"
'''


def test_a_failed_first_try_is_shown_at_the_end_under_xdist(tmp_path):
    (tmp_path / "test_flaky.py").write_text(FLAKY, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.support.first_tries", "-p", "no:cacheprovider", "-n", "2",
         "--reruns", "1", "-rR", str(tmp_path / "test_flaky.py")],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    out = run.stdout
    assert run.returncode == 0 and "1 passed, 1 rerun" in out, out + run.stderr
    section = out[out.index("failed first tries"):]
    assert "test_flaky.py::test_passes_the_second_time (call):" in section
    assert "first try: the sound stopped" in section, section
