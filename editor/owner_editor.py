"""The responsible owner editor: an editable combo box that completes as you type."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget


class OwnerComboBox(QComboBox):
    """Type any owner, or pick from the offered ones; completion matches anywhere in the name.

    ``chosen`` fires when Enter is pressed or a completion is picked, so a table cell can
    finish its edit at once (one Enter, not two with the completion list open)."""

    chosen = Signal()

    def __init__(self, choices: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setAccessibleName("Responsible owner")
        self.setToolTip("The role who answers for this action, such as Governor")
        self.set_choices(choices)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText("Type or choose a role")
        line.setClearButtonEnabled(True)
        line.returnPressed.connect(self.chosen)
        completer.activated.connect(self._complete)

    def _complete(self, owner: str) -> None:
        self.set_owner(owner)
        self.chosen.emit()

    def set_choices(self, choices: Sequence[str]) -> None:
        current = self.owner()
        self.clear()
        self.addItems(list(choices))
        self.set_owner(current)

    def owner(self) -> str:
        return self.currentText().strip()

    def set_owner(self, owner: str) -> None:
        self.setCurrentIndex(self.findText(owner, Qt.MatchFlag.MatchExactly))
        self.setEditText(owner)
