"""Every change to the plan is one of these undo commands; nothing else edits the plan.

Each command, on redo and on undo, emits ``document.edited`` with a ``PlanChange`` naming what
changed. Structural commands keep ``plan.concerns`` in display order (priority before key).
Typing in one place merges into one undo step: two ``SetField`` commands with the same
``merge_key`` on the same field of the same item merge through ``id()``/``mergeWith()``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QUndoCommand

from actionplan.changes import PlanChange
from actionplan.fields import new_id
from actionplan.model import Action, Category, Concern, Plan
from actionplan.progress import ActionStatus
from editor.edits.document import PlanDocument

_SET_FIELD_ID = 1001

CONCERN_FIELD_NAMES = {"text": "concern", "reference": "Rec No", "agreement": "agreement",
                       "self_assessment": "self-assessed progress", "hmip_judgement": "HMIP judgement"}
ACTION_FIELD_NAMES = {"text": "action", "owner": "responsible owner", "target": "target date",
                      "lead": "lead", "evidence_needed": "evidence needed", "status": "status",
                      "updates": "updates", "evidence": "evidence held", "target_revisions": "revised targets"}
DETAILS_FIELD_NAMES = {
    "establishment": "establishment",
    "submitted": "submission date",
    "inspection_start": "inspection first day",
    "inspection_end": "inspection last day",
    "published": "publication date",
    "introduction": "introduction",
    "era": "template era",
}


@dataclass(frozen=True)
class FieldRef:
    """One field of the plan: of an action (both ids), a concern (concern id only), or the
    plan details (neither id)."""

    concern_id: str | None
    action_id: str | None
    field: str

    def owner_of(self, plan: Plan) -> Any:
        if self.action_id is not None:
            # Through its concern first: a keystroke reads and writes a field several times,
            # and searching every action of a 10,000-action plan each time costs milliseconds.
            concern = plan.find_concern(self.concern_id) if self.concern_id is not None else None
            action = next((a for a in concern.actions if a.id == self.action_id), None) if concern else None
            if action is not None:
                return action
            found = plan.find_action(self.action_id)  # moved to another concern since
            if found is None:
                raise KeyError(f"no action {self.action_id}")
            return found[1]
        if self.concern_id is not None:
            concern = plan.find_concern(self.concern_id)
            if concern is None:
                raise KeyError(f"no concern {self.concern_id}")
            return concern
        return plan.details

    def read(self, plan: Plan) -> Any:
        return getattr(self.owner_of(plan), self.field)

    def write(self, plan: Plan, value: Any) -> None:
        setattr(self.owner_of(plan), self.field, value)

    def change(self) -> PlanChange:
        fields = frozenset({self.field})
        if self.action_id is not None:
            return PlanChange(action_ids=frozenset({self.action_id}), fields=fields)
        if self.concern_id is not None:
            # A manual Rec No renumbers, so it counts as structure for plan-wide checks.
            return PlanChange(
                concern_ids=frozenset({self.concern_id}), fields=fields,
                structure=self.field == "reference",
            )
        return PlanChange(details=True, fields=fields)

    def describe(self, noun: str = "concern") -> str:
        """The field in words; a concern's text is ``noun`` ("recommendation" in that era)."""
        if self.action_id is not None:
            return ACTION_FIELD_NAMES.get(self.field, self.field)
        if self.concern_id is not None:
            return noun if self.field == "text" else CONCERN_FIELD_NAMES.get(self.field, self.field)
        return DETAILS_FIELD_NAMES.get(self.field, self.field)


def item_noun(document: PlanDocument, plural: bool = False) -> str:
    """What the plan calls what it answers, for undo texts: "concern", or "recommendation" in a
    recommendations-era plan."""
    return document.plan.details.era.item_noun(plural)


class PlanCommand(QUndoCommand):
    """Base: subclasses change the plan in ``_do``/``_undo`` and say what changed."""

    def __init__(self, document: PlanDocument, text: str) -> None:
        super().__init__(text)
        self.document = document

    @property
    def plan(self) -> Plan:
        return self.document.plan

    def redo(self) -> None:
        self.document.edited.emit(self._do())

    def undo(self) -> None:
        self.document.edited.emit(self._undo())

    def _do(self) -> PlanChange:
        raise NotImplementedError

    def _undo(self) -> PlanChange:
        raise NotImplementedError


# Fields --------------------------------------------------------------------------------------


class SetField(PlanCommand):
    """Set one field of an action, a concern or the plan details."""

    def __init__(
        self, document: PlanDocument, ref: FieldRef, value: Any, merge_key: object | None = None
    ) -> None:
        super().__init__(document, f"Edit {ref.describe(item_noun(document))}")
        self.ref = ref
        self.old = ref.read(document.plan)
        self.new = value
        self.merge_key = merge_key

    def _do(self) -> PlanChange:
        self.ref.write(self.plan, self.new)
        return self.ref.change()

    def _undo(self) -> PlanChange:
        self.ref.write(self.plan, self.old)
        return self.ref.change()

    def id(self) -> int:
        return _SET_FIELD_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetField) or type(other) is not type(self) or other.ref != self.ref:
            return False
        if other.merge_key is None or other.merge_key != self.merge_key:
            return False
        self.new = other.new
        # Typing back to where it started leaves nothing to undo.
        self.setObsolete(self.new == self.old)
        return True


