"""Update forms: the spreadsheet each lead (or owner) is sent with just their actions, to say
how each is going. This module holds what the form is, shared by the exporter that writes it
and the importer that reads it back: its headings, the details it records about itself, and
who is sent which actions.

Rows find their action by its stable id, kept in a hidden column, never by their place in the
sheet, so a form can be sorted, filtered and rearranged and still be read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from actionplan.model import Action, Concern, Plan
from actionplan.progress import ActionStatus
from actionplan.tracking import DUE_SOON_DAYS, Position, position

INSTRUCTIONS_SHEET = "How to fill in"
ACTIONS_SHEET = "Your actions"
DETAILS_SHEET = "Form details"
"""A very hidden sheet holding ``FormIdentity``; the workbook's custom properties hold a copy."""

ID_HEADING = "Action id (do not change)"


class Shown(StrEnum):
    """What the form shows about each action, for the lead to read."""

    REC_NO = "Rec No"
    CONCERN = "Concern"
    ACTION = "Action"
    OWNER = "Responsible owner"
    CURRENT_TARGET = "Current target"
    STATUS = "Status"
    LATEST_UPDATE = "Latest update"
    EVIDENCE_NEEDED = "Evidence needed"


class Answer(StrEnum):
    """The columns the lead fills in, headed exactly so."""

    NEW_STATUS = "New status"
    PROGRESS_UPDATE = "Progress update"
    EVIDENCE = "Evidence"
    REVISED_TARGET = "Revised target date"
    REASON = "Reason for new date"


STATUS_CHOICES = tuple(status.label for status in ActionStatus)
"""The New status drop-down: Not started, In progress, Complete, Ongoing."""


class SendTo(StrEnum):
    """Whom each form goes to."""

    LEAD = "lead"
    OWNER = "owner"


# Which actions: --only overdue,due-soon --------------------------------------------------------

POSITION_WORDS: Mapping[str, Position] = {
    "overdue": Position.OVERDUE,
    "due-soon": Position.DUE_SOON,
    "on-track": Position.ON_TRACK,
    "no-date": Position.NO_DATE,
    "complete": Position.COMPLETE,
}


def read_positions(typed: str) -> frozenset[Position]:
    """``overdue,due-soon`` as positions. Raises ``ValueError`` naming the words allowed."""
    chosen = set()
    for word in (part.strip().lower().replace(" ", "-") for part in typed.split(",")):
        if not word:
            continue
        if word not in POSITION_WORDS:
            allowed = ", ".join(POSITION_WORDS)
            raise ValueError(f"“{word}” is not one of {allowed}.")
        chosen.add(POSITION_WORDS[word])
    if not chosen:
        raise ValueError(f"Name at least one of {', '.join(POSITION_WORDS)}.")
    return frozenset(chosen)


# The form's own details ------------------------------------------------------------------------


@dataclass(frozen=True)
class FormIdentity:
    """What a form records about itself: which plan and day it was sent from, and to whom.

    The plan is named by its establishment and file name for people to read; the form's rows
    are matched to the plan by their action ids, which no other plan shares.
    """

    form_id: str
    sent_to: str
    sent_on: dt.date
    sent_by: SendTo
    establishment: str
    plan_file: str

    def as_pairs(self) -> list[tuple[str, str]]:
        return [
            ("Form id", self.form_id),
            ("Sent to", self.sent_to),
            ("Sent on", self.sent_on.isoformat()),
            ("Sent to each", self.sent_by.value),
            ("Establishment", self.establishment),
            ("Plan file", self.plan_file),
        ]

    @classmethod
    def from_pairs(cls, pairs: Mapping[str, str]) -> FormIdentity | None:
        """The identity written by ``as_pairs``, or None when what is needed is missing."""
        found = {_key(name): value.strip() for name, value in pairs.items() if isinstance(value, str)}
        try:
            sent_on = dt.date.fromisoformat(found.get("sent on", ""))
            sent_by = SendTo(found.get("sent to each", SendTo.LEAD.value))
        except ValueError:
            return None
        form_id, sent_to = found.get("form id", ""), found.get("sent to", "")
        if not form_id or not sent_to:
            return None
        return cls(form_id, sent_to, sent_on, sent_by, found.get("establishment", ""), found.get("plan file", ""))

    def describe_plan(self) -> str:
        """“the action plan for HMP & YOI Ashvale (ashvale.actionplan)”."""
        name = f"the action plan for {self.establishment}" if self.establishment else "an action plan"
        return f"{name} ({self.plan_file})" if self.plan_file else name


