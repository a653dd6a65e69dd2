"""The action plan: plan details, concerns and their actions, as plain pydantic models.

``new_id``, ``Text`` and ``Line`` are ``actionplan.fields``'s; progress records are
``actionplan.progress``'s.

Everything else (storage, validation, the editor, importers and exporters) reads and writes
these classes. Nothing here knows about Qt or files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from actionplan.fields import Line, Reference, Target, Text, new_id
from actionplan.progress import (
    ActionStatus,
    EvidenceItem,
    IrpJudgement,
    ProgressUpdate,
    TargetRevision,
)
from actionplan.target_date import TargetDate

STANDARD_INTRODUCTION = (
    "HM Inspectorate of Prisons (HMIP) and HM Inspectorate of Probation for England and Wales "
    "are independent inspectorates which provide scrutiny of the conditions for, and treatment "
    "of prisoners and offenders. They report their findings for prisons, Young Offender "
    "Institutions, and effectiveness of the work of probation, and youth offending services "
    "across England and Wales to Ministry of Justice (MoJ) and His Majesty's Prison and "
    "Probation Service (HMPPS). In response to the report HMPPS / MoJ are required to draft a "
    "robust and timely action plan to address the priority and key concerns. Action plans "
    "provide specific steps and actions to address the priority and key concerns, that are "
    "clear, outcome focussed, measurable, achievable, and relevant with the owner and "
    "timescale of each step clearly identified. Action plans are sent to HMIP and published on "
    "the GOV.UK website. Progress against the implementation and delivery of the action plans "
    "will also be monitored and reported on."
)

ORGANISATION = "HM Prison & Probation Service"


class Category(StrEnum):
    PRIORITY = "priority"
    KEY = "key"

    @property
    def heading(self) -> str:
        return "Priority concerns" if self is Category.PRIORITY else "Key concerns"

    @property
    def singular(self) -> str:
        return "priority concern" if self is Category.PRIORITY else "key concern"

    def singular_in(self, era: Era) -> str:
        """One concern of this category, in the words of a plan of ``era``, lower case:
        "priority concern", or "main recommendation" in a recommendations-era plan."""
        if era is Era.RECOMMENDATIONS:
            return "main recommendation" if self is Category.PRIORITY else "recommendation"
        return self.singular

    def plural_in(self, era: Era) -> str:
        """Several concerns of this category in a plan of ``era``, lower case."""
        return self.heading_in(era).lower()

    def heading_in(self, era: Era) -> str:
        """The section's heading in a plan of ``era``. Recommendations-era reports gave their
        main recommendations (referenced like ``S45``) first, then the rest (like ``1.12``)."""
        if era is Era.RECOMMENDATIONS:
            return "Main recommendations" if self is Category.PRIORITY else "Recommendations"
        return self.heading


class Era(StrEnum):
    """Which HMIP template the plan answers."""

    CONCERNS = "concerns"
    RECOMMENDATIONS = "recommendations"

    def item_noun(self, plural: bool = False) -> str:
        """What a plan of this era calls what it answers, whatever the category: "concern"
        (concerns era) or "recommendation" (recommendations era)."""
        noun = "recommendation" if self is Era.RECOMMENDATIONS else "concern"
        return noun + "s" if plural else noun


class Agreement(StrEnum):
    AGREED = "agreed"
    PARTLY_AGREED = "partly_agreed"
    NOT_AGREED = "not_agreed"

    @property
    def label(self) -> str:
        return {"agreed": "Agreed", "partly_agreed": "Partly agreed", "not_agreed": "Not agreed"}[
            self.value
        ]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Action(_Model):
    """One SMART step answering a concern, with its responsible owner and target date, as
    published; then, as the plan is carried out, how it is going (``actionplan.progress``)."""

    id: str = Field(default_factory=new_id, min_length=1)
    text: Text = ""
    owner: Line = ""
    target: Target = Field(default_factory=TargetDate.not_set)
    """The target as published. A later date agreed since is a revision, not a change here."""
    status: ActionStatus = ActionStatus.NOT_STARTED
    lead: Line = ""
    """Who does the work ("J. Patel, Head of Residence"); the owner is usually a role."""
    updates: list[ProgressUpdate] = Field(default_factory=list)
    """Oldest first; only ever added to."""
    evidence_needed: Text = ""
    """What will show that the action worked."""
    evidence: list[EvidenceItem] = Field(default_factory=list)
    target_revisions: list[TargetRevision] = Field(default_factory=list)
    """Oldest first; only ever added to."""

    def current_target(self) -> TargetDate:
        """The latest agreed target: the last revision's, or the published one."""
        return self.target_revisions[-1].target if self.target_revisions else self.target

    def latest_update(self) -> ProgressUpdate | None:
        return self.updates[-1] if self.updates else None


