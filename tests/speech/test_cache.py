"""AudioCache: verified reads, atomic writes, LRU bound, and re-fetching damaged entries from the service."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from fenggang_reader.core import storage
from fenggang_reader.core.storage import AppDirs
from fenggang_reader.speech.cache import AudioCache
from fenggang_reader.speech.edge import EdgeSynthesizer
from fenggang_reader.speech.types import Audio, Boundary, Engine, VoiceParams
from tests.support import edge_server as support

TEXT = "全年完成固定资产投资增长3.6%。"


@pytest.fixture(autouse=True)
def _offline(monkeypatch):
    support.guard_network(monkeypatch)


def _audio(n: int = 3000, seed: int = 1) -> Audio:
    mp3 = bytes((seed * 31 + i * 7) % 256 for i in range(n))
    return Audio(mp3, [Boundary(100.0, 400.0, "全年", 0, 2), Boundary(500.5, 300.0, "完成", 2, 4)], Engine.EDGE,
                 "zh-CN-XiaoxiaoNeural")


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_round_trip_in_the_platform_cache_dir():
    cache = AudioCache()
    assert cache.root == AppDirs.default().cache / "audio"
    key = AudioCache.key(TEXT, VoiceParams(), Engine.EDGE)
    assert cache.get(key) is None and cache.misses == 1
    assert cache.put(key, _audio())
    got = cache.get(key)
    assert got == _audio() and cache.hits == 1
    sidecar = json.loads((cache.root / key[:2] / f"{key}.json").read_text(encoding="utf-8"))
    assert sidecar["size"] == 3000 and len(sidecar["sha256"]) == 64 and sidecar["key"] == key
    assert sidecar["created"] <= sidecar["last_used"] and sidecar["boundaries"][1]["start"] == 2
    assert TEXT not in str(_files(cache.root))  # paths are digests, never the text


def test_key_covers_everything_that_changes_the_sound():
    base = AudioCache.key(TEXT, VoiceParams(), Engine.EDGE)
    assert base == AudioCache.key(TEXT, VoiceParams(), Engine.EDGE) and len(base) == 64
    variants = {
        AudioCache.key(TEXT + "。", VoiceParams(), Engine.EDGE),
        AudioCache.key(TEXT, VoiceParams(voice="zh-CN-YunxiNeural"), Engine.EDGE),
        AudioCache.key(TEXT, VoiceParams(rate=1.25), Engine.EDGE),
        AudioCache.key(TEXT, VoiceParams(pitch=5), Engine.EDGE),
        AudioCache.key(TEXT, VoiceParams(volume=-10), Engine.EDGE),
        AudioCache.key(TEXT, VoiceParams(), Engine.SYSTEM),
        AudioCache.key(TEXT, VoiceParams(), Engine.EDGE, boundary="WordBoundary"),
    }
    assert len(variants) == 7 and base not in variants


def test_keys_must_be_digests():
    cache = AudioCache()
    for bad in ("../../etc/passwd", "A" * 64, TEXT, ""):
        with pytest.raises(ValueError):
            cache.get(bad)
        with pytest.raises(ValueError):
            cache.put(bad, _audio())


def _corrupt_truncate(mp3: Path, meta: Path) -> None:
    mp3.write_bytes(mp3.read_bytes()[:1000])


def _corrupt_flip(mp3: Path, meta: Path) -> None:
    data = bytearray(mp3.read_bytes())
    data[1500] ^= 0xFF
    mp3.write_bytes(bytes(data))


def _corrupt_sidecar(mp3: Path, meta: Path) -> None:
    meta.write_text('{"version": 1, "key": ', encoding="utf-8")


def _corrupt_sidecar_nested(mp3: Path, meta: Path) -> None:
    meta.write_bytes(b"[" * 100_000 + b"]" * 100_000)  # RecursionError in the JSON parser


def _corrupt_sidecar_gbk(mp3: Path, meta: Path) -> None:
    meta.write_bytes('{"version": 1, "voice": "晓晓"}'.encode("gbk"))


def _corrupt_sidecar_list(mp3: Path, meta: Path) -> None:
    meta.write_text("[1, 2]", encoding="utf-8")


def _corrupt_missing_audio(mp3: Path, meta: Path) -> None:
    mp3.unlink()


def _corrupt_missing_sidecar(mp3: Path, meta: Path) -> None:
    meta.unlink()


@pytest.mark.parametrize("damage", [_corrupt_truncate, _corrupt_flip, _corrupt_sidecar, _corrupt_sidecar_nested,
                                    _corrupt_sidecar_gbk, _corrupt_sidecar_list, _corrupt_missing_audio,
                                    _corrupt_missing_sidecar])
def test_damaged_entries_are_discarded_as_misses(damage, caplog):
    cache = AudioCache()
    key = AudioCache.key(TEXT, VoiceParams(), Engine.EDGE)
    cache.put(key, _audio())
    damage(cache.root / key[:2] / f"{key}.mp3", cache.root / key[:2] / f"{key}.json")
    assert cache.get(key) is None
    assert cache.misses == 1
    assert _files(cache.root) == []
    assert "discarding" in caplog.text
    assert cache.put(key, _audio()) and cache.get(key) == _audio()


@pytest.mark.parametrize("damage", [_corrupt_sidecar_nested, _corrupt_sidecar_gbk, _corrupt_sidecar_list])
def test_a_damaged_sidecar_found_by_the_scan_is_discarded(damage):
    cache = AudioCache()
    key = AudioCache.key(TEXT, VoiceParams(), Engine.EDGE)
    cache.put(key, _audio())
    damage(cache.root / key[:2] / f"{key}.mp3", cache.root / key[:2] / f"{key}.json")
    fresh = AudioCache(cache.root)  # a new start scans the folder
    assert len(fresh) == 0 and fresh.discarded == 1 and _files(cache.root) == []


def test_damaged_entry_is_fetched_again_from_the_service():
    with support.EdgeServer() as server, EdgeSynthesizer(endpoint=server.base_url, idle_timeout=2) as synth:
        cache = AudioCache()
        params = VoiceParams()
        key = AudioCache.key(TEXT, params, Engine.EDGE)

        def speak() -> Audio:
            audio = cache.get(key)
            if audio is None:
                audio = synth.submit(TEXT, params).result(10)
                cache.put(key, audio)
            return audio

        first = speak()
        assert speak() == first and server.synth_requests == 1  # second time from the cache
        mp3 = cache.root / key[:2] / f"{key}.mp3"
        mp3.write_bytes(mp3.read_bytes()[: len(first.mp3) // 2])  # a crash-truncated file
        again = speak()
        assert server.synth_requests == 2 and again.mp3 == first.mp3
        assert cache.get(key) == first


def _entry_size() -> int:
    probe = AudioCache(root=AppDirs.default().cache / "probe")
    probe.put(AudioCache.key("第0句。", VoiceParams(), Engine.EDGE), _audio(seed=0))
    return probe.total_bytes


def test_least_recently_used_entries_are_evicted():
    entry = _entry_size()  # audio + sidecar
    # Room for three, not four: a sidecar's two timestamps vary by a few characters (a float's repr has 15 to
    # 17 digits), so three entries may take a little more than three times the probe (was a flaky "+ 10").
    cache = AudioCache(max_bytes=3 * entry + entry // 2)
    keys = [AudioCache.key(f"第{i}句。", VoiceParams(), Engine.EDGE) for i in range(4)]
    for i, key in enumerate(keys[:3]):
        assert cache.put(key, _audio(seed=i))
    assert cache.get(keys[0]) is not None  # now the most recently used
    assert cache.put(keys[3], _audio(seed=3))
    assert cache.evicted == 1
    assert keys[1] not in cache and all(k in cache for k in (keys[0], keys[2], keys[3]))
    assert cache.total_bytes <= cache.max_bytes and len(cache) == 3


def test_eviction_order_survives_a_restart():
    entry = _entry_size()
    cache = AudioCache(max_bytes=10 * entry)
    keys = [AudioCache.key(f"第{i}句。", VoiceParams(), Engine.EDGE) for i in range(3)]
    for i, key in enumerate(keys):
        cache.put(key, _audio(seed=i))
        time.sleep(0.01)
    reopened = AudioCache(max_bytes=10 * entry, touch_interval=0)
    assert reopened.get(keys[0]) is not None  # persists its new last_used (touch_interval 0)
    smaller = AudioCache(max_bytes=2 * entry + entry // 2)  # two, whatever the timestamps' lengths
    assert len(smaller) == 2 and keys[1] not in smaller  # the oldest by last use went on load


def test_too_big_and_empty_audio_are_not_stored():
    cache = AudioCache(max_bytes=1000)
    key = AudioCache.key(TEXT, VoiceParams(), Engine.EDGE)
    assert not cache.put(key, _audio(2000))
    assert not cache.put(key, Audio(b""))
    assert not cache.root.exists() or _files(cache.root) == []


def test_writes_are_atomic_and_leave_no_temp_files(monkeypatch):
    cache = AudioCache()
    keys = [AudioCache.key(f"第{i}句。", VoiceParams(), Engine.EDGE) for i in range(5)]
    for key in keys:
        cache.put(key, _audio())
    assert not [p for p in _files(cache.root) if p.name.endswith(".tmp")]
    assert len(_files(cache.root)) == 10

    real_replace = os.replace

    def failing_replace(src, dst):
        if str(dst).endswith(".json"):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    new_key = AudioCache.key("新的一句。", VoiceParams(), Engine.EDGE)
    with monkeypatch.context() as patch:
        patch.setattr(storage.os, "replace", failing_replace)
        assert not cache.put(new_key, _audio())
    assert cache.get(new_key) is None
    assert not [p for p in _files(cache.root) if p.name.endswith(".tmp") or new_key in p.name]
    assert all(cache.get(k) == _audio() for k in keys)  # the others were untouched


def test_stale_temp_files_and_orphans_are_cleaned_on_scan():
    cache = AudioCache()
    key = AudioCache.key(TEXT, VoiceParams(), Engine.EDGE)
    cache.put(key, _audio())
    folder = cache.root / key[:2]
    stale = folder / f".{key}.mp3.abc123.tmp"
    stale.write_bytes(b"half")
    orphan_key = AudioCache.key("孤儿。", VoiceParams(), Engine.EDGE)
    orphan = cache.root / orphan_key[:2] / f"{orphan_key}.mp3"
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"x" * 10)
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    os.utime(orphan, (old, old))
    unrelated = cache.root / "README.txt"
    unrelated.write_text("not ours", encoding="utf-8")
    reopened = AudioCache()
    assert len(reopened) == 1
    assert not stale.exists() and not orphan.exists() and unrelated.exists()


def test_concurrent_use_from_many_threads():
    cache = AudioCache(max_bytes=20 * _entry_size())
    keys = [AudioCache.key(f"第{i}句。", VoiceParams(), Engine.EDGE) for i in range(30)]
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for i in range(30):
                key = keys[(i + offset) % 30]
                cache.put(key, _audio(seed=(i + offset) % 30))
                got = cache.get(key)
                assert got is None or got.mp3 == _audio(seed=(i + offset) % 30).mp3
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n * 7,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    assert cache.total_bytes <= cache.max_bytes
    assert cache.discarded == 0
    assert not [p for p in _files(cache.root) if p.name.endswith(".tmp")]
