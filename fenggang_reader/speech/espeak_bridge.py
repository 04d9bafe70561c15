"""espeak-ng run as a process: the offline voice for the first seconds, while speech-dispatcher starts.

Creating the system voice (QTextToSpeech on speech-dispatcher) takes 2–6 s: the dispatcher lists its
~13,000 espeak-ng voices first. The same espeak-ng, run directly, speaks within a second or two. On Linux,
until the system voice is up (or when it never comes up), chunks are said this way; no word progress,
and pause is a stop (as with the system voice). ``find()`` is None where espeak-ng is not installed.
"""

from __future__ import annotations

import logging
import shutil
import sys

from PySide6.QtCore import QObject, QProcess, Signal

log = logging.getLogger(__name__)
WORDS_PER_MINUTE = 175  # espeak-ng's normal speed


def find() -> str | None:
    """The espeak-ng program, on Linux (elsewhere the system voices start quickly)."""
    return shutil.which("espeak-ng") if sys.platform.startswith("linux") else None


def arguments(text: str, dialect: str, rate: float, pitch: int, volume: int) -> list[str]:
    """espeak-ng's command line for the reader's voice settings (rate 0.5–2×, pitch ±50 Hz, volume ±50 %)."""
    voice = "yue" if dialect == "cantonese" else "cmn"
    return ["-v", voice, "-s", str(max(80, min(450, round(WORDS_PER_MINUTE * rate)))),
            "-p", str(max(0, min(99, 50 + pitch))), "-a", str(max(0, min(200, round(100 + volume)))), "--", text]


class EspeakBridge(QObject):
    """One utterance at a time: ``say`` replaces what is being said; ``started``/``finished``/``failed``."""

    started = Signal()
    finished = Signal()
    failed = Signal(str)

    def __init__(self, program: str, parent: QObject | None = None):
        super().__init__(parent)
        self.program = program
        self._process: QProcess | None = None

    @property
    def speaking(self) -> bool:
        return self._process is not None

    def say(self, text: str, dialect: str = "mandarin", rate: float = 1.0, pitch: int = 0, volume: int = 0) -> None:
        self.stop()
        process = QProcess(self)
        process.setProgram(self.program)
        process.setArguments(arguments(text, dialect, rate, pitch, volume))
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.setStandardOutputFile(QProcess.nullDevice())
        process.started.connect(self._on_started)
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_error)
        self._process = process
        process.start()

    def stop(self) -> None:
        """Silence it now; the process object goes once it has ended (never destroyed while running)."""
        process, self._process = self._process, None
        if process is None:
            return
        process.started.disconnect(self._on_started)
        process.finished.disconnect(self._on_finished)
        process.errorOccurred.disconnect(self._on_error)
        if process.state() == QProcess.ProcessState.NotRunning:
            process.deleteLater()
            return
        process.finished.connect(process.deleteLater)
        process.kill()

    def _on_started(self) -> None:
        if self.sender() is self._process:
            self.started.emit()

    def _on_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        process = self._process
        if self.sender() is not process or process is None:
            return
        self._process = None
        process.deleteLater()
        if status == QProcess.ExitStatus.NormalExit and code == 0:
            self.finished.emit()
        else:
            self.failed.emit(f"espeak-ng ended with {code}")

    def _on_error(self, error: QProcess.ProcessError) -> None:
        process = self._process
        if self.sender() is not process or process is None or error != QProcess.ProcessError.FailedToStart:
            return  # a crash is reported by finished()
        self._process = None
        process.deleteLater()
        log.warning("espeak-ng could not start: %s", process.errorString())
        self.failed.emit(process.errorString())
