"""The Qt table adapter over the pure plan: one row per action, laid out like the Word table.

Rows: a section row ("Priority concerns", "Key concerns"), then for each concern one row per
action (one empty-action row when it has none). Columns: Rec No | Concerns | Response action
taken/planned | Responsible owner | Target date. The view spans a concern's Rec No and text
over its action rows (``Row.span``). ``setData`` pushes undo commands; the model never edits
the plan itself, and it follows ``document.edited`` to refresh only what changed.

Findings hook (for the validation engineer)::

    model.set_findings_source(source)   # source.findings_for(concern_id, action_id, field)
                                        #   -> list[Finding]; None removes the marks
    model.refresh_findings()            # call after new findings: repaints the marks

A cell with findings gets a tinted ``BackgroundRole`` (red for errors, amber for warnings),
its messages as ``ToolTipRole`` and an icon as ``DecorationRole``. The fields asked for are
``reference`` (Rec No) and ``text`` of a concern (action_id None), and ``text``, ``owner``,
``target`` of an action. ``FINDINGS_ROLE`` gives the list itself.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from actionplan.changes import PlanChange
from actionplan.model import Action, Category, Concern, Era
from actionplan.target_date import TargetDate
from actionplan.validation.findings import Finding, Severity
from editor.edits import commands
from editor.edits.commands import FieldRef
from editor.edits.document import PlanDocument

MIME_TYPE = "application/x-actionplan-items"

ModelIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    REC_NO = 0
    CONCERN = 1
    ACTION = 2
    OWNER = 3
    TARGET = 4

    @property
    def heading(self) -> str:
        return _HEADINGS[self]

    @property
    def field(self) -> str:
        return _FIELDS[self]

    @property
    def is_concern_column(self) -> bool:
        return self in (Column.REC_NO, Column.CONCERN)


_HEADINGS = {
    Column.REC_NO: "Rec No",
    Column.CONCERN: "Concerns",
    Column.ACTION: "Response action taken/planned",
    Column.OWNER: "Responsible owner",
    Column.TARGET: "Target date",
}
_FIELDS = {
    Column.REC_NO: "reference",
    Column.CONCERN: "text",
    Column.ACTION: "text",
    Column.OWNER: "owner",
    Column.TARGET: "target",
}
COLUMN_FOR_FIELD = {
    ("concern", "reference"): Column.REC_NO,
    ("concern", "text"): Column.CONCERN,
    ("action", "text"): Column.ACTION,
    ("action", "owner"): Column.OWNER,
    ("action", "target"): Column.TARGET,
}

CONCERN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
IS_SECTION_ROLE = Qt.ItemDataRole.UserRole + 3
TARGET_ROLE = Qt.ItemDataRole.UserRole + 4
"""The ``TargetDate`` of an action's target cell (EditRole gives its text)."""
FINDINGS_ROLE = Qt.ItemDataRole.UserRole + 5

_ERROR_TINT = QColor(253, 226, 226)
_WARNING_TINT = QColor(255, 243, 205)
_SECTION_TINT = QColor(222, 226, 230)


class FindingsSource(Protocol):
    def findings_for(self, concern_id: str | None, action_id: str | None, field: str) -> list[Finding]: ...


@dataclass(slots=True)
class Row:
    """One table row: a section heading, or one action of a concern (``action`` is None for a
    concern with no actions yet). ``span`` is the concern's row count, on its first row."""

    category: Category
    concern: Concern | None = None
    action: Action | None = None
    action_number: int = 0
    first: bool = False
    span: int = 1

    @property
    def is_section(self) -> bool:
        return self.concern is None


def layout_rows(concerns: Sequence[Concern]) -> list[Row]:
    """The rows for concerns in display order, each section headed even when empty."""
    rows: list[Row] = []
    for category in (Category.PRIORITY, Category.KEY):
        rows.append(Row(category))
        for concern in concerns:
            if concern.category is not category:
                continue
            span = max(1, len(concern.actions))
            if not concern.actions:
                rows.append(Row(category, concern, None, 0, True, 1))
            for number, action in enumerate(concern.actions, start=1):
                rows.append(Row(category, concern, action, number, number == 1, span))
    return rows


