"""Recording progress on an action, the only ways the editor, the command line and returned
update forms change it: each adds a dated record beside the earlier ones and never rewrites
one. (Taking back a record just made is the editor's Undo, in the same session.)"""

from __future__ import annotations

import datetime as dt

from actionplan.model import Action
from actionplan.progress import ActionStatus, EvidenceItem, ProgressUpdate, TargetRevision
from actionplan.target_date import TargetDate


def record_update(action: Action, on: dt.date, author: str, text: str,
                  status: ActionStatus | None = None) -> ProgressUpdate:
    """Add a progress update, and set the action's status when the update gives one."""
    update = ProgressUpdate(on=on, author=author, text=text, status=status)
    action.updates = [*action.updates, update]
    if status is not None:
        action.status = status
    return update


def revise_target(action: Action, target: TargetDate, reason: str, on: dt.date, by: str) -> TargetRevision:
    """Agree a new target; the published one and earlier revisions stay."""
    revision = TargetRevision(target=target, reason=reason, made_on=on, by=by)
    action.target_revisions = [*action.target_revisions, revision]
    return revision


def add_evidence(action: Action, description: str, link: str, on: dt.date, by: str) -> EvidenceItem:
    item = EvidenceItem(description=description, link=link, added_on=on, added_by=by)
    action.evidence = [*action.evidence, item]
    return item


def remove_evidence(action: Action, evidence_id: str) -> EvidenceItem | None:
    """Take an item off the evidence held (it was attached by mistake, or it has gone)."""
    found = next((item for item in action.evidence if item.id == evidence_id), None)
    if found is not None:
        action.evidence = [item for item in action.evidence if item.id != evidence_id]
    return found
