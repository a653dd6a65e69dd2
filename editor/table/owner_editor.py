"""The responsible owner editor: an editable combo box that completes as you type.

Owners offered only because they were typed before can be forgotten from either list (the
combo's own list or the completions): Delete on the highlighted name, or right-click it and
choose Forget. Owners of this plan and the standard ones cannot be forgotten.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QCompleter, QMenu, QWidget

from editor.common.readable_hints import make_placeholders_readable
from editor.table.owners import forget_owner

FORGET_HINT = "You typed this name before. Press Delete to forget it."


class OwnerComboBox(QComboBox):
    """Type any owner, or pick from the offered ones; completion matches anywhere in the name.

    ``chosen`` fires when Enter is pressed or a completion is picked, so a table cell can
    finish its edit at once (one Enter, not two with the completion list open)."""

    chosen = Signal()
    forgotten = Signal(str)
    """A remembered owner was forgotten: it is no longer offered here or anywhere."""

    def __init__(self, choices: Sequence[str], parent: QWidget | None = None,
                 forgettable: Iterable[str] = ()) -> None:
        super().__init__(parent)
        self._forgettable: set[str] = set()
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setAccessibleName("Responsible owner")
        self.setToolTip("The role who answers for this action, such as Governor")
        self.set_choices(choices, forgettable)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText("Type or choose a role")
        make_placeholders_readable(self)
        line.setClearButtonEnabled(True)
        line.returnPressed.connect(self.chosen)
        completer.activated.connect(self._complete)
        # Watched after the combo and the completer watch them, so Delete is seen here first.
        popup = completer.popup()
        self._lists: tuple[QAbstractItemView, ...] = (self.view(), popup) if popup is not None else (self.view(),)
        for listed in self._lists:
            listed.installEventFilter(self)
            listed.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            listed.customContextMenuRequested.connect(
                lambda pos, listed=listed: self._offer_forget(listed, pos))
        self._fit_lists()

    def _complete(self, owner: str) -> None:
        self.set_owner(owner)
        self.chosen.emit()

    def set_choices(self, choices: Sequence[str], forgettable: Iterable[str] = ()) -> None:
        current = self.owner()
        self.clear()
        self.addItems(list(choices))
        self._forgettable = set(forgettable) & set(choices)
        for owner in self._forgettable:
            self.setItemData(self.findText(owner, Qt.MatchFlag.MatchExactly), FORGET_HINT,
                             Qt.ItemDataRole.ToolTipRole)
        self.set_owner(current)
        self._fit_lists()

    def _fit_lists(self) -> None:
        """Both lists as wide as the longest name, however narrow the cell: names such as
        "Head of Education, Skills and Work" were cut to "Head of E... and Work"."""
        lists = getattr(self, "_lists", ())
        if not lists:
            return
        view = self.view()
        width = view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width() + 4 * view.frameWidth() + 8
        for listed in lists:
            listed.setMinimumWidth(width)

    def owner(self) -> str:
        return self.currentText().strip()

    def set_owner(self, owner: str) -> None:
        self.setCurrentIndex(self.findText(owner, Qt.MatchFlag.MatchExactly))
        self.setEditText(owner)

    # Forgetting owners typed before ----------------------------------------------------------

    def can_forget(self, owner: str) -> bool:
        return owner in self._forgettable

    def forget(self, owner: str) -> bool:
        """Forget a remembered owner: off this list and out of the settings. What is typed in
        the box stays as it is, even when it is that owner. False if it cannot be forgotten."""
        if not self.can_forget(owner):
            return False
        forget_owner(owner)
        self._forgettable.discard(owner)
        typed = self.currentText()
        blocked = self.blockSignals(True)  # the owner being typed has not changed
        try:
            self.removeItem(self.findText(owner, Qt.MatchFlag.MatchExactly))
            self.setEditText(typed)
        finally:
            self.blockSignals(blocked)
        self.forgotten.emit(owner)
        return True

    def forget_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu for a name in either list: Forget, for a remembered owner only."""
        owner = str(index.data() or "") if index.isValid() else ""
        if not self.can_forget(owner):
            return None
        menu = QMenu(self)
        forget = menu.addAction(f"Forget “{owner}”")
        forget.setStatusTip("Stop offering this name. Plans that use it keep it.")
        forget.triggered.connect(lambda _checked=False: self.forget(owner))
        return menu

    def _offer_forget(self, listed: QAbstractItemView, pos: QPoint) -> None:
        menu = self.forget_menu(listed.indexAt(pos))
        if menu is not None:
            menu.exec(listed.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Delete and isinstance(watched, QAbstractItemView) \
                and any(watched is listed for listed in self._lists):
            index = watched.currentIndex()
            if index.isValid() and self.forget(str(index.data() or "")):
                return True
        return super().eventFilter(watched, event)
