"""Command line: parse it, then run the reader or one of the export commands (fenggang_reader/commands.py)."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import time
from pathlib import Path

from . import __version__
from .core import events

_T0 = time.perf_counter()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fenggang-reader",
        description="Read and listen to the 2025 Fenggang town government work report, with pinyin.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--event-log", type=Path, metavar="PATH", help="append JSON-lines timing events to PATH")
    parser.add_argument("--report", type=Path, metavar="FILE", help="open this report file instead of the bundled one")
    parser.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = sub.add_parser("run", help="open the reader (the default); fenggang-reader FILE is run FILE",
                         description="Open the reader, with FILE if given: a text file, a saved web page (.html, "
                                     ".mhtml), a Word file (.docx), an EPUB book or a PDF with text. When the reader "
                                     "is already open, that window opens FILE.")
    run.add_argument("file", type=Path, nargs="?", metavar="FILE", help="the document to open")
    pinyin = sub.add_parser("export-pinyin", help="print the report's pinyin as JSON to stdout",
                            description="Print, as JSON, every block of the document in reading order: its id, "
                                        "kind (title, meta, salutation, part, heading, paragraph, notes, note), "
                                        "text and the tone-mark reading of each character (null where not Han).")
    audio = sub.add_parser(
        "export-audio", help="write an audiobook: one MP3 per paragraph, an M3U playlist, one MP3 with chapters",
        description="Write one MP3 with ID3 chapters into DIR, and one MP3 per paragraph (named so they sort in "
                    "reading order) with an M3U playlist into DIR/段落 paragraphs. Voice and speed default to the reader's settings; audio "
                    "already heard comes from the cache. Without the online voice, the computer's own voice is used (espeak-ng on Linux, say on macOS, the Windows voices).")
    audio.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the files (created)")
    audio.add_argument("--voice", help="Edge voice short name, e.g. zh-CN-YunxiNeural (default: the setting)")
    audio.add_argument("--rate", type=float, help="speed, 0.5 to 2 (default: the setting)")
    audio.add_argument("--part", default="all", metavar="PART",
                       help="all (default); notes = the notes (名词解释); a part by its number (1, 2, …) or its year "
                            "(for the built-in report 2024 = 2024年工作回顾, 2025 = 2025年工作安排)")
    audio.add_argument("--engine", choices=("auto", "edge", "offline"), default="auto",
                       help="auto (default): the online Edge voice when the reader's online-voices notice was "
                            "accepted (or --allow-online), the offline voice otherwise or if Edge cannot be reached")
    audio.add_argument("--allow-online", action="store_true",
                       help="send the text to Microsoft's online voices for this export even though the reader "
                            "never accepted them or is set to the offline voice only")
    pdf = sub.add_parser("export-pdf", help="write a large-print PDF with pinyin, an outline and linked notes")
    pdf.add_argument("--out", type=Path, required=True, metavar="PDF", help="the PDF to write")
    pdf.add_argument("--size", type=int, default=36, help="text size in points, 12 to 96 (default 36)")
    pdf.add_argument("--pinyin", choices=("on", "off"), default="on", help="pinyin above the characters (default on)")
    lines = sub.add_parser("export-lines", help="print the lines the reader lays out at a size and width, as JSON",
                           description="Print, as a JSON list, every line the reader view lays out for a text area "
                                       "of --width pixels at --size points: its block, number, characters, left and "
                                       "right edge in pixels, and whether it is the block's last line.")
    lines.add_argument("--size", type=int, required=True, metavar="PT", help="text size in points, 12 to 96")
    lines.add_argument("--width", type=int, required=True, metavar="PX", help="width of the text area in pixels")
    lines.add_argument("--script", choices=("simplified", "hk", "tw"), default="simplified",
                       help="the characters: simplified (default), hk or tw (Traditional, Hong Kong or Taiwan)")
    for command in (pinyin, audio, pdf, lines):
        command.add_argument("file", type=Path, nargs="?", metavar="FILE",
                             help="the document to export (default: the built-in report): a text file, a saved web "
                                  "page (.html, .mhtml), a Word file (.docx), an EPUB book, a PDF with text or a "
                                  "report file (.tsv)")
    from .self_test import add_parser as add_self_test

    add_self_test(sub)  # hidden: for installers and CI (fenggang_reader/self_test.py)
    return parser


def console_main(argv: list[str] | None = None) -> int:
    """The process's entry point (``fenggang-reader``, ``python -m fenggang_reader``, the bundles): ``main``, then
    the process's end made safe. Never for a caller that goes on running: it stops every loop thread."""
    return _leave(main(argv))


def _leave(code: int) -> int:
    """``code``, once no loop thread runs; with one stuck (a sound server or voice that never answers), end the
    process here, output flushed, rather than let Python finalize under it (speech/loop_thread.py)."""
    loop_thread = sys.modules.get("fenggang_reader.speech.loop_thread")
    if loop_thread is None or not (stuck := loop_thread.stop_all()):
        return code
    logging.getLogger(__name__).warning("ending without clean-up: %s still running", ", ".join(stuck))
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    """Run the reader or a command and return the exit code (tests call it in their own process)."""
    events.set_process_start(_T0)
    parser = build_parser()
    args = parser.parse_args(with_run_command(list(sys.argv[1:] if argv is None else argv), parser))
    if args.event_log is not None and (why := events.unwritable(args.event_log)):
        parser.error(f"--event-log {args.event_log}: cannot write there ({why})")
    if args.command in ("export-pinyin", "export-audio", "export-pdf", "export-lines"):
        from . import commands

        command = {"export-pinyin": commands.export_pinyin, "export-audio": commands.export_audio,
                   "export-pdf": commands.export_pdf, "export-lines": commands.export_lines}[args.command]
        if getattr(args, "file", None) is not None and args.report is not None:
            parser.error(f"{args.command}: give either FILE or --report, not both")
        return command(args, _load_report(args))
    if args.command == "self-test":
        from .self_test import run as self_test

        return self_test(args)
    from .app import run_app  # Qt is imported only when a window is wanted

    return run_app(args)


def with_run_command(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """``fenggang-reader FILE`` means ``fenggang-reader run FILE``: "run" goes before the first word that is not an
    option, an option's value or a command."""
    commands = {name for action in parser._actions if isinstance(action, argparse._SubParsersAction)
                for name in action.choices}
    takes_value = {option for action in parser._actions if action.nargs != 0 and action.option_strings
                   for option in action.option_strings}
    index = 0
    while index < len(argv):
        word = argv[index]
        if word == "--":
            return argv[:index] + ["run"] + argv[index:] if index + 1 < len(argv) else argv
        if word.startswith("-") and word != "-":
            index += 2 if word in takes_value else 1
            continue
        return argv if word in commands else argv[:index] + ["run"] + argv[index:]
    return argv


def _load_report(args: argparse.Namespace):
    """The document an export command works on: FILE, else --report (a .tsv report file), else the built-in one;
    None (the reason printed) when it cannot be opened."""
    from .core.documents.extract import DocumentError
    from .core.documents.open import open_document
    from .core.report_format import ReportFormatError, load_report
    from .core.resources import load_bundled_report

    try:
        if getattr(args, "file", None) is not None:
            return open_document(args.file)
        return load_report(args.report) if args.report else load_bundled_report()
    except (ReportFormatError, DocumentError) as exc:
        print(f"fenggang-reader: {exc}", file=sys.stderr)
        return None

