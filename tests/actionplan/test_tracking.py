"""Where an action stands on a day: derived from its status and latest target, never typed."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actionplan.model import Action, Category, Concern, Plan
from actionplan.progress import ActionStatus, IrpJudgement, ProgressUpdate, TargetRevision
from actionplan.target_date import TargetDate
from actionplan.tracking import (
    Position,
    hmip_judged,
    plan_standing,
    position,
    self_assessed,
    standing,
)

DAY = dt.date(2026, 12, 4)


def action(target: str, status: ActionStatus = ActionStatus.NOT_STARTED) -> Action:
    return Action(text="Do it.", owner="Governor", target=target, status=status)


@pytest.mark.parametrize(("target", "status", "where"), [
    ("November 2026", ActionStatus.IN_PROGRESS, Position.OVERDUE),
    ("December 2026", ActionStatus.IN_PROGRESS, Position.DUE_SOON),  # passes at the month's end
    ("3 December 2026", ActionStatus.NOT_STARTED, Position.OVERDUE),
    ("4 December 2026", ActionStatus.NOT_STARTED, Position.DUE_SOON),  # today is not past
    ("18 January 2027", ActionStatus.NOT_STARTED, Position.DUE_SOON),  # 45 days on
    ("19 January 2027", ActionStatus.NOT_STARTED, Position.ON_TRACK),
    ("January 2027", ActionStatus.NOT_STARTED, Position.ON_TRACK),  # ends 31 January: 58 days
    ("June 2027", ActionStatus.IN_PROGRESS, Position.ON_TRACK),
    ("November 2026", ActionStatus.COMPLETE, Position.COMPLETE),
    ("Ongoing", ActionStatus.ONGOING, Position.COMPLETE),
    ("Ongoing", ActionStatus.IN_PROGRESS, Position.NO_DATE),
    ("", ActionStatus.NOT_STARTED, Position.NO_DATE),
    ("Q2 2027", ActionStatus.NOT_STARTED, Position.NO_DATE),
    # No status recorded, and the published plan says it is done: complete, not "no date".
    ("Completed", ActionStatus.NOT_STARTED, Position.COMPLETE),
    ("Completed and ongoing", ActionStatus.NOT_STARTED, Position.COMPLETE),
    ("Completed", ActionStatus.IN_PROGRESS, Position.NO_DATE),  # someone said it is not done
])
def test_position_on_a_day(target: str, status: ActionStatus, where: Position) -> None:
    assert position(action(target, status), DAY) is where


def test_a_status_recorded_as_not_started_outweighs_a_completed_target() -> None:
    reopened = action("Completed")
    assert position(reopened, DAY) is Position.COMPLETE
    reopened.updates.append(ProgressUpdate(on=DAY, text="Not begun after all.", status=ActionStatus.NOT_STARTED))
    assert position(reopened, DAY) is Position.NO_DATE
    noted = action("Completed")
    noted.updates.append(ProgressUpdate(on=DAY, text="A note that sets no status."))
    assert position(noted, DAY) is Position.COMPLETE


def test_the_latest_revised_target_counts_and_the_published_one_stays() -> None:
    late = action("October 2026", ActionStatus.IN_PROGRESS)
    assert position(late, DAY) is Position.OVERDUE
    late.target_revisions.append(TargetRevision(target="March 2027", reason="Contractor delayed", made_on=DAY))
    assert position(late, DAY) is Position.ON_TRACK
    assert late.target.format() == "October 2026"
    assert position(late, DAY, due_soon_days=120) is Position.DUE_SOON


@given(status=st.sampled_from(ActionStatus), year=st.integers(2020, 2030), month=st.integers(1, 12),
       day_offset=st.integers(-400, 400), window=st.integers(0, 200))
def test_position_follows_the_definitions(status: ActionStatus, year: int, month: int, day_offset: int,
                                          window: int) -> None:
    target = TargetDate.of_month(year, month)
    today = dt.date(year, month, 1) + dt.timedelta(days=day_offset)
    found = position(Action(target=target, status=status), today, window)
    end = dt.date(year, month, calendar.monthrange(year, month)[1])
    if status.is_done:
        assert found is Position.COMPLETE
    elif end < today:
        assert found is Position.OVERDUE
    elif (end - today).days <= window:
        assert found is Position.DUE_SOON
    else:
        assert found is Position.ON_TRACK


def test_summary_line_in_words() -> None:
    actions = [action("November 2026")] * 4 + [action("December 2026")] * 6 \
        + [action("June 2027")] * 9 + [action("Completed", ActionStatus.COMPLETE)] * 12
    assert standing(actions, DAY).describe() == "31 actions: 12 complete, 9 on track, 6 due soon, 4 overdue"
    assert standing([action("")], DAY).describe() == "1 action: 1 no date"
    assert standing([], DAY).describe() == "0 actions"


def test_plan_standing_per_section() -> None:
    plan = Plan(concerns=[
        Concern(category=Category.PRIORITY, actions=[action("November 2026")]),
        Concern(category=Category.KEY, actions=[action("June 2027"), action("Completed", ActionStatus.COMPLETE)]),
    ])
    assert plan_standing(plan, DAY)[Position.OVERDUE] == 1
    assert plan_standing(plan, DAY, category=Category.KEY).describe() == "2 actions: 1 complete, 1 on track"


def test_irp_summaries() -> None:
    concerns = [Concern(self_assessment=judgement) for judgement in
                (IrpJudgement.GOOD_PROGRESS, IrpJudgement.REASONABLE_PROGRESS, IrpJudgement.INSUFFICIENT_PROGRESS, None)]
    assert self_assessed(concerns).describe("Self-assessed", "concern") == \
        "Self-assessed: 2 of 3 concerns reasonable or good progress"
    assert hmip_judged(concerns).judged == 0


@given(status=st.sampled_from(ActionStatus), case=st.sampled_from([str.upper, str.lower, str.title]),
       gap=st.sampled_from([" ", "  ", "-", " \t"]), pad=st.sampled_from(["", " ", "\n"]))
def test_a_status_reads_back_however_it_is_written(status: ActionStatus, case: object, gap: str, pad: str) -> None:
    assert callable(case)
    typed = pad + case(status.label).replace(" ", gap) + pad
    assert ActionStatus.from_words(typed) is status


@pytest.mark.parametrize(("typed", "status"), [
    ("done", ActionStatus.COMPLETE), ("In Progress", ActionStatus.IN_PROGRESS), ("in-progress", ActionStatus.IN_PROGRESS),
    ("NOT STARTED", ActionStatus.NOT_STARTED), ("business as usual", ActionStatus.ONGOING), ("maybe", None), ("", None),
])
def test_status_typed_in_words(typed: str, status: ActionStatus | None) -> None:
    assert ActionStatus.from_words(typed) is status
