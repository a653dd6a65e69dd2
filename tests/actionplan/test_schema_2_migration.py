"""Plans saved before progress tracking (schema 1) open, migrate and save as schema 2, with
each action's status taken from its published target. A newer file is still refused and left
alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from actionplan import migrations
from actionplan.file_errors import PlanContentInvalid, PlanFromNewerVersion
from actionplan.progress import ActionStatus
from actionplan.storage import load_plan, plan_to_bytes, save_plan
from actionplan.target_date import TargetKind

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "sample-plan-schema-1.actionplan"
"""resources/sample-plan.actionplan as the release before progress tracking saved it, byte for byte."""

EXPECTED_STATUS = {
    TargetKind.COMPLETED: ActionStatus.COMPLETE,
    TargetKind.COMPLETED_AND_ONGOING: ActionStatus.ONGOING,
    TargetKind.ONGOING: ActionStatus.ONGOING,
}


def test_the_fixture_is_a_schema_1_file() -> None:
    assert json.loads(FIXTURE.read_bytes())["schema_version"] == 1


def test_the_released_sample_plan_migrates(tmp_path: Path) -> None:
    before = json.loads(FIXTURE.read_bytes())["plan"]
    plan = load_plan(FIXTURE)
    for concern_data, concern in zip(before["concerns"], plan.concerns, strict=True):
        assert concern.text == concern_data["text"]
        for action_data, action in zip(concern_data["actions"], concern.actions, strict=True):
            assert action.id == action_data["id"]
            assert action.text == action_data["text"]
            assert action.status is EXPECTED_STATUS.get(action.target.kind, ActionStatus.NOT_STARTED)
            assert (action.lead, action.updates, action.evidence, action.target_revisions) == ("", [], [], [])
    statuses = {action.status for _concern, action in plan.all_actions()}
    assert ActionStatus.COMPLETE in statuses
    assert ActionStatus.NOT_STARTED in statuses
    copy = tmp_path / "sample.actionplan"
    save_plan(plan, copy)
    assert json.loads(copy.read_bytes())["schema_version"] == migrations.SCHEMA_VERSION == 2
    assert load_plan(copy) == plan


def test_migrating_leaves_what_is_published_as_it_was() -> None:
    old = json.loads(FIXTURE.read_bytes())["plan"]
    plan = load_plan(FIXTURE)
    published = plan.model_dump(mode="json", exclude_none=True, exclude={
        "concerns": {"__all__": {"self_assessment": True, "hmip_judgement": True, "actions": {"__all__": {
            "status", "lead", "updates", "evidence_needed", "evidence", "target_revisions"}}}}})
    assert published == old


@pytest.mark.parametrize(("target", "status"), [
    ({"kind": "completed"}, "complete"),
    ({"kind": "completed_and_ongoing"}, "ongoing"),
    ({"kind": "ongoing"}, "ongoing"),
    ({"kind": "month", "year": 2027, "month": 3}, "not_started"),
    ({"kind": "not_set"}, "not_started"),
    ("Completed", "complete"),  # typed into the file by hand
    ("  completed  AND ongoing", "ongoing"),
    ("March 2027", "not_started"),
    (None, "not_started"),
])
def test_status_from_the_target(tmp_path: Path, target: object, status: str) -> None:
    action: dict[str, object] = {"id": "a1", "text": "Do it."}
    if target is not None:
        action["target"] = target
    document = {"format": "hmpps-action-plan", "schema_version": 1,
                "plan": {"concerns": [{"id": "c1", "text": "C", "actions": [action]}]}}
    path = tmp_path / "old.actionplan"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert load_plan(path).concerns[0].actions[0].status.value == status


def test_a_damaged_old_file_gets_the_usual_message_not_a_migration_failure(tmp_path: Path) -> None:
    path = tmp_path / "old.actionplan"
    path.write_text(json.dumps({"format": "hmpps-action-plan", "schema_version": 1,
                                "plan": {"concerns": [{"id": "c1", "actions": "not a list"}]}}), encoding="utf-8")
    with pytest.raises(PlanContentInvalid) as caught:
        load_plan(path)
    assert "brought up to date" not in caught.value.message
    assert "concern 1, action is not valid" in caught.value.message


def test_a_newer_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "newer.actionplan"
    data = plan_to_bytes(load_plan(FIXTURE)).replace(b'"schema_version": 2', b'"schema_version": 3')
    path.write_bytes(data)
    with pytest.raises(PlanFromNewerVersion):
        load_plan(path)
    with pytest.raises(Exception, match="newer version"):
        save_plan(load_plan(FIXTURE), path)
    assert path.read_bytes() == data
