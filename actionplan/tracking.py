"""Where each action stands on a given day, derived from its status and its latest target and
never typed: Complete, Overdue, Due soon, On track or No date. Always shown as words, with
colour only as an extra (GOV.UK forbids meaning carried by colour alone).

- **Complete**: status Complete or Ongoing; or no status recorded yet and the latest target
  says the work is done (Completed, Completed and ongoing), as a plan read from a published
  document says of work finished before anyone tracked it. A status recorded later (by an
  update, even Not started) is what counts from then on.
- **Overdue**: not complete, and its latest target has passed. A month passes at its end.
- **Due soon**: not complete, not overdue, and its latest target ends within ``due_soon_days``
  (45 by default, as audit-action trackers remind owners).
- **On track**: the rest with a target date; **No date**: no target date.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from actionplan.model import Action, Category, Concern, Plan
from actionplan.progress import ActionStatus, IrpJudgement

DUE_SOON_DAYS = 45


class Position(StrEnum):
    COMPLETE = "Complete"
    OVERDUE = "Overdue"
    DUE_SOON = "Due soon"
    ON_TRACK = "On track"
    NO_DATE = "No date"

    @property
    def words(self) -> str:
        return self.value


POSITIONS_IN_ORDER = (Position.COMPLETE, Position.ON_TRACK, Position.DUE_SOON, Position.OVERDUE, Position.NO_DATE)
"""The order a summary names them in."""


def status_recorded(action: Action) -> bool:
    """Whether anyone has said how the action is going: a status other than the one every
    action starts with, or an update that set one."""
    return action.status is not ActionStatus.NOT_STARTED or any(u.status is not None for u in action.updates)


def done_by_target(action: Action) -> bool:
    """No status recorded yet, and the latest target says the work is done."""
    return action.current_target().is_completed and not status_recorded(action)


def position(action: Action, as_of: dt.date, due_soon_days: int = DUE_SOON_DAYS) -> Position:
    """Where ``action`` stands on ``as_of``."""
    if action.status.is_done or done_by_target(action):
        return Position.COMPLETE
    last_day = action.current_target().last_day()
    if last_day is None:
        return Position.NO_DATE
    if last_day < as_of:
        return Position.OVERDUE
    if last_day <= as_of + dt.timedelta(days=due_soon_days):
        return Position.DUE_SOON
    return Position.ON_TRACK


@dataclass(frozen=True)
class Standing:
    """How many actions stand where, on one day."""

    counts: Counter[Position]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def __getitem__(self, where: Position) -> int:
        return self.counts[where]

    def describe(self) -> str:
        """"31 actions: 12 complete, 9 on track, 6 due soon, 4 overdue"; places with no action
        are left out, and "No date" comes last."""
        total = self.total
        head = f"{total:,} action{'' if total == 1 else 's'}"
        parts = [f"{self.counts[where]:,} {where.words.lower()}" for where in POSITIONS_IN_ORDER if self.counts[where]]
        return f"{head}: {', '.join(parts)}" if parts else head


def standing(actions: Iterable[Action], as_of: dt.date, due_soon_days: int = DUE_SOON_DAYS) -> Standing:
    return Standing(Counter(position(action, as_of, due_soon_days) for action in actions))


def plan_standing(plan: Plan, as_of: dt.date, due_soon_days: int = DUE_SOON_DAYS,
                  category: Category | None = None) -> Standing:
    """Where the plan's actions stand: all of them, or one section's."""
    concerns = plan.concerns if category is None else plan.in_category(category)
    return standing((action for concern in concerns for action in concern.actions), as_of, due_soon_days)


@dataclass(frozen=True)
class IrpSummary:
    """"Self-assessed: 7 of 12 concerns reasonable or good progress", and HMIP's figure once any
    judgement of theirs is recorded."""

    judged: int
    reasonable_or_good: int

    def describe(self, who: str, noun: str) -> str:
        return f"{who}: {self.reasonable_or_good} of {self.judged} {noun}{'' if self.judged == 1 else 's'} " \
               "reasonable or good progress"


def irp_summary(judgements: Iterable[IrpJudgement | None]) -> IrpSummary:
    made = [judgement for judgement in judgements if judgement is not None]
    return IrpSummary(len(made), sum(1 for judgement in made if judgement.is_reasonable_or_good))


def self_assessed(concerns: Iterable[Concern]) -> IrpSummary:
    return irp_summary(concern.self_assessment for concern in concerns)


def hmip_judged(concerns: Iterable[Concern]) -> IrpSummary:
    return irp_summary(concern.hmip_judgement for concern in concerns)
