"""Plans as people really write them export in every layout and import back field by field:
each concern's section, Rec No, text and agreement, and each action's text, owner and target.

See ``tests.importers.strategies.written_plans`` for what they write.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.model import Plan
from importers.docx_import import import_docx
from tests.importers.strategies import written_plans

docx_export = pytest.importorskip("exporters.docx_export")
options = pytest.importorskip("exporters.options")

LAYOUTS = {
    "accessible": options.ExportOptions(layout=options.Layout.ACCESSIBLE, draft=True),
    "classic": options.ExportOptions(layout=options.Layout.CLASSIC, draft=True),
    "classic with merged concern cells": options.ExportOptions(layout=options.Layout.CLASSIC,
                                                               merge_concern_cells=True, draft=True),
}


def _fields(plan: Plan) -> dict[str, object]:
    """Every field a person wrote, by name, so a failure says which one came back wrong."""
    found: dict[str, object] = {"introduction": plan.details.introduction, "era": plan.details.era,
                                "concern count": len(plan.concerns)}
    for number, concern in enumerate(plan.concerns, start=1):
        where = f"concern {number}"
        found |= {f"{where} section": concern.category, f"{where} Rec No": concern.reference,
                  f"{where} text": concern.text, f"{where} agreement": concern.agreement,
                  f"{where} action count": len(concern.actions)}
        for index, action in enumerate(concern.actions, start=1):
            found |= {f"{where} action {index} text": action.text, f"{where} action {index} owner": action.owner,
                      f"{where} action {index} target": action.target}
    return found


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plan=written_plans(), layout=st.sampled_from(list(LAYOUTS)))
def test_what_people_write_exports_and_imports_back_field_by_field(plan: Plan, layout: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.docx"
        docx_export.export_docx(plan, path, LAYOUTS[layout])
        result = import_docx(path)
    expected, got = _fields(plan), _fields(result.plan)
    wrong = {name: (expected.get(name), got.get(name)) for name in expected | got if expected.get(name) != got.get(name)}
    assert not wrong, f"{layout}: {list(wrong.items())[:3]}\n{result.report.format()}"
