"""Typed settings, each declared once with its default, range and a one-line description.

Stored as JSON in the platformdirs config directory and written atomically. A bad value falls back
to its default with a logged reason; a corrupt file is kept aside as ``*.bad`` and never deleted.
"""

from __future__ import annotations

import json
import logging
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from .interface_size import CHOICES as INTERFACE_CHOICES
from .interface_size import FOLLOW_TEXT
from .reading_place import PLACE_PATTERN
from .storage import DamagedFile, atomic_write_text, keep_aside, read_saved_json

log = logging.getLogger(__name__)
T = TypeVar("T")

# Empty, or http(s)://host[:port][/path] with no query or fragment (a bad URL would break reading aloud).
_BASE_URL = r"(|https?://[A-Za-z0-9.\-\[\]:]+(/[^\s?#]*)?)"
_BASE64 = r"[A-Za-z0-9+/]*={0,2}"  # Qt's saveGeometry()/saveState() as text; anything else cannot be restored


@dataclass(frozen=True)
class Setting(Generic[T]):
    name: str
    type: type[T]
    default: T
    description: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Any, ...] | None = None
    pattern: str | None = None  # a str setting must match it (fullmatch)

    def validate(self, value: Any) -> Any:
        """The value if it is valid, else raise ValueError saying why."""
        if self.type is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        actual: type = type(value)
        if actual is not self.type:
            if self.type is dict and isinstance(value, dict):
                return value
            raise ValueError(f"expected {self.type.__name__}, got {type(value).__name__}")
        if self.type is float and not math.isfinite(value):
            raise ValueError(f"{value} is not a number")  # NaN passes every comparison with a range
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"{value} is below the minimum {self.minimum}")
        if self.maximum is not None and value > self.maximum:
            raise ValueError(f"{value} is above the maximum {self.maximum}")
        if self.choices is not None and value not in self.choices:
            raise ValueError(f"{value!r} is not one of {', '.join(map(str, self.choices))}")
        if self.type is str and len(value) > 4096:
            raise ValueError("text too long")
        if self.type is str and not _is_utf8_text(value):
            raise ValueError("not valid text (a lone surrogate from a \\ud800-style escape)")
        if self.pattern is not None and not re.fullmatch(self.pattern, value):
            raise ValueError(f"{value!r} is not of the expected form")
        return value


