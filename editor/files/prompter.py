"""``QtPrompter``: the file handling's questions (``editor.files.questions``) asked with real
dialogs, parented to the main window, and the message boxes they use.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from actionplan.storage import FILE_SUFFIX
from editor.files.questions import (
    LockChoice,
    OutsideChange,
    RestoreAnswer,
    SaveChanges,
    describe_holder,
    with_plan_suffix,
)
from editor.files.restore_dialog import RestoreDialog

if TYPE_CHECKING:
    from actionplan.lock import LockInfo
    from actionplan.recovery import RecoveryEntry

PLAN_FILTER = f"Action plans (*{FILE_SUFFIX});;All files (*)"
OPEN_FILTER = (f"Action plans and Word plans (*{FILE_SUFFIX} *.docx);;Action plans (*{FILE_SUFFIX});;"
               "Word plans, to import (*.docx);;All files (*)")
"""Open shows Word plans too: choosing one offers to import it."""


# Message boxes, built apart from showing them so they can be rendered and looked at ---------


def save_changes_box(parent: QWidget | None, name: str) -> QMessageBox:
    box = _box(parent, "Save changes?", f"Do you want to save the changes you made to “{name}”?")
    box.setInformativeText("If you do not save, your changes will be lost.")
    save = box.addButton("Save", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Don't save", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    return box


def locked_box(parent: QWidget | None, name: str, info: LockInfo) -> QMessageBox:
    box = _box(parent, "Plan in use", f"“{name}” {'is' if info.known else 'may be'} open in another editor.")
    box.setInformativeText(
        f"{describe_holder(info)}.\n\n"
        "You can open it read-only and save any changes as a new file. Or you can take over "
        "editing, but their unsaved changes may then be lost."
    )
    read_only = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Take over", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(read_only)
    box.setEscapeButton(cancel)
    return box


def replace_locked_box(parent: QWidget | None, name: str, info: LockInfo) -> QMessageBox:
    box = _box(parent, "Plan in use", f"“{name}” {'is' if info.known else 'may be'} open in another editor.")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setInformativeText(
        f"{describe_holder(info)}.\n\n"
        "If you save over it, their changes may be lost when they save. To be safe, choose "
        "another name."
    )
    box.addButton("Save over it", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("Choose another name", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box


def outside_change_box(parent: QWidget | None, name: str, modified: bool) -> QMessageBox:
    box = _box(parent, "Plan changed by someone else", f"“{name}” has been changed outside this editor.")
    loss = (
        " Reloading will lose the changes you have made here since you last saved."
        if modified else ""
    )
    box.setInformativeText(
        "Someone else may have saved it, or a sync tool may have replaced it.\n\n"
        f"Reload it to see the new version, or keep your version and save it as a new file.{loss}"
    )
    reload = box.addButton("Reload", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep mine and save as…", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(keep if modified else reload)
    box.setEscapeButton(keep)
    return box


def save_over_outside_change_box(parent: QWidget | None, name: str) -> QMessageBox:
    box = _box(parent, "Plan changed by someone else", f"“{name}” has been changed outside this editor since you "
               "opened it.")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setInformativeText(
        "Someone else may have saved it, or a sync tool may have replaced it. If you save over it, "
        "their changes will be lost. To keep both, save yours as a new file."
    )
    box.addButton("Save over it", QMessageBox.ButtonRole.DestructiveRole)
    save_as = box.addButton("Save as a new file…", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(save_as)
    box.setEscapeButton(save_as)
    return box


def save_failed_box(parent: QWidget | None, message: str) -> QMessageBox:
    box = _box(parent, "Could not save", message)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setInformativeText("Your work is still open in the editor. Nothing has been lost.")
    save_as = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save_as)
    box.setEscapeButton(cancel)
    return box


def revert_box(parent: QWidget | None, name: str) -> QMessageBox:
    box = _box(parent, "Revert to saved?", f"Go back to the saved version of “{name}”?")
    box.setInformativeText("The changes you made since you last saved will be lost. You cannot undo this.")
    box.addButton("Revert", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box


def import_word_box(parent: QWidget | None, name: str) -> QMessageBox:
    box = _box(parent, "Import Word plan?", f"“{name}” is a Word document, not a plan file.")
    box.setInformativeText(
        "The editor can import the action plan in it as a new plan, and tell you anything it "
        "could not place. Save the new plan to keep it. The Word document is not changed."
    )
    import_button = box.addButton("Import", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(import_button)
    box.setEscapeButton(cancel)
    return box


def _box(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setIcon(QMessageBox.Icon.Question)
    # Lock holders' names and file names are shown as typed: a "<" in one must not be read
    # as markup, which swallowed the rest of the message. Applies to the informative text too.
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box


class QtPrompter:
    """Asks with real dialogs, parented to the main window."""

    def __init__(self, parent: QWidget | None) -> None:
        self._parent = parent

    def ask_save_changes(self, name: str) -> SaveChanges:
        box = save_changes_box(self._parent, name)
        box.exec()
        role = box.buttonRole(box.clickedButton())
        if role is QMessageBox.ButtonRole.AcceptRole:
            return SaveChanges.SAVE
        if role is QMessageBox.ButtonRole.DestructiveRole:
            return SaveChanges.DONT_SAVE
        return SaveChanges.CANCEL

    def confirm_revert(self, name: str) -> bool:
        box = revert_box(self._parent, name)
        box.exec()
        return box.buttonRole(box.clickedButton()) is QMessageBox.ButtonRole.DestructiveRole

    def choose_open_path(self, folder: Path | None) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(self._parent, "Open plan", str(folder or Path.home()), OPEN_FILTER)
        return Path(chosen) if chosen else None

    def choose_save_path(self, suggested: Path) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self._parent, "Save plan as", str(suggested), PLAN_FILTER)
        return with_plan_suffix(Path(chosen)) if chosen else None

    def show_error(self, title: str, message: str) -> None:
        box = _box(self._parent, title, message)
        box.setIcon(QMessageBox.Icon.Warning)
        box.addButton("OK", QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def offer_save_as(self, message: str) -> bool:
        box = save_failed_box(self._parent, message)
        box.exec()
        return box.buttonRole(box.clickedButton()) is QMessageBox.ButtonRole.AcceptRole

    def ask_restore(self, entries: Sequence[RecoveryEntry]) -> RestoreAnswer:
        dialog = RestoreDialog(entries, self._parent)
        dialog.exec()
        return dialog.answer()

    def offer_import_word(self, name: str) -> bool:
        box = import_word_box(self._parent, name)
        box.exec()
        return box.buttonRole(box.clickedButton()) is QMessageBox.ButtonRole.AcceptRole

    def ask_locked(self, name: str, info: LockInfo) -> LockChoice:
        box = locked_box(self._parent, name, info)
        box.exec()
        role = box.buttonRole(box.clickedButton())
        if role is QMessageBox.ButtonRole.AcceptRole:
            return LockChoice.READ_ONLY
        if role is QMessageBox.ButtonRole.DestructiveRole:
            return LockChoice.TAKE_OVER
        return LockChoice.CANCEL

    def ask_user_name(self, current: str) -> str | None:
        name, accepted = QInputDialog.getText(
            self._parent, "Your name",
            "Your name, as colleagues will see it when you have a plan open:",
            text=current,
        )
        return name.strip() if accepted else None

    def confirm_replace_locked(self, name: str, info: LockInfo) -> bool:
        box = replace_locked_box(self._parent, name, info)
        box.exec()
        return box.buttonRole(box.clickedButton()) is QMessageBox.ButtonRole.DestructiveRole

    def confirm_save_over_outside_change(self, name: str) -> bool:
        box = save_over_outside_change_box(self._parent, name)
        box.exec()
        return box.buttonRole(box.clickedButton()) is QMessageBox.ButtonRole.DestructiveRole

    def ask_outside_change(self, name: str, modified: bool) -> OutsideChange:
        box = outside_change_box(self._parent, name, modified)
        box.exec()
        if box.buttonRole(box.clickedButton()) is QMessageBox.ButtonRole.DestructiveRole:
            return OutsideChange.RELOAD
        return OutsideChange.KEEP_MINE