def _same_row(a: Row, b: Row) -> bool:
    return (a.concern is b.concern and a.action is b.action and a.span == b.span and a.first == b.first
            and a.action_number == b.action_number and a.category is b.category)


def _changed_block(old: list[Row], new: list[Row]) -> tuple[int, int, int]:
    """Where ``new`` differs from ``old``: the first row that differs, and where the rows that
    stay the same to the end begin in ``old`` and in ``new``."""
    shorter = min(len(old), len(new))
    first = next((n for n, a, b in zip(range(shorter), old, new, strict=False) if not _same_row(a, b)), shorter)
    tail = shorter - first
    same_at_end = next((n for n, a, b in zip(range(tail), reversed(old), reversed(new), strict=False)
                        if not _same_row(a, b)), tail)
    return first, len(old) - same_at_end, len(new) - same_at_end


def _block_start(rows: list[Row], number: int) -> int:
    """The first row of the concern (or section) that row ``number`` belongs to."""
    while number > 0 and rows[number].concern is not None and not rows[number].first:
        number -= 1
    return number


def _block_end(rows: list[Row], number: int) -> int:
    """The row after the concern (or section) that row ``number`` belongs to; a number past
    the last row stays where it is."""
    if number >= len(rows):
        return len(rows)
    start = _block_start(rows, number)
    row = rows[start]
    return start + (1 if row.concern is None else row.span)


