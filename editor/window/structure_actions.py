"""Menu, keyboard and context-menu actions that change the plan's structure, acting on the
concern or action at the table's current cell.

Keys: Ctrl+Shift+P add a priority concern, Ctrl+Shift+K add a key concern, Ctrl+Shift+A add
an action, Ctrl+D duplicate, Ctrl+Delete delete, Ctrl+Shift+Up/Down move, Ctrl+Shift+M make a
priority concern a key concern or the other way round.

The actions use the plan's words: in a recommendations-era plan they add a main
recommendation or a recommendation, and they change when the era changes. Each has an access
key in the Plan menu (Alt+P, then the underlined letter), different from every other item there
(Plan &details takes D) in both eras: P or M, K or R, A, I, L, U, W and V.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence

from actionplan.changes import PlanChange
from actionplan.model import Category, Era
from editor.edits import structure
from editor.table.columns import Column
from editor.table.open_edits import commit_open_edits, keep_open_cell
from editor.table.plan_table_view import PlanTableView

DeleteCheck = Callable[[Sequence[str], Sequence[str]], bool]
"""Whether to go on and delete these concerns or actions (by id); False keeps them."""


class StructureActions(QObject):
    """The structural actions for one table view."""

    acted = Signal()
    """A command ran (not one the user called off at a question)."""

    def __init__(self, view: PlanTableView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.document = view.document
        self.may_delete: DeleteCheck = lambda _concern_ids, _action_ids: True
        """Asks first when what is deleted holds progress records (the window sets it)."""
        self.add_priority = self._action("Add &priority concern", "Ctrl+Shift+P", lambda: self._add_concern(Category.PRIORITY))
        self.add_key = self._action("Add &key concern", "Ctrl+Shift+K", lambda: self._add_concern(Category.KEY))
        self.add_action = self._action("Add &action", "Ctrl+Shift+A", self._add_action)
        self.duplicate = self._action("Dupl&icate", "Ctrl+D", self._duplicate)
        self.delete = self._action("De&lete", "Ctrl+Del", self._delete)
        self.move_up = self._action("Move &up", "Ctrl+Shift+Up", lambda: self._move(-1))
        self.move_down = self._action("Move do&wn", "Ctrl+Shift+Down", lambda: self._move(+1))
        self.change_category = self._action(CHANGE_CATEGORY, "Ctrl+Shift+M", self._change_category)
        view.selectionModel().currentChanged.connect(lambda *_: self.update_enabled())
        self.document.read_only_changed.connect(lambda _r: self.update_enabled())
        view.plan_model.rows_rebuilt.connect(self.update_enabled)
        self.document.plan_replaced.connect(self.update_enabled)
        self.document.edited.connect(self._on_edited)
        self.update_enabled()

    def _on_edited(self, change: object) -> None:
        if isinstance(change, PlanChange) and change.details and (not change.fields or "era" in change.fields):
            self.update_enabled()
            self.view.set_empty_plan_actions(self.view.empty_plan_actions)  # its guidance names them

    def _action(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        _name(action, text)
        action.triggered.connect(lambda _checked=False: self._run(slot))
        return action

    def _run(self, slot: Callable[[], object]) -> None:
        # The shortcut works while a cell or the inspector is being edited: keep that typing
        # before the rows change (a target typed in the inspector may still be waiting).
        commit_open_edits(self.view.window())
        keep_open_cell(self.view)
        if slot() is not False:
            self.acted.emit()

    def all(self) -> list[QAction | None]:
        """In menu order; None marks a separator."""
        return [self.add_priority, self.add_key, self.add_action, None, self.duplicate, self.delete, None,
                self.move_up, self.move_down, self.change_category]

    # What is selected --------------------------------------------------------------------

    def _current(self) -> tuple[str | None, str | None, bool]:
        """The current concern id, action id, and whether the concern (not an action) is meant."""
        index = self.view.currentIndex()
        if not index.isValid():
            return None, None, False
        row = self.view.plan_model.row(index.row())
        if row.concern is None:
            return None, None, False
        on_concern = Column(index.column()).is_concern_column or row.action is None
        return row.concern.id, (row.action.id if row.action else None), on_concern

    def update_enabled(self) -> None:
        concern_id, action_id, on_concern = self._current()
        editable = not self.document.read_only
        for action in (self.add_priority, self.add_key):
            action.setEnabled(editable)
        self.add_action.setEnabled(editable and concern_id is not None)
        for action in (self.duplicate, self.delete, self.move_up, self.move_down):
            action.setEnabled(editable and concern_id is not None)
        self.change_category.setEnabled(editable and concern_id is not None)
        era = self.document.plan.details.era
        _name(self.add_priority, f"Add &{Category.PRIORITY.singular_in(era)}")
        _name(self.add_key, f"Add &{Category.KEY.singular_in(era)}")
        concern = self.document.plan.find_concern(concern_id) if concern_id is not None else None
        if concern is not None:
            _name(self.change_category, "Mo&" + move_words(concern.category, era)[2:])  # Mo&ve
        else:
            _name(self.change_category, CHANGE_CATEGORY)
        # Read as a person would say them: "Move action up", not "Move up action".
        noun = (era.item_noun() if on_concern else "action") if concern_id else None
        for action, (with_noun, without) in (
            (self.duplicate, ("Dupl&icate {}", "Dupl&icate")),
            (self.delete, ("De&lete {}", "De&lete")),
            (self.move_up, ("Move {} &up", "Move &up")),
            (self.move_down, ("Move {} do&wn", "Move do&wn")),
        ):
            _name(action, with_noun.format(noun) if noun else without)
        _ = action_id

    # Doing -------------------------------------------------------------------------------

    def _reveal(self, concern_id: str | None, action_id: str | None, column: Column) -> None:
        index = self.view.plan_model.index_for(concern_id, action_id, column.field)
        if action_id is None and concern_id is not None and not column.is_concern_column:
            row = self.view.plan_model.first_row_of_concern(concern_id)
            index = self.view.plan_model.index(row, column) if row is not None else index
        self.view.select_cell(index)
        self._focus_table()
        self.update_enabled()

    def _focus_table(self) -> None:
        """What the action added or moved is where typing goes next, wherever focus was (the
        inspector's owner field may be about to hide with the action it showed)."""
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_concern(self, category: Category) -> None:
        concern_id, _, _ = self._current()
        new_id = structure.add_concern(self.document, category, concern_id)
        self._reveal(new_id, None, Column.CONCERN)

    def _add_action(self) -> None:
        concern_id, action_id, on_concern = self._current()
        if concern_id is None:
            return
        new_id = structure.add_action(self.document, concern_id, None if on_concern else action_id)
        self._reveal(concern_id, new_id, Column.ACTION)

    def _duplicate(self) -> None:
        concern_id, action_id, on_concern = self._current()
        if concern_id is None:
            return
        if on_concern or action_id is None:
            self._reveal(structure.duplicate_concern(self.document, concern_id), None, Column.CONCERN)
        else:
            self._reveal(concern_id, structure.duplicate_action(self.document, action_id), Column.ACTION)

    def _delete(self) -> bool:
        concern_ids, action_ids = self._selected_items()
        row = self.view.currentIndex().row()
        column = self.view.currentIndex().column()
        if not (concern_ids or action_ids) or not self.may_delete(concern_ids, [] if concern_ids else action_ids):
            return False
        if concern_ids:
            structure.delete_concerns(self.document, concern_ids)
        else:
            structure.delete_actions(self.document, action_ids)
        model = self.view.plan_model
        row = min(row, model.rowCount() - 1)
        if row >= 0:
            self.view.select_cell(model.index(row, column))
        self._focus_table()
        self.update_enabled()
        return True

    def _selected_items(self) -> tuple[list[str], list[str]]:
        indexes = self.view.selectedIndexes() or [self.view.currentIndex()]
        kind, ids = self.view.plan_model.dragged_items([i for i in indexes if i.isValid()])
        concern_id, _action, on_concern = self._current()
        if kind == "concern":
            return ids, []
        if not ids and on_concern and concern_id:
            return [concern_id], []
        return [], ids

    def _move(self, step: int) -> None:
        concern_id, action_id, on_concern = self._current()
        if concern_id is None:
            return
        column = Column(self.view.currentIndex().column())
        if on_concern or action_id is None:
            structure.move_concern(self.document, concern_id, step)
            self._reveal(concern_id, None, column)
        else:
            structure.move_action(self.document, action_id, step)
            found = self.document.plan.find_action(action_id)
            if found is not None:
                self._reveal(found[0].id, action_id, column)

    def _change_category(self) -> None:
        concern_id, _, _ = self._current()
        if concern_id is not None:
            structure.change_category(self.document, concern_id)
            self._reveal(concern_id, None, Column.CONCERN)


CHANGE_CATEGORY = "C&hange category"
"""The Plan menu item, until a concern is chosen; then it says where the concern goes."""


def move_words(category: Category, era: Era) -> str:
    """The menu item that moves a concern of ``category`` to the other section."""
    other = structure.other_category(category)
    where = other.plural_in(era)
    if era is Era.RECOMMENDATIONS and other is Category.KEY:
        where = "other recommendations"  # not "Move recommendation to recommendations"
    return f"Move {era.item_noun()} to {where}"


def _name(action: QAction, text: str) -> None:
    """Name ``action`` in menus (``&`` marks its access key), and in its tooltip with its keys,
    which stay the same."""
    if action.text() == text:
        return
    action.setText(text)
    words = text.replace("&", "")
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{words} ({keys})" if keys else words)
