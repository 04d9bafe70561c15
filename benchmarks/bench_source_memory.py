"""Native memory left behind per played sentence, by the way the MP3 reaches Qt's FFmpeg backend.

    .venv/bin/python benchmarks/bench_source_memory.py [--sources 200] [--kinds data pipe device]

One QMediaPlayer (sound into a private PulseAudio's null sink) loads ``--sources`` sources one after
another, each to LoadedMedia, the previous one let go, as the app's player does; the process's RSS is read
before and after (after 20 warm-up sources). Printed per kind, KB per source:
- ``data``: the whole MP3 as a ``data:`` URL (what the player uses for audio that is all there);
- ``pipe``: an ``AudioPipe`` (speech/audio_pipe.py: what the player uses for audio still arriving);
- ``device``: a QBuffer through ``setSourceDevice`` (the growing-QIODevice design, not used: Qt 6.11 keeps
  its FFmpeg custom-I/O buffer, ~32 KB, for every source).
Each kind runs in a fresh process, so one kind's leftovers do not count against another.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WARM_UP = 20
TEXT = "今年是收官之年，我们要努力工作。"


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def child(kind: str, sources: int) -> dict:
    from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QEventLoop, QTimer, QUrl
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

    from fenggang_reader.speech.audio_pipe import AudioPipe
    from fenggang_reader.speech.player import quiet_ffmpeg_log, source_url
    from tests.support.edge_server import render

    app = QCoreApplication([])
    mp3 = render(TEXT, "cmn", "+0%", "+0Hz", "+0%", False).mp3
    player = QMediaPlayer()
    output = QAudioOutput(player)
    player.setAudioOutput(output)
    quiet_ffmpeg_log()
    folder = Path(tempfile.mkdtemp(prefix="bench-source-memory-"))
    held: list[object] = []  # the previous source, let go once the next one is loaded

    def load(serial: int) -> None:
        loop = QEventLoop()

        def status(value: QMediaPlayer.MediaStatus) -> None:
            if value in (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.InvalidMedia):
                loop.quit()

        player.mediaStatusChanged.connect(status)
        if kind == "device":
            buffer = QBuffer()
            buffer.setData(QByteArray(mp3))
            buffer.open(QBuffer.OpenModeFlag.ReadOnly)
            held.append(buffer)
            player.setSourceDevice(buffer, QUrl(f"sentence-{serial}.mp3"))
        elif kind == "pipe":
            pipe = AudioPipe(folder, serial)
            pipe.finish(mp3)
            held.append(pipe)
            player.setSource(QUrl.fromLocalFile(str(pipe.path)))
        else:
            player.setSource(source_url(mp3, serial))
        QTimer.singleShot(5000, loop.quit)
        loop.exec()
        player.mediaStatusChanged.disconnect(status)
        while len(held) > 1:
            old = held.pop(0)
            if isinstance(old, AudioPipe):
                old.close()

    for serial in range(WARM_UP):
        load(serial)
    gc.collect()
    before = rss_kb()
    for serial in range(WARM_UP, WARM_UP + sources):
        load(serial)
    player.setSource(QUrl())
    app.processEvents()
    gc.collect()
    grown = rss_kb() - before
    return {"kind": kind, "sources": sources, "rss_grown_kb": grown, "kb_per_source": round(grown / sources, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--kinds", nargs="+", default=["data", "pipe", "device"], choices=["data", "pipe", "device"])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.sources)))
        return
    from tests.support.sound import PrivatePulseAudio

    results = []
    with tempfile.TemporaryDirectory(prefix="bench-source-memory-") as tmp, \
            PrivatePulseAudio(Path(tmp) / "pulse") as pulse:
        env = {**os.environ, "PULSE_SERVER": pulse.server, "QT_QPA_PLATFORM": "offscreen"}
        for kind in args.kinds:
            done = subprocess.run([sys.executable, __file__, "--child", kind, "--sources", str(args.sources)],
                                  env=env, capture_output=True, text=True, timeout=600)
            lines = done.stdout.strip().splitlines()
            results.append(json.loads(lines[-1]) if done.returncode == 0 and lines
                           else {"kind": kind, "error": done.stderr[-2000:]})
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
