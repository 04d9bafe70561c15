"""Screen-reader mode: the keyboard shared fairly with Orca, NVDA or JAWS.

On by itself while a screen reader runs (setting ``screen_reader_mode``: auto / on / off; View ▸
Screen-reader mode). In it:

- Single keys that type a character (J, K, H, N, S, +, -, [, ], comma, full stop) are not ours: a
  screen reader uses such keys for its own navigation. ``screen_reader_letter_keys`` keeps them.
- Keypad keys are never ours (Orca's Say All is keypad +, its review keys the keypad digits).
- Every key press reaches the screen reader before we act on it. Qt consumes a key bound as a
  QAction shortcut before its AT-SPI bridge reports the press, so Orca heard only the release: it
  could not stop speaking on Down, nor run its own command on a key we bind. So the window accepts
  ShortcutOverride for its keys (no shortcut consumes the press); the press goes through the bridge
  to the screen reader, which may take it, and comes back to us, when it was not taken, as an
  ordinary key press: then we trigger the action whose key it is.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAccessible, QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from . import app_filters
from .actions import ACTIONS, retranslate_action, screen_reader_shortcuts

if TYPE_CHECKING:
    from .main_window import MainWindow

MODIFIER_KEYS = (Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Meta)
MODIFIERS = (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
             | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier)


def _t(text: str) -> str:
    return QCoreApplication.translate("ScreenReader", text)


SCREEN_READERS = ("orca",)  # process names on Linux


def screen_reader_running() -> bool:
    """A screen reader is reading the app.

    Qt's bridge is on for any assistive client; on Linux that includes magnifiers and test probes,
    which need the caret events this mode keeps quiet. So there it also takes the desktop's "screen
    reader enabled" flag (GNOME sets it) or Orca running in this D-Bus session (started by hand, Orca 43
    sets only "accessibility enabled")."""
    if not QAccessible.isActive():
        return False
    if not sys.platform.startswith("linux"):
        return True
    return _screen_reader_flag() or _screen_reader_in_session()


def _screen_reader_flag() -> bool:
    from PySide6.QtDBus import QDBusConnection, QDBusInterface

    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    status = QDBusInterface("org.a11y.Bus", "/org/a11y/bus", "org.freedesktop.DBus.Properties", bus)
    status.setTimeout(300)
    reply = status.call("Get", "org.a11y.Status", "ScreenReaderEnabled")
    values = reply.arguments()
    return bool(values and values[0] is True)


def _screen_reader_in_session() -> bool:
    """A screen reader process of this user talking to this D-Bus session (read from /proc)."""
    bus = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "").encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if (entry / "comm").read_text().strip() not in SCREEN_READERS or entry.stat().st_uid != os.getuid():
                continue
            environ = (entry / "environ").read_bytes().split(b"\0")
        except OSError:  # gone, or not ours to read
            continue
        if not bus or b"DBUS_SESSION_BUS_ADDRESS=" + bus in environ:
            return True
    return False


def key_sequences(event: QKeyEvent) -> list[QKeySequence]:
    """The shortcuts a key press stands for (Shift+= is also "+", as Qt's shortcut map sees it)."""
    mods = event.modifiers() & MODIFIERS
    key = event.key()
    if key == Qt.Key.Key_Backtab:
        key = Qt.Key.Key_Tab
    out = [QKeySequence(mods.value | key)]
    if mods & Qt.KeyboardModifier.ShiftModifier and not Qt.Key.Key_A.value <= key <= Qt.Key.Key_Z.value:
        out.append(QKeySequence((mods & ~Qt.KeyboardModifier.ShiftModifier).value | key))
    return out


class ScreenReaderMode(QObject):
    """Switches the window's keys between the usual set and the screen-reader set; ``key_router`` routes the presses."""

    changed = Signal(bool)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.active = False
        self.action = window.actions_by_id["screen_reader_mode"]
        self.action.toggled.connect(self._toggled)
        letters = window.actions_by_id["screen_reader_letter_keys"]
        letters.setChecked(bool(window.settings["screen_reader_letter_keys"]))
        letters.toggled.connect(lambda on: window.settings.set("screen_reader_letter_keys", on))
        window.settings.subscribe(self._setting_changed)
        self.key_router = KeyRouter(self)  # on the application while the mode is on
        window.installEventFilter(self)  # WindowActivate: a screen reader may have started or stopped meanwhile
        self.refresh()

    # -- on or off -------------------------------------------------------------------------------------
    def wanted(self) -> bool:
        mode = self.window.settings["screen_reader_mode"]
        return mode == "on" or (mode == "auto" and screen_reader_running())

    def refresh(self) -> None:
        active = self.wanted()
        if active != self.active:
            self.active = active
            self.key_router.route(active)
            self.apply_keys()
            self.window.view.set_quiet_caret(active)
            self.action.blockSignals(True)
            self.action.setChecked(active)
            self.action.blockSignals(False)
            self.changed.emit(active)

    def apply_keys(self) -> None:
        letters = bool(self.window.settings["screen_reader_letter_keys"])
        for spec in ACTIONS:
            action = self.window.actions_by_id.get(spec.id)
            if action is None:
                continue
            keys = screen_reader_shortcuts(spec, letters) if self.active else spec.shortcuts
            action.setShortcuts([QKeySequence(k) for k in keys])
            retranslate_action(action, spec)

    def _toggled(self, on: bool) -> None:
        self.window.settings.set("screen_reader_mode", "on" if on else "off")
        self.window.announce(_t("Screen-reader mode on") if on else _t("Screen-reader mode off"))

    def _setting_changed(self, name: str, _value: object) -> None:
        if name == "screen_reader_mode":
            self.refresh()
        elif name == "screen_reader_letter_keys" and self.active:
            self.apply_keys()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.WindowActivate:
            self.refresh()  # a screen reader started (or stopped) while the reader was open
        return False


class KeyRouter(QObject):
    """While screen-reader mode is on: every key press of the window reaches the screen reader first (see above).

    An application event filter (only the application sees the ShortcutOverride of whichever widget has the focus),
    installed only while the mode is on: a Python filter on the application is called for every event of the app,
    ~1,000 while a window opens and more for each key, scroll and paint, which the reader without a screen reader
    need not pay."""

    def __init__(self, mode: ScreenReaderMode):
        super().__init__(mode)
        self.mode = mode
        self.window = mode.window

    def route(self, on: bool) -> None:
        if on:
            app_filters.install(self)
        else:
            app_filters.remove(self)

    def _focus_in_window(self) -> QWidget | None:
        focus = QApplication.focusWidget()
        return focus if focus is not None and focus.window() is self.window else None

    def action_for(self, event: QKeyEvent, focus: QWidget) -> QAction | None:
        """The enabled action a key press triggers where the focus is (None for keypad keys)."""
        if event.modifiers() & Qt.KeyboardModifier.KeypadModifier:
            return None
        wanted = key_sequences(event)
        for action in self.window.actions_by_id.values():
            if not action.isEnabled() or not any(seq in action.shortcuts() for seq in wanted):
                continue
            if action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut and focus not in action.associatedObjects():
                continue
            return action
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not self.mode.active:
            return False
        assert isinstance(event, QKeyEvent)
        if (kind == QEvent.Type.KeyPress and not event.spontaneous() and event.key() in MODIFIER_KEYS
                and isinstance(QApplication.activePopupWidget(), QMenu)):
            # The Alt of Alt+F, posted back by the bridge after Alt+F had opened the File menu: a menu closes on Alt,
            # so with Orca no menu ever stayed open. That Alt is old news: the menu stays.
            return True
        focus = self._focus_in_window()
        if focus is None:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            keypad = bool(event.modifiers() & Qt.KeyboardModifier.KeypadModifier)
            if keypad or self.action_for(event, focus) is not None:
                event.accept()  # no shortcut takes the press: it goes through the bridge first
                return True
            return False
        if event.spontaneous() and screen_reader_running():
            return False  # the bridge reports this press to the screen reader, then posts it back
        action = self.action_for(event, focus)
        if action is None:
            return False
        action.trigger()
        return True
