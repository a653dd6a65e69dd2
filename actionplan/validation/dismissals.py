"""Dismissing a warning on one item, and bringing it back. Pure functions over the plan's
dismissal list, so the editor can undo them by putting the old list back."""

from __future__ import annotations

import datetime as dt

from actionplan.model import Dismissal, Plan
from actionplan.validation.findings import Finding, Severity


class CannotDismissError(ValueError):
    """Errors must be fixed, not dismissed."""


def dismissed_keys(plan: Plan) -> frozenset[tuple[str, str, str]]:
    return frozenset((d.rule, d.item_id, d.field) for d in plan.dismissals)


def with_dismissal(dismissals: list[Dismissal], finding: Finding, reason: str = "",
                   today: dt.date | None = None) -> list[Dismissal]:
    """``dismissals`` plus one hiding ``finding``'s rule on its item and field."""
    if finding.severity is Severity.ERROR:
        raise CannotDismissError(
            f"“{finding.message}” is an error: the plan is not ready until it is fixed, so it "
            "cannot be dismissed.")
    rule, item_id, field = finding.key
    kept = [d for d in dismissals if (d.rule, d.item_id, d.field) != (rule, item_id, field)]
    return [*kept, Dismissal(rule=rule, item_id=item_id, field=field, reason=reason.strip(),
                             dismissed_on=today or dt.date.today())]


def without_dismissal(dismissals: list[Dismissal], rule: str, item_id: str, field: str = "") -> list[Dismissal]:
    """``dismissals`` less the one for this rule, item and field (restoring the warning)."""
    return [d for d in dismissals if (d.rule, d.item_id, d.field) != (rule, item_id, field)]


def dismissal_for(plan: Plan, finding: Finding) -> Dismissal | None:
    return next((d for d in plan.dismissals if (d.rule, d.item_id, d.field) == finding.key), None)
