"""Sending update forms: one plain workbook per lead, read back with openpyxl and, as a second
reader, LibreOffice Calc."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from actionplan.model import Action, Category, Concern, Plan, PlanDetails
from actionplan.tracking import Position
from actionplan.update_forms import (
    ACTIONS_SHEET,
    DETAILS_SHEET,
    ID_HEADING,
    INSTRUCTIONS_SHEET,
    Answer,
    SendTo,
)
from exporters.errors import ExportError
from exporters.update_forms import HEADINGS, send_update_forms
from tests.exporters.readback import need_libreoffice
from tests.update_form_helpers import SENT_ON, realistic_plan

ANSWER_HEADINGS = ["New status", "Progress update", "Evidence", "Revised target date", "Reason for new date"]


def sent(tmp_path: Path, plan: Plan | None = None, **options: object) -> dict[str, Path]:
    result = send_update_forms(plan or realistic_plan(), tmp_path / "forms", sent_on=SENT_ON,
                               plan_file="ashvale.actionplan", **options)  # type: ignore[arg-type]
    return {form.name: form.path for form in result.forms}


def test_one_form_per_lead_named_after_them_holding_just_their_actions(tmp_path: Path) -> None:
    plan = realistic_plan()
    forms = sent(tmp_path, plan)
    assert set(forms) == {"Priya Shah, Head of Safety", "Tom Evans, Head of Residence",
                          "Grace Okafor, Head of Security", "Dan Hughes, Head of Learning",
                          # every fifth action has no lead, so goes to its owner
                          *{action.owner for number, (_c, action) in enumerate(plan.all_actions()) if number % 5 == 4}}
    path = forms["Priya Shah, Head of Safety"]
    assert path.name == "Progress update - Priya Shah, Head of Safety.xlsx"
    sheet = load_workbook(path)[ACTIONS_SHEET]
    ids = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert ids == [action.id for _c, action in plan.all_actions() if action.lead == "Priya Shah, Head of Safety"]


def test_the_workbook_has_instructions_then_the_actions_with_the_columns_to_fill_in(tmp_path: Path) -> None:
    plan = realistic_plan()
    path = sent(tmp_path, plan)["Grace Okafor, Head of Security"]
    workbook = load_workbook(path)
    assert workbook.sheetnames == [INSTRUCTIONS_SHEET, ACTIONS_SHEET, DETAILS_SHEET]
    assert workbook.active.title == INSTRUCTIONS_SHEET
    instructions = " ".join(str(row[0]) for row in workbook[INSTRUCTIONS_SHEET].iter_rows(values_only=True))
    assert "Progress update for Grace Okafor, Head of Security" in instructions
    assert "Sent on 1 March 2027 from the action plan for HMP & YOI Ashvale (ashvale.actionplan)." in instructions
    sheet = workbook[ACTIONS_SHEET]
    headings = [cell.value for cell in sheet[1]]
    assert headings == [ID_HEADING, "Rec No", "Concern", "Action", "Responsible owner", "Current target", "Status",
                        "Latest update", "Evidence needed", *ANSWER_HEADINGS]
    assert headings[-5:] == [answer.value for answer in Answer]
    assert sheet.column_dimensions["A"].hidden
    assert sheet.freeze_panes == "C2"
    assert sheet.auto_filter.ref == f"A1:N{sheet.max_row}"
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == '"Not started,In progress,Complete,Ongoing"'
    assert str(validation.sqref) == f"J2:J{sheet.max_row}"
    assert all(sheet.column_dimensions[letter].number_format == "@" for letter in "JKLMN")


def test_each_row_shows_what_the_lead_needs_to_see(tmp_path: Path) -> None:
    plan = realistic_plan()
    references = plan.references()
    path = sent(tmp_path, plan)["Grace Okafor, Head of Security"]
    rows = {row[0]: row for row in load_workbook(path)[ACTIONS_SHEET].iter_rows(min_row=2, values_only=True)}
    for concern, action in plan.all_actions():
        if action.id not in rows:
            continue
        row = rows[action.id]
        assert row[1:5] == (references[concern.id], concern.text, action.text, action.owner)
        current = action.current_target()
        assert row[5] == (f"{current.format()} (revised)" if action.target_revisions else current.format())
        assert str(row[6]).startswith(action.status.label)
        latest = action.latest_update()
        assert row[7] == (f"1 February 2027, Sam Keeper: {latest.text}" if latest else None)
        assert row[9:] == (None,) * 5


def test_the_position_is_shown_with_the_status(tmp_path: Path) -> None:
    plan = Plan(concerns=[Concern(category=Category.PRIORITY, text="C", actions=[
        Action(text="Late", owner="Governor", target="January 2027"),
        Action(text="Soon", owner="Governor", target="March 2027"),
        Action(text="Fine", owner="Governor", target="December 2027")])])
    path = sent(tmp_path, plan)["Governor"]
    statuses = [row[6] for row in load_workbook(path)[ACTIONS_SHEET].iter_rows(min_row=2, values_only=True)]
    assert statuses == ["Not started (overdue)", "Not started (due soon)", "Not started"]


def test_the_form_records_which_plan_which_day_and_to_whom(tmp_path: Path) -> None:
    path = sent(tmp_path, send_to=SendTo.OWNER)["Governor"]
    workbook = load_workbook(path)
    details = workbook[DETAILS_SHEET]
    assert details.sheet_state == "veryHidden"
    pairs = {row[0]: row[1] for row in details.iter_rows(min_row=2, values_only=True)}
    assert pairs["Sent to"] == "Governor"
    assert pairs["Sent on"] == "2027-03-01"
    assert pairs["Sent to each"] == "owner"
    assert pairs["Establishment"] == "HMP & YOI Ashvale"
    assert pairs["Plan file"] == "ashvale.actionplan"
    assert len(pairs["Form id"]) == 16
    custom = {prop.name: prop.value for prop in workbook.custom_doc_props.props}
    assert custom == {key: value for key, value in pairs.items() if value}


def test_every_form_has_its_own_id(tmp_path: Path) -> None:
    forms = sent(tmp_path)
    ids = {dict(load_workbook(path)[DETAILS_SHEET].iter_rows(min_row=2, values_only=True))["Form id"]
           for path in forms.values()}
    assert len(ids) == len(forms)


def hostile_plan() -> Plan:
    return Plan(details=PlanDetails(establishment="HMP Testing"), concerns=[
        Concern(category=Category.PRIORITY, text='=HYPERLINK("http://evil.example","Click")', actions=[
            Action(text="=1+1", owner="+Governor", lead="@Lead", target="December 2026"),
            Action(text="-2", owner="Governor", lead="@Lead", target="December 2026"),
        ])])


def test_text_starting_with_an_equals_sign_is_written_as_text_never_a_formula(tmp_path: Path) -> None:
    path = sent(tmp_path, hostile_plan())["@Lead"]
    with zipfile.ZipFile(path) as archive:
        sheets = [archive.read(name) for name in archive.namelist() if name.startswith("xl/worksheets/")]
    assert not any(b"<f>" in sheet or b"<f " in sheet for sheet in sheets)
    sheet = load_workbook(path)[ACTIONS_SHEET]
    assert [sheet.cell(2, column).value for column in (3, 4, 5)] == [
        '=HYPERLINK("http://evil.example","Click")', "=1+1", "+Governor"]
    assert sheet.cell(2, 3).data_type == "s"
    assert sheet.cell(2, 4).quotePrefix


def test_a_form_never_replaces_a_file_already_in_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "forms"
    folder.mkdir()
    returned = folder / "Progress update - Governor.xlsx"
    returned.write_bytes(b"a form that came back")
    plan = hostile_plan()
    plan.concerns[0].actions[0].owner = "Governor"
    result = send_update_forms(plan, folder, SendTo.OWNER, sent_on=SENT_ON)
    assert [form.path.name for form in result.forms] == ["Progress update - Governor (2).xlsx"]
    assert returned.read_bytes() == b"a form that came back"


def test_only_some_positions(tmp_path: Path) -> None:
    result = send_update_forms(realistic_plan(), tmp_path, only=[Position.OVERDUE], sent_on=dt.date(2027, 1, 15))
    assert result.forms
    for form in result.forms:
        statuses = [row[6] for row in load_workbook(form.path)[ACTIONS_SHEET].iter_rows(min_row=2, values_only=True)]
        assert all(status.endswith("(overdue)") for status in statuses)


def test_nothing_matching_makes_no_form(tmp_path: Path) -> None:
    result = send_update_forms(hostile_plan(), tmp_path, only=[Position.COMPLETE], sent_on=SENT_ON)
    assert result.forms == []
    assert result.describe() == "No action matches, so no form was made."


def test_a_folder_that_cannot_be_made_is_explained(tmp_path: Path) -> None:
    blocker = tmp_path / "forms"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(ExportError, match="is a file, not a folder"):
        send_update_forms(hostile_plan(), blocker, sent_on=SENT_ON)


def test_rows_are_tall_enough_for_their_text(tmp_path: Path) -> None:
    plan = hostile_plan()
    plan.concerns[0].actions[0].text = "A long action. " * 40
    sheet = load_workbook(sent(tmp_path, plan)["@Lead"])[ACTIONS_SHEET]
    assert sheet.row_dimensions[2].height > sheet.row_dimensions[3].height >= 60


@pytest.mark.libreoffice
def test_libreoffice_calc_reads_the_form_as_written(tmp_path: Path) -> None:
    soffice = need_libreoffice()
    path = sent(tmp_path, hostile_plan())["@Lead"]
    with tempfile.TemporaryDirectory(prefix="actionplan-lo-") as profile:
        # Sheet 2 ("Your actions") as UTF-8 CSV: field separator 44, text delimiter 34, sheet 2.
        done = subprocess.run(
            [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--convert-to",
             "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2", "--outdir",
             str(tmp_path), str(path)], capture_output=True, text=True, timeout=120, check=False)
    written = list(tmp_path.glob("*.csv"))
    if not written and "could not be loaded" in done.stderr + done.stdout:
        pytest.skip("LibreOffice Calc is not installed (libreoffice-calc-nogui)")
    (out,) = written
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0] == list(HEADINGS)
    assert rows[1][2:5] == ['=HYPERLINK("http://evil.example","Click")', "=1+1", "+Governor"]
    assert rows[2][3] == "-2"
