"""What to tell a listener whose computer cannot speak Chinese offline: the advice differs on each system.

Linux needs packages (speech-dispatcher, espeak-ng); Windows and macOS have the engine but may lack a Chinese
voice, which is added in their settings. The paths are those of Windows 10/11 and macOS 13–15.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("ReadAloud", text)


def _platform(platform: str | None) -> str:
    platform = platform or sys.platform
    return "linux" if platform.startswith("linux") else platform


def no_engine(platform: str | None = None) -> str:
    """No text-to-speech engine at all."""
    where = _platform(platform)
    if where == "win32":
        return _t("Windows offers no speech engine to this program. Reinstall Fenggang Reader; if that does not "
                  "help, check Settings ▸ Time & language ▸ Speech.")
    if where == "darwin":
        return _t("macOS offers no speech engine to this program. Reinstall Fenggang Reader.")
    return _t("No speech engine is installed (on Linux: install speech-dispatcher and espeak-ng).")


def no_chinese_voice(platform: str | None = None) -> str:
    """An engine, but no Chinese voice in it."""
    where = _platform(platform)
    if where == "win32":
        return _t("The system voice has no Chinese voice. Add one in Windows: Settings ▸ Time & language ▸ Speech "
                  "▸ Add voices ▸ Chinese (Simplified, China), then restart Fenggang Reader.")
    if where == "darwin":
        return _t("The system voice has no Chinese voice. Add one in macOS: System Settings ▸ Accessibility ▸ "
                  "Spoken Content ▸ System voice ▸ Manage Voices… ▸ Chinese (China mainland), then restart "
                  "Fenggang Reader.")
    return _t("The system voice has no Chinese voice (on Linux: install espeak-ng).")


def offline_export_unavailable(platform: str | None = None) -> str:
    """Neither voice could write the audiobook."""
    where = _platform(platform)
    if where in ("win32", "darwin"):
        return _t("No voice could make the audio: the online voices cannot be reached, and the offline voice has "
                  "no Chinese voice on this computer. Check the internet connection, or add a Chinese voice in "
                  "the system settings.")
    return _t("No voice could make the audio: the online voices cannot be reached, and the offline voice "
              "cannot write audio on this computer. Check the internet connection, or install espeak-ng.")
