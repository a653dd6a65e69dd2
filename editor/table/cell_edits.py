"""What an edit to a table cell does to the plan, as undo commands: a value typed into a cell,
the first action of a concern typed into its empty row, and Delete on selected cells."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from actionplan import clock
from actionplan.model import Action, Concern
from actionplan.recording import is_being_tracked
from actionplan.target_date import TargetDate
from editor.edits import commands
from editor.edits.commands import FieldRef
from editor.edits.document import PlanDocument
from editor.edits.progress_commands import ChangePublishedTarget
from editor.table.columns import Column
from editor.table.table_rows import Row


def set_cell(document: PlanDocument, row: Row, column: Column, value: Any, merge_key: object | None = None) -> bool:
    """A value typed or chosen in a cell, as an undo command. Edits with the same ``merge_key``
    on the same cell merge into one undo step (typing in an open cell editor). False for a
    section row, which holds nothing."""
    if row.concern is None:
        return False
    if column is Column.TARGET and isinstance(value, str):
        value = TargetDate.parse(value)
    if value is None:
        value = TargetDate.not_set() if column is Column.TARGET else ""
    if row.action is None and not column.is_concern_column:
        return _add_first_action(document, row.concern, column, value)
    action_id = None if column.is_concern_column or row.action is None else row.action.id
    ref = FieldRef(row.concern.id, action_id, column.field)
    if ref.read(document.plan) == value:
        return True
    if column is Column.TARGET and row.action is not None and is_being_tracked(document.plan, row.action,
                                                                               clock.today()):
        command: commands.SetField = ChangePublishedTarget(document, ref, value, clock.today(), document.author(),
                                                           merge_key=merge_key)
    else:
        command = commands.SetField(document, ref, value, merge_key=merge_key)
    document.undo_stack.push(command)
    return True


def clear_cells(document: PlanDocument, cells: Sequence[tuple[Row, Column]]) -> int:
    """Delete pressed on selected cells: empty each text, owner and target cell, and put a
    manual Rec No back to automatic numbering, as one undo step. Section rows and cells
    already empty are left alone. Returns how many cells changed."""
    refs: dict[FieldRef, Any] = {}
    for row, column in cells:
        if row.concern is None:
            continue
        if column.is_concern_column:
            ref = FieldRef(row.concern.id, None, column.field)
        elif row.action is not None:
            ref = FieldRef(row.concern.id, row.action.id, column.field)
        else:
            continue  # the empty row of a concern with no actions
        empty = TargetDate.not_set() if column is Column.TARGET else ""
        if ref.read(document.plan) != empty:
            refs[ref] = empty
    if not refs:
        return 0
    stack = document.undo_stack
    if len(refs) == 1:
        ref, empty = next(iter(refs.items()))
        stack.push(commands.SetField(document, ref, empty))
        return 1
    stack.beginMacro(f"Clear {len(refs)} cells")
    for ref, empty in refs.items():
        stack.push(commands.SetField(document, ref, empty))
    stack.endMacro()
    return len(refs)


def _add_first_action(document: PlanDocument, concern: Concern, column: Column, value: Any) -> bool:
    """Typing into the empty action row of a concern creates its first action."""
    if value in ("", TargetDate.not_set()):
        return True
    action = Action(**{column.field: value})
    document.undo_stack.push(commands.AddAction(document, concern.id, action))
    return True
