"""The problems list's model passes Qt's model tester, and keeps passing as it refreshes."""

from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from editor.table.columns import Column
from editor.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_findings_model_passes_the_model_tester(window: MainWindow, qtbot: QtBot,
                                                qtmodeltester: ModelTester) -> None:
    model = window.validation.panel.model
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    before = len(model.shown)
    plan = window.document.plan
    concern = plan.concerns[0]
    owner = window.table.plan_model.index_for(concern.id, concern.actions[0].id, "owner")
    assert owner.column() == Column.OWNER
    assert window.table.plan_model.setData(owner, "")
    # The tester stays connected: it checks each reset as the list refreshes.
    qtbot.waitUntil(lambda: len(model.shown) == before + 1)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: len(model.shown) == before)


def test_errors_come_first_in_the_problems_list(window: MainWindow) -> None:
    """A new user's one error sat fourth, under three warnings, out of sight in a short list."""
    from actionplan.validation import Severity

    window.validation.panel.refresh()
    shown = window.validation.panel.model.shown
    severities = [finding.severity for finding in shown]
    assert Severity.ERROR in severities
    assert Severity.WARNING in severities
    first_warning = severities.index(Severity.WARNING)
    assert Severity.ERROR not in severities[first_warning:]
