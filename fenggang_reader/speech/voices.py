"""The Edge voices we offer, with names a listener recognises (Chinese first, English second).

The catalogue is fixed so the menu works offline; ``EdgeSynthesizer.list_voices`` asks the (overridable)
service which ones it still has, because Microsoft withdraws voices from time to time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class EdgeVoice:
    short_name: str  # what edge-tts and the settings store, e.g. zh-CN-XiaoxiaoNeural
    locale: str
    gender: str  # "Female" / "Male", as the service reports it
    name_zh: str
    name_en: str

    @property
    def display_name(self) -> str:
        return f"{self.name_zh} · {self.name_en}"


DEFAULT_VOICE = "zh-CN-XiaoxiaoNeural"

CATALOGUE: tuple[EdgeVoice, ...] = (
    EdgeVoice("zh-CN-XiaoxiaoNeural", "zh-CN", "Female", "晓晓（普通话，女声）", "Xiaoxiao (Mandarin, female)"),
    EdgeVoice("zh-CN-XiaoyiNeural", "zh-CN", "Female", "晓伊（普通话，女声）", "Xiaoyi (Mandarin, female)"),
    EdgeVoice("zh-CN-YunxiNeural", "zh-CN", "Male", "云希（普通话，男声）", "Yunxi (Mandarin, male)"),
    EdgeVoice("zh-CN-YunjianNeural", "zh-CN", "Male", "云健（普通话，男声）", "Yunjian (Mandarin, male)"),
    EdgeVoice("zh-CN-YunyangNeural", "zh-CN", "Male", "云扬（普通话，男声，播音）", "Yunyang (Mandarin, male, news)"),
    EdgeVoice("zh-HK-HiuGaaiNeural", "zh-HK", "Female", "曉佳（粤语，女声）", "HiuGaai (Cantonese, female)"),
    EdgeVoice("zh-HK-HiuMaanNeural", "zh-HK", "Female", "曉曼（粤语，女声）", "HiuMaan (Cantonese, female)"),
    EdgeVoice("zh-HK-WanLungNeural", "zh-HK", "Male", "雲龍（粤语，男声）", "WanLung (Cantonese, male)"),
    EdgeVoice("zh-TW-HsiaoChenNeural", "zh-TW", "Female", "曉臻（台湾国语，女声）",
              "HsiaoChen (Taiwan Mandarin, female)"),
    EdgeVoice("zh-TW-YunJheNeural", "zh-TW", "Male", "雲哲（台湾国语，男声）", "YunJhe (Taiwan Mandarin, male)"),
)

_BY_NAME = {voice.short_name: voice for voice in CATALOGUE}


def by_name(short_name: str) -> EdgeVoice | None:
    return _BY_NAME.get(short_name)


def display_name(short_name: str) -> str:
    """A readable name for any voice, including ones the service added after this release."""
    voice = by_name(short_name)
    return voice.display_name if voice else short_name


def chinese(listed: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The Chinese voices of a list the service gave (``EdgeClient.list_voices``)."""
    return [v for v in listed if str(v.get("Locale", "")).startswith("zh-")]


def offered(available: list[dict[str, Any]]) -> list[EdgeVoice]:
    """Catalogue voices the service still lists, in catalogue order."""
    names = {v.get("ShortName") for v in available}
    return [voice for voice in CATALOGUE if voice.short_name in names]
