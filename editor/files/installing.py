"""Gives a main window its file handling: the File menu, autosave, locks, outside-change
warnings, and its size and layout from last time."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMenu

from actionplan.recovery import RecoveryStore
from editor.common.screen_fit import restore_geometry
from editor.common.settings import AppSettings
from editor.edits.document import PlanDocument
from editor.files.file_controller import FileController
from editor.files.prompter import QtPrompter
from editor.files.questions import Prompter


def install_file_handling(
    window: QMainWindow,
    document: PlanDocument,
    prompter: Prompter | None = None,
    settings: AppSettings | None = None,
    store: RecoveryStore | None = None,
) -> FileController:
    """Give ``window`` the File menu, autosave, locks and outside-change warnings, and put back
    its size and layout from last time. ``window.menus["file"]`` is used when there is one."""
    settings = settings or AppSettings()
    controller = FileController(window, document, prompter or QtPrompter(window), settings, store)
    menus = getattr(window, "menus", {})
    menu = menus.get("file") if isinstance(menus, dict) else None
    controller.fill_menu(menu if isinstance(menu, QMenu) else window.menuBar().addMenu("&File"))
    if hasattr(window, "title_name") and hasattr(window, "update_title"):
        window.title_name = controller.display_name
        controller.name_changed.connect(window.update_title)
        window.update_title()
    controller.status.connect(lambda text: window.statusBar().showMessage(text, 8000))
    application = QCoreApplication.instance()
    if application is not None:
        application.aboutToQuit.connect(controller.shut_down)
    geometry, state = settings.window_geometry(), settings.window_state()
    if geometry is not None:
        restore_geometry(window, geometry)  # all of it on a screen that is there now
    if state is not None:
        window.restoreState(state)
    # A saved layout may show the read-only banner from last time: match this plan instead.
    controller.refresh_state()
    return controller


