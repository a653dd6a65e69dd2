"""What an edit changed, so that views, validation and autosave redo only what they must."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PlanChange:
    """Emitted (through ``PlanDocument.edited``) after every undo, redo or edit.

    ``structure`` is true when concerns or actions were added, removed, moved or changed
    category, which renumbers Rec Nos; then plan-wide checks must run again.
    """

    concern_ids: frozenset[str] = field(default_factory=frozenset)
    """Concerns whose own fields (text, reference, category, agreement) changed."""
    action_ids: frozenset[str] = field(default_factory=frozenset)
    """Actions whose fields (text, owner, target) changed."""
    details: bool = False
    """Plan details changed: establishment, dates, introduction, era."""
    structure: bool = False
    fields: frozenset[str] = field(default_factory=frozenset)
    """The model field names touched, when known (``text``, ``owner``, ``target``...)."""

    @classmethod
    def everything(cls) -> PlanChange:
        return cls(details=True, structure=True)
