"""An action the published plan already calls Completed, with no status recorded yet (a plan read
from a published document): the progress view counts it complete and says why."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from actionplan.model import Action, Category, Concern, Plan
from editor.progress.progress_model import ProgressColumn
from tests.editor.progress.progress_fakes import close_window, progress_window
from tests.editor.progress.test_progress_view_in_window import to_progress

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_an_action_published_as_completed_stands_as_complete_until_a_status_says_otherwise(
        qtbot: QtBot, no_leftover_widgets: None) -> None:
    plan = Plan(concerns=[Concern(category=Category.PRIORITY, text="Cells were cramped.", actions=[
        Action(text="Publish a regime.", owner="Governor", target="Completed"),
        Action(text="Run the forum.", owner="Governor", target="Completed and ongoing"),
    ])])
    window = progress_window(qtbot, plan)
    try:
        to_progress(window, qtbot)
        view = window.views.progress
        model = view.table.model()
        assert [model.index(row, ProgressColumn.POSITION).data() for row in range(2)] == ["Complete", "Complete"]
        tip = model.index(0, ProgressColumn.POSITION).data(Qt.ItemDataRole.ToolTipRole)
        assert tip == "Complete: its target says Completed, and no status has been recorded yet."
        assert view.summary.text() == "2 actions: 2 complete."
    finally:
        close_window(window)
