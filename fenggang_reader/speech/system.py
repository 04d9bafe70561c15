"""The system's own voice (QTextToSpeech): offline, always there as the fallback for Edge.

One QTextToSpeech for the whole process (calibre: "Bad things happen with more than one"), and it
lives on its own thread: creating it with the speechd engine takes 2–3 s (speech-dispatcher is
spawned and lists ~13,000 espeak-ng voices), which must never freeze the window. Commands go to
the thread through queued signals; state, word progress and errors come back the same way.

A thread alone is not enough: PySide holds the GIL for the whole of a wrapped constructor, so
``QTextToSpeech("speechd")`` starved the window's Python for 1.6–1.9 s. The engine is therefore
created as the instant "mock" engine and switched with a *queued* ``setEngine``: the switch then
runs from the thread's C++ event loop, without the GIL (the window's worst stall fell to < 10 ms).

A speech-dispatcher that accepts the connection and never answers leaves that switch waiting for good:
after ``START_TIMEOUT_MS`` the voice says it is unavailable instead of "starting" forever, and the stuck
thread (a ``LoopThread``, not a QThread) never holds up or aborts quitting.
"""

from __future__ import annotations

import atexit
import enum
import logging
import math
import os
import sys
import threading
import time
from dataclasses import dataclass

from PySide6.QtCore import (
    Q_ARG,
    QCoreApplication,
    QLocale,
    QLoggingCategory,
    QMetaObject,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)

# Qt Multimedia warns on every machine without PipeWire, though it then uses PulseAudio (or the
# platform audio) just fine; the warning would only alarm users and fail warning-strict tests.
QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
from PySide6.QtTextToSpeech import QTextToSpeech, QVoice  # noqa: E402 - after the logging rule

from fenggang_reader.speech import voice_advice  # noqa: E402
from fenggang_reader.speech.loop_thread import LoopThread, answer_override_lookups  # noqa: E402

log = logging.getLogger(__name__)

# Preferred engines per platform, best first; whatever QTextToSpeech.availableEngines() offers is used.
PREFERRED_ENGINES = {
    "linux": ("speechd", "flite"),
    "win32": ("winrt", "sapi"),
    "darwin": ("darwin",),
}
PLACEHOLDER_ENGINE = "mock"  # Qt's test engine: created at once, then swapped for the real one (see above)
START_TIMEOUT_MS = 15000  # the engine is up in 2–3 s; one that has not answered by now never will
START_CHECK_MS = 700  # an engine that already thought it was speaking does not report a new start
_CHINESE_WORDS = ("chinese", "mandarin", "cantonese", "hakka", "中文", "普通话", "國語", "国语", "粤语", "粵語")


class SystemState(enum.Enum):
    STARTING = "starting"  # the engine is being created on its thread
    READY = "ready"  # idle, can speak
    SPEAKING = "speaking"
    PAUSED = "paused"
    UNAVAILABLE = "unavailable"  # no engine or no Chinese voice: see SystemVoice.error_message


@dataclass(frozen=True)
class SystemVoiceInfo:
    name: str
    locale: str  # e.g. "yue_HK"; "C" when Qt does not know the language (espeak-ng's "cmn")
    dialect: str  # "mandarin", "cantonese", "other"


def choose_engine(available: list[str], platform: str = sys.platform) -> str | None:
    """The engine to use: the platform's preferred one if offered, else any real one (never "mock")."""
    key = "linux" if platform.startswith("linux") else platform
    for name in PREFERRED_ENGINES.get(key, ()):
        if name in available:
            return name
    real = [name for name in available if name != "mock"]
    return real[0] if real else None


def is_chinese(voice_name: str, locale: QLocale) -> bool:
    name = locale.name().lower()
    if locale.language() == QLocale.Language.Chinese or name.startswith(("zh", "cmn", "yue", "hak")):
        return True
    return any(word in voice_name.lower() for word in _CHINESE_WORDS)


def dialect_of(voice_name: str, locale_name: str) -> str:
    lowered = f"{voice_name} {locale_name}".lower()
    if "cantonese" in lowered or "yue" in lowered or "zh_hk" in lowered or "粤" in lowered or "粵" in lowered:
        return "cantonese"
    if "hakka" in lowered:
        return "other"
    return "mandarin"


