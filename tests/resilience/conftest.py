"""Fixtures for the resilience tests: a real main window, optionally reading aloud against the loopback server."""

from __future__ import annotations

import pytest

from fenggang_reader.core.settings import Settings
from fenggang_reader.core.storage import AppDirs
from tests.support.shipped import shipped


@pytest.fixture
def app(qapp):
    from fenggang_reader.app import create_application

    return create_application()


@pytest.fixture
def make_window(app, qtbot):
    """Main windows as run_app builds them (minus the crash dialog: pytest-qt keeps catching exceptions)."""
    from fenggang_reader.ui.main_window import MainWindow

    made = []

    def make(**settings_values) -> MainWindow:
        settings = Settings.load(AppDirs.default().settings_file)
        for name, value in settings_values.items():
            settings.values[name] = value
        window = MainWindow(*shipped(), settings)
        qtbot.addWidget(window)
        window.resize(1280, 860)
        window.show()
        qtbot.waitExposed(window)
        window.restore_position()
        window.view.wait_for_warm_up()
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
