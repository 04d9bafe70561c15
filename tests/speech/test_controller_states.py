"""The read-aloud controller's state machine on fake voices (tests/support/fake_speech.py): every path of
play, pause, stop, skipping, fallback, cool-down and reading aside in milliseconds, without sound.

The same paths against the loopback Edge service, speech-dispatcher and the null sink: test_controller.py.
"""

from __future__ import annotations

import pytest

from fenggang_reader.core.spoken import note_chunks, prepare_block
from fenggang_reader.speech.backend import BackendState
from fenggang_reader.speech.controller import ReadAloudController, ReadState, SpeechConfig
from fenggang_reader.speech.types import Engine, SpeechErrorKind, VoiceParams
from tests.support.fake_speech import FakeBackend


class Rig:
    def __init__(self, report, *, autoplay: bool = False, **config):
        self.report = report
        self.edge = FakeBackend(Engine.EDGE, autoplay=autoplay)
        self.system = FakeBackend(Engine.SYSTEM, autoplay=autoplay)
        config.setdefault("edge_allowed", True)
        self.config = SpeechConfig(**config)
        self.controller = ReadAloudController(report, lambda b: prepare_block(b, report), self.system, self.edge,
                                              lambda: self.config, edge_cooldown_s=60.0)
        self.states: list[ReadState] = []
        self.highlights: list[tuple] = []
        self.cleared = 0
        self.notices: list[str] = []
        self.blocks: list[int] = []
        c = self.controller
        c.state_changed.connect(self.states.append)
        c.highlight.connect(lambda *a: self.highlights.append(a))
        c.highlight_cleared.connect(self._cleared)
        c.notice.connect(self.notices.append)
        c.block_started.connect(lambda _id, i: self.blocks.append(i))

    def _cleared(self) -> None:
        self.cleared += 1

    def chunks(self, block_id: str) -> list[str]:
        return [c.text for c in prepare_block(self.report.block(block_id), self.report)]


@pytest.fixture
def rig(report, qapp):
    made: list[Rig] = []

    def make(**options) -> Rig:
        made.append(Rig(report, **options))
        return made[-1]

    yield make
    for r in made:
        r.controller.shutdown()


def many_sentences(report) -> str:
    """A paragraph of at least three chunks."""
    return next(b.id for b in report.blocks if len(prepare_block(b, report)) >= 3)


def test_play_highlights_each_chunk_and_goes_on_to_the_next_paragraph(rig, report):
    r = rig()
    block = many_sentences(report)
    index = report.index_of(block)
    r.controller.play(index)
    assert r.controller.state is ReadState.PLAYING and r.controller.engine is Engine.EDGE
    for expected in r.chunks(block):
        assert r.edge.spoken[-1] == expected
        r.edge.start()
        assert r.highlights[-1][0] == block
        r.edge.say_word(0, 1)
        assert r.highlights[-1][3] >= 0, "a word inside the sentence"
        r.edge.finish()
    assert r.controller.index == index + 1 and r.blocks[-1] == index + 1
    assert r.edge.spoken[-1] == r.chunks(report.blocks[index + 1].id)[0]
    assert r.edge.prefetched, "what follows was asked for ahead"
    assert not r.system.spoken and not r.notices


def test_a_single_paragraph_stops_at_its_end(rig, report):
    r = rig(continuous=False)
    block = many_sentences(report)
    r.controller.play(report.index_of(block))
    for _ in r.chunks(block):
        r.edge.start()
        r.edge.finish()
    assert r.controller.state is ReadState.STOPPED and r.cleared


def test_pause_keeps_the_chunk_and_resume_goes_on_with_it(rig, report):
    r = rig()
    r.controller.play(report.index_of(many_sentences(report)))
    r.edge.start()
    r.controller.toggle(r.controller.index)
    assert r.controller.state is ReadState.PAUSED and r.edge.state is BackendState.PAUSED
    r.controller.toggle(r.controller.index)
    assert r.controller.state is ReadState.PLAYING and r.edge.state is BackendState.SPEAKING
    assert len(r.edge.spoken) == 1, "resumed where it was, not asked again"


def test_pause_before_the_first_audio_says_the_chunk_again_on_resume(rig, report):
    r = rig()
    r.controller.play(report.index_of(many_sentences(report)))
    r.controller.pause()
    assert r.edge.state is BackendState.IDLE
    r.controller.resume()
    assert r.edge.spoken[0] == r.edge.spoken[1] and r.edge.state is BackendState.WAITING


def test_stop_clears_the_highlight_and_goes_no_further(rig, report):
    r = rig()
    r.controller.play(report.index_of(many_sentences(report)))
    r.edge.start()
    r.controller.stop()
    assert r.controller.state is ReadState.STOPPED and r.cleared and r.edge.prefetch_cancels
    assert r.states[-2:] == [ReadState.PLAYING, ReadState.STOPPED]


