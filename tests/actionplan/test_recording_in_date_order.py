"""Records dated before ones already held go in their place by date, a status given by an older
update does not replace a later one, and a record keeps where it came from."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from actionplan.model import Action
from actionplan.progress import ActionStatus
from actionplan.recording import add_evidence, record_update, revise_target
from actionplan.target_date import TargetDate

DAY = dt.date(2027, 3, 8)


def test_an_older_update_goes_before_a_newer_one_and_leaves_its_status() -> None:
    action = Action(text="Train staff.", target="March 2027")
    newer = record_update(action, DAY, "Sam Keeper", "All trained.", ActionStatus.COMPLETE)
    older = record_update(action, DAY - dt.timedelta(days=5), "J. Patel", "Half trained.", ActionStatus.IN_PROGRESS,
                          source="form:abc:123")
    assert action.updates == [older, newer]
    assert action.latest_update() is newer
    assert action.status is ActionStatus.COMPLETE
    assert older.source == "form:abc:123"


def test_an_older_status_stands_when_no_later_update_gives_one() -> None:
    action = Action()
    record_update(action, DAY, "Sam Keeper", "Note with no status.")
    record_update(action, DAY - dt.timedelta(days=1), "J. Patel", "Started.", ActionStatus.IN_PROGRESS)
    assert action.status is ActionStatus.IN_PROGRESS


def test_an_older_revision_does_not_become_the_current_target() -> None:
    action = Action(target="October 2026")
    revise_target(action, TargetDate.of_month(2027, 6), "Later agreement", DAY, "Sam Keeper")
    revise_target(action, TargetDate.of_month(2027, 3), "Earlier agreement", DAY - dt.timedelta(days=9), "J. Patel",
                  source="form:abc:9")
    assert action.current_target().format() == "June 2027"
    assert [revision.reason for revision in action.target_revisions] == ["Earlier agreement", "Later agreement"]
    assert action.target_revisions[0].source == "form:abc:9"


def test_evidence_keeps_its_source() -> None:
    item = add_evidence(Action(), "Minutes", "", DAY, "J. Patel", source="form:x:y")
    assert item.source == "form:x:y"


days = st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2028, 12, 31))


@given(st.lists(st.tuples(days, st.sampled_from([None, *ActionStatus])), max_size=15))
def test_updates_stay_in_date_order_and_the_status_is_the_latest_given(
        entries: list[tuple[dt.date, ActionStatus | None]]) -> None:
    action = Action()
    for day, status in entries:
        record_update(action, day, "A. Person", "", status)
    held = [update.on for update in action.updates]
    assert held == sorted(held)
    # Among updates of one day, the one recorded last counts as the later.
    given_statuses = [(day, index, status) for index, (day, status) in enumerate(entries) if status is not None]
    expected = max(given_statuses)[2] if given_statuses else ActionStatus.NOT_STARTED
    assert action.status is expected


def test_a_record_typed_in_the_editor_has_no_source_in_the_file() -> None:
    from actionplan.model import Concern, Plan
    from actionplan.storage import plan_to_bytes

    action = Action(text="Train staff.")
    record_update(action, DAY, "Sam Keeper", "Typed in the editor.")
    assert action.updates[0].source is None
    assert b'"source"' not in plan_to_bytes(Plan(concerns=[Concern(text="C", actions=[action])]))
