"""Edge voice latency against the loopback service, and audio-cache hit time; prints JSON.

    .venv/bin/python benchmarks/bench_edge.py [--runs 15] [--latency 0.2]

request→first audio byte is measured from ``submit`` to the first audio chunk reaching the worker
(``on_first_audio``), with the server waiting ``--latency`` seconds before answering, so
``first_audio_overhead_ms`` is what our side adds (target: Edge ≤ server latency + 150 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fenggang_reader.speech.cache import AudioCache  # noqa: E402
from fenggang_reader.speech.edge import EdgeSynthesizer  # noqa: E402
from fenggang_reader.speech.types import Engine, VoiceParams  # noqa: E402
from tests.support.edge_server import EdgeServer  # noqa: E402

TEXT = "2024年，全镇实现地区生产总值411亿元，增长3.6%。规模以上工业增加值增长5.2%，固定资产投资增长8.1%。"


def _median_ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1000, 2)


def bench_edge(runs: int, latency: float) -> dict:
    with EdgeServer(latency=latency) as server, EdgeSynthesizer(endpoint=server.base_url, idle_timeout=5) as synth:
        synth.submit(TEXT, VoiceParams()).result(30)  # warm the server's audio and our imports
        first: list[float] = []
        total: list[float] = []
        audio_ms = 0.0
        for _ in range(runs):
            seen: list[float] = []
            start = time.perf_counter()
            audio = synth.submit(TEXT, VoiceParams(), on_first_audio=seen.append).result(30)
            total.append(time.perf_counter() - start)
            first.append(seen[0])
            audio_ms = audio.duration_ms
    return {
        "server_latency_ms": round(latency * 1000, 1),
        "first_audio_ms_median": _median_ms(first),
        "first_audio_ms_max": round(max(first) * 1000, 2),
        "first_audio_overhead_ms": round(_median_ms(first) - latency * 1000, 2),
        "complete_audio_ms_median": _median_ms(total),
        "audio_duration_ms": round(audio_ms),
        "runs": runs,
    }


def bench_cache(runs: int) -> dict:
    with EdgeServer() as server, EdgeSynthesizer(endpoint=server.base_url) as synth:
        audio = synth.submit(TEXT, VoiceParams()).result(30)
    cache = AudioCache()
    key = AudioCache.key(TEXT, VoiceParams(), Engine.EDGE)
    puts, gets = [], []
    for _ in range(runs):
        start = time.perf_counter()
        cache.put(key, audio)
        puts.append(time.perf_counter() - start)
        start = time.perf_counter()
        assert cache.get(key) is not None
        gets.append(time.perf_counter() - start)
    return {"cache_hit_ms_median": _median_ms(gets), "cache_hit_ms_max": round(max(gets) * 1000, 2),
            "cache_put_ms_median": _median_ms(puts), "entry_bytes": len(audio.mp3), "runs": runs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--latency", type=float, default=0.2, help="server latency before the first byte, s")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-edge-") as home:
        os.environ["FENGGANG_READER_HOME"] = home  # never the real profile
        os.environ.pop("FENGGANG_READER_EDGE_ENDPOINT", None)
        result = {
            "edge": bench_edge(args.runs, args.latency),
            "edge_no_latency": bench_edge(args.runs, 0.0),
            "cache": bench_cache(args.runs),
        }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