class PlanTableModel(QAbstractTableModel):
    """The plan as the published table. Edits become undo commands on the document."""

    rows_remeasure = Signal(list)
    """Rows whose text changed, so the view sizes just those again."""
    rows_about_to_change = Signal(int, int)
    """A structural edit is about to replace the rows from the first number up to (not
    including) the second: the view takes its spans off them."""
    rows_changed = Signal(int, int, list)
    """The rows from the first number up to the second were replaced (rows were removed and
    inserted there), and the concerns with these ids need measuring again."""
    rows_rebuilt = Signal()
    """After any change to the rows: a structural edit or a reset. Follow the current cell."""

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._rows: list[Row] = []
        self._row_of_action: dict[str, int] = {}
        self._first_row_of_concern: dict[str, int] = {}
        self._numbers_stale = False
        """Rows changed since ``_row_of_action`` and ``_first_row_of_concern`` were made."""
        self._references: dict[str, str] = {}
        self._findings: FindingsSource | None = None
        self._cell_findings: dict[tuple[int, int], list[Finding]] = {}
        """The findings each recently painted cell shows, by (row, column): a paint asks for them
        twice per cell, and a refresh repaints only the cells whose findings changed."""
        self._untracked = False
        """Cells were painted and then forgotten: the next refresh repaints everything."""
        self._bold = QFont()
        self._bold.setBold(True)
        self._rebuild()
        document.plan_replaced.connect(self.reload)
        document.edited.connect(self._on_edited)
        document.read_only_changed.connect(lambda _read_only: self._refresh_all())

    # Layout ------------------------------------------------------------------------------

    def _rebuild(self) -> None:
        self._set_rows(layout_rows(self.document.plan.concerns), self.document.plan.references())

    def _set_rows(self, rows: list[Row], references: dict[str, str]) -> None:
        self._cell_findings.clear()
        self._rows = rows
        self._references = references
        self._numbers_stale = True  # found again when first asked for

    def _number_rows(self) -> None:
        self._numbers_stale = False
        self._row_of_action = {}
        self._first_row_of_concern = {}
        for number, row in enumerate(self._rows):
            if row.action is not None:
                self._row_of_action[row.action.id] = number
            if row.first and row.concern is not None:
                self._first_row_of_concern[row.concern.id] = number

    def reload(self) -> None:
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()
        self.rows_rebuilt.emit()

    def _restructure(self, change: PlanChange) -> None:
        """Concerns or actions were added, removed or moved: replace only the rows that
        differ, between the rows that stayed the same at the top and at the bottom. A reset of
        the whole table would make the view forget every row's height and span, and measure
        and span a 10,000-action plan again."""
        old = self._rows
        new = layout_rows(self.document.plan.concerns)
        old_references = self._references
        references = self.document.plan.references()
        first, old_end, new_end = _changed_block(old, new)
        # The concerns whose actions changed are named; a concern added or moved renumbers
        # the concerns after it in its section.
        remeasure = set(change.concern_ids)
        remeasure.update(concern_id for concern_id, reference in references.items()
                         if old_references.get(concern_id) != reference)
        low = high = first
        if first < old_end or first < new_end:
            low = _block_start(old, first - 1) if first > 0 else 0
            self.rows_about_to_change.emit(low, _block_end(old, old_end))
            if first < old_end:
                self.beginRemoveRows(QModelIndex(), first, old_end - 1)
                self._set_rows(old[:first] + old[old_end:], old_references)
                self.endRemoveRows()
            if first < new_end:
                self.beginInsertRows(QModelIndex(), first, new_end - 1)
                self._set_rows(new, references)
                self.endInsertRows()
            high = _block_end(new, new_end)
        self._set_rows(new, references)
        self._untracked = True
        renumbered = [number for number in map(self.first_row_of_concern, remeasure) if number is not None]
        if renumbered:
            # One range, not a signal per cell: the view repaints once.
            self.dataChanged.emit(self.index(min(renumbered), Column.REC_NO),
                                  self.index(max(renumbered), Column.REC_NO))
        self.rows_changed.emit(low, high, sorted(remeasure))
        self.rows_rebuilt.emit()

    def rows(self) -> list[Row]:
        return self._rows

    def row(self, number: int) -> Row:
        return self._rows[number]

    def row_of_action(self, action_id: str) -> int | None:
        if self._numbers_stale:
            self._number_rows()
        return self._row_of_action.get(action_id)

    def first_row_of_concern(self, concern_id: str) -> int | None:
        if self._numbers_stale:
            self._number_rows()
        return self._first_row_of_concern.get(concern_id)

    def section_heading(self, category: Category) -> str:
        """"Priority concerns", or "Main recommendations" in a recommendations-era plan."""
        return category.heading_in(self.document.plan.details.era)

    def has_concerns(self) -> bool:
        return any(not row.is_section for row in self._rows)

    def section_row(self, category: Category) -> int:
        return next(n for n, row in enumerate(self._rows) if row.is_section and row.category is category)

    def reference(self, concern: Concern) -> str:
        return self._references.get(concern.id, "")

    def index_for(self, concern_id: str | None, action_id: str | None, field: str) -> QModelIndex:
        """The cell showing a field, or an invalid index for fields not in the table."""
        if concern_id is None:
            return QModelIndex()
        if action_id is not None:
            number = self.row_of_action(action_id)
            column = COLUMN_FOR_FIELD.get(("action", field), Column.ACTION)
        else:
            number = self.first_row_of_concern(concern_id)
            column = COLUMN_FOR_FIELD.get(("concern", field), Column.CONCERN)
        return QModelIndex() if number is None else self.index(number, column)

    def _on_edited(self, change: PlanChange) -> None:
        if change.structure:
            self._restructure(change)
            return
        if change.details and (not change.fields or "era" in change.fields):
            self._refresh_sections()
        if self._numbers_stale:
            self._number_rows()
        action_rows = {self._row_of_action[a] for a in change.action_ids if a in self._row_of_action}
        concern_rows = {self._first_row_of_concern[c] for c in change.concern_ids if c in self._first_row_of_concern}
        for number in sorted(action_rows):
            self._emit_changed_cells(number, "action", change.fields)
        for number in sorted(concern_rows):
            self._emit_changed_cells(number, "concern", change.fields)
        if action_rows or concern_rows:
            self.rows_remeasure.emit(sorted(action_rows | concern_rows))

    def _emit_changed_cells(self, number: int, kind: str, fields: frozenset[str]) -> None:
        # One cell at a time: the view repaints just that cell, where a range of cells (a
        # whole row) makes it repaint the whole table, on every keystroke.
        if not fields:  # not said which: the whole row
            self.dataChanged.emit(self.index(number, 0), self.index(number, len(Column) - 1))
            return
        for column in sorted({COLUMN_FOR_FIELD[(kind, f)] for f in fields if (kind, f) in COLUMN_FOR_FIELD}):
            index = self.index(number, column)
            self.dataChanged.emit(index, index)

    def _refresh_sections(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, Column.CONCERN, Column.CONCERN)
        for number, row in enumerate(self._rows):
            if row.is_section:
                self.dataChanged.emit(self.index(number, 0), self.index(number, len(Column) - 1))

    def _refresh_all(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1))

    # Findings ----------------------------------------------------------------------------

    def set_findings_source(self, source: FindingsSource | None) -> None:
        self._findings = source
        self._untracked = True
        self.refresh_findings()

    def refresh_findings(self) -> None:
        """New findings: repaint the marks of the cells whose findings changed."""
        if not self._rows:
            return
        if self._untracked:
            self._cell_findings.clear()
            self._untracked = False
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1),
                                  _FINDING_ROLES)
            return
        changed = []
        for key, shown in self._cell_findings.items():
            found = self._look_up_findings(*key)
            if found != shown:
                self._cell_findings[key] = found
                changed.append(key)
        for number, column in changed:
            index = self.index(number, column)
            self.dataChanged.emit(index, index, _FINDING_ROLES)

    def findings_at(self, index: ModelIndex) -> list[Finding]:
        return self.cell_findings(index.row(), index.column())

    def cell_findings(self, number: int, column: int) -> list[Finding]:
        """The findings shown in the cell at row ``number``, ``column``."""
        key = (number, int(column))
        found = self._cell_findings.get(key)
        if found is None:
            if len(self._cell_findings) >= _TRACKED_CELLS:
                # Scrolled far: stop comparing cells long out of view; repaint all next time.
                self._cell_findings.clear()
                self._untracked = True
            found = self._cell_findings[key] = self._look_up_findings(*key)
        return found

    def _look_up_findings(self, number: int, column_number: int) -> list[Finding]:
        row = self._rows[number]
        if self._findings is None or row.concern is None:
            return []
        column = _COLUMNS[column_number]
        if column.is_concern_column:
            return self._findings.findings_for(row.concern.id, None, column.field)
        if row.action is None:
            return []
        return self._findings.findings_for(row.concern.id, row.action.id, column.field)

    # Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                if section == Column.CONCERN and self.document.plan.details.era is Era.RECOMMENDATIONS:
                    return "Recommendation"  # as the exported table's heading in that era
                return Column(section).heading
            if role == Qt.ItemDataRole.TextAlignmentRole:
                # Wrapped onto two lines in a narrow column, not cut off.
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in _UNANSWERED_ROLES or not index.isValid():
            return None
        number = index.row()
        if not 0 <= number < len(self._rows):
            return None
        return self._answer(self._rows[number], number, index.column(), role)

    def multiData(self, index: ModelIndex, roleDataSpan: Any) -> None:  # noqa: N802 (Qt's name)
        """Every role a delegate asks for when it paints a cell, in one call instead of seven
        (painting a page asks for a few hundred). The answers are ``data``'s; the roles every
        paint asks for are answered here directly."""
        number = index.row() if index.isValid() else -1
        if not 0 <= number < len(self._rows):
            for role_data in roleDataSpan:
                role_data.clearData()
            return
        row = self._rows[number]
        column = index.column()
        value: Any
        if row.concern is None:
            for role_data in roleDataSpan:
                value = self._section_data(row, column, role_data.role())
                if value is None:
                    role_data.clearData()
                else:
                    role_data.setData(value)
            return
        cell = _COLUMNS[column]
        findings: list[Finding] | None = None
        for role_data in roleDataSpan:
            role = role_data.role()
            if role == _DISPLAY:
                value = self.cell_text(row, cell)
            elif role == _ALIGNMENT:
                value = _TOP_LEFT
            elif role == _FONT:
                value = self._bold if column == 0 else None
            elif role in _UNANSWERED_INTS:
                value = None
            elif role in _FINDING_INTS:
                if findings is None:
                    findings = self.cell_findings(number, column)
                value = _finding_data(findings, role)
            else:
                value = self._cell_data(row, cell, number, role)
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def _answer(self, row: Row, number: int, column: int, role: int) -> Any:
        if row.concern is None:
            return self._section_data(row, column, role)
        return self._cell_data(row, _COLUMNS[column], number, role)

    def _section_data(self, row: Row, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.section_heading(row.category) if column == 0 else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole:
            return _SECTION_BRUSH
        if role == IS_SECTION_ROLE:
            return True
        return None

    def _cell_data(self, row: Row, column: Column, number: int, role: int) -> Any:
        concern = row.concern
        assert concern is not None
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.EditRole:
            return self.cell_text(row, column, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _TOP_LEFT
        if role in _FINDING_ROLES_SET:
            return _finding_data(self.cell_findings(number, column), role)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if column is Column.REC_NO else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible_text(row, column)
        if role == CONCERN_ID_ROLE:
            return concern.id
        if role == ACTION_ID_ROLE:
            return row.action.id if row.action is not None else None
        if role == IS_SECTION_ROLE:
            return False
        if role == TARGET_ROLE:
            return row.action.target if row.action is not None and column is Column.TARGET else None
        return None

    def cell_text(self, row: Row, column: Column, editing: bool = False) -> str:
        concern = row.concern
        if concern is None:
            return self.section_heading(row.category) if column is Column.REC_NO else ""
        if column is Column.REC_NO:
            return concern.reference if editing else self._references.get(concern.id, "")
        if column is Column.CONCERN:
            return concern.text
        action = row.action
        if action is None:
            return ""
        if column is Column.ACTION:
            return action.text
        if column is Column.OWNER:
            return action.owner
        return action.target.format()

    def _accessible_text(self, row: Row, column: Column) -> str:
        assert row.concern is not None
        where = f"{row.concern.category.singular.capitalize()} {self.reference(row.concern)}"
        if not column.is_concern_column:
            where += f", action {row.action_number}" if row.action is not None else ", no actions yet"
        text = self.cell_text(row, column) or "empty"
        return f"{where}, {column.heading}: {text}"

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        # Asked for every cell painted: the answers are made once, not combined on each call.
        if self._rows[index.row()].concern is None:
            return _SECTION_FLAGS
        return _READ_ONLY_CELL_FLAGS if self.document.read_only else _CELL_FLAGS

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        return role == Qt.ItemDataRole.EditRole and self.set_field(index, value)

    def set_field(self, index: ModelIndex, value: Any, merge_key: object | None = None) -> bool:
        """``setData`` for the edit role. Edits with the same ``merge_key`` on the same cell merge
        into one undo step (typing in an open cell editor)."""
        if not index.isValid() or self.document.read_only:
            return False
        row = self._rows[index.row()]
        if row.concern is None:
            return False
        column = Column(index.column())
        if column is Column.TARGET and isinstance(value, str):
            value = TargetDate.parse(value)
        if value is None:
            value = TargetDate.not_set() if column is Column.TARGET else ""
        if row.action is None and not column.is_concern_column:
            return self._add_first_action(row.concern, column, value)
        action_id = None if column.is_concern_column or row.action is None else row.action.id
        ref = FieldRef(row.concern.id, action_id, column.field)
        if ref.read(self.document.plan) == value:
            return True
        self.document.undo_stack.push(commands.SetField(self.document, ref, value, merge_key=merge_key))
        return True

    def clear_cells(self, indexes: Sequence[ModelIndex]) -> int:
        """Delete pressed on selected cells: empty each text, owner and target cell, and put a
        manual Rec No back to automatic numbering, as one undo step. Section rows and cells
        already empty are left alone. Returns how many cells changed."""
        if self.document.read_only:
            return 0
        refs: dict[FieldRef, Any] = {}
        for index in indexes:
            row = self._rows[index.row()] if index.isValid() and index.row() < len(self._rows) else None
            if row is None or row.concern is None:
                continue
            column = Column(index.column())
            if column.is_concern_column:
                ref = FieldRef(row.concern.id, None, column.field)
            elif row.action is not None:
                ref = FieldRef(row.concern.id, row.action.id, column.field)
            else:
                continue  # the empty row of a concern with no actions
            empty = TargetDate.not_set() if column is Column.TARGET else ""
            if ref.read(self.document.plan) != empty:
                refs[ref] = empty
        if not refs:
            return 0
        stack = self.document.undo_stack
        if len(refs) == 1:
            ref, empty = next(iter(refs.items()))
            stack.push(commands.SetField(self.document, ref, empty))
            return 1
        stack.beginMacro(f"Clear {len(refs)} cells")
        for ref, empty in refs.items():
            stack.push(commands.SetField(self.document, ref, empty))
        stack.endMacro()
        return len(refs)

    def _add_first_action(self, concern: Concern, column: Column, value: Any) -> bool:
        """Typing into the empty action row of a concern creates its first action."""
        if value in ("", TargetDate.not_set()):
            return True
        action = Action(**{column.field: value})
        self.document.undo_stack.push(commands.AddAction(self.document, concern.id, action))
        return True

    # Drag and drop -----------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        kind, ids = self.dragged_items(indexes)
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(json.dumps({"kind": kind, "ids": ids}).encode()))
        return data

    def dragged_items(self, indexes: Sequence[ModelIndex]) -> tuple[str, list[str]]:
        """Concerns when any concern cell is among ``indexes``, otherwise actions."""
        rows = [self._rows[i.row()] for i in sorted(indexes, key=lambda i: (i.row(), i.column()))]
        as_concerns = any(Column(i.column()).is_concern_column for i in indexes)
        ids: list[str] = []
        for row, index in zip(rows, sorted(indexes, key=lambda i: (i.row(), i.column())), strict=True):
            if row.concern is None:
                continue
            if as_concerns and Column(index.column()).is_concern_column:
                item_id = row.concern.id
            elif not as_concerns and row.action is not None:
                item_id = row.action.id
            else:
                continue
            if item_id not in ids:
                ids.append(item_id)
        return ("concern" if as_concerns else "action"), ids

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex) -> bool:
        return data.hasFormat(MIME_TYPE) and not self.document.read_only

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode())
        target_row = parent.row() if row < 0 and parent.isValid() else row
        if target_row < 0:
            target_row = len(self._rows)
        target_column = parent.column() if parent.isValid() else column
        return drop_items(self, payload["kind"], payload["ids"], target_row, target_column)


