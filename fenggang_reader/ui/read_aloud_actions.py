"""Read aloud's keys, menu entries and toolbar buttons, wired at start; the feature behind them
(ui/read_aloud.py: the speech back-ends, edge-tts, Qt Multimedia, the system voice) is built just after
the report is first painted, or at first use if that comes sooner. Importing and building it cost
~0.1 s of every start, before the reader could see a single character.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QWidget

from .lazy_feature import LazyFeature

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .read_aloud import ReadAloud

BUILD_AFTER_PAINT_MS = 250  # after the first paint and the restored position, before anyone can reach Space


def _t(text: str) -> str:
    return QCoreApplication.translate("ReadAloud", text)


def show_play_state(window: MainWindow, *, playing: bool, stoppable: bool) -> None:
    """The Read/Pause button says what it will do; Stop is there only while something can be stopped."""
    action = window.actions_by_id["speech_play_pause"]
    action.setText(_t("Pause") if playing else _t("Read"))
    button = window.toolbar.findChild(QWidget, "button_speech_play_pause")
    if button is not None:
        button.setAccessibleName(action.text())
    window.actions_by_id["speech_stop"].setEnabled(stoppable)


class LazyReadAloud(LazyFeature["ReadAloud"]):
    """Stands for ui/read_aloud.ReadAloud (``window.read_aloud``); built soon after the first paint."""

    def __init__(self, window: MainWindow):
        def build() -> ReadAloud:
            from .read_aloud import ReadAloud

            feature = ReadAloud(window)
            feature.connect_controller()
            return feature

        super().__init__(build)
        self._window = window

    def build_soon(self) -> None:
        """After the first paint: build while the reader is still looking, so the first Space is instant."""
        window = self._window

        def build() -> None:
            if window.isVisible():
                self.feature()

        QTimer.singleShot(BUILD_AFTER_PAINT_MS, window, build)

    def read_note(self, number: int) -> None:  # a method of its own: the glossary connects to it at start
        self.feature().read_note(number)


def install(window: MainWindow) -> None:
    lazy = LazyReadAloud(window)
    window.read_aloud = lazy
    a = window.actions_by_id
    a["speech_play_pause"].triggered.connect(lambda: lazy.play_pause())
    a["speech_stop"].triggered.connect(lambda: lazy.controller.stop())
    a["speech_next_sentence"].triggered.connect(lambda: lazy.controller.next_sentence())
    a["speech_previous_sentence"].triggered.connect(lambda: lazy.controller.previous_sentence())
    a["speech_faster"].triggered.connect(lambda: lazy.change_rate(+1))
    a["speech_slower"].triggered.connect(lambda: lazy.change_rate(-1))
    a["speech_voice"].triggered.connect(lambda: lazy.open_voice_dialog())
    continuous = a["speech_continuous"]
    continuous.setChecked(window.settings["read_continuously"])
    continuous.toggled.connect(lambda on: lazy.set_continuous(on))
    window.add_toolbar_action("speech_play_pause")
    window.add_toolbar_action("speech_stop")
    show_play_state(window, playing=False, stoppable=False)
    glossary = getattr(window, "glossary", None)
    if glossary is not None and hasattr(glossary, "read_note_requested"):
        glossary.read_note_requested.connect(lazy.read_note)
    window.view.first_paint.connect(lazy.build_soon)
