"""Structural edits in the users' words: add, delete, duplicate and move concerns and actions.

Each function pushes undo commands on the document (several as one macro) and returns the id
of the item to select afterwards, or None when nothing changed.
"""

from __future__ import annotations

from collections.abc import Sequence

from actionplan.model import Action, Category, Concern
from editor.edits import commands
from editor.edits.commands import index_of
from editor.edits.document import PlanDocument


def other_category(category: Category) -> Category:
    return Category.KEY if category is Category.PRIORITY else Category.PRIORITY


def add_concern(document: PlanDocument, category: Category, after_concern_id: str | None = None) -> str:
    """A new empty concern: after the given one when it is in the same section, else last."""
    plan = document.plan
    section = plan.in_category(category)
    position = len(section)
    after = plan.find_concern(after_concern_id) if after_concern_id else None
    if after is not None and after.category is category:
        position = index_of(section, after) + 1
    concern = Concern(category=category)
    document.undo_stack.push(commands.AddConcern(document, concern, category, position))
    return concern.id


def add_action(document: PlanDocument, concern_id: str, after_action_id: str | None = None) -> str:
    """A new empty action in a concern, after the given action or at the end."""
    concern = document.plan.find_concern(concern_id)
    if concern is None:
        raise KeyError(concern_id)
    position = len(concern.actions)
    for number, action in enumerate(concern.actions):
        if action.id == after_action_id:
            position = number + 1
    action = Action()
    document.undo_stack.push(commands.AddAction(document, concern_id, action, position))
    return action.id


def delete_concerns(document: PlanDocument, concern_ids: Sequence[str]) -> None:
    with _macro(document, f"Delete {commands.item_noun(document, plural=len(concern_ids) > 1)}"):
        for concern_id in concern_ids:
            document.undo_stack.push(commands.DeleteConcern(document, concern_id))


def delete_actions(document: PlanDocument, action_ids: Sequence[str]) -> None:
    with _macro(document, "Delete actions" if len(action_ids) > 1 else "Delete action"):
        for action_id in action_ids:
            document.undo_stack.push(commands.DeleteAction(document, action_id))


def duplicate_concern(document: PlanDocument, concern_id: str) -> str:
    command = commands.DuplicateConcern(document, concern_id)
    document.undo_stack.push(command)
    return command.concerns[0].id


def duplicate_action(document: PlanDocument, action_id: str) -> str:
    command = commands.DuplicateAction(document, action_id)
    document.undo_stack.push(command)
    return command.action.id


def change_category(document: PlanDocument, concern_id: str) -> None:
    concern = document.plan.find_concern(concern_id)
    if concern is not None:
        target = other_category(concern.category)
        document.undo_stack.push(commands.ChangeCategory(document, concern_id, target))


def move_concern(document: PlanDocument, concern_id: str, step: int) -> bool:
    """Move a concern up (-1) or down (+1). Past the end of its section it crosses into the
    other section, so the first key concern moved up becomes the last priority concern."""
    plan = document.plan
    concern = plan.find_concern(concern_id)
    if concern is None:
        return False
    section = plan.in_category(concern.category)
    position = index_of(section, concern) + step
    if 0 <= position < len(section):
        document.undo_stack.push(commands.MoveConcern(document, concern_id, concern.category, position))
        return True
    crosses = (concern.category is Category.KEY and step < 0) or (
        concern.category is Category.PRIORITY and step > 0
    )
    if crosses:
        change_category(document, concern_id)
    return crosses


def move_action(document: PlanDocument, action_id: str, step: int) -> bool:
    """Move an action up (-1) or down (+1) in its concern; past either end it moves to the end
    of the concern above or the start of the concern below."""
    plan = document.plan
    found = plan.find_action(action_id)
    if found is None:
        return False
    concern, action = found
    position = index_of(concern.actions, action) + step
    if 0 <= position < len(concern.actions):
        document.undo_stack.push(commands.MoveAction(document, action_id, concern.id, position))
        return True
    ordered = plan.in_display_order()
    neighbour_index = index_of(ordered, concern) + step
    if not 0 <= neighbour_index < len(ordered):
        return False
    neighbour = ordered[neighbour_index]
    target = len(neighbour.actions) if step < 0 else 0
    document.undo_stack.push(commands.MoveAction(document, action_id, neighbour.id, target))
    return True


def move_concerns_before(
    document: PlanDocument, concern_ids: Sequence[str], category: Category, anchor_id: str | None
) -> bool:
    """Move concerns (in order) to just before ``anchor_id`` in ``category``, or to its end."""
    plan = document.plan
    moving = [c for c in (plan.find_concern(i) for i in concern_ids) if c is not None]
    if not moving or anchor_id in concern_ids:
        return False
    with _macro(document, f"Move {commands.item_noun(document, plural=len(moving) > 1)}"):
        for concern in moving:
            section = [c for c in plan.in_category(category) if c is not concern]
            anchor = plan.find_concern(anchor_id) if anchor_id else None
            position = index_of(section, anchor) if anchor is not None and anchor.category is category else len(section)
            document.undo_stack.push(commands.MoveConcern(document, concern.id, category, position))
    return True


def move_actions_before(
    document: PlanDocument, action_ids: Sequence[str], concern_id: str, anchor_id: str | None
) -> bool:
    """Move actions (in order) into a concern, just before ``anchor_id`` or at its end."""
    plan = document.plan
    target = plan.find_concern(concern_id)
    if target is None or anchor_id in action_ids:
        return False
    moving = [a for a in action_ids if plan.find_action(a) is not None]
    if not moving:
        return False
    with _macro(document, "Move actions" if len(moving) > 1 else "Move action"):
        for action_id in moving:
            others = [a for a in target.actions if a.id != action_id]
            position = next((n for n, a in enumerate(others) if a.id == anchor_id), len(others))
            document.undo_stack.push(commands.MoveAction(document, action_id, concern_id, position))
    return True


class _macro:
    """Group pushes into one undo step."""

    def __init__(self, document: PlanDocument, text: str) -> None:
        self.stack = document.undo_stack
        self.text = text

    def __enter__(self) -> None:
        self.stack.beginMacro(self.text)

    def __exit__(self, *exc: object) -> None:
        self.stack.endMacro()