class Concern(_Model):
    """A priority or key concern (or, in older plans, a recommendation) and its actions."""

    id: str = Field(default_factory=new_id, min_length=1)
    category: Category = Category.PRIORITY
    reference: Reference = ""
    """A manual Rec No such as ``S45`` or ``1.12``. Empty means number automatically."""
    text: Text = ""
    agreement: Agreement | None = None
    """Recommendations era only."""
    actions: list[Action] = Field(default_factory=list)
    self_assessment: IrpJudgement | None = None
    """The establishment's own judgement of its progress, on HMIP's four-point scale."""
    hmip_judgement: IrpJudgement | None = None
    """HMIP's judgement at the Independent Review of Progress, once it is published."""


class PlanDetails(_Model):
    establishment: Line = ""
    submitted: dt.date | None = None
    inspection_start: dt.date | None = None
    inspection_end: dt.date | None = None
    published: dt.date | None = None
    introduction: Text = STANDARD_INTRODUCTION
    era: Era = Era.CONCERNS


class Dismissal(_Model):
    """A warning that a person looked at and decided to leave, on one item."""

    rule: str = Field(min_length=1)
    item_id: str = Field(min_length=1)
    """The concern or action id, or ``details`` for the plan details."""
    field: str = ""
    reason: Text = ""
    dismissed_on: dt.date | None = None


class Plan(_Model):
    details: PlanDetails = Field(default_factory=PlanDetails)
    concerns: list[Concern] = Field(default_factory=list)
    """Kept in display order: every priority concern before every key concern."""
    dismissals: list[Dismissal] = Field(default_factory=list)
    word_list: list[Line] = Field(default_factory=list)
    """Words the plan's authors added to its own spelling dictionary."""

    # Sections and numbering ----------------------------------------------------------------

    def in_category(self, category: Category) -> list[Concern]:
        return [concern for concern in self.concerns if concern.category is category]

    def in_display_order(self) -> list[Concern]:
        """Priority concerns first, then key concerns, each in the order they were written."""
        return self.in_category(Category.PRIORITY) + self.in_category(Category.KEY)

    def put_in_display_order(self) -> None:
        """Reorder ``concerns`` so every priority concern comes before every key concern."""
        ordered = self.in_display_order()
        if ordered != self.concerns:
            self.concerns = ordered

    def references(self) -> dict[str, str]:
        """Each concern's Rec No by id: its manual reference, or its number counting from 1
        across both sections."""
        return {
            concern.id: concern.reference or str(number)
            for number, concern in enumerate(self.in_display_order(), start=1)
        }

    def reference_of(self, concern: Concern) -> str:
        return self.references()[concern.id]

    # Finding things ------------------------------------------------------------------------

    def all_actions(self) -> Iterator[tuple[Concern, Action]]:
        for concern in self.in_display_order():
            for action in concern.actions:
                yield concern, action

    def find_concern(self, concern_id: str) -> Concern | None:
        return next((c for c in self.concerns if c.id == concern_id), None)

    def find_action(self, action_id: str) -> tuple[Concern, Action] | None:
        for concern in self.concerns:
            for action in concern.actions:
                if action.id == action_id:
                    return concern, action
        return None

    @property
    def action_count(self) -> int:
        return sum(len(concern.actions) for concern in self.concerns)

    def title(self) -> str:
        """The document's main heading, used as its title too."""
        name = self.details.establishment.strip()
        return f"Action Plan: {name}" if name else "Action Plan"
