"""Where File ▸ Import Word plan… and Edit ▸ Paste concerns from report… sit in the window's
menus: the window room wires the exchange room's controllers in."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from editor.exchange.import_controller import ImportController, ImportPrompter, QtImportPrompter
from editor.exchange.paste_concerns_dialog import ConcernPaster
from editor.files.file_controller import FileController
from editor.window.main_window import MainWindow


@dataclass
class ImportTools:
    word: ImportController
    paste: ConcernPaster


def install_import(window: MainWindow, files: FileController, prompter: ImportPrompter | None = None) -> ImportTools:
    """Add File ▸ Import Word plan… under Open Recent, and Edit ▸ Paste concerns from report…"""
    controller = ImportController(window, files, prompter or QtImportPrompter(window))
    files.import_word_plan = controller.import_plan  # File ▸ Open on a .docx offers this
    _insert_after(window.menus["file"], files.recent_menu.menuAction(), controller.action)
    paster = ConcernPaster(window, window.document, window.validation.adapter.spelling, window.reveal)
    edit = window.menus["edit"]
    edit.addSeparator()
    edit.addAction(paster.action)
    window.addActions([controller.action, paster.action])
    return ImportTools(controller, paster)


def _insert_after(menu: QMenu, anchor: QAction, action: QAction) -> None:
    actions = menu.actions()
    following = actions[actions.index(anchor) + 1] if anchor in actions and anchor is not actions[-1] else None
    if following is None:
        menu.addAction(action)
    else:
        menu.insertAction(following, action)
