"""Dragging concerns and actions in the table: where a drop puts them. Moves are undo steps made
by ``editor.edits.structure``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMimeData

from actionplan.model import Category
from editor.table.columns import Column
from editor.table.table_rows import Row

if TYPE_CHECKING:
    from editor.table.plan_table_model import PlanTableModel

MIME_TYPE = "application/x-actionplan-items"


def dragged_items(cells: Sequence[tuple[Row, int]]) -> tuple[str, list[str]]:
    """What dragging these (row, column) cells carries: the concerns when any concern cell is
    among them, otherwise the actions, each once, in table order."""
    as_concerns = any(Column(column).is_concern_column for _row, column in cells)
    ids: list[str] = []
    for row, column in cells:
        if row.concern is None:
            continue
        if as_concerns and Column(column).is_concern_column:
            item_id = row.concern.id
        elif not as_concerns and row.action is not None:
            item_id = row.action.id
        else:
            continue
        if item_id not in ids:
            ids.append(item_id)
    return ("concern" if as_concerns else "action"), ids


def drag_payload(kind: str, ids: list[str]) -> QMimeData:
    data = QMimeData()
    data.setData(MIME_TYPE, QByteArray(json.dumps({"kind": kind, "ids": ids}).encode()))
    return data


def read_payload(data: QMimeData) -> tuple[str, list[str]]:
    payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode())
    return str(payload["kind"]), [str(item) for item in payload["ids"]]


def drop_items(model: PlanTableModel, kind: str, ids: list[str], target_row: int, target_column: int) -> bool:
    """Move dragged concerns or actions to where they were dropped, as one undo step."""
    from editor.edits.structure import move_actions_before, move_concerns_before

    rows = model.rows()
    target = rows[target_row] if target_row < len(rows) else None
    if kind == "concern":
        return move_concerns_before(model.document, ids, *_concern_drop_place(rows, target))
    concern_id, anchor = _action_drop_place(rows, target_row, target, target_column)
    if concern_id is None:
        return False
    return move_actions_before(model.document, ids, concern_id, anchor)


def _concern_drop_place(rows: list[Row], target: Row | None) -> tuple[Category, str | None]:
    if target is None:
        return Category.KEY, None
    if target.concern is None:
        return target.category, _first_concern_id_after(rows, target)
    return target.category, target.concern.id


def _first_concern_id_after(rows: list[Row], section: Row) -> str | None:
    start = next(n for n, row in enumerate(rows) if row is section)
    for row in rows[start + 1:]:
        if row.concern is None:
            return None
        return row.concern.id
    return None


def _action_drop_place(rows: list[Row], number: int, target: Row | None, column: int) -> tuple[str | None, str | None]:
    """The concern to drop actions into and the action to put them before (None: at the end)."""
    if target is None:
        last = next((row for row in reversed(rows) if row.concern is not None), None)
        return (last.concern.id if last and last.concern else None), None
    if target.concern is None:
        following = rows[number + 1] if number + 1 < len(rows) else None
        if following is None or following.concern is None:
            return None, None
        first = following.concern.actions[0].id if following.concern.actions else None
        return following.concern.id, first
    if Column(column).is_concern_column or target.action is None:
        return target.concern.id, None
    return target.concern.id, target.action.id
