"""File ▸ Import Word plan…: reads a Word action plan (.docx) on a worker thread, then opens it
as a new, unsaved plan and shows the import report.

A file that cannot be imported leaves the current plan as it was, and so does Cancel at the
unsaved-changes question, which is asked only once the import has worked.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox, QWidget

from actionplan.storage import FILE_SUFFIX
from actionplan.work import Cancelled, Work
from editor.common.task_progress import TaskProgress
from editor.exchange.import_report_dialog import ImportReportDialog, ReadableReport, readable_report
from editor.files.file_controller import FileController

if TYPE_CHECKING:
    from importers.docx_import import ImportResult

FOLDER_PURPOSE = "import"
WORD_FILTER = "Word document (*.docx);;All files (*)"
STATUS_MS = 15000
"""Long enough to read a sentence or two: a clean import says so only in the status bar."""


class ImportPrompter(Protocol):
    def choose_docx(self, folder: Path | None) -> Path | None: ...
    def show_error(self, title: str, message: str) -> None: ...
    def show_report(self, report: ReadableReport) -> None: ...


@dataclass(frozen=True)
class ImportOutcome:
    path: Path
    result: ImportResult | None = None
    error: str | None = None
    opened: bool = False
    """The imported plan replaced the one open (False after an error or Cancel)."""
    cancelled: bool = False
    """Cancelled while the document was being read."""


class ImportController(QObject):
    finished = Signal(object)
    """An ``ImportOutcome``, once the user has been told."""
    _done = Signal(object)

    def __init__(self, window: QMainWindow, files: FileController, prompter: ImportPrompter) -> None:
        super().__init__(window)
        self.window = window
        self.files = files
        self.prompter = prompter
        self.busy = False
        self.action = QAction("&Import Word plan…", window)
        self.action.setStatusTip("Open an action plan from a Word document (.docx) as a new, unsaved plan")
        self.action.triggered.connect(lambda _checked=False: self.import_plan())
        self._done.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self.progress: TaskProgress | None = None

    def import_plan(self, path: Path | None = None) -> bool:
        """Ask for a .docx (unless given one) and start reading it. False if nothing started."""
        if self.busy:
            return False
        if path is None:
            path = self.prompter.choose_docx(self.files.settings.last_folder(FOLDER_PURPOSE))
            if path is None:
                return False
        path = path.absolute()
        self.files.settings.set_last_folder(FOLDER_PURPOSE, path.parent)
        self._start(path)
        return True

    def _start(self, path: Path) -> None:
        self.busy = True
        self.action.setEnabled(False)
        self.window.statusBar().showMessage(f"Importing “{path.name}”…")
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.progress = TaskProgress(self.window, f"Importing “{path.name}”")
        self.progress.work.step(0.1, f"Reading “{path.name}”")
        threading.Thread(target=self._run, args=(path, self.progress.work), name="import-docx", daemon=True).start()

    def cancel(self) -> None:
        """Stop waiting for the import that is running: its plan is never opened."""
        if self.progress is not None:
            self.progress.work.cancel()

    def _run(self, path: Path, work: Work) -> None:
        from importers.docx_import import import_docx
        from importers.errors import DocxImportError

        try:
            outcome = ImportOutcome(path, result=import_docx(path))
            work.check()
        except Cancelled:
            outcome = ImportOutcome(path, cancelled=True)
        except DocxImportError as error:
            outcome = ImportOutcome(path, error=error.message)
        except Exception as error:  # noqa: BLE001 - any failure must reach the user, not vanish with the thread
            outcome = ImportOutcome(path, error=f"{path.name} could not be imported because of an unexpected "
                                    f"problem: {error}")
        # RuntimeError: the window was closed while the file was being read; nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            self._done.emit(outcome)

    def _finish(self, outcome: ImportOutcome) -> None:
        QApplication.restoreOverrideCursor()
        if self.progress is not None:
            self.progress.finish()
            self.progress = None
        self.busy = False
        self.action.setEnabled(True)
        status = self.window.statusBar()
        if outcome.cancelled:
            status.showMessage("Import cancelled. Your plan is unchanged.", STATUS_MS)
        elif outcome.result is None:
            status.showMessage("Import failed. Your plan is unchanged.", STATUS_MS)
            self.prompter.show_error("Could not import Word plan", outcome.error or "")
        elif not self.files.maybe_save():
            status.showMessage("Import cancelled. Your plan is unchanged.", STATUS_MS)
        else:
            self._open(outcome.path, outcome.result)
            outcome = ImportOutcome(outcome.path, outcome.result, opened=True)
        self.finished.emit(outcome)

    def _open(self, path: Path, result: ImportResult) -> None:
        self.files.show_unsaved(result.plan, path.with_suffix(FILE_SUFFIX))
        readable = readable_report(result.plan, result.report)
        # A clean report has nothing to act on, so it goes in the status bar rather than a
        # dialog to dismiss; anything to check gets the full report.
        self.window.statusBar().showMessage(f"{readable.headline} The plan is not saved yet.", STATUS_MS)
        if not result.report.is_clean:
            self.prompter.show_report(readable)


class QtImportPrompter:
    """Asks with real dialogs, parented to the main window. The report stays open, not modal,
    beside the plan; a new import replaces it."""

    def __init__(self, parent: QWidget | None) -> None:
        self._parent = parent
        self.report_dialog: ImportReportDialog | None = None

    def choose_docx(self, folder: Path | None) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(self._parent, "Import Word plan", str(folder or ""), WORD_FILTER)
        return Path(chosen) if chosen else None

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self._parent, title, message)

    def show_report(self, report: ReadableReport) -> None:
        if self.report_dialog is not None:
            self.report_dialog.close()
            self.report_dialog.deleteLater()
        self.report_dialog = ImportReportDialog(report, self._parent)
        self.report_dialog.show()
