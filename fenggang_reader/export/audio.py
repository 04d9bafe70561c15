"""The report as an audiobook: one MP3 per paragraph, an M3U playlist and one MP3 with chapters.

Each paragraph is spoken in the same chunks as reading aloud (core/spoken.py), through the same audio
cache, so anything already heard costs nothing and everything exported plays instantly later. Edge
gives MPEG-2 layer III, 24 kHz mono, 48 kbit/s CBR with no headers, so a paragraph is its chunks'
bytes end to end, and the chapters file is all paragraphs end to end with ID3 CHAP/CTOC frames
(ID3v2.3, which more players read than v2.4).

The offline voice is the platform's own synthesiser (espeak-ng on Linux, ``say`` on macOS, WinRT speech on
Windows: export/offline_speech.py) encoded by LAME (lameenc) to the very same MP3 format.

Layout of the output folder: the chapters file at the top, the paragraph files and their playlist in
the subfolder ``段落 paragraphs`` — a player that plays a whole folder (a car stereo, a phone's folder
mode) would otherwise play everything twice, once per paragraph file and once more in the chapters file.
Paragraph files are named by their place in the whole report, so parts exported into one folder share
the subfolder and still sort in reading order.

Files are written into a hidden staging folder beside the output and moved in only when everything
is done, so a cancelled or failed export leaves nothing half-made behind.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import logging
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, cast

from mutagen.id3 import CHAP, CTOC, ID3, TALB, TIT2, TPE1, TRCK, CTOCFlags
from mutagen.mp3 import MP3, MPEGInfo

from fenggang_reader.core.events import NULL_LOG, EventLog
from fenggang_reader.core.model import Block, BlockKind, Report
from fenggang_reader.core.spoken import MarkerPolicy, Respeller, SpeechChunk, prepare_block
from fenggang_reader.core.storage import atomic_write_bytes, atomic_write_text
from fenggang_reader.export import offline_speech, share_like_a_new_file
from fenggang_reader.speech.cache import AudioCache
from fenggang_reader.speech.edge import EdgeClient, EdgeError, EdgeSynthesizer, shared_client
from fenggang_reader.speech.profile import SpeechProfile
from fenggang_reader.speech.types import Audio, Engine, VoiceParams

log = logging.getLogger(__name__)

ENGINES = ("auto", "edge", "offline")
EDGE_BOUNDARY = "WordBoundary"  # what reading aloud asks for (speech/backend.py): the cache keys then agree
MP3_BYTES_PER_MS = 48_000 / 8 / 1000  # 48 kbit/s CBR, both engines
PARAGRAPH_FOLDER = "段落 paragraphs"  # the paragraph files and the playlist; the chapters file sits above it

Progress = Callable[[int, int, str], None]  # chunks done, chunks in all, what is happening


class ExportCancelled(Exception):
    """The listener pressed Cancel (or Ctrl+C); nothing was left in the output folder."""


class ExportError(Exception):
    """The export cannot be done; the message says why in plain words.

    ``kind`` lets a window say it in the reader's language: "folder" (cannot write there: choose another),
    "voice" (no voice could speak), "input" (a bad option), "other".
    """

    def __init__(self, message: str, kind: str = "other"):
        super().__init__(message)
        self.kind = kind


# ------------------------------------------------------------------------------------------- the plan


def part_choices(report: Report) -> list[str]:
    """The --part values this document has: all, each part by its number (and its year, 2024年… → 2024), notes."""
    parts = [b for b in report.blocks if b.kind is BlockKind.PART]
    years = [m.group(1) for b in parts if (m := _PART_YEAR.search(b.text))]
    has_notes = any(b.kind is BlockKind.NOTES_HEADING for b in report.blocks)
    return ["all", *(str(n) for n in range(1, len(parts) + 1)), *years, *(["notes"] if has_notes else [])]


_PART_YEAR = re.compile(r"^\D{0,8}?(\d{4})年")  # 2024年工作回顾, 一、2024年工作回顾


def part_start(report: Report, part: str) -> int | None:
    """Where part ``part`` begins: the n-th part for a number, the part of that year (2024年工作回顾) for a
    year; None when the document has no such part."""
    parts = [i for i, b in enumerate(report.blocks) if b.kind is BlockKind.PART]
    if part.isdigit() and len(part) == 4:
        return next((i for i in parts if (m := _PART_YEAR.search(report.blocks[i].text)) and m.group(1) == part),
                    None)
    if part.isdigit() and 1 <= int(part) <= len(parts):
        return parts[int(part) - 1]
    return None


def select_blocks(report: Report, part: str = "all") -> list[Block]:
    """The blocks of one part, in reading order.

    ``all`` is the whole document; ``notes`` is 名词解释 and its notes; a part by its number or year, from its
    heading up to the next part or the notes (the built-in report's ``2024`` is 2024年工作回顾, ``2025``
    2025年工作安排, as are ``1`` and ``2``).
    """
    blocks = report.blocks
    if part == "all":
        return list(blocks)
    notes_start = next((i for i, b in enumerate(blocks) if b.kind is BlockKind.NOTES_HEADING), len(blocks))
    if part == "notes":
        chosen = blocks[notes_start:]
    else:
        start = part_start(report, part)
        if start is None:
            raise ExportError(f"unknown part {part!r}: this document's parts are "
                              f"{', '.join(part_choices(report))}", "input")
        following = [i for i, b in enumerate(blocks) if i > start and b.kind is BlockKind.PART] + [notes_start]
        chosen = blocks[start:min(following)]
    if not chosen:
        raise ExportError(f"this document has no {part} part", "input")
    return list(chosen)


def part_title(report: Report, part: str) -> str | None:
    """The album name of a part: its heading (2024年工作回顾, 名词解释); None for the whole document."""
    if part == "all":
        return None
    if part == "notes":
        return next((b.text for b in report.blocks if b.kind is BlockKind.NOTES_HEADING), None)
    start = part_start(report, part)
    return report.blocks[start].text if start is not None else None


def track_titles(report: Report) -> dict[str, str]:
    """A title for every block: headings by their text, paragraphs as "heading · n", notes by their term."""
    titles: dict[str, str] = {}
    section = report.title or "报告"
    count = 0
    for block in report.blocks:
        if block.kind.is_heading:
            section, count = block.text, 0
            titles[block.id] = block.text
        elif block.kind is BlockKind.NOTE and block.note_number in report.notes:
            titles[block.id] = f"[{block.note_number}] {report.notes[block.note_number].label}"
        else:
            count += 1
            titles[block.id] = f"{section} · {count}"
    return titles


def file_name(report: Report, block: Block) -> str:
    """``017-y2024-p03.mp3``: the block's place in the whole report, so names sort in reading order."""
    safe = re.sub(r"[^A-Za-z0-9_-]+", "_", block.id).strip("_") or "block"
    width = max(3, len(str(len(report.blocks))))
    return f"{report.index_of(block.id) + 1:0{width}d}-{safe}.mp3"


