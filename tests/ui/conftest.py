from __future__ import annotations

from collections.abc import Callable

import pytest

from fenggang_reader.core.model import Report
from fenggang_reader.core.pinyin import Annotator
from fenggang_reader.core.settings import Settings
from fenggang_reader.core.storage import AppDirs
from fenggang_reader.ui.reader_view import ReaderView
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
    qtbot.waitUntil(v.painted)  # its work beyond the first screen starts then (justifying, the far blocks' room)
    v.wait_for_warm_up()
    return v


@pytest.fixture
def make_window(app, qtbot):
    """A factory for main windows sharing the test's settings file (to test restarts)."""
    from fenggang_reader.ui.main_window import MainWindow

    def make(document: Callable[[], tuple[Report, Annotator]] = shipped) -> MainWindow:
        """``document``: the report and its annotator (tests/support/shipped.py), the bundled report unless given."""
        settings = Settings.load(AppDirs.default().settings_file)
        window = MainWindow(*document(), settings)
        qtbot.addWidget(window)
        window.resize(1280, 860)
        window.show()
        qtbot.waitExposed(window)
        window.restore_position()
        window.view.wait_for_warm_up()
        return window

    return make


@pytest.fixture
def window(request, make_window):
    """A new window over the whole report; the module's shared one for a test marked ``shared_window``."""
    if request.node.get_closest_marker("shared_window") is not None:
        return request.getfixturevalue("shared_window")
    return make_window()


@pytest.fixture(scope="module")
def _module_window(qapp, tmp_path_factory):
    """The window ``shared_window`` hands each test of a module: as ``window`` builds it, with a settings file of its
    own (the tests' homes come and go; the window keeps the one it was made with)."""
    from fenggang_reader.app import create_application
    from fenggang_reader.ui.main_window import MainWindow
    from tests.support.shared_window import SharedWindow, shown_painted

    def make() -> MainWindow:
        create_application()
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("FENGGANG_READER_HOME", str(tmp_path_factory.mktemp("shared-window-home")))
            window = shown_painted(MainWindow(*shipped(), Settings.load(AppDirs.default().settings_file)), 1280, 860)
            window.view.wait_for_warm_up()
        return window

    shared = SharedWindow(make)
    yield shared
    shared.close()


@pytest.fixture
def shared_window(_module_window, qtbot):
    """One window over the whole report for the module's tests marked ``shared_window``, which leave it as they found
    it (the place, find bar and focus are put back): ~0.3 CPU-s a test saved, net of putting it back; a module with
    only a few such tests gains nothing (its first one builds the window all the same). A test that leaves anything else changed
    fails, with what it changed (tests/support/shared_window.py)."""
    window = _module_window.bring_back()
    qtbot.waitActive(window)
    yield window
    changed = _module_window.check()
    if changed:
        pytest.fail(f"the shared window was left changed (expected, found): {changed}", pytrace=False)


@pytest.fixture(scope="session")
def laid_out_views(qapp):
    """The report laid out at (size, width) as a window's text area would be, each made once per test process. The
    modules of line breaking, line edges and justification only read these views and stay on one worker
    (tests/conftest.py): their 17 layouts were 8 different ones."""
    from fenggang_reader.app import create_application
    from fenggang_reader.ui.line_export import laid_out_view

    create_application()
    report, annotator = shipped()
    made: dict[tuple[int, int], ReaderView] = {}

    def view(size: int, width: int):
        if (size, width) not in made:
            made[size, width] = laid_out_view(report, annotator, size=size, width=width)
        return made[size, width]

    return view
