"""Read-aloud: speech backends (Edge neural voices, the system voice), audio cache, controller.

Uses QtCore/QtMultimedia/QtTextToSpeech only, never widgets, so it can run without a window.
"""