def output_names(part: str) -> tuple[str, str]:
    """(playlist, chapters file) for a part; parts get their own, so several can share a folder."""
    suffix = "" if part == "all" else f"-{part}"
    return f"playlist{suffix}.m3u8", f"report{suffix}-chapters.mp3"


@dataclass
class Track:
    block: Block
    title: str
    file: str
    chunks: list[SpeechChunk]
    duration_s: float = 0.0


@dataclass
class AudioExportResult:
    folder: Path
    tracks: list[Track]
    playlist: Path  # in paragraph_folder, beside the files it lists
    chapters_file: Path  # in folder, above paragraph_folder
    paragraph_folder: Path
    engine: Engine
    voice: str
    duration_s: float
    cache_hits: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)  # e.g. "the online voice failed; used the offline voice"


# -------------------------------------------------------------------------------------------- voices


class ChunkVoice(Protocol):
    engine: Engine
    label: str

    def synthesize(self, texts: Sequence[str], cancel: threading.Event, done: Callable[[], None]) -> list[bytes]:
        """MP3 (48 kbit/s CBR, 24 kHz mono) for each text, in order; ``done()`` after each one."""
        ...


def _wait(future: concurrent.futures.Future[Audio], cancel: threading.Event) -> Audio:
    while True:
        if cancel.is_set():
            future.cancel()
            raise ExportCancelled()
        try:
            return future.result(timeout=0.1)
        except concurrent.futures.TimeoutError:
            continue
        except concurrent.futures.CancelledError:
            raise ExportError("the online voice stopped before the export was finished") from None


