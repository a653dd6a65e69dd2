"""The progress checks, on a day each test names: never today's date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actionplan.changes import PlanChange
from actionplan.model import Action
from actionplan.progress import ActionStatus, EvidenceItem, TargetRevision
from actionplan.recording import add_evidence, record_update, remove_evidence, revise_target
from actionplan.target_date import TargetDate
from actionplan.tracking import Position, position
from actionplan.validation import Location, PlanValidator, Severity, validate
from actionplan.validation.progress_checks import check_progress
from tests.actionplan.validation.small_plans import make_plan

DAY = dt.date(2026, 12, 4)
PROGRESS_RULES = {"progress-complete-no-evidence", "progress-overdue", "progress-target-revised-often",
                  "progress-complete-target-ahead", "progress-revision-no-reason"}


def progress_findings(action: dict[str, object], today: dt.date = DAY) -> list[tuple[str, str, str]]:
    plan = make_plan(action=action)
    return [(f.rule, f.location.field, f.message) for f in validate(plan, today=today) if f.rule in PROGRESS_RULES]


def rules(action: dict[str, object], today: dt.date = DAY) -> list[str]:
    return [rule for rule, _field, _message in progress_findings(action, today)]


def test_every_progress_finding_is_a_warning_that_says_what_to_do() -> None:
    plan = make_plan(action={"status": ActionStatus.COMPLETE, "target": "March 2027",
                             "target_revisions": [_revised(m) for m in (1, 2, 3)]})
    found = [f for f in validate(plan, today=DAY) if f.rule in PROGRESS_RULES]
    assert {f.rule for f in found} == {"progress-complete-no-evidence", "progress-target-revised-often",
                                       "progress-complete-target-ahead"}
    for finding in found:
        assert finding.severity is Severity.WARNING
        assert finding.why
        assert finding.message.endswith((".", ")."))


def _revised(month: int, year: int = 2027) -> TargetRevision:
    return TargetRevision(target=TargetDate.of_month(year, month), reason="Builders late", made_on=dt.date(2026, 9, 1))


@pytest.mark.parametrize(("target", "today", "overdue"), [
    ("November 2026", dt.date(2026, 12, 1), True),
    ("November 2026", dt.date(2026, 11, 30), False),  # a month passes at its end
    ("30 November 2026", dt.date(2026, 12, 1), True),
    ("30 November 2026", dt.date(2026, 11, 30), False),
    ("Ongoing", DAY, False),
    ("", DAY, False),
])
def test_overdue_on_the_day_after_the_target(target: str, today: dt.date, overdue: bool) -> None:
    assert ("progress-overdue" in rules({"target": target}, today)) is overdue


def test_overdue_counts_from_the_latest_revised_target_and_says_which() -> None:
    found = progress_findings({"target": "September 2026", "target_revisions": [_revised(10, 2026)]})
    assert found == [("progress-overdue", "target",
                      "The target, October 2026, has passed and the action is not complete. Record an update "
                      "saying where it stands, or agree a revised target with a reason.")]
    assert "progress-overdue" not in rules({"target": "September 2026", "target_revisions": [_revised(3)]})


@pytest.mark.parametrize("status", [ActionStatus.COMPLETE, ActionStatus.ONGOING])
def test_a_done_action_is_never_overdue_but_needs_evidence(status: ActionStatus) -> None:
    assert rules({"status": status, "target": "June 2026"}) == ["progress-complete-no-evidence"]
    assert rules({"status": status, "target": "June 2026", "evidence": [EvidenceItem(description="Audit")]}) == []


def test_an_action_not_done_needs_no_evidence_yet() -> None:
    assert rules({"status": ActionStatus.IN_PROGRESS, "target": "March 2027"}) == []


def test_revised_more_than_twice_not_twice() -> None:
    assert rules({"target": "June 2027", "target_revisions": [_revised(m) for m in (1, 2)]}) == []
    found = progress_findings({"target": "June 2027", "target_revisions": [_revised(m) for m in (1, 2, 3)]})
    assert found == [("progress-target-revised-often", "target_revisions",
                      "The target has been revised 3 times (it is now March 2027). Say what is stopping the "
                      "work, and whether the action itself needs to change.")]


@pytest.mark.parametrize(("target", "flagged"), [
    ("January 2027", True), ("20 December 2026", True), ("December 2026", False), ("November 2026", False),
    ("Completed", False), ("Ongoing", False),
])
def test_a_done_action_still_shown_as_due_in_the_published_plan(target: str, flagged: bool) -> None:
    evidence = [EvidenceItem(description="Audit")]
    assert ("progress-complete-target-ahead" in rules({"status": ActionStatus.COMPLETE, "target": target,
                                                       "evidence": evidence})) is flagged


def test_the_offer_names_completed_or_completed_and_ongoing() -> None:
    evidence = [EvidenceItem(description="Audit")]
    [(_, field, message)] = progress_findings({"status": ActionStatus.ONGOING, "target": "March 2027",
                                               "evidence": evidence})
    assert field == "target"
    assert "still says “March 2027”, after today (4 December 2026)" in message
    assert "Show it as “Completed and ongoing”" in message


def test_recording_progress_re_checks_the_action() -> None:
    plan = make_plan(action={"target": "March 2027"})
    action: Action = plan.concerns[0].actions[0]
    validator = PlanValidator(plan, today=lambda: DAY)

    def now() -> set[str]:
        return {f.rule for f in validator.findings_for(action.id)} & PROGRESS_RULES

    def recorded() -> None:
        validator.update(PlanChange(action_ids=frozenset({action.id}),
                                    fields=frozenset({"status", "updates", "evidence", "target_revisions"})))

    assert now() == set()
    record_update(action, DAY, "J. Patel", "All done.", ActionStatus.COMPLETE)
    recorded()
    assert now() == {"progress-complete-no-evidence", "progress-complete-target-ahead"}
    item = add_evidence(action, "Audit report", "audit.pdf", DAY, "J. Patel")
    recorded()
    assert now() == {"progress-complete-target-ahead"}
    remove_evidence(action, item.id)
    record_update(action, DAY, "J. Patel", "Reopened.", ActionStatus.IN_PROGRESS)
    for month in (4, 5, 6):
        revise_target(action, TargetDate.of_month(2027, month), "Waiting for parts", DAY, "J. Patel")
    recorded()
    assert now() == {"progress-target-revised-often"}


def test_the_day_moves_on_for_the_editor() -> None:
    plan = make_plan(action={"target": "December 2026"})
    days = iter([dt.date(2026, 12, 31), dt.date(2027, 1, 1)])
    validator = PlanValidator(plan, today=lambda: next(days))
    action_id = plan.concerns[0].actions[0].id
    assert "progress-overdue" not in {f.rule for f in validator.findings_for(action_id)}
    validator.reset(plan)
    assert "progress-overdue" in {f.rule for f in validator.findings_for(action_id)}


TARGETS = st.one_of(
    st.builds(TargetDate.of_month, st.integers(2025, 2028), st.integers(1, 12)),
    st.builds(TargetDate.of_date, st.dates(dt.date(2025, 1, 1), dt.date(2028, 12, 31))),
    st.sampled_from([TargetDate.parse(words) for words in ("Completed", "Ongoing", "", "Summer")]),
)


@settings(max_examples=300, deadline=None)
@given(TARGETS, st.lists(TARGETS, max_size=3), st.sampled_from(list(ActionStatus)),
       st.dates(dt.date(2025, 1, 1), dt.date(2028, 12, 31)))
def test_overdue_is_what_the_progress_view_calls_overdue(target: TargetDate, revised: list[TargetDate],
                                                         status: ActionStatus, today: dt.date) -> None:
    action = Action(text="A.", owner="Governor", target=target, status=status,
                    target_revisions=[TargetRevision(target=t, reason="Late", made_on=DAY) for t in revised])
    found = {f.rule for f in check_progress(action, lambda field: Location(field=field), today)}
    assert ("progress-overdue" in found) is (position(action, today) is Position.OVERDUE)
    assert ("progress-target-revised-often" in found) is (len(revised) > 2)


def test_a_revised_target_with_no_reason_is_a_warning_naming_the_date() -> None:
    unexplained = TargetRevision(target=TargetDate.of_month(2027, 5), made_on=dt.date(2026, 9, 1))
    found = progress_findings({"target": "March 2027", "target_revisions": [_revised(4), unexplained]})
    assert found == [("progress-revision-no-reason", "target_revisions",
                      "The target was revised to May 2027 on 1 September 2026 with no reason. The progress review "
                      "asks why a date moved: say why in an update, then dismiss this warning giving the reason.")]

