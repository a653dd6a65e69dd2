"""What a check found: a rule id, a severity, a plain-English message and where it is."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding is. ``concern_id``/``action_id`` are stable ids; ``field`` is the
    model field name (``text``, ``owner``, ``target``, ``establishment``...)."""

    concern_id: str | None = None
    action_id: str | None = None
    field: str = ""
    concern_ref: str = ""
    action_number: int | None = None

    @property
    def item_id(self) -> str:
        return self.action_id or self.concern_id or "details"

    def describe(self, noun: str = "concern") -> str:
        """"Concern 3, action 2". ``noun`` is what the plan calls its items: "recommendation"
        in a recommendations-era plan (``Era.item_noun``)."""
        if self.concern_id is None:
            return "Plan" if self.field == "concerns" else "Plan details"
        words = f"{noun[:1].upper()}{noun[1:]} {self.concern_ref}"
        if self.action_number is not None:
            words += f", action {self.action_number}"
        return words

    def to_json(self, noun: str = "concern") -> dict[str, Any]:
        return {
            "concern": self.concern_ref or None,
            "concern_id": self.concern_id,
            "action": self.action_number,
            "action_id": self.action_id,
            "field": self.field or None,
            "description": self.describe(noun),
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: ``message`` says what to do; ``why`` says why it matters (the editor shows
    it in tooltips and the problems panel)."""

    rule: str
    severity: Severity
    message: str
    location: Location
    why: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        """What a dismissal names: the rule, the item and the field."""
        return (self.rule, self.location.item_id, self.location.field)

    def to_json(self, noun: str = "concern") -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "why": self.why,
            "location": self.location.to_json(noun),
        }
