"""The Edge voices we offer, with names a listener recognises (Chinese first, English second).

The catalogue is fixed so the menu works offline; ``list_voices`` asks the (overridable) service which
ones it still has, because Microsoft withdraws voices from time to time.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from fenggang_reader.speech.edge import apply_endpoint, classify, edge_tts, resolve_endpoint


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


def list_voices(endpoint: str | None = None, proxy: str | None = None, timeout: float = 10.0,
                chinese_only: bool = True) -> list[dict[str, Any]]:
    """Ask the service for its voices (blocking; call it off the UI thread). Raises an EdgeError.

    ``EdgeSynthesizer.list_voices`` does the same on the synthesizer's own worker loop.
    """

    async def fetch() -> list[dict[str, Any]]:
        apply_endpoint(resolve_endpoint(endpoint))
        async with asyncio.timeout(timeout):
            return list(await edge_tts.list_voices(proxy=proxy))

    try:
        voices = asyncio.run(fetch())
    except Exception as exc:  # noqa: BLE001 - reported as an EdgeError with a plain message
        raise classify(exc) from exc
    if chinese_only:
        voices = [v for v in voices if str(v.get("Locale", "")).startswith("zh-")]
    return voices


def offered(available: list[dict[str, Any]]) -> list[EdgeVoice]:
    """Catalogue voices the service still lists, in catalogue order."""
    names = {v.get("ShortName") for v in available}
    return [voice for voice in CATALOGUE if voice.short_name in names]
