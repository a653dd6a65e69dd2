"""PlanValidator: incremental updates give exactly what a full check gives, and touch little."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actionplan.changes import PlanChange
from actionplan.model import Action, Category, Concern, Era, Plan
from actionplan.validation import PlanValidator, Severity, checks, with_dismissal
from tests.actionplan.validation.small_plans import make_plan

TEXTS = (
    "",
    "The prison will review the gym timetable.",
    "Monitored through the monthly Quality Improvement Group (QIG) meeting.",
    "Checked weekly at the QIG (see priority concern 2).",
    "A robust check on 9th January 2027 (see key concern 3 and 4).",
    "Staff at the SIM will consider this.",
    "Safety Intervention Meeting (SIM) minutes record each case monthly.",
)
OWNERS = ("Governor", "", "Governor Governor", "Mr Smith", "HMPPS Estates")
TARGETS = ("December 2026", "", "Ongoing", "Completed", "May 2020", "January 2030", "Soon")
REFERENCES = ("", "", "1", "S45")

Edit = Callable[[Plan], PlanChange]


def _action(plan: Plan, index: int) -> Action | None:
    actions = [action for _, action in plan.all_actions()]
    return actions[index % len(actions)] if actions else None


def _set_action(field: str, values: tuple[str, ...]) -> st.SearchStrategy[Edit]:
    def build(index: int, value: str) -> Edit:
        def edit(plan: Plan) -> PlanChange:
            action = _action(plan, index)
            if action is None:
                return PlanChange()
            setattr(action, field, value)
            return PlanChange(action_ids=frozenset({action.id}), fields=frozenset({field}))
        return edit
    return st.builds(build, st.integers(0, 50), st.sampled_from(values))


def _set_concern(field: str, values: tuple[object, ...], structure: bool) -> st.SearchStrategy[Edit]:
    def build(index: int, value: object) -> Edit:
        def edit(plan: Plan) -> PlanChange:
            if not plan.concerns:
                return PlanChange()
            concern = plan.concerns[index % len(plan.concerns)]
            setattr(concern, field, value)
            if field == "category":
                plan.put_in_display_order()
            return PlanChange(concern_ids=frozenset({concern.id}), fields=frozenset({field}), structure=structure)
        return edit
    return st.builds(build, st.integers(0, 50), st.sampled_from(values))


def _add_action(index: int, text: str) -> Edit:
    def edit(plan: Plan) -> PlanChange:
        if not plan.concerns:
            return PlanChange()
        action = Action(text=text, owner="Governor", target="July 2026")
        plan.concerns[index % len(plan.concerns)].actions.append(action)
        return PlanChange(action_ids=frozenset({action.id}), structure=True)
    return edit


def _remove_action(index: int) -> Edit:
    def edit(plan: Plan) -> PlanChange:
        for concern in plan.concerns:
            if concern.actions:
                concern.actions.pop(index % len(concern.actions))
                return PlanChange(structure=True)
        return PlanChange()
    return edit


def _add_concern(category: Category) -> Edit:
    def edit(plan: Plan) -> PlanChange:
        concern = Concern(category=category, text="Cells were cramped.")
        plan.concerns.append(concern)
        plan.put_in_display_order()
        return PlanChange(concern_ids=frozenset({concern.id}), structure=True)
    return edit


def _remove_concern(index: int) -> Edit:
    def edit(plan: Plan) -> PlanChange:
        if plan.concerns:
            plan.concerns.pop(index % len(plan.concerns))
        return PlanChange(structure=True)
    return edit


def _set_details(field: str, value: object) -> Edit:
    def edit(plan: Plan) -> PlanChange:
        setattr(plan.details, field, value)
        return PlanChange(details=True, fields=frozenset({field}))
    return edit


EDITS: st.SearchStrategy[Edit] = st.one_of(
    _set_action("text", TEXTS),
    _set_action("owner", OWNERS),
    _set_action("target", TARGETS),
    _set_concern("text", ("", "Visits started late.", "The Segregation Review Group (SRG) met rarely."), False),
    _set_concern("reference", REFERENCES, True),
    _set_concern("category", (Category.PRIORITY, Category.KEY), True),
    st.builds(_add_action, st.integers(0, 50), st.sampled_from(TEXTS)),
    st.builds(_remove_action, st.integers(0, 50)),
    st.builds(_add_concern, st.sampled_from(Category)),
    st.builds(_remove_concern, st.integers(0, 50)),
    st.builds(_set_details, st.just("submitted"),
              st.sampled_from([None, dt.date(2026, 6, 22), dt.date(2020, 1, 1), dt.date(2026, 5, 1)])),
    st.builds(_set_details, st.just("establishment"), st.sampled_from(["", "HMP Novus Park"])),
    st.builds(_set_details, st.sampled_from(["inspection_start", "inspection_end", "published"]),
              st.sampled_from([None, dt.date(2026, 3, 1), dt.date(2026, 6, 1)])),
    st.builds(_set_details, st.just("era"), st.sampled_from(Era)),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(EDITS, min_size=1, max_size=25))
def test_incremental_equals_full_validation(edits: list[Edit]) -> None:
    plan = make_plan()
    validator = PlanValidator(plan)
    for edit in edits:
        validator.update(edit(plan))
        fresh = PlanValidator(plan)
        assert validator.findings(include_dismissed=True) == fresh.findings(include_dismissed=True)
        assert validator.counts() == fresh.counts()


def test_emptying_the_plan_and_filling_it_again_is_rechecked() -> None:
    plan = make_plan()
    validator = PlanValidator(plan)
    assert validator.counts().errors == 0
    validator.update(_remove_concern(0)(plan))
    assert [f.rule for f in validator.findings()] == ["plan-empty"]
    validator.update(_set_details("era", Era.RECOMMENDATIONS)(plan))
    assert validator.findings()[0].message == "Add the recommendations from the inspection report."
    validator.update(_add_concern(Category.KEY)(plan))
    assert "plan-empty" not in [f.rule for f in validator.findings()]


def test_a_keystroke_rechecks_only_its_action(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = make_plan()
    for _ in range(20):
        plan.concerns[0].actions.append(Action(text="A monthly check.", owner="Governor", target="July 2026"))
    validator = PlanValidator(plan)
    checked: list[str] = []
    original = checks.check_action
    monkeypatch.setattr(checks, "check_action", lambda action, *a: checked.append(action.id) or original(action, *a))
    action = plan.concerns[0].actions[5]
    action.text = "A monthly check of cells."
    validator.update(PlanChange(action_ids=frozenset({action.id}), fields=frozenset({"text"})))
    assert checked == [action.id]


def test_findings_for_a_cell() -> None:
    plan = make_plan(action={"owner": "", "target": "Ongoing"})
    validator = PlanValidator(plan)
    action = plan.concerns[0].actions[0]
    assert [f.rule for f in validator.findings_for(action.id, "owner")] == ["owner-missing"]
    assert [f.rule for f in validator.findings_for(action.id, "target")] == ["target-ongoing-only"]
    assert validator.findings_for(action.id, "text") == []
    assert validator.findings_for(plan.concerns[0].id) == []


def test_dismissed_warning_is_hidden_and_not_counted() -> None:
    plan = make_plan(action={"owner": "", "target": "Ongoing"})
    validator = PlanValidator(plan)
    assert (validator.counts().errors, validator.counts().warnings) == (1, 1)
    warning = next(f for f in validator.findings() if f.severity is Severity.WARNING)
    plan.dismissals = with_dismissal(plan.dismissals, warning, "Agreed with HMIP", today=dt.date(2026, 6, 1))
    assert validator.findings_for(plan.concerns[0].actions[0].id, "target") == []
    assert validator.counts() == type(validator.counts())(errors=1, warnings=0, dismissed=1)
    assert warning in validator.findings(include_dismissed=True)


def test_recheck_rule_after_a_word_is_accepted() -> None:
    from actionplan.spelling import SpellChecker

    checker = SpellChecker()
    if not checker.available:
        pytest.skip("no en-GB dictionary here")
    plan = make_plan(action={"text": "A monthly check will recieve attention."})
    validator = PlanValidator(plan, checker)
    assert [f.rule for f in validator.findings()] == ["spelling"]
    checker.ignore("recieve")
    validator.recheck_rule("spelling")
    assert validator.findings() == []
    assert validator.counts().warnings == 0
