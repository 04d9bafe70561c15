"""Audiobook export against the loopback Edge service: files, durations, chapters, playlist, cancel, offline."""

from __future__ import annotations

import threading

import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from fenggang_reader.cli import main
from fenggang_reader.core.report_format import serialize_report
from fenggang_reader.export.audio import (
    PARAGRAPH_FOLDER,
    AudioExporter,
    AudioExportOptions,
    ExportCancelled,
    ExportError,
    file_name,
    offline_missing,
    output_names,
    select_blocks,
)
from fenggang_reader.speech.cache import AudioCache
from fenggang_reader.speech.edge import EdgeSynthesizer
from fenggang_reader.speech.types import VoiceParams
from tests.support import edge_server as support
from tests.support.refusing import read_only_folder
from tests.support.shipped import shipped_excerpt

pytestmark = pytest.mark.skipif(bool(support.tools_missing()), reason="needs espeak-ng and ffmpeg (./dev installs them)")


@pytest.fixture(autouse=True)
def _offline(monkeypatch):
    support.guard_network(monkeypatch)




@pytest.fixture
def endpoint(silent_server, monkeypatch):
    """The silent loopback service: these tests check files, names, order and the cache, not the voice."""
    monkeypatch.setenv("FENGGANG_READER_EDGE_ENDPOINT", silent_server.base_url)
    silent_server.clear_fault()
    silent_server.latency = 0.0
    return silent_server.base_url


@pytest.fixture
def speaking_endpoint(server, monkeypatch):
    """The loopback service speaking with espeak-ng: for the end-to-end export."""
    monkeypatch.setenv("FENGGANG_READER_EDGE_ENDPOINT", server.base_url)
    server.clear_fault()
    return server.base_url


@pytest.fixture(scope="module")
def short_report():
    """A short cut of the bundled report with 8 of its 30 notes and a 2025 part of three paragraphs: the exports
    that make every file of a part with a voice (espeak-ng and ffmpeg for each sentence) prove the same on it at a
    third of the cost."""
    return shipped_excerpt()[0]


def _edge(out, endpoint, **options):
    """Options for an export with the online voice at the loopback ``endpoint``."""
    return AudioExportOptions(out=out, engine="edge", endpoint=endpoint, **options)


def _listing(folder):
    return sorted(p.name for p in folder.iterdir())


def test_parts_select_the_right_blocks(report):
    ids = {part: [b.id for b in select_blocks(report, part)] for part in ("all", "2024", "2025", "notes")}
    assert ids["all"] == [b.id for b in report.blocks]
    assert ids["2024"][0] == "part-2024" and ids["2024"][-1].startswith("y2024-p")
    assert ids["2025"][0] == "part-2025" and "h7" in ids["2025"] and "notes" not in ids["2025"]
    assert ids["notes"][0] == "notes" and len(ids["notes"]) == 31
    assert file_name(report, report.block("y2024-p03")) == f"{report.index_of('y2024-p03') + 1:03d}-y2024-p03.mp3"
    with pytest.raises(ExportError, match="unknown part"):
        select_blocks(report, "2023")


@pytest.mark.early
def test_cli_exports_the_notes_through_edge(speaking_endpoint, tmp_path, short_report):
    report = short_report
    document = tmp_path / "report.tsv"
    document.write_text(serialize_report(report), encoding="utf-8")
    out = tmp_path / "book"
    assert main(["export-audio", str(document), "--out", str(out), "--part", "notes", "--engine", "edge",
                 "--allow-online"]) == 0
    playlist_name, chapters_name = output_names("notes")
    blocks = select_blocks(report, "notes")
    files = [file_name(report, b) for b in blocks]
    assert _listing(out) == sorted([PARAGRAPH_FOLDER, chapters_name]), "a folder player plays each paragraph once"
    paragraphs = out / PARAGRAPH_FOLDER
    assert _listing(paragraphs) == sorted([*files, playlist_name])
    assert files == sorted(files), "names sort in reading order"

    lengths = [MP3(paragraphs / f).info.length for f in files]
    assert all(length > 0.5 for length in lengths)
    whole = MP3(out / chapters_name).info.length
    assert whole == pytest.approx(sum(lengths), abs=0.1)

    tags = ID3(out / chapters_name)
    chapters = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    assert len(chapters) == len(blocks)
    (toc,) = tags.getall("CTOC")
    assert toc.child_element_ids == [c.element_id for c in chapters]
    assert chapters[0].sub_frames["TIT2"].text == ["名词解释"]
    assert chapters[1].sub_frames["TIT2"].text[0].startswith("[1] ")
    for before, after in zip(chapters, chapters[1:], strict=False):
        assert before.end_time == pytest.approx(after.start_time, abs=1)
    assert chapters[-1].end_time / 1000 == pytest.approx(whole, abs=0.1)
    assert [c.end_time - c.start_time for c in chapters] == pytest.approx([x * 1000 for x in lengths], abs=30)
    assert ID3(paragraphs / files[1])["TIT2"].text[0].startswith("[1] ")

    lines = (paragraphs / playlist_name).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#EXTM3U"
    entries = [line for line in lines if line and not line.startswith("#")]
    infos = [line for line in lines if line.startswith("#EXTINF:")]
    assert entries == files and len(infos) == len(files)
    seconds = [int(info.split(":", 1)[1].split(",", 1)[0]) for info in infos]
    assert seconds == [round(x) for x in lengths]
    assert infos[0].endswith(",名词解释")


