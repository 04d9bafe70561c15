"""A window feature built on first use: what it imports and builds stays out of the time to the first paint."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class LazyFeature(Generic[T]):
    """Stands for the feature ``build()`` makes (e.g. ``window.exports``) and makes it on first use.

    Subclasses name what the window may ask of the feature (typed methods that build it when called);
    nothing is forwarded by attribute name."""

    def __init__(self, build: Callable[[], T]):
        self._build = build
        self._feature: T | None = None
        self._when_built: list[Callable[[T], object]] = []

    @property
    def built(self) -> bool:
        return self._feature is not None

    def feature(self) -> T:
        if self._feature is None:
            self._feature = self._build()
            callbacks, self._when_built = self._when_built, []
            for callback in callbacks:
                callback(self._feature)
        return self._feature

    def when_built(self, callback: Callable[[T], object]) -> None:
        """Run ``callback(feature)`` once the feature exists (now, if it already does)."""
        if self._feature is not None:
            callback(self._feature)
        else:
            self._when_built.append(callback)
