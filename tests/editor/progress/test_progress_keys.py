"""Keys in the progress view and its inspector section, as a new user pressed them: a letter on
a status opens the list and records nothing until Enter; Ctrl+Delete asks before an action's
progress history goes; F2 edits where the keyboard is and never leaves the progress view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from actionplan.progress import ActionStatus, EvidenceItem
from editor.progress.progress_model import ProgressColumn
from editor.window.main_window import MainWindow
from tests.editor.progress.progress_fakes import ScriptedQuestions
from tests.editor.progress.test_progress_view_in_window import CTRL, focus, go_to_cell, press, to_progress

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


def test_ctrl_delete_asks_before_an_action_with_progress_goes_and_undo_brings_it_all_back(
        tracking: MainWindow, qtbot: QtBot, questions: ScriptedQuestions) -> None:
    plan = tracking.document.plan
    first = plan.concerns[0]
    chosen = first.actions[1]  # one update, in progress
    chosen.evidence.append(EvidenceItem(description="Window survey"))
    questions.script("confirm_delete", False, True)
    to_progress(tracking, qtbot)
    go_to_cell(tracking, 1, ProgressColumn.STATUS)
    press(qtbot, Qt.Key.Key_Delete, CTRL)
    [(title, message)] = questions.questions("confirm_delete")
    assert title == "Delete action and its progress?"
    assert "1 update and 1 piece of evidence" in message
    assert chosen in first.actions  # not deleted
    assert tracking.views.showing_progress()  # and still where the user was
    assert tracking.document.undo_stack.count() == 0
    press(qtbot, Qt.Key.Key_Delete, CTRL)
    assert chosen not in first.actions
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert first.actions[1] == chosen
    assert [u.text for u in first.actions[1].updates] == ["Started the survey."]
    assert [e.description for e in first.actions[1].evidence] == ["Window survey"]


def test_ctrl_delete_of_an_action_with_no_progress_does_not_ask(tracking: MainWindow, qtbot: QtBot,
                                                                questions: ScriptedQuestions) -> None:
    first = tracking.document.plan.concerns[0]
    survey = first.actions[0]
    to_progress(tracking, qtbot)
    go_to_cell(tracking, 0, ProgressColumn.STATUS)
    press(qtbot, Qt.Key.Key_Delete, CTRL)
    assert survey not in first.actions
    assert questions.asked == []


def test_deleting_a_concern_asks_with_all_its_actions_progress_counted(
        tracking: MainWindow, qtbot: QtBot, questions: ScriptedQuestions) -> None:
    plan = tracking.document.plan
    concern = plan.concerns[0]
    questions.script("confirm_delete", True)
    tracking.reveal(concern.id, None, "text")  # the concern's cell, in the drafting view
    press(qtbot, Qt.Key.Key_Delete, CTRL)
    [(title, message)] = questions.questions("confirm_delete")
    assert title == "Delete concern and its progress?"
    assert "1 update and 1 piece of evidence" in message
    assert concern not in plan.concerns


def test_f2_in_the_progress_section_edits_the_progress_cell_and_stays_in_the_progress_view(
        tracking: MainWindow, qtbot: QtBot) -> None:
    to_progress(tracking, qtbot)
    go_to_cell(tracking, 1, ProgressColumn.LEAD)
    panel = tracking.views.panel
    panel.evidence_needed.setFocus()
    qtbot.waitUntil(lambda: focus() is panel.evidence_needed)
    press(qtbot, Qt.Key.Key_F2)
    assert tracking.views.showing_progress()
    assert tracking.table.state() != tracking.table.State.EditingState  # the action text is not open
    table = tracking.views.progress.table
    editor = table.indexWidget(table.model().index(1, ProgressColumn.LEAD))
    assert isinstance(editor, QLineEdit)
    assert focus() is editor
    assert editor.text() == "J. Patel"
    press(qtbot, Qt.Key.Key_Escape)
    assert tracking.document.undo_stack.count() == 0


def test_f2_on_a_progress_cell_that_is_not_edited_there_does_nothing(tracking: MainWindow, qtbot: QtBot) -> None:
    to_progress(tracking, qtbot)
    go_to_cell(tracking, 1, ProgressColumn.ACTION)
    tracking.views.progress.filter_bar.overdue.setFocus()
    qtbot.waitUntil(lambda: focus() is tracking.views.progress.filter_bar.overdue)
    press(qtbot, Qt.Key.Key_F2)
    assert tracking.views.showing_progress()
    assert tracking.table.state() != tracking.table.State.EditingState
    assert tracking.views.progress.table.state() != tracking.views.progress.table.State.EditingState
    assert tracking.document.undo_stack.count() == 0
