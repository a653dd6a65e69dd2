"""Notices when the open plan's file changes on disk because of someone or something else.

Atomic saves (ours and other programs') replace the file, and the watch on the old file goes
with it, so the watch is set again after every change. Our own saves are recognised by the
file's size, time and contents, and ignored.

Only an ordinary file of a size a plan can be is ever read: a pipe or a device put in the
plan's place would hang the editor, and a huge file would fill its memory. Those count as
changed (so the user is told) without being read.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from actionplan.storage import MAX_FILE_BYTES

SETTLE_MS = 300
"""Sync tools write in several steps; wait for them to finish before looking."""


@dataclass(frozen=True)
class FileState:
    size: int
    modified_ns: int
    inode: int
    digest: bytes

    @classmethod
    def of(cls, path: Path) -> FileState | None:
        """The file's state, or None when it cannot be opened. Something that is not an ordinary
        file, or is too big to be a plan, is not read: its digest is empty."""
        try:
            # Without waiting, so opening a pipe cannot hang the editor.
            descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        except (OSError, ValueError):
            return None
        try:
            status = os.fstat(descriptor)
            digest = b""
            if stat.S_ISREG(status.st_mode) and status.st_size <= MAX_FILE_BYTES:
                digest = _digest(descriptor)
        except OSError:
            return None
        finally:
            os.close(descriptor)
        return cls(status.st_size, status.st_mtime_ns, status.st_ino, digest)

    def same_stat(self, status: os.stat_result) -> bool:
        return (self.size, self.modified_ns, self.inode) == (status.st_size, status.st_mtime_ns, status.st_ino)


def _digest(descriptor: int) -> bytes:
    """SHA-256 of at most ``MAX_FILE_BYTES`` (and one more byte) of the open file."""
    hashed = hashlib.sha256()
    left = MAX_FILE_BYTES + 1
    while left > 0 and (chunk := os.read(descriptor, min(left, 1024 * 1024))):
        hashed.update(chunk)
        left -= len(chunk)
    return hashed.digest()


class OutsideChangeWatcher(QObject):
    changed = Signal(bool)
    """The file was changed by someone else. The argument is False when it has gone."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_event)
        self._watcher.directoryChanged.connect(self._on_event)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self.check)
        self._path: Path | None = None
        self._known: FileState | None = None
        self._paused = False

    @property
    def path(self) -> Path | None:
        return self._path

    def watch(self, path: Path) -> None:
        """Watch ``path``, taking its current contents as the version the editor has."""
        self.stop()
        self._path = path
        self._known = FileState.of(path)
        self._rewatch()

    def stop(self) -> None:
        self._settle.stop()
        paths = self._watcher.files() + self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)
        self._path = None
        self._known = None

    def pause(self) -> None:
        """Ignore changes until ``resume``: the editor is about to write or ask about the file."""
        self._paused = True

    def resume(self, accept_current: bool) -> None:
        """Start noticing again. ``accept_current`` takes the file as it is now as ours (after
        our own save, or after the user has seen the change)."""
        self._paused = False
        if self._path is not None and accept_current:
            self._known = FileState.of(self._path)
        self._rewatch()

    def check(self) -> None:
        """Compare the file with the version the editor has, and say if it differs."""
        path = self._path
        if path is None or self._paused:
            return
        self._rewatch()
        try:
            status = path.stat()
        except FileNotFoundError:
            if self._known is not None:
                self._known = None
                self.changed.emit(False)
            return
        except OSError:
            return
        if self._known is not None and self._known.same_stat(status):
            return
        current = FileState.of(path)
        if current is None:
            return
        if self._known is not None and current.digest and current.digest == self._known.digest:
            # Touched or rewritten with the same contents (a sync tool): nothing to say.
            self._known = current
            return
        self._known = current
        self.changed.emit(True)

    def changed_since_known(self) -> bool:
        """True when the watched file now holds something other than the version the editor
        has: checked before saving over it, since a change may not have been noticed yet (made a
        moment ago, or on a network drive that sends no notice of changes)."""
        path = self._path
        if path is None:
            return False
        try:
            status = path.stat()
        except OSError:
            return False  # gone: saving writes it again
        known = self._known
        if known is not None and known.same_stat(status):
            return False
        current = FileState.of(path)
        if current is None:
            return False
        return known is None or not current.digest or current.digest != known.digest

    def _on_event(self, _path: str) -> None:
        if self._path is not None and not self._paused:
            self._settle.start()

    def _rewatch(self) -> None:
        path = self._path
        if path is None:
            return
        # The folder is watched too, so a file that is deleted and written again is noticed.
        if str(path.parent) not in self._watcher.directories() and path.parent.is_dir():
            self._watcher.addPath(str(path.parent))
        if str(path) not in self._watcher.files() and path.exists():
            self._watcher.addPath(str(path))
