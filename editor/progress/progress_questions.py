"""What recording progress asks the user: their name (once), the evidence to add, a revised
target and its reason, whether to delete an action that holds progress; and how it says that
something could not be done. One injectable ``ProgressQuestions``: the editor passes
``QtProgressQuestions``, tests a scripted fake, so no test waits on a dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QMessageBox, QWidget

from actionplan.model import Action
from editor.progress.progress_dialogs import EvidenceDialog, NewEvidence, NewTarget, RevisedTargetDialog

NAME_QUESTION = ("Your name, as it will appear on the progress you record (and to colleagues when "
                 "you have a plan open). For example: J. Patel, Head of Residence")


class ProgressQuestions(Protocol):
    def ask_user_name(self, current: str) -> str | None:
        """The name progress records carry. None means cancelled."""
        ...
    def ask_evidence(self, plan_folder: Path | None) -> NewEvidence | None: ...
    def ask_revised_target(self, action: Action) -> NewTarget | None: ...
    def show_problem(self, title: str, message: str) -> None: ...
    def confirm_delete(self, title: str, message: str) -> bool:
        """Whether to delete something that holds progress records. False means keep it."""
        ...


class QtProgressQuestions:
    """Asks with real dialogs, parented to ``parent``'s window."""

    def __init__(self, parent: QWidget | None) -> None:
        self._parent = parent

    def _window(self) -> QWidget | None:
        return self._parent.window() if self._parent is not None else None

    def ask_user_name(self, current: str) -> str | None:
        dialog = QInputDialog(self._window())
        dialog.setWindowTitle("Your name")
        dialog.setLabelText(NAME_QUESTION)
        dialog.setTextValue(current)
        for label in dialog.findChildren(QLabel):
            label.setWordWrap(True)  # a long question wraps, not a dialog as wide as the screen
        dialog.resize(460, dialog.sizeHint().height())
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        name = dialog.textValue().strip()
        dialog.deleteLater()
        return name if accepted and name else None

    def ask_evidence(self, plan_folder: Path | None) -> NewEvidence | None:
        dialog = EvidenceDialog(plan_folder, self._window())
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        evidence = dialog.evidence()
        dialog.deleteLater()
        return evidence if accepted else None

    def ask_revised_target(self, action: Action) -> NewTarget | None:
        dialog = RevisedTargetDialog(action, self._window())
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        revised = dialog.new_target()
        dialog.deleteLater()
        return revised if accepted else None

    def show_problem(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, "", QMessageBox.StandardButton.Ok, self._window())
        box.setTextFormat(Qt.TextFormat.PlainText)  # file names are shown as they are, "<" and all
        box.setText(message)
        box.exec()
        box.deleteLater()

    def confirm_delete(self, title: str, message: str) -> bool:
        box = delete_box(self._window(), title, message)
        box.exec()
        deleting = box.buttonRole(box.clickedButton()) is QMessageBox.ButtonRole.DestructiveRole
        box.deleteLater()
        return deleting


def delete_box(parent: QWidget | None, title: str, message: str) -> QMessageBox:
    """Delete, or Cancel (the default: Enter keeps the records)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, "", QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(message)
    box.setInformativeText("You can undo this (Ctrl+Z).")
    box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box
