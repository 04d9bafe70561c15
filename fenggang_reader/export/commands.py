"""``fenggang-reader export-audio``: the audiobook from the command line, with the reader's settings."""

from __future__ import annotations

import argparse
import sys

from fenggang_reader.core.events import EventLog
from fenggang_reader.core.model import Report
from fenggang_reader.core.pronunciation import RecordError
from fenggang_reader.core.resources import bundled_annotator
from fenggang_reader.core.settings import Settings
from fenggang_reader.core.spoken import MarkerPolicy
from fenggang_reader.core.storage import AppDirs
from fenggang_reader.export.audio import AudioExporter, AudioExportOptions, ExportCancelled, ExportError
from fenggang_reader.speech.types import VoiceParams


def _fail(message: str) -> int:
    print(f"fenggang-reader: {message}", file=sys.stderr)
    return 1


def options_from_settings(settings: Settings, args: argparse.Namespace) -> AudioExportOptions:
    """What the listener chose in the reader, overridden by the command line."""
    dirs = AppDirs.default()
    annotator = bundled_annotator(dirs.data / "corrections.tsv")
    rate = settings["speech_rate"] if args.rate is None else args.rate
    if not 0.5 <= rate <= 2.0:
        raise ExportError(f"--rate must be between 0.5 and 2, not {rate}")
    params = VoiceParams(args.voice or settings["voice"], rate, settings["speech_pitch"], settings["speech_volume"])
    engine = args.engine
    if engine == "auto" and (settings["offline_only"] or settings["speech_engine"] == "system"):
        engine = "offline"
    return AudioExportOptions(
        out=args.out, part=args.part, params=params, engine=engine,
        policy=MarkerPolicy.from_setting(settings["marker_speech"]), record=[annotator.record, annotator.user],
        endpoint=settings["edge_endpoint"] or None, proxy=settings["proxy"] or None,
    )


def export_audio(args: argparse.Namespace, report: Report | None) -> int:
    if report is None:
        return 1
    settings = Settings.load(AppDirs.default().settings_file)
    try:
        options = options_from_settings(settings, args)
    except (ExportError, RecordError) as exc:
        return _fail(str(exc))
    tty = sys.stderr.isatty()
    last = [""]

    def progress(done: int, total: int, what: str) -> None:
        if what != last[0] or done == total:
            last[0] = what
            end = "\r" if tty and done < total else "\n"
            print(f"[{done}/{total}] {what}"[:100].ljust(100 if tty else 0), end=end, file=sys.stderr, flush=True)

    events = EventLog(args.event_log)  # a no-op without --event-log
    try:
        result = AudioExporter(report, options, progress=progress, events=events).run()
    except (ExportCancelled, KeyboardInterrupt):  # the staging folder is gone either way
        print("\nfenggang-reader: cancelled; nothing was written", file=sys.stderr)
        return 130
    except ExportError as exc:
        return _fail(str(exc))
    finally:
        events.close()
    for note in result.notes:
        print(f"fenggang-reader: {note}", file=sys.stderr)
    minutes = result.duration_s / 60
    print(f"{len(result.tracks)} paragraphs, {minutes:.1f} minutes ({result.voice}) in {result.folder}")
    print(f"one file with chapters: {result.chapters_file.name}; paragraph files and their playlist: "
          f"{result.paragraph_folder.name}/{result.playlist.name}")
    return 0
