"""Read aloud in the main window: the controller wired to the view, highlight, announcements, voice dialog,
first-run notice.

ui/read_aloud_actions.py wires the keys and buttons at start and builds this feature just after the first
paint (or at first use). The UI thread never waits on the network: Edge runs on its own thread and the
system voice on another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from ..core.model import Block
from ..core.settings import SPEECH_PITCH, SPEECH_RATE, SPEECH_VOLUME
from ..core.spoken import SpeechChunk, note_chunks, prepare_block
from ..speech import espeak_bridge
from ..speech.backend import EdgeBackend, SystemBackend
from ..speech.cache import AudioCache
from ..speech.controller import ReadAloudController, SpeechConfig
from ..speech.edge import EdgeClient, shared_client
from ..speech.espeak_bridge import EspeakBridge
from ..speech.profile import SpeechProfile
from ..speech.system import SystemVoice
from ..speech.types import ReadState
from ..speech.voices import CATALOGUE
from . import i18n, speech_errors
from .announcer import description_channel
from .forms import form_row, large_print
from .guidance_bars import OnlineVoicesQuestion, ReadAloudProblem, insert_below_text
from .read_aloud_actions import show_play_state

if TYPE_CHECKING:
    from .main_window import MainWindow

PREWARM_MS = 1250  # start the offline voice this long after the feature is built (~1.5 s after the window opens)
RATE_STEP = 0.1
# After the online-voices question, the screen reader first says where the focus went back to (the text);
# reading starts a moment later, so speech-dispatcher queues the first sentence after that, not before it.
AFTER_ANSWER_MS = 700


def _t(text: str) -> str:
    return QCoreApplication.translate("ReadAloud", text)


class ReadAloud(QObject):
    """The read-aloud feature of one window, behind ``window.read_aloud`` (ui/read_aloud_actions.LazyReadAloud)."""

    def __init__(self, window: MainWindow, *, system_voice: SystemVoice | None = None,
                 cache: AudioCache | None = None):
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.notice_box: OnlineVoicesQuestion | None = None
        self.problem_bar: ReadAloudProblem | None = None
        self._notice_shown = False
        self._read_when_answered = False  # Space asked the question of a screen-reader user: read once answered
        self.voice = system_voice or SystemVoice.shared()
        program = espeak_bridge.find()  # speaks the first seconds, while the system voice starts (Linux)
        self.system = SystemBackend(self.voice, self, bridge=EspeakBridge(program, self) if program else None)
        self.system.screen_reader_speaks = lambda: window.screen_reader.active  # it shares speech-dispatcher
        self.edge = EdgeBackend(self._make_synthesizer, cache or AudioCache(), parent=self)
        self.controller = ReadAloudController(window.report, self.chunks_for, self.system, self.edge, self.config,
                                              window.events, self)
        self.controller.describe = speech_errors.describe
        self._prewarm = QTimer(self, singleShot=True, interval=PREWARM_MS)
        self._prewarm.timeout.connect(self.voice.start)
        self._prewarm.start()
        window.installEventFilter(self)

    # -- wiring ------------------------------------------------------------------------------------
    def connect_controller(self) -> None:
        """The controller to the window; the keys and buttons were wired at start (ui/read_aloud_actions.py)."""
        w, c = self.window, self.controller
        # Down/Up (and the contents panel) move the current paragraph; reading follows.
        w.view.current_block_changed.connect(c.follow)
        c.highlight.connect(self._highlight)
        c.highlight_cleared.connect(lambda: w.view.set_speech_highlight(None))
        c.block_started.connect(self._block_started)
        c.notice.connect(w.announce)
        c.state_changed.connect(self._state_changed)
        c.failed.connect(self._show_problem)
        self.settings.subscribe(self._setting_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.controller.shutdown()
        return False

    def _make_synthesizer(self) -> EdgeClient:
        """A client of the process's one Edge worker (the audio export shares it), routed as the profile says."""
        profile = SpeechProfile.from_settings(self.settings)
        return shared_client(profile.checked_endpoint(), profile.proxy, self.window.events)

    def config(self) -> SpeechConfig:
        profile = SpeechProfile.from_settings(self.settings)
        return SpeechConfig(profile.params, profile.engine, profile.edge_allowed, profile.continuous,
                            profile.system_voice)

    def respellers(self) -> list:
        """The shipped record, then the reader's corrections: speech says what the pinyin shows.

        Always the pinyin annotator's (``window.annotator``), even while the view shows Jyutping.
        """
        annotator = self.window.annotator
        return [r for r in (getattr(annotator, "record", None), getattr(annotator, "user", None)) if r is not None]

    def chunks_for(self, block: Block) -> list[SpeechChunk]:
        return prepare_block(block, self.window.report, SpeechProfile.from_settings(self.settings).markers,
                             self.respellers() or None)

    def read_note(self, number: int) -> None:
        """Read one glossary note on its own; the reader's place stays where it is.

        No first-run notice here (it would take the focus from the note): until the online voices are
        accepted with Space, notes are read by the offline voice.
        """
        self.controller.read_aside(note_chunks(self.window.report, number, self.respellers() or None))

    def say(self, text: str, *, interrupt_reading: bool = False) -> bool:
        """Say ``text`` with the offline voice: spoken feedback, the welcome, the help page.

        Does not cut into a paragraph being read unless asked; False when nothing was said."""
        if not text:
            return False
        if self.controller.state is ReadState.PLAYING:
            if not interrupt_reading:
                return False
            self.controller.stop()
        s = self.settings  # a voice still starting keeps the words until it is up (Space replaces them)
        return self.voice.say(text, s["system_voice"], float(s["speech_rate"]))

    def _setting_changed(self, name: str, _value: object) -> None:
        if name == "marker_speech":
            self.controller.invalidate("")

    # -- commands ------------------------------------------------------------------------------
    def play_pause(self) -> None:
        asked = self.maybe_show_edge_notice()
        if self.notice_box is not None and self.window.screen_reader.active:
            # A screen-reader user hears the question whole, then the voice they chose: read at once, the
            # paragraph and the question came in turns, each cutting into the other.
            self._read_when_answered = True
            if not asked:
                self.window.announce(self.notice_box.text())
            return
        self.controller.toggle(self.window.view.current_index())

    def set_continuous(self, on: bool) -> None:
        self.settings.set("read_continuously", on)
        self.window.announce(_t("Reading continues to the end") if on else _t("Reading stops after each paragraph"))

    def change_rate(self, direction: int) -> None:
        """One step faster (+1) or slower (-1)."""
        low, high = SPEECH_RATE.minimum or 0.5, SPEECH_RATE.maximum or 2.0
        rate = round(max(low, min(high, self.settings.value(SPEECH_RATE) + direction * RATE_STEP)), 2)
        self.settings.set("speech_rate", rate)
        self.window.announce(_t("Speed %1×").replace("%1", f"{rate:g}"))

    def maybe_show_edge_notice(self) -> bool:
        """Once: Edge voices send the text to Microsoft. Until accepted, the offline voice reads.

        Asked in a bar under the text (the paragraph being read stays in view), at the interface size,
        with "Offline voice only" as the default: nothing leaves the computer unless the reader says so.
        True when the question was asked now."""
        s = self.settings
        if s["edge_notice_accepted"] or s["offline_only"] or s["speech_engine"] != "edge" or self._notice_shown:
            return False
        self._notice_shown = True
        bar = OnlineVoicesQuestion(self.window, self._notice_answered)
        self.window.retranslated.connect(bar.retranslate)
        insert_below_text(self.window, bar)
        self.notice_box = bar
        bar.show()
        bar.defaultButton().setFocus(Qt.FocusReason.OtherFocusReason)
        if not description_channel():  # Orca says the bar's name (the question) as the focus enters it; also
            self.window.announce(bar.text())  # as a message, it could be said twice
        return True

    def _notice_answered(self, accepted: bool) -> None:
        bar, self.notice_box = self.notice_box, None
        if bar is not None:
            bar.hide()
            bar.deleteLater()
        self.window.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.settings.set("edge_notice_accepted" if accepted else "offline_only", True)
        told = _t("Online voices on; the next sentence uses them.") if accepted else \
            _t("Only the offline voice will be used.")
        if self._read_when_answered:
            # The voice itself answers: the screen reader says only where the focus went back to, and the
            # first sentence, queued behind that, starts within the system voice's start timeout.
            self._read_when_answered = False
            self.window.statusBar().showMessage(told, 6000)
            QTimer.singleShot(AFTER_ANSWER_MS, self, self._read_after_answer)
        else:
            self.window.announce(told)

    def _read_after_answer(self) -> None:
        if self.controller.state is ReadState.STOPPED:
            self.controller.play(self.window.view.current_index())

    def _show_problem(self, reason: str) -> None:
        """Reading stopped for good: the reason and a way on stay under the text until closed or reading again."""
        if self.problem_bar is None:
            self.problem_bar = ReadAloudProblem(self.window, self.open_voice_dialog, self._close_problem)
            self.window.retranslated.connect(self.problem_bar.retranslate)
            insert_below_text(self.window, self.problem_bar)
        self.problem_bar.show_reason(reason)

    def _close_problem(self) -> None:
        if self.problem_bar is not None and self.problem_bar.isVisible():
            focus = QApplication.focusWidget()
            had_focus = focus is not None and self.problem_bar.isAncestorOf(focus)
            self.problem_bar.hide()
            if had_focus:
                self.window.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_voice_dialog(self) -> VoiceDialog:
        self.voice.start()
        dialog = VoiceDialog(self, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- from the controller -------------------------------------------------------------------
    def _highlight(self, block_id: str, start: int, end: int, word_start: int, word_end: int) -> None:
        word = (word_start, word_end) if word_start >= 0 and word_end > word_start else None
        view = self.window.view
        view.set_speech_highlight(block_id, start, end, word=word)
        view.navigator.follow_voice(self.window.report.index_of(block_id), start)

    def _block_started(self, block_id: str, index: int) -> None:
        view = self.window.view
        if view.current_index() != index:
            view.set_current_index(index, move_caret=True)
        else:
            view.navigator.reveal(index)
        if self.controller.state is ReadState.STOPPED:  # the first paragraph: say where we are
            self.window.announce(_t("Reading paragraph %1 of %2").replace("%1", str(index + 1))
                                 .replace("%2", str(len(self.window.report.blocks))))

    def _state_changed(self, state: ReadState) -> None:
        show_play_state(self.window, state)
        if state is ReadState.PLAYING:
            self._close_problem()
        if state is ReadState.PAUSED:
            self.window.announce(_t("Paused"))
        elif state is ReadState.STOPPED and self.window.isVisible() and not self.controller.stop_message:
            self.window.statusBar().showMessage(_t("Stopped"), 3000)  # a reason for the stop stays instead


class VoiceDialog(QDialog):
    """Voice, speed, pitch, volume and where the voice comes from; large text, every field named."""

    def __init__(self, feature: ReadAloud, parent: QWidget):
        super().__init__(parent)
        self.feature = feature
        s = feature.settings
        self.setObjectName("voiceDialog")
        self.setWindowTitle(_t("Voice and speed"))
        large_print(self)
        form = QFormLayout(self)
        self.voice = QComboBox(self)
        for v in CATALOGUE:
            self.voice.addItem(i18n.pick(v.name_zh, v.name_en), v.short_name)  # in the interface's language
        profile = SpeechProfile.from_settings(s)  # what reading aloud uses now
        self.voice.setCurrentIndex(max(0, self.voice.findData(profile.params.voice)))
        self.system_voice = QComboBox(self)
        self.system_voice.addItem(_t("Automatic"), "")
        for info in feature.voice.voices:
            self.system_voice.addItem(info.name, info.name)
        self.system_voice.setCurrentIndex(max(0, self.system_voice.findData(profile.system_voice)))
        # Ranges from the one settings table (core/settings.py).
        self.rate = QDoubleSpinBox(self, minimum=SPEECH_RATE.minimum, maximum=SPEECH_RATE.maximum,
                                   singleStep=RATE_STEP, decimals=1, suffix="×")
        self.rate.setValue(profile.params.rate)
        self.pitch = QSpinBox(self, minimum=int(SPEECH_PITCH.minimum or 0), maximum=int(SPEECH_PITCH.maximum or 0),
                              singleStep=5, suffix=" Hz")
        self.pitch.setValue(profile.params.pitch)
        self.volume = QSpinBox(self, minimum=int(SPEECH_VOLUME.minimum or 0),
                               maximum=int(SPEECH_VOLUME.maximum or 0), singleStep=10, suffix=" %")
        self.volume.setValue(profile.params.volume)
        self.engine = QComboBox(self)
        self.engine.addItem(_t("Online voices (Microsoft Edge), offline voice as backup"), "edge")
        self.engine.addItem(_t("Offline voice"), "system")
        self.engine.setCurrentIndex(max(0, self.engine.findData(profile.engine.value)))
        self.offline_only = QCheckBox(_t("Never send text to online voices"), self)
        self.offline_only.setChecked(s["offline_only"])
        rows = (
            (_t("Online voice"), self.voice), (_t("Offline voice"), self.system_voice), (_t("Speed"), self.rate),
            (_t("Pitch"), self.pitch), (_t("Volume"), self.volume), (_t("Use"), self.engine),
        )
        for label_text, field in rows:
            form_row(form, label_text, field)
        self.offline_only.setAccessibleName(self.offline_only.text())
        form.addRow(self.offline_only)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.voice.setFocus()

    def accept(self) -> None:
        s = self.feature.settings
        s.set("voice", self.voice.currentData())
        s.set("system_voice", self.system_voice.currentData())
        s.set("speech_rate", round(self.rate.value(), 2))
        s.set("speech_pitch", self.pitch.value())
        s.set("speech_volume", self.volume.value())
        s.set("speech_engine", self.engine.currentData())
        s.set("offline_only", self.offline_only.isChecked())
        super().accept()
