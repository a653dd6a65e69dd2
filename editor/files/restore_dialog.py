"""The start-up dialog that offers work recovered after the editor closed unexpectedly."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.files.questions import RestoreAnswer, RestoreChoice, describe_time

if TYPE_CHECKING:
    from actionplan.recovery import RecoveryEntry


def describe_entry(entry: RecoveryEntry) -> str:
    """``“stoke-heath.actionplan”, last changed 22 June 2026 at 14:05``."""
    return f"“{entry.display_name}”, last changed {describe_time(entry.saved_at)}"


class RestoreDialog(QDialog):
    """Lists the recovered copies. Restore or Discard acts on the one selected; Later keeps
    them all for next time."""

    def __init__(self, entries: Sequence[RecoveryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recover unsaved work")
        self._entries = list(entries)
        self._choice = RestoreChoice.LATER
        self.entry_list = self._entry_list()
        layout = QVBoxLayout(self)
        layout.addWidget(self._heading())
        layout.addWidget(self.entry_list)
        layout.addWidget(self._buttons())
        self.setMinimumWidth(480)

    def answer(self) -> RestoreAnswer:
        if self._choice is RestoreChoice.LATER:
            return RestoreAnswer(RestoreChoice.LATER)
        return RestoreAnswer(self._choice, self._entries[max(self.entry_list.currentRow(), 0)])

    def _heading(self) -> QLabel:
        one = len(self._entries) == 1
        text = (
            "<p><b>The editor closed before some work was saved.</b></p>"
            f"<p>{'This plan has' if one else 'These plans have'} changes that were kept in a "
            "recovery copy. Restore opens the copy so you can check it and save it. Discard "
            "deletes the copy. Later keeps it and asks again next time.</p>"
        )
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        return label

    def _entry_list(self) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName("Recovered plans")
        for entry in self._entries:
            widget.addItem(QListWidgetItem(describe_entry(entry)))
        widget.setCurrentRow(0)
        widget.setMaximumHeight(max(60, 26 * min(len(self._entries), 6) + 8))
        return widget

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox()
        restore = self._button(box, "Restore", RestoreChoice.RESTORE, QDialogButtonBox.ButtonRole.AcceptRole)
        self._button(box, "Discard", RestoreChoice.DISCARD, QDialogButtonBox.ButtonRole.DestructiveRole)
        self._button(box, "Later", RestoreChoice.LATER, QDialogButtonBox.ButtonRole.RejectRole)
        restore.setDefault(True)
        return box

    def _button(
        self, box: QDialogButtonBox, label: str, choice: RestoreChoice, role: QDialogButtonBox.ButtonRole
    ) -> QPushButton:
        button = box.addButton(label, role)
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: RestoreChoice) -> None:
        self._choice = choice
        self.done(QDialog.DialogCode.Accepted if choice is not RestoreChoice.LATER else QDialog.DialogCode.Rejected)
