"""ui/qt_objects.asked: a stale wrapper of another type is forgotten and Qt asked again."""

import shiboken6
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QToolBar, QToolButton, QWidget

from fenggang_reader.ui.qt_objects import asked


def test_a_wrapper_of_another_kind_made_by_qt_is_forgotten_and_the_question_asked_again(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    bar = QToolBar(window)
    action = QAction("Read", window)
    bar.addAction(action)
    stale = bar.layout()  # made by Qt, of another kind: stands for a stale wrapper
    assert stale is not None and not shiboken6.createdByPython(stale)
    answers = iter([stale, bar.widgetForAction(action)])
    button = asked(lambda: next(answers), QToolButton)
    assert button is not None and button.text() == "Read"
    assert not shiboken6.isValid(stale)  # forgotten: the next question about that object makes a new wrapper
    assert shiboken6.isValid(bar.layout()) and bar.layout().count() >= 1  # a new wrapper that works


def test_right_answers_and_python_made_objects_are_kept(qtbot):
    mine = QWidget()
    qtbot.addWidget(mine)
    assert asked(lambda: mine, QWidget) is mine
    assert asked(lambda: mine, QToolButton) is None and shiboken6.isValid(mine)
    assert asked(lambda: None, QToolButton) is None
