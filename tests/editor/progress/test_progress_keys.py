"""Keys in the progress view and its inspector section, as a new user pressed them: a letter on
a status opens the list and records nothing until Enter; Ctrl+Delete asks before an action's
progress history goes; F2 edits where the keyboard is and never leaves the progress view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from actionplan.progress import ActionStatus
from editor.progress.progress_model import ProgressColumn
from editor.window.main_window import MainWindow
from tests.editor.progress.progress_fakes import ScriptedQuestions
from tests.editor.progress.test_progress_view_in_window import go_to_cell, press, to_progress

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def status_editor(window: MainWindow, row: int) -> QComboBox:
    table = window.views.progress.table
    editor = table.indexWidget(table.model().index(row, ProgressColumn.STATUS))
    assert isinstance(editor, QComboBox), "the status is not being chosen"
    return editor


def test_a_letter_on_a_status_opens_the_list_and_records_nothing_until_enter(
        tracking: MainWindow, qtbot: QtBot, questions: ScriptedQuestions) -> None:
    questions.script("ask_user_name", "J. Patel")
    to_progress(tracking, qtbot)
    go_to_cell(tracking, 0, ProgressColumn.STATUS)  # Not started
    action = tracking.document.plan.concerns[0].actions[0]
    press(qtbot, Qt.Key.Key_C)
    editor = status_editor(tracking, 0)
    qtbot.waitUntil(editor.view().isVisible)  # the list is open, at the status the letter found
    assert editor.view().currentIndex().data() == "Complete"
    qtbot.wait(50)
    assert action.status is ActionStatus.NOT_STARTED
    assert action.updates == []
    assert tracking.document.undo_stack.count() == 0
    assert questions.asked == []
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: action.status is ActionStatus.COMPLETE)
    assert len(action.updates) == 1


def test_escape_after_a_letter_on_a_status_records_nothing(tracking: MainWindow, qtbot: QtBot,
                                                           questions: ScriptedQuestions) -> None:
    to_progress(tracking, qtbot)
    go_to_cell(tracking, 0, ProgressColumn.STATUS)
    press(qtbot, Qt.Key.Key_I)
    editor = status_editor(tracking, 0)
    qtbot.waitUntil(editor.view().isVisible)
    assert editor.view().currentIndex().data() == "In progress"
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.wait(50)
    assert tracking.document.plan.concerns[0].actions[0].status is ActionStatus.NOT_STARTED
    assert tracking.document.undo_stack.count() == 0
    assert questions.asked == []
