"""The Qt adapter for the progress view: one row per action, in plan order, with the published
columns and then the action's status, where it stands, its lead and its latest update.

The model is awake only while the progress view is shown (``set_awake``). Asleep it has no
rows and ignores edits, so the drafting view pays nothing for it; woken, it lays out the plan
once (about 40 ms at 10,000 actions) and then follows ``document.edited`` row by row.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush

from actionplan import clock
from actionplan.changes import PlanChange
from actionplan.model import Action, Concern
from actionplan.progress import ActionStatus
from actionplan.target_date import format_long_date
from actionplan.tracking import DUE_SOON_DAYS, Position, Standing, done_by_target, position
from editor.edits.commands import FieldRef, SetField
from editor.edits.document import PlanDocument
from editor.progress.progress_words import POSITION_TINTS, latest_update_words
from editor.table.columns import ACTION_ID_ROLE, CONCERN_ID_ROLE

ModelIndex = QModelIndex | QPersistentModelIndex

STATUS_ROLE = Qt.ItemDataRole.UserRole + 20
"""The ``ActionStatus`` of a row (the status cell's editor starts from it). Through Qt it
arrives as its value, a plain string."""
POSITION_ROLE = Qt.ItemDataRole.UserRole + 21
"""The ``Position`` of a row, which arrives through Qt as its words."""


class ProgressColumn(IntEnum):
    REC_NO = 0
    CONCERN = 1
    ACTION = 2
    OWNER = 3
    TARGET = 4
    STATUS = 5
    POSITION = 6
    LEAD = 7
    LATEST = 8

    @property
    def heading(self) -> str:
        return _HEADINGS[self]


_HEADINGS = {
    ProgressColumn.REC_NO: "Rec No",
    ProgressColumn.CONCERN: "Concerns",
    ProgressColumn.ACTION: "Response action taken/planned",
    ProgressColumn.OWNER: "Responsible owner",
    ProgressColumn.TARGET: "Target date",
    ProgressColumn.STATUS: "Status",
    ProgressColumn.POSITION: "Position",
    ProgressColumn.LEAD: "Lead",
    ProgressColumn.LATEST: "Latest update",
}
EDITABLE_COLUMNS = frozenset({ProgressColumn.STATUS, ProgressColumn.LEAD})
_COLUMNS = list(ProgressColumn)
_TEXT_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole})
_ANSWERED = frozenset({*_TEXT_ROLES, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole,
                       Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.TextAlignmentRole,
                       ACTION_ID_ROLE, CONCERN_ID_ROLE, STATUS_ROLE, POSITION_ROLE})
_TOP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_TINTS = {where: QBrush(tint) for where, tint in POSITION_TINTS.items()}

SetStatus = Callable[[str, ActionStatus], object]
"""Records that an action (by id) now has a status: ``ProgressRecorder.set_status``."""


_DONE = frozenset(status for status in ActionStatus if status.is_done)


class Positions:
    """``tracking.position`` for many actions on one day: an action not done stands where its
    latest target puts it, so each target is worked out once (a plan has a few dozen)."""

    def __init__(self, as_of: dt.date, due_soon_days: int) -> None:
        self.as_of = as_of
        self.due_soon_days = due_soon_days
        self._by_target: dict[tuple[object, ...], Position] = {}

    def of(self, action: Action) -> Position:
        if action.status in _DONE:
            return Position.COMPLETE
        target = action.target_revisions[-1].target if action.target_revisions else action.target
        if target.is_completed:  # complete only while no status is recorded: not one per target
            return position(action, self.as_of, self.due_soon_days)
        key = (target.kind, target.year, target.month, target.day)
        found = self._by_target.get(key)
        if found is None:
            found = self._by_target[key] = position(action, self.as_of, self.due_soon_days)
        return found


@dataclass(slots=True)
class ProgressRow:
    concern: Concern
    action: Action
    reference: str
    position: Position


class ProgressModel(QAbstractTableModel):
    """The plan's actions as the progress view shows them. Status and lead are edited here:
    a status through ``set_status`` (it records an update), a lead as one ``SetField``."""

    standing_changed = Signal()
    """Where the actions stand may have changed: the summary line follows."""

    def __init__(self, document: PlanDocument, set_status: SetStatus,
                 today: Callable[[], dt.date] = clock.today,
                 due_soon_days: Callable[[], int] = lambda: DUE_SOON_DAYS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.set_status = set_status
        self.today = today
        self.due_soon_days = due_soon_days
        self.as_of = today()
        self._awake = False
        self._rows: list[ProgressRow] = []
        self._row_of_action: dict[str, int] = {}
        document.edited.connect(self._on_edited)
        document.plan_replaced.connect(self.refresh)
        document.read_only_changed.connect(lambda _read_only: self._all_changed())

    # Waking and laying out -------------------------------------------------------------------

    @property
    def awake(self) -> bool:
        return self._awake

    def set_awake(self, awake: bool) -> None:
        if awake != self._awake:
            self._awake = awake
            self.refresh()

    def refresh(self) -> None:
        """Lay the plan out again (and count positions from today, which may have moved on)."""
        self.beginResetModel()
        self._lay_out()
        self.endResetModel()
        self.standing_changed.emit()

    def _lay_out(self) -> None:
        self.as_of = self.today()
        if not self._awake:
            self._rows, self._row_of_action = [], {}
            return
        plan = self.document.plan
        references = plan.references()
        where = Positions(self.as_of, self.due_soon_days())
        self._rows = [ProgressRow(concern, action, references.get(concern.id, ""), where.of(action))
                      for concern, action in plan.all_actions()]
        self._row_of_action = {row.action.id: number for number, row in enumerate(self._rows)}

    def _on_edited(self, change: object) -> None:
        if not self._awake:
            return
        if not isinstance(change, PlanChange) or change.structure or not self._ids_known(change):
            self.refresh()
            return
        if change.details:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(ProgressColumn) - 1)
        numbers = [self._row_of_action[action_id] for action_id in change.action_ids]
        if change.concern_ids:
            numbers += [n for n, row in enumerate(self._rows) if row.concern.id in change.concern_ids]
        where = Positions(self.as_of, self.due_soon_days())
        for number in numbers:
            row = self._rows[number]
            row.position = where.of(row.action)
        if numbers:
            self.dataChanged.emit(self.index(min(numbers), 0), self.index(max(numbers), len(ProgressColumn) - 1))
            self.standing_changed.emit()

    def _ids_known(self, change: PlanChange) -> bool:
        # An action not among the rows means a change of structure that was not called one.
        return all(action_id in self._row_of_action for action_id in change.action_ids)

    def _all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(ProgressColumn) - 1))

    # Reading ---------------------------------------------------------------------------------

    def rows(self) -> list[ProgressRow]:
        return self._rows

    def row(self, number: int) -> ProgressRow:
        return self._rows[number]

    def row_of_action(self, action_id: str) -> int | None:
        return self._row_of_action.get(action_id)

    def standing(self) -> Standing:
        return Standing(Counter(row.position for row in self._rows))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ProgressColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == ProgressColumn.CONCERN:
            return self.document.plan.details.era.item_noun(plural=True).capitalize()
        return ProgressColumn(section).heading if 0 <= section < len(ProgressColumn) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Painting a cell asks for a dozen roles; most are not answered, so they leave first.
        if role not in _ANSWERED or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = _COLUMNS[index.column()]
        if role in _TEXT_ROLES:
            return self.cell_text(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return _TINTS[row.position] if column is ProgressColumn.POSITION else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _TOP_LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{column.heading}: {self.cell_text(row, column) or 'none'}"
        return self._id_data(row, role)

    def _id_data(self, row: ProgressRow, role: int) -> Any:
        if role == ACTION_ID_ROLE:
            return row.action.id
        if role == CONCERN_ID_ROLE:
            return row.concern.id
        if role == STATUS_ROLE:
            return row.action.status
        if role == POSITION_ROLE:
            return row.position
        return None

    def cell_text(self, row: ProgressRow, column: ProgressColumn) -> str:
        action = row.action
        if column is ProgressColumn.REC_NO:
            return row.reference
        if column is ProgressColumn.CONCERN:
            return row.concern.text
        if column is ProgressColumn.ACTION:
            return action.text
        if column is ProgressColumn.OWNER:
            return action.owner
        if column is ProgressColumn.TARGET:
            return target_words(action)
        if column is ProgressColumn.STATUS:
            return action.status.label
        if column is ProgressColumn.POSITION:
            return row.position.words
        if column is ProgressColumn.LEAD:
            return action.lead
        return latest_update_words(action)

    def _tooltip(self, row: ProgressRow, column: ProgressColumn) -> str | None:
        if column is ProgressColumn.POSITION:
            return position_explained(row.action, row.position, self.as_of)
        if column in (ProgressColumn.STATUS, ProgressColumn.LEAD):
            return None
        return self.cell_text(row, column) or None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in EDITABLE_COLUMNS and not self.document.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # Editing ---------------------------------------------------------------------------------

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.document.read_only:
            return False
        row = self._rows[index.row()]
        if index.column() == ProgressColumn.STATUS:
            status = value if isinstance(value, ActionStatus) else ActionStatus.from_words(str(value))
            if status is None or status is row.action.status:
                return False
            self.set_status(row.action.id, status)
            return True
        if index.column() == ProgressColumn.LEAD:
            lead = " ".join(str(value).split())
            if lead == row.action.lead:
                return False
            ref = FieldRef(row.concern.id, row.action.id, "lead")
            self.document.undo_stack.push(SetField(self.document, ref, lead))
            return True
        return False


def target_words(action: Action) -> str:
    """The published target, and the agreed one below it when it has been revised."""
    published = action.target.format() or "Not set"
    if not action.target_revisions:
        return published
    return f"{published}\nRevised to {action.current_target().format()}"


def position_explained(action: Action, where: Position, as_of: dt.date) -> str:
    """Why an action stands where it does, for its tooltip."""
    target = action.current_target().format()
    on = format_long_date(as_of)
    if where is Position.COMPLETE and done_by_target(action):
        return f"Complete: its target says {target}, and no status has been recorded yet."
    if where is Position.NO_DATE and action.current_target().is_completed:
        return (f"No date: its target says {target}, but its status is {action.status.label}. "
                "Revise the target, or record the status.")
    return {
        Position.COMPLETE: f"Complete: its status is {action.status.label}.",
        Position.OVERDUE: f"Overdue: its target, {target}, had passed on {on}.",
        Position.DUE_SOON: f"Due soon: its target, {target}, is close (as of {on}).",
        Position.ON_TRACK: f"On track: its target, {target}, is not close yet (as of {on}).",
        Position.NO_DATE: "No date: it has no target date to count from.",
    }[where]
