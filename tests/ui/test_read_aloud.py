"""Read aloud in the main window, driven by keys and buttons as a listener would.

Edge is the loopback server (FENGGANG_READER_EDGE_ENDPOINT); the offline voice is this session's own
speech-dispatcher. Space plays/pauses with the text focused, S stops, the highlight lies on the
characters being spoken, the toolbar buttons work, the first-run notice is answered by keyboard,
the voice dialog sets speed, a failing Edge is announced once, notes are read aside.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from fenggang_reader.speech.controller import ReadState
from fenggang_reader.speech.edge import ENDPOINT_ENV
from fenggang_reader.speech.system import SystemState
from fenggang_reader.speech.types import Engine
from tests.support.edge_server import guard_network
from tests.support.voice import system_voice  # noqa: F401 - a fixture

# The offline voice starting to speak (speech-dispatcher, espeak-ng, PulseAudio): seconds on a machine running four
# test workers and more; how soon is a benchmark's business.
SPEECH_WAIT_MS = 30_000

pytestmark = pytest.mark.qt_log_ignore("pipewire")




@pytest.fixture
def reader(make_window, server, system_voice, monkeypatch, qtbot):  # noqa: F811 - the imported fixture
    """A window reading through the loopback Edge at 2× (notice accepted unless a test says otherwise)."""
    guard_network(monkeypatch)
    monkeypatch.setenv(ENDPOINT_ENV, server.base_url)
    server.clear_fault()
    window = make_window()
    window.settings.set("speech_rate", 2.0)
    window.settings.set("edge_notice_accepted", True)
    announced: list[str] = []
    window.announced.connect(announced.append)
    window.test_announced = announced
    window.view.setFocus()
    yield window
    window.read_aloud.controller.stop()
    server.clear_fault()


def key(qtbot, widget, k, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, k, modifier)
    QApplication.processEvents()


def go_to(window, block_id: str) -> int:
    index = window.report.index_of(block_id)
    window.view.set_current_index(index)
    return index


def test_space_plays_pauses_resumes_and_s_stops(reader, qtbot):
    c = reader.read_aloud.controller
    index = go_to(reader, "intro-p01")
    with qtbot.waitSignal(reader.read_aloud.feature().edge.audio_started, timeout=15000):
        key(qtbot, reader.view, Qt.Key.Key_Space)
    assert c.state is ReadState.PLAYING and c.engine is Engine.EDGE
    qtbot.waitUntil(lambda: reader.view.highlights.speech is not None, timeout=3000)
    spoken_index, start, end = reader.view.highlights.speech
    text = reader.report.blocks[index].text
    assert spoken_index == index and (start, end) == (0, len(text)), "the whole one-sentence paragraph is lit"
    key(qtbot, reader.view, Qt.Key.Key_Space)
    assert c.state is ReadState.PAUSED and "Paused" in reader.test_announced
    assert reader.actions_by_id["speech_play_pause"].text() == "Read"
    key(qtbot, reader.view, Qt.Key.Key_Space)
    assert c.state is ReadState.PLAYING and c.index == index
    assert reader.actions_by_id["speech_play_pause"].text() == "Pause"
    key(qtbot, reader.view, Qt.Key.Key_S)
    assert c.state is ReadState.STOPPED and reader.view.highlights.speech is None
    assert not reader.actions_by_id["speech_stop"].isEnabled()


def test_the_word_highlight_lies_inside_the_sentence(reader, qtbot):
    index = go_to(reader, "y2024-p01")
    with qtbot.waitSignal(reader.read_aloud.feature().edge.audio_started, timeout=15000):
        key(qtbot, reader.view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: reader.view.highlights.word is not None, timeout=5000)
    _i, s_start, s_end = reader.view.highlights.speech
    w_index, w_start, w_end = reader.view.highlights.word
    text = reader.report.blocks[index].text
    assert text[s_start:s_end].startswith("刚刚过去的2024年") and text[s_end - 1] == "。"
    assert w_index == index and s_start <= w_start < w_end <= s_end
    key(qtbot, reader.view, Qt.Key.Key_S)


def test_toolbar_buttons_read_and_stop(reader, qtbot):
    play = reader.toolbar.findChild(QToolButton, "button_speech_play_pause")
    stop = reader.toolbar.findChild(QToolButton, "button_speech_stop")
    assert play is not None and stop is not None
    go_to(reader, "speaker")
    with qtbot.waitSignal(reader.read_aloud.feature().edge.audio_started, timeout=15000):
        qtbot.mouseClick(play, Qt.MouseButton.LeftButton)
    assert play.accessibleName() == "Pause" and stop.isEnabled()
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    assert reader.read_aloud.controller.state is ReadState.STOPPED
    assert play.accessibleName() == "Read"


def test_first_run_notice_is_answered_by_keyboard(reader, qtbot):
    reader.settings.set("edge_notice_accepted", False)
    go_to(reader, "speaker")
    key(qtbot, reader.view, Qt.Key.Key_Space)
    box = reader.read_aloud.feature().notice_box
    assert box is not None and box.isVisible() and "Microsoft" in box.text()
    assert reader.read_aloud.controller.state is ReadState.PLAYING, "the offline voice reads meanwhile"
    assert reader.read_aloud.controller.engine is Engine.SYSTEM
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box.defaultButton(), timeout=3000)
    assert box.defaultButton() is box.offline, "nothing leaves the computer unless the reader says so"
    qtbot.keyClick(box.online, Qt.Key.Key_Escape)  # Esc anywhere in the bar: the default, offline only
    assert reader.settings["offline_only"] is True and not reader.settings["edge_notice_accepted"]
    assert any("Only the offline voice" in text for text in reader.test_announced)
    key(qtbot, reader.view, Qt.Key.Key_S)
    assert reader.read_aloud.feature().notice_box is None


def test_offline_only_reads_without_any_network(reader, qtbot, server):
    reader.settings.set("offline_only", True)
    handshakes = server.handshakes
    go_to(reader, "speaker")
    with qtbot.waitSignal(reader.read_aloud.feature().system.audio_started, timeout=SPEECH_WAIT_MS):
        key(qtbot, reader.view, Qt.Key.Key_Space)
    assert reader.read_aloud.feature().notice_box is None, "no online-voice notice when online voices are off"
    key(qtbot, reader.view, Qt.Key.Key_S)
    assert server.handshakes == handshakes


def test_switching_the_interface_language_while_reading_keeps_pause(reader, qtbot):
    reader.settings.set("offline_only", True)
    go_to(reader, "speaker")
    with qtbot.waitSignal(reader.read_aloud.feature().system.audio_started, timeout=SPEECH_WAIT_MS):
        key(qtbot, reader.view, Qt.Key.Key_Space)
    action = reader.actions_by_id["speech_play_pause"]
    reader.settings.set("language", "zh_CN")
    assert reader.read_aloud.controller.state is ReadState.PLAYING
    assert action.text() == "暂停" and reader.actions_by_id["speech_stop"].isEnabled()
    button = reader.toolbar.findChild(QToolButton, "button_speech_play_pause")
    assert button.accessibleName() == "暂停"
    key(qtbot, reader.view, Qt.Key.Key_S)
    assert action.text() == "朗读"
    reader.settings.set("language", "en")
    assert action.text() == "Read"


def test_edge_failure_is_told_once_on_the_status_bar_and_to_screen_readers(reader, qtbot, server):
    server.set_fault("http503")
    c = reader.read_aloud.controller
    index = go_to(reader, "y2024-p01")
    with qtbot.waitSignal(reader.read_aloud.feature().system.audio_started, timeout=SPEECH_WAIT_MS):
        key(qtbot, reader.view, Qt.Key.Key_Space)
    told = [t for t in reader.test_announced if "offline voice" in t]
    assert len(told) == 1 and reader.statusBar().currentMessage() == told[0]
    c.edge_retry_at = 0  # Edge again, still failing: nobody is told twice
    with qtbot.waitSignal(reader.read_aloud.feature().system.audio_started, timeout=SPEECH_WAIT_MS):
        key(qtbot, reader.view, Qt.Key.Key_Period)
    assert len([t for t in reader.test_announced if "offline voice" in t]) == 1
    assert c.index == index and c.position == 1
    key(qtbot, reader.view, Qt.Key.Key_S)


def test_the_reason_reading_stopped_stays_on_the_status_bar(reader, qtbot, server):
    """Issue 19: "Reading stopped: …" was replaced by a plain "Stopped" at once."""
    server.set_fault("http403")
    feature = reader.read_aloud.feature()
    feature.system.available = lambda: False  # no offline voice to fall back on
    c = feature.controller
    go_to(reader, "y2024-p01")
    with qtbot.waitSignal(c.state_changed, timeout=15000, check_params_cb=lambda s: s is ReadState.STOPPED):
        key(qtbot, reader.view, Qt.Key.Key_Space)
    assert c.stop_message.startswith("Reading stopped: ")
    qtbot.wait(200)
    assert reader.statusBar().currentMessage() == c.stop_message, "the reason, not a bare 'Stopped'"
    with qtbot.waitSignal(c.state_changed, timeout=5000):
        server.clear_fault()
        del feature.system.available
        key(qtbot, reader.view, Qt.Key.Key_Space)  # reading again: the old reason is gone
    assert c.stop_message == ""
    c.stop()


def test_continuous_reading_moves_the_view_with_the_voice(reader, qtbot):
    go_to(reader, "title")
    with qtbot.waitSignal(reader.view.current_block_changed, timeout=20000,
                          check_params_cb=lambda block_id: block_id == "speaker"):
        key(qtbot, reader.view, Qt.Key.Key_Space)
    assert reader.view.current_block().id == "speaker"
    highlights = reader.view.highlights
    qtbot.waitUntil(lambda: highlights.speech is not None and highlights.speech[0] == 2, timeout=5000)
    # Down moves reading to the next paragraph at once.
    with qtbot.waitSignal(reader.read_aloud.feature().edge.audio_started, timeout=15000):
        key(qtbot, reader.view, Qt.Key.Key_Down)
    assert reader.read_aloud.controller.index == reader.report.index_of("salutation")
    key(qtbot, reader.view, Qt.Key.Key_S)


def test_speed_keys_and_the_voice_dialog(reader, qtbot):
    reader.settings.set("speech_rate", 1.0)
    key(qtbot, reader.view, Qt.Key.Key_BracketRight)
    assert reader.settings["speech_rate"] == 1.1 and "Speed 1.1×" in reader.test_announced
    key(qtbot, reader.view, Qt.Key.Key_BracketLeft)
    assert reader.settings["speech_rate"] == 1.0
    dialog = reader.read_aloud.open_voice_dialog()
    qtbot.waitExposed(dialog)
    assert dialog.voice.accessibleName() == "Online voice" and dialog.rate.accessibleName() == "Speed"
    dialog.rate.setFocus()
    dialog.rate.selectAll()
    qtbot.keyClicks(dialog.rate, "1.5")
    dialog.voice.setCurrentIndex(dialog.voice.findData("zh-HK-HiuGaaiNeural"))
    key(qtbot, dialog.rate, Qt.Key.Key_Return)
    assert reader.settings["speech_rate"] == 1.5 and reader.settings["voice"] == "zh-HK-HiuGaaiNeural"


def test_a_glossary_note_is_read_without_moving_the_place(reader, qtbot):
    c = reader.read_aloud.controller
    index = go_to(reader, "y2024-p02")
    with qtbot.waitSignal(c.state_changed, timeout=20000, check_params_cb=lambda s: s is ReadState.STOPPED):
        reader.glossary.read_note(3)
        assert c.reading_aside
    assert reader.view.current_index() == index, "reading a note must not move the reader"
    assert not c.reading_aside


def test_speech_follows_the_pinyin_annotator_and_its_corrections(reader, qtbot):
    feature = reader.read_aloud.feature()
    assert feature.respellers() == [reader.annotator.record, reader.annotator.user]
    c = feature.controller
    c._chunks_of(reader.report.index_of("speaker"))
    assert c._prepared
    reader.pronunciation.changed.emit("")
    assert not c._prepared, "new readings: the prepared chunks are made again"


def test_space_during_the_spoken_welcome_reads_the_paragraph(make_window, system_voice, qtbot,  # noqa: F811
                                                             monkeypatch):
    """Issue 19: the welcome says "press Space"; doing so cut the welcome and read nothing."""
    guard_network(monkeypatch)
    window = make_window()  # a fresh profile: a first start
    feature = window.read_aloud.feature()
    c = feature.controller
    with qtbot.waitSignal(feature.voice.state_changed, timeout=SPEECH_WAIT_MS,
                          check_params_cb=lambda state: state is SystemState.SPEAKING):
        window.restore_position(offer=True)  # as at the app's start: the spoken welcome
    assert window.startup.welcome_spoken
    index = go_to(window, "intro-p01")
    window.view.setFocus()
    with qtbot.waitSignal(feature.system.audio_started, timeout=SPEECH_WAIT_MS):
        key(qtbot, window.view, Qt.Key.Key_Space)
    assert c.state is ReadState.PLAYING and c.engine is Engine.SYSTEM
    assert (c.index, c.position) == (index, 0)
    with qtbot.waitSignal(c.highlight, timeout=5000, raising=False):
        pass
    assert feature.system.chunk is not None and feature.system.chunk.block_id == "intro-p01"
    c.stop()
    if feature.notice_box is not None:
        feature.notice_box.close()
