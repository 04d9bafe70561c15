"""Synthesised speech kept on disk, so anything heard once plays again instantly and offline.

Each entry is ``<cache>/audio/<k[:2]>/<k>.mp3`` plus ``<k>.json`` (boundaries, sha256, size, created,
last_used), where ``k`` is a sha256 hex digest: paths never contain the spoken text. Both files are
written atomically, the sidecar last, so a sidecar means a complete entry. Every read is verified; a
missing, truncated or corrupt entry is discarded and reported as a miss, so the caller fetches it again.
The total size is bounded; the least recently used entries go first.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import threading
import time
from collections import OrderedDict
from pathlib import Path

from fenggang_reader.core.storage import AppDirs, atomic_write_bytes, parse_json
from fenggang_reader.speech.types import Audio, Boundary, Engine, VoiceParams

log = logging.getLogger(__name__)

FORMAT_VERSION = 1  # bump when the audio or sidecar format changes: old entries then simply miss
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
_KEY = re.compile(r"^[0-9a-f]{64}$")
_STALE_TEMP_SECONDS = 3600  # a temp file this old is left over from a crash


class AudioCache:
    """Thread-safe; ``get``/``put`` by a key from ``AudioCache.key``."""

    def __init__(self, root: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES, touch_interval: float = 60.0):
        self.root = root if root is not None else AppDirs.default().cache / "audio"
        self.max_bytes = max_bytes
        self.touch_interval = touch_interval  # how stale a sidecar's last_used may get before it is rewritten
        self.hits = self.misses = self.discarded = self.evicted = 0
        self._lock = threading.RLock()
        self._index: OrderedDict[str, tuple[int, float]] | None = None  # key → (bytes, last_used), LRU first

    @staticmethod
    def key(text: str, params: VoiceParams, engine: Engine, *, boundary: str = "SentenceBoundary") -> str:
        """Everything that changes the sound (or its boundaries) is part of the key."""
        payload = [FORMAT_VERSION, engine.value, boundary, text, params.voice, round(params.rate, 3),
                   int(params.pitch), int(params.volume)]
        return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()

    # ---- reading
    def get(self, key: str) -> Audio | None:
        """The verified entry, or None (a damaged entry is discarded, logged and counted as a miss)."""
        mp3_path, meta_path = self._paths(key)
        with self._lock:
            audio, meta = self._read(key, mp3_path, meta_path)
            if audio is None:
                self.misses += 1
                return None
            self.hits += 1
            now = time.time()
            if self._index is not None and key in self._index:
                self._index[key] = (self._index[key][0], now)
                self._index.move_to_end(key)
            if now - float(meta.get("last_used", 0)) > self.touch_interval:
                meta["last_used"] = now
                self._write_meta(meta_path, meta)
            return audio

    def _read(self, key: str, mp3_path: Path, meta_path: Path) -> tuple[Audio | None, dict]:
        try:
            meta_bytes = meta_path.read_bytes()
        except FileNotFoundError:
            if mp3_path.exists():
                self._discard(key, "audio without its sidecar")
            return None, {}
        except OSError as exc:
            log.warning("audio cache: cannot read %s: %s", meta_path, exc)
            return None, {}
        try:
            meta = parse_json(meta_bytes)  # DamagedFile (a ValueError) when not UTF-8, not JSON or nested too deep
            if not isinstance(meta, dict) or meta.get("version") != FORMAT_VERSION or meta.get("key") != key:
                raise ValueError("wrong version or key")
            size, digest = int(meta["size"]), str(meta["sha256"])
            boundaries = [Boundary(float(b["offset_ms"]), float(b["duration_ms"]), str(b["text"]), int(b["start"]),
                                   int(b["end"])) for b in meta["boundaries"]]
            engine, voice = Engine(meta["engine"]), str(meta["voice"])
        except (ValueError, KeyError, TypeError) as exc:
            self._discard(key, f"corrupt sidecar ({exc})")
            return None, {}
        try:
            mp3 = mp3_path.read_bytes()
        except FileNotFoundError:
            self._discard(key, "audio file missing")
            return None, {}
        except OSError as exc:
            log.warning("audio cache: cannot read %s: %s", mp3_path, exc)
            return None, {}
        if len(mp3) != size:
            self._discard(key, f"audio is {len(mp3)} bytes, expected {size}")
            return None, {}
        if hashlib.sha256(mp3).hexdigest() != digest:
            self._discard(key, "audio checksum mismatch")
            return None, {}
        return Audio(mp3, boundaries, engine, voice), meta

    # ---- writing
    def put(self, key: str, audio: Audio) -> bool:
        """Store audio (best effort: False when it is empty, too big, or the disk refuses)."""
        mp3_path, meta_path = self._paths(key)
        if not audio.mp3:
            return False
        now = time.time()
        meta = {
            "version": FORMAT_VERSION, "key": key, "engine": audio.engine.value, "voice": audio.voice,
            "size": len(audio.mp3), "sha256": hashlib.sha256(audio.mp3).hexdigest(),
            "created": now, "last_used": now,
            "boundaries": [{"offset_ms": b.offset_ms, "duration_ms": b.duration_ms, "text": b.text,
                            "start": b.start, "end": b.end} for b in audio.boundaries],
        }
        meta_bytes = self._meta_bytes(meta)
        entry_size = len(audio.mp3) + len(meta_bytes)
        if entry_size > self.max_bytes:
            log.info("audio cache: %d bytes is more than the whole cache (%d); not stored", entry_size,
                     self.max_bytes)
            return False
        with self._lock:
            index = self._load_index()
            try:
                atomic_write_bytes(mp3_path, audio.mp3)
                atomic_write_bytes(meta_path, meta_bytes)  # last: its presence means the entry is complete
            except OSError as exc:
                log.warning("audio cache: cannot store %s: %s", key, exc)
                self._remove_files(key)
                index.pop(key, None)
                return False
            index[key] = (entry_size, now)
            index.move_to_end(key)
            self._evict(keep=key)
            return True

    def _evict(self, keep: str) -> None:
        assert self._index is not None
        total = sum(size for size, _ in self._index.values())
        for victim in list(self._index):
            if total <= self.max_bytes:
                break
            if victim == keep:
                continue
            size, _ = self._index.pop(victim)
            self._remove_files(victim)
            self.evicted += 1
            total -= size

    def _write_meta(self, meta_path: Path, meta: dict) -> None:
        try:
            atomic_write_bytes(meta_path, self._meta_bytes(meta))
        except OSError as exc:
            log.warning("audio cache: cannot update %s: %s", meta_path, exc)

    @staticmethod
    def _meta_bytes(meta: dict) -> bytes:
        return json.dumps(meta, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    # ---- housekeeping
    @property
    def total_bytes(self) -> int:
        with self._lock:
            return sum(size for size, _ in self._load_index().values())

    def __len__(self) -> int:
        with self._lock:
            return len(self._load_index())

    def __contains__(self, key: str) -> bool:
        mp3_path, meta_path = self._paths(key)
        return meta_path.exists() and mp3_path.exists()

    def clear(self) -> None:
        with self._lock:
            for key in list(self._load_index()):
                self._remove_files(key)
            self._index = OrderedDict()

    def _load_index(self) -> OrderedDict[str, tuple[int, float]]:
        """Scan the folder once: sizes and last use of every complete entry; leftovers are cleaned."""
        if self._index is not None:
            return self._index
        entries: list[tuple[float, str, int]] = []
        now = time.time()
        if self.root.is_dir():
            for sub in self.root.iterdir():
                if not (sub.is_dir() and re.fullmatch(r"[0-9a-f]{2}", sub.name)):
                    continue
                for path in sub.iterdir():
                    entry = self._scan_file(path, now)
                    if entry is not None:
                        entries.append(entry)
        entries.sort()
        self._index = OrderedDict((key, (size, last_used)) for last_used, key, size in entries)
        self._evict(keep="")
        return self._index

    def _scan_file(self, path: Path, now: float) -> tuple[float, str, int] | None:
        name = path.name
        try:
            age = now - path.stat().st_mtime
        except OSError:
            return None
        if name.startswith(".") and name.endswith(".tmp"):
            if age > _STALE_TEMP_SECONDS:
                path.unlink(missing_ok=True)
            return None
        stem, _, ext = name.partition(".")
        if not _KEY.match(stem):
            return None
        mp3_path, meta_path = self._paths(stem)
        if ext == "mp3":
            if not meta_path.exists() and age > 60:  # a put in progress elsewhere would be younger
                self._discard(stem, "audio without its sidecar")
            return None
        if ext != "json":
            return None
        try:
            meta = parse_json(meta_path.read_bytes())
            last_used = float(meta["last_used"])
            size = mp3_path.stat().st_size + meta_path.stat().st_size
        except (OSError, ValueError, KeyError, TypeError) as exc:
            self._discard(stem, f"unreadable entry ({exc})")
            return None
        return last_used, stem, size

    def _paths(self, key: str) -> tuple[Path, Path]:
        if not isinstance(key, str) or not _KEY.match(key):
            raise ValueError(f"audio cache keys are sha256 hex digests, not {key!r}")
        folder = self.root / key[:2]
        return folder / f"{key}.mp3", folder / f"{key}.json"

    def discard(self, key: str, why: str) -> None:
        """Remove an entry a reader found unusable (e.g. the player could not decode it); it is fetched anew."""
        with self._lock:
            self._discard(key, why)

    def _discard(self, key: str, why: str) -> None:
        log.warning("audio cache: discarding %s: %s", key, why)
        self.discarded += 1
        self._remove_files(key)
        if self._index is not None:
            self._index.pop(key, None)

    def _remove_files(self, key: str) -> None:
        for path in self._paths(key):
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                log.warning("audio cache: cannot remove %s: %s", path, exc)
        parent = self.root / key[:2]
        try:
            if parent.is_dir() and not any(parent.iterdir()):
                os.rmdir(parent)
        except OSError:
            pass  # another thread or process is using the folder
