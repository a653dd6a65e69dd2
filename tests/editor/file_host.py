"""A small window with the file handling installed, driven by a scripted prompter."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QMenu
from pytestqt.qtbot import QtBot

from actionplan.model import Action, Concern, Plan, PlanDetails
from actionplan.recovery import RecoveryStore
from editor.common.settings import AppSettings
from editor.edits.commands import FieldRef, SetField
from editor.edits.document import PlanDocument
from editor.files.file_controller import FileController
from editor.files.installing import install_file_handling
from tests.editor.fakes import ScriptedPrompter


class HostWindow(QMainWindow):
    """Stands in for the main window: a File menu and nothing else."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Host[*]")
        self.menus: dict[str, QMenu] = {"file": self.menuBar().addMenu("&File")}
        self.menus["file"].addAction("&Quit", self.close)


@dataclass
class Host:
    window: QMainWindow
    document: PlanDocument
    files: FileController
    prompter: ScriptedPrompter
    store: RecoveryStore
    settings: AppSettings

    def type_action_text(self, text: str, concern: int = 0, action: int = 0) -> None:
        """An edit through the undo stack, as typing in the inspector makes."""
        plan = self.document.plan
        ref = FieldRef(plan.concerns[concern].id, plan.concerns[concern].actions[action].id, "text")
        self.document.undo_stack.push(SetField(self.document, ref, text, merge_key="typing"))

    def action_text(self, concern: int = 0, action: int = 0) -> str:
        return self.document.plan.concerns[concern].actions[action].text

    def menu_texts(self) -> list[str]:
        return [action.text() for action in self.window.menus["file"].actions()]  # type: ignore[attr-defined]


def make_host(qtbot: QtBot, window: QMainWindow | None = None) -> Host:
    """The caller must end with ``close_quietly``: qtbot's own clean-up closes windows before
    fixtures end, which would ask about unsaved changes."""
    window = window or HostWindow()
    document = getattr(window, "document", None) or PlanDocument(Plan(), None, window)
    prompter = ScriptedPrompter()
    store = RecoveryStore()
    settings = AppSettings()
    files = install_file_handling(window, document, prompter, settings, store)
    return Host(window, document, files, prompter, store, settings)


def close_quietly(host: Host) -> None:
    """End a test without questions: drop unsaved changes and close the window."""
    host.document.undo_stack.clear()
    host.document.undo_stack.setClean()  # clear() keeps a stack that resetClean() made dirty
    host.window.close()
    host.window.deleteLater()


def sample_plan(establishment: str = "HMP Example", actions: int = 2) -> Plan:
    return Plan(
        details=PlanDetails(establishment=establishment),
        concerns=[
            Concern(
                text="Visits started late.",
                actions=[Action(text=f"Action {number}.", owner="Governor") for number in range(1, actions + 1)],
            )
        ],
    )


def write_plan(path: Path, plan: Plan | None = None) -> Path:
    from actionplan.storage import save_plan

    path.parent.mkdir(parents=True, exist_ok=True)
    save_plan(plan or sample_plan(), path)
    return path
