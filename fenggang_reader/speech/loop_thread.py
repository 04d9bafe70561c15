"""A daemon thread with its own Qt event loop, for objects whose calls can block for a long time.

Qt Multimedia waits in ``stop``/``setSource`` for its audio thread while the sound server is stalled (30 s
measured with PulseAudio stopped), and libspeechd waits forever for a speech-dispatcher that accepts and
never answers. Such objects live here, so the window never waits with them.

Why not a QThread: Qt aborts the process when a QThread object is destroyed while its thread still runs
("QThread: Destroyed while thread … is still running", SIGABRT), and a thread stuck in a dead sound server
cannot be made to finish. A daemon Python thread running a QEventLoop has no such destructor: if it does
not stop within the grace period at quit, it is left behind and the process exits anyway.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import weakref
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer

log = logging.getLogger(__name__)
_started: weakref.WeakSet[LoopThread] = weakref.WeakSet()  # for stop_all at the process's end


class LoopThread:
    """``start(setup)`` runs ``setup`` on the new thread, then its event loop; ``call`` queues work to it."""

    def __init__(self, name: str):
        self.name = name
        self._thread: threading.Thread | None = None
        self._loop: QEventLoop | None = None
        self._anchor: QObject | None = None  # lives on the thread: the context for queued calls
        self._ready = threading.Event()
        self._objects: list[object] = []

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, setup: Callable[[], object] | None = None) -> None:
        """Start the thread (once); ``setup()`` runs there first and what it returns is kept alive with it."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, args=(setup,), name=self.name, daemon=True)
        _started.add(self)
        self._thread.start()
        self._ready.wait()  # the loop and its anchor exist (setup may still be running)

    def _run(self, setup: Callable[[], object] | None) -> None:
        self._loop = QEventLoop()
        self._anchor = QObject()
        self._ready.set()
        if setup is not None:
            try:
                self._objects.append(setup())
            except Exception:  # a broken setup must not leave the thread half-alive
                log.exception("%s: setup failed", self.name)
        self._loop.exec()
        self._loop = None
        # As QThread does when it finishes: what was deleteLater()'d goes first, then what setup made,
        # both on this thread.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self._objects.clear()
        self._anchor = None

    def call(self, function: Callable[[], None]) -> bool:
        """Run ``function`` on the thread (queued, in order); False when the thread is not running."""
        anchor = self._anchor
        if anchor is None or not self.running:
            return False
        QTimer.singleShot(0, anchor, function)
        return True

    def quit(self) -> None:
        """Ask the loop to end, without waiting (e.g. when its owner is garbage collected)."""
        self.call(self._quit_loop)

    def _quit_loop(self) -> None:  # on the thread: only the thread itself ever clears self._loop
        if self._loop is not None:
            with contextlib.suppress(RuntimeError):  # the application's teardown took the loop with it: ended
                self._loop.quit()

    def stop(self, timeout_s: float = 1.0) -> bool:
        """End the loop and wait up to ``timeout_s``; False (logged) when the thread is stuck and left behind."""
        if not self.running:
            return True
        self.quit()
        assert self._thread is not None
        self._thread.join(timeout_s)
        if self._thread.is_alive():
            log.warning("%s did not stop within %.1f s; it is left behind (a stalled sound server or voice)",
                        self.name, timeout_s)
            return False
        return True


def stop_all(timeout_s: float = 2.0) -> list[str]:
    """At the process's end: stop every loop thread still running; the names of those that would not stop.

    Python must not finalize under a live one: its Qt work (a voice engine still being set up, measured in CI
    under load) then touches what finalization frees, and the process ends with SIGSEGV after everything was
    saved. The caller ends the process without finalizing when this names any (fenggang_reader/cli.py).
    """
    deadline = time.monotonic() + timeout_s
    running = [thread for thread in list(_started) if thread.running]
    for thread in running:
        thread.quit()
    return [thread.name for thread in running if not thread.stop(max(0.0, deadline - time.monotonic()))]


def _nothing() -> None:
    pass


def answer_override_lookups(*objects: QObject) -> None:
    """Have each object's ``connectNotify``/``disconnectNotify`` ask Python once, now, whether it is overridden.

    For Qt objects made from Python that C++ threads (Qt Multimedia's, a voice engine's) call into.

    An object made from Python is a shiboken wrapper whose virtual methods look up a Python override the first time
    they run, taking the GIL to do so; the answer "none" is then remembered and the GIL never asked for again.
    FFmpeg's threads call ``disconnectNotify`` on our output while holding a Qt connection lock (they destroy their
    own receivers when a sound ends): if that was the first call, it waited for the GIL while the GUI thread, holding
    the GIL, waited for a lock of the same pool in ``connect`` — the app froze at the end of a sentence (py-spy in a
    full test run: QAudioOutputWrapper::disconnectNotify → Sbk_GetPyOverride → GilState::acquire).
    """
    for obj in objects:
        obj.objectNameChanged.connect(_nothing)
        obj.objectNameChanged.disconnect(_nothing)
