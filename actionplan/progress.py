"""What happens to a plan after it is published: each action's status, who leads the work,
dated progress updates, evidence, and revised target dates; and, per concern, the judgements
of the Independent Review of Progress (IRP). None of this reaches the published GOV.UK plan.

Updates and target revisions are records, never overwritten: a later one is added beside the
earlier ones, as audit-action trackers keep them, so the history of a plan can always be told.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from actionplan.fields import Line, Target, Text, new_id
from actionplan.target_date import TargetDate


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class ActionStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"
    ONGOING = "ongoing"
    """Done, and kept up as business as usual."""

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def is_done(self) -> bool:
        return self in (ActionStatus.COMPLETE, ActionStatus.ONGOING)

    @classmethod
    def from_words(cls, typed: str) -> ActionStatus | None:
        """A status typed in a person's words ("done", "in progress", "Not Started"), or None
        when it is not clear which one is meant."""
        words = " ".join(typed.replace("-", " ").replace("_", " ").lower().split())
        return _STATUS_WORDS.get(words)


_STATUS_LABELS = {
    ActionStatus.NOT_STARTED: "Not started",
    ActionStatus.IN_PROGRESS: "In progress",
    ActionStatus.COMPLETE: "Complete",
    ActionStatus.ONGOING: "Ongoing",
}
_STATUS_WORDS: dict[str, ActionStatus] = {
    **{label.lower(): status for status, label in _STATUS_LABELS.items()},
    "not begun": ActionStatus.NOT_STARTED,
    "not yet started": ActionStatus.NOT_STARTED,
    "started": ActionStatus.IN_PROGRESS,
    "underway": ActionStatus.IN_PROGRESS,
    "under way": ActionStatus.IN_PROGRESS,
    "in hand": ActionStatus.IN_PROGRESS,
    "progressing": ActionStatus.IN_PROGRESS,
    "complete": ActionStatus.COMPLETE,
    "completed": ActionStatus.COMPLETE,
    "done": ActionStatus.COMPLETE,
    "finished": ActionStatus.COMPLETE,
    "closed": ActionStatus.COMPLETE,
    "ongoing": ActionStatus.ONGOING,
    "on going": ActionStatus.ONGOING,
    "completed and ongoing": ActionStatus.ONGOING,
    "complete and ongoing": ActionStatus.ONGOING,
    "business as usual": ActionStatus.ONGOING,
    "bau": ActionStatus.ONGOING,
}


class IrpJudgement(StrEnum):
    """HMIP's four-point scale at an Independent Review of Progress."""

    NO_MEANINGFUL_PROGRESS = "no_meaningful_progress"
    INSUFFICIENT_PROGRESS = "insufficient_progress"
    REASONABLE_PROGRESS = "reasonable_progress"
    GOOD_PROGRESS = "good_progress"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def is_reasonable_or_good(self) -> bool:
        return self in (IrpJudgement.REASONABLE_PROGRESS, IrpJudgement.GOOD_PROGRESS)


class ProgressUpdate(_Record):
    """One dated note of how an action is going, and the status it set, if it set one."""

    id: str = Field(default_factory=new_id, min_length=1)
    on: dt.date
    author: Line = ""
    text: Text = ""
    status: ActionStatus | None = None
    source: Line | None = None
    """Where the record came from when it was not typed in the editor: a returned update form
    and the answer it held ("form:<form id>:<answer digest>"), so the same answer is never
    recorded twice. None (and so left out of the file) for a record typed in the editor."""


class EvidenceItem(_Record):
    """Something held that shows the action worked: a description and, where there is one, a
    web link or a file path. A path is kept relative to the plan's folder, so the folder can be
    moved or shared as a whole."""

    id: str = Field(default_factory=new_id, min_length=1)
    description: Text = ""
    link: Line = ""
    added_on: dt.date | None = None
    added_by: Line = ""
    source: Line | None = None
    """As ``ProgressUpdate.source``."""


class TargetRevision(_Record):
    """A new target date for an action, why, and when it was agreed. The original target
    stays as published."""

    id: str = Field(default_factory=new_id, min_length=1)
    target: Target = Field(default_factory=TargetDate.not_set)
    reason: Text = ""
    made_on: dt.date
    by: Line = ""
    source: Line | None = None
    """As ``ProgressUpdate.source``."""
