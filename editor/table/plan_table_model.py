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

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont

from actionplan.changes import PlanChange
from actionplan.model import Category, Concern, Era
from actionplan.validation.findings import Finding
from editor.edits.document import PlanDocument
from editor.table.cell_edits import clear_cells, set_cell
from editor.table.cell_marks import (
    FINDING_INTS,
    FINDING_ROLES,
    FINDING_ROLES_SET,
    SECTION_TINT,
    FindingsSource,
    ShownFindings,
    finding_data,
)
from editor.table.columns import (
    ACTION_ID_ROLE,
    COLUMN_FOR_FIELD,
    CONCERN_ID_ROLE,
    IS_SECTION_ROLE,
    TARGET_ROLE,
    Column,
)
from editor.table.drag_and_drop import MIME_TYPE, drag_payload, dragged_items, drop_items, read_payload
from editor.table.table_rows import Row, block_end, block_start, changed_block, layout_rows

ModelIndex = QModelIndex | QPersistentModelIndex


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
        self._marks = ShownFindings(self._look_up_findings)
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
        self._marks.forget_cells()
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
        first, old_end, new_end = changed_block(old, new)
        # The concerns whose actions changed are named; a concern added or moved renumbers
        # the concerns after it in its section.
        remeasure = set(change.concern_ids)
        remeasure.update(concern_id for concern_id, reference in references.items()
                         if old_references.get(concern_id) != reference)
        low = high = first
        if first < old_end or first < new_end:
            low = block_start(old, first - 1) if first > 0 else 0
            self.rows_about_to_change.emit(low, block_end(old, old_end))
            if first < old_end:
                self.beginRemoveRows(QModelIndex(), first, old_end - 1)
                self._set_rows(old[:first] + old[old_end:], old_references)
                self.endRemoveRows()
            if first < new_end:
                self.beginInsertRows(QModelIndex(), first, new_end - 1)
                self._set_rows(new, references)
                self.endInsertRows()
            high = block_end(new, new_end)
        self._set_rows(new, references)
        self._marks.untracked = True
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
        self._marks.untracked = True
        self.refresh_findings()

    def refresh_findings(self) -> None:
        """New findings: repaint the marks of the cells whose findings changed."""
        if not self._rows:
            return
        changed = self._marks.changed_cells()
        if changed is None:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1),
                                  FINDING_ROLES)
            return
        for number, column in changed:
            index = self.index(number, column)
            self.dataChanged.emit(index, index, FINDING_ROLES)

    def findings_at(self, index: ModelIndex) -> list[Finding]:
        return self.cell_findings(index.row(), index.column())

    def cell_findings(self, number: int, column: int) -> list[Finding]:
        """The findings shown in the cell at row ``number``, ``column``."""
        return self._marks.shown(number, int(column))

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
            elif role in FINDING_INTS:
                if findings is None:
                    findings = self.cell_findings(number, column)
                value = finding_data(findings, role)
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
        if role in FINDING_ROLES_SET:
            return finding_data(self.cell_findings(number, column), role)
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
        return set_cell(self.document, self._rows[index.row()], Column(index.column()), value, merge_key)

    def clear_cells(self, indexes: Sequence[ModelIndex]) -> int:
        """Delete pressed on selected cells: see ``cell_edits.clear_cells``. Returns how many
        cells changed."""
        if self.document.read_only:
            return 0
        cells = [(self._rows[index.row()], Column(index.column())) for index in indexes
                 if index.isValid() and index.row() < len(self._rows)]
        return clear_cells(self.document, cells)

    # Drag and drop -----------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        return drag_payload(*self.dragged_items(indexes))

    def dragged_items(self, indexes: Sequence[ModelIndex]) -> tuple[str, list[str]]:
        """Concerns when any concern cell is among ``indexes``, otherwise actions."""
        cells = sorted((i.row(), i.column()) for i in indexes)
        return dragged_items([(self._rows[number], column) for number, column in cells])

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex) -> bool:
        return data.hasFormat(MIME_TYPE) and not self.document.read_only

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        kind, ids = read_payload(data)
        target_row = parent.row() if row < 0 and parent.isValid() else row
        if target_row < 0:
            target_row = len(self._rows)
        target_column = parent.column() if parent.isValid() else column
        return drop_items(self, kind, ids, target_row, target_column)


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_COLUMNS = tuple(Column)
"""``Column`` by number, without the enum's lookup on every call."""
_TOP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_SECTION_BRUSH = QBrush(SECTION_TINT)
_SECTION_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
_READ_ONLY_CELL_FLAGS = _SECTION_FLAGS | Qt.ItemFlag.ItemIsDragEnabled
_CELL_FLAGS = _READ_ONLY_CELL_FLAGS | Qt.ItemFlag.ItemIsEditable
_UNANSWERED_ROLES = frozenset({Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.CheckStateRole})
"""Asked for on every cell of every paint, never answered: returned early, because painting a
page asks ``data`` several hundred times."""
_UNANSWERED_INTS = frozenset(int(role) for role in _UNANSWERED_ROLES)



