"""Recording progress is one undo step that puts back exactly what was there."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from actionplan.model import Action, Concern, Plan
from actionplan.progress import ActionStatus
from actionplan.recording import add_evidence, record_update, revise_target
from actionplan.target_date import TargetDate
from editor.edits.document import PlanDocument
from editor.edits.progress_commands import RecordProgress

DAY = dt.date(2026, 12, 4)


def document() -> PlanDocument:
    return PlanDocument(Plan(concerns=[Concern(text="C", actions=[Action(text="A", target="March 2027"),
                                                                   Action(text="B")])]))


def test_one_step_for_many_actions_and_undo_puts_back_what_was_there(qapp: object) -> None:
    doc = document()
    first, second = doc.plan.concerns[0].actions
    before = doc.plan.model_dump()

    def record(actions: dict[str, Action]) -> None:
        record_update(actions[first.id], DAY, "J. Patel", "Started.", ActionStatus.IN_PROGRESS)
        revise_target(actions[first.id], TargetDate.of_month(2027, 6), "Delayed", DAY, "J. Patel")
        add_evidence(actions[second.id], "Minutes", "", DAY, "J. Patel")

    doc.undo_stack.push(RecordProgress(doc, [first.id, second.id], record, "Read returned forms"))
    after = doc.plan.model_dump()
    assert first.status is ActionStatus.IN_PROGRESS
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.plan.model_dump() == before
    doc.undo_stack.redo()
    assert doc.plan.model_dump() == after  # the same records, with the same ids


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=10), st.sampled_from([None, *ActionStatus])), min_size=1, max_size=6),
       st.integers(0, 6))
def test_updates_are_never_lost_or_reordered_by_undo_and_redo(qapp: object, steps: list[tuple[str, ActionStatus | None]],
                                                             undone: int) -> None:
    doc = document()
    action = doc.plan.concerns[0].actions[0]
    for text, status in steps:
        doc.undo_stack.push(RecordProgress(
            doc, [action.id], lambda found, t=text, s=status: record_update(found[action.id], DAY, "A", t, s), "Update"))
    texts = [u.text for u in action.updates]
    ids = [u.id for u in action.updates]
    undone = min(undone, len(steps))
    for _ in range(undone):
        doc.undo_stack.undo()
    assert [u.text for u in action.updates] == texts[: len(steps) - undone]
    for _ in range(undone):
        doc.undo_stack.redo()
    assert [u.id for u in action.updates] == ids
