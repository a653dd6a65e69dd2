"""Recovery copies of unsaved work, written soon after each edit and never over the user's file.

Once typing pauses (``PAUSE_MS``), or at the latest ``LONGEST_WAIT_MS`` after the first unsaved
edit while typing goes on, the plan is snapshotted on the GUI thread in slices of a few
milliseconds (see ``plan_snapshot``) and the bytes are written by one worker thread through
the ``RecoveryStore``. The copy is deleted after a clean save, or when the user closes or
replaces the plan without saving.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from actionplan.file_errors import PlanFileError
from actionplan.recovery import RecoveryStore
from editor.edits.document import PlanDocument
from editor.files.plan_snapshot import PlanSnapshotter

PAUSE_MS = 700
LONGEST_WAIT_MS = 1500
SLICE_SECONDS = 0.004
"""GUI-thread work per event-loop turn; keeps every pause in typing far below 16 ms."""


def run_slice(job: Generator[bool, None, bytes], seconds: float) -> bytes | None:
    """Advance a snapshot for about ``seconds``: its bytes when finished, else None."""
    started = time.perf_counter()
    try:
        while time.perf_counter() - started < seconds:
            if next(job):
                break  # the joining step gets a slice of its own
    except StopIteration as finished:
        data: bytes = finished.value
        return data
    return None


class RecoveryWriter:
    """Writes and deletes recovery copies in order on one worker thread. A write that a newer
    write or a delete has made pointless is skipped."""

    def __init__(self, store: RecoveryStore, on_error: Callable[[str], None]) -> None:
        self._store = store
        self._on_error = on_error
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="recovery-copy")
        self._lock = threading.Lock()
        self._generation = 0
        self.last_write_seconds = 0.0

    def write(self, key: str, data: bytes, source_path: Path | None, name: str) -> Future[None]:
        generation = self._next_generation()
        return self._executor.submit(self._write, generation, key, data, source_path, name)

    def discard(self, key: str) -> Future[None]:
        self._next_generation()
        return self._executor.submit(self._discard, key)

    def wait(self) -> None:
        """Block until everything asked for so far is on disk (or has failed)."""
        self._executor.submit(lambda: None).result()

    def close(self) -> None:
        self._executor.shutdown(wait=True)

    def _next_generation(self) -> int:
        with self._lock:
            self._generation += 1
            return self._generation

    def _is_latest(self, generation: int) -> bool:
        with self._lock:
            return generation == self._generation

    def _write(self, generation: int, key: str, data: bytes, source_path: Path | None, name: str) -> None:
        if not self._is_latest(generation):
            return
        started = time.perf_counter()
        try:
            self._store.save_bytes(key, data, source_path, name)
        except (PlanFileError, OSError):
            self._on_error("A recovery copy of your work could not be written. Save your work now to be safe.")
        self.last_write_seconds = time.perf_counter() - started

    def _discard(self, key: str) -> None:
        try:
            self._store.discard(key)
        except OSError:
            self._on_error("An old recovery copy could not be deleted. It will be offered at the next start.")


class Autosaver(QObject):
    """Watches one document and keeps its recovery copy up to date."""

    problem = Signal(str)
    """A recovery copy could not be written or deleted; the text is for the status bar."""
    copy_requested = Signal()
    """A snapshot was handed to the writer (for tests and the benchmark)."""

    def __init__(self, document: PlanDocument, store: RecoveryStore | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._store = store or RecoveryStore()
        self.writer = RecoveryWriter(self._store, self.problem.emit)
        self._snapshotter = PlanSnapshotter()
        self._key = RecoveryStore.key_for(document.path)
        self.name_of: Callable[[], str] = document.display_name
        """The name the recovery copy is offered under at the next start."""
        self._has_copy = False
        self._closed = False
        self._job: Generator[bool, None, bytes] | None = None
        self._first_unsaved_edit: float | None = None
        self.longest_slice_seconds = 0.0
        """The longest single stretch of GUI-thread work so far: the figure that must stay
        under 16 ms."""
        self._pause = QTimer(self, singleShot=True)
        self._pause.setTimerType(Qt.TimerType.PreciseTimer)  # the kill-test budget is tight
        self._pause.timeout.connect(self._start_snapshot)
        self._connect(document)

    @property
    def key(self) -> str:
        return self._key

    def adopt(self, key: str) -> None:
        """Keep writing to an existing copy: used after restoring it."""
        self._key = key
        self._has_copy = True
        self.schedule()

    def use_fresh_key(self) -> None:
        """Write to a new copy, leaving an older recovered copy of the same file alone."""
        self.discard()
        self._key = RecoveryStore.key_for(None)

    def schedule(self) -> None:
        """An edit happened: snapshot once typing pauses, but never wait too long."""
        if self._closed:
            return
        now = time.monotonic()
        if self._first_unsaved_edit is None:
            self._first_unsaved_edit = now
        waited_ms = (now - self._first_unsaved_edit) * 1000
        self._pause.start(int(max(0, min(PAUSE_MS, LONGEST_WAIT_MS - waited_ms))))
        if self._job is not None:
            # The plan changed under a half-done snapshot: begin it again.
            self._job = None

    def copy_now(self) -> None:
        """Unsaved work that no edit made (an imported plan): copy it as soon as the event loop
        is free, not after the next edit."""
        if self._closed:
            return
        self._first_unsaved_edit = time.monotonic()
        self._job = None
        self._pause.start(0)

    def discard(self) -> None:
        """The user's file now holds the work, or the user chose to drop it."""
        self._cancel()
        if self._has_copy and not self._closed:
            self.writer.discard(self._key)
            self._has_copy = False

    def close(self) -> None:
        """Finish the writer thread and stop watching the document. Call when the window closes."""
        self._cancel()
        self._closed = True
        self.writer.close()

    def _connect(self, document: PlanDocument) -> None:
        document.edited.connect(lambda _change: self.schedule())
        document.plan_replaced.connect(self._on_plan_replaced)
        document.path_changed.connect(self._on_path_changed)
        document.modified_changed.connect(self._on_modified_changed)

    def _on_plan_replaced(self) -> None:
        self.discard()
        self._snapshotter.forget()
        self._key = RecoveryStore.key_for(self._document.path)

    def _on_path_changed(self) -> None:
        self.discard()
        self._key = RecoveryStore.key_for(self._document.path)
        if self._document.is_modified():
            self.schedule()

    def _on_modified_changed(self, modified: bool) -> None:
        if not modified:
            self.discard()

    def _cancel(self) -> None:
        self._pause.stop()
        self._job = None
        self._first_unsaved_edit = None

    def _start_snapshot(self) -> None:
        if not self._document.is_modified():
            self._first_unsaved_edit = None
            return
        self._job = self._snapshotter.steps(self._document.plan)
        self._run_slice(self._job)

    def _run_slice(self, job: Generator[bool, None, bytes]) -> None:
        if job is not self._job:
            # An edit arrived between slices; schedule() has set the timer again.
            return
        started = time.perf_counter()
        try:
            data = run_slice(job, SLICE_SECONDS)
        finally:
            self.longest_slice_seconds = max(self.longest_slice_seconds, time.perf_counter() - started)
        if data is None:
            QTimer.singleShot(0, lambda: self._run_slice(job))
            return
        self._job = None
        self._hand_over(data)

    def _hand_over(self, data: bytes) -> None:
        self._first_unsaved_edit = None
        document = self._document
        self.writer.write(self._key, data, document.path, self.name_of())
        self._has_copy = True
        self.copy_requested.emit()
