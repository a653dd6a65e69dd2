"""Checks a plan against HMIP's SMART expectations and GOV.UK style."""

from actionplan.validation.engine import validate
from actionplan.validation.findings import Finding, Location, Severity

__all__ = ["Finding", "Location", "Severity", "validate"]
