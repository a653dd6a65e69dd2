"""The sample plan a new user sees first: it loads, it is complete and it passes every check."""

from __future__ import annotations

import re
from pathlib import Path

import resources
from actionplan.model import Category
from actionplan.storage import load_plan, plan_to_bytes
from actionplan.target_date import TargetKind
from actionplan.validation import Severity, validate
from tools.build_sample_plan import SAMPLE_PATH, build_sample_plan

ROOT = Path(__file__).resolve().parents[2]
AVOID = re.compile(r"\b(deliver|robust|key|focus|facilitate|tackle|leverage|foster|utilise)\w*", re.I)


def test_sample_plan_loads_with_3_priority_and_5_key_concerns() -> None:
    assert SAMPLE_PATH == ROOT / "resources" / "sample-plan.actionplan"
    plan = load_plan(SAMPLE_PATH)
    assert plan.details.establishment == "HMP & YOI Ashvale"
    assert len(plan.in_category(Category.PRIORITY)) == 3
    assert len(plan.in_category(Category.KEY)) == 5
    assert all(2 <= len(concern.actions) <= 5 for concern in plan.concerns)
    assert plan.concerns == plan.in_display_order()


def test_sample_plan_has_no_errors() -> None:
    findings = validate(load_plan(SAMPLE_PATH))
    assert [f for f in findings if f.severity is Severity.ERROR] == []


def test_sample_plan_dates_are_in_order() -> None:
    details = load_plan(SAMPLE_PATH).details
    assert details.inspection_start
    assert details.inspection_end
    assert details.published
    assert details.submitted
    assert details.inspection_start < details.inspection_end < details.published < details.submitted
    assert details.submitted.year == 2026


def test_sample_plan_shows_good_practice() -> None:
    plan = load_plan(SAMPLE_PATH)
    assert any("\n- " in action.text for _, action in plan.all_actions())  # a dash list
    for _, action in plan.all_actions():
        assert action.owner
        assert " and " not in action.owner.replace("Skills and Work", "")
        assert action.target.kind in (TargetKind.MONTH, TargetKind.COMPLETED)
        assert not AVOID.search(action.text), action.text
        for sentence in re.split(r"(?<=[.:])\s+|\n", action.text):
            assert len(sentence.split()) <= 25, sentence


def test_the_shipped_sample_is_what_the_script_builds() -> None:
    assert SAMPLE_PATH.read_bytes() == plan_to_bytes(build_sample_plan())
    assert resources.read_bytes(resources.SAMPLE_PLAN) == SAMPLE_PATH.read_bytes()
