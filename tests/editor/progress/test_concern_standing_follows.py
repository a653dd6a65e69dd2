"""The inspector's "where this concern's actions stand" follows progress recorded on any of the
concern's actions (a form read back, an update in the progress view), not only the one shown."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from actionplan import recording
from actionplan.progress import ActionStatus
from editor.edits.progress_commands import RecordProgress
from editor.window.main_window import MainWindow
from tests.editor.progress.progress_fakes import TODAY
from tests.editor.progress.test_progress_view_in_window import to_progress

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_the_concerns_standing_follows_updates_recorded_on_its_other_actions(tracking: MainWindow,
                                                                            qtbot: QtBot) -> None:
    concern = tracking.document.plan.concerns[0]
    survey, windows = concern.actions[0], concern.actions[1]
    tracking.reveal(concern.id, survey.id, "text")
    to_progress(tracking, qtbot)
    panel = tracking.views.panel
    assert panel.action_id == survey.id
    assert panel.concern_standing.text() == "3 actions: 1 complete, 1 due soon, 1 overdue."
    # As a returned form is read: an update on another action of the concern, one undo step.
    tracking.document.undo_stack.push(RecordProgress(tracking.document, [windows.id], lambda found: (
        recording.record_update(found[windows.id], TODAY, "J. Patel", "All windows repaired.",
                                ActionStatus.COMPLETE)), "Read returned update forms"))
    QApplication.processEvents()
    assert panel.concern_standing.text() == "3 actions: 2 complete, 1 overdue."
    tracking.document.undo_stack.undo()
    QApplication.processEvents()
    assert panel.concern_standing.text() == "3 actions: 1 complete, 1 due soon, 1 overdue."


def test_a_concern_shown_on_its_own_follows_its_actions_too(tracking: MainWindow, qtbot: QtBot) -> None:
    concern = tracking.document.plan.concerns[1]
    tracking.inspector.show_item(concern.id, None)  # the concern, as its own row shows it
    panel = tracking.views.panel
    assert (panel.concern_id, panel.action_id) == (concern.id, None)
    before = panel.folded_summary.text()
    assert before == "2 actions: 1 on track, 1 no date"
    first = concern.actions[0]
    tracking.document.undo_stack.push(RecordProgress(tracking.document, [first.id], lambda found: (
        recording.record_update(found[first.id], TODAY, "A. Hughes", "Visits open on time.",
                                ActionStatus.COMPLETE)), "Record update"))
    QApplication.processEvents()
    assert panel.folded_summary.text() == "2 actions: 1 complete, 1 no date"
