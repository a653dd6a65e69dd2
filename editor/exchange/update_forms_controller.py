"""File ▸ Collect updates: Send forms… writes one Excel form per lead (or owner); Read returned
forms… (or forms dropped on the window) reads them back, shows the preview, and on Record adds
every answer as one undo step (``RecordProgress``).

Making and reading forms run off the screen's thread, with a progress window and Cancel once
they take more than a moment (a plan of thousands of actions takes seconds). The preview is
worked out on a copy of the plan; Record works it out again from the plan as it is then.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QMessageBox, QWidget

from actionplan.form_answers import ReturnedForm
from actionplan.model import Action, Plan
from actionplan.returned_forms import Proposal, propose, record_changes
from actionplan.target_date import format_long_date
from actionplan.tracking import Position
from actionplan.update_forms import SendTo
from actionplan.work import Cancelled, Work
from editor.common.settings import AppSettings
from editor.common.task_progress import TaskProgress
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


@dataclass(frozen=True)
class _Finished:
    """How a task run off the screen's thread ended: with a result, an error or a cancel."""

    result: object = None
    error: str | None = None
    cancelled: bool = False


@dataclass(frozen=True)
class _Read:
    forms: list[ReturnedForm]
    proposal: Proposal


class UpdateFormsController(QObject):
    recorded = Signal(object)
    """The ``Proposal`` whose changes were just recorded."""
    preview_shown = Signal(object)
    """The ``ReturnedFormsDialog`` just opened on the forms read."""
    forms_made = Signal(object)
    """``SentForms`` once forms are made, or None when making them failed or was cancelled."""
    _sent = Signal(object)  # from the worker thread
    _read = Signal(object)

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
        self.progress: TaskProgress | None = None
        self._sent.connect(self._forms_sent, Qt.ConnectionType.QueuedConnection)
        self._read.connect(self._forms_read, Qt.ConnectionType.QueuedConnection)
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
        self.read_action.setEnabled(not self.document.read_only and not self.busy)
        self.send_action.setEnabled(not self.busy)

    @property
    def busy(self) -> bool:
        """Forms are being made or read."""
        return self.progress is not None

    def cancel(self) -> None:
        """Stop making or reading forms: nothing is left half-made, nothing changes."""
        if self.progress is not None:
            self.progress.work.cancel()

    def _begin(self, title: str) -> Work:
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.window.statusBar().showMessage(f"{title}…")
        self.progress = TaskProgress(self.window, title)
        self._refresh()
        return self.progress.work

    def _end(self) -> None:
        QApplication.restoreOverrideCursor()
        if self.progress is not None:
            self.progress.finish()
            self.progress = None
        self._refresh()

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
        if self.busy:
            return
        path = self.document.path
        plan = self.document.plan.model_copy(deep=True)  # the plan may be edited while the forms are made
        task = (plan, dialog.folder(), dialog.send_to(), dialog.only(), path.name if path else "",
                self.settings.user_name())
        work = self._begin("Making update forms")
        threading.Thread(target=self._send_in_background, args=(*task, work), name="send-forms", daemon=True).start()

    def _send_in_background(self, plan: Plan, folder: Path, send_to: SendTo, only: Iterable[Position] | None,
                            plan_file: str, return_to: str, work: Work) -> None:
        from exporters.errors import ExportError
        from exporters.update_forms import send_update_forms

        try:
            sent = send_update_forms(plan, folder, send_to, only, plan_file=plan_file, return_to=return_to,
                                     work=work)
            self._sent.emit(_Finished(sent))
        except Cancelled:
            self._sent.emit(_Finished(cancelled=True))
        except ExportError as error:
            self._sent.emit(_Finished(error=error.message))
        except Exception as error:  # noqa: BLE001 - any failure must reach the user, not vanish with the thread
            self._sent.emit(_Finished(error=f"Making the forms failed unexpectedly: {error}"))

    def _forms_sent(self, finished: _Finished) -> None:
        from exporters.update_forms import SentForms

        self._end()
        sent = finished.result
        if finished.cancelled:
            self.window.statusBar().showMessage("Cancelled: no forms were made.", STATUS_MS)
        elif finished.error is not None or not isinstance(sent, SentForms):
            self.window.statusBar().showMessage("The forms could not be made.", STATUS_MS)
            self.prompter.show_error("Could not make the forms", finished.error or "")
        else:
            self.settings.set_last_folder(SEND_FOLDER, sent.folder.parent)
            self.window.statusBar().showMessage(sent.describe(), STATUS_MS)
            names = "\n".join(f"• {form.path.name}" for form in sent.forms)
            self.prompter.show_done("Forms made", f"{sent.describe()} Email each one to the person it is named "
                                    f"after.\n\n{names}")
        self.forms_made.emit(sent if isinstance(sent, SentForms) else None)

    def _forget_send(self, dialog: SendFormsDialog) -> None:
        dialog.deleteLater()
        if self.send_dialog is dialog:
            self.send_dialog = None

    # Reading -----------------------------------------------------------------------------------

    def _read_folder(self) -> Path:
        """Where the file chooser opens: where forms were last read from, else beside the plan."""
        path = self.document.path
        return self.settings.last_folder(READ_FOLDER) or (path.parent if path is not None else Path.home())

    def read_forms(self, paths: list[Path] | None = None) -> bool:
        """Read returned forms (asking for them unless given), then show the preview
        (``preview_shown``). False when nothing was started."""
        if self.document.read_only or self.preview_dialog is not None or self.busy:
            return False
        if paths is None:
            paths = self.prompter.choose_forms(self._read_folder())
        if not paths:
            return False
        self.settings.set_last_folder(READ_FOLDER, paths[0].absolute().parent)
        plan = self.document.plan.model_copy(deep=True)
        plan_file = self.document.path.name if self.document.path else ""
        work = self._begin(f"Reading {len(paths)} returned form{'' if len(paths) == 1 else 's'}")
        threading.Thread(target=self._read_in_background, args=(list(paths), plan, plan_file, work),
                         name="read-forms", daemon=True).start()
        return True

    def _read_in_background(self, paths: list[Path], plan: Plan, plan_file: str, work: Work) -> None:
        from importers.update_forms import read_returned_form

        try:
            forms = []
            for number, path in enumerate(paths):
                work.step(0.9 * number / len(paths), f"Reading “{path.name}”")
                forms.append(read_returned_form(path))
            work.step(0.9, "Working out what will change")
            proposal = propose(plan, forms, dt.date.today(), plan_file)
            self._read.emit(_Finished(_Read(forms, proposal)))
        except Cancelled:
            self._read.emit(_Finished(cancelled=True))
        except Exception as error:  # noqa: BLE001 - any failure must reach the user, not vanish with the thread
            self._read.emit(_Finished(error=f"Reading the forms failed unexpectedly: {error}"))

    def _forms_read(self, finished: _Finished) -> None:
        self._end()
        read = finished.result
        if finished.cancelled:
            self.window.statusBar().showMessage("Cancelled: the forms were not read, and nothing changed.", STATUS_MS)
            return
        if finished.error is not None or not isinstance(read, _Read):
            self.prompter.show_error("Could not read the forms", finished.error or "")
            return
        if self.document.read_only:  # made read-only while the forms were read
            self.window.statusBar().showMessage("The plan is now read-only, so the forms were not used.", STATUS_MS)
            return
        self.forms = read.forms
        dialog = self.preview_dialog = ReturnedFormsDialog(read.proposal, self.window)
        dialog.accepted.connect(self.record)
        dialog.finished.connect(lambda _code: self._forget_preview(dialog))
        dialog.open()
        self.preview_shown.emit(dialog)

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
