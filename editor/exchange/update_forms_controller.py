"""File ▸ Collect updates: Send forms… writes one Excel form per lead (or owner); Read returned
forms… (or forms dropped on the window) reads them back, shows the preview, and on Record adds
every answer as one undo step (``RecordProgress``).

Forms are read on the screen's thread: a dozen returned forms take well under a second, and
the plan must not change between the preview and the recording anyway.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QMessageBox, QWidget

from actionplan.model import Action
from actionplan.returned_forms import Proposal, ReturnedForm, propose, record_changes
from actionplan.target_date import format_long_date
from editor.common.settings import AppSettings
from editor.edits.document import PlanDocument
from editor.edits.progress_commands import RecordProgress
from editor.exchange.returned_forms_dialog import ReturnedFormsDialog
from editor.exchange.send_forms_dialog import SendFormsDialog

SEND_FOLDER = "update-forms-sent"
READ_FOLDER = "update-forms-returned"
FORMS_FILTER = "Excel workbooks (*.xlsx *.xlsm);;All files (*)"
FORM_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".ods")
"""Files dropped on the window that are taken as returned forms (the wrong kinds are explained)."""
STATUS_MS = 10000


class FormsPrompter(Protocol):
    def choose_forms(self, folder: Path | None) -> list[Path]: ...
    def show_error(self, title: str, message: str) -> None: ...
    def show_done(self, title: str, message: str) -> None: ...


class QtFormsPrompter:
    def __init__(self, parent: QWidget | None) -> None:
        self._parent = parent

    def choose_forms(self, folder: Path | None) -> list[Path]:
        chosen, _ = QFileDialog.getOpenFileNames(self._parent, "Read returned forms", str(folder or ""),
                                                 FORMS_FILTER)
        return [Path(name) for name in chosen]

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self._parent, title, message)

    def show_done(self, title: str, message: str) -> None:
        QMessageBox.information(self._parent, title, message)


class UpdateFormsController(QObject):
    recorded = Signal(object)
    """The ``Proposal`` whose changes were just recorded."""

    def __init__(self, window: QMainWindow, document: PlanDocument, settings: AppSettings,
                 prompter: FormsPrompter | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self.settings = settings
        self.prompter = prompter or QtFormsPrompter(window)
        self.send_dialog: SendFormsDialog | None = None
        self.preview_dialog: ReturnedFormsDialog | None = None
        self.forms: list[ReturnedForm] = []
        self.menu = QMenu("Collect &updates", window)
        self.send_action = self.menu.addAction("&Send forms…")
        self.send_action.setStatusTip("Make an Excel form for each lead with just their actions, to fill in")
        self.send_action.triggered.connect(lambda _checked=False: self.send_forms())
        self.read_action = self.menu.addAction("&Read returned forms…")
        self.read_action.setStatusTip("Read filled-in forms back into the plan as dated progress updates")
        self.read_action.triggered.connect(lambda _checked=False: self.read_forms())
        self.document.read_only_changed.connect(lambda _read_only: self._refresh())
        self._refresh()

    def _refresh(self) -> None:
        self.read_action.setEnabled(not self.document.read_only)

    def actions(self) -> list[QAction]:
        return [self.send_action, self.read_action]

    # Sending -----------------------------------------------------------------------------------

    def send_forms(self) -> SendFormsDialog | None:
        """Open the Send forms dialog, modal to the window; Make writes the forms."""
        if self.send_dialog is not None:
            self.send_dialog.raise_()
            return self.send_dialog
        path = self.document.path
        dialog = self.send_dialog = SendFormsDialog(self.document.plan, self._send_folder(), path is not None,
                                                    parent=self.window)
        dialog.accepted.connect(lambda: self._make_forms(dialog))
        dialog.finished.connect(lambda _code: self._forget_send(dialog))
        dialog.open()
        return dialog

    def _send_folder(self) -> Path:
        path = self.document.path
        base = self.settings.last_folder(SEND_FOLDER) or (path.parent if path is not None else Path.home())
        return base / f"Update forms {format_long_date(dt.date.today())}"

    def _make_forms(self, dialog: SendFormsDialog) -> None:
        from exporters.errors import ExportError
        from exporters.update_forms import send_update_forms

        folder = dialog.folder()
        path = self.document.path
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        try:
            sent = send_update_forms(self.document.plan, folder, dialog.send_to(), dialog.only(),
                                     plan_file=path.name if path else "", return_to=self.settings.user_name())
        except ExportError as error:
            QApplication.restoreOverrideCursor()
            self.prompter.show_error("Could not make the forms", error.message)
            return
        QApplication.restoreOverrideCursor()
        self.settings.set_last_folder(SEND_FOLDER, folder.parent)
        self.window.statusBar().showMessage(sent.describe(), STATUS_MS)
        names = "\n".join(f"• {form.path.name}" for form in sent.forms)
        self.prompter.show_done("Forms made", f"{sent.describe()} Email each one to the person it is named "
                                f"after.\n\n{names}")

    def _forget_send(self, dialog: SendFormsDialog) -> None:
        dialog.deleteLater()
        if self.send_dialog is dialog:
            self.send_dialog = None

    # Reading -----------------------------------------------------------------------------------

    def read_forms(self, paths: list[Path] | None = None) -> ReturnedFormsDialog | None:
        """Read returned forms (asking for them unless given) and show the preview."""
        if self.document.read_only or self.preview_dialog is not None:
            return None
        if paths is None:
            paths = self.prompter.choose_forms(self.settings.last_folder(READ_FOLDER))
        if not paths:
            return None
        from importers.update_forms import read_returned_form

        self.settings.set_last_folder(READ_FOLDER, paths[0].absolute().parent)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        try:
            self.forms = [read_returned_form(path) for path in paths]
            proposal = self._propose()
        finally:
            QApplication.restoreOverrideCursor()
        dialog = self.preview_dialog = ReturnedFormsDialog(proposal, self.window)
        dialog.accepted.connect(self.record)
        dialog.finished.connect(lambda _code: self._forget_preview(dialog))
        dialog.open()
        return dialog

    def _propose(self) -> Proposal:
        path = self.document.path
        return propose(self.document.plan, self.forms, dt.date.today(), path.name if path else "")

    def record(self) -> int:
        """Record what the forms answer, as one undo step. How many answers were recorded."""
        if self.document.read_only:
            self.window.statusBar().showMessage("The plan is now read-only, so nothing was recorded.", STATUS_MS)
            return 0
        # Made again from the plan as it is now: the preview showed the same plan, unless it was
        # reloaded meanwhile, and every action named must still be there.
        proposal = self._propose()
        changes = proposal.changes()
        if not changes:
            return 0

        def record(actions: dict[str, Action]) -> None:
            record_changes(actions, changes)

        forms = len({row.form.order for row in changes})
        text = f"Record {len(changes)} answer{'' if len(changes) == 1 else 's'} from returned forms"
        self.document.undo_stack.push(RecordProgress(self.document, proposal.action_ids(), record, text))
        actions = len(proposal.action_ids())
        self.window.statusBar().showMessage(
            f"Recorded {len(changes)} answer{'' if len(changes) == 1 else 's'} from {forms} "
            f"form{'' if forms == 1 else 's'} on {actions} action{'' if actions == 1 else 's'}. "
            "Undo takes them all away.", STATUS_MS)
        self.recorded.emit(proposal)
        return len(changes)

    def _forget_preview(self, dialog: ReturnedFormsDialog) -> None:
        dialog.deleteLater()
        if self.preview_dialog is dialog:
            self.preview_dialog = None
