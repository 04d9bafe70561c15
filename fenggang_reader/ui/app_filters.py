"""The reader's Python event filters on the application, and passing them by for a delivery none of them is for.

A Python filter on the application is called for every event of the app, and the binding wraps each event and its
receiver for it first (most for a widget Python never saw: Qt's own buttons, viewports, scroll bars). The interface's
font change reaches every widget at once (ui/interface_size.py): ~400 FontChange events with a long document's
heading markers, and the dialog-fitting filter alone doubled what Qt took to deliver them (300,000 characters,
72 -> 80 pt: 5.8 -> 3.0 ms CPU). Each filter here waits for events that such a delivery never sends (a dialog's or
a menu's first show, key presses), so ``passed_by`` takes them off the application meanwhile and puts them back.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

_installed: list[QObject] = []  # in the order installed


def install(watcher: QObject) -> None:
    """``watcher`` filters every event of the application (QCoreApplication.installEventFilter), until ``remove``."""
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(watcher)
        if watcher not in _installed:
            _installed.append(watcher)


def remove(watcher: QObject) -> None:
    app = QApplication.instance()
    if app is not None:
        app.removeEventFilter(watcher)
    if watcher in _installed:
        _installed.remove(watcher)


def installed() -> list[QObject]:
    """The filters now on the application (those deleted with their owner left out)."""
    _installed[:] = [watcher for watcher in _installed if shiboken6.isValid(watcher)]
    return list(_installed)


@contextmanager
def passed_by() -> Iterator[None]:
    """The events sent meanwhile reach their receivers without passing through these filters (see the module's
    docstring: only for deliveries that show no dialog or menu and press no key)."""
    app = QApplication.instance()
    if app is None:
        yield
        return
    watchers = installed()
    for watcher in watchers:
        app.removeEventFilter(watcher)
    try:
        yield
    finally:
        for watcher in watchers:  # Qt calls the last installed first: installed again in order, the order is kept
            if watcher in _installed and shiboken6.isValid(watcher):  # not removed meanwhile
                app.installEventFilter(watcher)
