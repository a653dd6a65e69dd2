"""Window events the file handling needs, caught without changing the window class:
plan files dropped on the window, and the window closing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QCloseEvent, QDropEvent
from PySide6.QtWidgets import QWidget


def dropped_files(mime: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class WindowEvents(QObject):
    """``open_dropped(path)`` is called for a file dropped on the window. ``may_close()`` is
    asked before the window closes; returning False keeps it open."""

    def __init__(
        self, window: QWidget, open_dropped: Callable[[Path], object], may_close: Callable[[], bool]
    ) -> None:
        super().__init__(window)
        self._open_dropped = open_dropped
        self._may_close = may_close
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        # QDragEnterEvent and QDragMoveEvent are kinds of QDropEvent.
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(event, QDropEvent):
            if dropped_files(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            files = dropped_files(event.mimeData())
            if files:
                event.acceptProposedAction()
                # Open after the drop has finished: questions asked inside a drop handler
                # would hold up the program the file was dragged from.
                path = files[0]
                QTimer.singleShot(0, lambda: self._open_dropped(path))
                return True
        elif kind == QEvent.Type.Close and isinstance(event, QCloseEvent) and not self._may_close():
            event.ignore()
            return True
        return super().eventFilter(watched, event)
