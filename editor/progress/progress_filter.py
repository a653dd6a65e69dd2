"""Which actions the progress view shows: overdue, due soon, by lead, by owner, by status.

``ProgressFilter`` is the choice, plain data; ``FilteredProgress`` is the proxy that applies it
over a ``ProgressModel`` without copying it. It also shows a concern's text on the first row
of its actions only, as the published table does, so the rows read in groups.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from actionplan.progress import ActionStatus
from actionplan.tracking import Position
from editor.progress.progress_model import ProgressColumn, ProgressModel, ProgressRow

ModelIndex = QModelIndex | QPersistentModelIndex

NO_LEAD = ""
"""The lead filter's choice for actions with no lead yet."""


@dataclass(frozen=True)
class ProgressFilter:
    """What to show. Each part left as None (or, for positions, empty) lets every action by."""

    positions: frozenset[Position] = frozenset()
    """Overdue, due soon: an action in any of them is shown."""
    lead: str | None = None
    owner: str | None = None
    status: ActionStatus | None = None

    @property
    def is_on(self) -> bool:
        return bool(self.positions) or any(part is not None for part in (self.lead, self.owner, self.status))

    def accepts(self, row: ProgressRow) -> bool:
        action = row.action
        return ((not self.positions or row.position in self.positions)
                and (self.lead is None or action.lead.strip() == self.lead)
                and (self.owner is None or action.owner.strip() == self.owner)
                and (self.status is None or action.status is self.status))


class FilteredProgress(QSortFilterProxyModel):
    """The rows of a ``ProgressModel`` that pass a ``ProgressFilter``, in plan order."""

    def __init__(self, source: ProgressModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.progress = source
        self.choice = ProgressFilter()
        self._on = False
        self.setSourceModel(source)
        self.setDynamicSortFilter(True)  # a row whose status changes is filtered again

    def set_filter(self, choice: ProgressFilter) -> None:
        if choice == self.choice:
            return
        if hasattr(self, "endFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self.choice, self._on = choice, choice.is_on
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.choice, self._on = choice, choice.is_on
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if not self._on:  # called for every row: the common case costs one test
            return True
        return self.choice.accepts(self.progress.row(source_row))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.column() == ProgressColumn.CONCERN \
                and index.isValid() and index.row() > 0 and self._continues_concern(index.row()):
            return ""
        return super().data(index, role)

    def _continues_concern(self, number: int) -> bool:
        here = self.mapToSource(self.index(number, 0)).row()
        before = self.mapToSource(self.index(number - 1, 0)).row()
        rows = self.progress.rows()
        return rows[here].concern is rows[before].concern

    def source_row(self, number: int) -> ProgressRow:
        return self.progress.row(self.mapToSource(self.index(number, 0)).row())

    def row_of_action(self, action_id: str) -> int | None:
        number = self.progress.row_of_action(action_id)
        if number is None:
            return None
        mapped = self.mapFromSource(self.progress.index(number, 0))
        return mapped.row() if mapped.isValid() else None
