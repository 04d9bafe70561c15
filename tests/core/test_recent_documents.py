"""The recent documents: newest first, each with its place (keyed by the text's fingerprint), saved atomically;
a damaged file is kept aside and the list starts empty."""

from __future__ import annotations

import json

import pytest

from fenggang_reader.core.document_places import DocumentSource, RecentPlace, SettingsPlace
from fenggang_reader.core.recent_documents import MAX_ENTRIES, RecentDocuments, SavedPlace
from fenggang_reader.core.settings import Settings


def test_opened_documents_come_first_with_their_places_after_a_restart(tmp_path):
    path = tmp_path / "recent-documents.json"
    recent = RecentDocuments.load(path)
    a, b = tmp_path / "甲.txt", tmp_path / "乙.html"
    recent.opened(a, "甲的标题", "f-a")
    recent.remember_place("f-a", SavedPlace("d-p0012", "d-p0012:5", 0.25, 12))
    recent.opened(b, "乙", "f-b")
    assert recent.save()
    again = RecentDocuments.load(path)
    assert [e.path for e in again.entries] == [b, a] and again.current == b
    assert again.entries[1].title == "甲的标题"
    assert again.place_of("f-a") == SavedPlace("d-p0012", "d-p0012:5", 0.25, 12)
    assert again.place_of("f-b") == SavedPlace()
    again.opened(a, "甲的标题", "f-a")  # opened again: first, place kept
    assert [e.path for e in again.entries] == [a, b] and again.entries[0].place.paragraph == 12
    again.builtin_opened()
    again.save()
    assert RecentDocuments.load(path).current is None


def test_a_file_whose_text_changed_starts_at_the_top_and_the_list_is_capped(tmp_path):
    recent = RecentDocuments()
    doc = tmp_path / "通知.txt"
    recent.opened(doc, "通知", "old")
    recent.remember_place("old", SavedPlace("d-p0003", "d-p0003:0", 0.0, 3))
    recent.opened(doc, "通知", "new")
    assert len(recent.entries) == 1 and recent.entries[0].place == SavedPlace()
    for n in range(MAX_ENTRIES + 3):
        recent.opened(tmp_path / f"{n}.txt", str(n), f"f{n}")
    assert len(recent.entries) == MAX_ENTRIES and recent.entries[0].path.name == f"{MAX_ENTRIES + 2}.txt"
    recent.remove(tmp_path / f"{MAX_ENTRIES + 2}.txt")
    assert recent.current is None and recent.entries[0].path.name == f"{MAX_ENTRIES + 1}.txt"


@pytest.mark.parametrize("content", [
    b"{ not json",
    "中文".encode("gbk"),
    b'{"documents": "none"}',
    b'{"documents": [{"path": 3}]}',
    b'{"documents": [{"path": "/a.txt", "title": "", "fingerprint": "x", "current_block": "", '
    b'"reading_place": "no place", "scroll_fraction": 0, "paragraph": 0, "opened": 0}]}',
    b'{"documents": [{"path": "/a.txt", "title": "", "fingerprint": "x", "current_block": "", '
    b'"reading_place": "", "scroll_fraction": NaN, "paragraph": 0, "opened": 0}]}',
], ids=["not-json", "gbk", "no-list", "bad-path", "bad-place", "nan"])
def test_a_damaged_file_is_kept_aside_and_the_list_starts_empty(tmp_path, content):
    path = tmp_path / "recent-documents.json"
    path.write_bytes(content)
    recent = RecentDocuments.load(path)
    assert recent.entries == [] and recent.current is None
    assert recent.kept_aside is not None and recent.kept_aside.read_bytes() == content
    assert recent.problems and "damaged" in recent.problems[0] and recent.kept_aside.name in recent.problems[0]
    assert not path.exists()
    recent.opened(tmp_path / "a.txt", "a", "fa")
    assert recent.save() and json.loads(path.read_text(encoding="utf-8"))["documents"][0]["title"] == "a"


def test_the_shipped_report_keeps_its_place_in_the_settings_and_documents_theirs_in_the_list(tmp_path):
    settings, recent = Settings(), RecentDocuments()
    SettingsPlace(settings).remember(SavedPlace("y2024-p03", "y2024-p03:7", 0.5, 9))
    assert (settings["current_block"], settings["reading_place"], settings["scroll_fraction"]) == \
        ("y2024-p03", "y2024-p03:7", 0.5)
    recent.opened(tmp_path / "a.txt", "a", "fa")
    RecentPlace(recent, "fa").remember(SavedPlace("d-p0002", "d-p0002:1", 0.1, 2))
    assert recent.entries[0].place.reading_place == "d-p0002:1"
    assert settings["reading_place"] == "y2024-p03:7"  # untouched by the other document
    assert DocumentSource().builtin and not DocumentSource(tmp_path / "a.txt").builtin
