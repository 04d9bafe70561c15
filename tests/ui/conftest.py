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
def view(app, qtbot):
    from fenggang_reader.ui.reader_view import ReaderView

    v = ReaderView(*shipped())
    qtbot.addWidget(v)
    v.resize(1200, 800)
    v.show()
    qtbot.waitExposed(v)
    v.wait_for_warm_up()
    return v


@pytest.fixture
def make_window(app, qtbot):
    """A factory for main windows sharing the test's settings file (to test restarts)."""
    from fenggang_reader.ui.main_window import MainWindow

    def make() -> MainWindow:
        settings = Settings.load(AppDirs.default().settings_file)
        window = MainWindow(*shipped(), settings)
        qtbot.addWidget(window)
        window.resize(1280, 860)
        window.show()
        qtbot.waitExposed(window)
        window.restore_position()
        window.view.wait_for_warm_up()
        return window

    return make


@pytest.fixture
def window(make_window):
    return make_window()
