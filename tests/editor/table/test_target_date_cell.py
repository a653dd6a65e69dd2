"""The target date editor in a table cell: Enter keeps the target and closes the editor once
(it does not open again), and the line under the box always describes the text in the box."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox
from pytestqt.qtbot import QtBot

from actionplan.target_date import TargetDate, parse_target
from editor.table.columns import Column
from editor.table.target_date_editor import TargetDateEditor
from editor.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "This plugin does not support")

# Screenshots for a person to look at; HELPER_EVIDENCE chooses where.
EVIDENCE = Path(os.environ.get("HELPER_EVIDENCE", Path(tempfile.gettempdir()) / "actionplan-test-screens"))


def editing(window: MainWindow) -> bool:
    return window.table.state() == QAbstractItemView.State.EditingState


def open_target(qtbot: QtBot, window: MainWindow, row: int = 1) -> TargetDateEditor:
    table = window.table
    index = table.model().index(row, Column.TARGET)
    table.select_cell(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.indexWidget(index)
    assert isinstance(editor, TargetDateEditor)
    return editor


def target(window: MainWindow) -> TargetDate:
    return window.document.plan.concerns[0].actions[0].target


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_in_the_box_keeps_the_target_and_the_editor_stays_closed(
    qtbot: QtBot, window: MainWindow, key: Qt.Key
) -> None:
    editor = open_target(qtbot, window)
    qtbot.keyClicks(editor.line_edit(), "June 2027")
    qtbot.keyClick(editor.line_edit(), key)
    assert target(window) == TargetDate.of_month(2027, 6)
    qtbot.wait(50)  # anything posted by the Enter has run
    assert not editing(window)
    assert window.table.indexWidget(window.table.currentIndex()) is None
    assert QApplication.focusWidget() is window.table
    assert window.document.undo_stack.count() == 1


def test_enter_on_the_month_keeps_the_choice_and_the_editor_stays_closed(qtbot: QtBot, window: MainWindow) -> None:
    editor = open_target(qtbot, window)
    month = editor.findChild(QComboBox)
    assert month is not None
    assert month.accessibleName() == "Month"
    month.setFocus()
    qtbot.keyClick(month, Qt.Key.Key_Up)  # December 2026 becomes November 2026
    chosen = editor.target()
    assert chosen == TargetDate.of_month(2026, 11)
    qtbot.keyClick(month, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert not editing(window)
    assert target(window) == chosen


def test_escape_still_cancels(qtbot: QtBot, window: MainWindow) -> None:
    editor = open_target(qtbot, window)
    qtbot.keyClicks(editor.line_edit(), "June 2027")
    qtbot.keyClick(editor.line_edit(), Qt.Key.Key_Escape)
    assert not editing(window)
    assert target(window) == TargetDate.parse("December 2026")


def test_a_cell_with_an_unrecognised_target_says_it_is_not_understood_and_why(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = open_target(qtbot, window)
    qtbot.keyClicks(editor.line_edit(), "Dec 26")
    qtbot.waitUntil(lambda: editor.feedback().startswith("Not understood. Write the year in full"),
                    timeout=3000)  # once typing pauses
    qtbot.keyClick(editor.line_edit(), Qt.Key.Key_Return)  # kept word for word
    assert not target(window).is_recognised
    editor = open_target(qtbot, window)  # the cell opened again later
    assert editor.line_edit().text() == "Dec 26"
    assert editor.feedback().startswith("Not understood. Write the year in full")
    assert "Understood as" not in editor.feedback()
    EVIDENCE.mkdir(parents=True, exist_ok=True)
    qtbot.wait(50)  # let the inspector lay itself out, as it has before a person sees it
    window.grab().save(str(EVIDENCE / "target-date-cell-not-understood.png"))
    editor.grab().save(str(EVIDENCE / "target-date-editor-not-understood.png"))
    # Every change is read again: finishing the year makes it understood at once.
    qtbot.keyClick(editor.line_edit(), Qt.Key.Key_End)
    qtbot.keyClick(editor.line_edit(), Qt.Key.Key_Backspace)
    qtbot.keyClick(editor.line_edit(), Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor.line_edit(), "2026")
    assert editor.feedback() == "Understood as: December 2026"


def test_set_target_of_a_target_not_understood_explains_it(qtbot: QtBot) -> None:
    editor = TargetDateEditor()
    qtbot.addWidget(editor)
    editor.set_target(TargetDate.parse("soon"))
    assert editor.feedback().startswith("Not understood. Write a month and year")
    editor.set_target(TargetDate.parse("December 2026"))
    assert editor.feedback() == "Understood as: December 2026"
    editor.set_target(TargetDate.parse("December 2026"))  # the same text again
    assert editor.feedback() == "Understood as: December 2026"
    editor.line_edit().setText("31/02/2027")  # set by a program, not typed
    assert editor.feedback().startswith("Not understood.")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.text(max_size=20), second=st.text(max_size=20))
def test_the_line_under_the_box_always_describes_the_box(qtbot: QtBot, first: str, second: str) -> None:
    editor = TargetDateEditor()
    qtbot.addWidget(editor)
    try:
        for typed in (first, second):
            editor.set_target(TargetDate.parse(typed))
            shown, reason = parse_target(editor.line_edit().text())
            understood = reason is None and shown.is_recognised
            assert editor.feedback().startswith("Not understood.") is not understood
            assert editor.target() == shown
    finally:
        editor.deleteLater()


def test_the_inspector_target_editor_fits_a_narrow_pane(qtbot: QtBot, window: MainWindow) -> None:
    """A 1366-pixel laptop screen at 125% is about 1100 pixels wide: the inspector showing an
    action is not cut off on the right (month and year sit under their choice)."""
    window.resize(1100, 640)
    window.table.select_cell(window.table.model().index(1, Column.TARGET))
    inspector = window.inspector
    qtbot.waitUntil(lambda: inspector.target.isVisible())
    QApplication.processEvents()
    assert inspector.widget().width() <= inspector.viewport().width()
    assert inspector.target.minimumSizeHint().width() < 300
    in_cell = TargetDateEditor(window, in_cell=True)
    assert in_cell.minimumSizeHint().width() > inspector.target.minimumSizeHint().width()
    in_cell.deleteLater()