class EdgeVoice:
    """Edge through the shared cache: hits are read from disk, misses fetched and stored."""

    engine = Engine.EDGE

    def __init__(self, params: VoiceParams, cache: AudioCache, *, endpoint: str | None = None,
                 proxy: str | None = None, events: EventLog = NULL_LOG,
                 synthesizer: EdgeSynthesizer | EdgeClient | None = None):
        self.params = params
        self.cache = cache
        self.label = params.voice
        self.hits = 0
        # The process's one Edge worker, shared with reading aloud: one request at a time, never in parallel.
        self.synth = synthesizer or shared_client(endpoint, proxy, events)
        self._own = synthesizer is None

    def synthesize(self, texts: Sequence[str], cancel: threading.Event, done: Callable[[], None]) -> list[bytes]:
        keys = [AudioCache.key(t, self.params, Engine.EDGE, boundary=EDGE_BOUNDARY) for t in texts]
        cached = [self.cache.get(k) for k in keys]
        futures = {i: self.synth.submit(t, self.params, boundary=EDGE_BOUNDARY)
                   for i, (t, hit) in enumerate(zip(texts, cached, strict=True)) if hit is None}
        out: list[bytes] = []
        try:
            for i, hit in enumerate(cached):
                if hit is not None:
                    self.hits += 1
                    out.append(hit.mp3)
                else:
                    audio = _wait(futures[i], cancel)
                    self.cache.put(keys[i], audio)
                    out.append(audio.mp3)
                done()
        finally:
            for future in futures.values():
                future.cancel()
        return out

    def close(self) -> None:
        if self._own:
            self.synth.shutdown()  # a client's shutdown drops only this export's requests


def _seconds(path: Path) -> float:
    """How long an MP3 plays, as a player will show it (mutagen types ``info`` loosely)."""
    return float(cast(MPEGInfo, MP3(path).info).length)


def offline_missing() -> list[str]:
    """What the offline voice needs that is not installed (export/offline_speech.py: espeak-ng on Linux)."""
    return offline_speech.missing()


class OfflineVoice:
    """The platform's own synthesiser → MP3 in Edge's format (export/offline_speech.py); cached like Edge audio
    (engine "system")."""

    engine = Engine.SYSTEM

    def __init__(self, params: VoiceParams, cache: AudioCache | None = None):
        try:
            self.voice = offline_speech.synthesiser(cantonese=params.voice.startswith("zh-HK"))
        except offline_speech.OfflineSpeechError as exc:
            raise ExportError(str(exc), "voice") from exc
        self.label = self.voice.label
        self.prosody = offline_speech.Prosody(params.rate, params.pitch, params.volume)
        # The cache key holds everything that changes the sound.
        self.params = VoiceParams(self.label.replace(" ", ":", 1), params.rate, params.pitch, params.volume)
        self.cache = cache
        self.hits = 0

    def synthesize(self, texts: Sequence[str], cancel: threading.Event, done: Callable[[], None]) -> list[bytes]:
        out = []
        for text in texts:
            if cancel.is_set():
                raise ExportCancelled()
            key = AudioCache.key(text, self.params, Engine.SYSTEM, boundary="none")
            hit = self.cache.get(key) if self.cache is not None else None
            if hit is not None:
                self.hits += 1
                out.append(hit.mp3)
            else:
                mp3 = self._render(text)
                if self.cache is not None:
                    self.cache.put(key, Audio(mp3, [], Engine.SYSTEM, self.params.voice))
                out.append(mp3)
            done()
        return out

    def _render(self, text: str) -> bytes:
        try:
            return offline_speech.speak_mp3(self.voice, text, self.prosody)
        except offline_speech.OfflineSpeechError as exc:
            raise ExportError(f"the offline voice failed: {exc}", "voice") from exc

    def close(self) -> None:
        pass


# ------------------------------------------------------------------------------------------ exporter


@dataclass
class AudioExportOptions:
    out: Path
    part: str = "all"
    params: VoiceParams = field(default_factory=VoiceParams)
    engine: str = "auto"  # "auto": Edge, and the offline voice if Edge cannot be reached
    policy: MarkerPolicy = MarkerPolicy.SKIP
    record: Sequence[Respeller] = ()
    endpoint: str | None = None  # base URL of the online voices; None for Microsoft's service
    proxy: str | None = None
    endpoint_error: EdgeError | None = None  # the address chosen for the online voices is bad: none may be sent
    title: str = ""  # the album's name for a document without a title block (the command line: its file's name)

    @classmethod
    def from_profile(cls, profile: SpeechProfile, *, out: Path, part: str = "all", engine: str = "auto",
                     record: Sequence[Respeller] = ()) -> AudioExportOptions:
        """The export as the speech profile says (voice, markers, endpoint, proxy); consent is the caller's."""
        return cls(out=out, part=part, params=profile.params, engine=engine, policy=profile.markers, record=record,
                   endpoint=profile.endpoint, proxy=profile.proxy, endpoint_error=profile.endpoint_error)


