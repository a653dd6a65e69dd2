"""Plan files saved by earlier versions, brought up to date as they are opened.

``MIGRATIONS[n]`` turns the ``plan`` object of a schema-n file into schema n + 1. Every change
to the file's shape bumps ``SCHEMA_VERSION`` and adds one entry; entries are never removed.
A migration works on the file's JSON, not the model, so it stays right as the model changes,
and it leaves what it does not recognise alone: validation then says what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 2

Migration = Callable[[Any], Any]


_STATUS_OF_TARGET = {"completed": "complete", "completed_and_ongoing": "ongoing", "ongoing": "ongoing"}
_STATUS_OF_TYPED_TARGET = {"completed": "complete", "completed and ongoing": "ongoing", "ongoing": "ongoing"}


def _progress_tracking(plan: Any) -> Any:
    """Version 2 tracks progress. An action whose target says Completed is Complete; Completed
    and ongoing, or Ongoing, is Ongoing; every other action is Not started. Leads, updates,
    evidence, revisions and judgements start empty."""
    concerns = plan.get("concerns") if isinstance(plan, dict) else None
    for concern in concerns if isinstance(concerns, list) else []:
        actions = concern.get("actions") if isinstance(concern, dict) else None
        for action in actions if isinstance(actions, list) else []:
            if isinstance(action, dict) and "status" not in action:
                action["status"] = _status_of(action.get("target"))
    return plan


def _status_of(target: Any) -> str:
    if isinstance(target, dict):
        return _STATUS_OF_TARGET.get(str(target.get("kind")), "not_started")
    if isinstance(target, str):  # written by hand: the form a person types
        return _STATUS_OF_TYPED_TARGET.get(" ".join(target.lower().split()), "not_started")
    return "not_started"


MIGRATIONS: dict[int, Migration] = {
    1: _progress_tracking,
}


def upgrade(plan: Any, version: int) -> Any:
    """The ``plan`` object of a schema-``version`` file as the current schema has it."""
    for step in range(version, SCHEMA_VERSION):
        plan = MIGRATIONS[step](plan)
    return plan
