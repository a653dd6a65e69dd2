"""A plan exported by this project's exporter re-imports to the identical plan, ids aside.

The recommendations-era export is one list with no Priority and Key sections, so there the
categories are not compared: that era has no categories.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.model import Era, Plan
from actionplan.storage import load_plan
from importers.docx_import import import_docx
from tests.fixtures import build_docx_fixtures as fixtures
from tests.importers.conftest import plan_content
from tests.importers.strategies import plans

docx_export = pytest.importorskip("exporters.docx_export")
options = pytest.importorskip("exporters.options")

EXPORT_CHOICES = {
    "accessible": options.ExportOptions(layout=options.Layout.ACCESSIBLE, draft=True),
    "classic": options.ExportOptions(layout=options.Layout.CLASSIC, draft=True),
    "classic-merged": options.ExportOptions(layout=options.Layout.CLASSIC, merge_concern_cells=True, draft=True),
}


def _round_trip(plan: Plan, choice: str, folder: Path) -> Plan:
    path = folder / f"{choice}.docx"
    docx_export.export_docx(plan, path, EXPORT_CHOICES[choice])
    return import_docx(path).plan


def _same(imported: Plan, plan: Plan) -> None:
    categories = plan.details.era is Era.CONCERNS
    assert plan_content(imported, categories=categories) == plan_content(plan, categories=categories)


@pytest.mark.parametrize("choice", list(EXPORT_CHOICES))
@pytest.mark.parametrize("example", list(fixtures.EXAMPLE_PLANS))
@pytest.mark.parametrize("era", list(Era))
def test_example_exports_and_imports_back(example: str, choice: str, era: Era, tmp_path: Path) -> None:
    plan = load_plan(fixtures.EXAMPLE_PLANS[example])
    if era is Era.RECOMMENDATIONS:
        plan = fixtures.recommendations_plan(plan)
    _same(_round_trip(plan, choice, tmp_path), plan)


def test_exported_east_sutton_park_imports_with_a_clean_report(tmp_path: Path) -> None:
    plan = load_plan(fixtures.EXAMPLE_PLANS["east-sutton-park-2024"])
    path = tmp_path / "plan.docx"
    docx_export.export_docx(plan, path, EXPORT_CHOICES["accessible"])
    assert import_docx(path).report.is_clean


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.sampled_from(list(EXPORT_CHOICES)))
def test_random_plan_exports_and_imports_back(plan: Plan, choice: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        _same(_round_trip(plan, choice, Path(folder)), plan)
