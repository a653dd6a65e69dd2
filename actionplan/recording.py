"""Recording progress on an action, the only ways the editor, the command line and returned
update forms change it: each adds a dated record beside the earlier ones and never rewrites
one. (Taking back a record just made is the editor's Undo, in the same session.)

Updates and target revisions stay oldest first. A record dated before one already held (a
form filled in last week, read after today's update was typed) goes in its place by date, so
the latest update and the current target are always the latest by date, not by typing.
"""

from __future__ import annotations

import datetime as dt

from actionplan.model import Action, Plan
from actionplan.progress import ActionStatus, EvidenceItem, ProgressUpdate, TargetRevision
from actionplan.target_date import TargetDate


def record_update(action: Action, on: dt.date, author: str, text: str,
                  status: ActionStatus | None = None, *, source: str = "") -> ProgressUpdate:
    """Add a progress update, and set the action's status when the update gives one and no
    later update has given one since."""
    update = ProgressUpdate(on=on, author=author, text=text, status=status, source=source or None)
    place = _place_by_date([held.on for held in action.updates], on)
    action.updates = [*action.updates[:place], update, *action.updates[place:]]
    if status is not None and all(later.status is None for later in action.updates[place + 1:]):
        action.status = status
    return update


def revise_target(action: Action, target: TargetDate, reason: str, on: dt.date, by: str,
                  *, source: str = "") -> TargetRevision:
    """Agree a new target; the published one and earlier revisions stay."""
    revision = TargetRevision(target=target, reason=reason, made_on=on, by=by, source=source or None)
    place = _place_by_date([held.made_on for held in action.target_revisions], on)
    action.target_revisions = [*action.target_revisions[:place], revision, *action.target_revisions[place:]]
    return revision


def add_evidence(action: Action, description: str, link: str, on: dt.date, by: str,
                 *, source: str = "") -> EvidenceItem:
    item = EvidenceItem(description=description, link=link, added_on=on, added_by=by, source=source or None)
    action.evidence = [*action.evidence, item]
    return item


def remove_evidence(action: Action, evidence_id: str) -> EvidenceItem | None:
    """Take an item off the evidence held (it was attached by mistake, or it has gone)."""
    found = next((item for item in action.evidence if item.id == evidence_id), None)
    if found is not None:
        action.evidence = [item for item in action.evidence if item.id != evidence_id]
    return found


def is_being_tracked(plan: Plan, action: Action, today: dt.date) -> bool:
    """The plan has been submitted and progress is recorded on the action: its published target
    is a commitment the prison is held to, and moving it leaves a trace."""
    submitted = plan.details.submitted
    has_progress = bool(action.updates or action.target_revisions or action.evidence) \
        or action.status is not ActionStatus.NOT_STARTED
    return submitted is not None and submitted <= today and has_progress


def note_published_target_change(action: Action, before: TargetDate, after: TargetDate, on: dt.date,
                                 author: str) -> ProgressUpdate:
    """The trace left when the published target itself is changed after submission, rather than
    revised: an update saying what it was and what it is now."""
    said = before.format() if before.is_set else "not set"
    now = after.format() if after.is_set else "not set"
    text = (f"Published target date changed from {said} to {now} in the plan itself (not a revised target, "
            "so no reason was recorded).")
    return record_update(action, on, author, text)


def _place_by_date(held: list[dt.date], on: dt.date) -> int:
    """Where a record dated ``on`` goes: after every record of that day or earlier."""
    place = len(held)
    while place > 0 and held[place - 1] > on:
        place -= 1
    return place
