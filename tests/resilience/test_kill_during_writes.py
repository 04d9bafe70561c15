"""kill -9 in the middle of a settings save or an audio-cache write, 50 times each: nothing is ever corrupt.

Each round starts a writer process that saves in a tight loop and kills it at a random moment. Then the
next start must be clean: settings load without a single problem, every cache entry is either exactly
what was written or discarded (never served half-written), and the temporary leftovers are swept.
"""

from __future__ import annotations

import hashlib
import json
import random
import subprocess
import sys
import time

import pytest

from fenggang_reader.core.recovery import sweep_stale_temps
from fenggang_reader.core.settings import Settings
from fenggang_reader.speech.cache import AudioCache
from fenggang_reader.speech.types import Engine

pytestmark = pytest.mark.slow
ROUNDS = 50
SEED = 20250209

SETTINGS_WRITER = r"""
import random, sys
from pathlib import Path
from fenggang_reader.core.settings import Settings
path = Path(sys.argv[1])
rng = random.Random(int(sys.argv[2]))
settings = Settings.load(path)
assert not settings.problems, settings.problems
first = True
while True:
    settings.set("font_size", rng.randint(12, 96))
    settings.set("current_block", f"y2024-p{rng.randint(1, 60):02d}")
    settings.set("window_geometry", "A" * rng.randint(0, 4000))  # long enough that a write takes a while
    settings.set("scroll_fraction", rng.random())
    assert settings.save()
    if first:
        print("ready", flush=True)
        first = False
"""

CACHE_WRITER = r"""
import hashlib, sys
from pathlib import Path
from fenggang_reader.speech.cache import AudioCache
from fenggang_reader.speech.types import Audio, Boundary, Engine, VoiceParams
root, start = Path(sys.argv[1]), int(sys.argv[2])
cache = AudioCache(root, max_bytes=8 * 1024 * 1024)
n = start
while True:
    key = hashlib.sha256(f"entry {n}".encode()).hexdigest()
    body = hashlib.sha256(key.encode()).digest() * (1000 + n % 3000)  # 32-128 kB, derivable from the key
    audio = Audio(body, [Boundary(100.0, 500.0, f"句子{n}", 0, 3)], Engine.EDGE, "zh-CN-XiaoxiaoNeural")
    assert cache.put(key, audio)
    print(n, flush=True)
    n += 1
"""


def run_and_kill(code: str, args: list[str], rng: random.Random, *, max_delay: float) -> str:
    """Start the writer, let it write for a random while after its first line, then SIGKILL it."""
    process = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        first = process.stdout.readline()
        if not first:
            raise AssertionError(f"writer failed to start: {process.stderr.read()}")
        time.sleep(rng.uniform(0.0, max_delay))
    finally:
        process.kill()
        out, err = process.communicate(timeout=20)
    assert "Traceback" not in err, err
    return first + out


def test_kill_9_during_settings_saves(tmp_path):
    rng = random.Random(SEED)
    path = tmp_path / "config" / "settings.json"
    leftovers = 0
    for round_number in range(ROUNDS):
        run_and_kill(SETTINGS_WRITER, [str(path), str(rng.randrange(1 << 30))], rng, max_delay=0.12)
        # the next start
        leftovers += len(sweep_stale_temps(path.parent))
        settings = Settings.load(path)
        assert settings.problems == [], f"round {round_number}: {settings.problems}"
        json.loads(path.read_text(encoding="utf-8"))
        assert not list(path.parent.glob("*.bad")), f"round {round_number}: a damaged file was kept aside"
        assert sorted(p.name for p in path.parent.iterdir()) == ["settings.json"]
    assert leftovers >= 1, "no kill landed inside a write: the test proved nothing"
    print(f"{ROUNDS} kills, {leftovers} interrupted writes swept")


def expected_body(n: int) -> bytes:
    key = hashlib.sha256(f"entry {n}".encode()).hexdigest()
    return hashlib.sha256(key.encode()).digest() * (1000 + n % 3000)


def test_kill_9_during_cache_writes(tmp_path):
    rng = random.Random(SEED + 1)
    root = tmp_path / "cache" / "audio"
    written = 0
    served = discarded = interrupted = 0
    for round_number in range(ROUNDS):
        out = run_and_kill(CACHE_WRITER, [str(root), str(written)], rng, max_delay=0.15)
        numbers = [int(line) for line in out.split()]
        written = (numbers[-1] + 2) if numbers else written + 1  # +1: the one being written when killed
        # the next start: a fresh cache over the same folder
        cache = AudioCache(root, max_bytes=8 * 1024 * 1024, touch_interval=1e9)
        len(cache)  # scans the folder, as the app does once
        for n in range(max(0, written - 40), written):
            key = hashlib.sha256(f"entry {n}".encode()).hexdigest()
            audio = cache.get(key)
            if audio is None:
                discarded += 1
                continue
            served += 1
            assert audio.mp3 == expected_body(n), f"round {round_number}: entry {n} served damaged"
            assert audio.engine is Engine.EDGE and audio.boundaries[0].text == f"句子{n}"
        # every file left is a complete entry or a young temp file the next scan after an hour removes
        for path in root.rglob("*"):
            if path.is_file():
                assert path.suffix in (".mp3", ".json", ".tmp"), path
                if path.suffix == ".tmp":
                    interrupted += 1
                    path.unlink()  # counted once; the app's own scan removes them once they are an hour old
    assert served > ROUNDS  # most entries survive; the point is that none is ever served damaged
    assert interrupted >= 1, "no kill landed inside a write: the test proved nothing"
    print(f"{ROUNDS} kills: {served} entries served intact, {discarded} missing or discarded, "
          f"{interrupted} interrupted writes")


def test_an_interrupted_write_leaves_the_old_file_whole(tmp_path):
    """The atomic write under a kill: either the old or the new content, never a mixture or nothing."""
    path = tmp_path / "settings.json"
    settings = Settings(path=path)
    settings.set("font_size", 40)
    assert settings.save()
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "import fenggang_reader.core.storage as storage\n"
        "real_replace = os.replace\n"
        "def die(*a):\n"
        "    os.kill(os.getpid(), 9)\n"
        "os.replace = die\n"
        "storage.atomic_write_text(Path(sys.argv[1]), '{\"font_size\": 50}')\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, timeout=60)
    assert result.returncode == -9
    assert Settings.load(path)["font_size"] == 40
    temps = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(temps) == 1 and json.loads(temps[0].read_text()) == {"font_size": 50}
    assert sweep_stale_temps(tmp_path) == temps
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_the_sweep_leaves_other_files_alone(tmp_path):
    keep = [tmp_path / n for n in ("settings.json", "notes.tmp", ".hidden", "a.tmp.bak")]
    for p in keep:
        p.write_text("x")
    stale = tmp_path / ".settings.json.abc123xy.tmp"
    stale.write_text("half")
    assert sweep_stale_temps(tmp_path) == [stale]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in keep)
    assert sweep_stale_temps(tmp_path / "missing") == []
