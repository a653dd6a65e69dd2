"""File ▸ Export as Word, PDF or ODT…: asks through one injectable prompter, remembers the
choices and the folder, and exports on a worker thread so the window stays responsive while
LibreOffice makes a PDF."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QMessageBox, QWidget

from actionplan.model import Plan
from actionplan.safe_writing import suggested_name
from actionplan.validation import Finding
from actionplan.work import Cancelled, Work
from editor.common.settings import AppSettings
from editor.common.task_progress import TaskProgress
from editor.edits.document import PlanDocument
from editor.exchange.export_dialog import (
    FORMATS,
    ExportChoice,
    ExportOptionsDialog,
    ExportResultDialog,
    draft_offer_box,
)
from editor.table.open_edits import commit_open_edits
from exporters.options import ExportOptions, Layout

if TYPE_CHECKING:  # loaded with the first export, not at start-up
    from exporters.selfcheck import Report

FOLDER_PURPOSE = "export"


class ExportPrompter(Protocol):
    def choose_options(self, remembered: ExportChoice) -> ExportChoice | None: ...
    def offer_draft(self, errors: list[Finding]) -> bool:
        """True means export a draft marked DRAFT."""
        ...
    def choose_path(self, suggested: Path) -> Path | None: ...
    def show_result(self, path: Path, report: Report | None, draft: bool) -> None: ...
    def show_error(self, title: str, message: str) -> None: ...


@dataclass(frozen=True)
class ExportOutcome:
    path: Path
    draft: bool
    report: Report | None = None
    error: str | None = None
    cancelled: bool = False


class RememberedChoice:
    """The last format, layout and template, kept in the user's settings file."""

    def __init__(self, settings: AppSettings) -> None:
        self._store = QSettings(str(settings.path), QSettings.Format.IniFormat)

    def load(self) -> ExportChoice:
        suffix = str(self._store.value("export/format", ".docx"))
        layout = str(self._store.value("export/layout", Layout.ACCESSIBLE.value))
        merge = str(self._store.value("export/merge_concern_cells", "false")).lower() == "true"
        template = str(self._store.value("export/template", "") or "")
        return ExportChoice(
            suffix if suffix in FORMATS else ".docx",
            Layout(layout) if layout in Layout._value2member_map_ else Layout.ACCESSIBLE,
            merge,
            Path(template) if template and Path(template).is_file() else None,
        )

    def save(self, choice: ExportChoice) -> None:
        self._store.setValue("export/format", choice.suffix)
        self._store.setValue("export/layout", choice.layout.value)
        self._store.setValue("export/merge_concern_cells", "true" if choice.merge_concern_cells else "false")
        self._store.setValue("export/template", str(choice.template) if choice.template else "")
        self._store.sync()


