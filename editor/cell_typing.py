"""Typing in an open concern or action cell reaches the plan while it is typed, not only when
the edit is kept, so validation, the inspector and autosave see it, and a crash loses at most
a moment's typing.

While a cell editor is open its text is pushed at most every ``COMMIT_EVERY_MS`` as one
merging ``SetField``: the whole visit to the cell is one undo step. Keeping the edit pushes the
last text into that same step; Esc pushes back the text the cell had when editing started,
which leaves nothing to undo.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer

from editor.plan_table_model import ACTION_ID_ROLE, Column, PlanTableModel
from editor.text_editor import PlanTextEdit

COMMIT_EVERY_MS = 300
"""Often enough that autosave sees typing within a third of a second, rarely enough that a
keystroke seldom pays for an undo command, a row update and validation."""

ModelIndex = QModelIndex | QPersistentModelIndex


def types_live(index: ModelIndex) -> bool:
    """Whether typing in this cell can reach the plan as it is typed. Not in a concern's empty
    action row: its first keystroke would create the action, rebuilding the rows under the
    open editor, so that cell is kept only when the edit finishes."""
    model = index.model()
    if not isinstance(model, PlanTableModel) or not index.isValid():
        return False
    column = Column(index.column())
    return column is Column.CONCERN or (column is Column.ACTION and index.data(ACTION_ID_ROLE) is not None)


class CellTyping(QObject):
    """One visit to a text cell: lives as long as its editor (it is the editor's child)."""

    def __init__(self, editor: PlanTextEdit, index: ModelIndex) -> None:
        super().__init__(editor)
        model = index.model()
        assert isinstance(model, PlanTableModel)
        self._editor = editor
        self._model = model
        self._index = QPersistentModelIndex(index)
        self._merge_key = object()
        self.start_text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        """The cell's text when editing started; Esc brings it back."""
        self._plan_text = self.start_text
        self._ended = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_EVERY_MS)
        self._timer.timeout.connect(self.commit)
        editor.textChanged.connect(self._on_text_changed)

    @staticmethod
    def of(editor: PlanTextEdit) -> CellTyping | None:
        return editor.findChild(CellTyping)

    def is_own_text(self, text: str) -> bool:
        """Whether ``text``, now in the plan, is what this visit put there (or started with).
        The view reloads an open editor whenever its row changes; that must not throw away
        what was typed since the last commit, nor move the cursor."""
        return text == self._plan_text

    def adopt(self, text: str) -> None:
        """Someone else changed the cell (Undo from the menu, Replace all): start from there."""
        self._plan_text = text

    def pending(self) -> bool:
        return self._timer.isActive()

    def _on_text_changed(self) -> None:
        if not self._ended and not self._timer.isActive():
            self._timer.start()

    def commit(self) -> None:
        """Put the editor's text in the plan now, merged into this visit's undo step."""
        self._timer.stop()
        if not self._ended:
            self._push(self._editor.text())

    def keep(self) -> None:
        """The edit finished: commit, and take no more."""
        self.commit()
        self._ended = True

    def cancel(self) -> None:
        """Esc: the cell goes back to its text at the start, with no undo step left behind."""
        self._timer.stop()
        if not self._ended:
            self._ended = True
            self._push(self.start_text)

    def _push(self, text: str) -> None:
        if not self._index.isValid():
            return
        self._model.set_field(self._index, text, merge_key=self._merge_key)
        # Read back: the plan cleans text on the way in (a non-breaking space becomes a space).
        self._plan_text = str(self._index.data(Qt.ItemDataRole.EditRole) or "")
