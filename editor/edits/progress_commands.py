"""Undo commands for progress: recording updates, revised targets and evidence on one or more
actions as one undo step (a form read back changes many at once).

The recording itself is ``actionplan.recording``'s; the command keeps what the actions held
before and after, so undo and redo put back exactly those records, in their order, with their
ids. A lead, the evidence needed and a concern's IRP judgements are plain fields: ``SetField``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtGui import QUndoCommand

from actionplan.changes import PlanChange
from actionplan.model import Action
from actionplan.progress import ProgressUpdate
from actionplan.recording import note_published_target_change
from actionplan.target_date import TargetDate
from editor.edits.commands import FieldRef, PlanCommand, SetField
from editor.edits.document import PlanDocument

PROGRESS_FIELDS = ("status", "lead", "updates", "evidence_needed", "evidence", "target_revisions")
"""An action's fields that progress recording may change."""

Record = Callable[[dict[str, Action]], None]
"""Changes the actions given by id, through ``actionplan.recording``."""

_Held = dict[str, dict[str, Any]]


class RecordProgress(PlanCommand):
    """Progress recorded on the actions with ``action_ids`` by ``record``, as one undo step."""

    def __init__(self, document: PlanDocument, action_ids: Iterable[str], record: Record, text: str) -> None:
        super().__init__(document, text)
        self.action_ids = list(dict.fromkeys(action_ids))
        self.record = record
        self.before = self._held()
        self.after: _Held | None = None

    def _actions(self) -> dict[str, Action]:
        found = {}
        for action_id in self.action_ids:
            where = self.plan.find_action(action_id)
            if where is None:
                raise KeyError(f"no action {action_id}")
            found[action_id] = where[1]
        return found

    def _held(self) -> _Held:
        # Records are never changed once made, so copies of the lists keep them as they were.
        return {action_id: {name: _copied(getattr(action, name)) for name in PROGRESS_FIELDS}
                for action_id, action in self._actions().items()}

    def _put_back(self, held: _Held) -> None:
        for action_id, action in self._actions().items():
            for name, value in held[action_id].items():
                setattr(action, name, _copied(value))

    def _do(self) -> PlanChange:
        if self.after is None:
            self.record(self._actions())
            self.after = self._held()
        else:
            self._put_back(self.after)
        return self._change()

    def _undo(self) -> PlanChange:
        self._put_back(self.before)
        return self._change()

    def _change(self) -> PlanChange:
        return PlanChange(action_ids=frozenset(self.action_ids), fields=frozenset(PROGRESS_FIELDS))


class ChangePublishedTarget(SetField):
    """The published target of an action being tracked, changed in the plan itself rather than
    revised: the change, and an update in the action's history saying what it was and what it
    is now. Typing in the cell merges into one step, whose update always tells the whole change."""

    def __init__(self, document: PlanDocument, ref: FieldRef, value: TargetDate, on: dt.date, author: str,
                 merge_key: object | None = None) -> None:
        super().__init__(document, ref, value, merge_key)
        self.setText("Change published target date")
        self.on, self.author = on, author
        self.updates_before = list(self._action().updates)
        self._notes: dict[TargetDate, list[ProgressUpdate]] = {}
        """The updates after each change made, so redo puts back the same record, with its id."""

    def _action(self) -> Action:
        assert self.ref.action_id is not None
        found = self.plan.find_action(self.ref.action_id)
        if found is None:
            raise KeyError(f"no action {self.ref.action_id}")
        return found[1]

    def _do(self) -> PlanChange:
        change = super()._do()
        self._note()
        return _with_updates(change)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not super().mergeWith(other):
            return False
        # ``other`` has already noted its own step: one update tells the change from the start.
        self._note()
        self.document.edited.emit(_with_updates(self.ref.change()))
        return True

    def _note(self) -> None:
        action = self._action()
        if self.new == self.old:
            action.updates = list(self.updates_before)
            return
        if self.new not in self._notes:
            action.updates = list(self.updates_before)
            note_published_target_change(action, self.old, self.new, self.on, self.author)
            self._notes[self.new] = list(action.updates)
        action.updates = list(self._notes[self.new])

    def _undo(self) -> PlanChange:
        change = super()._undo()
        self._action().updates = list(self.updates_before)
        return _with_updates(change)


def _with_updates(change: PlanChange) -> PlanChange:
    return PlanChange(action_ids=change.action_ids, fields=change.fields | {"updates"})


def _copied(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value