class AudioExporter:
    """Runs an export on the calling thread (the UI calls ``run`` from a worker thread).

    ``cancel()`` from any thread stops it at the next chunk; ``run`` then raises ExportCancelled.
    """

    def __init__(self, report: Report, options: AudioExportOptions, *, cache: AudioCache | None = None,
                 events: EventLog = NULL_LOG, progress: Progress | None = None,
                 edge_factory: Callable[[], ChunkVoice] | None = None):
        if options.engine not in ENGINES:
            raise ExportError(f"unknown engine {options.engine!r}: choose one of {', '.join(ENGINES)}", "input")
        self.report = report
        self.options = options
        self.cache = cache if cache is not None else AudioCache()
        self.events = events
        self.progress = progress or (lambda done, total, what: None)
        self._edge_factory = edge_factory
        self._cancel = threading.Event()
        titles = track_titles(report)
        self.tracks = [
            Track(block, titles[block.id], file_name(report, block),
                  [c for c in prepare_block(block, report, options.policy, list(options.record)) if c.text.strip()])
            for block in select_blocks(report, options.part)
        ]
        self.tracks = [t for t in self.tracks if t.chunks]
        self.total_chunks = sum(len(t.chunks) for t in self.tracks)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> AudioExportResult:
        started = time.monotonic()
        opts = self.options
        notes: list[str] = []
        self.events.emit("export.start", kind="audio", part=opts.part, engine=opts.engine, chunks=self.total_chunks)
        try:
            if opts.engine == "offline":
                result = self._run_with(OfflineVoice(opts.params, self.cache))
            else:
                try:
                    result = self._run_with(self._edge_voice())
                except EdgeError as exc:
                    if opts.engine == "edge":
                        raise ExportError(f"the online voice failed: {exc.kind.plain} ({exc})", "voice") from exc
                    missing = offline_missing()
                    if missing:
                        raise ExportError(
                            f"the online voice cannot be used ({exc.kind.plain} {exc}) and there is no offline "
                            f"voice that can write audio (install {' and '.join(missing)})", "voice") from exc
                    note = f"the online voice failed ({exc}); the offline voice was used instead"
                    log.warning("audio export: %s", note)
                    notes.append(note)
                    self.progress(0, self.total_chunks, "The online voice failed; using the offline voice.")
                    result = self._run_with(OfflineVoice(opts.params, self.cache))
        except ExportCancelled:
            self.events.emit("export.end", kind="audio", ok=False, error="cancelled",
                             ms=round((time.monotonic() - started) * 1000))
            raise
        except ExportError as exc:
            self.events.emit("export.end", kind="audio", ok=False, error=str(exc),
                             ms=round((time.monotonic() - started) * 1000))
            raise
        result.notes = notes
        result.seconds = time.monotonic() - started
        self.events.emit("export.end", kind="audio", ok=True, ms=round(result.seconds * 1000),
                         files=len(result.tracks), engine=result.engine.value, audio_s=round(result.duration_s, 1),
                         cache_hits=result.cache_hits)
        return result

    def _edge_voice(self) -> ChunkVoice:
        if self._edge_factory is not None:
            return self._edge_factory()
        opts = self.options
        if opts.endpoint_error is not None:
            raise opts.endpoint_error
        return EdgeVoice(opts.params, self.cache, endpoint=opts.endpoint, proxy=opts.proxy, events=self.events)

    def _run_with(self, voice: ChunkVoice) -> AudioExportResult:
        out = self.options.out
        created = not out.exists()
        try:
            out.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".fenggang-export-", dir=out))
        except OSError as exc:
            close = getattr(voice, "close", None)
            if close is not None:
                close()
            verb = "create the folder" if created else "write in the folder"
            raise ExportError(f"cannot {verb} {out}: {exc.strerror or exc}", "folder") from exc
        try:
            try:
                result = self._write_all(voice, staging)
                self._move_in(staging, out, result)
            except OSError as exc:  # a full disk, a folder made read-only meanwhile
                raise ExportError(f"cannot write in the folder {out}: {exc.strerror or exc}", "folder") from exc
            return result
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            if created:
                with contextlib.suppress(OSError):
                    out.rmdir()  # only if still empty: nothing of ours is left behind
            raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            close = getattr(voice, "close", None)
            if close is not None:
                close()

    def _write_all(self, voice: ChunkVoice, staging: Path) -> AudioExportResult:
        opts = self.options
        playlist_name, chapters_name = output_names(opts.part)
        chapters_raw = staging / (chapters_name + ".raw")
        paragraphs = staging / PARAGRAPH_FOLDER
        paragraphs.mkdir()
        done = 0

        def tick(what: str) -> Callable[[], None]:
            def step() -> None:
                nonlocal done
                done += 1
                self.progress(done, self.total_chunks, what)
            return step

        spans: list[tuple[Track, float, float]] = []
        position_ms = 0.0
        tracks: list[Track] = []
        with open(chapters_raw, "wb") as whole:
            for number, track in enumerate(self.tracks, 1):
                if self._cancel.is_set():
                    raise ExportCancelled()
                pieces = voice.synthesize([c.text for c in track.chunks], self._cancel, tick(track.title))
                audio = b"".join(pieces)
                if not audio:
                    continue
                path = paragraphs / track.file
                atomic_write_bytes(path, audio)
                self._tag_track(path, track, number)
                track.duration_s = _seconds(path)
                whole.write(audio)
                length_ms = len(audio) / MP3_BYTES_PER_MS
                spans.append((track, position_ms, position_ms + length_ms))
                position_ms += length_ms
                tracks.append(track)
        if not tracks:
            raise ExportError("there was nothing to say in this part", "input")
        chapters = staging / chapters_name
        os.replace(chapters_raw, chapters)
        self._tag_chapters(chapters, spans)
        atomic_write_text(paragraphs / playlist_name, self._playlist(tracks))
        out = self.options.out
        return AudioExportResult(out, tracks, out / PARAGRAPH_FOLDER / playlist_name, out / chapters_name,
                                 out / PARAGRAPH_FOLDER, voice.engine, voice.label, _seconds(chapters),
                                 getattr(voice, "hits", 0))

    def _album(self) -> str:
        title = self.report.title or self.options.title or "报告"
        part = part_title(self.report, self.options.part)
        return f"{title}（{part}）" if part else title

    def _artist(self) -> str:
        speaker = self.report.get("speaker") or self.report.get("d-speaker")  # structure_document's speaker line
        return speaker.text if speaker is not None else ""

    def _tag_track(self, path: Path, track: Track, number: int) -> None:
        tags = ID3()
        tags.add(TIT2(encoding=3, text=[track.title]))
        tags.add(TALB(encoding=3, text=[self._album()]))
        tags.add(TRCK(encoding=3, text=[f"{number}/{len(self.tracks)}"]))
        if self._artist():
            tags.add(TPE1(encoding=3, text=[self._artist()]))
        tags.save(path, v2_version=3)

    def _tag_chapters(self, path: Path, spans: list[tuple[Track, float, float]]) -> None:
        """One chapter per paragraph file, titled like it; a top-level ordered table of contents."""
        tags = ID3()
        tags.add(TIT2(encoding=3, text=[self._album()]))
        tags.add(TALB(encoding=3, text=[self._album()]))
        if self._artist():
            tags.add(TPE1(encoding=3, text=[self._artist()]))
        ids = [f"ch{i:03d}" for i in range(1, len(spans) + 1)]
        tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                      sub_frames=[TIT2(encoding=3, text=[self._album()])]))
        for element_id, (track, start, end) in zip(ids, spans, strict=True):
            tags.add(CHAP(element_id=element_id, start_time=round(start), end_time=round(end),
                          start_offset=0xFFFFFFFF, end_offset=0xFFFFFFFF,
                          sub_frames=[TIT2(encoding=3, text=[track.title])]))
        tags.save(path, v2_version=3)

    def _playlist(self, tracks: list[Track]) -> str:
        lines = ["#EXTM3U", f"#PLAYLIST:{self._album()}"]
        for track in tracks:
            lines.append(f"#EXTINF:{round(track.duration_s)},{track.title}")
            lines.append(track.file)
        return "\n".join(lines) + "\n"

    @staticmethod
    def _move_in(staging: Path, out: Path, result: AudioExportResult) -> None:
        """Paragraph files first, the playlist once they are all there, the chapters file last."""
        (out / PARAGRAPH_FOLDER).mkdir(exist_ok=True)
        names = [f"{PARAGRAPH_FOLDER}/{t.file}" for t in result.tracks]
        names += [f"{PARAGRAPH_FOLDER}/{result.playlist.name}", result.chapters_file.name]
        for name in names:
            share_like_a_new_file(staging / name)
            os.replace(staging / name, out / name)
