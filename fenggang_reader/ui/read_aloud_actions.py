"""Read aloud's keys and menu entries, wired at start; the feature behind them (ui/read_aloud.py: the
speech back-ends, edge-tts, Qt Multimedia, the system voice) is built just after the report is first
painted, or at first use if that comes sooner. Importing and building it cost ~0.1 s of every start,
before the reader could see a single character.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

from ..speech.types import ReadState
from .lazy_feature import LazyFeature

if TYPE_CHECKING:
    from ..speech.controller import ReadAloudController
    from ..speech.system import SystemVoice
    from .main_window import MainWindow
    from .read_aloud import ReadAloud, VoiceDialog

BUILD_AFTER_PAINT_MS = 250  # after the first paint and the restored position, before anyone can reach Space
# What building the feature imports, largest parts first, one a turn of the event loop: imported at once they were one
# slice of ~100 ms (more in a cold process: asyncio alone ~36 ms warm) that a key pressed just after a start waited for.
# Qt Multimedia comes with speech.player, which quietens its PipeWire warning before importing it.
SPEECH_IMPORTS_IN_TURNS = ("asyncio", "fenggang_reader.speech.edge", "fenggang_reader.speech.player",
                           "fenggang_reader.speech.backend", "fenggang_reader.ui.read_aloud")


def _t(text: str) -> str:
    return QCoreApplication.translate("ReadAloud", text)


def show_play_state(window: MainWindow, state: ReadState) -> None:
    """The Read/Pause button says what it will do; Stop is there only while something can be stopped.

    Drawn from the state alone, so it can be drawn again at any time (after a change of language too)."""
    action = window.actions_by_id["speech_play_pause"]
    action.setText(_t("Pause") if state is ReadState.PLAYING else _t("Read"))
    window.toolbar_button("speech_play_pause").setAccessibleName(action.text())
    window.actions_by_id["speech_stop"].setEnabled(state is not ReadState.STOPPED)


class LazyReadAloud(LazyFeature["ReadAloud"]):
    """Stands for ui/read_aloud.ReadAloud (``window.read_aloud``); built soon after the first paint.

    Its own keys are wired here at start; what other parts of the window ask of it (``say``, ``read_note``)
    are methods that build it when needed."""

    def __init__(self, window: MainWindow):
        def build() -> ReadAloud:
            from .read_aloud import ReadAloud

            feature = ReadAloud(window)
            feature.connect_controller()
            return feature

        super().__init__(build)
        self._window = window
        a = window.actions_by_id
        a["speech_play_pause"].triggered.connect(self.play_pause)
        a["speech_stop"].triggered.connect(lambda: self.controller.stop())
        a["speech_next_sentence"].triggered.connect(lambda: self.controller.next_sentence())
        a["speech_previous_sentence"].triggered.connect(lambda: self.controller.previous_sentence())
        a["speech_faster"].triggered.connect(lambda: self.change_rate(+1))
        a["speech_slower"].triggered.connect(lambda: self.change_rate(-1))
        a["speech_voice"].triggered.connect(self.open_voice_dialog)
        continuous = a["speech_continuous"]
        continuous.setChecked(window.settings["read_continuously"])
        continuous.toggled.connect(self.set_continuous)
        self.show_play_state()
        window.retranslated.connect(self.show_play_state)  # the actions' texts were reset to the spec's
        window.view.first_paint.connect(self.build_soon)

    def build_soon(self) -> None:
        """After the first paint: import and build while the reader is still looking, a module a turn, so the first
        Space is instant and no key waits long for the build."""
        window = self._window
        waiting = list(SPEECH_IMPORTS_IN_TURNS)

        def step() -> None:
            if self.built or not window.isVisible():
                return
            if waiting:
                importlib.import_module(waiting.pop(0))
                QTimer.singleShot(0, window, step)
            else:
                self.feature()

        QTimer.singleShot(BUILD_AFTER_PAINT_MS, window, step)

    def show_play_state(self) -> None:
        show_play_state(self._window, self.feature().controller.state if self.built else ReadState.STOPPED)

    # -- what the window and the other features ask of it ------------------------------------------
    @property
    def controller(self) -> ReadAloudController:
        return self.feature().controller

    @property
    def voice(self) -> SystemVoice:
        return self.feature().voice

    def is_reading(self) -> bool:
        """True while the app's voice reads (never builds the feature to find out)."""
        return self.built and self.feature().controller.state is ReadState.PLAYING

    def play_pause(self) -> None:
        self.feature().play_pause()

    def change_rate(self, direction: int) -> None:
        self.feature().change_rate(direction)

    def set_continuous(self, on: bool) -> None:
        self.feature().set_continuous(on)

    def open_voice_dialog(self) -> VoiceDialog:
        return self.feature().open_voice_dialog()

    def read_note(self, number: int) -> None:
        self.feature().read_note(number)

    def say(self, text: str, *, interrupt_reading: bool = False) -> bool:
        """Spoken feedback in the offline voice (see ReadAloud.say). Before the feature is built (e.g. the
        welcome at a first start) the words wait for it rather than hold up the window's first paint."""
        if not text:
            return False
        if not self.built:
            self.when_built(lambda feature: feature.say(text, interrupt_reading=interrupt_reading))
            return True
        return self.feature().say(text, interrupt_reading=interrupt_reading)
