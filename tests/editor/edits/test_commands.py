"""Undo commands: each edits the plan, undoes exactly, says what changed, and keeps the plan
in display order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actionplan.changes import PlanChange
from actionplan.model import Action, Category, Concern, Plan
from actionplan.target_date import TargetDate
from editor.edits import commands, structure
from editor.edits.commands import FieldRef
from editor.edits.document import PlanDocument
from tests.editor.table_fixtures import small_plan


def record(document: PlanDocument) -> list[PlanChange]:
    changes: list[PlanChange] = []
    document.edited.connect(changes.append)
    return changes


def in_display_order(plan: Plan) -> bool:
    return plan.concerns == plan.in_display_order()


def test_set_field_changes_and_undoes_and_names_the_change(document: PlanDocument) -> None:
    changes = record(document)
    concern = document.plan.concerns[0]
    action = concern.actions[0]
    ref = FieldRef(concern.id, action.id, "owner")
    document.undo_stack.push(commands.SetField(document, ref, "Deputy Governor"))
    assert action.owner == "Deputy Governor"
    assert changes[-1] == PlanChange(action_ids=frozenset({action.id}), fields=frozenset({"owner"}))
    document.undo_stack.undo()
    assert action.owner == "Head of Security"
    assert len(changes) == 2
    assert changes[-1].action_ids == {action.id}
    assert document.undo_stack.isClean()


def test_typing_in_one_field_is_one_undo_step(document: PlanDocument) -> None:
    concern = document.plan.concerns[1]
    ref = FieldRef(concern.id, None, "text")
    for text in ("S", "Se", "Sel", "Self"):
        document.undo_stack.push(commands.SetField(document, ref, text, merge_key="session"))
    assert document.undo_stack.count() == 1
    assert concern.text == "Self"
    document.undo_stack.undo()
    assert concern.text == "Self-harm was high."


def test_typing_back_to_the_start_leaves_nothing_to_undo(document: PlanDocument) -> None:
    concern = document.plan.concerns[1]
    ref = FieldRef(concern.id, None, "text")
    document.undo_stack.push(commands.SetField(document, ref, "x", merge_key=1))
    document.undo_stack.push(commands.SetField(document, ref, concern.text, merge_key=1))
    document.undo_stack.push(commands.SetField(document, ref, "Self-harm was high.", merge_key=1))
    assert document.undo_stack.count() == 0
    assert document.undo_stack.isClean()


def test_separate_sessions_are_separate_steps(document: PlanDocument) -> None:
    ref = FieldRef(None, None, "establishment")
    document.undo_stack.push(commands.SetField(document, ref, "HMP A", merge_key=1))
    document.undo_stack.push(commands.SetField(document, ref, "HMP B", merge_key=2))
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert document.plan.details.establishment == "HMP A"


def test_target_set_from_typed_text_is_parsed(document: PlanDocument) -> None:
    concern, action = document.plan.concerns[0], document.plan.concerns[0].actions[0]
    document.undo_stack.push(commands.SetField(document, FieldRef(concern.id, action.id, "target"), "jan 2027"))
    assert action.target == TargetDate.of_month(2027, 1)


def test_add_concern_goes_into_its_section(document: PlanDocument) -> None:
    changes = record(document)
    new = Concern(text="New")
    document.undo_stack.push(commands.AddConcern(document, new, Category.PRIORITY))
    assert document.plan.concerns[2] is new
    assert new.category is Category.PRIORITY
    assert changes[-1].structure
    assert new.id in changes[-1].concern_ids
    document.undo_stack.undo()
    assert new not in document.plan.concerns
    assert changes[-1].structure


def test_add_several_concerns_at_once_is_one_step(document: PlanDocument) -> None:
    pasted = [Concern(text=f"Pasted {n}") for n in range(3)]
    document.undo_stack.push(commands.AddConcerns(document, pasted, Category.KEY, 0))
    texts = [c.text for c in document.plan.in_category(Category.KEY)]
    assert texts == ["Pasted 0", "Pasted 1", "Pasted 2", "Visits started late."]
    assert document.undo_stack.undoText() == "Add 3 key concerns"
    document.undo_stack.undo()
    assert len(document.plan.concerns) == 3


def test_change_category_keeps_the_concern_in_place_on_screen(document: PlanDocument) -> None:
    second = document.plan.concerns[1]
    structure.change_category(document, second.id)
    assert second.category is Category.KEY
    assert document.plan.in_category(Category.KEY)[0] is second
    assert in_display_order(document.plan)
    structure.change_category(document, second.id)
    assert document.plan.in_category(Category.PRIORITY)[-1] is second


def test_moving_the_first_key_concern_up_makes_it_the_last_priority(document: PlanDocument) -> None:
    key = document.plan.concerns[2]
    assert structure.move_concern(document, key.id, -1)
    assert key.category is Category.PRIORITY
    assert document.plan.concerns[2] is key
    assert structure.move_concern(document, key.id, -1)
    assert document.plan.concerns[1] is key
    assert structure.move_concern(document, key.id, -1)
    assert not structure.move_concern(document, key.id, -1)
    assert document.plan.concerns[0] is key
    assert in_display_order(document.plan)


def test_moving_an_action_past_its_concern_moves_it_to_the_next(document: PlanDocument) -> None:
    first, second = document.plan.concerns[0], document.plan.concerns[1]
    action = first.actions[1]
    assert structure.move_action(document, action.id, +1)
    assert second.actions[0] is action
    assert len(first.actions) == 1
    document.undo_stack.undo()
    assert first.actions[1] is action


def test_duplicate_gives_new_ids_and_the_same_words(document: PlanDocument) -> None:
    original = document.plan.concerns[0]
    copy_id = structure.duplicate_concern(document, original.id)
    copy = document.plan.find_concern(copy_id)
    assert copy is not None
    assert copy is not original
    assert document.plan.concerns[1] is copy
    assert [a.text for a in copy.actions] == [a.text for a in original.actions]
    assert not {a.id for a in copy.actions} & {a.id for a in original.actions}


def test_replace_all_is_one_step_and_undoes(document: PlanDocument) -> None:
    plan = document.plan
    before = plan.model_copy(deep=True)
    refs = [(FieldRef(c.id, a.id, "text"), a.text.upper()) for c, a in plan.all_actions()]
    changes = record(document)
    document.undo_stack.push(commands.ReplaceAll(document, refs))
    assert all(a.text.isupper() for _, a in plan.all_actions())
    assert changes[-1].action_ids == {a.id for _, a in plan.all_actions()}
    document.undo_stack.undo()
    assert plan == before


def test_drop_actions_before_another_action(document: PlanDocument) -> None:
    first, second = document.plan.concerns[0], document.plan.concerns[1]
    moved = first.actions[0]
    assert structure.move_actions_before(document, [moved.id], second.id, second.actions[0].id)
    assert second.actions[0] is moved
    assert document.undo_stack.count() == 1


def test_drop_concern_into_other_section(document: PlanDocument) -> None:
    key = document.plan.concerns[2]
    first = document.plan.concerns[0]
    assert structure.move_concerns_before(document, [key.id], Category.PRIORITY, first.id)
    assert document.plan.concerns[0] is key
    assert key.category is Category.PRIORITY


# Undo everything ------------------------------------------------------------------------

_OPERATIONS = st.lists(st.tuples(st.integers(0, 9), st.integers(0, 50), st.integers(0, 50)), max_size=25)


def _apply(document: PlanDocument, operation: int, a: int, b: int) -> None:
    plan = document.plan
    concerns = plan.in_display_order()
    actions = [action for _, action in plan.all_actions()]
    concern = concerns[a % len(concerns)] if concerns else None
    action = actions[b % len(actions)] if actions else None
    if operation == 0:
        structure.add_concern(document, Category.KEY if b % 2 else Category.PRIORITY, concern.id if concern else None)
    elif operation == 1 and concern:
        structure.add_action(document, concern.id)
    elif operation == 2 and concern:
        structure.delete_concerns(document, [concern.id])
    elif operation == 3 and action:
        structure.delete_actions(document, [action.id])
    elif operation == 4 and concern:
        structure.move_concern(document, concern.id, 1 if b % 2 else -1)
    elif operation == 5 and action:
        structure.move_action(document, action.id, 1 if a % 2 else -1)
    elif operation == 6 and concern:
        structure.change_category(document, concern.id)
    elif operation == 7 and concern:
        structure.duplicate_concern(document, concern.id)
    elif operation == 8 and action and concern:
        ref = FieldRef(plan.find_action(action.id)[0].id, action.id, "owner")  # type: ignore[index]
        document.undo_stack.push(commands.SetField(document, ref, f"Owner {a}", merge_key=b % 3))
    elif operation == 9 and concern:
        document.undo_stack.push(commands.SetField(document, FieldRef(concern.id, None, "text"), f"Text {b}"))


@settings(max_examples=60, deadline=None)
@given(_OPERATIONS)
def test_undoing_everything_returns_the_starting_plan_and_a_clean_stack(operations: list[tuple[int, int, int]]) -> None:
    start = small_plan()
    document = PlanDocument(start.model_copy(deep=True))
    for operation in operations:
        _apply(document, *operation)
        assert in_display_order(document.plan)
    after = document.plan.model_copy(deep=True)
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    assert document.plan == start
    assert document.undo_stack.isClean()
    while document.undo_stack.canRedo():
        document.undo_stack.redo()
    assert document.plan == after


@pytest.mark.parametrize("field", ["submitted", "published"])
def test_details_dates_set_and_clear(document: PlanDocument, field: str) -> None:
    ref = FieldRef(None, None, field)
    document.undo_stack.push(commands.SetField(document, ref, None))
    assert getattr(document.plan.details, field) is None
    document.undo_stack.undo()


def test_add_action_position(document: PlanDocument) -> None:
    concern = document.plan.concerns[0]
    new_id = structure.add_action(document, concern.id, concern.actions[0].id)
    assert concern.actions[1].id == new_id
    assert isinstance(concern.actions[1], Action)
