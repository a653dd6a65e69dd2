"""Dismissing a warning: one rule on one item, saved in the file, never an error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from actionplan.model import Dismissal
from actionplan.storage import load_plan, save_plan
from actionplan.validation import CannotDismissError, Severity, validate, with_dismissal, without_dismissal
from tests.actionplan.validation.small_plans import make_plan


def test_dismiss_hides_one_warning_on_one_item_and_survives_a_save(tmp_path: Path) -> None:
    plan = make_plan(action={"target": "Ongoing"})
    plan.concerns[0].actions.append(plan.concerns[0].actions[0].model_copy(update={"id": "second"}))
    [first, second] = [f for f in validate(plan) if f.rule == "target-ongoing-only"]
    before = list(plan.dismissals)
    plan.dismissals = with_dismissal(plan.dismissals, first, " Agreed with HMIP ", today=dt.date(2026, 6, 1))
    assert before == []  # pure: the old list is untouched, so undo can put it back
    assert [f for f in validate(plan) if f.rule == "target-ongoing-only"] == [second]
    save_plan(plan, tmp_path / "plan.actionplan")
    reopened = load_plan(tmp_path / "plan.actionplan")
    assert reopened.dismissals[0].reason == "Agreed with HMIP"
    assert [f.location.action_id for f in validate(reopened) if f.rule == "target-ongoing-only"] == ["second"]


def test_restore_brings_the_warning_back() -> None:
    plan = make_plan(action={"target": "Ongoing"})
    [warning] = validate(plan)
    plan.dismissals = with_dismissal(plan.dismissals, warning)
    assert validate(plan) == []
    plan.dismissals = without_dismissal(plan.dismissals, *warning.key)
    assert validate(plan) == [warning]


def test_dismissing_twice_keeps_one_dismissal() -> None:
    plan = make_plan(action={"target": "Ongoing"})
    [warning] = validate(plan)
    plan.dismissals = with_dismissal(with_dismissal(plan.dismissals, warning, "first"), warning, "second")
    assert [d.reason for d in plan.dismissals] == ["second"]


def test_errors_cannot_be_dismissed() -> None:
    plan = make_plan(action={"owner": ""})
    [error] = validate(plan)
    assert error.severity is Severity.ERROR
    with pytest.raises(CannotDismissError, match="cannot be dismissed"):
        with_dismissal(plan.dismissals, error)
    # A hand-edited file naming an error's rule does not hide it either.
    plan.dismissals = [Dismissal(rule=error.rule, item_id=error.location.item_id, field=error.location.field)]
    assert validate(plan) == [error]
