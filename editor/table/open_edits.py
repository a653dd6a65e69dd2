"""Before the plan is saved, exported, reverted or closed, everything typed reaches it.

A table cell editor keeps the responsible owner and the target date only when the edit
finishes, so a Save (from a shortcut or a menu clicked with the mouse), an export or closing
the window would otherwise miss what is in an open owner or target date editor, and say
"Saved" with the value lost. ``commit_open_edits`` is the one step the file and export
controllers take first.

- Concern, action, owner and target date cells of an existing action: their typing is pushed
  now (``editor.table.cell_typing``); the editor stays open and the visit stays one undo step.
- A cell of a concern's empty action row: kept and closed, because keeping it creates the
  action and rebuilds the rows under the editor.
- Any other widget under the window with a ``commit_pending_edits()`` method (the inspector)
  is asked to push what it still holds.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QWidget

from editor.table.cell_typing import CellTyping
from editor.table.columns import ACTION_ID_ROLE, Column


def commit_open_edits(root: QObject | None) -> None:
    """Put whatever is typed in open editors under ``root`` (a window) into the plan."""
    if root is None:
        return
    views = root.findChildren(QAbstractItemView)
    if isinstance(root, QAbstractItemView):
        views.insert(0, root)
    for view in views:
        commit_open_cell(view)
    for child in root.findChildren(QWidget):
        commit = getattr(child, "commit_pending_edits", None)
        if callable(commit):
            commit()


def commit_open_cell(view: QAbstractItemView) -> None:
    """Keep what is typed in ``view``'s open cell editor, if it has one; it stays open unless
    keeping it adds an action (a concern's empty action row), which rebuilds the rows."""
    found = _open_cell(view)
    if found is None:
        return
    editor, index, delegate, model = found
    typing = CellTyping.of(editor)
    if typing is not None:  # a cell whose typing reaches the plan as it is typed
        typing.commit()
        return
    if _rebuilds_rows(index):
        _close_and_keep(editor, index, delegate, model)
    else:
        delegate.setModelData(editor, model, index)


def keep_open_cell(view: QAbstractItemView) -> None:
    """Keep what is typed in ``view``'s open cell editor and close it: before a change that
    rebuilds the rows (adding, moving, deleting), which would throw the editor away."""
    found = _open_cell(view)
    if found is not None:
        _close_and_keep(*found)


def _open_cell(
    view: QAbstractItemView,
) -> tuple[QWidget, QModelIndex, QAbstractItemDelegate, QAbstractItemModel] | None:
    if view.state() != QAbstractItemView.State.EditingState:
        return None
    index = view.currentIndex()
    editor = view.indexWidget(index) if index.isValid() else None
    delegate = view.itemDelegateForIndex(index) if index.isValid() else None
    model = view.model()
    if editor is None or delegate is None or model is None:
        return None
    return editor, index, delegate, model


def _close_and_keep(editor: QWidget, index: QModelIndex, delegate: QAbstractItemDelegate,
                    model: QAbstractItemModel) -> None:
    # Close first, then keep. Keeping may rebuild the rows, and an editor the view lets go of
    # in a rebuild stays watched by its delegate, which tries to keep it again when it loses
    # focus ("commitData called with an editor that does not belong to this view"). Closed
    # properly, the editor lives on until the event loop deletes it, so it can still be read.
    cell = QPersistentModelIndex(index)
    delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    if cell.isValid():
        delegate.setModelData(editor, model, cell)


def close_open_editors(root: QObject | None) -> None:
    """Close open cell editors under ``root`` without keeping them: the plan is about to be
    replaced (New, Open, Revert), after ``commit_open_edits`` and any question about saving.

    Left to the rows being rebuilt, an editor would be let go of with its delegate still
    watching it, which would try to keep it into the new plan's table when it loses focus."""
    if root is None:
        return
    views = root.findChildren(QAbstractItemView)
    if isinstance(root, QAbstractItemView):
        views.insert(0, root)
    for view in views:
        if view.state() != QAbstractItemView.State.EditingState:
            continue
        index = view.currentIndex()
        editor = view.indexWidget(index) if index.isValid() else None
        delegate = view.itemDelegateForIndex(index) if index.isValid() else None
        if editor is not None and delegate is not None:
            delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)


def _rebuilds_rows(index: QModelIndex) -> bool:
    """Whether keeping this cell adds an action (a concern's empty action row)."""
    try:
        column = Column(index.column())
    except ValueError:
        return False
    return not column.is_concern_column and index.data(ACTION_ID_ROLE) is None
