"""Objects asked of Qt, with the Python type they must have.

PySide keeps one Python wrapper per address. When Qt deletes an object PySide was not told about (a layout
item, a text layout) while its wrapper lives on, a new object later made at the same address comes back to
Python as that old wrapper, with the old object's type: ``widgetForAction`` once answered a toolbar button
with a wrapper that was no QToolButton. Such a wrapper is dropped and Qt asked again, which makes a new one
of the right type."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import shiboken6

T = TypeVar("T")


def asked(ask: Callable[[], object], kind: type[T]) -> T | None:
    """What ``ask()`` returns, as a ``kind``; None when Qt has no such object there.

    For questions whose answer Qt makes of that kind (a toolbar's button for an action): a Python-made object
    of another kind is a real answer and is kept, never forgotten."""
    found = ask()
    if found is None or isinstance(found, kind):
        return found
    if not isinstance(found, shiboken6.Object) or shiboken6.createdByPython(found):
        return None
    shiboken6.invalidate(found)  # a stale wrapper of a deleted object: forget it, so Qt's answer is wrapped anew
    again = ask()
    return again if isinstance(again, kind) else None
