"""A progress window for a task that runs off the interface thread: it appears only once the
task has taken more than a moment, says what the task is doing, shows how far it has got, and
has a Cancel button. Cancel asks the task to stop (``actionplan.work.Work``); the task then
takes away anything half-written, and the window closes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressDialog, QWidget

from actionplan.work import Work

SHOW_AFTER_MS = 700
"""Quicker tasks never show a window: a flash of one is worse than none."""
STEPS = 1000


class TaskProgress(QObject):
    """Follows one ``work``. Call ``finish()`` when the task has ended, however it ended."""

    _moved = Signal(float, str)  # from the worker thread to this one

    def __init__(self, parent: QWidget, title: str, work: Work | None = None) -> None:
        super().__init__(parent)
        self.work = work if work is not None else Work(on_progress=self._moved.emit)
        self.dialog = QProgressDialog(parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setLabelText(f"{title}…")
        self.dialog.setCancelButtonText("&Cancel")
        self.dialog.setRange(0, STEPS)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAccessibleName(title)
        self.dialog.setMinimumWidth(460)  # room for "Making the PDF with LibreOffice…" and a long name
        label = self.dialog.findChild(QLabel)
        if label is not None:
            label.setWordWrap(True)
        self.dialog.canceled.connect(self._cancel)
        self.dialog.hide()  # QProgressDialog shows itself when made; it waits for SHOW_AFTER_MS
        self._moved.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self._later = QTimer(self, singleShot=True, interval=SHOW_AFTER_MS)
        self._later.timeout.connect(self._appear)
        self._later.start()
        self.finished = False

    def _appear(self) -> None:
        if not self.finished:
            self.dialog.show()

    def _show_progress(self, fraction: float, doing: str) -> None:
        if self.finished:
            return
        if doing:
            self.dialog.setLabelText(f"{doing}…")
        self.dialog.setValue(round(fraction * STEPS))

    def _cancel(self) -> None:
        self.work.cancel()
        self.dialog.setLabelText("Stopping…")
        self.dialog.setCancelButton(None)  # once is enough: the task is tidying up

    def finish(self) -> None:
        self.finished = True
        self._later.stop()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.deleteLater()
