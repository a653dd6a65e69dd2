"""The editors on their own: the multi-line text editor, the owner combo box and owner
sources, the target date editor, and the optional date picker."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from actionplan.model import Plan
from actionplan.target_date import TargetDate, TargetKind
from editor.panes.date_field import NOT_SET_TEXT, OptionalDateEdit
from editor.table.cell_typing import NOT_UNDERSTOOD_PAUSE_MS
from editor.table.owner_editor import OwnerComboBox
from editor.table.owners import STANDARD_OWNERS, owner_offer, remember_owner, typed_owners
from editor.table.target_date_editor import KEEP_TYPING, TargetDateEditor
from editor.table.text_editor import PlanTextEdit
from tests.editor.table_fixtures import small_plan

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_enter_continues_a_dash_list_and_ends_it_on_an_empty_item(qtbot: QtBot) -> None:
    editor = PlanTextEdit()
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor, "We will:")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "- search cells")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "search visitors")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # an empty item ends the list
    qtbot.keyClicks(editor, "Reviewed monthly.")
    assert editor.text() == "We will:\n- search cells\n- search visitors\nReviewed monthly."


def test_ctrl_enter_finishes_and_tab_moves_on_only_in_a_cell(qtbot: QtBot) -> None:
    editor = PlanTextEdit()
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.finished):
        qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == ""
    editor.tab_finishes = True
    with qtbot.waitSignal(editor.tabbed) as blocker:
        editor.event(_key(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier))
    assert blocker.args == [False]


def _key(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> object:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(QEvent.Type.KeyPress, key, modifiers)


def test_owner_choices_come_from_the_plan_the_standard_list_and_history(qapp: object) -> None:
    assert typed_owners() == []
    remember_owner("Head of Drug Strategy")
    remember_owner("Governor")  # standard owners are not stored again
    assert typed_owners() == ["Head of Drug Strategy"]
    choices = owner_offer(small_plan())[0]
    assert choices[:3] == ["Head of Security", "Governor", "Head of Safety"]
    assert set(STANDARD_OWNERS) <= set(choices)
    assert choices[-1] == "Head of Drug Strategy"
    assert len(choices) == len(set(choices))
    assert owner_offer(Plan())[0][: len(STANDARD_OWNERS)] == list(STANDARD_OWNERS)


def test_owner_combo_completes_anywhere_in_the_name(qtbot: QtBot) -> None:
    combo = OwnerComboBox(list(STANDARD_OWNERS))
    qtbot.addWidget(combo)
    completer = combo.completer()
    assert completer is not None
    completer.setCompletionPrefix("security")
    assert completer.currentCompletion() == "Head of Security"
    combo.set_owner("Governor and Milton Keynes (education provider)")
    assert combo.owner() == "Governor and Milton Keynes (education provider)"
    with qtbot.waitSignal(combo.chosen):
        completer.activated.emit("Head of Safety")
    assert combo.owner() == "Head of Safety"


@pytest.mark.parametrize(("typed", "kind", "feedback"), [
    ("dec 2026", TargetKind.MONTH, "Understood as: December 2026"),
    ("31/3/2027", TargetKind.DATE, "Understood as: 31 March 2027"),
    ("done", TargetKind.COMPLETED, "Understood as: Completed"),
    ("", TargetKind.NOT_SET, "No target date"),
    ("next spring", TargetKind.UNRECOGNISED, "Not understood. Write a month and year"),
    ("Dec 26", TargetKind.UNRECOGNISED, "Not understood. Write the year in full"),
])
def test_typing_a_target_says_how_it_was_understood(qtbot: QtBot, typed: str, kind: TargetKind, feedback: str) -> None:
    editor = TargetDateEditor()
    qtbot.addWidget(editor)
    editor.line_edit().clear()
    qtbot.keyClicks(editor.line_edit(), typed)
    assert editor.target().kind is kind
    if kind is TargetKind.UNRECOGNISED:
        # Not called wrong while it may still be half typed; once typing pauses, it is.
        assert editor.feedback() == KEEP_TYPING
        qtbot.waitUntil(lambda: editor.feedback().startswith(feedback), timeout=NOT_UNDERSTOOD_PAUSE_MS * 3)
    assert editor.feedback().startswith(feedback)


def test_choices_set_the_target(qtbot: QtBot) -> None:
    editor = TargetDateEditor()
    qtbot.addWidget(editor)
    editor.set_target(TargetDate.of_month(2026, 6))
    editor._year.setValue(2027)
    assert editor.target() == TargetDate.of_month(2027, 6)
    editor._date.setDate(QDate(2027, 3, 31))
    assert editor.target() == TargetDate.of_date(dt.date(2027, 3, 31))
    for button in editor._kinds.buttons():
        if button.text() == "Completed and ongoing":
            button.click()
    assert editor.target().kind is TargetKind.COMPLETED_AND_ONGOING
    assert editor.line_edit().text() == "Completed and ongoing"


_TYPED = st.one_of(
    st.text(max_size=20),
    st.builds(lambda m, y: f"{m} {y}", st.sampled_from(["Jan", "june", "Sept", "December", "13"]),
              st.integers(1890, 2210)),
    st.builds(lambda d, m, y: f"{d}/{m}/{y}", st.integers(0, 32), st.integers(0, 13), st.integers(1999, 2101)),
)


@settings(max_examples=150, deadline=None)
@given(_TYPED)
def test_whatever_is_typed_is_kept_and_shown_again_unchanged(qapp: object, typed: str) -> None:
    editor = TargetDateEditor()
    try:
        editor.line_edit().setText(typed)
        target = editor.target()
        assert target == TargetDate.parse(typed)
        editor.set_target(target)
        # Showing a target and reading it back never changes it.
        assert editor.target() == target
    finally:
        editor.deleteLater()


def test_optional_date_can_be_not_set(qtbot: QtBot) -> None:
    field = OptionalDateEdit("Report published")
    qtbot.addWidget(field)
    field.set_date(None)
    assert field.date() is None
    assert field.picker.text() == ""
    assert field.picker.placeholderText() == NOT_SET_TEXT
    field.set_date(dt.date(2026, 6, 22))
    assert field.picker.text() == "22 June 2026"
    with qtbot.waitSignal(field.date_changed):
        field.clear_button.click()
    assert field.date() is None
