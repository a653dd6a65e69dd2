"""Hand-made fakes for the progress tests: questions answered from a script, an opener that
remembers what it was asked to open, and a window with both set up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from actionplan.model import Action, Category, Concern, Plan, PlanDetails
from actionplan.progress import ActionStatus, EvidenceItem, ProgressUpdate
from editor.edits.document import PlanDocument
from editor.window.main_window import MainWindow
from tests.editor.fakes import ScriptedPrompter

TODAY = dt.date(2026, 7, 1)
"""The tests' day (tests/conftest.py sets ACTIONPLAN_TODAY to it)."""


class ScriptedQuestions(ScriptedPrompter):
    """The progress questions, answered from a script (see ``ScriptedPrompter``)."""

    def ask_evidence(self, plan_folder: Path | None) -> Any:
        return self._answer("ask_evidence", plan_folder)

    def ask_revised_target(self, action: Action) -> Any:
        return self._answer("ask_revised_target", action.id)

    def show_problem(self, title: str, message: str) -> None:
        self._answer("show_problem", title, message)

    def confirm_delete(self, title: str, message: str) -> Any:
        return self._answer("confirm_delete", title, message)


class FakeOpener:
    """Opens nothing; remembers each link, and answers as told."""

    def __init__(self, works: bool = True) -> None:
        self.opened: list[QUrl] = []
        self.works = works

    def __call__(self, url: QUrl) -> bool:
        self.opened.append(url)
        return self.works


def tracked_plan() -> Plan:
    """Two priority concerns, as the tests' day (1 July 2026) sees them: concern 1 has an
    overdue action (May 2026), one due soon (July 2026) led by J. Patel and one complete; concern
    2 has one on track (March 2027, led by A. Hughes) and one with no date."""
    update = ProgressUpdate(on=dt.date(2026, 6, 1), author="J. Patel", text="Started the survey.",
                            status=ActionStatus.IN_PROGRESS)
    return Plan(
        details=PlanDetails(establishment="HMP Testing", submitted=dt.date(2026, 4, 1)),
        concerns=[
            Concern(category=Category.PRIORITY, text="Cells were cramped.", actions=[
                Action(text="Survey every cell.", owner="Head of Residence", target="May 2026"),
                Action(text="Repair windows.", owner="Head of Residence", target="July 2026", lead="J. Patel",
                       status=ActionStatus.IN_PROGRESS, updates=[update]),
                Action(text="Publish a regime.", owner="Governor", target="Completed", status=ActionStatus.COMPLETE,
                       evidence=[EvidenceItem(description="Regime", link="regime.pdf")]),
            ]),
            Concern(category=Category.KEY, text="Visits started late.", actions=[
                Action(text="Open visits on time.", owner="Head of Residence", target="March 2027",
                       lead="A. Hughes"),
                Action(text="Review the visits booking line.", owner="Governor"),
            ]),
        ],
    )


def progress_window(qtbot: QtBot, plan: Plan | None = None, path: Path | None = None,
                    questions: ScriptedQuestions | None = None, opener: FakeOpener | None = None) -> MainWindow:
    """A real main window on ``plan``, with scripted questions and a fake opener, shown."""
    window = MainWindow(PlanDocument(plan or tracked_plan(), path))
    window.views.recorder.questions = questions or ScriptedQuestions()
    window.views.recorder.opener = opener or FakeOpener()
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.table.setFocus()
    return window


def close_window(window: MainWindow) -> None:
    window.document.undo_stack.clear()
    window.close()
    window.deleteLater()


def updates_of(window: MainWindow, concern: int, action: int) -> list[tuple[str, str, ActionStatus | None]]:
    found = window.document.plan.concerns[concern].actions[action]
    return [(u.author, u.text, u.status) for u in found.updates]
