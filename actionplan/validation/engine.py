"""Runs every rule over a whole plan (the ``check`` command and tests)."""

from __future__ import annotations

import datetime as dt

from actionplan import clock
from actionplan.model import Plan
from actionplan.spelling import SpellChecker
from actionplan.validation.findings import Finding
from actionplan.validation.validator import PlanValidator


def validate(plan: Plan, spelling: SpellChecker | None = None, include_dismissed: bool = False,
             today: dt.date | None = None) -> list[Finding]:
    """Every finding in ``plan``, in display order, leaving out dismissed warnings. Progress is
    checked as of ``today`` (by default, ``actionplan.clock.today()``)."""
    day = today or clock.today()
    return PlanValidator(plan, spelling, today=lambda: day).findings(include_dismissed=include_dismissed)