SETTINGS: tuple[Setting, ...] = (
    Setting("font_size", int, 28, "Body text size in points.", 12, 96),
    Setting("interface_size", int, FOLLOW_TEXT, "Menus, buttons, panels and dialogs in points; 0 follows the text size.",
            choices=(FOLLOW_TEXT, *INTERFACE_CHOICES)),
    Setting("pinyin_visible", bool, True, "Show pinyin above every Chinese character."),
    Setting("pinyin_style", str, "marks", "How pinyin is written.", choices=("marks", "numbers", "zhuyin")),
    Setting("theme", str, "light", "Colour theme.",
            choices=("light", "dark", "contrast-white-on-black", "contrast-yellow-on-black", "contrast-black-on-white")),
    Setting("current_block", str, "", "Id of the paragraph the reader was at."),
    Setting("reading_place", str, "", "The first fully visible line: '<block id>:<character offset>'.",
            pattern=PLACE_PATTERN),
    Setting("scroll_fraction", float, 0.0, "Where the reading place's line sat in the window (0 top, 1 bottom).", 0.0, 1.0),
    Setting("window_geometry", str, "", "Saved window geometry (base64), restored at start.", pattern=_BASE64),
    Setting("window_state", str, "", "Saved toolbar and panel layout (base64).", pattern=_BASE64),
    Setting("contents_visible", bool, True, "Show the contents panel."),
    Setting("language", str, "", "Interface language; empty follows the system.", choices=("", "zh_CN", "zh_TW", "en")),
    Setting("script", str, "simplified", "Characters of the report: Simplified, or Traditional (HK or TW standard).", choices=("simplified", "hk", "tw")),
    Setting("ruby", str, "pinyin", "Romanisation above the characters: Mandarin pinyin or Cantonese Jyutping.", choices=("pinyin", "jyutping")),
    Setting("tone_sandhi", str, "citation", "Pinyin of 一/不: dictionary or spoken tones.", choices=("citation", "spoken")),
    Setting("marker_speech", str, "skip", "How glossary markers like [1] are read aloud.", choices=("skip", "say", "read_after")),
    Setting("voice", str, "zh-CN-XiaoxiaoNeural", "Edge voice for reading aloud (its short name)."),
    Setting("system_voice", str, "", "Offline (system) voice name; empty picks a Chinese voice matching the Edge voice."),
    Setting("speech_engine", str, "edge", "Preferred voice engine: online Edge voices or the offline system voice.", choices=("edge", "system")),
    Setting("speech_rate", float, 1.0, "Reading speed, 0.5× to 2×.", 0.5, 2.0),
    Setting("speech_pitch", int, 0, "Voice pitch offset in Hz.", -50, 50),
    Setting("speech_volume", int, 0, "Voice volume offset in percent.", -50, 50),
    Setting("offline_only", bool, False, "Never send text to the online (Edge) voices."),
    Setting("edge_notice_accepted", bool, False, "The listener accepted that Edge voices send the text to Microsoft."),
    Setting("edge_endpoint", str, "", "Base URL replacing https://speech.platform.bing.com (FENGGANG_READER_EDGE_ENDPOINT wins).",
            pattern=_BASE_URL),
    Setting("proxy", str, "", "Proxy URL for the online voices, e.g. http://host:3128; empty for none.",
            pattern=_BASE_URL),
    Setting("read_continuously", bool, True, "Keep reading into the next paragraphs until the end or Stop."),
    Setting("theme_follows_system", bool, True, "Start in high contrast / dark when the system asks, until a theme is chosen."),
    Setting("spoken_feedback", bool, False, "Also say state changes (size, pinyin, theme) aloud with the app's voice."),
    Setting("line_spacing", int, 172, "Line height in percent of a line (room for the pinyin).", 140, 260),
    Setting("character_spacing", int, 132, "Advance of each Chinese character in percent of its width.", 110, 200),
    Setting("paragraph_spacing", int, 55, "Space after each paragraph in percent of a line.", 20, 200),
    Setting("focus_mode", str, "off", "Dim all but the current paragraph or line.", choices=("off", "paragraph", "line")),
    Setting("large_toolbar", bool, False, "Extra-large toolbar buttons with text labels."),
    Setting("simple_mode", bool, False, "Only a few very large buttons: Read, Bigger, Smaller, Next, Previous."),
    Setting("screen_reader_mode", str, "auto", "Leave single keys and the keypad to the screen reader: auto is on "
            "while one runs.", choices=("auto", "on", "off")),
    Setting("screen_reader_letter_keys", bool, False, "In screen-reader mode, keep single-letter keys like J and K."),
    Setting("spoken_welcome", bool, True, "Say a short welcome on the first start (never while a screen reader runs)."),
    Setting("welcomed", bool, False, "The first-start welcome has been given."),
    Setting("key_hint_dismissed", bool, False, "The reader closed the first-start banner with the three main keys."),
    Setting("offer_resume", bool, True, "At start, ask whether to continue where the reader stopped."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def declared(name: str, kind: type[T]) -> Setting[T]:
    """The declared setting ``name`` as a typed key (``settings.value(FONT_SIZE)`` is an int to a type checker);
    TypeError at import when the declaration says another type."""
    setting = _BY_NAME[name]
    if setting.type is not kind:
        raise TypeError(f"setting {name!r} holds {setting.type.__name__}, not {kind.__name__}")
    return cast(Setting[T], setting)


# Typed keys for the settings, with their ranges and defaults: read them here, never repeat the numbers.
FONT_SIZE = declared("font_size", int)
PINYIN_VISIBLE = declared("pinyin_visible", bool)
PINYIN_STYLE = declared("pinyin_style", str)
THEME = declared("theme", str)
LANGUAGE = declared("language", str)
SCRIPT = declared("script", str)
RUBY = declared("ruby", str)
TONE_SANDHI = declared("tone_sandhi", str)
MARKER_SPEECH = declared("marker_speech", str)
VOICE = declared("voice", str)
SYSTEM_VOICE = declared("system_voice", str)
SPEECH_ENGINE = declared("speech_engine", str)
SPEECH_RATE = declared("speech_rate", float)
SPEECH_PITCH = declared("speech_pitch", int)
SPEECH_VOLUME = declared("speech_volume", int)
OFFLINE_ONLY = declared("offline_only", bool)
EDGE_NOTICE_ACCEPTED = declared("edge_notice_accepted", bool)
EDGE_ENDPOINT = declared("edge_endpoint", str)
PROXY = declared("proxy", str)
READ_CONTINUOUSLY = declared("read_continuously", bool)
LINE_SPACING = declared("line_spacing", int)
CHARACTER_SPACING = declared("character_spacing", int)
PARAGRAPH_SPACING = declared("paragraph_spacing", int)


@dataclass
class Settings:
    """Current values; change them with set(), persist with save()."""

    path: Path | None = None
    values: dict[str, Any] = field(default_factory=lambda: {s.name: s.default for s in SETTINGS})
    problems: list[str] = field(default_factory=list)
    kept_aside: Path | None = None  # where the damaged file (or a copy of it) was kept, when it was
    _listeners: list[Callable[[str, Any], None]] = field(default_factory=list, repr=False)

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def get(self, name: str) -> Any:
        return self.values[name]

    def value(self, setting: Setting[T]) -> T:
        """Typed access: ``settings.value(FONT_SIZE)`` is an int."""
        return cast(T, self.values[setting.name])

    def put(self, setting: Setting[T], value: T) -> None:
        """Typed ``set``."""
        self.set(setting.name, value)

    def set(self, name: str, value: Any) -> None:
        setting = _BY_NAME[name]  # KeyError for unknown names: a programming error
        value = setting.validate(value)
        if self.values.get(name) != value:
            self.values[name] = value
            for listener in list(self._listeners):
                listener(name, value)

    def subscribe(self, listener: Callable[[str, Any], None]) -> None:
        self._listeners.append(listener)

    # -- persistence ---------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path) -> Settings:
        """Read settings; anything wrong is reported in .problems and replaced by the default."""
        settings = cls(path=path)
        saved = read_saved_json(path, "the settings file", "the defaults are used", _json_object)
        settings.kept_aside = saved.kept_aside
        if saved.problem:
            settings._problem(saved.problem)
        if saved.value is None:
            return settings
        data: dict[str, Any] = saved.value
        invalid = False
        for name, value in data.items():
            setting = _BY_NAME.get(name)
            if setting is None:
                log.info("ignoring unknown setting %r in %s", name, path)
                continue
            try:
                settings.values[name] = setting.validate(value)
            except ValueError as exc:
                invalid = True
                settings._problem(f"Setting {name!r} was invalid ({_short(exc)}); using the default "
                                  f"{setting.default!r}.")
        if invalid:  # the next save rewrites the file: keep the original as it was
            settings.kept_aside = keep_aside(path, copy=True)
            if settings.kept_aside:
                settings.problems.append(f"The file as it was is kept as {settings.kept_aside.name}.")
        return settings

    def save(self) -> bool:
        """Write atomically; False (with a logged reason) when the directory is not writable."""
        if self.path is None:
            return True
        data = {"_saved": time.strftime("%Y-%m-%dT%H:%M:%S"), **self.values}
        try:
            atomic_write_text(self.path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            return True
        except OSError as exc:
            log.warning("could not save settings to %s: %s", self.path, exc)
            return False

    def _problem(self, message: str) -> None:
        log.warning("%s", message)
        self.problems.append(message)


def _json_object(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise DamagedFile("the file does not hold a JSON object")
    return data


def _is_utf8_text(value: str) -> bool:
    """JSON may spell a lone surrogate ("\\ud800"), which no file can hold: the next save would fail."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _short(exc: Exception, limit: int = 200) -> str:
    """A reason fit for a message box: a 4 KB bad value must not fill the screen."""
    text = str(exc)
    return text if len(text) <= limit else text[:limit] + "…"


def describe_settings() -> list[tuple[str, str, Any]]:
    """(name, description, default) for documentation."""
    return [(s.name, s.description, s.default) for s in SETTINGS]
