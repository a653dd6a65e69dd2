"""Item delegates: how each table cell is edited in place.

- Concerns and actions: ``PlanTextEdit`` (Enter = new line, Ctrl+Enter or Tab = finish,
  Esc = cancel). ``TextDelegate.editor_created`` lets others (spelling) decorate each editor.
- In concern, action, owner and target date cells what is typed reaches the plan as it is
  typed (``editor.table.cell_typing``), as one undo step per visit; Esc takes it back out. Not in a
  concern's empty action row, where keeping the edit creates the action.
- Rec No: a line edit; empty means "number automatically".
- Responsible owner: ``OwnerComboBox`` completing from this plan, the standard list and
  owners typed before (remembered when the edit is kept).
- Target date: ``TargetDateEditor``, larger than the cell, kept inside the table.
"""

from __future__ import annotations

import weakref
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from actionplan.target_date import TargetDate
from editor.edits.document import PlanDocument
from editor.table.cell_typing import CellTyping, cell_value, types_live
from editor.table.columns import Column
from editor.table.owner_editor import OwnerComboBox
from editor.table.owners import owner_offer, remember_owner
from editor.table.target_date_editor import TargetDateEditor
from editor.table.text_editor import PlanTextEdit, is_finish_key

ModelIndex = QModelIndex | QPersistentModelIndex
MIN_TEXT_EDITOR_LINES = 3
"""A text cell editor is at least this many lines tall, however short its cell: room to see
the next line coming, without covering the rows below for a one-line cell."""
_CELL_RECT = "actionplan_cell_rect"
"""Set on a text cell editor: its cell's rectangle, which it grows down from."""


def _within(parent: QWidget, rect: QRect) -> QRect:
    """Move ``rect`` up or left so it stays inside ``parent`` where it can."""
    area = parent.rect()
    if rect.bottom() > area.bottom():
        rect.moveBottom(max(area.bottom(), rect.height() - 1))
    if rect.right() > area.right():
        rect.moveRight(max(area.right(), rect.width() - 1))
    rect.moveTop(max(0, rect.top()))
    rect.moveLeft(max(0, rect.left()))
    return rect


_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_LOADED = "actionplan_loaded"
"""Set on an owner or target editor once it has shown its cell's value."""
_finishing: weakref.WeakSet[QWidget] = weakref.WeakSet()


def _commit_before_shortcut(watched: QObject, event: QEvent) -> None:
    """Ctrl+something in a cell editor: a window shortcut (Save, Export...) may act on the plan
    next, so it gets what was typed."""
    if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier and isinstance(watched, QWidget):
        typing = CellTyping.of(watched)
        if typing is not None:
            typing.commit()


def _cancel_on_escape(watched: QObject, event: QEvent) -> None:
    """Esc in a cell editor: what this visit put in the plan comes back out."""
    if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
            and event.key() == Qt.Key.Key_Escape and isinstance(watched, QWidget):
        typing = CellTyping.of(watched)
        if typing is not None:
            typing.cancel()


def finish_once(delegate: QStyledItemDelegate, editor: QWidget) -> None:
    """Keep the edit and close the editor, once, however many signals ask for it."""
    if editor in _finishing:
        return
    _finishing.add(editor)
    delegate.commitData.emit(editor)
    delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)


