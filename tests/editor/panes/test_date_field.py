"""The plan details date boxes: typing a date in the forms people use, clearing it, the calendar,
and text that is not a date kept with a message instead of being turned into something else."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from actionplan.storage import load_plan, save_plan
from editor.panes.date_field import OptionalDateEdit
from editor.window.main_window import MainWindow
from tests.editor.file_host import close_quietly, make_host
from tests.editor.table_fixtures import activate, small_plan

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def date_box(window: MainWindow, name: str) -> OptionalDateEdit:
    window.reveal(None, None, name)
    box = window.details.dates[name]
    assert box.picker.hasFocus()
    return box


def type_into(qtbot: QtBot, box: OptionalDateEdit, text: str, then: Qt.Key = Qt.Key.Key_Return) -> None:
    box.picker.selectAll()
    qtbot.keyClicks(box.picker, text)
    qtbot.keyClick(box.picker, then)


@pytest.mark.parametrize("typed", ["15 December 2026", "15/12/2026", "15 Dec 2026", "2026-12-15",
                                   "15.12.2026", "15th December 2026", "December 15, 2026", "15-Dec-2026"])
def test_a_typed_date_is_understood_and_shown_in_gov_uk_style(window: MainWindow, qtbot: QtBot,
                                                               typed: str) -> None:
    box = date_box(window, "published")
    type_into(qtbot, box, typed)
    assert window.document.plan.details.published == dt.date(2026, 12, 15)
    assert box.picker.text() == "15 December 2026"
    assert box.message.isHidden()
    window.document.undo_stack.undo()
    assert window.document.plan.details.published is None
    assert box.picker.text() == ""


def test_leaving_the_box_keeps_the_date_as_one_undo_step(window: MainWindow, qtbot: QtBot) -> None:
    box = date_box(window, "inspection_start")
    count = window.document.undo_stack.count()
    type_into(qtbot, box, "23/2/2026", then=Qt.Key.Key_Tab)
    assert not box.picker.hasFocus()
    assert window.document.plan.details.inspection_start == dt.date(2026, 2, 23)
    assert box.picker.text() == "23 February 2026"
    assert window.document.undo_stack.count() == count + 1
    assert window.document.undo_stack.undoText() == "Edit inspection first day"


@pytest.mark.parametrize(("typed", "message"), [
    ("next Tuesday", "Enter a date, like 15 December 2026."),
    ("15/12/26", "Write the year in full, like 15 December 2026."),
    ("31 June 2026", "That day does not exist in that month. Enter a date, like 15 December 2026."),
    ("15 Decembr 2026", "“Decembr” is not a month. Enter a date, like 15 December 2026."),
    ("December 2026", "Enter the day as well as the month and year, like 15 December 2026."),
])
def test_text_that_is_not_a_date_is_kept_with_a_message_and_the_plan_is_unchanged(
        window: MainWindow, qtbot: QtBot, typed: str, message: str) -> None:
    box = date_box(window, "submitted")
    count = window.document.undo_stack.count()
    type_into(qtbot, box, typed)
    assert box.picker.text() == typed
    assert box.message.isVisible()
    assert box.message.text() == message
    assert box.picker.accessibleDescription() == message
    assert window.document.plan.details.submitted == dt.date(2026, 6, 22)
    assert window.document.undo_stack.count() == count
    # Leaving the box keeps the typing and the message too.
    qtbot.keyClick(box.picker, Qt.Key.Key_Tab)
    assert box.picker.text() == typed
    assert box.message.isVisible()
    # Correcting it keeps the date and the message goes.
    box.picker.setFocus()
    type_into(qtbot, box, "1 July 2026")
    assert window.document.plan.details.submitted == dt.date(2026, 7, 1)
    assert box.message.isHidden()
    assert box.picker.accessibleDescription() == ""


def test_typing_elsewhere_does_not_wipe_a_date_that_is_not_understood(window: MainWindow, qtbot: QtBot) -> None:
    box = date_box(window, "published")
    type_into(qtbot, box, "sometime in June", then=Qt.Key.Key_Tab)
    window.details.establishment.setFocus()
    qtbot.keyClicks(window.details.establishment, " North")
    assert window.document.plan.details.establishment == "HMP Testing North"
    assert box.picker.text() == "sometime in June"
    assert box.message.isVisible()
    # Undoing the establishment edit leaves the typing alone too.
    window.document.undo_stack.undo()
    assert window.document.plan.details.establishment == "HMP Testing"
    assert box.picker.text() == "sometime in June"
    # Clear puts the box back to not set (which the plan already is).
    box.clear_button.click()
    assert box.picker.text() == ""
    assert box.message.isHidden()


def test_select_all_and_delete_makes_the_date_not_set(window: MainWindow, qtbot: QtBot) -> None:
    box = date_box(window, "submitted")
    assert box.picker.text() == "22 June 2026"
    qtbot.keyClick(box.picker, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box.picker, Qt.Key.Key_Delete)
    qtbot.keyClick(box.picker, Qt.Key.Key_Return)
    assert window.document.plan.details.submitted is None
    assert box.picker.text() == ""
    assert box.picker.placeholderText() == "Not set"
    assert box.message.isHidden()
    window.document.undo_stack.undo()
    assert box.picker.text() == "22 June 2026"


def test_the_clear_button_makes_the_date_not_set(window: MainWindow, qtbot: QtBot) -> None:
    box = window.details.dates["submitted"]
    qtbot.mouseClick(box.clear_button, Qt.MouseButton.LeftButton)
    assert window.document.plan.details.submitted is None
    assert box.picker.text() == ""


def test_arrow_keys_never_invent_a_date(window: MainWindow, qtbot: QtBot) -> None:
    box = date_box(window, "published")
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_Return):
        qtbot.keyClick(box.picker, key)
    assert window.document.plan.details.published is None
    assert box.picker.text() == ""
    assert box.message.isHidden()


def test_escape_puts_back_the_date_kept(window: MainWindow, qtbot: QtBot) -> None:
    box = date_box(window, "submitted")
    box.picker.selectAll()
    qtbot.keyClicks(box.picker, "nonsense")
    qtbot.keyClick(box.picker, Qt.Key.Key_Escape)
    assert box.picker.text() == "22 June 2026"
    assert box.message.isHidden()
    assert window.document.plan.details.submitted == dt.date(2026, 6, 22)


def test_the_calendar_opens_on_today_when_there_is_no_date(window: MainWindow, qtbot: QtBot) -> None:
    box = date_box(window, "published")
    qtbot.keyClick(box.picker, Qt.Key.Key_F4)
    qtbot.waitUntil(box.popup.isVisible)
    today = dt.date.today()
    calendar = box.popup.calendar
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    assert calendar.selectedDate() == QDate(today.year, today.month, today.day)
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)
    assert not box.popup.isVisible()
    assert window.document.plan.details.published is None


def test_choosing_from_the_calendar_keeps_the_date(window: MainWindow, qtbot: QtBot) -> None:
    box = window.details.dates["submitted"]
    qtbot.mouseClick(box.calendar_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(box.popup.isVisible)
    calendar = box.popup.calendar
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 6)
    assert calendar.selectedDate() == QDate(2026, 6, 22)
    view = calendar.focusWidget() or calendar
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert not box.popup.isVisible()
    assert window.document.plan.details.submitted == dt.date(2026, 6, 23)
    assert box.picker.text() == "23 June 2026"


def test_the_calendar_opens_on_a_date_typed_but_not_yet_kept(window: MainWindow, qtbot: QtBot) -> None:
    box = date_box(window, "published")
    qtbot.keyClicks(box.picker, "3/3/2027")
    qtbot.keyClick(box.picker, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(box.popup.isVisible)
    assert box.popup.calendar.selectedDate() == QDate(2027, 3, 3)
    box.popup.close()


def test_a_pending_date_is_kept_before_saving(window: MainWindow, qtbot: QtBot) -> None:
    """``commit_pending_edits`` is what the save and export steps call on every open editor."""
    box = date_box(window, "inspection_end")
    qtbot.keyClicks(box.picker, "5 March 2026")
    assert window.document.plan.details.inspection_end is None
    box.commit_pending_edits()
    assert window.document.plan.details.inspection_end == dt.date(2026, 3, 5)
    assert box.picker.hasFocus()


def test_read_only_plan_dates_cannot_be_typed_into(window: MainWindow, qtbot: QtBot) -> None:
    window.document.set_read_only(True)
    box = window.details.dates["submitted"]
    assert not box.picker.isEnabled()
    assert not box.calendar_button.isEnabled()
    assert not box.clear_button.isEnabled()


def test_accessible_names_stay(window: MainWindow) -> None:
    box = window.details.dates["inspection_start"]
    assert box.picker.accessibleName() == "Inspection first day"
    assert box.clear_button.accessibleName() == "Clear inspection first day"
    assert box.calendar_button.accessibleName() == "Choose the inspection first day from a calendar"
    assert box.popup.calendar.accessibleName() == "Calendar: inspection first day"


def test_ctrl_s_while_typing_a_plan_date_saves_it(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "plan.actionplan"
    save_plan(small_plan(), path)
    host = make_host(qtbot, MainWindow())
    try:
        assert host.files.open_plan(path)
        window = host.window
        assert isinstance(window, MainWindow)
        activate(qtbot, window)
        box = date_box(window, "published")
        qtbot.keyClicks(box.picker, "1/6/2026")
        qtbot.keyClick(box.picker, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert load_plan(path).details.published == dt.date(2026, 6, 1)
        assert not host.document.is_modified()
        assert box.picker.text() == "1 June 2026"
    finally:
        close_quietly(host)


def test_every_plan_details_label_has_its_own_access_key(window: MainWindow) -> None:
    """Alt and a letter reaches each field; no two fields share a letter, and no menu or button
    of the Problems list shown beside the form does."""
    labels = [label for label in window.details.findChildren(QLabel) if label.buddy() is not None]
    keys = [access_key(label.text()) for label in labels if "&" in label.text()]
    assert len(keys) == len(labels) == 7
    assert len(set(keys)) == len(keys)
    taken = {access_key(action.text()) for action in window.menuBar().actions() if "&" in action.text()}
    taken |= {access_key(button.text()) for button in window.validation.panel.findChildren(QAbstractButton)
              if "&" in button.text()}
    assert not set(keys) & taken
    dates = {label.buddy(): label.text() for label in labels}
    assert dates[window.details.dates["inspection_start"]] == "Inspection first da&y"


def access_key(text: str) -> str:
    return text[text.index("&") + 1].lower()
