"""The quick row reader agrees with openpyxl (``read_only``, ``data_only=False``), cell by cell,
on whatever a workbook holds: text written inline or shared (with formatting runs and phonetic
guides), numbers, booleans, dates in any format and either calendar, formulas (array and
filled-down ones too) and errors."""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.worksheet.formula import ArrayFormula

from importers import sheet_rows
from importers.update_forms import _answer, _answer_of

COLUMNS = 6


def by_openpyxl(path: Path, sheet: str) -> dict[int, dict[int, Any]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dates beyond what dates can be, read as "#VALUE!"
        return _by_openpyxl(path, sheet)


def _by_openpyxl(path: Path, sheet: str) -> dict[int, dict[int, Any]]:
    workbook = load_workbook(path, read_only=True, data_only=False)
    try:
        rows: dict[int, dict[int, Any]] = {}
        for number, cells in enumerate(workbook[sheet].iter_rows(min_row=1, max_col=COLUMNS), start=1):
            values = {column: _answer(cell) for column, cell in enumerate(cells, start=1)
                      if cell.value is not None and _answer(cell) != ""}
            if values:
                rows[number] = values
        return rows
    finally:
        workbook.close()


def by_sheet_rows(path: Path, sheet: str) -> dict[int, dict[int, Any]]:
    with zipfile.ZipFile(path) as archive:
        book = sheet_rows.read_workbook(archive)
        return {number: {column: _answer_of(value) for column, value in values.items()}
                for number, values in sheet_rows.iter_rows(archive, book.sheets[sheet], book,
                                                           set(range(1, COLUMNS + 1)), 1)}


values = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t"), max_size=20),
    st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False, width=32), st.booleans(),
    st.datetimes(dt.datetime(1901, 1, 1), dt.datetime(2200, 12, 31)).map(lambda moment: moment.replace(microsecond=0)),
    st.sampled_from(["=SUM(A1:A3)", "=1+", '=A1&"x"', "#N/A", "=HYPERLINK(\"x\")"]))
formats = st.sampled_from(["General", "mmm-yy", "d mmmm yyyy", "dd/mm/yyyy", "0.00", "@", "yyyy-mm-dd h:mm"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.tuples(st.none() | values, formats), min_size=COLUMNS, max_size=COLUMNS), max_size=6),
       st.booleans())
def test_the_quick_reader_agrees_with_openpyxl(tmp_path: Path, rows: list[list[tuple[object, str]]],
                                               mac_calendar: bool) -> None:
    path = tmp_path / "book.xlsx"
    workbook = Workbook()
    if mac_calendar:
        workbook.epoch = CALENDAR_MAC_1904
    sheet = workbook.active
    sheet.title = "Answers"
    for number, row in enumerate(rows, start=1):
        for column, (value, number_format) in enumerate(row, start=1):
            if value is not None:
                cell = sheet.cell(number, column, value)
                cell.number_format = number_format
    sheet["F9"] = ArrayFormula("F9:F9", "=A1:A2&\"x\"")
    workbook.save(path)
    assert by_sheet_rows(path, "Answers") == by_openpyxl(path, "Answers")


SHARED = (
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">'
    "<si><t>Plain</t></si>"
    "<si><r><rPr><b/></rPr><t>Bold </t></r><r><t xml:space=\"preserve\">and not</t></r></si>"
    "<si><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh></si>"
    "</sst>")
SHEET = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
    '<row r="3"><c r="A3"><f t="shared" ref="A3:A5" si="0">B3*2</f><v>4</v></c><c r="B3"><v>2</v></c></row>'
    '<row r="4"><c r="A4"><f t="shared" si="0"/><v>6</v></c><c r="B4"><v>3</v></c></row>'
    '<row r="5"><c r="A5"><f t="shared" si="0"/><v>8</v></c><c r="B5" t="e"><v>#DIV/0!</v></c>'
    '<c r="C5" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>'
    "<row><c><v>7</v></c><c t=\"b\"><v>1</v></c></row>"
    "</sheetData></worksheet>")


def test_shared_text_filled_down_formulas_and_rows_without_numbers(tmp_path: Path) -> None:
    """As Excel writes them, which openpyxl never does."""
    source = tmp_path / "base.xlsx"
    Workbook().save(source)
    path = tmp_path / "excel.xlsx"
    with zipfile.ZipFile(source) as base, zipfile.ZipFile(path, "w") as target:
        for info in base.infolist():
            data = base.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = SHEET.encode()
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org'
                                    b'/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                                    b"</Relationships>")
            target.writestr(info, data)
        target.writestr("xl/sharedStrings.xml", SHARED)
    quick = by_sheet_rows(path, "Sheet")
    assert quick == by_openpyxl(path, "Sheet")
    assert quick[1] == {1: "Plain", 2: "Bold and not", 3: "漢字"}
    assert [quick[number][1] for number in (3, 4, 5)] == ["=B3*2", "=B4*2", "=B5*2"]
    assert quick[5] == {1: "=B5*2", 2: "#DIV/0!", 3: '="a"&"b"'}
    assert quick[6] == {1: "7", 2: "TRUE"}


def test_a_sheet_part_named_from_the_package_root(tmp_path: Path) -> None:
    path = tmp_path / "absolute.xlsx"
    workbook = Workbook()
    workbook.active["A1"] = "Found"
    stream = io.BytesIO()
    workbook.save(stream)
    with zipfile.ZipFile(stream) as base, zipfile.ZipFile(path, "w") as target:
        for info in base.infolist():
            data = base.read(info)
            if info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b'Target="worksheets/sheet1.xml"', b'Target="/xl/worksheets/sheet1.xml"')
            target.writestr(info, data)
    assert by_sheet_rows(path, "Sheet") == {1: {1: "Found"}} == by_openpyxl(path, "Sheet")