class CellDelegate(QStyledItemDelegate):
    """Qt's own handling of a cell editor (Tab keeps the edit and moves on; the focus leaving
    the editor keeps it), but an edit is kept once only. Keeping the first action typed into a
    concern's empty action row adds the action and rebuilds the row under the editor, so the
    view no longer knows the editor; the focus leaving it as it closed kept it a second time,
    and Qt said "commitData called with an editor that does not belong to this view"."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusOut and watched in _finishing:
            return False
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and isinstance(watched, QWidget) \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            _finishing.add(watched)  # Qt keeps the edit and closes the editor for these
        return super().eventFilter(watched, event)


class TextDelegate(CellDelegate):
    """Edits a concern's or an action's text in a ``PlanTextEdit``."""

    editor_created = Signal(object)
    """Every new ``PlanTextEdit``, for example to attach a spelling highlighter."""

    def __init__(self, label: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        editor = PlanTextEdit(parent)
        editor.setAccessibleName(self.label)
        editor.tab_finishes = True
        editor.finished.connect(lambda: self._finish(editor))
        layout = editor.document().documentLayout()
        if layout is not None:
            # Grow (or shrink) with the text as lines are added, not only when the row does.
            layout.documentSizeChanged.connect(lambda _size: fit_text_editor(editor))
        editor.tabbed.connect(lambda forward: self._finish(editor, forward))
        self.editor_created.emit(editor)
        return editor

    def _finish(self, editor: PlanTextEdit, forward: bool | None = None) -> None:
        _finishing.add(editor)
        self.commitData.emit(editor)
        hints = {None: QAbstractItemDelegate.EndEditHint.NoHint,
                 True: QAbstractItemDelegate.EndEditHint.EditNextItem,
                 False: QAbstractItemDelegate.EndEditHint.EditPreviousItem}
        self.closeEditor.emit(editor, hints[forward])

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if not isinstance(editor, PlanTextEdit):
            return
        text = str(cell_value(index))
        typing = CellTyping.of(editor)
        if typing is None:
            editor.set_text(text)
            if types_live(index):
                CellTyping(editor, index, editor.text, editor.textChanged)
            return
        # The view reloads the editor whenever its row changes, our own commits included.
        if not typing.is_own_value(text):
            typing.adopt(text)
            editor.set_text(text)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        if not isinstance(editor, PlanTextEdit):
            return
        typing = CellTyping.of(editor)
        if typing is not None:
            typing.keep()  # into the undo step typing has been filling, not a second one
        else:
            model.setData(index, editor.text())

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        if isinstance(editor, PlanTextEdit):
            editor.setProperty(_CELL_RECT, QRect(option.rect))
            fit_text_editor(editor)
        else:
            super().updateEditorGeometry(editor, option, index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, PlanTextEdit):
            _commit_before_shortcut(watched, event)
        key_press = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if key_press and isinstance(watched, PlanTextEdit):
            assert isinstance(event, QKeyEvent)
            if is_finish_key(event):
                self._finish(watched)
                return True
            _cancel_on_escape(watched, event)
        return super().eventFilter(watched, event)  # Esc closes the editor


def text_editor_height(editor: PlanTextEdit, cell_height: int, room: int) -> int:
    """How tall a text cell editor should be: its cell's height, or its text's, or
    ``MIN_TEXT_EDITOR_LINES`` lines, whichever is tallest, but no taller than ``room``."""
    spacing = editor.fontMetrics().lineSpacing()
    layout = editor.document().documentLayout()
    # A plain text layout measures its document in lines, wrapped lines included.
    lines = max(1, int(layout.documentSize().height())) if layout is not None else 1
    chrome = 2 * editor.frameWidth() + int(2 * editor.document().documentMargin()) \
        + editor.contentsMargins().top() + editor.contentsMargins().bottom()
    wanted = max(lines, MIN_TEXT_EDITOR_LINES) * spacing + chrome + 2
    return max(cell_height, min(wanted, room)) if room >= cell_height else cell_height


def fit_text_editor(editor: PlanTextEdit) -> None:
    """Size an open text cell editor to its text, starting at its cell, inside the table."""
    cell = editor.property(_CELL_RECT)
    parent = editor.parentWidget()
    if not isinstance(cell, QRect) or parent is None:
        return
    rect = QRect(cell)
    rect.setHeight(text_editor_height(editor, cell.height(), parent.height()))
    editor.setGeometry(_within(parent, rect))


class RecNoDelegate(CellDelegate):
    """A manual Rec No such as S45; empty numbers the concern automatically."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAccessibleName("Rec No")
        editor.setPlaceholderText("Automatic")
        editor.setToolTip("Leave empty to number automatically, or type a reference such as S45")
        return editor

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))  # the manual reference only
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text().strip())


