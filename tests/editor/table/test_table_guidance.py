"""A new plan shows the way: the empty-plan message, section rows that add a concern, Delete
that empties cells like a spreadsheet, and the recommendations-era section headings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from actionplan.model import Category, Era, Plan
from actionplan.target_date import TargetDate
from editor.edits.commands import FieldRef, SetField
from editor.edits.document import PlanDocument
from editor.table.columns import Column
from editor.table.text_editor import PlanTextEdit
from editor.window.main_window import MainWindow
from tests.editor.table_fixtures import _flush_deletes, activate

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def empty_window(qtbot: QtBot, no_leftover_widgets: None):  # type: ignore[no-untyped-def]
    main = MainWindow(PlanDocument(Plan()))
    activate(qtbot, main)
    yield main
    main.close()
    main.deleteLater()
    _flush_deletes()


def _dark_pixels_below_sections(main: MainWindow) -> int:
    """Text pixels painted in the table under its rows (the empty-plan message)."""
    table = main.table
    QApplication.processEvents()
    image: QImage = table.viewport().grab().toImage()
    last = table.plan_model.rowCount() - 1
    top = table.rowViewportPosition(last) + table.rowHeight(last) + 2
    dark = 0
    for y in range(top, image.height(), 2):
        for x in range(0, image.width(), 2):
            if image.pixelColor(x, y).lightness() < 100:
                dark += 1
    return dark


# The empty plan ------------------------------------------------------------------------------


def test_an_empty_plan_says_how_to_add_a_concern_with_the_real_shortcuts(empty_window: MainWindow) -> None:
    table = empty_window.table
    lines = table.empty_plan_lines()
    assert lines[0] == "This plan has no concerns yet."
    keys = empty_window.structure.add_priority.shortcut().toString()
    assert f"Add a priority concern: press {keys}" in lines
    assert any(line.startswith("Add a key concern: press Ctrl+Shift+K") for line in lines)
    assert _dark_pixels_below_sections(empty_window) > 50  # painted, not only promised
    assert table.accessibleDescription().startswith("This plan has no concerns yet.")


def test_the_message_goes_once_there_is_a_concern_and_comes_back_on_undo(
    empty_window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.keyClick(empty_window.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(empty_window.document.plan.concerns) == 1
    assert empty_window.table.accessibleDescription() == ""
    # Only the new row's own text could be dark under the sections; there is none.
    assert _dark_pixels_below_sections(empty_window) == 0
    empty_window.document.undo_stack.undo()
    assert _dark_pixels_below_sections(empty_window) > 50


# Section rows --------------------------------------------------------------------------------


@pytest.mark.parametrize("category", [Category.PRIORITY, Category.KEY])
def test_enter_on_a_section_row_adds_a_concern_there_and_starts_typing(
    empty_window: MainWindow, qtbot: QtBot, category: Category
) -> None:
    table = empty_window.table
    document = empty_window.document
    table.setCurrentIndex(table.plan_model.index(table.plan_model.section_row(category), 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert [c.category for c in document.plan.concerns] == [category]
    assert document.undo_stack.count() == 1
    assert table.state() == QAbstractItemView.State.EditingState
    editor = QApplication.focusWidget()
    assert isinstance(editor, PlanTextEdit)
    qtbot.keyClicks(editor, "Visits started late.")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert document.plan.concerns[0].text == "Visits started late."
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.plan.concerns == []


def test_double_click_on_the_key_section_adds_a_key_concern_after_the_others(window: MainWindow, qtbot: QtBot) -> None:
    table = window.table
    model = table.plan_model
    row = model.section_row(Category.KEY)
    rect = table.visualRect(model.index(row, 0))
    before = len(window.document.plan.in_category(Category.KEY))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))
    assert len(window.document.plan.in_category(Category.KEY)) == before  # one click only selects
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))
    keys = window.document.plan.in_category(Category.KEY)
    assert len(keys) == before + 1
    assert keys[-1].text == ""
    assert table.state() == QAbstractItemView.State.EditingState
    assert model.row(table.currentIndex().row()).concern is keys[-1]


def test_a_section_row_adds_nothing_in_a_read_only_plan(empty_window: MainWindow, qtbot: QtBot) -> None:
    empty_window.document.set_read_only(True)
    table = empty_window.table
    table.setCurrentIndex(table.plan_model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert empty_window.document.plan.concerns == []


# Delete and Backspace ------------------------------------------------------------------------


def _select(main: MainWindow, *indexes) -> None:  # type: ignore[no-untyped-def]
    main.table.clearSelection()
    main.table.setCurrentIndex(indexes[0])
    for index in indexes:
        main.table.selectionModel().select(index, main.table.selectionModel().SelectionFlag.Select)


@pytest.mark.parametrize(("key", "column", "empty"), [
    (Qt.Key.Key_Delete, Column.ACTION, ""),
    (Qt.Key.Key_Backspace, Column.OWNER, ""),
    (Qt.Key.Key_Delete, Column.TARGET, TargetDate.not_set()),
])
def test_delete_empties_a_selected_cell_as_one_undo_step(
    window: MainWindow, qtbot: QtBot, key: Qt.Key, column: Column, empty: object
) -> None:
    plan = window.document.plan
    action = plan.concerns[0].actions[0]
    index = window.table.plan_model.index_for(plan.concerns[0].id, action.id, column.field)
    before = getattr(action, column.field)
    _select(window, index)
    steps = window.document.undo_stack.count()
    qtbot.keyClick(window.table, key)
    assert getattr(action, column.field) == empty
    assert window.document.undo_stack.count() == steps + 1
    assert window.table.state() != QAbstractItemView.State.EditingState
    window.document.undo_stack.undo()
    assert getattr(action, column.field) == before


def test_delete_on_several_cells_is_one_undo_step(window: MainWindow, qtbot: QtBot) -> None:
    plan = window.document.plan
    model = window.table.plan_model
    first, second = plan.concerns[0].actions
    cells = [model.index_for(plan.concerns[0].id, a.id, f) for a in (first, second) for f in ("owner", "target")]
    _select(window, *cells)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert (first.owner, second.owner) == ("", "")
    assert first.target == second.target == TargetDate.not_set()
    assert window.document.undo_stack.undoText() == "Clear 4 cells"
    window.document.undo_stack.undo()
    assert (first.owner, second.owner) == ("Head of Security", "Governor")


def test_delete_on_a_manual_rec_no_goes_back_to_automatic_numbering(window: MainWindow, qtbot: QtBot) -> None:
    document = window.document
    concern = document.plan.concerns[1]
    document.undo_stack.push(SetField(document, FieldRef(concern.id, None, "reference"), "S45"))
    index = window.table.plan_model.index_for(concern.id, None, "reference")
    assert index.data() == "S45"
    _select(window, index)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert concern.reference == ""
    assert window.table.plan_model.index_for(concern.id, None, "reference").data() == "2"


def test_delete_leaves_section_rows_automatic_numbers_and_read_only_plans_alone(
    window: MainWindow, qtbot: QtBot
) -> None:
    document = window.document
    model = window.table.plan_model
    before = document.plan.model_copy(deep=True)
    _select(window, model.index(0, 0))  # the section row
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    _select(window, model.index_for(document.plan.concerns[0].id, None, "reference"))  # automatic "1"
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert document.undo_stack.count() == 0
    document.set_read_only(True)
    _select(window, model.index_for(document.plan.concerns[0].id, None, "text"))
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert document.plan == before


def test_delete_in_an_open_cell_deletes_a_character_not_the_cell(window: MainWindow, qtbot: QtBot) -> None:
    plan = window.document.plan
    index = window.table.plan_model.index_for(plan.concerns[0].id, None, "text")
    _select(window, index)
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, PlanTextEdit)
    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert plan.concerns[0].text == "rugs were too freely available."


# Recommendations era -------------------------------------------------------------------------


def test_recommendations_era_sections_are_named_as_that_report_named_them(window: MainWindow) -> None:
    model = window.table.plan_model
    document = window.document
    headings = lambda: [model.index(model.section_row(c), 0).data() for c in Category]  # noqa: E731
    assert headings() == ["Priority concerns", "Key concerns"]
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles=(): changed.append(top.row()))
    document.undo_stack.push(SetField(document, FieldRef(None, None, "era"), Era.RECOMMENDATIONS))
    assert headings() == ["Main recommendations", "Recommendations"]
    assert model.section_row(Category.PRIORITY) in changed
    assert model.section_row(Category.KEY) in changed
    document.undo_stack.undo()
    assert headings() == ["Priority concerns", "Key concerns"]
