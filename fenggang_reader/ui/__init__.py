"""Widgets: the main window, the ruby reader view, panels, dialogs, themes and the actions registry."""
