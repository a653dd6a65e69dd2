"""Every rule: a case that breaks it, and a near miss that must not."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from actionplan.model import Action, Category, Concern, Era, Plan
from actionplan.progress import ActionStatus, EvidenceItem, TargetRevision
from actionplan.target_date import TargetDate
from actionplan.validation import RULES, Severity, validate
from tests.actionplan.validation.small_plans import findings_of, make_plan, rules_found

A = "action"
C = "concern"
D = "details"

def _revision(month: int) -> TargetRevision:
    return TargetRevision(target=TargetDate.of_month(2027, month), reason="Contractor late", made_on=dt.date(2026, 6, 30))


# rule id -> (what breaks it, a near miss). Each is (part of the plan, its fields).
CASES: dict[str, tuple[tuple[str, dict[str, Any]], tuple[str, dict[str, Any]]]] = {
    "owner-missing": ((A, {"owner": "  "}), (A, {"owner": "HMPPS Estates"})),
    "target-missing": ((A, {"target": ""}), (A, {"target": "Completed"})),
    "target-unrecognised": ((A, {"target": "Summer 2026"}), (A, {"target": "Completed and ongoing"})),
    "action-text-missing": ((A, {"text": " \n "}), (A, {"text": "Completed: a daily sheet records start times."})),
    "concern-text-missing": ((C, {"text": ""}), (C, {"text": "Key work remained disappointing."})),
    "establishment-missing": ((D, {"establishment": " "}), (D, {"establishment": "HMP East Sutton Park"})),
    "date-missing": ((D, {"published": None}), (D, {"published": dt.date(2026, 6, 1)})),
    "dates-inconsistent": (
        (D, {"submitted": dt.date(2026, 5, 1)}),
        (D, {"submitted": dt.date(2026, 6, 1)}),  # the same day as publication is fine
    ),
    "target-before-submission": ((A, {"target": "May 2026"}), (A, {"target": "June 2026"})),
    "target-far": ((A, {"target": "January 2028"}), (A, {"target": "December 2027"})),
    "target-ongoing-only": ((A, {"target": "Ongoing"}), (A, {"target": "Completed and ongoing"})),
    "owner-multiple": (
        (A, {"owner": "Governor Governor"}),
        (A, {"owner": "Governor and Milton Keynes (education provider)"}),
    ),
    "owner-person-name": ((A, {"owner": "Mr Smith"}), (A, {"owner": "Head of Safety"})),
    "reference-unusual": ((C, {"reference": "Mr Smith"}), (C, {"reference": "S45"})),
    "action-vague": (
        (A, {"text": "The prison will review the gym timetable. Attendance data is recorded daily."}),
        (A, {"text": "The prison will review the gym timetable and monitor attendance weekly through the QIG."}),
    ),
    "action-no-measure": (
        (A, {"text": "The prison will create a drone trigger plan with local police to allow swift reaction."}),
        (A, {"text": "The prison will create a drone trigger plan with local police, tested each month."}),
    ),
    "style-date-format": (
        (A, {"text": "A weekly check started on 9th January 2024."}),
        (A, {"text": "A weekly check started on 9 January 2024."}),
    ),
    "style-acronym-undefined": (
        (A, {"text": "Attendance will be checked weekly by the SIM."}),
        (A, {"text": "Attendance will be checked weekly by the Safety Intervention Meeting (SIM)."}),
    ),
    "style-long-sentence": (
        (A, {"text": "Weekly " + " ".join(["visits"] * 24) + " checked."}),  # 26 words
        (A, {"text": "Weekly " + " ".join(["visits"] * 23) + " checked. Weekly visits."}),  # 25, then 2
    ),
    "style-words-to-avoid": (
        (A, {"text": "A robust weekly check of visits."}),
        (A, {"text": "A thorough weekly check of visits."}),
    ),
    # Progress, counted from the tests' fixed day, 1 July 2026 (tests/conftest.py).
    "progress-complete-no-evidence": (
        (A, {"status": ActionStatus.COMPLETE, "target": "Completed"}),
        (A, {"status": ActionStatus.COMPLETE, "target": "Completed", "evidence": [EvidenceItem(description="Minutes")]}),
    ),
    "progress-overdue": ((A, {"target": "June 2026"}), (A, {"target": "July 2026"})),
    "progress-target-revised-often": (
        (A, {"target_revisions": [_revision(month) for month in (1, 2, 3)]}),
        (A, {"target_revisions": [_revision(month) for month in (1, 2)]}),
    ),
    "progress-revision-no-reason": (
        (A, {"target_revisions": [TargetRevision(target=TargetDate.of_month(2027, 1), made_on=dt.date(2026, 6, 30))]}),
        (A, {"target_revisions": [_revision(1)]}),
    ),
    "progress-complete-target-ahead": (
        (A, {"status": ActionStatus.COMPLETE, "target": "August 2026"}),
        (A, {"status": ActionStatus.COMPLETE, "target": "July 2026"}),
    ),
}


def _plan_with(part: str, fields: dict[str, Any]) -> Any:
    return make_plan(**{{A: "action", C: "concern", D: "details"}[part]: fields})


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_catches_the_problem(rule: str) -> None:
    assert rule in rules_found(_plan_with(*CASES[rule][0]))


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_passes_the_near_miss(rule: str) -> None:
    assert rule not in rules_found(_plan_with(*CASES[rule][1]))


def test_every_rule_has_a_case() -> None:
    covered = set(CASES) | {"concern-without-actions", "reference-duplicate", "cross-reference-broken", "spelling",
                            "plan-empty"}
    assert covered == set(RULES)


def test_every_finding_says_what_to_do_and_why() -> None:
    plan = make_plan(action={"owner": "", "target": "", "text": ""})
    for finding in validate(plan):
        assert finding.message.endswith((".", "”", ")"))
        assert finding.why
        assert finding.severity is RULES[finding.rule].severity


def test_concern_without_actions() -> None:
    assert "concern-without-actions" in rules_found(make_plan(concern={"actions": []}))
    assert "concern-without-actions" not in rules_found(make_plan())


def test_an_empty_plan_is_not_ready() -> None:
    plan = make_plan()
    plan.concerns.clear()
    found = validate(plan)
    assert [(f.rule, f.message) for f in found] == [("plan-empty", "Add the concerns from the inspection report.")]
    assert found[0].location.concern_id is None
    assert found[0].location.field == "concerns"
    assert found[0].location.describe() == "Plan"
    plan.details.era = Era.RECOMMENDATIONS
    assert findings_of(plan, "plan-empty")[0].message == "Add the recommendations from the inspection report."
    assert "plan-empty" not in rules_found(make_plan())


def test_a_new_plan_lists_every_missing_date_where_it_is_typed() -> None:
    found = [f for f in validate(Plan()) if f.severity is Severity.ERROR]
    assert [(f.rule, f.location.field) for f in found] == [
        ("plan-empty", "concerns"),
        ("establishment-missing", "establishment"),
        ("date-missing", "submitted"),
        ("date-missing", "inspection_start"),
        ("date-missing", "inspection_end"),
        ("date-missing", "published"),
    ]
    assert {f.location.describe() for f in found[1:]} == {"Plan details"}
    assert found[3].message == "Add the inspection's first day, from the inspection report."


def test_duplicate_rec_no_marks_both_concerns() -> None:
    second = Concern(category=Category.KEY, text="Cells were cramped.", reference="1",
                     actions=[Action(text="A monthly check of cells.", owner="Governor", target="July 2026")])
    plan = make_plan(more=[second])
    found = findings_of(plan, "reference-duplicate")
    assert {f.location.concern_id for f in found} == {c.id for c in plan.concerns}
    second.reference = "2A"
    assert findings_of(plan, "reference-duplicate") == []


@pytest.mark.parametrize("text", [
    "(see actions in priority concern 3 and 4)",
    "(See actions in 3 and 4)",
    "(see Priority Concern 2)",
    "see key concern 9",
])
def test_cross_references_that_point_nowhere(text: str) -> None:
    plan = make_plan(action={"text": f"A monthly check of visits {text}."})
    found = findings_of(plan, "cross-reference-broken")
    assert len(found) == 1
    assert "no concern" in found[0].message


def _plan_of_four() -> Any:
    plan = make_plan()
    for number in range(2, 5):
        category = Category.PRIORITY if number < 4 else Category.KEY
        plan.concerns.append(Concern(category=category, text=f"Concern {number}.", actions=[
            Action(text="A monthly check.", owner="Governor", target="July 2026")]))
    return plan


@pytest.mark.parametrize("text", [
    "(see actions in priority concern 2 and 3)", "(See actions in 3 and 4)", "(see Priority Concern 2)",
    "see key concern 4",
])
def test_cross_references_that_resolve(text: str) -> None:
    plan = _plan_of_four()
    plan.concerns[0].actions[0].text = f"A monthly check of visits {text}."
    assert findings_of(plan, "cross-reference-broken") == []


def test_cross_reference_to_the_other_section() -> None:
    plan = _plan_of_four()
    plan.concerns[0].actions[0].text = "A monthly check (see key concern 2)."
    [finding] = findings_of(plan, "cross-reference-broken")
    assert "priority concern, not a key concern" in finding.message


def test_acronym_spelled_out_earlier_in_plan_order_counts() -> None:
    plan = _plan_of_four()
    plan.concerns[0].actions[0].text = "Monitored through the monthly Quality Improvement Group (QIG) meeting."
    plan.concerns[2].actions[0].text = "Checked each month at the QIG."
    assert findings_of(plan, "style-acronym-undefined") == []
    # Spelled out only later: the first use is flagged, and told where.
    plan.concerns[0].actions[0].text, plan.concerns[2].actions[0].text = (
        plan.concerns[2].actions[0].text, plan.concerns[0].actions[0].text)
    [finding] = findings_of(plan, "style-acronym-undefined")
    assert finding.location.action_id == plan.concerns[0].actions[0].id
    assert "spelled out later (concern 3, action 1)" in finding.message


def test_well_known_and_word_list_acronyms_are_skipped() -> None:
    plan = make_plan(action={"text": "HMPPS, HMIP, the NHS, the MoJ and GOV.UK check this monthly at the SMT."})
    [finding] = findings_of(plan, "style-acronym-undefined")
    assert "“SMT”" in finding.message
    assert "HMPPS" not in finding.message
    plan.word_list.append("SMT")
    assert findings_of(plan, "style-acronym-undefined") == []


def test_introduction_is_never_checked() -> None:
    plan = make_plan(details={"introduction": "A robust, focussed plan  (see priority concern 99) by the XYZQ."})
    assert rules_found(plan) == []


def test_words_to_avoid_offers_an_alternative() -> None:
    [finding] = findings_of(make_plan(action={"text": "Staff will utilise a weekly check sheet."}),
                            "style-words-to-avoid")
    assert "instead of “utilise”, use" in finding.message


def test_names_are_not_words_to_avoid() -> None:
    text = "A weekly check of the Incentivised Substance Free Living wing."
    assert findings_of(make_plan(action={"text": text}), "style-words-to-avoid") == []


def test_completed_action_needs_no_measure() -> None:
    text = "A paperless system has been adopted in legal visits to prevent conveyance."
    assert "action-no-measure" in rules_found(make_plan(action={"text": text, "target": "December 2026"}))
    assert "action-no-measure" not in rules_found(make_plan(action={"text": text, "target": "Completed"}))


def test_owner_lists_and_joint_owners() -> None:
    def multiple(owner: str) -> bool:
        return "owner-multiple" in rules_found(make_plan(action={"owner": owner}))

    assert multiple("Governor, Head of Safety")
    assert multiple("Head of Safety / Head of Security")
    assert not multiple("Head of Education, Skills and Work")
    assert not multiple("HMPPS Directorate of Prison Operations")


def test_person_names_but_not_roles() -> None:
    def person(owner: str) -> bool:
        return "owner-person-name" in rules_found(make_plan(action={"owner": owner}))

    assert person("J. Jones")
    assert person("Dr Patel")
    assert person("Mrs. A. Khan")
    assert not person("E Wing Manager")
    assert not person("Governor and Milton Keynes (education provider)")


def test_dates_inconsistent_names_each_pair() -> None:
    plan = make_plan(details={"inspection_end": dt.date(2026, 2, 1), "published": dt.date(2026, 1, 1),
                              "submitted": dt.date(2025, 12, 1)})
    fields = {f.location.field for f in findings_of(plan, "dates-inconsistent")}
    assert fields == {"inspection_end", "published", "submitted"}


def test_errors_and_warnings_have_the_right_severity() -> None:
    plan = make_plan(action={"owner": "", "target": "Ongoing"})
    severities = {f.rule: f.severity for f in validate(plan)}
    assert severities == {"owner-missing": Severity.ERROR, "target-ongoing-only": Severity.WARNING}


@pytest.mark.parametrize(("text", "flagged"), [
    ("Staff will focus on searching cells each week.", True),
    ("A weekly meeting focusing on gaps in searching.", True),
    ("A clear focus on searching, checked each week.", False),
    ("We will deliver improvements each month.", True),
    ("Training sessions will be delivered to all staff each month.", False),
])
def test_words_to_avoid_in_context(text: str, flagged: bool) -> None:
    assert bool(findings_of(make_plan(action={"text": text}), "style-words-to-avoid")) is flagged


def test_cross_references_to_manual_rec_nos() -> None:
    plan = make_plan(concern={"reference": "S45"})
    plan.concerns[0].actions[0].text = "A monthly check of visits (see recommendation S45)."
    assert findings_of(plan, "cross-reference-broken") == []
    plan.concerns[0].actions[0].text = "A monthly check of visits (see recommendation S46)."
    [finding] = findings_of(plan, "cross-reference-broken")
    assert "no concern S46" in finding.message
