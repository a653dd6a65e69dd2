"""Runs every rule over a plan."""

from __future__ import annotations

from actionplan.model import Action, Concern, Plan
from actionplan.validation.findings import Finding, Location, Severity


def validate(plan: Plan) -> list[Finding]:
    """Every finding in ``plan``, in display order, leaving out dismissed warnings."""
    findings: list[Finding] = []
    references = plan.references()
    for concern in plan.in_display_order():
        for number, action in enumerate(concern.actions, start=1):
            def here(field: str, concern: Concern = concern, action: Action = action, number: int = number) -> Location:
                return Location(concern.id, action.id, field, references[concern.id], number)

            if not action.owner.strip():
                findings.append(Finding(
                    "owner-missing", Severity.ERROR,
                    "Add a responsible owner: the role who answers for this action, such as Governor.",
                    here("owner"),
                ))
            if not action.target.is_set:
                findings.append(Finding(
                    "target-missing", Severity.ERROR,
                    "Add a target date: a month and year such as December 2026, or Completed.",
                    here("target"),
                ))
    return findings