def _key(name: str) -> str:
    return " ".join(name.lower().split())


# Who gets which actions -------------------------------------------------------------------------


@dataclass
class FormToSend:
    """One recipient's form: their name as first written, and their actions in plan order."""

    name: str
    actions: list[tuple[Concern, Action]] = field(default_factory=list)
    through_owner: int = 0
    """Actions with no lead, sent to their owner instead."""


@dataclass(frozen=True)
class FormsToSend:
    forms: list[FormToSend]
    left_out: list[str]
    """Why some actions have no form, in plain words."""

    @property
    def action_count(self) -> int:
        return sum(len(form.actions) for form in self.forms)

    def describe(self) -> str:
        """“8 forms for 24 actions”."""
        forms, actions = len(self.forms), self.action_count
        return f"{forms} form{'' if forms == 1 else 's'} for {actions} action{'' if actions == 1 else 's'}"


def forms_to_send(plan: Plan, send_to: SendTo, as_of: dt.date, only: Iterable[Position] | None = None,
                  due_soon_days: int = DUE_SOON_DAYS) -> FormsToSend:
    """One form per lead (an action with no lead goes to its owner) or per owner, holding
    their actions whose position on ``as_of`` is one of ``only`` (all when None).

    Names that differ only in capitals or spaces ("Head of safety ") are one person.
    """
    wanted = None if only is None else frozenset(only)
    forms: dict[str, FormToSend] = {}
    nobody = 0
    for concern, action in plan.all_actions():
        if wanted is not None and position(action, as_of, due_soon_days) not in wanted:
            continue
        name, through_owner = _recipient(action, send_to)
        if not name:
            nobody += 1
            continue
        form = forms.setdefault(_key(name), FormToSend(name))
        form.actions.append((concern, action))
        form.through_owner += through_owner
    left_out = []
    if nobody:
        whom = "lead or owner" if send_to is SendTo.LEAD else "owner"
        left_out.append(f"{nobody} action{' has' if nobody == 1 else 's have'} no {whom}, so no form was made for "
                        f"{'it' if nobody == 1 else 'them'}.")
    through = sum(form.through_owner for form in forms.values())
    if through:
        left_out.append(f"{through} action{' has' if through == 1 else 's have'} no lead, so "
                        f"{'it goes' if through == 1 else 'they go'} to the responsible owner.")
    return FormsToSend(sorted(forms.values(), key=lambda form: form.name.casefold()), left_out)


def _recipient(action: Action, send_to: SendTo) -> tuple[str, int]:
    lead, owner = " ".join(action.lead.split()), " ".join(action.owner.split())
    if send_to is SendTo.LEAD and lead:
        return lead, 0
    return owner, int(send_to is SendTo.LEAD and bool(owner))


# File names --------------------------------------------------------------------------------------

_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}
MAX_NAME_CHARACTERS = 80


def form_file_name(name: str) -> str:
    """“Progress update - J. Patel.xlsx”: the recipient's name, made safe for Windows."""
    safe = " ".join(_NOT_IN_FILE_NAMES.sub(" ", name).split()).strip(" .")[:MAX_NAME_CHARACTERS].strip(" .")
    if not safe or safe.lower() in _RESERVED:
        safe = "unnamed"
    return f"Progress update - {safe}.xlsx"
