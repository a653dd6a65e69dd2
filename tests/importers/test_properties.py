"""Random plans, laid out in every way people lay them out, import back to the same plan."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.model import Era, Plan
from importers.docx_import import import_docx
from tests.fixtures import build_docx_fixtures as fixtures
from tests.importers.conftest import plan_content
from tests.importers.strategies import plans

LAYOUTS = st.sampled_from(list(fixtures.VARIANTS.values()))


def _import_built(plan: Plan, layout: fixtures.Layout) -> Plan:
    with tempfile.TemporaryDirectory() as folder:
        path = fixtures.build(plan, layout, Path(folder) / "plan.docx")
        return import_docx(path).plan


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), LAYOUTS)
def test_random_plan_in_any_layout_imports_back(plan: Plan, layout: fixtures.Layout) -> None:
    if plan.details.era is Era.RECOMMENDATIONS:
        layout = replace(layout, agreement_column=True)
    assert plan_content(_import_built(plan, layout)) == plan_content(plan)
