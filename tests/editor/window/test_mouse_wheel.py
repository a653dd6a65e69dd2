"""The mouse wheel over a box that does not have the keyboard focus scrolls the panel and
changes nothing (found by a new user: scrolling the inspector changed an action's owner and
target date, and scrolling plan details changed the template era)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from actionplan.model import Era
from editor.table.columns import Column
from editor.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def turn_wheel(widget: QWidget, notches: int = 1) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, -120 * notches), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def select_first_action(window: MainWindow) -> None:
    table = window.table
    table.select_cell(table.plan_model.index(1, Column.ACTION))
    table.setFocus()


def test_the_wheel_over_the_inspector_owner_and_target_changes_nothing(window: MainWindow) -> None:
    select_first_action(window)
    action = window.document.plan.concerns[0].actions[0]
    before = (action.owner, action.target)
    inspector = window.inspector
    for box in (inspector.owner, *inspector.target.findChildren(QWidget)):
        if box.isVisible():
            turn_wheel(box, 2)
    assert (action.owner, action.target) == before
    assert window.document.undo_stack.count() == 0


def test_the_wheel_over_the_template_era_changes_nothing(window: MainWindow) -> None:
    window.details_dock.raise_()
    QApplication.processEvents()
    turn_wheel(window.details.era, 1)
    turn_wheel(window.details.era, -1)
    assert window.document.plan.details.era is Era.CONCERNS
    assert window.document.undo_stack.count() == 0


def test_a_box_being_edited_still_takes_the_wheel(window: MainWindow, qtbot: QtBot) -> None:
    window.details_dock.raise_()
    QApplication.processEvents()
    era = window.details.era
    era.setFocus()
    qtbot.waitUntil(era.hasFocus)
    turn_wheel(era, 1)  # down the list: Concerns, then Recommendations
    assert window.document.plan.details.era is Era.RECOMMENDATIONS
