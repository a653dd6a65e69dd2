"""The progress report as Excel and CSV, read back field by field with openpyxl and the csv
module: every column, real dates, formula injection refused, and the same file every time."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.model import Action, Concern, Plan
from exporters.progress_export import export_progress_report
from exporters.progress_rows import ProgressOptions
from exporters.progress_sheet import looks_like_formula
from tests.exporters.progress_plans import (
    AS_OF,
    INJECTIONS,
    plan_with_progress,
    recommendations_plan_with_progress,
)

HEADINGS = [
    "Rec No", "Section", "Concern", "Action", "Owner", "Lead", "Target date", "Original target date",
    "Target revisions", "Reason for latest revision", "Status", "Position", "Latest update", "Latest update date",
    "Latest update by", "Updates", "Evidence needed", "Evidence held", "Self-assessed progress", "HMIP judgement",
]
REQUIRED = ("Rec No", "Action", "Owner", "Lead", "Target date", "Status", "Position", "Latest update")


def write(plan: Plan, path: Path, as_of: dt.date = AS_OF) -> Path:
    export_progress_report(plan, path, ProgressOptions(as_of))
    return path


def sheet_rows(path: Path) -> list[dict[str, object]]:
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Actions"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


# Excel ----------------------------------------------------------------------------------------


def test_excel_has_a_frozen_filtered_header_row_with_every_column(tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(write(plan_with_progress(), tmp_path / "progress.xlsx"))
    sheet = workbook["Actions"]
    headings = [cell.value for cell in sheet[1]]
    assert headings == HEADINGS
    assert set(REQUIRED) <= set(headings)
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:T7"
    assert sheet.max_row == 7  # one row for each of the six actions
    assert workbook.properties.title == "Action plan progress: HMP & YOI Stoke Heath, 4 December 2026"


def test_excel_rows_field_by_field(tmp_path: Path) -> None:
    rows = sheet_rows(write(plan_with_progress(), tmp_path / "progress.xlsx"))
    assert rows[0] == {
        "Rec No": 1, "Section": "Priority concerns", "Concern": "Drugs were too freely available.",
        "Action": "The prison will review the searching strategy.\nSearches will be recorded daily.",
        "Owner": "Governor", "Lead": "M. Byrne, Head of Security",
        "Target date": dt.datetime(2026, 12, 31), "Original target date": dt.datetime(2026, 12, 31),
        "Target revisions": 0, "Reason for latest revision": None, "Status": "In progress", "Position": "Due soon",
        "Latest update": "Searches recorded daily since November.", "Latest update date": dt.datetime(2026, 12, 1),
        "Latest update by": "M. Byrne", "Updates": 2, "Evidence needed": "Search logs for each wing.",
        "Evidence held": 0, "Self-assessed progress": "Good progress", "HMIP judgement": "Reasonable progress",
    }
    late = rows[5]
    assert (late["Rec No"], late["Target date"], late["Original target date"], late["Target revisions"],
            late["Reason for latest revision"], late["Position"], late["Latest update"]) == (
        3, dt.datetime(2027, 1, 15), dt.datetime(2026, 9, 30), 1, "Meeting moved to a new cycle", "Due soon", None)
    assert [row["Position"] for row in rows] == ["Due soon", "Complete", "Complete", "Overdue", "On track",
                                                 "Due soon"]
    assert [row["Target date"] for row in rows[1:3]] == ["Completed", "Completed and ongoing"]
    assert [row["Evidence held"] for row in rows] == [0, 2, 1, 0, 0, 0]
    assert rows[4]["Lead"] is None
    assert rows[4]["HMIP judgement"] == "No meaningful progress"
    assert rows[2]["HMIP judgement"] == "Not recorded"


def test_excel_dates_are_dates_shown_in_words(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(write(plan_with_progress(), tmp_path / "progress.xlsx"))["Actions"]
    headings = [cell.value for cell in sheet[1]]
    target, update = sheet.cell(2, headings.index("Target date") + 1), sheet.cell(2, headings.index(
        "Latest update date") + 1)
    assert target.is_date
    assert target.number_format == "mmmm yyyy"  # a month target, shown as the month
    assert update.is_date
    assert update.number_format == "d mmmm yyyy"
    exact = sheet.cell(6, headings.index("Target date") + 1)  # 31 March 2027
    assert (exact.value, exact.number_format) == (dt.datetime(2027, 3, 31), "d mmmm yyyy")


def test_the_recommendations_era_sheet_adds_the_agreement(tmp_path: Path) -> None:
    rows = sheet_rows(write(recommendations_plan_with_progress(), tmp_path / "progress.xlsx", dt.date(2020, 3, 10)))
    assert list(rows[0])[:5] == ["Rec No", "Section", "Recommendation", "Agreement", "Action"]
    assert [(row["Rec No"], row["Section"], row["Agreement"]) for row in rows] == [
        ("S45", "Main recommendations", "Agreed"), ("S45", "Main recommendations", "Agreed"),
        ("1.12", "Recommendations", "Partly agreed"),
    ]


def injected_plan() -> Plan:
    plan = plan_with_progress()
    texts = iter(INJECTIONS)
    concern = plan.concerns[2]
    concern.text = next(texts)
    first = concern.actions[0]
    first.text, first.owner, first.lead = next(texts), next(texts), next(texts)
    first.evidence_needed = next(texts)
    first.updates[-1].text = next(texts)
    concern.actions[1].target = FORMULA_TARGET  # kept word for word: not a date
    return plan


FORMULA_TARGET = "=cmd|' /C calc'!A0"


def test_excel_never_takes_text_for_a_formula(tmp_path: Path) -> None:
    path = write(injected_plan(), tmp_path / "progress.xlsx")
    sheet = openpyxl.load_workbook(path)["Actions"]
    headings = [cell.value for cell in sheet[1]]
    row = {heading: cell for heading, cell in zip(headings, sheet[5], strict=True)}
    expected = {
        "Concern": INJECTIONS[0], "Action": INJECTIONS[1], "Owner": INJECTIONS[2],
        "Lead": " ".join(INJECTIONS[3].split()), "Evidence needed": INJECTIONS[4], "Latest update": INJECTIONS[5],
    }
    for heading, text in expected.items():
        assert row[heading].value == text, heading
        assert row[heading].data_type == "s", heading
    target = {heading: cell for heading, cell in zip(headings, sheet[6], strict=True)}["Target date"]
    assert (target.value, target.data_type) == (FORMULA_TARGET, "s")
    assert target.quotePrefix
    with zipfile.ZipFile(path) as package:
        xml = package.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml  # no formula anywhere in the sheet
    assert "<f " not in xml


def test_excel_keeps_the_longest_text_a_cell_can_hold(tmp_path: Path) -> None:
    plan = plan_with_progress()
    plan.concerns[0].actions[0].text = "word " * 8000
    row = sheet_rows(write(plan, tmp_path / "progress.xlsx"))[0]
    action = str(row["Action"])
    assert len(action) == 32_767
    assert action.endswith("(cut short: the whole text is in the plan)")


# CSV ------------------------------------------------------------------------------------------


def test_csv_is_utf8_with_a_byte_order_mark_and_the_same_columns(tmp_path: Path) -> None:
    plan = plan_with_progress()
    plan.concerns[0].actions[0].lead = "Zoë Łukasz, Head of Security"
    path = write(plan, tmp_path / "progress.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data
    rows = csv_rows(path)
    assert list(rows[0]) == HEADINGS
    assert rows[0]["Lead"] == "Zoë Łukasz, Head of Security"


def test_csv_rows_field_by_field(tmp_path: Path) -> None:
    rows = csv_rows(write(plan_with_progress(), tmp_path / "progress.csv"))
    assert len(rows) == 6
    assert rows[0] == {
        "Rec No": "1", "Section": "Priority concerns", "Concern": "Drugs were too freely available.",
        "Action": "The prison will review the searching strategy.\nSearches will be recorded daily.",
        "Owner": "Governor", "Lead": "M. Byrne, Head of Security", "Target date": "December 2026",
        "Original target date": "December 2026", "Target revisions": "0", "Reason for latest revision": "",
        "Status": "In progress", "Position": "Due soon", "Latest update": "Searches recorded daily since November.",
        "Latest update date": "2026-12-01", "Latest update by": "M. Byrne", "Updates": "2",
        "Evidence needed": "Search logs for each wing.", "Evidence held": "0",
        "Self-assessed progress": "Good progress", "HMIP judgement": "Reasonable progress",
    }
    late = rows[5]
    assert (late["Target date"], late["Original target date"], late["Target revisions"]) == (
        "2027-01-15", "September 2026", "1")
    assert rows[4]["Target date"] == "2027-03-31"


def test_csv_puts_a_quote_before_anything_that_could_be_a_formula(tmp_path: Path) -> None:
    rows = csv_rows(write(injected_plan(), tmp_path / "progress.csv"))
    row = rows[3]
    assert row["Concern"] == "'" + INJECTIONS[0]
    assert row["Action"] == "'" + INJECTIONS[1]
    assert row["Owner"] == "'" + INJECTIONS[2]
    assert row["Lead"] == "'" + " ".join(INJECTIONS[3].split())
    assert row["Evidence needed"] == "'" + INJECTIONS[4]
    assert row["Latest update"] == "'" + INJECTIONS[5]
    assert rows[4]["Target date"] == "'" + FORMULA_TARGET
    assert rows[0]["Action"].startswith("The prison")  # ordinary text is left alone


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_caught(start: str) -> None:
    assert looks_like_formula(start + "1")
    assert not looks_like_formula("1" + start)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30))
def test_any_text_comes_back_from_csv_and_excel_as_text_and_never_runs(tmp_path: Path, text: str) -> None:
    plan = Plan(concerns=[Concern(text="Concern", actions=[Action(text=text, owner="Governor", target="Ongoing")])])
    written = plan.concerns[0].actions[0].text  # as the plan keeps it, cleaned
    workbook = openpyxl.load_workbook(write(plan, tmp_path / "any.xlsx"))
    cell = workbook["Actions"].cell(2, HEADINGS.index("Action") + 1)
    if written.strip():
        assert (cell.value, cell.data_type) == (written, "s")
    else:
        assert cell.value is None
    row = csv_rows(write(plan, tmp_path / "any.csv"))[0]
    expected = ("'" + written if looks_like_formula(written) else written) if written.strip() else ""
    assert row["Action"] == expected


# The same file every time ---------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".docx"])
def test_the_same_plan_and_day_give_the_same_bytes(tmp_path: Path, suffix: str) -> None:
    plan = plan_with_progress()
    first = write(plan, tmp_path / f"first{suffix}").read_bytes()
    second = write(plan_with_progress(), tmp_path / f"second{suffix}").read_bytes()
    assert first == second


def test_nothing_in_the_workbook_says_when_it_was_made(tmp_path: Path) -> None:
    path = write(plan_with_progress(), tmp_path / "progress.xlsx", dt.date(2027, 1, 31))
    with zipfile.ZipFile(path) as package:
        assert {info.date_time for info in package.infolist()} == {(2027, 1, 31, 0, 0, 0)}
        core = package.read("docProps/core.xml").decode()
    assert core.count("2027-01-31T00:00:00Z") == 2
    workbook = openpyxl.load_workbook(io.BytesIO(path.read_bytes()))
    assert workbook.properties.created == workbook.properties.modified == dt.datetime(2027, 1, 31)
    about = [[cell.value for cell in row] for row in workbook["About this report"].iter_rows()]
    assert ["Positions on", "31 January 2027"] in about


@pytest.mark.parametrize(("reference", "shown"), [
    ("9" * 5000, "9" * 5000),  # thousands of digits: Python refused to read it as a number
    ("1234567890123456", "1234567890123456"),  # 16 digits: a spreadsheet would lose the last
    ("123456789012345", 123456789012345),
])
def test_a_long_numeric_rec_no_is_kept_as_written(tmp_path: Path, reference: str, shown: object) -> None:
    plan = plan_with_progress()
    plan.concerns[0].reference = reference
    rows = sheet_rows(write(plan, tmp_path / "progress.xlsx"))
    assert rows[0]["Rec No"] == shown
