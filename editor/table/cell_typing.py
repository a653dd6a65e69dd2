"""Typing in an open table cell reaches the plan while it is typed, not only when the edit is
kept, so validation, the inspector and autosave see it, and a crash loses at most a moment's
typing. Concern and action text, responsible owners and target dates all work this way.

While a cell editor is open its value is pushed at most every ``COMMIT_EVERY_MS`` as one
merging ``SetField``: the whole visit to the cell is one undo step. Keeping the edit pushes the
last value into that same step; Esc pushes back the value the cell had when editing started,
which leaves nothing to undo. A target date is pushed as typed, understood or not: the plan
keeps text it does not understand word for word. But a target not understood yet waits for a
pause in typing (``NOT_UNDERSTOOD_PAUSE_MS``), so a half-typed "Dec" or "31/0" does not put an
error in the Problems list at every keystroke.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, SignalInstance
from PySide6.QtWidgets import QWidget

from actionplan.target_date import TargetDate
from editor.table.columns import ACTION_ID_ROLE, TARGET_ROLE, Column
from editor.table.plan_table_model import PlanTableModel

COMMIT_EVERY_MS = 300
"""Often enough that autosave sees typing within a third of a second, rarely enough that a
keystroke seldom pays for an undo command, a row update and validation."""

NOT_UNDERSTOOD_PAUSE_MS = 800
"""How long typing must pause before a target date that is not understood reaches the plan. A
date takes a few seconds to type, so at most those few characters wait; anything understood
("Dec 2026") goes at the usual pace."""

ModelIndex = QModelIndex | QPersistentModelIndex

_LIVE_COLUMNS = (Column.CONCERN, Column.ACTION, Column.OWNER, Column.TARGET)


def types_live(index: ModelIndex) -> bool:
    """Whether typing in this cell can reach the plan as it is typed. Not in a concern's empty
    action row: its first keystroke would create the action, rebuilding the rows under the
    open editor, so that cell is kept only when the edit finishes. Not the Rec No either."""
    model = index.model()
    if not isinstance(model, PlanTableModel) or not index.isValid():
        return False
    column = Column(index.column())
    if column not in _LIVE_COLUMNS:
        return False
    return column.is_concern_column or index.data(ACTION_ID_ROLE) is not None


def cell_value(index: ModelIndex) -> Any:
    """What the plan holds for an editable cell: a ``TargetDate`` for a target, else text."""
    if Column(index.column()) is Column.TARGET:
        target = index.data(TARGET_ROLE)
        return target if isinstance(target, TargetDate) else TargetDate.not_set()
    return str(index.data(Qt.ItemDataRole.EditRole) or "")


class CellTyping(QObject):
    """One visit to a cell: lives as long as its editor (it is the editor's child).

    ``read`` gives the editor's value now, in the plan's terms (text, or a ``TargetDate``);
    ``changed`` is the editor's signal for any change of what it shows."""

    def __init__(self, editor: QWidget, index: ModelIndex, read: Callable[[], Any],
                 changed: SignalInstance) -> None:
        super().__init__(editor)
        model = index.model()
        assert isinstance(model, PlanTableModel)
        self._read = read
        self._model = model
        self._index = QPersistentModelIndex(index)
        self._merge_key = object()
        self._is_target = Column(index.column()) is Column.TARGET
        self.start_value: Any = cell_value(index)
        """The cell's value when editing started; Esc brings it back."""
        self._plan_value: Any = self.start_value
        self._ended = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_EVERY_MS)
        self._timer.timeout.connect(self.commit)
        changed.connect(self._on_changed)

    @property
    def start_text(self) -> str:
        """The start value as the cell shows it."""
        value = self.start_value
        return value.format() if isinstance(value, TargetDate) else str(value)

    @staticmethod
    def of(editor: QWidget) -> CellTyping | None:
        return editor.findChild(CellTyping)

    def is_own_value(self, value: Any) -> bool:
        """Whether ``value``, now in the plan, is what this visit put there (or started with).
        The view reloads an open editor whenever its row changes; that must not throw away
        what was typed since the last commit, nor move the cursor."""
        return bool(value == self._plan_value)

    is_own_text = is_own_value

    def adopt(self, value: Any) -> None:
        """Someone else changed the cell (Undo from the menu, Replace all): start from there."""
        self._plan_value = value

    def pending(self) -> bool:
        return self._timer.isActive()

    def _on_changed(self, *_args: object) -> None:
        if self._ended:
            return
        if self._is_half_typed_target():
            self._timer.start(NOT_UNDERSTOOD_PAUSE_MS)  # again at every keystroke: a pause
        elif not self._timer.isActive() or self._timer.interval() != COMMIT_EVERY_MS:
            self._timer.start(COMMIT_EVERY_MS)

    def _is_half_typed_target(self) -> bool:
        if not self._is_target:
            return False  # no need to read a text cell's whole text at every keystroke
        value = self._read()
        return isinstance(value, TargetDate) and not value.is_recognised

    def commit(self) -> None:
        """Put the editor's value in the plan now, merged into this visit's undo step."""
        self._timer.stop()
        if not self._ended:
            self._push(self._read())

    def keep(self) -> None:
        """The edit finished: commit, and take no more."""
        self.commit()
        self._ended = True

    def cancel(self) -> None:
        """Esc: the cell goes back to its value at the start, with no undo step left behind."""
        self._timer.stop()
        if not self._ended:
            self._ended = True
            self._push(self.start_value)

    def _push(self, value: Any) -> None:
        if not self._index.isValid():
            return
        self._model.set_field(self._index, value, merge_key=self._merge_key)
        # Read back: the plan cleans text on the way in (a non-breaking space becomes a space).
        self._plan_value = cell_value(self._index)
