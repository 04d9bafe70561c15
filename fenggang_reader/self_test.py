"""``fenggang-reader self-test``: proves, inside an installed (frozen) app, that what it loads later is there.

The installers hold only what PyInstaller saw; a library imported by name at run time (the online voice's
edge-tts) was silently left out once, and users met it as a crash on Read. This command runs in the bundle
itself, as the user's copy would: it imports every library loaded on first use, opens certifi's CA file,
reads the dictionaries (OpenCC, ToJyutping, pypinyin), opens a web page, GBK text, a Word file and an
AES-encrypted PDF as other documents are opened, loads the compiled translations, looks for the Qt
plugins (platform, multimedia FFmpeg, text to speech, SVG, TLS, print support), and with ``--edge-endpoint``
reads a sentence aloud through the online voice's code to the audio device; ``--offline-voice`` also says one
with the system voice, and ``--offline-export`` writes one sentence as MP3 with the offline export voice.

Results go to stdout and, with ``--output FILE``, to a JSON file (a windowed Windows program has no stdout).
The exit status is 0 only when every check passed. Used by tests/packaging/test_deb.py and the release workflow.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import os
import ssl
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

# Every library the app imports on first use rather than at start (speech/lazy.py, the exports, the
# pinyin and script converters): each must be in the bundle.
LAZY_MODULES = ("edge_tts", "aiohttp", "certifi", "pypdf", "mutagen.id3", "mutagen.mp3", "opencc", "ToJyutping",
                "pypinyin", "lameenc", "PySide6.QtPrintSupport", "PySide6.QtMultimedia", "PySide6.QtTextToSpeech",
                "PySide6.QtSvg", "PySide6.QtNetwork", "trafilatura", "charset_normalizer", "lxml.etree", "cryptography")
# The offline export voice on Windows (export/offline_speech.py).
PLATFORM_MODULES = {"win32": ("winrt.windows.media.speechsynthesis", "winrt.windows.storage.streams")}
LANGUAGES = ("zh_CN", "zh_TW", "en")
SENTENCE = "凤岗读报自检：这句话由在线语音读出。"
OFFLINE_SENTENCE = "凤岗读报自检：离线语音。"

# Qt plugins the reader needs on each platform: folder → file-name fragments, any one of which will do.
QT_PLUGINS: dict[str, dict[str, tuple[str, ...]]] = {
    "linux": {"platforms": ("qxcb",), "multimedia": ("ffmpegmediaplugin",), "texttospeech": ("speechd",),
              "imageformats": ("qsvg",), "iconengines": ("qsvgicon",), "tls": ("qopensslbackend",),
              "printsupport": ("cupsprintersupport",)},
    "win32": {"platforms": ("qwindows",), "multimedia": ("ffmpegmediaplugin",), "texttospeech": ("winrt", "sapi"),
              "imageformats": ("qsvg",), "iconengines": ("qsvgicon",), "tls": ("qschannelbackend",),
              "printsupport": ("windowsprintersupport",)},
    # macOS prints through the Cocoa platform plugin itself: there is no printsupport plugin.
    "darwin": {"platforms": ("qcocoa",), "multimedia": ("ffmpegmediaplugin", "darwinmediaplugin"),
               "texttospeech": ("darwin",), "imageformats": ("qsvg",), "iconengines": ("qsvgicon",),
               "tls": ("securetransport", "qopensslbackend")},
}


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    seconds: float = 0.0
    skipped: bool = False  # the machine lacks something the user would add (a Chinese voice), not the bundle


class NotOnThisMachine(Exception):
    """What a check needs is absent from this computer, not from the bundle (a build runner has no Chinese voice)."""


def _platform() -> str:
    return "linux" if sys.platform.startswith("linux") else sys.platform


def _run(name: str, check: Callable[[], str]) -> Check:
    started = time.monotonic()
    skipped = False
    try:
        detail = check()
        ok = True
    except NotOnThisMachine as exc:
        detail, ok, skipped = str(exc), True, True
    except Exception as exc:  # noqa: BLE001 - every failure is a result to report, not a crash
        detail, ok = f"{type(exc).__name__}: {exc}", False
    return Check(name, ok, detail, round(time.monotonic() - started, 3), skipped)


# ---------------------------------------------------------------------------------------- the checks


def import_module(name: str) -> str:
    module = importlib.import_module(name)
    return getattr(module, "__file__", None) or "built in"


def certificates() -> str:
    import certifi

    path = Path(certifi.where())
    context = ssl.create_default_context(cafile=str(path))
    count = context.cert_store_stats()["x509_ca"]
    if count < 50:
        raise RuntimeError(f"{path} holds only {count} CA certificates")
    return f"{count} CA certificates in {path}"


def dictionaries() -> str:
    from fenggang_reader.core.jyutping import jyutping_readings
    from fenggang_reader.core.script import Script, to_script

    traditional = to_script("凤岗镇政府工作报告", Script.TRADITIONAL_TW)
    if traditional != "鳳崗鎮政府工作報告":
        raise RuntimeError(f"OpenCC gave {traditional!r}")
    jyutping = jyutping_readings("凤岗")
    if not jyutping or not all(jyutping):
        raise RuntimeError(f"ToJyutping gave {jyutping!r}")
    from pypinyin import Style, pinyin

    readings = [r[0] for r in pinyin("凤岗读报", style=Style.TONE)]
    if readings != ["fèng", "gǎng", "dú", "bào"]:
        raise RuntimeError(f"pypinyin gave {readings!r}")
    return f"OpenCC {traditional}; Jyutping {' '.join(j or '?' for j in jyutping)}; pinyin {' '.join(readings)}"


def documents() -> str:
    """The readers of other documents work: trafilatura with its settings file and version (read at import),
    charset detection of GBK bytes, the Word reader's lxml and pypdf's AES through cryptography."""
    import io
    import zipfile

    from pypdf import PdfReader, PdfWriter

    from fenggang_reader.core.documents.docx_file import read_docx_file
    from fenggang_reader.core.documents.extract import extract_html
    from fenggang_reader.core.documents.text_file import decode_text

    page = ("<html><head><title>通知_凤岗镇人民政府</title></head><body><div class='nav'>首页 政务公开</div><h1>通知</h1>"
            "<div class='content'><p>村委会定于周六上午开会，请各位村民准时参加。</p><p>凤岗镇人民政府</p></div>"
            "<div class='footer'>网站标识码 4419000098</div></body></html>")
    html = extract_html(page, "the self-test page")
    if "村委会定于周六上午开会，请各位村民准时参加。" not in html.paragraphs:
        raise RuntimeError(f"trafilatura gave {html.paragraphs!r}")
    text = decode_text("各位代表：现在".encode("gbk"), None)
    if text != "各位代表：现在":
        raise RuntimeError(f"GBK came out as {text!r}")
    word = io.BytesIO()
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/'
                         'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>各位代表：</w:t></w:r></w:p></w:body>'
                         "</w:document>")
    paragraphs = read_docx_file(word.getvalue(), Path("self-test.docx")).paragraphs
    if paragraphs != ["各位代表："]:
        raise RuntimeError(f"the Word reader gave {paragraphs!r}")
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    locked = io.BytesIO()
    writer.write(locked)
    reader = PdfReader(io.BytesIO(locked.getvalue()))
    reader.decrypt("")
    return f"page: {html.title} ({len(html.paragraphs)} paragraphs); GBK; .docx; AES PDF {len(reader.pages)} page"


def translations() -> str:
    from PySide6.QtCore import QTranslator

    from fenggang_reader.ui.i18n import translations_dir

    directory = translations_dir()
    found = []
    for language in LANGUAGES:
        translator = QTranslator()
        if not translator.load(language, str(directory)):
            raise RuntimeError(f"{language}.qm cannot be loaded from {directory}")
        found.append(language)
    translator = QTranslator()
    translator.load("zh_CN", str(directory))
    if not translator.translate("ReadAloud", "Paused"):
        raise RuntimeError("zh_CN.qm has no translation for 'Paused'")
    return f"{', '.join(found)} in {directory}"


def qt_plugins() -> str:
    from PySide6.QtCore import QLibraryInfo

    root = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    wanted = QT_PLUGINS.get(_platform(), {})
    found: list[str] = []
    missing: list[str] = []
    for folder, fragments in wanted.items():
        files = [p.name for p in (root / folder).glob("*") if any(f in p.name for f in fragments)]
        (found if files else missing).append(f"{folder}/{files[0] if files else '|'.join(fragments)}")
    if missing:
        raise RuntimeError(f"missing in {root}: {', '.join(missing)}")
    return ", ".join(found)


def qt_features() -> str:
    """What the plugins provide, asked of Qt itself: SVG images, TLS, text-to-speech engines."""
    from PySide6.QtGui import QImageReader
    from PySide6.QtNetwork import QSslSocket
    from PySide6.QtTextToSpeech import QTextToSpeech

    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    if "svg" not in formats:
        raise RuntimeError(f"no SVG image format: {sorted(formats)}")
    if not QSslSocket.supportsSsl():
        raise RuntimeError(f"no TLS backend: {QSslSocket.availableBackends()}")
    engines = [e for e in QTextToSpeech.availableEngines() if e != "mock"]
    if not engines:
        raise RuntimeError("no text-to-speech engine")
    return f"svg; TLS {QSslSocket.activeBackend()}; speech engines {', '.join(engines)}"


def _wait(condition: Callable[[], bool], seconds: float) -> bool:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QThread

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        QThread.msleep(10)
    return True


def edge_voice(endpoint: str) -> str:
    """Synthesise a sentence through the online voice's own code, then play it to the audio device (or, on a
    machine without one, such as a Windows or macOS build runner, decode it through the same FFmpeg backend)."""
    from PySide6.QtMultimedia import QMediaDevices

    from fenggang_reader.speech.edge import EdgeSynthesizer
    from fenggang_reader.speech.types import VoiceParams

    with EdgeSynthesizer(endpoint=endpoint) as synth:
        audio = synth.submit(SENTENCE, VoiceParams()).result(timeout=30)
    if not audio.mp3 or not audio.boundaries:
        raise RuntimeError(f"{len(audio.mp3)} bytes of audio, {len(audio.boundaries)} boundaries")
    if not QMediaDevices.audioOutputs():
        return f"{len(audio.mp3)} bytes; no audio device here: {_decode(audio.mp3) / 1000:.1f} s decoded, not played"
    from fenggang_reader.speech.player import AudioPlayer

    player = AudioPlayer()
    heard: list[str] = []
    player.audio_started.connect(lambda _s: heard.append("start"))
    player.finished.connect(lambda: heard.append("end"))
    player.error.connect(lambda message: heard.append(f"error {message}"))
    try:
        player.play(audio)
        if not _wait(lambda: "end" in heard or any(h.startswith("error") for h in heard), 30):
            raise RuntimeError(f"playback did not finish: {heard}")
        player.stop()
    finally:
        player.shutdown()  # its audio thread must end before the application does, or the exit crashes (SIGSEGV)
    if heard[:2] != ["start", "end"]:
        raise RuntimeError(f"playback: {heard}")
    return f"{len(audio.mp3)} bytes, {audio.duration_ms / 1000:.1f} s played"


def _decode(mp3: bytes) -> int:
    """Milliseconds of audio Qt Multimedia's decoder gets out of ``mp3`` (proves the FFmpeg backend loads)."""
    import tempfile

    from PySide6.QtCore import QUrl
    from PySide6.QtMultimedia import QAudioDecoder

    with tempfile.TemporaryDirectory(prefix="fenggang-self-test-") as folder:
        path = Path(folder) / "sentence.mp3"
        path.write_bytes(mp3)
        decoder = QAudioDecoder()
        decoded_us: list[int] = []
        done: list[str] = []
        decoder.bufferReady.connect(lambda: decoded_us.append(decoder.read().duration()))
        decoder.finished.connect(lambda: done.append("finished"))
        decoder.error.connect(lambda _e: done.append(decoder.errorString() or "decoder error"))
        decoder.setSource(QUrl.fromLocalFile(str(path)))
        decoder.start()
        if not _wait(lambda: bool(done), 30):
            raise RuntimeError("the audio decoder did not finish")
        decoder.stop()
        if done[0] != "finished" or not decoded_us:
            raise RuntimeError(f"decoding the online voice's MP3: {done[0]}")
        return sum(decoded_us) // 1000


