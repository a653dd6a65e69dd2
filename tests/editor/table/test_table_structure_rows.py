"""Adding, deleting and moving concerns and actions (and undoing and redoing them) replace only
the rows that changed: afterwards the table's rows, spans and row heights are what a table
opened fresh on the same plan shows, and the current item is kept."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from actionplan.model import Category
from benchmarks.generate import make_plan
from editor.edits import structure
from editor.edits.document import PlanDocument
from editor.table.columns import Column
from editor.table.plan_table_view import PlanTableView
from editor.table.table_rows import layout_rows
from tests.editor.table.test_row_heights_exact import reference_block

OPERATIONS = ("add priority", "add key", "add action", "delete concern", "delete action", "move concern up",
              "move concern down", "move action up", "move action down", "change category", "duplicate concern",
              "undo", "undo", "redo")


def _spans(view: PlanTableView) -> list[tuple[int, ...]]:
    model = view.plan_model
    return [(view.rowSpan(r, c), view.columnSpan(r, c)) for r in range(model.rowCount()) for c in range(len(Column))]


def _apply(document: PlanDocument, operation: str, pick: int) -> None:
    plan = document.plan
    concerns = plan.in_display_order()
    actions = [action for concern in concerns for action in concern.actions]
    concern = concerns[pick % len(concerns)] if concerns else None
    action = actions[pick % len(actions)] if actions else None
    stack = document.undo_stack
    if operation == "undo":
        stack.undo()
    elif operation == "redo":
        stack.redo()
    elif operation.startswith("add ") and operation != "add action":
        category = Category.PRIORITY if operation == "add priority" else Category.KEY
        structure.add_concern(document, category, concern.id if concern else None)
    elif concern is None:
        return
    elif operation == "add action":
        structure.add_action(document, concern.id)
    elif operation == "delete concern":
        structure.delete_concerns(document, [concern.id])
    elif operation == "change category":
        structure.change_category(document, concern.id)
    elif operation == "duplicate concern":
        structure.duplicate_concern(document, concern.id)
    elif operation.startswith("move concern"):
        structure.move_concern(document, concern.id, -1 if operation.endswith("up") else 1)
    elif action is None:
        return
    elif operation == "delete action":
        structure.delete_actions(document, [action.id])
    else:
        structure.move_action(document, action.id, -1 if operation.endswith("up") else 1)


def _check_like_fresh(view: PlanTableView) -> None:
    document = view.document
    model = view.plan_model
    expected = layout_rows(document.plan.concerns)
    assert [(r.concern, r.action, r.first, r.span, r.action_number) for r in model.rows()] == \
           [(r.concern, r.action, r.first, r.span, r.action_number) for r in expected]
    assert model.rowCount() == len(expected)
    for number, row in enumerate(model.rows()):
        if row.action is not None:
            assert model.row_of_action(row.action.id) == number
        if row.first and row.concern is not None:
            assert model.first_row_of_concern(row.concern.id) == number
            assert model.data(model.index(number, Column.REC_NO)) == document.plan.references()[row.concern.id]
    fresh = PlanTableView(document)
    try:
        fresh.resize(view.size())
        fresh.fit_columns()
        assert _spans(view) == _spans(fresh)
    finally:
        fresh.deleteLater()
    # The rows in view have the heights their text needs.
    view.row_heights.size_visible()
    last = view.rowAt(view.viewport().height() - 1)
    last = model.rowCount() - 1 if last < 0 else last
    number = max(0, view.rowAt(0))
    number = view.row_heights.block_start(number) if model.rowCount() else 0
    while number <= last and number < model.rowCount():
        row = model.row(number)
        span = 1 if row.is_section else row.span
        assert [view.rowHeight(number + n) for n in range(span)] == reference_block(view.row_heights, number, row)
        number += span


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 1000)), min_size=1, max_size=8),
       scroll=st.integers(0, 3000))
def test_structural_edits_leave_the_table_as_a_fresh_one(qtbot: QtBot, steps: list[tuple[str, int]], scroll: int) -> None:
    document = PlanDocument(make_plan(30, seed=11))
    view = PlanTableView(document)
    view.resize(900, 500)
    view.show()
    view.fit_columns()
    view.verticalScrollBar().setValue(scroll)
    view.row_heights.size_visible()
    try:
        for operation, pick in steps:
            _apply(document, operation, pick)
            QApplication.processEvents()
            _check_like_fresh(view)
    finally:
        view.close()
        view.deleteLater()


def test_a_change_elsewhere_keeps_the_current_cell_and_the_top_row(qtbot: QtBot) -> None:
    document = PlanDocument(make_plan(60, seed=2))
    view = PlanTableView(document)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    model = view.plan_model
    middle = next(n for n in range(model.rowCount() // 2, model.rowCount()) if model.row(n).action is not None)
    view.select_cell(model.index(middle, Column.OWNER))
    view.scrollTo(model.index(middle, Column.OWNER))
    QApplication.processEvents()
    current = model.row(view.currentIndex().row()).action
    top = view.rowAt(0)
    top_item = model.row(top).action or model.row(top).concern
    top_offset = view.rowViewportPosition(top)
    first_concern = document.plan.in_display_order()[0]
    structure.add_action(document, first_concern.id)  # above the view: rows shift down
    QApplication.processEvents()
    assert model.row(view.currentIndex().row()).action is current
    assert view.currentIndex().column() == Column.OWNER
    new_top = view.rowAt(0)
    assert (model.row(new_top).action or model.row(new_top).concern) is top_item
    assert view.rowViewportPosition(new_top) == top_offset
    document.undo_stack.undo()
    QApplication.processEvents()
    assert model.row(view.currentIndex().row()).action is current
    _check_like_fresh(view)


def test_undoing_an_added_concern_leaves_a_current_cell_where_it_was(qtbot: QtBot) -> None:
    document = PlanDocument(make_plan(60, seed=4))
    view = PlanTableView(document)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    after = document.plan.in_display_order()[0]
    new_id = structure.add_concern(document, after.category, after.id)
    view.select_cell(model_index := view.plan_model.index_for(new_id, None, "text"))
    assert model_index.isValid()
    row_number = model_index.row()
    document.undo_stack.undo()
    QApplication.processEvents()
    current = view.currentIndex()
    assert current.isValid()
    assert current.row() == row_number  # the concern that followed the removed one
    assert view.plan_model.row(current.row()).first
    _check_like_fresh(view)
