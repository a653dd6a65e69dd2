"""The accessibility self-check reads a .docx back and reports what breaks GOV.UK's rules."""

from __future__ import annotations

import base64
from pathlib import Path

import docx
from docx.shared import Pt

from exporters.docx_export import export_docx
from exporters.export import export_and_check
from exporters.options import ExportOptions, Layout
from exporters.selfcheck import check_docx
from tests.exporters.readback import plan_with_both_sections

# A one-pixel PNG, for a picture with no alt text.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def test_the_accessible_layout_passes_every_check(tmp_path: Path) -> None:
    export_docx(plan_with_both_sections(), tmp_path / "plan.docx")
    report = check_docx(tmp_path / "plan.docx", Layout.ACCESSIBLE)
    assert report.passed, report.text()
    assert report.problems == []
    assert report.title == "Action Plan: HMP & YOI Stoke Heath"
    assert report.language == "en-GB"
    assert [level for level, _ in report.headings] == [1, 2, 2, 3, 3]
    checks = {finding.check for finding in report.findings}
    assert checks == {"Title", "Language", "Headings", "Tables", "Text size", "Images"}


def test_the_classic_layout_lists_its_known_breaches(tmp_path: Path) -> None:
    export_docx(plan_with_both_sections(), tmp_path / "plan.docx",
                ExportOptions(layout=Layout.CLASSIC, merge_concern_cells=True))
    report = check_docx(tmp_path / "plan.docx", Layout.CLASSIC)
    breaches = [finding.message for finding in report.problems]
    assert all(finding.known_breach for finding in report.problems)
    assert report.passed
    # Two section rows span the table (2 cells); the Rec No and concern cells of concern 1
    # (2 rows, 4 cells) and concern 3 (3 rows, 6 cells) are merged down.
    assert "Table 1 (Action plan): 12 merged cells." in breaches
    assert "Table 1 (Action plan): 4 empty cells." not in breaches
    assert any("Known breach: Tables" in line for line in report.text().splitlines())


def test_the_classic_layout_without_merging_has_empty_cells(tmp_path: Path) -> None:
    export_docx(plan_with_both_sections(), tmp_path / "plan.docx", ExportOptions(layout=Layout.CLASSIC))
    report = check_docx(tmp_path / "plan.docx", Layout.CLASSIC)
    assert "Table 1 (Action plan): 6 empty cells." in [finding.message for finding in report.problems]


def test_a_careless_document_fails_every_check(tmp_path: Path) -> None:
    """A document made without the template: no title, US English, a skipped heading level,
    small text, a table without a header row, and a picture without alt text."""
    document = docx.Document()
    document.core_properties.title = ""
    document.core_properties.language = "en-US"
    document.add_heading("Starts at level two", level=2)
    small = document.add_paragraph().add_run("Small print")
    small.font.size = Pt(9)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1))
    image = tmp_path / "pixel.png"
    image.write_bytes(PIXEL)
    document.add_picture(str(image))
    document.save(str(tmp_path / "careless.docx"))

    report = check_docx(tmp_path / "careless.docx")
    failed = {finding.check: finding.message for finding in report.problems}
    assert set(failed) == {"Title", "Language", "Headings", "Tables", "Text size", "Images"}
    assert "not a Heading 1" in failed["Headings"]
    assert "1 of 1 images have no alt text" in failed["Images"]
    assert "pieces of text" in failed["Text size"]
    messages = " ".join(finding.message for finding in report.problems)
    assert "header row does not repeat" in messages
    assert "merged cell" in messages
    assert not report.passed


def test_a_title_that_does_not_match_the_main_heading_is_reported(tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "Something else"
    document.add_heading("Action Plan: HMP Example", level=1)
    document.save(str(tmp_path / "mismatch.docx"))
    title = next(f for f in check_docx(tmp_path / "mismatch.docx").findings if f.check == "Title")
    assert not title.ok
    assert "does not match" in title.message


def test_export_and_check_reports_on_what_was_written(tmp_path: Path) -> None:
    path, report = export_and_check(plan_with_both_sections(), tmp_path / "plan.docx",
                                    ExportOptions(layout=Layout.CLASSIC))
    assert path.is_file()
    assert report.text() == check_docx(path, Layout.CLASSIC).text()
    assert any(finding.known_breach for finding in report.findings)
