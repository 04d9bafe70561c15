"""The commands of ``fenggang-reader`` other than opening the window: export-pinyin, export-audio, export-pdf,
export-lines.

cli.py parses the command line and calls one of these. Each loads only what it needs, inside the function:
export-pinyin must not pay for Qt or the speech modules, export-audio not for the widgets that paint a PDF.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import signal
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .core.consent import OnlineVoices, online_voices_for
from .core.model import Report
from .core.pronunciation import RecordError
from .core.reader_annotator import exporting_annotator, preload_readings, readings_cache_path
from .core.settings import SPEECH_RATE, Settings
from .core.storage import AppDirs

if TYPE_CHECKING:
    from .export.audio import AudioExportOptions


def _fallback_title(args: argparse.Namespace) -> str:
    """A name for a document without a title block, for the PDF's title and the audiobook's album: its file's."""
    file = getattr(args, "file", None)
    return file.stem if file is not None else ""


def _fail(message: str) -> int:
    print(f"fenggang-reader: {message}", file=sys.stderr)
    return 1


# -- export-pinyin ---------------------------------------------------------------------------------------
def export_pinyin(args: argparse.Namespace, report: Report | None) -> int:
    """Every block's text and the tone-mark reading of each character, as JSON on stdout."""
    from .core.export import pinyin_export_json

    if report is None:
        return 1
    try:
        annotator = exporting_annotator(Settings.load(AppDirs.default().settings_file), report=report)
    except RecordError as exc:
        return _fail(str(exc))
    sys.stdout.write(pinyin_export_json(report, annotator) + "\n")
    return 0


# -- export-audio ----------------------------------------------------------------------------------------
_WHY_NOT_ONLINE = {
    OnlineVoices.OFFLINE_ONLY: "the reader is set to use the offline voice only (Never send text to online voices)",
    OnlineVoices.NOT_ACCEPTED: "the online voices, which send the text to Microsoft, were never accepted in the "
                               "reader",
}


def choose_engine(settings: Settings, args: argparse.Namespace) -> tuple[str, list[str]]:
    """The engine this export may use, with notes for stderr: the reader's consent decides (core/consent.py).

    ``--engine edge`` without consent is refused with the reason (ExportError), never quietly honoured.
    """
    from .export.audio import ExportError

    allow_online = bool(getattr(args, "allow_online", False))
    consent = online_voices_for(settings, allow_online=allow_online)
    notes = []
    if allow_online and settings["offline_only"] and args.engine != "offline":
        notes.append("--allow-online: this export may use the online voices although the reader is set to the "
                     "offline voice only")
    if args.engine == "offline":
        return "offline", notes
    if not consent.allowed:
        why = _WHY_NOT_ONLINE[consent]
        if args.engine == "edge":
            raise ExportError(f"--engine edge: {why}. Add --allow-online to use the online voices for this "
                              "export.", "input")
        return "offline", [f"using the offline voice: {why} (add --allow-online to use the online voices)"]
    if args.engine == "auto" and settings["speech_engine"] == "system" and not allow_online:
        return "offline", notes
    return args.engine, notes


def options_from_settings(settings: Settings, args: argparse.Namespace,
                          report: Report | None = None) -> tuple[AudioExportOptions, list[str]]:
    """What the listener chose in the reader (the speech profile), overridden by the command line; and notes for
    stderr."""
    from .export.audio import AudioExportOptions, ExportError
    from .speech.edge import EdgeEndpointError
    from .speech.profile import SpeechProfile

    dirs = AppDirs.default()
    annotator = exporting_annotator(settings, dirs, report)  # that document's corrections
    rate = settings.value(SPEECH_RATE) if args.rate is None else args.rate
    try:
        SPEECH_RATE.validate(rate)
    except ValueError:
        raise ExportError(f"--rate must be between {SPEECH_RATE.minimum:g} and {SPEECH_RATE.maximum:g}, not {rate}",
                          "input") from None
    engine, notes = choose_engine(settings, args)
    profile = SpeechProfile.from_settings(settings, allow_online=bool(getattr(args, "allow_online", False)))
    if engine != "offline":
        try:
            profile.checked_endpoint()  # before any text is sent
        except EdgeEndpointError as exc:
            raise ExportError(str(exc), "input") from None
    options = AudioExportOptions.from_profile(profile.with_voice(args.voice, rate), out=args.out, part=args.part,
                                              engine=engine, record=[annotator.record, annotator.user])
    return dataclasses.replace(options, title=_fallback_title(args)), notes


