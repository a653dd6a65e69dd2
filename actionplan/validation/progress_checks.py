"""The checks on how an action is going, once the plan is being carried out: a completed
action with no evidence, an overdue action, a target pushed back again and again, and a
completed action that the published plan still shows as due.

"Overdue" and "still due" depend on the day: it is passed in (``actionplan.clock.today`` in the
editor and ``check``), so a test can name the day it checks on.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache

from actionplan.model import Action
from actionplan.progress import ActionStatus
from actionplan.target_date import TargetDate, TargetKind, format_long_date
from actionplan.validation.checks import LocationFor
from actionplan.validation.findings import Finding
from actionplan.validation.rules import rule

MOST_REVISIONS = 2
"""More revised targets than this is a warning sign."""
_DONE = frozenset(status for status in ActionStatus if status.is_done)
_DATED = frozenset({TargetKind.MONTH, TargetKind.DATE})


def check_progress(action: Action, here: LocationFor, today: dt.date) -> list[Finding]:
    done = action.status in _DONE
    if not done and not action.target_revisions:
        # Most actions of a plan, and every action of one being drafted: only "overdue" can
        # apply, and this runs for each of 10,000 actions when a plan is checked.
        return _overdue(action.target, here, today)
    findings = [] if done else _overdue(action.current_target(), here, today)
    if done:
        findings += _no_evidence(action, here) + _still_due(action, here, today)
    return findings + _revised_often(action, here) + _revised_without_reason(action, here)


def _no_evidence(action: Action, here: LocationFor) -> list[Finding]:
    if action.evidence:
        return []
    return [rule("progress-complete-no-evidence").finding(
        f"This action is marked {action.status.label} but no evidence is held. Add what shows it "
        "worked, such as minutes, figures or a report, under Evidence held.", here("evidence"))]


def _overdue(target: TargetDate, here: LocationFor, today: dt.date) -> list[Finding]:
    """Overdue as ``actionplan.tracking.position`` has it, for an action not done: its latest
    target has a date, and that date's last day has passed."""
    if target.kind not in _DATED or _last_day(target.year, target.month, target.day) >= today:
        return []
    return [rule("progress-overdue").finding(
        f"The target, {target.format()}, has passed and the action is not complete. Record an "
        "update saying where it stands, or agree a revised target with a reason.", here("target"))]


@lru_cache(maxsize=4096)
def _last_day(year: int | None, month: int | None, day: int | None) -> dt.date:
    if day is not None:
        return dt.date(year or 1, month or 1, day)
    return dt.date(year or 1, month or 12, calendar.monthrange(year or 1, month or 12)[1])


def _revised_often(action: Action, here: LocationFor) -> list[Finding]:
    count = len(action.target_revisions)
    if count <= MOST_REVISIONS:
        return []
    return [rule("progress-target-revised-often").finding(
        f"The target has been revised {count} times (it is now {action.current_target().format()}). "
        "Say what is stopping the work, and whether the action itself needs to change.",
        here("target_revisions"))]


def _revised_without_reason(action: Action, here: LocationFor) -> list[Finding]:
    unexplained = [revision for revision in action.target_revisions if not revision.reason.strip()]
    if not unexplained:
        return []
    latest = unexplained[-1]
    times = "" if len(unexplained) == 1 else f" ({len(unexplained)} revisions have none)"
    return [rule("progress-revision-no-reason").finding(
        f"The target was revised to {latest.target.format()} on {format_long_date(latest.made_on)} with no "
        f"reason{times}. The progress review asks why a date moved: say why in an update, then dismiss this "
        "warning giving the reason.",
        here("target_revisions"))]


def _still_due(action: Action, here: LocationFor, today: dt.date) -> list[Finding]:
    first_day = action.target.first_day()
    if first_day is None or first_day <= today:
        return []
    words = completed_target(action.status).format()
    return [rule("progress-complete-target-ahead").finding(
        f"This action is marked {action.status.label}, but the published target still says "
        f"“{action.target.format()}”, after today ({format_long_date(today)}). Show it as "
        f"“{words}” (Show as {words} in the inspector's progress section).", here("target"))]


def completed_target(status: ActionStatus) -> TargetDate:
    """What the published plan says of a done action: Completed, or Completed and ongoing for
    one kept up as business as usual."""
    kind = TargetKind.COMPLETED_AND_ONGOING if status is ActionStatus.ONGOING else TargetKind.COMPLETED
    return TargetDate.of_kind(kind)
