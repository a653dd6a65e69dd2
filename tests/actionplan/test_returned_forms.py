"""What returned form answers would change, and recording them: each kind of answer, what
cannot be used and why, the date an update takes, answers read twice, and two forms answering
one action."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actionplan.form_answers import AnsweredRow, CellAnswer, ReturnedForm, TypedDate
from actionplan.model import Action, Category, Concern, Plan, PlanDetails
from actionplan.progress import ActionStatus
from actionplan.recording import record_update
from actionplan.returned_forms import Outcome, answered_on, apply, propose
from actionplan.target_date import TargetDate
from actionplan.update_forms import Answer, FormIdentity, SendTo

SENT = dt.date(2027, 3, 1)
TODAY = dt.date(2027, 3, 20)


def plan() -> Plan:
    return Plan(details=PlanDetails(establishment="HMP Testing"), concerns=[
        Concern(category=Category.PRIORITY, text="Drugs were too freely available.", actions=[
            Action(id="a" * 16, text="Search more cells.", owner="Head of Security", target="December 2026",
                   lead="Grace Okafor"),
            Action(id="b" * 16, text="Train staff.", owner="Governor", target="March 2027", lead="Grace Okafor"),
        ]),
        Concern(category=Category.KEY, text="Visits started late.", actions=[
            Action(id="c" * 16, text="Start visits on time.", owner="Head of Residence", target="June 2027"),
        ]),
    ])


def identity(form_id: str = "form1", sent_to: str = "Grace Okafor") -> FormIdentity:
    return FormIdentity(form_id, sent_to, SENT, SendTo.LEAD, "HMP Testing", "testing.actionplan")


def form(*rows: AnsweredRow, saved: dt.datetime | None = dt.datetime(2027, 3, 8, 10), form_id: str = "form1",
         sent_to: str = "Grace Okafor", name: str = "Progress update - Grace Okafor.xlsx") -> ReturnedForm:
    return ReturnedForm(name, identity(form_id, sent_to), tuple(rows), saved)


def row(action_id: str, number: int = 2, **answers: CellAnswer) -> AnsweredRow:
    return AnsweredRow(number, action_id, {Answer[name.upper()]: value for name, value in answers.items()})


def only_row(returned: ReturnedForm, the_plan: Plan | None = None):  # type: ignore[no-untyped-def]
    proposal = propose(the_plan or plan(), [returned], TODAY, "testing.actionplan")
    (proposed,) = proposal.rows()
    return proposed


# Each kind of answer --------------------------------------------------------------------------------


def test_a_full_answer_records_an_update_a_status_a_target_and_evidence_in_the_leads_name() -> None:
    the_plan = plan()
    returned = form(row("a" * 16, new_status="done", progress_update="All cells searched weekly.",
                        evidence="Search log, https://intranet.example/log.xlsx.",
                        revised_target="Mar 2027", reason="Dog team off sick"))
    proposal = propose(the_plan, [returned], TODAY)
    assert apply(the_plan, proposal) == ["a" * 16]
    action = the_plan.concerns[0].actions[0]
    (update,) = action.updates
    assert (update.on, update.author, update.text, update.status) == (
        dt.date(2027, 3, 8), "Grace Okafor", "All cells searched weekly.", ActionStatus.COMPLETE)
    assert action.status is ActionStatus.COMPLETE
    (revision,) = action.target_revisions
    assert (revision.target, revision.reason, revision.made_on, revision.by) == (
        TargetDate.of_month(2027, 3), "Dog team off sick", dt.date(2027, 3, 8), "Grace Okafor")
    (evidence,) = action.evidence
    assert evidence.description == "Search log, https://intranet.example/log.xlsx."
    assert evidence.link == "https://intranet.example/log.xlsx"
    assert (evidence.added_on, evidence.added_by) == (dt.date(2027, 3, 8), "Grace Okafor")
    assert update.source == revision.source == evidence.source != ""
    assert action.target.format() == "December 2026"  # the published target stays


@pytest.mark.parametrize(("typed", "status"), [
    ("done", ActionStatus.COMPLETE), ("In Progress", ActionStatus.IN_PROGRESS), ("in-progress", ActionStatus.IN_PROGRESS),
    ("Completed and ongoing", ActionStatus.ONGOING), ("not started", ActionStatus.NOT_STARTED),
])
def test_a_status_typed_in_words_is_matched(typed: str, status: ActionStatus) -> None:
    proposed = only_row(form(row("a" * 16, new_status=typed)))
    assert proposed.status is status
    assert not proposed.problems


@pytest.mark.parametrize("typed", ["nearly", "amber", "50%", "complete-ish"])
def test_a_status_that_is_not_clear_is_refused_with_the_words_allowed(typed: str) -> None:
    proposed = only_row(form(row("a" * 16, new_status=typed, progress_update="Going well.")))
    assert proposed.status is None
    (problem,) = proposed.problems
    assert f"“{typed}”" in problem
    assert "Not started, In progress, Complete or Ongoing" in problem
    assert proposed.update_text == "Going well."  # the rest of the row is still used
    assert proposed.outcome is Outcome.CHANGES


@pytest.mark.parametrize(("typed", "target"), [
    ("Mar 2027", TargetDate.of_month(2027, 3)), ("31/03/2027", TargetDate.of_date(dt.date(2027, 3, 31))),
    ("June 2027", TargetDate.of_month(2027, 6)), ("30 September 2027", TargetDate.of_date(dt.date(2027, 9, 30))),
    (TypedDate(dt.date(2027, 4, 1), month_only=True), TargetDate.of_month(2027, 4)),
    (TypedDate(dt.date(2027, 4, 15)), TargetDate.of_date(dt.date(2027, 4, 15))),
])
def test_a_revised_target_is_read_as_the_editor_reads_dates(typed: CellAnswer, target: TargetDate) -> None:
    proposed = only_row(form(row("a" * 16, revised_target=typed, reason="Delayed")))
    assert proposed.target == target
    assert not proposed.problems


@pytest.mark.parametrize(("typed", "why"), [
    ("31/03/27", "Write the year in full"),
    ("Mar 27", "Write the year in full"),
    ("soon", "was not understood"),
    ("Completed", "is not a date"),
])
def test_a_revised_target_that_cannot_be_used_is_refused_and_says_why(typed: str, why: str) -> None:
    proposed = only_row(form(row("a" * 16, revised_target=typed, progress_update="Update")))
    assert proposed.target is None
    assert why in proposed.problems[0]
    assert proposed.update_text == "Update"


def test_a_reason_with_no_new_date_is_kept_in_the_update() -> None:
    proposed = only_row(form(row("a" * 16, reason="Staff shortages")))
    assert proposed.update_text == "Reason for new date: Staff shortages"
    assert proposed.target is None


def test_the_current_target_given_again_changes_nothing() -> None:
    proposed = only_row(form(row("a" * 16, revised_target="December 2026")))
    assert proposed.target is None
    assert proposed.outcome is Outcome.NOT_USED
    assert "current target" in proposed.notes[0]


def test_a_row_with_nothing_filled_in_changes_nothing() -> None:
    proposed = only_row(form(row("a" * 16)))
    assert proposed.outcome is Outcome.EMPTY


def test_a_row_whose_action_was_deleted_is_not_used_and_says_so() -> None:
    the_plan = plan()
    returned = form(row("a" * 16, progress_update="Fine."), row("d" * 16, 3, progress_update="Deleted one."))
    proposal = propose(the_plan, [returned], TODAY)
    kept, gone = proposal.rows()
    assert kept.will_change
    assert gone.outcome is Outcome.NOT_USED
    assert "no longer in the plan" in gone.problems[0]


def test_a_row_with_answers_but_no_action_id_is_not_used() -> None:
    proposed = only_row(form(row("", progress_update="Typed into a new row.")))
    assert proposed.outcome is Outcome.NOT_USED
    assert "no action id" in proposed.problems[0]


def test_a_form_from_another_plan_is_not_read_at_all() -> None:
    returned = ReturnedForm("other.xlsx", FormIdentity("f", "A. Person", SENT, SendTo.LEAD, "HMP Elsewhere",
                                                       "elsewhere.actionplan"),
                            (row("e" * 16, progress_update="x"), row("f" * 16, 3, progress_update="y")))
    proposal = propose(plan(), [returned], TODAY, "testing.actionplan")
    (reading,) = proposal.forms
    assert "was sent from the action plan for HMP Elsewhere (elsewhere.actionplan)" in reading.problem
    assert not reading.rows
    assert proposal.changes() == []


def test_a_form_that_does_not_say_whom_it_was_sent_to_is_not_read() -> None:
    proposal = propose(plan(), [ReturnedForm("copy.xlsx", None, (row("a" * 16, progress_update="x"),))], TODAY)
    assert "does not say which plan or person" in proposal.forms[0].problem


def test_complete_with_no_evidence_is_noted() -> None:
    proposed = only_row(form(row("a" * 16, new_status="Complete")))
    assert "no evidence" in " ".join(proposed.notes)


# Dates ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("saved", "expected"), [
    (dt.datetime(2027, 3, 8, 9), dt.date(2027, 3, 8)),
    (dt.datetime(2027, 2, 1, 9), SENT),       # saved before it was sent: a wrong clock
    (dt.datetime(2027, 5, 1, 9), TODAY),      # saved in the future
    (None, TODAY),                            # the workbook records no time
])
def test_an_update_is_dated_the_day_the_form_was_last_saved(saved: dt.datetime | None, expected: dt.date) -> None:
    assert answered_on(form(saved=saved), TODAY) == expected


# Read twice, and two forms for one action --------------------------------------------------------------


def test_reading_the_same_form_twice_adds_nothing_the_second_time() -> None:
    the_plan = plan()
    returned = form(row("a" * 16, new_status="In progress", progress_update="Half done.", evidence="Log",
                        revised_target="May 2027", reason="Late"))
    apply(the_plan, propose(the_plan, [returned], TODAY))
    before = the_plan.model_dump()
    again = propose(the_plan, [returned], TODAY)
    assert again.changes() == []
    assert again.rows()[0].outcome is Outcome.ALREADY_READ
    apply(the_plan, again)
    assert the_plan.model_dump() == before


def test_the_same_form_chosen_twice_at_once_is_recorded_once() -> None:
    the_plan = plan()
    returned = form(row("a" * 16, progress_update="Half done."))
    proposal = propose(the_plan, [returned, returned], TODAY)
    assert len(proposal.changes()) == 1
    apply(the_plan, proposal)
    assert len(the_plan.concerns[0].actions[0].updates) == 1


def test_two_forms_answering_one_action_are_both_kept_in_date_order_and_the_preview_says_so() -> None:
    the_plan = plan()
    later = form(row("b" * 16, new_status="Complete", progress_update="All trained."),
                 saved=dt.datetime(2027, 3, 12), form_id="owner-form", sent_to="Governor",
                 name="Progress update - Governor.xlsx")
    earlier = form(row("b" * 16, new_status="In progress", progress_update="Half trained."),
                   saved=dt.datetime(2027, 3, 5))
    proposal = propose(the_plan, [later, earlier], TODAY)  # read in the wrong order
    assert all("both are kept, in date order" in " ".join(proposed.notes) for proposed in proposal.rows())
    first, second = proposal.changes()
    assert "Status given: In progress (kept with the update; a later status stands)" in first.changes()
    assert "Status: Not started → Complete" in second.changes()
    apply(the_plan, proposal)
    action = the_plan.concerns[0].actions[1]
    assert [(u.on, u.author, u.text) for u in action.updates] == [
        (dt.date(2027, 3, 5), "Grace Okafor", "Half trained."), (dt.date(2027, 3, 12), "Governor", "All trained.")]
    assert action.status is ActionStatus.COMPLETE


def test_a_form_filled_in_before_a_later_update_keeps_the_later_status() -> None:
    the_plan = plan()
    action = the_plan.concerns[0].actions[0]
    record_update(action, dt.date(2027, 3, 15), "Sam Keeper", "Closed at the board.", ActionStatus.COMPLETE)
    proposed = only_row(form(row("a" * 16, new_status="In progress", progress_update="Searching.")), the_plan)
    assert proposed.later_status_stands
    assert "stays Complete" in " ".join(proposed.notes)
    apply(the_plan, propose(the_plan, [form(row("a" * 16, new_status="In progress", progress_update="Searching."))],
                            TODAY))
    assert [u.text for u in action.updates] == ["Searching.", "Closed at the board."]
    assert action.status is ActionStatus.COMPLETE


def test_a_changed_answer_in_the_same_form_is_added_and_noted() -> None:
    the_plan = plan()
    apply(the_plan, propose(the_plan, [form(row("a" * 16, progress_update="First words."))], TODAY))
    proposed = only_row(form(row("a" * 16, progress_update="Corrected words.")), the_plan)
    assert proposed.will_change
    assert "same form was read before" in " ".join(proposed.notes)


def test_the_summary_counts_what_will_change() -> None:
    the_plan = plan()
    proposal = propose(the_plan, [
        form(row("a" * 16, new_status="done", progress_update="x", evidence="Log"),
             row("b" * 16, 3, revised_target="31/03/27"), row("c" * 16, 4)),
        ReturnedForm.unreadable("old.xls", "“old.xls” was saved in the old Excel 97–2003 format (.xls)."),
    ], TODAY)
    assert proposal.summary() == (
        "2 forms read. 1 answer will be recorded on 1 action: 1 update, 1 status change, 0 revised targets, "
        "1 evidence item. 1 row with something that cannot be used. 1 form could not be read.")


# Anything typed ------------------------------------------------------------------------------------------

answers = st.dictionaries(st.sampled_from(list(Answer)), st.one_of(
    st.text(max_size=40), st.sampled_from(["done", "Mar 2027", "31/03/27", "=SUM(A1)", "  ", "Completed"]),
    st.builds(TypedDate, st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)), st.booleans())))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a" * 16, "b" * 16, "c" * 16, "", "z" * 16]), answers), max_size=6))
def test_any_answers_are_proposed_without_error_and_recording_twice_adds_nothing(
        typed: list[tuple[str, dict[Answer, CellAnswer]]]) -> None:
    the_plan = plan()
    returned = form(*(AnsweredRow(number, action_id, answers) for number, (action_id, answers)
                      in enumerate(typed, start=2)))
    proposal = propose(the_plan, [returned], TODAY)
    # Every row is shown, unless no row names an action of this plan: then the form is refused.
    assert len(proposal.rows()) == len(typed) or "nothing was read" in proposal.forms[0].problem
    apply(the_plan, proposal)
    once = the_plan.model_dump()
    apply(the_plan, propose(the_plan, [returned], TODAY))
    assert the_plan.model_dump() == once


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="time zones are set this way on Linux and macOS")
def test_the_day_saved_is_the_day_on_this_computers_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    try:
        # 23:30 UTC on 7 June is 00:30 on 8 June in British Summer Time; on 7 March (GMT) it is 23:30.
        assert answered_on(form(saved=dt.datetime(2027, 6, 7, 23, 30)), dt.date(2027, 6, 20)) == dt.date(2027, 6, 8)
        assert answered_on(form(saved=dt.datetime(2027, 3, 7, 23, 30)), TODAY) == dt.date(2027, 3, 7)  # GMT
    finally:
        monkeypatch.undo()
        time.tzset()
