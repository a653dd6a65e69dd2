"""A published target changed in the drafting table once the plan is submitted and the action is
being tracked leaves a trace in the action's progress history: an overdue action must not turn
"on track" with nothing to show why. One undo step takes back the change and its trace."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from actionplan.progress import ActionStatus
from actionplan.recording import record_update
from actionplan.target_date import TargetDate
from editor.edits.document import PlanDocument
from editor.window.main_window import MainWindow
from tests.editor.table.test_owner_target_cell_typing import WAIT, first_action, target_box, type_into
from tests.editor.table_fixtures import activate, small_plan

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "This plugin does not support")


@pytest.fixture
def tracked(qtbot: QtBot, no_leftover_widgets: None) -> Iterator[MainWindow]:
    plan = small_plan()  # submitted on 22 June 2026
    record_update(plan.concerns[0].actions[0], dt.date(2026, 6, 30), "Sam Keeper", "Searching started.",
                  ActionStatus.IN_PROGRESS)
    main = MainWindow(PlanDocument(plan))
    activate(qtbot, main)
    yield main
    main.close()
    main.deleteLater()


def test_typing_a_new_published_target_notes_it_once_and_undo_takes_both_back(tracked: MainWindow,
                                                                              qtbot: QtBot) -> None:
    action = first_action(tracked)
    stack = tracked.document.undo_stack
    editor = target_box(tracked, qtbot)
    type_into(qtbot, editor, "June 2027")
    qtbot.wait(WAIT)
    type_into(qtbot, editor, "\b8")  # June 2028, a second commit while the cell is open
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert action.target == TargetDate.of_month(2028, 6)
    assert len(action.updates) == 2, "one trace for the whole visit to the cell"
    assert action.updates[-1].text.startswith("Published target date changed from December 2026 to June 2028")
    assert action.status is ActionStatus.IN_PROGRESS
    assert stack.count() == 1
    stack.undo()
    assert action.target == TargetDate.of_month(2026, 12)
    assert [update.text for update in action.updates] == ["Searching started."]
    stack.redo()
    assert action.target == TargetDate.of_month(2028, 6)
    assert len(action.updates) == 2


def test_a_draft_target_changes_with_no_trace(tracked: MainWindow, qtbot: QtBot) -> None:
    action = tracked.document.plan.concerns[1].actions[0]  # no progress recorded: still a draft
    row = tracked.table.plan_model.row_of_action(action.id)
    assert row is not None
    editor = target_box(tracked, qtbot, row=row)
    type_into(qtbot, editor, "June 2027")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert action.target == TargetDate.of_month(2027, 6)
    assert action.updates == []
