"""Start-up: a short spoken welcome on the first start, and later an offer to continue where the reader stopped.

The welcome is said with the app's own voice and never while a screen reader runs (it would talk over it).
The offer is a bar above the text — not a modal dialog — with Yes (Enter) and No (Esc); the window restores
the saved position only on Yes (MainWindow.restore_position(offer=True) asks ``window.startup.on_start``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .accessibility import screen_reader_running
from .forms import large_print

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .read_aloud_actions import LazyReadAloud as Speaker

EXCERPT_CHARS = 18


def _t(text: str) -> str:
    return QCoreApplication.translate("StartUp", text)


def welcome_text() -> str:
    return _t("Welcome to Fenggang Reader. Press Space to hear the paragraph in front of you, plus to make the "
              "characters bigger, and F1 for help.")


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


class ResumeBar(QFrame):
    """“You stopped at …. Continue from there?” with Yes / No; Enter is yes, Esc is no."""

    def __init__(self, question: str, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("resumeBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(_t("Continue reading?"))
        self.setAccessibleDescription(question)
        large_print(self)
        # The question above its buttons, not beside them: at 96 pt in 800 px the buttons left the question a
        # column of three words, cut off, and widened the window past the screen.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        self.label = QLabel(question, self)
        self.label.setObjectName("resumeQuestion")
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        buttons = QHBoxLayout()
        layout.addLayout(buttons)
        self.yes = QPushButton(_t("Yes, continue"), self)
        self.no = QPushButton(_t("No, start at the top"), self)
        for button, name, key in ((self.yes, "resumeYes", "Enter"), (self.no, "resumeNo", "Esc")):
            button.setObjectName(name)
            button.setMinimumHeight(56)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setAccessibleName(button.text())
            button.setAccessibleDescription(f"{question} ({key})")
            button.installEventFilter(self)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.label.setBuddy(self.yes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and watched is not self.no:
                self.yes.click()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and watched is self.no:
                self.no.click()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.no.click()
                return True
        return False


class StartUp(QObject):
    """The welcome or the offer to continue, once the window is shown (MainWindow.restore_position(offer=True))."""

    def __init__(self, window: MainWindow, speaker: Speaker):
        super().__init__(window)
        self.window = window
        self.speaker = speaker
        self.bar: ResumeBar | None = None
        self.welcome_spoken = False

    def on_start(self) -> bool:
        """Called once the window is shown; True when the offer is up (it restores on Yes)."""
        s = self.window.settings
        if not s["welcomed"]:
            s.set("welcomed", True)
            if s["spoken_welcome"] and not screen_reader_running():
                self.welcome_spoken = self.speaker.say(welcome_text())
            return False
        block_id = self.window.places.saved().current_block  # the shipped report's in the settings, else recent
        block = self.window.report.get(block_id) if block_id else None
        if not s["offer_resume"] or block is None or self.window.report.index_of(block_id) == 0:
            return False
        self.offer(block_id)
        return True

    def question(self, block_id: str) -> str:
        window = self.window
        index = window.report.index_of(block_id)
        text = window.view.shown_text(index)
        return (_t("Last time you stopped at “%1” (paragraph %2). Continue from there?")
                .replace("%1", excerpt(text)).replace("%2", str(index + 1)))

    def offer(self, block_id: str) -> None:
        question = self.question(block_id)
        bar = ResumeBar(question, self.window)
        self.bar = bar
        self.window.body.insertWidget(0, bar)
        bar.yes.clicked.connect(lambda: self.answer(True))
        bar.no.clicked.connect(lambda: self.answer(False))
        bar.show()
        bar.yes.setFocus(Qt.FocusReason.OtherFocusReason)
        self.window.announce(question)

    def answer(self, resume: bool) -> None:
        bar, self.bar = self.bar, None
        if bar is None:
            return
        bar.hide()
        bar.deleteLater()
        window = self.window
        if resume:
            window.restore_position()
            window.announce(window.position_text())
        else:
            window.go_to_index(0)
            window.places.remember(replace(window.places.saved(), current_block=window.report.blocks[0].id,
                                           paragraph=1))
            window.view.setFocus(Qt.FocusReason.OtherFocusReason)
            window.announce(_t("Starting at the top."))

