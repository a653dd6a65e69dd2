"""Where File ▸ Collect updates (Send forms…, Read returned forms…) sits in the window's menus,
and returned forms dropped on the window: the window room wires the exchange room's
controller in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget

from editor.exchange.update_forms_controller import FORM_SUFFIXES, FormsPrompter, UpdateFormsController
from editor.files.file_controller import FileController
from editor.files.window_events import dropped_files
from editor.window.main_window import MainWindow


@dataclass
class UpdateFormsTools:
    controller: UpdateFormsController
    drops: FormDrops


def install_update_forms(window: MainWindow, files: FileController,
                         prompter: FormsPrompter | None = None) -> UpdateFormsTools:
    """Add File ▸ Collect updates after Export, and read spreadsheets dropped on the window."""
    controller = UpdateFormsController(window, window.document, files.settings, prompter)
    menu = window.menus["file"]
    anchor = window.exporting.action
    actions = menu.actions()
    following = actions[actions.index(anchor) + 1] if anchor in actions and anchor is not actions[-1] else None
    if following is None:
        menu.addMenu(controller.menu)
    else:
        menu.insertMenu(following, controller.menu)
    window.addActions(controller.actions())
    return UpdateFormsTools(controller, FormDrops(window, controller.read_forms))


def returned_forms_in(paths: list[Path]) -> list[Path]:
    """The dropped files when every one of them looks like a spreadsheet, else none: a plan
    dropped with them is the file handling's to open."""
    if paths and all(path.suffix.lower() in FORM_SUFFIXES for path in paths):
        return paths
    return []


class FormDrops(QObject):
    """Spreadsheets dropped on the window are read as returned forms. Installed after the file
    handling's own filter, so it sees drops first (Qt asks the newest filter first) and passes
    on anything else, such as a plan file."""

    def __init__(self, window: QWidget, read: Callable[[list[Path]], object]) -> None:
        super().__init__(window)
        self._read = read
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop) and isinstance(event, QDropEvent):
            forms = returned_forms_in(dropped_files(event.mimeData()))
            if forms:
                event.acceptProposedAction()
                if kind == QEvent.Type.Drop:
                    # Read after the drop has finished, so the program dragged from is not held up.
                    QTimer.singleShot(0, lambda: self._read(forms))
                return True
        return super().eventFilter(watched, event)