def test_second_export_comes_from_the_cache(endpoint, silent_server, tmp_path, short_report):
    report = short_report
    cache = AudioCache()
    options = _edge(tmp_path / "a", endpoint, part="notes")
    first = AudioExporter(report, options, cache=cache).run()
    asked = silent_server.synth_requests
    options.out = tmp_path / "b"
    second = AudioExporter(report, options, cache=cache).run()
    assert silent_server.synth_requests == asked, "everything came from the audio cache"
    assert second.cache_hits == sum(len(t.chunks) for t in second.tracks)
    assert second.duration_s == pytest.approx(first.duration_s)


def test_cancel_midway_leaves_nothing(endpoint, tmp_path, report):
    out = tmp_path / "cancelled"
    seen: list[int] = []

    def progress(done: int, total: int, what: str) -> None:
        seen.append(done)
        if done == 6:
            exporter.cancel()

    exporter = AudioExporter(report, _edge(out, endpoint, part="notes"), progress=progress)
    with pytest.raises(ExportCancelled):
        exporter.run()
    assert 6 in seen and max(seen) < exporter.total_chunks
    assert not out.exists(), "the folder we created is removed again"

    kept = tmp_path / "existing"
    kept.mkdir()
    (kept / "mine.txt").write_text("keep me")
    exporter = AudioExporter(report, _edge(kept, endpoint, part="notes"), progress=progress)
    with pytest.raises(ExportCancelled):
        exporter.run()
    assert _listing(kept) == ["mine.txt"]


def test_cancel_from_another_thread_while_waiting_for_edge(endpoint, silent_server, tmp_path, report):
    silent_server.latency = 2.0
    try:
        exporter = AudioExporter(report, _edge(tmp_path / "slow", endpoint, part="notes"))
        threading.Timer(0.3, exporter.cancel).start()
        with pytest.raises(ExportCancelled):
            exporter.run()
    finally:
        silent_server.latency = 0.0
    assert not (tmp_path / "slow").exists()


def test_dead_network_and_no_offline_voice_is_a_clear_error(monkeypatch, tmp_path, report, capsys):
    monkeypatch.setenv("FENGGANG_READER_EDGE_ENDPOINT", "http://127.0.0.1:9")  # nothing listens on port 9
    monkeypatch.setattr("fenggang_reader.export.audio.offline_missing", lambda: ["espeak-ng"])
    assert main(["export-audio", "--out", str(tmp_path / "x"), "--part", "notes", "--allow-online"]) == 1
    err = capsys.readouterr().err
    assert "online voice cannot be used" in err and "install espeak-ng" in err
    assert not (tmp_path / "x").exists()


def test_parts_share_the_paragraph_folder(endpoint, tmp_path, short_report):
    """Two parts in one folder: one paragraph subfolder sorted in reading order, a playlist and chapters each."""
    report = short_report
    out = tmp_path / "both"
    for part in ("notes", "2025"):
        AudioExporter(report, _edge(out, endpoint, part=part)).run()
    names = [output_names(part) for part in ("notes", "2025")]
    assert _listing(out) == sorted([PARAGRAPH_FOLDER, names[0][1], names[1][1]])
    files = [f for f in _listing(out / PARAGRAPH_FOLDER) if f.endswith(".mp3")]
    wanted = [file_name(report, b) for b in select_blocks(report, "2025") + select_blocks(report, "notes")]
    assert files == wanted


def test_unwritable_folder_is_a_clear_error(endpoint, tmp_path, report):
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("keep me")
    with pytest.raises(ExportError, match="cannot create the folder") as caught:
        AudioExporter(report, _edge(in_the_way / "book", endpoint, part="notes")).run()
    assert caught.value.kind == "folder" and in_the_way.read_text() == "keep me"

    with read_only_folder(tmp_path / "locked", {"mine.txt": "keep me"}) as locked:
        with pytest.raises(ExportError, match="cannot write in the folder") as caught:
            AudioExporter(report, _edge(locked, endpoint, part="notes")).run()
        assert caught.value.kind == "folder"
        assert _listing(locked) == ["mine.txt"]


@pytest.mark.early
@pytest.mark.skipif(bool(offline_missing()), reason="the offline voice needs espeak-ng and ffmpeg")
def test_dead_network_falls_back_to_the_offline_voice(monkeypatch, tmp_path, short_report):
    result = AudioExporter(short_report, AudioExportOptions(out=tmp_path / "o", part="notes",
                                                            endpoint="http://127.0.0.1:9")).run()
    assert result.engine.value == "system" and result.notes
    assert len(result.tracks) == len(select_blocks(short_report, "notes")) == 9
    assert result.paragraph_folder == tmp_path / "o" / PARAGRAPH_FOLDER
    assert result.playlist.parent == result.paragraph_folder and result.chapters_file.parent == tmp_path / "o"
    lengths = [MP3(result.paragraph_folder / t.file).info.length for t in result.tracks]
    assert MP3(result.chapters_file).info.length == pytest.approx(sum(lengths), abs=0.1)
    assert support.mp3_is_cbr48(_audio_frames(result.paragraph_folder / result.tracks[1].file))


def _audio_frames(path):
    """The MP3 frames of a file, without its ID3 tag."""
    data = path.read_bytes()
    size = ID3(path).size
    return data[size:]


def test_edge_voices_are_what_the_cache_holds_for_reading_aloud(endpoint, tmp_path, short_report):
    """An export fills the cache under the keys reading aloud uses (WordBoundary requests)."""
    report = short_report
    cache = AudioCache()
    options = _edge(tmp_path / "c", endpoint, part="notes", params=VoiceParams())
    result = AudioExporter(report, options, cache=cache).run()
    chunk = result.tracks[1].chunks[0]
    hit = cache.get(AudioCache.key(chunk.text, options.params, result.engine, boundary="WordBoundary"))
    assert hit is not None and hit.boundaries and len(hit.boundaries) > 1
    with EdgeSynthesizer(endpoint=endpoint) as synth:
        assert synth.endpoint == endpoint