class ExportController(QObject):
    finished = Signal(object)
    """An ``ExportOutcome``, after the user has been shown it."""
    _done = Signal(object)

    def __init__(self, window: QMainWindow, document: PlanDocument, prompter: ExportPrompter,
                 settings: AppSettings, current_errors: Callable[[], list[Finding]] | None = None) -> None:
        super().__init__(window)
        self.current_errors = current_errors
        """The plan's errors as the checks beside the window already know them: checking a
        10,000-action plan again before every export would hold the window for a second."""
        self.window = window
        self.document = document
        self.prompter = prompter
        self.settings = settings
        self.remembered = RememberedChoice(settings)
        self.action = QAction("E&xport as Word, PDF or ODT…", window)
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        self.action.setStatusTip("Export the plan as a document to send to HMIP")
        self.action.triggered.connect(lambda _checked=False: self.export())
        self._done.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self.busy = False
        self.progress: TaskProgress | None = None

    def export(self) -> bool:
        """Ask, then start exporting. False when the user cancelled or an export is running."""
        from exporters.docx_export import errors_in

        if self.busy:
            return False
        commit_open_edits(self.window)  # an owner or date still being typed goes in the export
        choice = self.prompter.choose_options(self.remembered.load())
        if choice is None:
            return False
        self.remembered.save(choice)
        errors = self.current_errors() if self.current_errors is not None else errors_in(self.document.plan)
        if errors and not self.prompter.offer_draft(errors):
            return False
        path = self.prompter.choose_path(self._suggested_path(choice.suffix))
        if path is None:
            return False
        path = path if path.suffix.lower() == choice.suffix else path.with_name(path.name + choice.suffix)
        self.settings.set_last_folder(FOLDER_PURPOSE, path.parent)
        options = ExportOptions(choice.layout, choice.merge_concern_cells, bool(errors), choice.template)
        self._start(self.document.plan.model_copy(deep=True), path, options, errors)
        return True

    def _suggested_path(self, suffix: str) -> Path:
        folder = self.settings.last_folder(FOLDER_PURPOSE)
        plan_path = self.document.path
        if folder is None:
            folder = plan_path.parent if plan_path is not None else Path.home()
        name = plan_path.stem if plan_path is not None else _file_name(self.document.plan)
        return folder / suggested_name(name, suffix)

    # Running --------------------------------------------------------------------------------

    def _start(self, plan: Plan, path: Path, options: ExportOptions, errors: list[Finding]) -> None:
        self.busy = True
        self.action.setEnabled(False)
        self.window.statusBar().showMessage(f"Exporting “{path.name}”…")
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.progress = TaskProgress(self.window, f"Exporting “{path.name}”")
        worker = threading.Thread(target=self._run, args=(plan, path, options, errors, self.progress.work),
                                  name="export", daemon=True)
        worker.start()

    def cancel(self) -> None:
        """Stop the export that is running; nothing is written."""
        if self.progress is not None:
            self.progress.work.cancel()

    def _run(self, plan: Plan, path: Path, options: ExportOptions, errors: list[Finding], work: Work) -> None:
        from exporters.errors import ExportError
        from exporters.export import export_and_check

        try:
            _, report = export_and_check(plan, path, options, errors, work)
            self._done.emit(ExportOutcome(path, options.draft, report))
        except Cancelled:
            self._done.emit(ExportOutcome(path, options.draft, cancelled=True))
        except ExportError as error:
            self._done.emit(ExportOutcome(path, options.draft, error=error.message))
        except Exception as error:  # noqa: BLE001 - any failure must reach the user, not vanish with the thread
            self._done.emit(ExportOutcome(path, options.draft, error=f"The export failed unexpectedly: {error}"))

    def _finish(self, outcome: ExportOutcome) -> None:
        QApplication.restoreOverrideCursor()
        if self.progress is not None:
            self.progress.finish()
            self.progress = None
        self.busy = False
        self.action.setEnabled(True)
        if outcome.cancelled:
            self.window.statusBar().showMessage(f"Export cancelled. “{outcome.path.name}” was not written.", 8000)
        elif outcome.error is not None:
            self.window.statusBar().showMessage("Export failed.", 8000)
            self.prompter.show_error("Could not export", outcome.error)
        else:
            self.window.statusBar().showMessage(f"Exported “{outcome.path.name}”.", 8000)
            self.prompter.show_result(outcome.path, outcome.report, outcome.draft)
        self.finished.emit(outcome)


def _file_name(plan: Plan) -> str:
    name = plan.details.establishment.strip() or "plan"
    safe = "".join(char if char.isalnum() or char in " &-_" else " " for char in name)
    return "Action plan - " + " ".join(safe.split())


class QtExportPrompter:
    """Asks with real dialogs, parented to the main window."""

    def __init__(self, parent: QWidget | None, document: PlanDocument | None = None) -> None:
        self._parent = parent
        self._document = document
        """For the plan's own words in the list of errors ("Recommendation 1.12")."""

    def choose_options(self, remembered: ExportChoice) -> ExportChoice | None:
        from exporters.libreoffice import find_soffice

        dialog = ExportOptionsDialog(remembered, self._parent, libreoffice_installed=find_soffice() is not None)
        accepted = dialog.exec() == ExportOptionsDialog.DialogCode.Accepted
        choice = dialog.choice()
        dialog.deleteLater()
        return choice if accepted else None

    def offer_draft(self, errors: list[Finding]) -> bool:
        noun = self._document.plan.details.era.item_noun() if self._document is not None else "concern"
        box = draft_offer_box(self._parent, errors, noun)
        box.exec()
        return box.buttonRole(box.clickedButton()) is QMessageBox.ButtonRole.AcceptRole

    def choose_path(self, suggested: Path) -> Path | None:
        suffix = suggested.suffix
        file_filter = f"{FORMATS[suffix]} (*{suffix})"
        chosen, _ = QFileDialog.getSaveFileName(self._parent, "Export plan as", str(suggested), file_filter)
        return Path(chosen) if chosen else None

    def show_result(self, path: Path, report: Report | None, draft: bool) -> None:
        dialog = ExportResultDialog(path, report, draft=draft, parent=self._parent)
        dialog.exec()
        dialog.deleteLater()

    def show_error(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self._parent)
        box.exec()


def install_export(window: QMainWindow, document: PlanDocument, prompter: ExportPrompter | None = None,
                   settings: AppSettings | None = None,
                   current_errors: Callable[[], list[Finding]] | None = None) -> ExportController:
    """Add File ▸ Export as Word, PDF or ODT… just above Quit."""
    controller = ExportController(window, document, prompter or QtExportPrompter(window, document),
                                  settings or AppSettings(), current_errors)
    menus = getattr(window, "menus", {})
    menu = menus.get("file") if isinstance(menus, dict) else None
    if not isinstance(menu, QMenu):
        menu = window.menuBar().addMenu("&File")
    last = menu.actions()[-1] if menu.actions() else None
    if last is not None:
        menu.insertAction(last, controller.action)
        menu.insertSeparator(last)
    else:
        menu.addAction(controller.action)
    window.addAction(controller.action)
    return controller