class ReplaceAll(PlanCommand):
    """Find and replace: many fields set in one step."""

    def __init__(self, document: PlanDocument, values: Sequence[tuple[FieldRef, Any]]) -> None:
        count = len(values)
        super().__init__(document, f"Replace in {count} place{'s' if count != 1 else ''}")
        self.values = [(ref, ref.read(document.plan), new) for ref, new in values]

    def _do(self) -> PlanChange:
        return self._set(new=True)

    def _undo(self) -> PlanChange:
        return self._set(new=False)

    def _set(self, *, new: bool) -> PlanChange:
        for ref, old_value, new_value in self.values:
            ref.write(self.plan, new_value if new else old_value)
        return _merge_changes(ref.change() for ref, _, _ in self.values)


def _merge_changes(changes: Any) -> PlanChange:
    concern_ids: set[str] = set()
    action_ids: set[str] = set()
    fields: set[str] = set()
    details = structure = False
    for change in changes:
        concern_ids |= change.concern_ids
        action_ids |= change.action_ids
        fields |= change.fields
        details = details or change.details
        structure = structure or change.structure
    return PlanChange(frozenset(concern_ids), frozenset(action_ids), details, structure, frozenset(fields))


# Concerns ------------------------------------------------------------------------------------


def section_start(plan: Plan, category: Category) -> int:
    """The index in ``plan.concerns`` where ``category``'s section starts."""
    if category is Category.PRIORITY:
        return 0
    return len(plan.in_category(Category.PRIORITY))


def plan_index(plan: Plan, category: Category, position: int) -> int:
    """The index in ``plan.concerns`` of ``position`` within ``category``'s section, clamped."""
    position = max(0, min(position, len(plan.in_category(category))))
    return section_start(plan, category) + position


def _structure(concern_ids: Sequence[str] = (), action_ids: Sequence[str] = ()) -> PlanChange:
    return PlanChange(
        concern_ids=frozenset(concern_ids), action_ids=frozenset(action_ids), structure=True
    )


class AddConcerns(PlanCommand):
    """Add one or more concerns to a section at a position (the paste dialog adds several)."""

    def __init__(
        self, document: PlanDocument, concerns: Sequence[Concern], category: Category,
        position: int | None = None, text: str | None = None,
    ) -> None:
        count, era = len(concerns), document.plan.details.era
        words = text or (f"Add {count} {category.plural_in(era)}" if count != 1 else f"Add {category.singular_in(era)}")
        super().__init__(document, words)
        self.concerns = list(concerns)
        for concern in self.concerns:
            concern.category = category
        self.category = category
        in_section = len(document.plan.in_category(category))
        self.position = in_section if position is None else max(0, min(position, in_section))

    def _do(self) -> PlanChange:
        start = plan_index(self.plan, self.category, self.position)
        self.plan.concerns[start:start] = self.concerns
        return self._change()

    def _undo(self) -> PlanChange:
        ids = {concern.id for concern in self.concerns}
        self.plan.concerns[:] = [c for c in self.plan.concerns if c.id not in ids]
        return self._change()

    def _change(self) -> PlanChange:
        return _structure(
            [c.id for c in self.concerns], [a.id for c in self.concerns for a in c.actions]
        )


class AddConcern(AddConcerns):
    def __init__(
        self, document: PlanDocument, concern: Concern, category: Category, position: int | None = None
    ) -> None:
        super().__init__(document, [concern], category, position)


class DuplicateConcern(AddConcerns):
    """A copy of a concern and its actions, with new ids, just after the original."""

    def __init__(self, document: PlanDocument, concern_id: str) -> None:
        original = _concern(document.plan, concern_id)
        copy = copy_concern(original)
        position = index_of(document.plan.in_category(original.category), original) + 1
        super().__init__(document, [copy], original.category, position, text=f"Duplicate {item_noun(document)}")


def copy_concern(concern: Concern) -> Concern:
    """A new concern with the same words and actions (see ``copy_action``), and no IRP
    judgements: those were made of the original."""
    copy = concern.model_copy(update={"id": new_id(), "self_assessment": None, "hmip_judgement": None})
    copy.actions = [copy_action(action) for action in concern.actions]
    return copy


def copy_action(action: Action) -> Action:
    """A new action with the same published words, lead and evidence needed. Its progress is
    its own: not started, with no updates, evidence or revised targets of the original's."""
    return action.model_copy(deep=True, update={
        "id": new_id(), "status": ActionStatus.NOT_STARTED, "updates": [], "evidence": [], "target_revisions": []})


def index_of(items: Sequence[object], item: object) -> int:
    """Position of ``item`` itself (not an equal copy) in ``items``."""
    return next(index for index, candidate in enumerate(items) if candidate is item)


def _remove(items: list[Any], item: object) -> None:
    del items[index_of(items, item)]