_FINDING_ROLES = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole,
                  Qt.ItemDataRole.DecorationRole, FINDINGS_ROLE]
_FINDING_ROLES_SET = frozenset(_FINDING_ROLES)
_FINDING_INTS = frozenset(int(role) for role in _FINDING_ROLES)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_COLUMNS = tuple(Column)
"""``Column`` by number, without the enum's lookup on every call."""
_TOP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_SECTION_BRUSH = QBrush(_SECTION_TINT)
_SECTION_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
_READ_ONLY_CELL_FLAGS = _SECTION_FLAGS | Qt.ItemFlag.ItemIsDragEnabled
_CELL_FLAGS = _READ_ONLY_CELL_FLAGS | Qt.ItemFlag.ItemIsEditable
_TRACKED_CELLS = 1500
"""About three screens of cells; comparing them after an edit costs a millisecond or two."""
_UNANSWERED_ROLES = frozenset({Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.CheckStateRole})
"""Asked for on every cell of every paint, never answered: returned early, because painting a
page asks ``data`` several hundred times."""
_UNANSWERED_INTS = frozenset(int(role) for role in _UNANSWERED_ROLES)
_ICONS: dict[bool, QIcon] = {}


def _finding_data(findings: list[Finding], role: int) -> Any:
    if role == FINDINGS_ROLE:
        return findings
    if not findings:
        return None
    has_error = any(f.severity is Severity.ERROR for f in findings)
    if role == Qt.ItemDataRole.BackgroundRole:
        return QBrush(_ERROR_TINT if has_error else _WARNING_TINT)
    if role == Qt.ItemDataRole.ToolTipRole:
        # "Why it matters" comes from the rule (empty for hand-made findings).
        return "\n".join(f"{f.severity.value.capitalize()}: {f.message}" + (f" Why it matters: {f.why}" if f.why else "")
                         for f in findings)
    return _icon(has_error)


def _icon(error: bool) -> QIcon:
    if error not in _ICONS:
        style = QApplication.style()
        pixmap = QStyle.StandardPixmap.SP_MessageBoxCritical if error else QStyle.StandardPixmap.SP_MessageBoxWarning
        _ICONS[error] = style.standardIcon(pixmap)
    return _ICONS[error]


# Dropping ------------------------------------------------------------------------------------


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