def offline_voice() -> str:
    """Say a sentence with the system voice (QTextToSpeech) and wait until it has been spoken."""
    from fenggang_reader.speech.system import SystemState, SystemVoice

    voice = SystemVoice()
    try:
        if not voice.wait_ready(20000):
            if voice.engine is not None:  # an engine, but no Chinese voice
                raise NotOnThisMachine(voice.error_message)
            raise RuntimeError(voice.error_message or "the system voice did not start")
        states: list[SystemState] = []
        voice.state_changed.connect(states.append)
        if not voice.say(OFFLINE_SENTENCE, voice.best_voice()):
            raise RuntimeError(voice.error_message)
        spoken = _wait(lambda: SystemState.SPEAKING in states and voice.state is SystemState.READY, 30)
        if not spoken:
            raise RuntimeError(f"the system voice did not speak: {[s.value for s in states]}")
        return f"{voice.engine}: {voice.best_voice()}"
    finally:
        voice.shutdown()


def offline_export(folder: Path) -> str:
    """One sentence as MP3 with the offline export voice (no network)."""
    import threading

    from fenggang_reader.export.audio import OfflineVoice
    from fenggang_reader.export.offline_speech import NoChineseVoice, synthesiser
    from fenggang_reader.speech.types import VoiceParams

    try:
        synthesiser()
    except NoChineseVoice as exc:
        raise NotOnThisMachine(str(exc)) from exc
    voice = OfflineVoice(VoiceParams())
    mp3 = voice.synthesize([OFFLINE_SENTENCE], threading.Event(), lambda: None)[0]
    from mutagen.mp3 import MP3

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "self-test-offline.mp3"
    path.write_bytes(mp3)
    info = MP3(path).info
    length = info.length if info is not None else 0.0
    if length < 0.5:
        raise RuntimeError(f"{len(mp3)} bytes, {length:.2f} s")
    return f"{voice.label}: {len(mp3)} bytes, {length:.1f} s"


