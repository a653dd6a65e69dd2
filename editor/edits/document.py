"""The open plan in the editor: the pure ``Plan``, its undo stack, and where it is saved.

Every edit goes through ``undo_stack``. The modified flag is ``not undo_stack.isClean()``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from actionplan.model import Plan


class PlanDocument(QObject):
    """Owns the plan being edited. Views and controllers listen to its signals."""

    plan_replaced = Signal()
    """The whole plan was swapped: New, Open, Revert, Restore. Views rebuild."""
    edited = Signal(object)
    """An undo command changed the plan. The argument names what changed (see editor.edits.commands)."""
    path_changed = Signal()
    read_only_changed = Signal(bool)
    modified_changed = Signal(bool)

    def __init__(self, plan: Plan | None = None, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan = plan if plan is not None else Plan()
        self._path = path
        self._read_only = False
        self.author: Callable[[], str] = str
        """The name records made as a side effect of an edit are given: the user's, once known."""
        self.undo_stack = QUndoStack(self)
        # A bound method, not a lambda: Qt drops the connection when the document goes, so
        # the stack's last cleanChanged (while it is destroyed) reaches nobody.
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    @property
    def plan(self) -> Plan:
        return self._plan

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def read_only(self) -> bool:
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        if read_only != self._read_only:
            self._read_only = read_only
            self.read_only_changed.emit(read_only)

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        return self._path.name if self._path else "Untitled plan"

    def replace(self, plan: Plan, path: Path | None) -> None:
        """Show a different plan (New, Open, Revert). The undo history starts again, clean."""
        self._plan = plan
        self.undo_stack.clear()
        # clear() leaves an empty stack dirty after resetClean() (a restored plan, a file changed
        # outside): the new plan matches its file, or is new, so it starts unmodified.
        self.undo_stack.setClean()
        self.set_path(path)
        self.plan_replaced.emit()

    def set_path(self, path: Path | None) -> None:
        if path != self._path:
            self._path = path
            self.path_changed.emit()

    def mark_saved(self, path: Path) -> None:
        self.set_path(path)
        self.undo_stack.setClean()
