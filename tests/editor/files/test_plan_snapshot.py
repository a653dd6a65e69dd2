"""Incremental snapshots must always equal a full serialisation of the plan as it is now."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from actionplan.model import Action, Category, Concern, Plan, new_id
from actionplan.storage import plan_from_bytes, plan_to_bytes
from benchmarks.generate import make_plan
from editor.files.plan_snapshot import PlanSnapshotter
from tests.strategies import actions, concerns, plans, target_dates, typed_text


def same_file(snapshot: bytes, plan: Plan) -> bool:
    return bool(json.loads(snapshot) == json.loads(plan_to_bytes(plan)))


def test_first_snapshot_equals_the_saved_file_and_reads_back() -> None:
    plan = make_plan(60)
    snapshot = PlanSnapshotter().snapshot(plan)
    assert same_file(snapshot, plan)
    assert plan_from_bytes(snapshot) == plan


def test_only_changed_concerns_are_serialised_again() -> None:
    plan = make_plan(200)
    snapshotter = PlanSnapshotter()
    snapshotter.snapshot(plan)
    assert snapshotter.reserialised == len(plan.concerns)
    plan.concerns[3].actions[0].text = "The prison will publish a new visits timetable."
    plan.concerns[7].text = "Visits started late."
    snapshot = snapshotter.snapshot(plan)
    assert snapshotter.reserialised == 2
    assert same_file(snapshot, plan)
    snapshotter.snapshot(plan)
    assert snapshotter.reserialised == 0


def test_actions_moved_between_concerns_are_noticed() -> None:
    plan = make_plan(50)
    snapshotter = PlanSnapshotter()
    snapshotter.snapshot(plan)
    moved = plan.concerns[0].actions.pop()
    plan.concerns[1].actions.insert(0, moved)
    assert same_file(snapshotter.snapshot(plan), plan)
    assert snapshotter.reserialised == 2


def test_empty_plan() -> None:
    plan = Plan()
    assert same_file(PlanSnapshotter().snapshot(plan), plan)


edits = st.one_of(
    st.tuples(st.just("action text"), st.integers(0, 50), typed_text()),
    st.tuples(st.just("owner"), st.integers(0, 50), typed_text(20)),
    st.tuples(st.just("target"), st.integers(0, 50), target_dates()),
    st.tuples(st.just("concern text"), st.integers(0, 50), typed_text()),
    st.tuples(st.just("category"), st.integers(0, 50), st.sampled_from(Category)),
    st.tuples(st.just("add action"), st.integers(0, 50), actions()),
    st.tuples(st.just("add concern"), st.integers(0, 50), concerns()),
    st.tuples(st.just("remove action"), st.integers(0, 50), st.none()),
    st.tuples(st.just("remove concern"), st.integers(0, 50), st.none()),
    st.tuples(st.just("establishment"), st.integers(0, 50), typed_text(20)),
)


def apply(plan: Plan, edit: tuple[str, int, object]) -> None:
    kind, index, value = edit
    if kind == "add concern":
        assert isinstance(value, Concern)
        value = value.model_copy(update={"id": new_id()}, deep=True)
        for action in value.actions:  # as the editor does: what is added has ids of its own
            action.id = new_id()
        plan.concerns.insert(index % (len(plan.concerns) + 1), value)
        return
    if kind == "establishment":
        plan.details.establishment = str(value)
        return
    if not plan.concerns:
        return
    concern = plan.concerns[index % len(plan.concerns)]
    if kind == "concern text":
        concern.text = str(value)
    elif kind == "category":
        concern.category = value  # type: ignore[assignment]
    elif kind == "remove concern":
        plan.concerns.remove(concern)
    elif kind == "add action":
        assert isinstance(value, Action)
        concern.actions.append(value.model_copy(update={"id": new_id()}))
    elif concern.actions:
        action = concern.actions[index % len(concern.actions)]
        if kind == "remove action":
            concern.actions.remove(action)
        elif kind == "action text":
            action.text = str(value)
        elif kind == "owner":
            action.owner = str(value)
        else:
            action.target = value  # type: ignore[assignment]


@settings(max_examples=60, deadline=None)
@given(plan=plans(), rounds=st.lists(st.lists(edits, max_size=4), min_size=1, max_size=5))
def test_snapshots_after_any_edits_equal_the_saved_file(plan: Plan, rounds: list[list[tuple[str, int, object]]]) -> None:
    snapshotter = PlanSnapshotter()
    snapshotter.snapshot(plan)
    for round_of_edits in rounds:
        for edit in round_of_edits:
            apply(plan, edit)
        snapshot = snapshotter.snapshot(plan)
        assert same_file(snapshot, plan)
        assert plan_from_bytes(snapshot) == plan
