"""Typing a concern's first action into its empty row, then Tab: the action is added, Qt says
nothing (``qt_log_level_fail`` fails the test on "commitData called with an editor that does
not belong to this view"), and the keyboard is still in the table, on the cell Tab went to."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from actionplan.model import Category, Concern, Plan
from editor.edits.document import PlanDocument
from editor.table.columns import Column
from editor.window.main_window import MainWindow
from tests.editor.table_fixtures import activate

# Only what the offscreen platform says about itself is ignored; any other warning fails.
pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support"), pytest.mark.qt_log_level_fail("WARNING")]


def focus() -> QWidget | None:
    return QApplication.focusWidget()


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(PlanDocument(Plan(concerns=[Concern(text="Alpha.", category=Category.PRIORITY)])))
    qtbot.addWidget(window)
    activate(qtbot, window)
    return window


@pytest.mark.parametrize(("column", "typed", "field", "kept"), [
    (Column.ACTION, "Search every cell.", "text", "Search every cell."),
    (Column.OWNER, "Governor", "owner", "Governor"),
    (Column.TARGET, "Dec 2026", "target", "December 2026"),
])
def test_tab_after_typing_the_first_action(window: MainWindow, qtbot: QtBot, column: Column, typed: str,
                                           field: str, kept: str) -> None:
    table = window.table
    table.setCurrentIndex(table.plan_model.index(1, column))  # the concern's empty action row
    table.setFocus()
    for character in typed:  # the first key opens the editor; the rest go into it
        qtbot.keyClicks(focus(), character)
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    qtbot.wait(50)  # the closed editor is deleted
    actions = window.document.plan.concerns[0].actions
    assert len(actions) == 1
    value = getattr(actions[0], field)
    assert (value.format() if field == "target" else value) == kept
    # The window's own focus: the offscreen platform does not give the window back its
    # activation after the owner's completion list closes, as a desktop does.
    widget = window.focusWidget()
    assert widget is not None
    assert widget is table or table.isAncestorOf(widget)
    # What is typed next lands in the table, not nowhere.
    assert table.currentIndex().row() == 1