def _t(text: str) -> str:
    return QCoreApplication.translate("ReadAloud", text)


def qt_rate(rate: float) -> float:
    """0.5×–2× as Qt's -1..1 (0 normal): log2, so 0.5× and 2× are equally far from normal."""
    return max(-1.0, min(1.0, math.log2(max(0.25, rate))))


def qt_pitch(pitch_hz: int) -> float:
    return max(-1.0, min(1.0, pitch_hz / 50))


def qt_volume(volume_percent: int) -> float:
    return max(0.0, min(1.0, 1.0 + volume_percent / 100))


class _Worker(QObject):
    """Owns the QTextToSpeech on the speech thread; every slot runs there."""

    ready = Signal(object, object, str, bool)  # engine or None, list[SystemVoiceInfo], error message, word progress
    state = Signal(object)  # SystemState
    word = Signal(int, int)  # start, length in the text being spoken
    failed = Signal(str)

    def __init__(self, engine: str | None):
        super().__init__()
        self._engine_choice = engine
        self._engine = ""
        self._tts: QTextToSpeech | None = None
        self._voices: dict[str, QVoice] = {}
        self._said = 0  # counts say() calls: a start check belongs to one of them
        self._state_seen = True

    @Slot()
    def init(self) -> None:
        available = QTextToSpeech.availableEngines()
        engine = self._engine_choice or choose_engine(available)
        if engine is None:
            self.ready.emit(None, [], voice_advice.no_engine(), False)
            return
        self._engine = engine
        if PLACEHOLDER_ENGINE in available and engine != PLACEHOLDER_ENGINE:
            tts = QTextToSpeech(PLACEHOLDER_ENGINE, self)
            answer_override_lookups(tts)  # the engine's switch, in C++ below, connects to it without the GIL
            tts.engineChanged.connect(self._engine_loaded)
            self._tts = tts
            # Queued: setEngine runs from this thread's event loop, in C++, without holding the GIL.
            QMetaObject.invokeMethod(tts, "setEngine", Qt.ConnectionType.QueuedConnection, Q_ARG(str, engine))
            return
        self._tts = QTextToSpeech(engine, self)
        self._engine_loaded(engine)

    def _engine_loaded(self, name: str) -> None:
        tts = self._tts
        if tts is None or name != self._engine:
            return
        engine = self._engine
        voices: list[SystemVoiceInfo] = []
        for voice in self._candidate_voices(tts):
            name = voice.name()
            if name in self._voices or "+" in name or not is_chinese(name, voice.locale()):
                continue  # "+variant" voices are espeak-ng's hundreds of timbre variants of the same voice
            self._voices[name] = voice
            voices.append(SystemVoiceInfo(name, voice.locale().name(), dialect_of(name, voice.locale().name())))
        if tts.state() == QTextToSpeech.State.Error:
            if not voices:
                self._voices.clear()
                self._tts = None
                tts.deleteLater()
                self.ready.emit(None, [], _t("The system voice (%1) could not start: %2").replace("%1", engine)
                                .replace("%2", tts.errorString()), False)
                return
            # Qt's speechd engine starts in the default locale and reports an error when it has no voice for
            # it — with a Chinese interface (or a zh_CN desktop) always: espeak-ng's Mandarin is "cmn", a
            # language Qt does not know. The engine itself is connected and speaks once given a voice.
            log.info("the system voice (%s) refused the locale %s (%s); using %s", engine, QLocale().name(),
                     tts.errorString(), voices[0].name)
            tts.setVoice(self._voices[voices[0].name])
        tts.stateChanged.connect(self._state_changed)
        tts.errorOccurred.connect(lambda _reason, text: self.failed.emit(text))
        words = bool(tts.engineCapabilities() & QTextToSpeech.Capability.WordByWordProgress)
        if words:
            tts.sayingWord.connect(lambda _word, _id, start, length: self.word.emit(start, length))
        message = "" if voices else voice_advice.no_chinese_voice()
        self.ready.emit(engine, voices, message, words)

    @staticmethod
    def _candidate_voices(tts: QTextToSpeech) -> list[QVoice]:
        """Voices of every Chinese locale, and of the unknown one: Qt does not know espeak-ng's "cmn"."""
        voices: list[QVoice] = []
        for locale in tts.availableLocales():
            if is_chinese("", locale) or locale.language() == QLocale.Language.C:
                voices += tts.allVoices(locale)
        return voices

    def _state_changed(self, state: QTextToSpeech.State) -> None:
        self._state_seen = True
        mapping = {
            QTextToSpeech.State.Ready: SystemState.READY,
            QTextToSpeech.State.Speaking: SystemState.SPEAKING,
            QTextToSpeech.State.Synthesizing: SystemState.SPEAKING,
            QTextToSpeech.State.Paused: SystemState.PAUSED,
        }
        if state == QTextToSpeech.State.Error and self._tts is not None:
            self.failed.emit(self._tts.errorString() or "the system voice failed")
            self.state.emit(SystemState.READY)
            return
        self.state.emit(mapping.get(state, SystemState.READY))

    @Slot(str, str, float, float, float)
    def say(self, text: str, voice: str, rate: float, pitch: float, volume: float) -> None:
        tts = self._tts
        if tts is None:
            self.failed.emit("the system voice is not ready")
            return
        chosen = self._voices.get(voice)
        if chosen is not None and tts.voice().name() != chosen.name():
            tts.setVoice(chosen)
        tts.setRate(rate)
        tts.setPitch(pitch)
        tts.setVolume(volume)
        busy = tts.state() in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Synthesizing,
                               QTextToSpeech.State.Paused)
        self._said += 1
        self._state_seen = False
        tts.say(text)
        if busy:
            # speechd reports states only when they change: if it already believed it was speaking (an
            # end or cancel it never heard), the new start goes unreported. Report it ourselves.
            said = self._said
            QTimer.singleShot(START_CHECK_MS, lambda: self._check_started(said))

    def _check_started(self, said: int) -> None:
        tts = self._tts
        if said == self._said and not self._state_seen and tts is not None \
                and tts.state() == QTextToSpeech.State.Speaking:
            log.info("the system voice did not report its start; assuming it speaks")
            self.state.emit(SystemState.SPEAKING)

    @Slot()
    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()

    @Slot()
    def close(self) -> None:
        if self._tts is not None:
            self._tts.stop()
            self._tts.deleteLater()
            self._tts = None


