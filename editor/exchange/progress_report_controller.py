"""File ▸ Export progress report…: asks through one injectable prompter, and writes the report on
a worker thread from a copy of the plan as it is in the window, once what is being typed has
reached it."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QMessageBox, QPushButton, QWidget

from actionplan.model import Plan
from actionplan.safe_writing import suggested_name
from actionplan.target_date import format_long_date
from actionplan.tracking import DUE_SOON_DAYS
from actionplan.work import Cancelled, Work
from editor.common.settings import AppSettings
from editor.common.task_progress import TaskProgress
from editor.edits.document import PlanDocument
from editor.exchange.progress_report_dialog import (
    FORMATS,
    MAX_DUE_SOON_DAYS,
    ProgressReportDialog,
    ReportChoice,
)
from editor.table.open_edits import commit_open_edits

FOLDER_PURPOSE = "progress-report"


class ProgressReportPrompter(Protocol):
    def choose_options(self, remembered: ReportChoice) -> ReportChoice | None: ...
    def choose_path(self, suggested: Path) -> Path | None: ...
    def show_done(self, path: Path, as_of: dt.date) -> None: ...
    def show_error(self, title: str, message: str) -> None: ...


@dataclass(frozen=True)
class ReportOutcome:
    path: Path
    as_of: dt.date
    error: str | None = None
    cancelled: bool = False


class RememberedReportChoice:
    """The last format and due-soon window, kept in the user's settings file. The day is not
    remembered: a report is for today unless the person says otherwise."""

    def __init__(self, settings: AppSettings) -> None:
        self._store = QSettings(str(settings.path), QSettings.Format.IniFormat)

    def load(self) -> ReportChoice:
        suffix = str(self._store.value("progress_report/format", ".docx"))
        days = str(self._store.value("progress_report/due_soon_days", DUE_SOON_DAYS))
        return ReportChoice(
            suffix if suffix in FORMATS else ".docx",
            None,
            int(days) if days.isascii() and days.isdigit() and int(days) <= MAX_DUE_SOON_DAYS else DUE_SOON_DAYS,
        )

    def save(self, choice: ReportChoice) -> None:
        self._store.setValue("progress_report/format", choice.suffix)
        self._store.setValue("progress_report/due_soon_days", str(choice.due_soon_days))
        self._store.sync()


class ProgressReportController(QObject):
    finished = Signal(object)
    """A ``ReportOutcome``, after the user has been shown it."""
    _done = Signal(object)

    def __init__(self, window: QMainWindow, document: PlanDocument, prompter: ProgressReportPrompter,
                 settings: AppSettings) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self.prompter = prompter
        self.settings = settings
        self.remembered = RememberedReportChoice(settings)
        self.action = QAction("Export &progress report…", window)
        self.action.setStatusTip("Report where every action stands on a day, as Word, Excel or CSV")
        self.action.triggered.connect(lambda _checked=False: self.report())
        self._done.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self.busy = False
        self.progress: TaskProgress | None = None

    def report(self) -> bool:
        """Ask, then start writing the report. False when the user cancelled or a report is being written."""
        if self.busy:
            return False
        commit_open_edits(self.window)  # an update or date still being typed goes in the report
        choice = self.prompter.choose_options(self.remembered.load())
        if choice is None:
            return False
        self.remembered.save(choice)
        as_of = choice.as_of or dt.date.today()
        path = self.prompter.choose_path(self._suggested_path(choice.suffix, as_of))
        if path is None:
            return False
        path = path if path.suffix.lower() == choice.suffix else path.with_name(path.name + choice.suffix)
        self.settings.set_last_folder(FOLDER_PURPOSE, path.parent)
        self._start(self.document.plan.model_copy(deep=True), path, as_of, choice.due_soon_days)
        return True

    def _suggested_path(self, suffix: str, as_of: dt.date) -> Path:
        folder = self.settings.last_folder(FOLDER_PURPOSE)
        plan_path = self.document.path
        if folder is None:
            folder = plan_path.parent if plan_path is not None else Path.home()
        name = plan_path.stem if plan_path is not None else _plan_name(self.document.plan)
        return folder / suggested_name(name, f" - progress {format_long_date(as_of)}{suffix}")

    # Running --------------------------------------------------------------------------------

    def _start(self, plan: Plan, path: Path, as_of: dt.date, due_soon_days: int) -> None:
        self.busy = True
        self.action.setEnabled(False)
        self.window.statusBar().showMessage(f"Writing the progress report “{path.name}”…")
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.progress = TaskProgress(self.window, f"Writing the progress report “{path.name}”")
        worker = threading.Thread(target=self._run, args=(plan, path, as_of, due_soon_days, self.progress.work),
                                  name="progress-report", daemon=True)
        worker.start()

    def cancel(self) -> None:
        """Stop the report being written; nothing is written."""
        if self.progress is not None:
            self.progress.work.cancel()

    def _run(self, plan: Plan, path: Path, as_of: dt.date, due_soon_days: int, work: Work) -> None:
        from exporters.errors import ExportError
        from exporters.progress_export import export_progress_report
        from exporters.progress_rows import ProgressOptions

        try:
            export_progress_report(plan, path, ProgressOptions(as_of, due_soon_days), work)
            self._done.emit(ReportOutcome(path, as_of))
        except Cancelled:
            self._done.emit(ReportOutcome(path, as_of, cancelled=True))
        except ExportError as error:
            self._done.emit(ReportOutcome(path, as_of, error=error.message))
        except Exception as error:  # noqa: BLE001 - any failure must reach the user, not vanish with the thread
            self._done.emit(ReportOutcome(path, as_of, error=f"The progress report could not be written: {error}"))

    def _finish(self, outcome: ReportOutcome) -> None:
        QApplication.restoreOverrideCursor()
        if self.progress is not None:
            self.progress.finish()
            self.progress = None
        self.busy = False
        self.action.setEnabled(True)
        if outcome.cancelled:
            self.window.statusBar().showMessage(
                f"Progress report cancelled. “{outcome.path.name}” was not written.", 8000)
        elif outcome.error is not None:
            self.window.statusBar().showMessage("The progress report was not written.", 8000)
            self.prompter.show_error("Could not write the progress report", outcome.error)
        else:
            self.window.statusBar().showMessage(f"Wrote the progress report “{outcome.path.name}”.", 8000)
            self.prompter.show_done(outcome.path, outcome.as_of)
        self.finished.emit(outcome)


def _plan_name(plan: Plan) -> str:
    name = plan.details.establishment.strip() or "plan"
    safe = "".join(char if char.isalnum() or char in " &-_" else " " for char in name)
    return "Action plan - " + " ".join(safe.split())


def done_box(parent: QWidget | None, path: Path, as_of: dt.date) -> tuple[QMessageBox, QPushButton]:
    """Where the report went, with its "Open the report" button."""
    box = QMessageBox(QMessageBox.Icon.Information, "Progress report written",
                      f"The progress report for {format_long_date(as_of)} was saved as “{path.name}” in the "
                      f"folder {path.parent}.", QMessageBox.StandardButton.NoButton, parent)
    open_button = box.addButton("Open the report", QMessageBox.ButtonRole.AcceptRole)
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(close)
    box.setEscapeButton(close)
    return box, open_button


class QtProgressReportPrompter:
    """Asks with real dialogs, parented to the main window."""

    def __init__(self, parent: QWidget | None) -> None:
        self._parent = parent

    def choose_options(self, remembered: ReportChoice) -> ReportChoice | None:
        dialog = ProgressReportDialog(remembered, self._parent)
        accepted = dialog.exec() == ProgressReportDialog.DialogCode.Accepted
        choice = dialog.choice()
        dialog.deleteLater()
        return choice if accepted else None

    def choose_path(self, suggested: Path) -> Path | None:
        suffix = suggested.suffix
        file_filter = f"{FORMATS[suffix][0]} (*{suffix})"
        chosen, _ = QFileDialog.getSaveFileName(self._parent, "Save progress report as", str(suggested), file_filter)
        return Path(chosen) if chosen else None

    def show_done(self, path: Path, as_of: dt.date) -> None:
        box, open_button = done_box(self._parent, path, as_of)
        box.exec()
        opened = box.clickedButton() is open_button and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        if box.clickedButton() is open_button and not opened:
            self.show_error("Could not open the report", f"No program on this computer opens {path.suffix} "
                                f"files. The report is in the folder {path.parent}.")
        box.deleteLater()

    def show_error(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self._parent)
        box.exec()
        box.deleteLater()


def install_progress_report(window: QMainWindow, document: PlanDocument, after: QAction | None = None,
                            prompter: ProgressReportPrompter | None = None,
                            settings: AppSettings | None = None) -> ProgressReportController:
    """Add File ▸ Export progress report… just below ``after`` (the Export item), or above Quit."""
    controller = ProgressReportController(window, document, prompter or QtProgressReportPrompter(window),
                                          settings or AppSettings())
    menus = getattr(window, "menus", {})
    menu = menus.get("file") if isinstance(menus, dict) else None
    if not isinstance(menu, QMenu):
        menu = window.menuBar().addMenu("&File")
    actions = menu.actions()
    if after is not None and after in actions and after is not actions[-1]:
        menu.insertAction(actions[actions.index(after) + 1], controller.action)
    elif actions:
        menu.insertAction(actions[-1], controller.action)
    else:
        menu.addAction(controller.action)
    window.addAction(controller.action)
    return controller