@contextlib.contextmanager
def _ending_as_interrupt() -> Iterator[None]:
    """SIGTERM/SIGHUP (logout, kill, a closed terminal) cancel like Ctrl+C, so the half-written staging folder
    is removed instead of left beside the reader's files."""
    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {sig: signal.signal(sig, interrupt) for sig in wanted}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def export_audio(args: argparse.Namespace, report: Report | None) -> int:
    """The audiobook with the reader's settings: one MP3 with chapters, one per paragraph and a playlist."""
    from .core.events import EventLog
    from .export.audio import AudioExporter, ExportCancelled, ExportError

    if report is None:
        return 1
    settings = Settings.load(AppDirs.default().settings_file)
    for problem in settings.problems:
        print(f"fenggang-reader: {problem}", file=sys.stderr)
    try:
        options, notes = options_from_settings(settings, args, report)
    except (ExportError, RecordError) as exc:
        return _fail(str(exc))
    for note in notes:
        print(f"fenggang-reader: {note}", file=sys.stderr)
    tty = sys.stderr.isatty()
    last = [""]

    def progress(done: int, total: int, what: str) -> None:
        if what != last[0] or done == total:
            last[0] = what
            end = "\r" if tty and done < total else "\n"
            print(f"[{done}/{total}] {what}"[:100].ljust(100 if tty else 0), end=end, file=sys.stderr, flush=True)

    events = EventLog(args.event_log)  # a no-op without --event-log
    try:
        with _ending_as_interrupt():
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


# -- export-pdf ------------------------------------------------------------------------------------------
def export_pdf(args: argparse.Namespace, report: Report | None) -> int:
    """Large print with pinyin, an outline and linked notes; works without a screen (Qt's offscreen platform).
    The pages are painted by the reader's own view (ui/print_layout.py)."""
    from .core.pinyin import PinyinStyle
    from .ui.reader_view import MAX_FONT_PT, MIN_FONT_PT

    if report is None:
        return 1
    if not MIN_FONT_PT <= args.size <= MAX_FONT_PT:
        print(f"fenggang-reader: --size must be between {MIN_FONT_PT} and {MAX_FONT_PT}", file=sys.stderr)
        return 1
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .app import create_application
    from .ui.print_layout import export_pdf as write_pdf

    create_application()
    dirs = AppDirs.default()
    settings = Settings.load(dirs.settings_file)
    try:
        annotator = exporting_annotator(settings, dirs, report)
    except RecordError as exc:
        print(f"fenggang-reader: {exc}", file=sys.stderr)
        return 1
    # The readings the window saved, or the shipped ones, where they were made for this annotator: pypinyin then
    # never runs (0.6 of 2.6 CPU seconds at 36 pt).
    preload_readings(annotator, report, readings_cache_path(report, dirs))
    try:
        pages = write_pdf(report, annotator, args.out, size=args.size, pinyin=args.pinyin == "on",
                           style=PinyinStyle(settings["pinyin_style"]), title=_fallback_title(args))
    except OSError as exc:
        print(f"fenggang-reader: cannot write {args.out}: {exc}", file=sys.stderr)
        return 1
    print(f"{pages} pages at {args.size} pt in {args.out}")
    return 0


# -- export-lines ----------------------------------------------------------------------------------------
def export_lines(args: argparse.Namespace, report: Report | None) -> int:
    """The lines the reader view lays out at --size and --width, as JSON on stdout (ui/line_export.py)."""
    import json

    from .core.script import Script
    from .ui.reader_view import MAX_FONT_PT, MIN_FONT_PT

    if report is None:
        return 1
    if not MIN_FONT_PT <= args.size <= MAX_FONT_PT:
        return _fail(f"--size must be between {MIN_FONT_PT} and {MAX_FONT_PT}")
    if args.width < 1:
        return _fail("--width must be a positive number of pixels")
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .app import create_application
    from .ui.line_export import laid_out_view, view_lines

    create_application()
    dirs = AppDirs.default()
    try:
        annotator = exporting_annotator(Settings.load(dirs.settings_file), dirs, report)
    except RecordError as exc:
        return _fail(str(exc))
    preload_readings(annotator, report, readings_cache_path(report, dirs))  # as export-pdf: no pypinyin for nothing
    view = laid_out_view(report, annotator, size=args.size, width=args.width, script=Script(args.script))
    lines = view_lines(view)
    sys.stdout.write("[\n" + ",\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n]\n")
    return 0
