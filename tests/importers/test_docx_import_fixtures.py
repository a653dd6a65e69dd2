"""Import every fixture document and compare every concern, action, owner and target."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx
import pytest

from actionplan.model import Category
from importers.docx_import import import_docx
from importers.report import NoteKind
from tests.fixtures import build_docx_fixtures as fixtures
from tests.importers.conftest import plan_content

FIXTURE_NAMES = [fixture.name for fixture in fixtures.all_fixtures()]


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_imports_to_the_expected_plan(name: str, fixture_documents: dict) -> None:
    path, fixture = fixture_documents[name]
    result = import_docx(path)
    expected = plan_content(fixture.plan)
    got = plan_content(result.plan)
    assert got[0] == expected[0]
    assert len(got[1]) == len(expected[1])
    for number, (got_concern, expected_concern) in enumerate(zip(got[1], expected[1], strict=True), start=1):
        assert got_concern == expected_concern, f"concern {number}"
    assert result.report.concerns == len(fixture.plan.concerns)
    assert result.report.actions == fixture.plan.action_count


@pytest.mark.parametrize("name", ["stoke-heath-2026-rows", "east-sutton-park-2024-stacked"])
def test_fixture_is_a_word_document_another_reader_opens(name: str, fixture_documents: dict) -> None:
    path, fixture = fixture_documents[name]
    document = docx.Document(str(path))
    assert document.paragraphs[1].text == f"Action Plan: {fixture.plan.details.establishment}"
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert fixture.plan.concerns[0].text in cells


def test_example_counts_match_the_published_plans() -> None:
    stoke_heath = fixtures.load_plan(fixtures.EXAMPLE_PLANS["stoke-heath-2026"])
    east_sutton_park = fixtures.load_plan(fixtures.EXAMPLE_PLANS["east-sutton-park-2024"])
    assert [len(c.actions) for c in stoke_heath.concerns] == [12, 9, 4, 3, 5, 1, 3, 1, 1, 3, 2, 2]
    assert [len(c.actions) for c in east_sutton_park.concerns] == [5, 5, 1, 4, 5]
    assert [c.category for c in east_sutton_park.concerns] == [Category.PRIORITY] * 2 + [Category.KEY] * 3


def test_clean_example_import_reports_nothing(fixture_documents: dict) -> None:
    path, _ = fixture_documents["east-sutton-park-2024-rows"]
    report = import_docx(path).report
    assert report.is_clean
    assert report.summary() == (
        "Imported 5 concerns and 20 actions from east-sutton-park-2024-rows.docx. "
        "Everything in the document was placed in the plan."
    )


def test_stoke_heath_report_names_the_concern_lost_from_the_pdf(fixture_documents: dict) -> None:
    path, _ = fixture_documents["stoke-heath-2026-rows"]
    notes = import_docx(path).report.notes
    assert [note.kind for note in notes] == [NoteKind.WARNING, NoteKind.GUESSED]
    assert notes[0].message == "Concern 7 has no text."
    assert notes[1].text.startswith("isolating and/or")


def test_tracked_changes_are_accepted_and_reported(fixture_documents: dict) -> None:
    path, fixture = fixture_documents["stoke-heath-2026-tracked-changes"]
    result = import_docx(path)
    warnings = result.report.of_kind(NoteKind.WARNING)
    assert "tracked changes that have not been accepted" in warnings[0].message
    assert all("DELETED WORDS" not in concern.text for concern in result.plan.concerns)
    assert result.plan.concerns[0].text == fixture.plan.concerns[0].text


def test_page_break_continuations_are_reported_as_guesses(fixture_documents: dict) -> None:
    path, _ = fixture_documents["east-sutton-park-2024-page-break-continuations"]
    guesses = import_docx(path).report.of_kind(NoteKind.GUESSED)
    assert guesses
    assert all("cut by a page break" in note.message for note in guesses)
    assert all(note.where.startswith("Table 1, row ") for note in guesses)


def test_text_outside_the_table_is_listed_not_dropped(tmp_path: Path) -> None:
    plan = fixtures.load_plan(fixtures.EXAMPLE_PLANS["east-sutton-park-2024"])
    path = fixtures.build(plan, replace(fixtures.Layout(), extra_content=True), tmp_path / "extra.docx")
    result = import_docx(path)
    not_imported = result.report.of_kind(NoteKind.NOT_IMPORTED)
    assert [note.text for note in not_imported] == [
        fixtures.EXTRA_PARAGRAPH,
        f"{fixtures.EXTRA_TABLE_TEXT} | Version 2",
    ]
    assert not_imported[0].where.startswith("Paragraph ")
    assert "after a table" in not_imported[0].where
    assert plan_content(result.plan) == plan_content(plan)
