"""A module imported on first attribute access, so heavy optional libraries stay out of start-up."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class OptionalModuleError(ImportError):
    """An optional library is missing or broken (a bundle built without it, a damaged install).

    Callers turn it into "this voice is unavailable"; it must never reach the crash dialog.
    """

    def __init__(self, name: str, cause: BaseException):
        super().__init__(f"{name} cannot be loaded: {type(cause).__name__}: {cause}", name=name)
        self.cause = cause


class LazyModule:
    """Stands for a module until an attribute is read; then imports it (once: sys.modules caches it).

    Any failure while importing (not only ImportError: a damaged module can raise anything) becomes an
    ``OptionalModuleError``, remembered so a missing library is not searched for again at every use.
    """

    def __init__(self, name: str):
        self._name = name
        self._module: ModuleType | None = None
        self._error: OptionalModuleError | None = None

    def _load(self) -> ModuleType:
        if self._module is None:
            if self._error is not None:
                raise self._error
            try:
                self._module = importlib.import_module(self._name)
            except Exception as exc:  # noqa: BLE001 - whatever broke, the library is unusable
                self._error = OptionalModuleError(self._name, exc)
                raise self._error from exc
        return self._module

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._load(), attr)