class SystemVoice(QObject):
    """Offline speech, shared by the process (``SystemVoice.shared()``); call from the UI thread only."""

    state_changed = Signal(object)  # SystemState
    saying = Signal(int, int)  # start, length of the word being spoken (only when the engine reports words)
    error = Signal(str)
    voices_ready = Signal()

    _say = Signal(str, str, float, float, float)
    _stop = Signal()
    _close = Signal()

    _instance: SystemVoice | None = None
    _instance_lock = threading.Lock()

    def __init__(self, engine: str | None = None, *, start_timeout_ms: int = START_TIMEOUT_MS):
        super().__init__()
        self.engine: str | None = None
        self.voices: list[SystemVoiceInfo] = []
        self.error_message = ""
        self.state = SystemState.STARTING
        self.word_progress = False
        self.speechd_address = os.environ.get("SPEECHD_ADDRESS", "")  # libspeechd reads it at connect
        self._engine_choice = engine
        self._thread = LoopThread("system-voice")
        self._worker: _Worker | None = None
        self._started = False
        self._pending: tuple[str, str, float, int, int, str] | None = None  # said once the engine is up
        self.start_timeout_ms = start_timeout_ms
        self._start_timeout = QTimer(self, singleShot=True, interval=start_timeout_ms)
        self._start_timeout.timeout.connect(self._no_answer)

    def _create_worker(self) -> _Worker:
        """On the voice's thread: the worker, its connections both ways, then the engine."""
        worker = _Worker(self._engine_choice)
        worker.ready.connect(self._on_ready)
        worker.state.connect(self._on_state)
        worker.word.connect(self.saying)
        worker.failed.connect(self._on_failed)
        self._say.connect(worker.say)
        self._stop.connect(worker.stop)
        self._close.connect(worker.close)
        self._worker = worker
        worker.init()
        return worker

    @classmethod
    def shared(cls) -> SystemVoice:
        """The process's one system voice, started on first use and closed when the app quits."""
        with cls._instance_lock:
            if cls._instance is None:
                cls._instance = cls()
                app = QCoreApplication.instance()
                if app is not None:
                    app.aboutToQuit.connect(cls._instance.shutdown)
                atexit.register(cls._instance.shutdown)
            return cls._instance

    def start(self) -> None:
        """Create the engine on its thread (idempotent); ``voices_ready`` or ``error`` follows."""
        if not self._started:
            self._started = True
            self._start_timeout.start()
            self._thread.start(self._create_worker)

    @property
    def available(self) -> bool:
        return self.state not in (SystemState.STARTING, SystemState.UNAVAILABLE)

    def wait_ready(self, timeout_ms: int = 15000) -> bool:
        """For tests and benchmarks: process events until the engine is up (never call it from the UI)."""
        from PySide6.QtCore import QDeadlineTimer, QEventLoop

        self.start()
        deadline = QDeadlineTimer(timeout_ms)
        while self.state is SystemState.STARTING and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.005)
        return self.available

    def best_voice(self, preferred: str = "", dialect: str = "mandarin") -> str:
        """The stored choice if it still exists, else the first voice of the dialect, else any Chinese voice."""
        names = [v.name for v in self.voices]
        if preferred in names:
            return preferred
        for voice in self.voices:
            if voice.dialect == dialect:
                return voice.name
        return names[0] if names else ""

    def say(self, text: str, voice: str = "", rate: float = 1.0, pitch: int = 0, volume: int = 0,
            dialect: str = "mandarin") -> bool:
        """Speak text (replacing anything being spoken); False with ``error`` emitted if it cannot.

        While the engine is still starting, the text is kept (the latest request wins: Space during a
        spoken welcome reads the paragraph, not the welcome) and said once it is up; the engine is
        started now if nobody has started it yet. ``voice`` may be a name not yet known: the best
        voice of ``dialect`` is used if it is not there.
        """
        if self.state is SystemState.STARTING:
            self._pending = (text, voice, rate, pitch, volume, dialect)
            self.start()
            return True
        if not self.available:
            self.error.emit(self.error_message or _t("The system voice is still starting."))
            return False
        chosen = voice if voice in {v.name for v in self.voices} else self.best_voice(voice, dialect)
        self._say.emit(text, chosen, qt_rate(rate), qt_pitch(pitch), qt_volume(volume))
        return True

    def stop(self) -> None:
        self._pending = None
        self._stop.emit()

    def shutdown(self) -> None:
        """Stop speaking and end the thread (safe twice; also runs at exit)."""
        self._start_timeout.stop()
        if self._thread.running:
            self._close.emit()
            self._thread.stop(1.0)  # a dispatcher that never answers must not hold up quitting
        if SystemVoice._instance is self:
            SystemVoice._instance = None

    def _no_answer(self) -> None:
        if self.state is SystemState.STARTING:
            self._on_ready(None, [], _t("The offline voice did not answer (speech-dispatcher is not responding)."),
                           False)

    # -- from the worker thread (queued) --------------------------------------------------------
    def _on_ready(self, engine: str | None, voices: list[SystemVoiceInfo], message: str, words: bool) -> None:
        self._start_timeout.stop()
        self.engine = engine
        self.word_progress = words
        self.voices = voices
        self.error_message = message
        pending, self._pending = self._pending, None
        if engine is not None and voices:
            self.state = SystemState.READY
            if pending is not None:
                self.say(*pending)
        else:
            self.state = SystemState.UNAVAILABLE
            log.warning("system voice unavailable: %s", message)
            self.error.emit(message)
        self.state_changed.emit(self.state)
        self.voices_ready.emit()

    def _on_state(self, state: SystemState) -> None:
        if self.state is SystemState.UNAVAILABLE or state == self.state:
            return
        self.state = state
        self.state_changed.emit(state)

    def _on_failed(self, message: str) -> None:
        log.warning("system voice: %s", message)
        self.error.emit(message)
