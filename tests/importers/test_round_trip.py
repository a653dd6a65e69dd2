"""A plan exported by this project's exporter re-imports to the identical plan, ids aside.

Both eras, both layouts, categories included: in the recommendations era the main
recommendations and the rest are the two sections, as priority and key concerns are now.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.model import Action, Agreement, Category, Concern, Era, Plan, PlanDetails
from actionplan.storage import load_plan
from importers.docx_import import import_docx
from importers.report import ImportNote, ImportReport
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
    assert plan_content(imported) == plan_content(plan)


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


# The recommendations era ---------------------------------------------------------------------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(era=Era.RECOMMENDATIONS), st.sampled_from(list(EXPORT_CHOICES)))
def test_random_recommendations_era_plan_exports_and_imports_back(plan: Plan, choice: str) -> None:
    """Agreements, references like S45 and 1.12, and which section each recommendation is in."""
    with tempfile.TemporaryDirectory() as folder:
        imported = _round_trip(plan, choice, Path(folder))
    assert imported.details.era is Era.RECOMMENDATIONS
    _same(imported, plan)


@pytest.mark.parametrize("choice", list(EXPORT_CHOICES))
@pytest.mark.parametrize("categories", [(Category.PRIORITY,) * 3, (Category.KEY,) * 3,
                                        (Category.PRIORITY, Category.KEY, Category.KEY)])
def test_recommendations_keep_their_section(choice: str, categories: tuple[Category, ...], tmp_path: Path) -> None:
    plan = fixtures.recommendations_plan(load_plan(fixtures.EXAMPLE_PLANS["stoke-heath-2026"]))
    plan.concerns = plan.concerns[: len(categories)]
    for concern, category in zip(plan.concerns, categories, strict=True):
        concern.category = category
    imported = _round_trip(plan, choice, tmp_path)
    assert [c.category for c in imported.concerns] == list(categories)
    _same(imported, plan)


REC_HEADER = ("1. Rec No", "2. Recommendation", "3. Agreed/Partly Agreed/Not Agreed",
              "4. Response Action Taken/Planned", "5. Responsible Owner", "6. Target Date")
S40 = ("S40", "Prisoners should see a doctor promptly.", "Partly Agreed", "A weekly GP clinic will open.",
       "Head of Healthcare", "March 2020")
R112 = ("1.12", "Cells should be clean.", "Agreed", "Cleaning will be checked weekly.", "Governor", "Completed")


def _old_plan_document(rows: list[tuple[str, ...]], path: Path) -> Path:
    """A Word plan as people made them by hand: one table, a one-cell row for each section."""
    document = docx.Document()
    document.add_paragraph("Action Plan: HMP Elmley")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows, strict=True):
        if len(values) == 1:
            row.cells[0].merge(row.cells[-1]).text = values[0]
            continue
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.save(str(path))
    return path


def _table_notes(report: ImportReport) -> list[ImportNote]:
    # These hand-made documents have no introduction; everything else must be clean.
    return [note for note in report.notes if note.where != "The introduction"]


def test_recommendations_with_no_section_rows_are_all_ordinary_recommendations(tmp_path: Path) -> None:
    """Plans of that era that list every recommendation in one run, with no section rows, have
    no categories to give: every recommendation comes in as an ordinary one ("Recommendations"),
    none as a main recommendation, and the report does not call it a problem."""
    result = import_docx(_old_plan_document([REC_HEADER, S40, R112], tmp_path / "old.docx"))
    assert result.plan.details.era is Era.RECOMMENDATIONS
    assert [(c.reference, c.category, c.agreement) for c in result.plan.concerns] == [
        ("S40", Category.KEY, Agreement.PARTLY_AGREED), ("1.12", Category.KEY, Agreement.AGREED),
    ]
    assert _table_notes(result.report) == []


@pytest.mark.parametrize(("main", "rest"), [
    ("Main recommendations", "Recommendations"),
    ("KEY RECOMMENDATIONS:", "Other recommendations"),
    ("Key concerns and recommendations", "further recommendations"),
])
def test_recommendations_era_section_rows_in_the_words_people_used(main: str, rest: str, tmp_path: Path) -> None:
    path = _old_plan_document([REC_HEADER, (main,), S40, (rest,), R112], tmp_path / "old.docx")
    result = import_docx(path)
    assert [(c.reference, c.category) for c in result.plan.concerns] == [
        ("S40", Category.PRIORITY), ("1.12", Category.KEY),
    ]
    assert _table_notes(result.report) == [], result.report.format()


def test_main_recommendations_after_the_rest_are_put_first_and_the_report_says_so(tmp_path: Path) -> None:
    path = _old_plan_document([REC_HEADER, ("Recommendations",), R112, ("Main recommendations",), S40],
                              tmp_path / "old.docx")
    result = import_docx(path)
    assert [c.reference for c in result.plan.concerns] == ["S40", "1.12"]
    (note,) = _table_notes(result.report)
    assert note.message == ("A “Main recommendations” section comes after “Recommendations”; "
                            "main recommendations are shown first.")


@pytest.mark.parametrize("choice", list(EXPORT_CHOICES))
def test_a_row_whose_words_look_like_headings_is_not_taken_for_a_header_row(choice: str, tmp_path: Path) -> None:
    """Found by the property test above: "Recommendation 1 (continued)", "Agreed" and an action
    that starts "Reception" once read as Recommendation, Agreement and Rec No headings."""
    plan = Plan(details=PlanDetails(establishment="HMP Ashvale", era=Era.RECOMMENDATIONS), concerns=[
        Concern(category=Category.KEY, text="The.", agreement=Agreement.AGREED, actions=[
            Action(text="The.", owner="Governor", target="December 2026"),
            Action(text="Reception.", owner="Governor", target="December 2026"),
            Action(text="Record No.", owner="Head of Safety", target="Completed"),
        ]),
    ])
    _same(_round_trip(plan, choice, tmp_path), plan)
