"""Checking a returned form's row against the action its hidden id names, before its answers are
used, and noticing words typed into columns that are only there to be read.

A lead who sorts only the columns they can see (selecting them rather than the whole sheet)
moves the words and their answers but leaves the hidden ids where they were: every answer then
sits beside the wrong action's id. The words a row shows are what the lead read when they
answered, so they decide: a row whose words are another action's in the same form is matched
to that action, and a row whose words could be more than one is not used at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from actionplan.form_answers import AnsweredRow
from actionplan.model import Action
from actionplan.progress import ActionStatus
from actionplan.update_forms import Answer, Shown

_COMPARED = 400
"""Letters and digits compared: enough to tell actions apart, and a row cut short by Excel's
limit on a cell still matches."""
_SHORT = 80
_AFTERWORD = re.compile(r"\s*\([^()]*\)\s*$")
"""The "(overdue)" or "(revised)" the form adds after a status or a target."""


def words_key(text: str) -> str:
    """Text as compared: only its letters and digits, in one case, so spaces, line breaks,
    punctuation and characters a spreadsheet drops make no difference."""
    return "".join(character for character in text.casefold() if character.isalnum())[:_COMPARED]


@dataclass(frozen=True)
class RowMatch:
    """The action a row's answers belong to (None when they cannot be used), and why."""

    action: Action | None
    problem: str = ""
    note: str = ""


class FormActions:
    """The actions a form was sent with (the ids in its rows), found by their words."""

    def __init__(self, actions: Iterable[Action], rec_nos: Mapping[str, str]) -> None:
        self._by_words: dict[str, list[Action]] = {}
        for action in actions:
            self._by_words.setdefault(words_key(action.text), []).append(action)
        self._rec_nos = rec_nos

    def with_words(self, key: str) -> list[Action]:
        return self._by_words.get(key, [])

    def describe(self, action: Action, limit: int = _SHORT) -> str:
        rec_no = self._rec_nos.get(action.id, "")
        return f"{'Rec No ' + rec_no + ': ' if rec_no else ''}“{_shorten(action.text, limit)}”"


def match_row(answered: AnsweredRow, named: Action, in_form: FormActions) -> RowMatch:
    """The action ``answered`` is for: ``named`` (its hidden id's) unless the row shows
    another action's words."""
    shown = answered.shown.get(Shown.ACTION, "")
    key = words_key(shown)
    if not key or key == words_key(named.text):
        return RowMatch(named)
    others = [action for action in in_form.with_words(key) if action.id != named.id]
    if len(others) == 1:
        return RowMatch(others[0], note=(
            f"Matched by the action’s words: the row carried the hidden id of {in_form.describe(named, 40)}, "
            "so the sheet was probably sorted without its hidden column."))
    if others:
        return RowMatch(None, problem=(
            "This row shows words that more than one action in this form has, and its hidden id is for "
            f"{in_form.describe(named)}, so it is not clear which action the answers are for and none were "
            "used. Ask for the answers to be typed into the form as it was sent, without sorting it."))
    if answered.is_blank:
        return RowMatch(named)
    return RowMatch(named, note=(
        "The action’s words in this row are not the plan’s words now (they may have been changed in the form, "
        f"or in the plan since it was sent). The answers were matched by the row’s hidden id to "
        f"{in_form.describe(named)}: check they are for this action."))


def typed_in_unread_columns(answered: AnsweredRow, action: Action) -> list[str]:
    """What the lead typed into Status or Current target, which are not read: only New status
    and Revised target date change the plan."""
    problems = []
    status = _AFTERWORD.sub("", answered.shown.get(Shown.STATUS, "")).strip()
    if status and not answered.text(Answer.NEW_STATUS) and _was_changed(status, _statuses_held(action)):
        problems.append(f"“{_shorten(status)}” was typed in the Status column, which only shows the status when the "
                        "form was sent and is not read, so the status was not changed. Choose the new status under "
                        "New status.")
    target = _AFTERWORD.sub("", answered.shown.get(Shown.CURRENT_TARGET, "")).strip()
    if target and not answered.text(Answer.REVISED_TARGET) and _was_changed(target, _targets_held(action)):
        problems.append(f"“{_shorten(target)}” was typed in the Current target column, which is not read, so the "
                        "target was not changed. Write the new date under Revised target date, with the reason for "
                        "it.")
    return problems


def _was_changed(typed: str, held: set[str]) -> bool:
    return words_key(typed) not in held


def _statuses_held(action: Action) -> set[str]:
    """Every status the form could have shown: the action's now and each it has had."""
    held = {ActionStatus.NOT_STARTED, action.status}
    held.update(update.status for update in action.updates if update.status is not None)
    return {words_key(status.label) for status in held}


def _targets_held(action: Action) -> set[str]:
    targets = [action.target, *(revision.target for revision in action.target_revisions)]
    return {words_key(target.format() if target.is_set else "Not set") for target in targets}


def _shorten(text: str, limit: int = _SHORT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"
