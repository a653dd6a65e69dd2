"""The inspector and the plan details form edit through the undo stack, one step per visit
to a field, and follow undo and redo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from actionplan.model import STANDARD_INTRODUCTION, Category, Era, Plan
from actionplan.target_date import TargetDate, TargetKind
from editor.table.cell_typing import NOT_UNDERSTOOD_PAUSE_MS
from editor.table.columns import Column
from editor.table.open_edits import commit_open_edits
from editor.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def select(window: MainWindow, row: int, column: Column) -> None:
    window.table.select_cell(window.table.model().index(row, column))


def test_inspector_follows_the_table(window: MainWindow) -> None:
    inspector = window.inspector
    select(window, 2, Column.ACTION)
    assert inspector.heading.text() == "Priority concern 1, action 2 of 2"
    assert inspector.action_text.text() == "Train staff."
    assert inspector.owner.owner() == "Governor"
    assert inspector.target.target() == TargetDate.of_kind(TargetKind.COMPLETED)
    select(window, 5, Column.CONCERN)
    assert inspector.heading.text() == "Key concern 3"
    assert inspector.action_box.isHidden()
    assert inspector.concern_text.text() == "Visits started late."
    select(window, 0, Column.REC_NO)
    assert inspector.concern_box.isHidden()


def test_typing_in_the_inspector_is_one_undo_step_per_visit(window: MainWindow, qtbot: QtBot) -> None:
    inspector = window.inspector
    action = window.document.plan.concerns[0].actions[0]
    select(window, 1, Column.ACTION)
    inspector.action_text.setFocus()
    inspector.action_text.moveCursor(inspector.action_text.textCursor().MoveOperation.End)
    qtbot.keyClicks(inspector.action_text, " Weekly.")
    assert action.text == "Search more cells. Weekly."
    assert window.table.model().index(1, Column.ACTION).data() == "Search more cells. Weekly."
    assert window.document.undo_stack.count() == 1
    inspector.owner.setFocus()
    inspector.action_text.setFocus()
    qtbot.keyClicks(inspector.action_text, "!")
    assert window.document.undo_stack.count() == 2
    window.document.undo_stack.undo()
    assert action.text == "Search more cells. Weekly."
    window.document.undo_stack.undo()
    assert action.text == "Search more cells."
    assert inspector.action_text.text() == "Search more cells."


def test_inspector_changes_owner_target_and_category(window: MainWindow, qtbot: QtBot) -> None:
    inspector = window.inspector
    plan = window.document.plan
    select(window, 3, Column.OWNER)
    action = plan.concerns[1].actions[0]
    inspector.owner.setFocus()
    inspector.owner.lineEdit().selectAll()
    qtbot.keyClicks(inspector.owner.lineEdit(), "Deputy Governor")
    assert action.owner == "Deputy Governor"
    inspector.target.line_edit().setFocus()
    inspector.target.line_edit().selectAll()
    qtbot.keyClicks(inspector.target.line_edit(), "April 2027")
    assert action.target == TargetDate.of_month(2027, 4)
    inspector.category.setCurrentIndex(inspector.category.findData(Category.KEY.value))
    inspector.category.activated.emit(inspector.category.currentIndex())
    assert plan.concerns[1].category is Category.KEY
    assert inspector.heading.text() == "Key concern 2, action 1 of 1"
    assert window.table.model().index(window.table.currentIndex().row(), Column.ACTION).data() == "Recruit an analyst."


def test_a_half_typed_target_in_the_inspector_waits_for_a_pause_and_stays_with_its_action(
    window: MainWindow, qtbot: QtBot
) -> None:
    inspector = window.inspector
    plan = window.document.plan
    select(window, 3, Column.OWNER)
    action = plan.concerns[1].actions[0]
    before = action.target
    inspector.target.line_edit().setFocus()
    inspector.target.line_edit().selectAll()
    qtbot.keyClicks(inspector.target.line_edit(), "Apr")
    assert action.target == before, "a half-typed date is not in the plan yet"
    qtbot.keyClicks(inspector.target.line_edit(), " 2027")
    assert action.target == TargetDate.of_month(2027, 4), "an understood one is, at once"
    qtbot.keyClicks(inspector.target.line_edit(), "x")
    assert action.target == TargetDate.of_month(2027, 4)
    qtbot.waitUntil(lambda: action.target.format() == "Apr 2027x", timeout=NOT_UNDERSTOOD_PAUSE_MS * 3)
    # Moving to another item at once still puts what was typed on the action it was typed for.
    inspector.target.line_edit().selectAll()
    qtbot.keyClicks(inspector.target.line_edit(), "after the refit")
    select(window, 1, Column.OWNER)
    qtbot.waitUntil(lambda: action.target.format() == "after the refit", timeout=1000)
    assert plan.concerns[0].actions[0].target.format() != "after the refit"


def test_agreement_only_for_recommendations(window: MainWindow) -> None:
    select(window, 1, Column.CONCERN)
    assert window.inspector.agreement.isHidden()
    window.details.era.setCurrentIndex(window.details.era.findData(Era.RECOMMENDATIONS.value))
    assert window.document.plan.details.era is Era.RECOMMENDATIONS
    assert not window.inspector.agreement.isHidden()


def test_details_form_edits_through_undo(window: MainWindow, qtbot: QtBot) -> None:
    details = window.details
    plan = window.document.plan
    assert details.establishment.text() == "HMP Testing"
    details.establishment.setFocus()
    details.establishment.selectAll()
    qtbot.keyClicks(details.establishment, "HMP & YOI Stoke Heath")
    assert plan.details.establishment == "HMP & YOI Stoke Heath"
    assert window.document.undo_stack.count() == 1
    details.dates["published"].set_date(dt.date(2026, 6, 1))
    assert plan.details.published == dt.date(2026, 6, 1)
    assert details.dates["published"].picker.text() == "1 June 2026"
    details.dates["submitted"].clear_button.click()
    assert plan.details.submitted is None
    details.introduction.setFocus()
    qtbot.keyClicks(details.introduction, " Extra.")
    assert plan.details.introduction == STANDARD_INTRODUCTION + " Extra."
    assert details.standard_introduction.isEnabled()
    details.standard_introduction.click()
    assert plan.details.introduction == STANDARD_INTRODUCTION
    while window.document.undo_stack.canUndo():
        window.document.undo_stack.undo()
    assert details.establishment.text() == "HMP Testing"
    assert details.dates["submitted"].date() == dt.date(2026, 6, 22)
    assert details.dates["published"].date() is None
    assert not window.isWindowModified()


def test_read_only_plan_cannot_be_edited(window: MainWindow, qtbot: QtBot) -> None:
    window.document.set_read_only(True)
    assert "(read-only)" in window.windowTitle()
    assert not window.structure.add_priority.isEnabled()
    window.table.setCurrentIndex(window.table.model().index(1, Column.ACTION))
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    assert window.table.state() != window.table.State.EditingState
    assert not window.details.establishment.isEnabled()


def type_half_a_target(window: MainWindow, qtbot: QtBot) -> None:
    inspector = window.inspector
    select(window, 3, Column.OWNER)
    inspector.target.line_edit().setFocus()
    inspector.target.line_edit().selectAll()
    qtbot.keyClicks(inspector.target.line_edit(), "31/0")


@pytest.mark.parametrize("change", ["move_up", "duplicate", "change_category", "delete"])
def test_a_half_typed_inspector_target_survives_a_structural_edit_made_at_once(
    window: MainWindow, qtbot: QtBot, change: str
) -> None:
    """Ctrl+Shift+Up and the rest work from the inspector's target box, within the 0.8 s the
    half-typed target waits: it goes in first, on its own action, and everything undoes."""
    plan = window.document.plan
    action = plan.concerns[1].actions[0]
    before = plan.model_copy(deep=True)
    type_half_a_target(window, qtbot)
    getattr(window.structure, change).trigger()
    QApplication.processEvents()
    stack = window.document.undo_stack
    assert [stack.text(i) for i in range(stack.count())][0] == "Edit target date"
    assert action.target.format() == "31/0"
    qtbot.wait(NOT_UNDERSTOOD_PAUSE_MS + 200)  # nothing left to push later
    assert stack.count() == 2
    while stack.canUndo():
        stack.undo()
    assert plan == before


def test_a_half_typed_inspector_target_is_kept_by_save_when_focus_has_moved(
    window: MainWindow, qtbot: QtBot
) -> None:
    action = window.document.plan.concerns[1].actions[0]
    type_half_a_target(window, qtbot)
    window.table.setFocus()
    QApplication.processEvents()
    commit_open_edits(window)  # what Save, Close and Export do first
    assert action.target.format() == "31/0"
    assert window.document.is_modified()


def test_a_half_typed_inspector_target_is_dropped_when_the_plan_is_replaced(
    window: MainWindow, qtbot: QtBot
) -> None:
    type_half_a_target(window, qtbot)
    window.document.replace(Plan(), None)
    qtbot.wait(NOT_UNDERSTOOD_PAUSE_MS + 200)
    assert not window.document.is_modified()
    assert window.document.undo_stack.count() == 0
