"""``main.py check`` runs every rule, including spelling, and leaves dismissed warnings out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from actionplan.storage import load_plan, save_plan
from actionplan.validation import validate, with_dismissal
from commandline.check import EXIT_OK, EXIT_PLAN_HAS_ERRORS
from commandline.commands import run
from tests.actionplan.validation.small_plans import make_plan
from tools.build_progress_sample import AS_OF, PROGRESS_SAMPLE_PATH

EXAMPLES = Path(__file__).resolve().parents[1] / "fixtures"


def test_check_counts_warnings_but_not_dismissed_ones(tmp_path: Path, capsys: object) -> None:
    plan = make_plan(action={"target": "Ongoing", "text": "A robust monthly check."})
    path = tmp_path / "plan.actionplan"
    save_plan(plan, path)
    assert run(["check", str(path), "--json"]) == EXIT_OK
    rules = {f["rule"] for f in json.loads(capsys.readouterr().out)}  # type: ignore[attr-defined]
    assert rules == {"target-ongoing-only", "style-words-to-avoid"}
    ongoing = next(f for f in validate(plan) if f.rule == "target-ongoing-only")
    plan.dismissals = with_dismissal(plan.dismissals, ongoing, "Reviewed every month")
    save_plan(plan, path)
    assert run(["check", str(path)]) == EXIT_OK
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "0 errors, 1 warning (1 dismissed, not counted)." in out
    assert "target-ongoing-only" not in out


def test_check_fails_on_errors(tmp_path: Path) -> None:
    path = tmp_path / "plan.actionplan"
    save_plan(make_plan(action={"owner": ""}), path)
    assert run(["check", str(path)]) == EXIT_PLAN_HAS_ERRORS


def test_published_examples_have_no_false_errors() -> None:
    # East Sutton Park was imported whole; Stoke Heath's published PDF lost a page (concern 7).
    east_sutton = EXAMPLES / "east-sutton-park-2024.actionplan"
    assert run(["check", str(east_sutton)]) == EXIT_OK


def test_check_reports_progress_warnings_as_of_today_and_they_can_be_dismissed(
        tmp_path: Path, capsys: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACTIONPLAN_TODAY", AS_OF.isoformat())
    assert run(["check", str(PROGRESS_SAMPLE_PATH), "--json"]) == EXIT_OK
    found = json.loads(capsys.readouterr().out)  # type: ignore[attr-defined]
    assert sorted(f["rule"] for f in found) == ["progress-complete-no-evidence", "progress-complete-target-ahead",
                                                "progress-overdue", "progress-overdue", "progress-target-revised-often"]
    overdue = next(f for f in found if f["rule"] == "progress-overdue")
    assert overdue["location"]["description"] == "Concern 2, action 3"
    plan = load_plan(PROGRESS_SAMPLE_PATH)
    finding = next(f for f in validate(plan, today=AS_OF) if f.rule == "progress-target-revised-often")
    plan.dismissals = with_dismissal(plan.dismissals, finding, "Agreed with the prison group director")
    path = tmp_path / "tracked.actionplan"
    save_plan(plan, path)
    assert run(["check", str(path)]) == EXIT_OK
    assert "0 errors, 4 warnings (1 dismissed, not counted)." in capsys.readouterr().out  # type: ignore[attr-defined]
