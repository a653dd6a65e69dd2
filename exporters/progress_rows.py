"""What a progress report says about each action on one day, worked out once and shared by the
Word report and the spreadsheets: where it stands, who leads it, its latest target and update.

Nothing here is typed by a person: positions are derived (``actionplan.tracking``), and the
published target stays beside the latest agreed one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from actionplan.model import Action, Category, Concern, Era, Plan
from actionplan.progress import IrpJudgement, ProgressUpdate
from actionplan.target_date import TargetDate
from actionplan.tracking import DUE_SOON_DAYS, Position, position


@dataclass(frozen=True)
class ProgressOptions:
    """The day the report describes, and how near a target must be to count as due soon."""

    as_of: dt.date
    due_soon_days: int = DUE_SOON_DAYS

    @property
    def due_soon_until(self) -> dt.date:
        return self.as_of + dt.timedelta(days=self.due_soon_days)


@dataclass(frozen=True)
class ActionProgress:
    """One action as the report shows it."""

    concern: Concern
    action: Action
    rec_no: str
    section: str
    """The section's heading in the plan's own words: "Priority concerns", "Main recommendations"."""
    position: Position

    @property
    def target(self) -> TargetDate:
        """The latest agreed target."""
        return self.action.current_target()

    @property
    def original_target(self) -> TargetDate:
        return self.action.target

    @property
    def revised(self) -> bool:
        return bool(self.action.target_revisions)

    @property
    def latest_update(self) -> ProgressUpdate | None:
        return self.action.latest_update()

    @property
    def latest_revision_reason(self) -> str:
        revisions = self.action.target_revisions
        return revisions[-1].reason if revisions else ""

    @property
    def lead_or_owner(self) -> tuple[str, bool]:
        """Who to chase: the lead, or the owner when no lead is named; and whether it is the lead."""
        lead = self.action.lead.strip()
        return (lead, True) if lead else (self.action.owner.strip(), False)

    @property
    def deadline(self) -> dt.date:
        """The last day of the latest target, for putting overdue and due-soon actions in order."""
        return self.target.last_day() or dt.date.max


@dataclass(frozen=True)
class ConcernProgress:
    concern: Concern
    rec_no: str
    heading: str
    """"Priority concern 1", "Key concern 4", "Main recommendation S45"."""
    actions: list[ActionProgress]


@dataclass(frozen=True)
class SectionProgress:
    category: Category
    heading: str
    concerns: list[ConcernProgress]

    def actions(self) -> list[ActionProgress]:
        return [action for concern in self.concerns for action in concern.actions]


def plan_progress(plan: Plan, options: ProgressOptions) -> list[SectionProgress]:
    """The plan's sections that have concerns, in display order, each concern with its actions."""
    era = plan.details.era
    references = plan.references()
    sections = []
    for category in (Category.PRIORITY, Category.KEY):
        concerns = plan.in_category(category)
        if not concerns:
            continue
        heading = category.heading_in(era)
        sections.append(SectionProgress(category, heading, [
            _concern_progress(concern, references[concern.id], heading, era, options) for concern in concerns
        ]))
    return sections


def _concern_progress(concern: Concern, rec_no: str, section: str, era: Era,
                      options: ProgressOptions) -> ConcernProgress:
    actions = [
        ActionProgress(concern, action, rec_no, section, position(action, options.as_of, options.due_soon_days))
        for action in concern.actions
    ]
    heading = f"{concern.category.singular_in(era).capitalize()} {rec_no}"
    return ConcernProgress(concern, rec_no, heading, actions)


def all_actions(sections: list[SectionProgress]) -> list[ActionProgress]:
    return [action for section in sections for action in section.actions()]


def in_position(sections: list[SectionProgress], where: Position) -> list[ActionProgress]:
    """The actions standing at ``where``, the nearest (or longest passed) target first, then in
    plan order."""
    found = [action for action in all_actions(sections) if action.position is where]
    return sorted(found, key=lambda action: action.deadline)


def judgement_words(judgement: IrpJudgement | None) -> str:
    return judgement.label if judgement is not None else "Not recorded"
