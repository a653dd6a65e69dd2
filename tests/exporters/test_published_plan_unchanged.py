"""Tracking never reaches the published plan: the GOV.UK export of a plan full of leads, updates,
evidence, revised targets and judgements is the same document as that of the plan without them."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from actionplan.model import Action, Plan
from exporters.docx_export import export_docx
from exporters.options import ExportOptions, Layout
from tests.exporters.progress_plans import (
    plan_with_progress,
    recommendations_plan_in_two_sections,
    recommendations_plan_with_progress,
)
from tests.exporters.readback import plan_with_both_sections

# The moment of export, the only thing that may differ between two exports of the same plan.
_MOMENT = ("<dcterms:created", "<dcterms:modified")


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        found = {name: package.read(name) for name in package.namelist()}
    core = found["docProps/core.xml"].decode()
    for tag in _MOMENT:
        start = core.index(tag)
        core = core[:start] + core[core.index(">", core.index("</", start)) + 1:]
    found["docProps/core.xml"] = core.encode()
    return found


def without_progress(plan: Plan) -> Plan:
    """The plan as it was published: every field tracking adds back at its starting value."""
    bare = plan.model_copy(deep=True)
    for concern in bare.concerns:
        concern.self_assessment = concern.hmip_judgement = None
        for action in concern.actions:
            action.status = Action.model_fields["status"].default
            action.lead = action.evidence_needed = ""
            action.updates, action.evidence, action.target_revisions = [], [], []
    return bare


@pytest.mark.parametrize(("tracked", "published"), [
    (plan_with_progress, plan_with_both_sections),
    (recommendations_plan_with_progress, recommendations_plan_in_two_sections),
])
@pytest.mark.parametrize("options", [
    ExportOptions(), ExportOptions(layout=Layout.CLASSIC), ExportOptions(layout=Layout.CLASSIC, merge_concern_cells=True),
], ids=["accessible", "classic", "classic-merged"])
def test_tracking_leaves_the_published_document_exactly_as_it_was(
    tmp_path: Path, tracked: type[Plan], published: type[Plan], options: ExportOptions,
) -> None:
    plan = tracked()
    assert plan != published()  # the tracked plan really does carry progress
    assert plan.model_dump(exclude={"concerns"}) == published().model_dump(exclude={"concerns"})
    export_docx(plan, tmp_path / "tracked.docx", options)
    export_docx(published(), tmp_path / "published.docx", options)
    export_docx(without_progress(plan), tmp_path / "stripped.docx", options)
    tracked_parts = parts(tmp_path / "tracked.docx")
    assert tracked_parts == parts(tmp_path / "published.docx")
    assert tracked_parts == parts(tmp_path / "stripped.docx")
    document = tracked_parts["word/document.xml"].decode()
    for progress_only in ("M. Byrne", "Searches recorded daily", "15 January 2027", "Training register",
                          "P. Walsh", "Reasonable progress", "Good progress", "In progress"):
        assert progress_only not in document
