"""Small plans for rule tests: one priority concern with one action, everything else in order."""

from __future__ import annotations

import datetime as dt
from typing import Any

from actionplan.model import Action, Category, Concern, Plan, PlanDetails
from actionplan.spelling import SpellChecker
from actionplan.validation import Finding, validate

GOOD_ACTION = ("The prison will hold a monthly visits meeting to reduce late starts. Start times will be "
               "recorded on a daily sheet.")


def make_plan(action: dict[str, Any] | None = None, concern: dict[str, Any] | None = None,
              details: dict[str, Any] | None = None, more: list[Concern] | None = None) -> Plan:
    action_fields = {"text": GOOD_ACTION, "owner": "Governor", "target": "December 2026", **(action or {})}
    concern_fields = {"text": "Too often, visits started late.", "category": Category.PRIORITY, **(concern or {})}
    concern_fields.setdefault("actions", [Action(**action_fields)])
    detail_fields = {
        "establishment": "HMP & YOI Stoke Heath",
        "inspection_start": dt.date(2026, 2, 23),
        "inspection_end": dt.date(2026, 3, 5),
        "published": dt.date(2026, 6, 1),
        "submitted": dt.date(2026, 6, 22),
        **(details or {}),
    }
    return Plan(details=PlanDetails(**detail_fields), concerns=[Concern(**concern_fields), *(more or [])])


def rules_found(plan: Plan, spelling: SpellChecker | None = None) -> list[str]:
    return [finding.rule for finding in validate(plan, spelling=spelling)]


def findings_of(plan: Plan, rule: str, spelling: SpellChecker | None = None) -> list[Finding]:
    return [finding for finding in validate(plan, spelling=spelling) if finding.rule == rule]
