"""Checks a plan against HMIP's SMART expectations and GOV.UK style."""

from actionplan.validation.dismissals import CannotDismissError, with_dismissal, without_dismissal
from actionplan.validation.engine import validate
from actionplan.validation.findings import Finding, Location, Severity
from actionplan.validation.rules import RULES, Rule
from actionplan.validation.validator import Counts, PlanValidator

__all__ = [
    "RULES",
    "CannotDismissError",
    "Counts",
    "Finding",
    "Location",
    "PlanValidator",
    "Rule",
    "Severity",
    "validate",
    "with_dismissal",
    "without_dismissal",
]
