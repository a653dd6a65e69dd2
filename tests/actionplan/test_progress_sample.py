"""The progress sample: the sample plan a year on, with realistic progress in every position."""

from __future__ import annotations

from actionplan.model import Category
from actionplan.storage import load_plan, plan_to_bytes
from actionplan.tracking import Position, hmip_judged, plan_standing, position, self_assessed
from actionplan.validation import Severity, validate
from tools.build_progress_sample import AS_OF, PROGRESS_SAMPLE_PATH, build_progress_sample
from tools.build_sample_plan import SAMPLE_PATH


def test_committed_progress_sample_is_what_the_script_builds() -> None:
    assert PROGRESS_SAMPLE_PATH.read_bytes() == plan_to_bytes(build_progress_sample())


def test_it_is_the_sample_plan_with_the_same_published_words() -> None:
    sample, tracked = load_plan(SAMPLE_PATH), load_plan(PROGRESS_SAMPLE_PATH)
    assert [(c.id, c.text, c.category) for c in tracked.concerns] == [(c.id, c.text, c.category) for c in sample.concerns]
    assert [(a.id, a.text, a.owner, a.target) for _, a in tracked.all_actions()] == [
        (a.id, a.text, a.owner, a.target) for _, a in sample.all_actions()]
    assert tracked.details == sample.details


def test_every_action_is_tracked_and_every_position_is_there() -> None:
    plan = load_plan(PROGRESS_SAMPLE_PATH)
    standing = plan_standing(plan, AS_OF)
    assert standing.describe() == "24 actions: 14 complete, 6 on track, 2 due soon, 2 overdue"
    for _, action in plan.all_actions():
        assert action.lead
        assert action.evidence_needed
        assert action.updates
        assert [u.on for u in action.updates] == sorted(u.on for u in action.updates)
        assert all(u.on <= AS_OF for u in action.updates)
        assert all(revision.reason for revision in action.target_revisions)
    assert any(len(a.target_revisions) == 1 for _, a in plan.all_actions())
    assert {position(a, AS_OF) for _, a in plan.all_actions()} == {
        Position.COMPLETE, Position.ON_TRACK, Position.DUE_SOON, Position.OVERDUE}


def test_its_progress_review_and_the_warnings_it_shows_that_day() -> None:
    plan = load_plan(PROGRESS_SAMPLE_PATH)
    assert self_assessed(plan.concerns).describe("Self-assessed", "concern") == (
        "Self-assessed: 7 of 8 concerns reasonable or good progress")
    assert hmip_judged(plan.concerns).describe("HMIP", "concern") == "HMIP: 3 of 4 concerns reasonable or good progress"
    assert len(plan.in_category(Category.PRIORITY)) == 3
    findings = validate(plan, today=AS_OF)
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    assert sorted(f.rule for f in findings) == [
        "progress-complete-no-evidence", "progress-complete-target-ahead", "progress-overdue", "progress-overdue",
        "progress-target-revised-often"]
