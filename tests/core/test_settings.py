from __future__ import annotations

import json

import pytest

from fenggang_reader.core.settings import SETTINGS, Settings
from fenggang_reader.core.storage import AppDirs
from tests.support.refusing import read_only_folder


def test_defaults_and_round_trip(tmp_path):
    path = tmp_path / "settings.json"
    settings = Settings.load(path)
    assert settings["font_size"] == 28 and settings.problems == []
    settings.set("font_size", 72)
    settings.set("current_block", "s3-p02")
    assert settings.save()
    again = Settings.load(path)
    assert again["font_size"] == 72 and again["current_block"] == "s3-p02"


@pytest.mark.parametrize("name, bad", [("font_size", 400), ("font_size", "big"), ("pinyin_style", "ipa"), ("pinyin_visible", 1)])
def test_invalid_values_rejected(name, bad):
    with pytest.raises(ValueError):
        Settings().set(name, bad)


def test_corrupt_file_gives_defaults_and_is_kept_aside(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{ not json", encoding="utf-8")
    settings = Settings.load(path)
    assert settings["font_size"] == 28
    assert settings.problems and "damaged" in settings.problems[0]
    kept = list(tmp_path.glob("settings.json.*.bad"))
    assert len(kept) == 1 and kept[0].read_text() == "{ not json"
    assert not path.exists()


@pytest.mark.parametrize("content", [
    json.dumps({"font_size": 48, "voice": "中文男声"}, ensure_ascii=False).encode("gbk"),  # saved by a GBK editor
    bytes(range(256)) * 4,  # random bytes
    b"[" * 100_000 + b"]" * 100_000,  # nested too deep for the parser (RecursionError)
    b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
    b"\xef\xbb\xbf{}\x00",
], ids=["gbk", "bytes", "deep-list", "deep-object", "bom-nul"])
def test_unreadable_file_gives_defaults_and_is_kept_aside_byte_for_byte(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings = Settings.load(path)
    assert settings.values == Settings().values
    assert settings.problems and "damaged" in settings.problems[0]
    kept = list(tmp_path.glob("settings.json.*.bad"))
    assert kept == [settings.kept_aside] and kept[0].read_bytes() == content
    assert kept[0].name in settings.problems[0]


@pytest.mark.parametrize(("name", "raw"), [
    ("speech_rate", "NaN"), ("speech_rate", "Infinity"), ("scroll_fraction", "-Infinity"), ("speech_rate", "1e999"),
    ("window_geometry", '"凤岗"'), ("window_state", '"AdnQyw==é"'), ("font_size", '"48"'), ("font_size", "48.5"),
    ("pinyin_visible", '"yes"'), ("theme", "[]"), ("voice", "null"), ("current_block", '"\\ud800"'),
])
def test_a_bad_value_falls_back_alone_and_the_original_is_kept(tmp_path, name, raw):
    path = tmp_path / "settings.json"
    text = '{"contents_visible": false, "' + name + '": ' + raw + '}'
    path.write_text(text, encoding="utf-8")
    settings = Settings.load(path)
    assert settings[name] == Settings()[name]
    assert settings["contents_visible"] is False, "the good settings are kept"
    assert any(name in problem for problem in settings.problems)
    assert settings.kept_aside is not None and settings.kept_aside.read_text(encoding="utf-8") == text
    assert path.exists(), "the usable settings stay in place"
    assert settings.save() and Settings.load(path).problems == []


def test_bad_value_in_file_falls_back_per_setting(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"font_size": 9999, "theme": "dark", "nonsense": 1}), encoding="utf-8")
    settings = Settings.load(path)
    assert settings["font_size"] == 28 and settings["theme"] == "dark"
    assert "font_size" in settings.problems[0] and "kept as settings.json." in settings.problems[-1]


def test_save_is_atomic_no_temp_files_left(tmp_path):
    path = tmp_path / "sub" / "settings.json"
    settings = Settings(path=path)
    for size in range(12, 40):
        settings.set("font_size", size)
        settings.save()
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]


def test_read_only_directory_does_not_crash(tmp_path):
    with read_only_folder(tmp_path / "ro") as ro:
        settings = Settings(path=ro / "x" / "settings.json")
        settings.set("font_size", 30)
        assert settings.save() is False
        assert not (ro / "x").exists()


def test_every_setting_declared_once_with_description():
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names))
    assert all(s.description for s in SETTINGS)
    for s in SETTINGS:
        assert s.validate(s.default) == s.default


def test_dirs_follow_the_test_home(isolated_home):
    dirs = AppDirs.default()
    assert dirs.config == isolated_home / "config"
    assert dirs.settings_file.parent == dirs.config


@pytest.mark.parametrize("value", ["", "http://127.0.0.1:8080", "https://tts.example.org/edge", "http://[::1]:9000"])
def test_endpoint_and_proxy_accept_base_urls(value):
    settings = Settings()
    settings.set("edge_endpoint", value)
    settings.set("proxy", value)


@pytest.mark.parametrize("value", ["speech.example.org", "ftp://x", "http://x/?q=1", "http://x/#f", "javascript:alert(1)"])
def test_endpoint_and_proxy_reject_what_would_break_reading_aloud(value):
    with pytest.raises(ValueError):
        Settings().set("edge_endpoint", value)
    with pytest.raises(ValueError):
        Settings().set("proxy", value)


def test_any_damage_to_a_saved_file_loads_valid_settings(tmp_path):
    """Seeded random damage (flipped bytes, cuts, insertions, swapped values): never an exception, every value
    valid, and the original is kept aside whenever something had to be thrown away."""
    import random

    from fenggang_reader.core.settings import SETTINGS as DECLARED

    rng = random.Random(19)
    path = tmp_path / "settings.json"
    good = Settings(path=path)
    good.set("font_size", 72)
    good.set("current_block", "y2024-p03")
    good.set("window_geometry", "AdnQywADAAAAAAAAAAAAAA==")
    assert good.save()
    original = path.read_bytes()
    junk = [b"NaN", b"-Infinity", b"1e999", b'"\\ud800"', b"[[[[", b"\xd6\xd0", b"null", b'"\xe5\x87\xa4"', b"{}"]
    for round_number in range(250):
        data = bytearray(original)
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(data))
            choice = rng.random()
            if choice < 0.4:
                data[at] = rng.randrange(256)
            elif choice < 0.6:
                del data[at:at + rng.randint(1, 30)]
            else:
                data[at:at] = rng.choice(junk)
        for old in tmp_path.glob("settings.json.*.bad"):
            old.unlink()
        path.write_bytes(bytes(data))
        settings = Settings.load(path)
        for setting in DECLARED:
            assert setting.validate(settings[setting.name]) == settings[setting.name], (round_number, setting.name)
        if settings.problems:
            assert settings.kept_aside is not None and settings.kept_aside.read_bytes() == bytes(data), round_number
        assert settings.save(), round_number  # whatever was read can be written again