def test_sentence_and_paragraph_skipping(rig, report):
    r = rig()
    block = many_sentences(report)
    index = report.index_of(block)
    chunks = r.chunks(block)
    r.controller.play(index)
    r.edge.start()
    r.controller.next_sentence()
    assert r.edge.spoken[-1] == chunks[1]
    r.controller.previous_sentence()
    assert r.edge.spoken[-1] == chunks[0]
    r.controller.next_paragraph()
    assert r.controller.index == index + 1
    r.controller.previous_paragraph()
    assert r.controller.index == index and r.controller.state is ReadState.PLAYING


@pytest.mark.parametrize("kind", [SpeechErrorKind.UNREACHABLE, SpeechErrorKind.BUSY, SpeechErrorKind.TOO_SLOW])
def test_an_edge_failure_goes_on_with_the_same_chunk_offline_said_once(rig, report, kind):
    r = rig()
    block = many_sentences(report)
    r.controller.play(report.index_of(block))
    r.edge.fail(kind, retry_after=90 if kind is SpeechErrorKind.BUSY else None)
    assert r.system.spoken == [r.chunks(block)[0]], "the same chunk, with the offline voice"
    assert r.controller.engine is Engine.SYSTEM and r.controller.state is ReadState.PLAYING
    assert r.notices == [f"Switched to the offline voice: {kind.plain}"]
    r.system.start()
    r.system.finish()
    assert r.system.spoken[-1] == r.chunks(block)[1], "Edge rests during its cool-down"
    assert r.controller.edge_retry_at > 0 and not r.controller.edge_recovered()
    assert len(r.notices) == 1


def test_edge_is_asked_again_after_the_cool_down(rig, report):
    r = rig()
    block = many_sentences(report)
    r.controller.play(report.index_of(block))
    r.edge.fail()
    r.controller.edge_retry_at = 0.0  # the cool-down is over
    r.system.start()
    r.system.finish()
    assert r.edge.spoken[-1] == r.chunks(block)[1] and r.controller.engine is Engine.EDGE


def test_the_offline_voice_failing_stops_with_its_reason(rig, report):
    r = rig(preferred=Engine.SYSTEM)
    r.controller.play(report.index_of(many_sentences(report)))
    r.system.fail(SpeechErrorKind.SYSTEM_VOICE)
    assert r.controller.state is ReadState.STOPPED
    assert r.notices == [f"Reading stopped: {SpeechErrorKind.SYSTEM_VOICE.plain}"]


def test_without_consent_edge_is_never_asked(rig, report):
    r = rig(edge_allowed=False)
    r.controller.play(report.index_of(many_sentences(report)))
    assert not r.edge.spoken and not r.edge.prefetched and r.system.spoken


def test_no_voice_at_all_is_said(rig, report):
    r = rig(edge_allowed=False)
    r.system.is_available = False
    r.controller.play(report.index_of(many_sentences(report)))
    assert r.controller.state is ReadState.STOPPED and r.notices[-1].startswith("Cannot read aloud")


def test_a_note_read_aside_keeps_the_place(rig, report):
    r = rig()
    block = many_sentences(report)
    index = report.index_of(block)
    r.controller.play(index)
    r.edge.start()
    note = note_chunks(report, 1)
    r.controller.read_aside(note)
    assert r.controller.reading_aside and r.edge.spoken[-1] == note[0].text
    for _ in note:
        r.edge.start()
        r.edge.finish()
    assert r.controller.state is ReadState.STOPPED and r.controller.index == index


def test_reading_runs_on_by_itself_to_the_end_of_the_report(rig, report, qtbot):
    r = rig(autoplay=True)
    last = len(report.blocks) - 1
    r.controller.play(last - 2)
    qtbot.waitUntil(lambda: r.controller.state is ReadState.STOPPED, timeout=5000)
    assert r.notices == ["End of the document."] and r.blocks[-1] == last


def test_following_the_caret_reads_from_the_new_paragraph(rig, report):
    r = rig()
    index = report.index_of(many_sentences(report))
    r.controller.play(index)
    r.controller.follow(report.blocks[index + 2].id)
    assert r.controller.index == index + 2 and r.controller.state is ReadState.PLAYING
    r.controller.pause()
    r.controller.follow(report.blocks[index].id)
    assert r.controller.state is ReadState.STOPPED, "moving while paused stops"


def test_voice_parameters_reach_the_voice(rig, report):
    r = rig(params=VoiceParams("zh-CN-YunxiNeural", 1.5))
    r.controller.play(report.index_of(many_sentences(report)))
    assert r.edge.voice_name == "zh-CN-YunxiNeural"
