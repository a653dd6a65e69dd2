"""Recording progress adds dated records and never rewrites one."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from actionplan.model import Action
from actionplan.progress import ActionStatus
from actionplan.recording import add_evidence, record_update, remove_evidence, revise_target
from actionplan.target_date import TargetDate

DAY = dt.date(2026, 12, 4)


def test_an_update_sets_the_status_it_gives_and_keeps_the_earlier_ones() -> None:
    action = Action(text="Train staff.", target="March 2027")
    first = record_update(action, DAY, "J. Patel", "Training booked.", ActionStatus.IN_PROGRESS)
    second = record_update(action, DAY + dt.timedelta(days=30), "J. Patel", "Half the staff trained.")
    assert action.updates == [first, second]
    assert action.status is ActionStatus.IN_PROGRESS  # the second set none
    assert action.latest_update() is second


@given(st.lists(st.tuples(st.text(max_size=20), st.sampled_from([None, *ActionStatus])), max_size=12))
def test_updates_are_kept_in_the_order_they_were_made(entries: list[tuple[str, ActionStatus | None]]) -> None:
    action = Action()
    made = [record_update(action, DAY, "A. Person", text, status) for text, status in entries]
    assert [u.id for u in action.updates] == [u.id for u in made]
    statuses = [status for _text, status in entries if status is not None]
    assert action.status is (statuses[-1] if statuses else ActionStatus.NOT_STARTED)


def test_a_revision_keeps_the_published_target() -> None:
    action = Action(target="October 2026")
    revise_target(action, TargetDate.of_month(2027, 3), "Contractor delayed", DAY, "J. Patel")
    assert action.target.format() == "October 2026"
    assert action.current_target().format() == "March 2027"
    assert action.target_revisions[0].reason == "Contractor delayed"


def test_evidence_is_added_and_removed_by_id() -> None:
    action = Action()
    kept = add_evidence(action, "Minutes of the safety meeting", "evidence/minutes.pdf", DAY, "J. Patel")
    wrong = add_evidence(action, "Wrong file", "", DAY, "J. Patel")
    assert remove_evidence(action, wrong.id) == wrong
    assert action.evidence == [kept]
    assert remove_evidence(action, "no-such-id") is None