class OwnerDelegate(CellDelegate):
    """Edits the responsible owner in an ``OwnerComboBox``."""

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        plan = self.document.plan
        choices, forgettable = owner_offer(plan)
        editor = OwnerComboBox(choices, parent, forgettable)
        editor.chosen.connect(lambda: finish_once(self, editor))
        return editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, OwnerComboBox):
            _commit_before_shortcut(watched, event)
            _cancel_on_escape(watched, event)
            if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                    and event.key() in _ENTER_KEYS:
                finish_once(self, watched)
                return True
        return super().eventFilter(watched, event)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, OwnerComboBox):
            owner = str(cell_value(index))
            typing = CellTyping.of(editor)
            if editor.property(_LOADED) and (editor.owner() == owner
                                             or (typing is not None and typing.is_own_value(owner))):
                # The view reloads an open editor when its row changes, this visit's own
                # typing reaching the plan included: leave the typing, its cursor and its
                # completions alone.
                return
            if typing is not None:
                typing.adopt(owner)  # Undo from the menu, Replace all: start from there
            editor.setProperty(_LOADED, True)
            editor.set_owner(owner)
            line = editor.lineEdit()
            if line is not None:
                line.selectAll()
            if typing is None and types_live(index):
                CellTyping(editor, index, editor.owner, editor.editTextChanged)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        if isinstance(editor, OwnerComboBox):
            owner = editor.owner()
            typing = CellTyping.of(editor)
            if typing is not None:
                typing.keep()  # into the undo step typing has been filling, not a second one
            else:
                model.setData(index, owner)
            remember_owner(owner)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        rect = QRect(option.rect)
        rect.setHeight(max(editor.sizeHint().height(), min(rect.height(), editor.sizeHint().height() + 8)))
        editor.setGeometry(rect)


class TargetDateDelegate(CellDelegate):
    """Edits the target date in a ``TargetDateEditor`` that opens over the cell."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        editor = TargetDateEditor(parent, in_cell=True)
        editor.chosen.connect(lambda: finish_once(self, editor))
        return editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter anywhere in the editor (a choice, the month, the year) keeps the target.
        if isinstance(watched, TargetDateEditor):
            _commit_before_shortcut(watched, event)
            _cancel_on_escape(watched, event)
            if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                    and event.key() in _ENTER_KEYS:
                finish_once(self, watched)
                return True
        return super().eventFilter(watched, event)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, TargetDateEditor):
            target = cell_value(index)
            assert isinstance(target, TargetDate)
            typing = CellTyping.of(editor)
            if editor.property(_LOADED) and (editor.target() == target
                                             or (typing is not None and typing.is_own_value(target))):
                return  # as for the owner: "dec 2026" is not rewritten while it is typed
            if typing is not None:
                typing.adopt(target)
            editor.setProperty(_LOADED, True)
            editor.set_target(target)
            editor.line_edit().selectAll()
            if typing is None and types_live(index):
                CellTyping(editor, index, editor.target, editor.line_edit().textChanged)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        if isinstance(editor, TargetDateEditor):
            typing = CellTyping.of(editor)
            if typing is not None:
                typing.keep()
            else:
                model.setData(index, editor.target())

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        hint = editor.sizeHint()
        rect = QRect(option.rect.topLeft(), hint.expandedTo(option.rect.size()))
        rect.setHeight(hint.height())
        parent = editor.parentWidget()
        editor.setGeometry(_within(parent, rect) if parent else rect)


def install_delegates(view: Any, document: PlanDocument) -> dict[Column, QStyledItemDelegate]:
    """Give each column of the plan table its delegate; returns them by column."""
    delegates: dict[Column, QStyledItemDelegate] = {
        Column.REC_NO: RecNoDelegate(view),
        Column.CONCERN: TextDelegate("Concern", view),
        Column.ACTION: TextDelegate("Response action", view),
        Column.OWNER: OwnerDelegate(document, view),
        Column.TARGET: TargetDateDelegate(view),
    }
    for column, delegate in delegates.items():
        view.setItemDelegateForColumn(int(column), delegate)
    return delegates
