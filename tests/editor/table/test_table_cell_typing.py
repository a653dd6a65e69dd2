"""Typing in an open table cell reaches the plan while the editor is still open: one undo step
per visit, Esc takes it all back, and the open editor keeps its text and cursor whatever the
row does meanwhile."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from editor.edits import commands
from editor.edits.commands import FieldRef
from editor.table.cell_typing import COMMIT_EVERY_MS, CellTyping
from editor.table.columns import Column
from editor.table.text_editor import PlanTextEdit
from editor.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

CTRL = Qt.KeyboardModifier.ControlModifier
ORIGINAL_ACTION = "Search more cells."


def open_cell(window: MainWindow, qtbot: QtBot, index: QModelIndex) -> PlanTextEdit:
    table = window.table
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, PlanTextEdit)
    return editor


def first_action_cell(window: MainWindow) -> QModelIndex:
    return window.table.model().index(1, Column.ACTION)


def action_text(window: MainWindow) -> str:
    return window.document.plan.concerns[0].actions[0].text


def editing(window: MainWindow) -> bool:
    return window.table.state() == QAbstractItemView.State.EditingState


def test_typing_reaches_the_plan_while_the_cell_editor_stays_open(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_cell(window, qtbot, first_action_cell(window))
    qtbot.keyClicks(editor, " Weekly.")
    qtbot.waitUntil(lambda: action_text(window) == ORIGINAL_ACTION + " Weekly.", timeout=COMMIT_EVERY_MS * 5)
    assert editing(window)
    assert QApplication.focusWidget() is editor
    assert editor.textCursor().position() == len(ORIGINAL_ACTION + " Weekly.")
    assert window.document.is_modified()
    assert window.isWindowModified()
    # The inspector shows the same action and follows the typing.
    assert window.inspector.action_text.text() == ORIGINAL_ACTION + " Weekly."


def test_a_visit_to_a_cell_is_one_undo_step_and_keeping_it_adds_none(window: MainWindow, qtbot: QtBot) -> None:
    stack = window.document.undo_stack
    editor = open_cell(window, qtbot, first_action_cell(window))
    for word in (" One", " two", " three."):
        qtbot.keyClicks(editor, word)
        expected = editor.text()
        qtbot.waitUntil(lambda expected=expected: action_text(window) == expected, timeout=COMMIT_EVERY_MS * 5)
    assert stack.count() == 1
    qtbot.keyClicks(editor, " Four")  # not yet committed when the edit is kept
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    assert not editing(window)
    assert action_text(window) == ORIGINAL_ACTION + " One two three. Four"
    assert stack.count() == 1
    assert stack.undoText() == "Edit action"
    stack.undo()
    assert action_text(window) == ORIGINAL_ACTION
    assert not window.document.is_modified()


def test_escape_after_commits_brings_back_the_text_and_leaves_nothing_to_undo(window: MainWindow, qtbot: QtBot) -> None:
    stack = window.document.undo_stack
    editor = open_cell(window, qtbot, first_action_cell(window))
    qtbot.keyClicks(editor, " and more")
    qtbot.waitUntil(lambda: action_text(window).endswith(" and more"), timeout=COMMIT_EVERY_MS * 5)
    assert stack.count() == 1
    qtbot.keyClicks(editor, " still")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editing(window)
    assert action_text(window) == ORIGINAL_ACTION
    assert stack.count() == 0
    assert not window.document.is_modified()
    assert window.table.model().index(1, Column.ACTION).data() == ORIGINAL_ACTION
    qtbot.wait(COMMIT_EVERY_MS * 2)  # nothing left to commit later either
    assert action_text(window) == ORIGINAL_ACTION


def test_escape_keeps_earlier_undo_steps(window: MainWindow, qtbot: QtBot) -> None:
    stack = window.document.undo_stack
    window.table.plan_model.setData(window.table.model().index(1, Column.OWNER), "Governor")
    assert stack.count() == 1
    editor = open_cell(window, qtbot, first_action_cell(window))
    qtbot.keyClicks(editor, " Daily.")
    qtbot.waitUntil(lambda: stack.count() == 2, timeout=COMMIT_EVERY_MS * 5)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert stack.count() == 1
    assert action_text(window) == ORIGINAL_ACTION
    assert window.document.plan.concerns[0].actions[0].owner == "Governor"


def test_escape_after_a_save_during_the_edit_brings_back_the_text(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    stack = window.document.undo_stack
    editor = open_cell(window, qtbot, first_action_cell(window))
    qtbot.keyClicks(editor, " Saved part.")
    qtbot.waitUntil(lambda: stack.count() == 1, timeout=COMMIT_EVERY_MS * 5)
    window.document.mark_saved(tmp_path / "plan.actionplan")  # as Save does
    qtbot.keyClicks(editor, " More.")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    # The saved step cannot absorb the revert, so the revert is a step of its own.
    assert action_text(window) == ORIGINAL_ACTION
    assert window.document.is_modified()
    stack.undo()
    assert action_text(window) == ORIGINAL_ACTION + " Saved part."


def test_cursor_stays_put_when_typing_in_the_middle(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_cell(window, qtbot, first_action_cell(window))
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(editor, "Now ")
    qtbot.waitUntil(lambda: action_text(window) == "Now " + ORIGINAL_ACTION, timeout=COMMIT_EVERY_MS * 5)
    assert editor.textCursor().position() == len("Now ")
    qtbot.keyClicks(editor, "please ")
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    assert action_text(window) == "Now please " + ORIGINAL_ACTION


def test_a_row_update_does_not_throw_away_typing_not_yet_committed(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_cell(window, qtbot, first_action_cell(window))
    qtbot.keyClicks(editor, " First.")
    qtbot.waitUntil(lambda: action_text(window).endswith(" First."), timeout=COMMIT_EVERY_MS * 5)
    qtbot.keyClicks(editor, " Second")
    # Something else in the same row changes before the next commit: the view reloads the
    # editor from the plan, which is a moment behind what is on screen.
    window.table.plan_model.setData(window.table.model().index(1, Column.OWNER), "Governor")
    window.table.plan_model.refresh_findings()
    assert editor.text() == ORIGINAL_ACTION + " First. Second"
    assert editor.textCursor().position() == len(editor.text())
    qtbot.waitUntil(lambda: action_text(window).endswith(" Second"), timeout=COMMIT_EVERY_MS * 5)
    assert editing(window)


def test_undo_from_the_menu_while_the_cell_is_open_shows_in_the_cell(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_cell(window, qtbot, first_action_cell(window))
    qtbot.keyClicks(editor, " Oops")
    qtbot.waitUntil(lambda: action_text(window).endswith(" Oops"), timeout=COMMIT_EVERY_MS * 5)
    window.undo_action.trigger()
    assert action_text(window) == ORIGINAL_ACTION
    assert editor.text() == ORIGINAL_ACTION
    qtbot.keyClicks(editor, " Right")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert action_text(window) == ORIGINAL_ACTION + " Right"
    assert window.document.undo_stack.count() == 1


def test_concern_cell_grows_while_typing_and_the_editor_stays_open(window: MainWindow, qtbot: QtBot) -> None:
    table = window.table
    index = table.model().index(1, Column.CONCERN)
    editor = open_cell(window, qtbot, index)
    heights_before = table.rowHeight(1) + table.rowHeight(2)
    sentence = " The drug strategy had not been reviewed for several years and staff did not know it."
    for _ in range(3):
        qtbot.keyClicks(editor, sentence)
    concern = window.document.plan.concerns[0]
    qtbot.waitUntil(lambda: concern.text == editor.text(), timeout=COMMIT_EVERY_MS * 5)
    qtbot.waitUntil(lambda: table.rowHeight(1) + table.rowHeight(2) > heights_before)
    assert editing(window)
    assert QApplication.focusWidget() is editor
    assert editor.textCursor().position() == len(editor.text())
    assert editor.geometry().top() == table.visualRect(index).top()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert window.document.undo_stack.count() == 1


def test_empty_action_row_creates_the_action_only_when_the_edit_is_kept(window: MainWindow, qtbot: QtBot) -> None:
    model = window.table.plan_model
    key_concern = window.document.plan.concerns[2]
    row = model.first_row_of_concern(key_concern.id)
    assert row is not None
    editor = open_cell(window, qtbot, model.index(row, Column.ACTION))
    assert CellTyping.of(editor) is None
    qtbot.keyClicks(editor, "Start visits on time.")
    qtbot.wait(COMMIT_EVERY_MS * 2)
    assert key_concern.actions == []
    assert editing(window)
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    assert [a.text for a in window.document.plan.concerns[2].actions] == ["Start visits on time."]


def test_read_only_plan_opens_no_cell_editor(window: MainWindow, qtbot: QtBot) -> None:
    window.document.set_read_only(True)
    table = window.table
    table.setCurrentIndex(first_action_cell(window))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert not editing(window)


def test_a_field_is_found_after_its_action_moved_to_another_concern(window: MainWindow) -> None:
    # An undo step made before a move still names the old concern; it must find the action.
    document = window.document
    first, second = document.plan.concerns[0], document.plan.concerns[1]
    action = first.actions[0]
    ref = FieldRef(first.id, action.id, "text")
    document.undo_stack.push(commands.MoveAction(document, action.id, second.id, 0))
    assert second.actions[0] is action
    assert ref.read(document.plan) == ORIGINAL_ACTION
    ref.write(document.plan, "Written after the move.")
    assert action.text == "Written after the move."
    with pytest.raises(KeyError):
        FieldRef(first.id, "no-such-action", "text").read(document.plan)


def test_moving_to_another_cell_keeps_the_edit_as_one_step(window: MainWindow, qtbot: QtBot) -> None:
    table = window.table
    editor = open_cell(window, qtbot, first_action_cell(window))
    qtbot.keyClicks(editor, " Typed")
    qtbot.waitUntil(lambda: action_text(window).endswith(" Typed"), timeout=COMMIT_EVERY_MS * 5)
    qtbot.keyClicks(editor, " then left")
    table.setCurrentIndex(table.model().index(3, Column.OWNER))  # a click elsewhere
    assert not editing(window)
    assert action_text(window) == ORIGINAL_ACTION + " Typed then left"
    assert window.document.undo_stack.count() == 1


@pytest.mark.parametrize(("key", "undo_text"), [(Qt.Key.Key_A, "Add action"), (Qt.Key.Key_Down, "Move action")])
def test_a_structural_shortcut_while_typing_keeps_the_typing(window: MainWindow, qtbot: QtBot, key: Qt.Key,
                                                              undo_text: str) -> None:
    stack = window.document.undo_stack
    editor = open_cell(window, qtbot, first_action_cell(window))
    action = window.document.plan.concerns[0].actions[0]
    qtbot.keyClicks(editor, " quick")  # not yet in the plan when the shortcut comes
    qtbot.keyClick(editor, key, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert action.text == ORIGINAL_ACTION + " quick"
    assert [stack.text(i) for i in range(stack.count())] == ["Edit action", undo_text]
    assert not editing(window)


def test_a_window_shortcut_while_typing_sees_the_typing(window: MainWindow, qtbot: QtBot) -> None:
    seen: list[str] = []
    save = QAction("Save", window)
    save.setShortcut(QKeySequence("Ctrl+S"))
    save.triggered.connect(lambda: seen.append(action_text(window)))
    window.addAction(save)
    editor = open_cell(window, qtbot, first_action_cell(window))
    qtbot.keyClicks(editor, " just typed")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert seen == [ORIGINAL_ACTION + " just typed"]
    assert editing(window)
    assert window.document.undo_stack.count() == 1