# ------------------------------------------------------------------------------------------- the command


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("self-test", help=argparse.SUPPRESS,
                            description="Check that this installation carries everything the reader loads later.")
    parser.add_argument("--edge-endpoint", metavar="URL",
                        help="read a sentence aloud through an Edge-compatible service at URL (e.g. a test server)")
    parser.add_argument("--offline-voice", action="store_true", help="also say a sentence with the system voice")
    parser.add_argument("--offline-export", metavar="DIR", type=Path,
                        help="also write a sentence as MP3 with the offline export voice into DIR")
    parser.add_argument("--output", metavar="FILE", type=Path, help="also write the results as JSON to FILE")


def _say(line: str) -> None:
    if sys.stdout is not None:  # a windowed Windows program has none
        print(line, flush=True)


def run(args: argparse.Namespace) -> int:
    headless = sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    modules = LAZY_MODULES + PLATFORM_MODULES.get(sys.platform, ())
    checks: list[tuple[str, Callable[[], str]]] = [
        (f"import {name}", functools.partial(import_module, name)) for name in modules]
    checks += [("certificates", certificates), ("dictionaries", dictionaries), ("documents", documents),
               ("translations", translations),
               ("qt plugins", qt_plugins), ("qt features", qt_features)]
    if args.edge_endpoint:
        checks.append(("online voice", lambda: edge_voice(args.edge_endpoint)))
    if args.offline_voice:
        checks.append(("offline voice", offline_voice))
    if args.offline_export:
        checks.append(("offline export", lambda: offline_export(args.offline_export)))
    results = []
    for name, check in checks:
        result = _run(name, check)
        results.append(result)
        _say(f"{'skip' if result.skipped else 'ok  ' if result.ok else 'FAIL'} {name}: {result.detail}")
    from fenggang_reader import __version__

    summary = {"version": __version__, "frozen": bool(getattr(sys, "frozen", False)),
               "platform": QGuiApplication.platformName(), "ok": all(r.ok for r in results),
               "checks": [asdict(r) for r in results]}
    if args.output:
        args.output.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    failed = [r.name for r in results if not r.ok]
    skipped = [r.name for r in results if r.skipped]
    _say(f"self-test: {len(results) - len(failed) - len(skipped)} checks passed, {len(failed)} failed, "
         f"{len(skipped)} skipped")
    app.processEvents()
    return 1 if failed else 0
