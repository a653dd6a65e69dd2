"""Fixture Word documents, built once per test session from the expected plans."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan.model import Plan
from tests.fixtures import build_docx_fixtures as fixtures


def plan_content(plan: Plan, *, categories: bool = True) -> tuple[object, ...]:
    """Everything a person wrote in a plan, without ids: what an import must reproduce."""
    concerns = tuple(
        (
            concern.category if categories else None,
            concern.reference,
            concern.text,
            concern.agreement,
            tuple((action.text, action.owner, action.target) for action in concern.actions),
        )
        for concern in plan.concerns
    )
    return plan.details.model_dump(), concerns


@pytest.fixture(scope="session")
def fixture_documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, fixtures.Fixture]]:
    folder = tmp_path_factory.mktemp("docx-fixtures")
    built = {}
    for fixture in fixtures.all_fixtures():
        path = fixtures.build(fixture.plan, fixture.layout, folder / f"{fixture.name}.docx")
        built[fixture.name] = (path, fixture)
    return built
