"""Runs every rule over a whole plan (the ``check`` command and tests)."""

from __future__ import annotations

from actionplan.model import Plan
from actionplan.spelling import SpellChecker
from actionplan.validation.findings import Finding
from actionplan.validation.validator import PlanValidator


def validate(plan: Plan, spelling: SpellChecker | None = None, include_dismissed: bool = False) -> list[Finding]:
    """Every finding in ``plan``, in display order, leaving out dismissed warnings."""
    return PlanValidator(plan, spelling).findings(include_dismissed=include_dismissed)
