"""Fixtures for the table editor tests: a real main window, and a check that no test leaves
top-level widgets behind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from actionplan.model import Action, Category, Concern, Plan, PlanDetails
from editor.edits.document import PlanDocument
from editor.window.main_window import MainWindow


def small_plan() -> Plan:
    """Two priority concerns (two actions, one action) and one key concern with no actions."""
    return Plan(
        details=PlanDetails(establishment="HMP Testing", submitted=dt.date(2026, 6, 22)),
        concerns=[
            Concern(category=Category.PRIORITY, text="Drugs were too freely available.", actions=[
                Action(text="Search more cells.", owner="Head of Security", target="December 2026"),
                Action(text="Train staff.", owner="Governor", target="Completed"),
            ]),
            Concern(category=Category.PRIORITY, text="Self-harm was high.", actions=[
                Action(text="Recruit an analyst.", owner="Head of Safety", target="March 2027"),
            ]),
            Concern(category=Category.KEY, text="Visits started late."),
        ],
    )


def _flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


@pytest.fixture
def no_leftover_widgets(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves top-level widgets behind."""
    _flush_deletes()
    before = set(QApplication.topLevelWidgets())
    yield
    _flush_deletes()
    left = [w for w in QApplication.topLevelWidgets() if w not in before]
    assert not left, f"test left top-level widgets behind: {left}"


@pytest.fixture
def document() -> PlanDocument:
    return PlanDocument(small_plan())


def activate(qtbot: QtBot, main: MainWindow) -> None:
    """Show ``main`` and wait until it is the active window, so shortcuts reach it."""
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    main.table.setFocus()


@pytest.fixture
def window(qtbot: QtBot, no_leftover_widgets: None) -> Iterator[MainWindow]:
    main = MainWindow(PlanDocument(small_plan()))
    activate(qtbot, main)
    yield main
    main.close()
    main.deleteLater()
    _flush_deletes()
