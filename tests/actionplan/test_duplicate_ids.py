"""Issue 16, item 1: concerns or actions that share an id (a hand merge, a copy-paste between
files) get ids of their own on loading, the caller is told once, and no finding is repeated
once per pair."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from actionplan.model import Action, Category, Concern, Dismissal, Plan
from actionplan.progress import EvidenceItem, ProgressUpdate, TargetRevision
from actionplan.recording import remove_evidence
from actionplan.storage import plan_to_bytes, read_plan, read_plan_bytes
from actionplan.validation import PlanValidator
from commandline.commands import run


def copied(times: int) -> Plan:
    concern = Concern(id="c1", text="Visits started late.",
                      actions=[Action(id="a1", text="Start visits on time by June 2026.", owner="Governor",
                                      target="June 2026")])
    return Plan(concerns=[concern.model_copy(deep=True) for _ in range(times)])


def all_ids(plan: Plan) -> list[str]:
    return [c.id for c in plan.concerns] + [a.id for c in plan.concerns for a in c.actions]


def test_copies_get_their_own_ids_and_keep_their_words() -> None:
    data = plan_to_bytes(copied(3))
    loaded = read_plan_bytes(data, "merged.actionplan")
    ids = all_ids(loaded.plan)
    assert len(set(ids)) == len(ids) == 6
    assert "details" not in ids
    # The first of each keeps its id, so dismissals and links made on it still hold.
    assert loaded.plan.concerns[0].id == "c1"
    assert loaded.plan.concerns[0].actions[0].id == "a1"
    assert [c.text for c in loaded.plan.concerns] == ["Visits started late."] * 3
    (message,) = loaded.repairs
    assert message.startswith("2 concerns and 2 actions in “merged.actionplan” shared a hidden identifier")
    assert "saving the plan keeps the repair" in message


def test_a_concern_and_an_action_sharing_an_id_and_the_details_id_are_repaired() -> None:
    plan = Plan(concerns=[
        Concern(id="details", text="A", actions=[Action(id="x")]),
        Concern(id="x", category=Category.KEY, text="B", actions=[Action(id="y"), Action(id="y")]),
    ])
    loaded = read_plan_bytes(plan_to_bytes(plan), "odd.actionplan")
    ids = all_ids(loaded.plan)
    assert len(set(ids)) == len(ids)
    assert "details" not in ids
    assert loaded.repairs[0].startswith("2 concerns and 1 action")


def test_recommendations_era_says_recommendations() -> None:
    plan = copied(2)
    plan.details.era = "recommendations"  # type: ignore[assignment]
    assert read_plan_bytes(plan_to_bytes(plan), "p.actionplan").repairs[0].startswith("1 recommendation and 1 action")


def test_a_plan_with_unique_ids_is_not_repaired(tmp_path: Path) -> None:
    path = tmp_path / "plan.actionplan"
    path.write_bytes(plan_to_bytes(copied(1)))
    assert read_plan(path).repairs == ()


def test_four_hundred_copies_give_each_finding_once() -> None:
    plan = read_plan_bytes(plan_to_bytes(copied(400)), "p.actionplan").plan
    findings = PlanValidator(plan).findings()
    keys = [(f.rule, f.location.item_id, f.location.field) for f in findings]
    assert len(keys) == len(set(keys))
    assert not [f for f in findings if f.rule == "reference-duplicate"]  # all numbered automatically


def test_validator_lists_the_findings_of_a_shared_id_once_not_once_per_copy() -> None:
    # A plan built in memory with a shared id (not through storage): its 20 Rec No findings, one
    # per copy, and the plan details' 5, are listed once each, not 20 times over (405). Counted
    # on a day before the copies' June 2026 target, so none is overdue (a progress check).
    findings = PlanValidator(copied(20), today=lambda: dt.date(2026, 5, 1)).findings()
    assert len(findings) == 25


def test_an_automatic_rec_no_is_not_told_to_clear_itself() -> None:
    typed = Concern(text="B", reference="1", actions=[Action(text="x", owner="Governor", target="June 2026")])
    plan = Plan(concerns=[Concern(text="A", actions=[Action(text="y", owner="Governor", target="June 2026")]),
                          typed])
    found = {f.location.concern_id: f.message for f in PlanValidator(plan).findings()
             if f.rule == "reference-duplicate"}
    automatic = found[plan.concerns[0].id]
    assert "numbered automatically" in automatic
    assert "change or clear the Rec No typed on the other" in automatic
    assert "clear the Rec No to number it automatically" in found[typed.id]


@pytest.mark.parametrize("as_json", [False, True])
def test_check_says_once_that_the_plan_was_repaired(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    as_json: bool) -> None:
    path = tmp_path / "merged.actionplan"
    path.write_bytes(plan_to_bytes(copied(400)))
    run(["check", str(path), *(["--json"] if as_json else [])])
    captured = capsys.readouterr()
    notes = [line for line in captured.err.splitlines() if "hidden identifier" in line]
    assert notes == [notes[0]]
    assert notes[0].startswith("Note: 399 concerns and 399 actions")
    if as_json:
        findings = json.loads(captured.out)
        assert len(findings) < 2000  # 160,000 before: every finding of the shared id, once per copy


def test_progress_records_that_share_an_id_are_repaired_once() -> None:
    day = dt.date(2026, 6, 1)
    action = Action(id="a1", text="Start visits on time by June 2026.", owner="Governor", target="June 2026",
                    updates=[ProgressUpdate(id="u", on=day, text="First."), ProgressUpdate(id="u", on=day, text="Second.")],
                    evidence=[EvidenceItem(id="e", description="Rota"), EvidenceItem(id="e", description="Minutes"),
                              EvidenceItem(id="e", description="Audit")],
                    target_revisions=[TargetRevision(id="u", target="July 2026", made_on=day)])
    loaded = read_plan_bytes(plan_to_bytes(Plan(concerns=[Concern(id="c1", actions=[action])])), "merged.actionplan")
    repaired = loaded.plan.concerns[0].actions[0]
    ids = [r.id for r in repaired.updates] + [r.id for r in repaired.evidence] + [r.id for r in repaired.target_revisions]
    assert len(set(ids)) == len(ids) == 6
    assert repaired.updates[0].id == "u"
    assert repaired.evidence[0].id == "e"
    assert [e.description for e in repaired.evidence] == ["Rota", "Minutes", "Audit"]
    (message,) = loaded.repairs
    assert message.startswith("1 progress update, 2 evidence items and 1 target revision in “merged.actionplan” "
                              "shared a hidden identifier")
    # Removing one evidence item no longer takes its copies with it.
    remove_evidence(repaired, "e")
    assert [e.description for e in repaired.evidence] == ["Minutes", "Audit"]
    # Saved and opened again, nothing more needs repair.
    assert read_plan_bytes(plan_to_bytes(loaded.plan), "merged.actionplan").repairs == ()


@pytest.mark.parametrize("damaged", ["bad\u0001id", " a1", "a1\n", "x" * 65, "c\u0000x"])
def test_a_damaged_id_gets_a_new_one_and_its_dismissals_follow(damaged: str) -> None:
    plan = Plan(concerns=[Concern(id="c1", text="Visits started late.", actions=[
        Action(id=damaged, text="Start visits on time.", owner="Governor", target="June 2026"),
        Action(id="a2", text="Check the rota.", owner="Governor", target="June 2026")])])
    plan.dismissals = [Dismissal(rule="style-long-sentence", item_id=damaged, reason="Agreed")]
    loaded = read_plan_bytes(plan_to_bytes(plan), "edited.actionplan")
    first, second = loaded.plan.concerns[0].actions
    assert first.id != damaged
    assert re.fullmatch("[0-9a-f]{16}", first.id)
    assert second.id == "a2"
    assert loaded.plan.dismissals[0].item_id == first.id
    assert first.text == "Start visits on time."
    (message,) = loaded.repairs
    assert message.startswith("1 hidden identifier in “edited.actionplan” was damaged")
    assert read_plan_bytes(plan_to_bytes(loaded.plan), "edited.actionplan").repairs == ()
