"""The one way the editor records progress refuses what it must: a read-only plan, an action
that has gone, a name not given, a plan that is not done shown as Completed."""

from __future__ import annotations

from actionplan.progress import ActionStatus
from editor.common.settings import AppSettings
from editor.edits.document import PlanDocument
from editor.progress.progress_dialogs import NewEvidence
from editor.progress.recorder import ProgressRecorder
from tests.editor.progress.progress_fakes import ScriptedQuestions, tracked_plan


def recorder(named: bool = True) -> tuple[ProgressRecorder, PlanDocument, ScriptedQuestions]:
    document, questions = PlanDocument(tracked_plan()), ScriptedQuestions()
    settings = AppSettings()
    if named:
        settings.set_user_name("J. Patel")
    return ProgressRecorder(document, settings, questions), document, questions


def test_nothing_is_recorded_on_a_read_only_plan_or_a_gone_action(qapp: object) -> None:
    made, document, questions = recorder()
    action_id = document.plan.concerns[0].actions[0].id
    document.set_read_only(True)
    assert not made.add_update(action_id, "Text")
    assert not made.set_status(action_id, ActionStatus.COMPLETE)
    assert not made.add_evidence(action_id)
    assert not made.revise_target(action_id)
    assert not made.set_action_field(action_id, "lead", "R. Kaur")
    assert not made.set_concern_field(document.plan.concerns[0].id, "self_assessment", None)
    document.set_read_only(False)
    assert not made.add_update("no-such-action", "Text")
    assert not made.remove_evidence(action_id, "no-such-evidence")
    assert document.undo_stack.count() == 0
    assert questions.asked == []


def test_a_name_not_given_records_nothing_and_is_asked_again_next_time(qapp: object) -> None:
    made, document, questions = recorder(named=False)
    questions.script("ask_user_name", None, "R. Kaur")
    questions.script("ask_evidence", NewEvidence("Minutes", ""))
    action_id = document.plan.concerns[0].actions[0].id
    assert not made.add_evidence(action_id)
    assert questions.questions("ask_evidence") == []  # not asked for evidence without a name
    assert made.add_evidence(action_id)
    assert document.plan.concerns[0].actions[0].evidence[0].added_by == "R. Kaur"
    assert document.undo_stack.count() == 1


def test_only_a_done_action_is_shown_as_completed(qapp: object) -> None:
    made, document, _questions = recorder()
    not_done, done = document.plan.concerns[0].actions[0], document.plan.concerns[0].actions[2]
    assert not made.show_as_completed(not_done.id)
    assert not made.show_as_completed(done.id)  # already says Completed
    made.set_status(done.id, ActionStatus.ONGOING)
    assert made.show_as_completed(done.id)
    assert done.target.format() == "Completed and ongoing"
