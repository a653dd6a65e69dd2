"""The progress view in the real window: switched from the View menu and the keyboard, one
selection with the drafting view and the inspector, status and lead edited in place, the
filter and its summary line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from actionplan.progress import ActionStatus
from editor.progress.progress_model import ProgressColumn
from editor.window.main_window import MainWindow
from tests.editor.progress.progress_fakes import TODAY, ScriptedQuestions

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

CTRL = Qt.KeyboardModifier.ControlModifier


def focus() -> QWidget | None:
    return QApplication.focusWidget()


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = focus()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def to_progress(window: MainWindow, qtbot: QtBot) -> None:
    press(qtbot, Qt.Key.Key_2, CTRL)
    qtbot.waitUntil(window.views.showing_progress)


def go_to_cell(window: MainWindow, row: int, column: ProgressColumn) -> None:
    table = window.views.progress.table
    index = table.model().index(row, column)
    table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                           | QItemSelectionModel.SelectionFlag.Rows)
    table.setFocus()


def test_ctrl_2_and_ctrl_1_switch_views_from_the_keyboard_and_the_menu_says_which(tracking: MainWindow,
                                                                                   qtbot: QtBot) -> None:
    views = tracking.views
    assert tracking.centralWidget() is views.stack
    assert views.drafting_action.isChecked()
    assert not views.progress.model.awake  # the drafting view pays nothing for it
    to_progress(tracking, qtbot)
    assert views.progress_action.isChecked()
    assert views.progress.isVisible()
    assert not tracking.table.isVisible()
    assert focus() is views.progress.table
    assert views.panel.expanded  # the inspector's progress section opens with the view
    assert views.progress.summary.text() == "5 actions: 1 complete, 1 on track, 1 due soon, 1 overdue, 1 no date."
    press(qtbot, Qt.Key.Key_1, CTRL)
    assert not views.showing_progress()
    assert focus() is tracking.table
    assert not views.panel.expanded
    assert not views.progress.model.awake
    menu = [a.text() for a in tracking.menus["view"].actions()][:2]
    assert menu == ["Dra&fting view", "Pro&gress view"]  # access keys no other View command has


def test_both_views_and_the_inspector_follow_one_selection(tracking: MainWindow, qtbot: QtBot) -> None:
    plan = tracking.document.plan
    concern = plan.concerns[1]
    tracking.reveal(concern.id, concern.actions[0].id, "owner")
    to_progress(tracking, qtbot)
    progress = tracking.views.progress
    assert progress.current_action_id() == concern.actions[0].id  # where the drafting view was
    press(qtbot, Qt.Key.Key_Down)
    assert progress.current_action_id() == concern.actions[1].id
    assert (tracking.inspector.concern_id, tracking.inspector.action_id) == (concern.id, concern.actions[1].id)
    assert tracking.views.panel.action_id == concern.actions[1].id
    press(qtbot, Qt.Key.Key_1, CTRL)
    current = tracking.table.currentIndex()
    assert tracking.table.plan_model.row(current.row()).action is concern.actions[1]


def test_a_menu_command_in_the_progress_view_acts_on_its_row_and_shows_the_drafting_view(
        tracking: MainWindow, qtbot: QtBot, questions: ScriptedQuestions) -> None:
    questions.script("confirm_delete", True)  # the action has an update
    to_progress(tracking, qtbot)
    first = tracking.document.plan.concerns[0]
    chosen = first.actions[1]
    go_to_cell(tracking, 1, ProgressColumn.ACTION)
    press(qtbot, Qt.Key.Key_Delete, CTRL)  # delete the action
    qtbot.waitUntil(lambda: not tracking.views.showing_progress())
    assert chosen not in first.actions
    assert len(first.actions) == 2
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert first.actions[1] is chosen


def test_choosing_a_status_records_an_update_in_the_users_name_once_asked(
        tracking: MainWindow, qtbot: QtBot, questions: ScriptedQuestions) -> None:
    questions.script("ask_user_name", "J. Patel, Head of Residence")
    to_progress(tracking, qtbot)
    go_to_cell(tracking, 0, ProgressColumn.STATUS)
    press(qtbot, Qt.Key.Key_Return)
    editor = focus()
    assert isinstance(editor, QComboBox)
    assert editor.currentText() == "Not started"
    qtbot.waitUntil(editor.view().isVisible)  # the list opens by itself
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)  # Complete
    press(qtbot, Qt.Key.Key_Return)
    action = tracking.document.plan.concerns[0].actions[0]
    qtbot.waitUntil(lambda: action.status is ActionStatus.COMPLETE)
    [update] = action.updates
    assert (update.on, update.author, update.text, update.status) == (
        TODAY, "J. Patel, Head of Residence", "", ActionStatus.COMPLETE)
    assert questions.questions("ask_user_name") == [(questions.questions("ask_user_name")[0][0],)]
    model = tracking.views.progress.table.model()
    assert model.index(0, ProgressColumn.POSITION).data() == "Complete"
    assert tracking.document.undo_stack.undoText() == "Set status to Complete"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert action.updates == []
    assert action.status is ActionStatus.NOT_STARTED
    press(qtbot, Qt.Key.Key_Y, CTRL)
    assert action.updates == [update]
    # Asked once: the next status is recorded in the same name without asking.
    go_to_cell(tracking, 3, ProgressColumn.STATUS)
    assert model.setData(model.index(3, ProgressColumn.STATUS), ActionStatus.IN_PROGRESS)
    other = tracking.document.plan.concerns[1].actions[0]
    qtbot.waitUntil(lambda: other.status is ActionStatus.IN_PROGRESS)
    assert other.updates[0].author == "J. Patel, Head of Residence"
    assert len(questions.questions("ask_user_name")) == 1


def test_no_name_given_records_nothing(tracking: MainWindow, qtbot: QtBot, questions: ScriptedQuestions) -> None:
    questions.script("ask_user_name", None)
    to_progress(tracking, qtbot)
    model = tracking.views.progress.table.model()
    assert model.setData(model.index(0, ProgressColumn.STATUS), ActionStatus.COMPLETE)
    qtbot.waitUntil(lambda: len(questions.asked) == 1)
    assert tracking.document.plan.concerns[0].actions[0].updates == []
    assert tracking.document.undo_stack.count() == 0


def test_typing_a_lead_is_one_undo_step(tracking: MainWindow, qtbot: QtBot) -> None:
    to_progress(tracking, qtbot)
    go_to_cell(tracking, 0, ProgressColumn.LEAD)
    qtbot.keyClicks(tracking.views.progress.table, "S")
    editor = focus()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, ". Okafor")
    press(qtbot, Qt.Key.Key_Return)
    action = tracking.document.plan.concerns[0].actions[0]
    qtbot.waitUntil(lambda: action.lead == "S. Okafor")  # Qt keeps a line edit's text once Enter is done
    assert tracking.document.undo_stack.count() == 1
    assert tracking.views.panel.lead.text() == "S. Okafor"
    tracking.document.undo_stack.undo()
    assert action.lead == ""


def test_filtering_with_the_filter_bar_and_the_summary_line(tracking: MainWindow, qtbot: QtBot) -> None:
    to_progress(tracking, qtbot)
    progress = tracking.views.progress
    bar = progress.filter_bar
    qtbot.mouseClick(bar.overdue, Qt.MouseButton.LeftButton)
    assert progress.filtered.rowCount() == 1
    assert progress.summary.text().endswith("1 no date. Showing 1.")
    qtbot.mouseClick(bar.due_soon, Qt.MouseButton.LeftButton)
    assert progress.filtered.rowCount() == 2
    qtbot.mouseClick(bar.clear, Qt.MouseButton.LeftButton)
    assert progress.filtered.rowCount() == 5
    leads = [bar.lead.itemText(n) for n in range(bar.lead.count())]
    assert leads == ["Any lead", "No lead yet", "A. Hughes", "J. Patel"]
    bar.lead.setFocus()
    press(qtbot, Qt.Key.Key_End)  # J. Patel
    assert [progress.filtered.source_row(n).action.lead for n in range(progress.filtered.rowCount())] == ["J. Patel"]
    bar.owner.setCurrentIndex(bar.owner.findText("Governor"))
    assert progress.filtered.rowCount() == 0
    assert progress.summary.text().endswith("No actions match this filter.")
    bar.status.setCurrentIndex(bar.status.findText("Complete"))
    bar.lead.setCurrentIndex(0)
    assert [progress.filtered.source_row(n).action.text for n in range(progress.filtered.rowCount())] == [
        "Publish a regime."]


def test_a_problem_chosen_in_the_progress_view_shows_its_row_even_when_filtered_out(tracking: MainWindow,
                                                                                  qtbot: QtBot) -> None:
    to_progress(tracking, qtbot)
    progress = tracking.views.progress
    qtbot.mouseClick(progress.filter_bar.overdue, Qt.MouseButton.LeftButton)
    panel = tracking.validation.panel
    qtbot.waitUntil(lambda: any(f.rule == "progress-overdue" for f in panel.model.shown))
    on_track = tracking.document.plan.concerns[1].actions[0]
    tracking.reveal(tracking.document.plan.concerns[1].id, on_track.id, "target")
    assert tracking.views.showing_progress()
    assert progress.current_action_id() == on_track.id
    assert not progress.filtered.choice.is_on
    assert tracking.inspector.action_id == on_track.id
    # A problem with a concern's own text is the drafting view's.
    tracking.reveal(tracking.document.plan.concerns[1].id, None, "text")
    qtbot.waitUntil(lambda: not tracking.views.showing_progress())


def test_f6_and_esc_come_back_to_the_progress_table(tracking: MainWindow, qtbot: QtBot) -> None:
    to_progress(tracking, qtbot)
    table = tracking.views.progress.table
    press(qtbot, Qt.Key.Key_F6)
    assert focus() is tracking.views.panel.status  # the progress section's first field
    press(qtbot, Qt.Key.Key_F6)
    press(qtbot, Qt.Key.Key_Escape)  # from the problems list
    assert focus() is table
    assert tracking.views.showing_progress()
    press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, Qt.Key.Key_F6)
    assert focus() is table


def test_a_read_only_plan_shows_progress_but_changes_nothing(tracking: MainWindow, qtbot: QtBot) -> None:
    tracking.document.set_read_only(True)
    to_progress(tracking, qtbot)
    model = tracking.views.progress.table.model()
    assert not model.flags(model.index(0, ProgressColumn.STATUS)) & Qt.ItemFlag.ItemIsEditable
    assert not tracking.views.recorder.add_update(tracking.document.plan.concerns[0].actions[0].id, "Text")
    assert tracking.document.undo_stack.count() == 0


def test_f2_edits_in_the_progress_view_not_the_hidden_drafting_table(tracking: MainWindow, qtbot: QtBot) -> None:
    to_progress(tracking, qtbot)
    go_to_cell(tracking, 1, ProgressColumn.LEAD)
    press(qtbot, Qt.Key.Key_F2)
    editor = focus()
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "J. Patel"
    assert tracking.views.progress.table.isAncestorOf(editor)
    assert tracking.views.showing_progress()
    press(qtbot, Qt.Key.Key_Escape)
    assert tracking.document.undo_stack.count() == 0


def test_the_status_list_starts_at_the_actions_status(tracking: MainWindow, qtbot: QtBot) -> None:
    to_progress(tracking, qtbot)
    go_to_cell(tracking, 2, ProgressColumn.STATUS)  # Complete
    press(qtbot, Qt.Key.Key_Return)
    editor = focus()
    assert isinstance(editor, QComboBox)
    assert editor.currentText() == "Complete"
    qtbot.waitUntil(editor.view().isVisible)
    press(qtbot, Qt.Key.Key_Escape)


def test_switching_back_and_forth_keeps_the_row_even_after_an_edit(tracking: MainWindow, qtbot: QtBot) -> None:
    concern = tracking.document.plan.concerns[0]
    tracking.reveal(concern.id, concern.actions[0].id, "text")
    to_progress(tracking, qtbot)
    go_to_cell(tracking, 2, ProgressColumn.LEAD)
    press(qtbot, Qt.Key.Key_F2)
    qtbot.keyClicks(focus(), "R. Kaur")
    press(qtbot, Qt.Key.Key_1, CTRL)  # while the lead is being typed
    assert concern.actions[2].lead == "R. Kaur"
    assert tracking.inspector.action_id == concern.actions[2].id
    for _ in range(2):
        press(qtbot, Qt.Key.Key_2, CTRL)
        assert tracking.views.progress.current_action_id() == concern.actions[2].id
        press(qtbot, Qt.Key.Key_1, CTRL)
        assert tracking.table.plan_model.row(tracking.table.currentIndex().row()).action is concern.actions[2]
