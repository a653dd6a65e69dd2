"""Reading a returned form's rows: columns found by their headings wherever they are and however
slightly renamed, cells read as what was typed, and anything typed read without error."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.worksheet.formula import ArrayFormula

from actionplan.form_answers import TypedDate
from actionplan.returned_forms import answered_on
from actionplan.update_forms import ACTIONS_SHEET, Answer
from exporters.update_forms import HEADINGS, send_update_forms
from importers import update_forms as reading
from importers.update_forms import _shows_day, match_headings, read_returned_form
from tests.update_form_helpers import SENT_ON, Formatted, FormSheet, edit_form, realistic_plan, stamp_saved

KEYS = ["id", "REC_NO", "CONCERN", "ACTION", "OWNER", "CURRENT_TARGET", "STATUS", "LATEST_UPDATE", "EVIDENCE_NEEDED",
        *(answer.name for answer in Answer)]


@pytest.fixture(scope="module")
def sent_form(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sent")
    return send_update_forms(realistic_plan(), folder, sent_on=SENT_ON).forms[0].path


def copy_of(form: Path, tmp_path: Path) -> Path:
    target = tmp_path / form.name
    target.write_bytes(form.read_bytes())
    return target


# Headings ------------------------------------------------------------------------------------------


def test_the_headings_as_written_are_all_found() -> None:
    assert match_headings(list(HEADINGS)) == {key: column for column, key in enumerate(KEYS)}


@pytest.mark.parametrize(("typed", "key"), [
    ("New Status", "NEW_STATUS"), ("Status (new)", "NEW_STATUS"), ("new status:", "NEW_STATUS"),
    ("Progress updates", "PROGRESS_UPDATE"), ("Progress Update ", "PROGRESS_UPDATE"), ("Update", "PROGRESS_UPDATE"),
    ("Evidence provided", "EVIDENCE"), ("EVIDENCE", "EVIDENCE"),
    ("Revised target", "REVISED_TARGET"), ("Revised target date (if any)", "REVISED_TARGET"),
    ("New target date", "REVISED_TARGET"),
    ("Reason for the new date", "REASON"), ("Reason", "REASON"), ("Reasons for new date", "REASON"),
    ("Action ID", "id"),
])
def test_headings_renamed_slightly_are_still_found(typed: str, key: str) -> None:
    headings = [heading for heading in HEADINGS]
    column = KEYS.index(key)
    headings[column] = typed
    assert match_headings(headings)[key] == column


@pytest.mark.parametrize("typed", ["Comments from the lead", "Notes", "RAG", "Date"])
def test_a_heading_of_ones_own_is_matched_to_nothing(typed: str) -> None:
    assert match_headings([*HEADINGS, typed]) == {key: column for column, key in enumerate(KEYS)}


@settings(max_examples=60, deadline=None)
@given(st.permutations(list(range(len(HEADINGS)))),
       st.lists(st.sampled_from(["My notes", "RAG", "Chased?", "", "Column1", "2027"]), max_size=4))
def test_columns_in_any_order_with_extra_ones_are_each_found(order: list[int], extra: list[str]) -> None:
    headings = [HEADINGS[index] for index in order] + extra
    found = match_headings(headings)
    assert {key: headings[column] for key, column in found.items()} == dict(zip(KEYS, HEADINGS, strict=True))


# Cells ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("number_format", "shows_day"), [
    ("mmm-yy", False), ("mmmm yyyy", False), ("yyyy-mm-dd", True), ("dd/mm/yyyy", True), ("d mmmm yyyy", True),
    ('"Due" mmm yyyy', False), ("[$-809]mmmm yyyy", False), ("General", True), ("", True),
])
def test_a_dates_cell_format_says_whether_it_shows_a_day(number_format: str, shows_day: bool) -> None:
    assert _shows_day(number_format) is shows_day


def test_cells_are_read_as_typed(sent_form: Path, tmp_path: Path) -> None:
    path = copy_of(sent_form, tmp_path)
    holder: dict[str, str] = {}

    def fill(workbook: Workbook, form: FormSheet) -> None:
        first, second, third = (row[0] for row in form.rows[:3])
        holder.update(first=str(first), second=str(second), third=str(third))
        form.answer(str(first), "Progress update", "=SUM(A1:A3)")
        form.answer(str(first), "Revised target date", dt.datetime(2027, 4, 1), number_format="mmm-yy")
        form.answer(str(first), "New status", 3)
        form.answer(str(second), "Progress update", 2.5)
        form.answer(str(second), "Revised target date", dt.datetime(2027, 4, 30), number_format="d mmmm yyyy")
        form.answer(str(second), "Evidence", True)
        form.answer(str(third), "Progress update", "  Line one\nLine two  ")

    edit_form(path, fill)
    rows = {row.action_id: row.answers for row in read_returned_form(path).rows}
    assert rows[holder["first"]] == {Answer.PROGRESS_UPDATE: "=SUM(A1:A3)", Answer.NEW_STATUS: "3",
                                     Answer.REVISED_TARGET: TypedDate(dt.date(2027, 4, 1), month_only=True)}
    assert rows[holder["second"]] == {Answer.PROGRESS_UPDATE: "2.5", Answer.EVIDENCE: "TRUE",
                                      Answer.REVISED_TARGET: TypedDate(dt.date(2027, 4, 30))}
    assert rows[holder["third"]] == {Answer.PROGRESS_UPDATE: "  Line one\nLine two  "}


def test_an_array_formula_is_read_as_its_text(sent_form: Path, tmp_path: Path) -> None:
    path = copy_of(sent_form, tmp_path)

    def fill(workbook: Workbook, form: FormSheet) -> None:
        form.rows[0][form.column("Progress update")] = "placeholder"

    edit_form(path, fill)
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook[ACTIONS_SHEET]
    column = HEADINGS.index("Progress update") + 1
    cell = sheet.cell(2, column)
    sheet[cell.coordinate] = ArrayFormula(cell.coordinate, "=A1:A2&\"x\"")
    workbook.save(path)
    (row, *_rest) = read_returned_form(path).rows
    assert row.answers[Answer.PROGRESS_UPDATE] == '=A1:A2&"x"'


def test_the_heading_row_is_found_below_rows_added_above_it(sent_form: Path, tmp_path: Path) -> None:
    path = copy_of(sent_form, tmp_path)
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook[ACTIONS_SHEET]
    sheet.insert_rows(1, 3)
    sheet["A1"] = "Safety team actions, March"
    sheet.title = "Safety"
    first = sheet.cell(5, 1).value
    sheet.cell(5, HEADINGS.index("Progress update") + 1).value = "Moved down"
    workbook.save(path)
    form = read_returned_form(path)
    assert [(row.row, row.action_id, row.answers) for row in form.rows if row.answers] == [
        (5, first, {Answer.PROGRESS_UPDATE: "Moved down"})]


def test_the_id_column_renamed_past_recognising_is_found_by_what_it_holds(sent_form: Path, tmp_path: Path) -> None:
    path = copy_of(sent_form, tmp_path)

    def fill(workbook: Workbook, form: FormSheet) -> None:
        form.rename(HEADINGS[0], "Ref (hidden)")
        form.rows[1][form.column("Progress update")] = "Found"

    edit_form(path, fill)
    form = read_returned_form(path)
    assert [row.answers for row in form.rows if row.answers] == [{Answer.PROGRESS_UPDATE: "Found"}]
    assert form.rows[1].action_id


def test_a_missing_answer_column_is_noted_and_the_rest_read(sent_form: Path, tmp_path: Path) -> None:
    path = copy_of(sent_form, tmp_path)

    def fill(workbook: Workbook, form: FormSheet) -> None:
        column = form.column("Evidence")
        del form.headings[column]
        for row in form.rows:
            del row[column]
        form.rows[0][form.column("Progress update")] = "Still read"

    edit_form(path, fill)
    form = read_returned_form(path)
    assert form.notes == ("The column “Evidence” was not found in this form, so nothing was read from it.",)
    assert form.rows[0].answers == {Answer.PROGRESS_UPDATE: "Still read"}


def test_rows_past_the_limit_are_left_and_noted(sent_form: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_ROWS", 2)
    form = read_returned_form(sent_form)
    assert len(form.rows) == 2
    assert "only the first 2 were read" in form.notes[-1]


def test_answers_longer_than_excel_allows_are_cut_and_noted(sent_form: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = copy_of(sent_form, tmp_path)
    monkeypatch.setattr(reading, "MAX_ANSWER_CHARACTERS", 10)

    def fill(workbook: Workbook, form: FormSheet) -> None:
        form.rows[0][form.column("Progress update")] = "x" * 50

    edit_form(path, fill)
    form = read_returned_form(path)
    assert form.rows[0].answers[Answer.PROGRESS_UPDATE] == "x" * 10
    assert "were cut" in form.notes[-1]


def test_a_sheet_claiming_a_million_rows_is_read_quickly(sent_form: Path, tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "claims.xlsx"
    with zipfile.ZipFile(sent_form) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet2.xml":
                data = data.replace(b"<sheetData>", b'<dimension ref="A1:XFD1048576"/><sheetData>', 1)
                data = data.replace(b"</sheetData>", b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x'
                                                     b"</t></is></c></row></sheetData>")
            target.writestr(info, data)
    form = read_returned_form(path)
    assert not form.problem
    assert "only the first 60,000 were read" in form.notes[-1]


# Anything typed -----------------------------------------------------------------------------------------

cell_values = st.one_of(
    st.none(),
    # Excel cannot hold control characters other than tab and line breaks.
    st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n"), max_size=30).filter(
        lambda text: not text.startswith("=")),
    st.integers(-10**9, 10**9),
    st.floats(allow_nan=False, allow_infinity=False, width=32), st.booleans(),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2200, 12, 31)).map(lambda moment: moment.replace(microsecond=0)),
    st.sampled_from(["=1+", "=A1", "#N/A", "=HYPERLINK(\"x\")", "done", "Mar 2027", "31/03/27"]))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(cell_values, min_size=5, max_size=5), min_size=1, max_size=4))
def test_anything_typed_into_the_answers_is_read_without_error(sent_form: Path, tmp_path: Path,
                                                               typed: list[list[object]]) -> None:
    path = tmp_path / "typed.xlsx"
    path.write_bytes(sent_form.read_bytes())

    def fill(workbook: Workbook, form: FormSheet) -> None:
        for row, answers in zip(form.rows, typed, strict=False):
            row[-5:] = answers

    edit_form(path, fill)
    form = read_returned_form(path)
    assert not form.problem
    for row in form.rows:
        assert all(isinstance(value, str | TypedDate) and value != "" for value in row.answers.values())
    answered = [row for row in form.rows if row.answers]
    expected = [answers for answers in typed if any(value not in (None, "") for value in answers)]
    assert len(answered) == len(expected)



def test_a_sheet_the_quick_reader_cannot_find_is_read_by_openpyxl(sent_form: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = copy_of(sent_form, tmp_path)

    def fill(workbook: Workbook, form: FormSheet) -> None:
        form.rows[1][form.column("Revised target date")] = Formatted(dt.datetime(2027, 5, 1), "mmm-yy")
        form.rows[1][form.column("Progress update")] = "=A1"

    edit_form(path, fill)
    quick = read_returned_form(path)
    monkeypatch.setattr(reading.sheet_rows, "read_workbook", lambda _archive: reading.sheet_rows.Workbook())
    slow = read_returned_form(path)
    assert slow.rows == quick.rows
    assert slow.rows[1].answers == {Answer.PROGRESS_UPDATE: "=A1",
                                    Answer.REVISED_TARGET: TypedDate(dt.date(2027, 5, 1), month_only=True)}


@pytest.mark.parametrize("when", [dt.datetime(9999, 12, 31, 23, 59, 59), dt.datetime(1, 1, 1)])
def test_a_saved_time_that_cannot_be_real_is_no_time(sent_form: Path, tmp_path: Path, when: dt.datetime,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # 31 December 9999 in UTC is the year 10000 in Tokyo: dating the answers by it crashed there.
    form = copy_of(sent_form, tmp_path)
    stamp_saved(form, when)
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    if hasattr(time, "tzset"):
        time.tzset()
    try:
        returned = read_returned_form(form)
        assert returned.saved_at is None
        later = SENT_ON + dt.timedelta(days=30)
        assert answered_on(returned, later) == later  # dated the day it is read
    finally:
        monkeypatch.undo()
        if hasattr(time, "tzset"):
            time.tzset()