def _concern(plan: Plan, concern_id: str) -> Concern:
    concern = plan.find_concern(concern_id)
    if concern is None:
        raise KeyError(f"no concern {concern_id}")
    return concern


class DeleteConcern(PlanCommand):
    def __init__(self, document: PlanDocument, concern_id: str) -> None:
        super().__init__(document, f"Delete {item_noun(document)}")
        self.concern = _concern(document.plan, concern_id)
        self.index = index_of(document.plan.concerns, self.concern)

    def _do(self) -> PlanChange:
        _remove(self.plan.concerns, self.concern)
        return self._change()

    def _undo(self) -> PlanChange:
        self.plan.concerns.insert(self.index, self.concern)
        return self._change()

    def _change(self) -> PlanChange:
        return _structure([self.concern.id], [a.id for a in self.concern.actions])


class MoveConcern(PlanCommand):
    """Move a concern to a position in a section: up, down, or across to the other section."""

    def __init__(
        self, document: PlanDocument, concern_id: str, category: Category, position: int,
        text: str | None = None,
    ) -> None:
        super().__init__(document, text or f"Move {item_noun(document)}")
        self.concern = _concern(document.plan, concern_id)
        self.old_category = self.concern.category
        self.old_position = index_of(document.plan.in_category(self.old_category), self.concern)
        self.category = category
        self.position = position

    def _do(self) -> PlanChange:
        return self._place(self.category, self.position)

    def _undo(self) -> PlanChange:
        return self._place(self.old_category, self.old_position)

    def _place(self, category: Category, position: int) -> PlanChange:
        _remove(self.plan.concerns, self.concern)
        self.concern.category = category
        self.plan.concerns.insert(plan_index(self.plan, category, position), self.concern)
        return PlanChange(
            concern_ids=frozenset({self.concern.id}), structure=True, fields=frozenset({"category"})
        )


class ChangeCategory(MoveConcern):
    """Make a priority concern a key concern or the other way round. It stays where it is on
    screen: a priority concern becomes the first key concern, a key concern the last priority."""

    def __init__(self, document: PlanDocument, concern_id: str, category: Category) -> None:
        position = 0 if category is Category.KEY else len(document.plan.in_category(category))
        super().__init__(document, concern_id, category, position, text=f"Make {category.singular_in(document.plan.details.era)}")


# Actions -------------------------------------------------------------------------------------


class AddAction(PlanCommand):
    def __init__(
        self, document: PlanDocument, concern_id: str, action: Action, position: int | None = None,
        text: str = "Add action",
    ) -> None:
        super().__init__(document, text)
        self.concern = _concern(document.plan, concern_id)
        self.action = action
        count = len(self.concern.actions)
        self.position = count if position is None else max(0, min(position, count))

    def _do(self) -> PlanChange:
        self.concern.actions.insert(self.position, self.action)
        return _structure([self.concern.id], [self.action.id])

    def _undo(self) -> PlanChange:
        _remove(self.concern.actions, self.action)
        return _structure([self.concern.id], [self.action.id])


class DuplicateAction(AddAction):
    def __init__(self, document: PlanDocument, action_id: str) -> None:
        concern, action = _action(document.plan, action_id)
        position = index_of(concern.actions, action) + 1
        super().__init__(document, concern.id, copy_action(action), position, text="Duplicate action")


def _action(plan: Plan, action_id: str) -> tuple[Concern, Action]:
    found = plan.find_action(action_id)
    if found is None:
        raise KeyError(f"no action {action_id}")
    return found


class DeleteAction(PlanCommand):
    def __init__(self, document: PlanDocument, action_id: str) -> None:
        super().__init__(document, "Delete action")
        self.concern, self.action = _action(document.plan, action_id)
        self.position = index_of(self.concern.actions, self.action)

    def _do(self) -> PlanChange:
        _remove(self.concern.actions, self.action)
        return _structure([self.concern.id], [self.action.id])

    def _undo(self) -> PlanChange:
        self.concern.actions.insert(self.position, self.action)
        return _structure([self.concern.id], [self.action.id])


class MoveAction(PlanCommand):
    """Move an action up or down within its concern, or to another concern."""

    def __init__(self, document: PlanDocument, action_id: str, concern_id: str, position: int) -> None:
        super().__init__(document, "Move action")
        self.old_concern, self.action = _action(document.plan, action_id)
        self.old_position = index_of(self.old_concern.actions, self.action)
        self.new_concern = _concern(document.plan, concern_id)
        self.new_position = position

    def _do(self) -> PlanChange:
        return self._place(self.new_concern, self.new_position)

    def _undo(self) -> PlanChange:
        return self._place(self.old_concern, self.old_position)

    def _place(self, concern: Concern, position: int) -> PlanChange:
        for holder in (self.old_concern, self.new_concern):
            if any(candidate is self.action for candidate in holder.actions):
                _remove(holder.actions, self.action)
        position = max(0, min(position, len(concern.actions)))
        concern.actions.insert(position, self.action)
        return _structure([self.old_concern.id, self.new_concern.id], [self.action.id])
