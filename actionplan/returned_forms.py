"""Returned update forms: what each answered row would change in the plan, what cannot be used
and why, and recording the changes once the user accepts them.

The importer turns a workbook into a ``ReturnedForm``; ``propose`` turns those into a
``Proposal`` (nothing is changed); the editor and the command line show it, and ``apply``
records it through ``actionplan.recording``.

- **The date of an update** is the day the lead last saved the form, as the workbook itself
  records it (so it survives being emailed and saved again); a day before the form was sent,
  or after today, is taken as the day it was sent or today, and a workbook that records none
  is dated the day it is read. Two forms answering the same action are both kept, in that
  date order.
- **The same answer is never recorded twice.** Every record made from a row carries the row's
  key (the form's id and a digest of the action id and the answers), and a row whose key the
  action already holds adds nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from actionplan.form_answers import AnsweredRow, ReturnedForm, TypedDate
from actionplan.form_row_checks import FormActions, RowMatch, match_row, typed_in_unread_columns
from actionplan.model import Action, Plan
from actionplan.progress import ActionStatus
from actionplan.recording import add_evidence, record_update, revise_target
from actionplan.target_date import TargetDate, TargetKind, format_long_date, parse_target
from actionplan.update_forms import STATUS_CHOICES, Answer, FormIdentity

SOURCE_PREFIX = "form:"
_LINK = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
_SHORT = 160


# What would change ------------------------------------------------------------------------------


class Outcome(StrEnum):
    CHANGES = "Will be recorded"
    ALREADY_READ = "Read before"
    EMPTY = "Nothing filled in"
    NOT_USED = "Not used"


@dataclass
class ProposedRow:
    """What one answered row would record on its action, and what in it cannot be used."""

    form: FormReading
    row: int
    action_id: str
    rec_no: str = ""
    action_text: str = ""
    key: str = ""
    update_text: str = ""
    status: ActionStatus | None = None
    status_before: ActionStatus | None = None
    target: TargetDate | None = None
    target_before: TargetDate | None = None
    reason: str = ""
    evidence: str = ""
    link: str = ""
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    blank: bool = False
    already_read: bool = False
    later_status_stands: bool = False

    @property
    def on(self) -> dt.date:
        return self.form.answered_on

    @property
    def author(self) -> str:
        return self.form.sent_to

    @property
    def records_something(self) -> bool:
        return bool(self.update_text or self.status or self.target or self.evidence)

    @property
    def outcome(self) -> Outcome:
        if self.already_read:
            return Outcome.ALREADY_READ
        if self.records_something:
            return Outcome.CHANGES
        return Outcome.EMPTY if self.blank and not self.problems else Outcome.NOT_USED

    @property
    def will_change(self) -> bool:
        return self.outcome is Outcome.CHANGES

    def changes(self) -> list[str]:
        """What will be recorded, one line for each kind of record."""
        if not self.will_change:
            return []
        lines = []
        if self.update_text or self.status:
            lines.append(f"Update dated {format_long_date(self.on)}"
                         + (f": “{shorten(self.update_text, _SHORT)}”" if self.update_text else " (status only)"))
        if self.status is not None:
            lines.append(self._status_change(self.status))
        if self.target is not None:
            before = self.target_before.format() if self.target_before and self.target_before.is_set else "not set"
            lines.append(f"Target: {before} → {self.target.format()}"
                         + (f" (reason: “{shorten(self.reason, _SHORT)}”)" if self.reason else ""))
        if self.evidence:
            lines.append(f"Evidence added: “{shorten(self.evidence, _SHORT)}”")
        return lines

    def _status_change(self, status: ActionStatus) -> str:
        before = self.status_before
        if self.later_status_stands:
            return f"Status given: {status.label} (kept with the update; a later status stands)"
        if before is status:
            return f"Status: {status.label} (no change)"
        return f"Status: {before.label if before else 'not set'} → {status.label}"


@dataclass
class FormReading:
    """One returned form: what was read from it and what it would change."""

    file_name: str
    identity: FormIdentity | None
    answered_on: dt.date
    saved_at: dt.datetime | None = None
    problem: str = ""
    notes: list[str] = field(default_factory=list)
    rows: list[ProposedRow] = field(default_factory=list)
    order: int = 0

    @property
    def sent_to(self) -> str:
        return self.identity.sent_to if self.identity else ""

    def describe(self) -> str:
        """“Progress update - J. Patel.xlsx: sent to J. Patel on 1 March 2027, answers dated 8 March 2027”."""
        if self.identity is None:
            return self.file_name
        return (f"{self.file_name}: sent to {self.identity.sent_to} on {format_long_date(self.identity.sent_on)}, "
                f"answers dated {format_long_date(self.answered_on)}")


@dataclass
class Proposal:
    """Every returned form read at once, and what accepting them would change."""

    forms: list[FormReading]

    def rows(self) -> list[ProposedRow]:
        return [row for form in self.forms for row in form.rows]

    def changes(self) -> list[ProposedRow]:
        """The rows that will record something, in the order they are recorded: by date."""
        chosen = [row for row in self.rows() if row.will_change]
        return sorted(chosen, key=lambda row: (row.on, row.form.saved_at or dt.datetime.min, row.form.order, row.row))

    def action_ids(self) -> list[str]:
        return list(dict.fromkeys(row.action_id for row in self.changes()))

    def count(self, outcome: Outcome) -> int:
        return sum(1 for row in self.rows() if row.outcome is outcome)

    def unreadable_forms(self) -> list[FormReading]:
        return [form for form in self.forms if form.problem]

    def summary(self) -> str:
        """“3 forms read. 14 answers will be recorded on 12 actions: …”."""
        read = len(self.forms)
        parts = [f"{_count(read, 'form')} read."]
        changes = self.changes()
        if changes:
            actions = len({row.action_id for row in changes})
            kinds = [
                _count(sum(1 for row in changes if row.update_text or row.status), "update"),
                _count(sum(1 for row in changes if row.status and row.status is not row.status_before
                           and not row.later_status_stands), "status change"),
                _count(sum(1 for row in changes if row.target), "revised target"),
                _count(sum(1 for row in changes if row.evidence), "evidence item"),
            ]
            parts.append(f"{_count(len(changes), 'answer')} will be recorded on {_count(actions, 'action')}: "
                         f"{', '.join(kinds)}.")
        else:
            parts.append("Nothing new to record.")
        not_used = self.count(Outcome.NOT_USED) + sum(1 for row in changes if row.problems)
        if not_used:
            parts.append(f"{_count(not_used, 'row')} with something that cannot be used.")
        if self.unreadable_forms():
            parts.append(f"{_count(len(self.unreadable_forms()), 'form')} could not be read.")
        if self.count(Outcome.ALREADY_READ):
            parts.append(f"{_count(self.count(Outcome.ALREADY_READ), 'answer')} read before, so not added again.")
        return " ".join(parts)


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _count(number: int, noun: str) -> str:
    plural = {"status change": "status changes", "evidence item": "evidence items"}.get(noun, noun + "s")
    return f"{number:,} {noun if number == 1 else plural}"


# Proposing ---------------------------------------------------------------------------------------


def answered_on(form: ReturnedForm, today: dt.date) -> dt.date:
    """The day an update from ``form`` is dated (see the module's notes)."""
    saved = _local_day(form.saved_at) if form.saved_at is not None else today
    day = min(saved, today)
    if form.identity is not None:
        day = max(day, form.identity.sent_on)
    return day


def _local_day(moment: dt.datetime) -> dt.date:
    """The day on this computer's clock: a workbook records when it was saved in UTC, so a form
    saved at 00:30 in British Summer Time is dated that day, not the one before."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone().date()


def propose(plan: Plan, forms: Iterable[ReturnedForm], today: dt.date, plan_file: str = "") -> Proposal:
    """What recording ``forms`` in ``plan`` would do, changing nothing."""
    index = _ActionIndex(plan)
    readings = [_read_form(index, form, order, today, plan_file) for order, form in enumerate(forms)]
    proposal = Proposal(readings)
    _note_repeats(proposal)
    _note_answers_to_one_action(proposal)
    return proposal


class _ActionIndex:
    def __init__(self, plan: Plan) -> None:
        references = plan.references()
        self.actions: dict[str, Action] = {}
        self.rec_nos: dict[str, str] = {}
        for concern, action in plan.all_actions():
            self.actions[action.id] = action
            self.rec_nos[action.id] = references[concern.id]
        self.establishment = plan.details.establishment


def _read_form(index: _ActionIndex, form: ReturnedForm, order: int, today: dt.date, plan_file: str) -> FormReading:
    reading = FormReading(form.file_name, form.identity, answered_on(form, today), form.saved_at,
                          form.problem, list(form.notes), order=order)
    if reading.problem:
        return reading
    identity = form.identity
    if identity is None:
        reading.problem = (f"“{form.file_name}” does not say which plan or person it was sent for, so it was not "
                           "read. It may be a copy in a new workbook: ask for the form that was sent out, filled in.")
        return reading
    with_ids = [row for row in form.rows if row.action_id]
    if with_ids and not any(row.action_id in index.actions for row in with_ids):
        reading.problem = _not_this_plan(form.file_name, identity, index, plan_file, len(with_ids))
        return reading
    if not with_ids:
        reading.notes.append("No row in this form names an action, so nothing was read from it.")
    sent = [index.actions[row.action_id] for row in with_ids if row.action_id in index.actions]
    in_form = FormActions(sent, index.rec_nos)
    reading.rows = [_propose_row(index, reading, row, in_form) for row in form.rows]
    return reading


def _not_this_plan(file_name: str, identity: FormIdentity, index: _ActionIndex, plan_file: str, rows: int) -> str:
    same_name = identity.establishment == index.establishment and (not plan_file or identity.plan_file == plan_file)
    if same_name:
        return (f"None of the {_count(rows, 'action')} in “{file_name}” is in the plan now (they may have been "
                "deleted since the form was sent, or the plan rebuilt), so nothing was read from it.")
    return (f"“{file_name}” was sent from {identity.describe_plan()} on {format_long_date(identity.sent_on)}, "
            "not from this plan, so nothing was read from it. Open that plan to read it.")


def _propose_row(index: _ActionIndex, form: FormReading, answered: AnsweredRow, in_form: FormActions) -> ProposedRow:
    action = index.actions.get(answered.action_id)
    match = match_row(answered, action, in_form) if action is not None else RowMatch(None)
    if match.action is not None and match.action is not action:
        action, answered = match.action, dataclasses.replace(answered, action_id=match.action.id)
    row = ProposedRow(form, answered.row, answered.action_id, blank=answered.is_blank)
    row.notes.extend([match.note] if match.note else [])
    if action is not None:
        row.problems.extend(typed_in_unread_columns(answered, action))
        row.blank = row.blank and not row.problems
    if match.problem:
        row.problems.append(match.problem)
        return row
    if row.blank:
        if action is not None:
            row.rec_no, row.action_text = index.rec_nos[action.id], action.text
        return row
    if not answered.action_id:
        row.problems.append("This row has answers but no action id, so it cannot be matched to an action. It may "
                            "have been added by hand: put the answers in the action’s own row and send it again.")
        return row
    if action is None:
        row.problems.append("The action in this row is no longer in the plan (it may have been deleted since the "
                            "form was sent), so its answers were not used.")
        return row
    assert form.identity is not None
    row.rec_no, row.action_text = index.rec_nos[action.id], action.text
    row.key = source_key(form.identity.form_id, answered)
    _read_answers(row, answered, action)
    held = _sources(action)
    if row.key in held:
        row.already_read = True
        row.notes.append("This answer was read from this form before, so it is not added again.")
    elif any(source.startswith(f"{SOURCE_PREFIX}{form.identity.form_id}:") for source in held):
        row.notes.append("A different answer from this same form was read before; this one is added beside it.")
    return row


def source_key(form_id: str, answered: AnsweredRow) -> str:
    """``form:<form id>:<digest>``: the same answers to the same action in the same form
    always give the same key, however the sheet was rearranged or saved."""
    # Spaces and capitals do not make a different answer: Excel and people change them freely.
    answers = (" ".join(text.split()).casefold() for text in answered.texts.values())
    content = "\x1f".join((answered.action_id, *answers))
    digest = hashlib.blake2b(content.encode("utf-8", "surrogatepass"), digest_size=10).hexdigest()
    return f"{SOURCE_PREFIX}{form_id}:{digest}"


def _sources(action: Action) -> set[str]:
    held = [update.source for update in action.updates]
    held += [item.source for item in action.evidence]
    held += [revision.source for revision in action.target_revisions]
    return {source for source in held if source}


def _read_answers(row: ProposedRow, answered: AnsweredRow, action: Action) -> None:
    row.update_text = answered.text(Answer.PROGRESS_UPDATE)
    _read_status(row, answered, action)
    _read_target(row, answered, action)
    row.evidence = answered.text(Answer.EVIDENCE)
    if row.evidence:
        link = _LINK.search(row.evidence)
        row.link = link.group().rstrip(".,;)") if link else ""
    if row.status is ActionStatus.COMPLETE and not row.evidence and not action.evidence:
        row.notes.append("Marked Complete with no evidence given or held.")


def _read_status(row: ProposedRow, answered: AnsweredRow, action: Action) -> None:
    value = answered.answers.get(Answer.NEW_STATUS, "")
    typed = answered.text(Answer.NEW_STATUS)
    if not typed:
        return
    status = None if isinstance(value, TypedDate) else ActionStatus.from_words(typed)
    if status is None:
        row.problems.append(f"New status “{shorten(typed, 60)}” is not one of the choices, so the status was not "
                            f"changed. Choose {_choices()}.")
        return
    row.status, row.status_before = status, action.status
    later = [update for update in action.updates if update.on > row.on and update.status is not None]
    if later:
        row.later_status_stands = True
        row.notes.append(f"A later update ({format_long_date(later[-1].on)}) set the status since, so this one "
                         f"goes before it by date and the action stays {action.status.label}.")


def _choices() -> str:
    return ", ".join(STATUS_CHOICES[:-1]) + f" or {STATUS_CHOICES[-1]}"


def _read_target(row: ProposedRow, answered: AnsweredRow, action: Action) -> None:
    value = answered.answers.get(Answer.REVISED_TARGET, "")
    typed = answered.text(Answer.REVISED_TARGET)
    reason = answered.text(Answer.REASON)
    if not typed:
        if reason:
            row.update_text = "\n".join(part for part in (row.update_text, f"Reason for new date: {reason}") if part)
            row.notes.append("A reason for a new date was given but no new date, so the reason is kept in the update.")
        return
    if isinstance(value, TypedDate):
        target, why = value.target(), None
    else:
        target, why = parse_target(typed)
    if not target.is_recognised:
        row.problems.append(f"Revised target date “{shorten(typed, 60)}” was not understood, so the target was not "
                            f"changed. {why or ''}".rstrip())
        return
    if not target.has_date:
        row.problems.append(f"Revised target date “{shorten(typed, 60)}” is not a date, so the target was not changed. "
                            "Write a month and year or a date; to say the action is done, choose Complete as the "
                            "new status.")
        return
    current = action.current_target()
    if target == current:
        row.notes.append(f"The revised target date is the current target ({current.format()}), so it was not changed.")
        return
    row.target, row.target_before, row.reason = target, current, reason
    if not reason:
        row.notes.append("No reason was given for the new date: the inspectorate asks for one, and the plan will "
                         "show a warning about it until it is explained.")
    last_day = target.last_day()
    if last_day is not None and last_day < row.on:
        row.notes.append("The revised target date had already passed when the form was filled in.")
    if target.kind is TargetKind.MONTH and isinstance(value, TypedDate):
        row.notes.append(f"Read as {target.format()}: Excel kept it as a date shown without a day.")


def _note_repeats(proposal: Proposal) -> None:
    """The same answer read twice at once (the same form chosen twice, or a copy of it)."""
    first_seen: dict[tuple[str, str], ProposedRow] = {}
    for row in proposal.rows():
        if not row.will_change:
            continue
        earlier = first_seen.setdefault((row.action_id, row.key), row)
        if earlier is not row:
            row.already_read = True
            row.notes.append(f"The same answer is in “{earlier.form.file_name}”, row {earlier.row}: it is recorded once.")


def _note_answers_to_one_action(proposal: Proposal) -> None:
    by_action: dict[str, list[ProposedRow]] = defaultdict(list)
    for row in proposal.changes():
        by_action[row.action_id].append(row)
    for rows in by_action.values():
        if len(rows) < 2:
            continue
        with_status = [row for row in rows if row.status is not None]
        for row in rows:
            others = "; ".join(_where(other, row) for other in rows if other is not row)
            note = f"Also answered in {others}: both are kept, in date order"
            if row.status is not None and with_status[-1] is not row:
                note += f", and the later status ({with_status[-1].status.label if with_status[-1].status else ''}) stands"
                row.later_status_stands = True
            row.notes.append(note + ".")


def _where(other: ProposedRow, row: ProposedRow) -> str:
    if other.form is row.form:
        return f"row {other.row} of this form"
    return (f"the form sent to {other.form.sent_to} (“{other.form.file_name}”, row {other.row}, "
            f"answers dated {format_long_date(other.on)})")


# Recording -----------------------------------------------------------------------------------------


def apply(plan: Plan, proposal: Proposal) -> list[str]:
    """Record every change ``proposal`` holds in ``plan``, oldest first. Returns the ids of
    the actions changed. ``proposal`` must have been made from this plan."""
    actions = {action.id: action for _concern, action in plan.all_actions()}
    record_changes(actions, proposal.changes())
    return proposal.action_ids()


def record_changes(actions: Mapping[str, Action], changes: Iterable[ProposedRow]) -> None:
    """Record ``changes`` (``Proposal.changes()``) on ``actions``, found by id, in their order.
    A row whose answer an action already holds is skipped, so recording twice adds nothing."""
    for row in changes:
        action = actions[row.action_id]
        if not row.will_change or row.key in _sources(action):
            continue
        if row.update_text or row.status is not None:
            record_update(action, row.on, row.author, row.update_text, row.status, source=row.key)
        if row.target is not None:
            revise_target(action, row.target, row.reason, row.on, row.author, source=row.key)
        if row.evidence:
            add_evidence(action, row.evidence, row.link, row.on, row.author, source=row.key)
