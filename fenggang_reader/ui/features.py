"""Features that wire themselves into the main window, so the window stays small.

Each entry is a function taking the MainWindow; it may add actions (declared in ui/actions.py),
toolbar buttons (window.add_toolbar_action), panels, and connect to window.view's signals.
Add one import and one list entry per feature.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from . import (  # keep accessibility last: it names what others added
    accessibility,
    comfort,
    export_actions,
    glossary,
    interface_size,
    languages,
    pronunciation_dialog,
    read_aloud_actions,
    simple_mode,
    startup,
    storage_warning,
)

if TYPE_CHECKING:
    from .main_window import MainWindow

Feature = Callable[["MainWindow"], None]
FEATURES: list[Feature] = [interface_size.install, glossary.install, languages.install, pronunciation_dialog.install, read_aloud_actions.install,
                          storage_warning.install, export_actions.install,
                          comfort.install, simple_mode.install, startup.install, accessibility.install]


def install_all(window: MainWindow) -> None:
    for install in FEATURES:
        install(window)
