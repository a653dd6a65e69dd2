"""The rows of one worksheet, read straight from the workbook's XML, keeping only the columns
asked for. A returned form for 500 actions holds 7,000 cells and its answers are in six
columns: openpyxl builds an object for every cell (and for every run of text written inline),
which made reading 20 such forms take several seconds; this takes a fraction of that.

Cells are read as openpyxl reads them with ``data_only=False`` (see
``tests/importers/test_sheet_rows.py``, which checks the two agree): a formula is its own text
starting with =, a number is its text, a date is a date when its cell's format is a date
format, and text is the text shown, without phonetic guides. The workbook must have passed
``importers.workbook_checks`` first: no part declares entities, and no part is larger than
the limits.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree
from openpyxl.formula.translate import Translator
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
ROW, CELL, VALUE, FORMULA, INLINE, TEXT, PHONETIC = (
    f"{_MAIN}{name}" for name in ("row", "c", "v", "f", "is", "t", "rPh"))
_CELL_REFERENCE = re.compile(r"([A-Z]{1,3})(\d+)$")
_WHOLE_NUMBER = re.compile(r"[+-]?\d+$")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@dataclass
class Workbook:
    """What reading cells needs from the workbook as a whole."""

    sheets: dict[str, str] = field(default_factory=dict)
    """Each sheet's part in the package, by its name."""
    shared: list[str] = field(default_factory=list)
    date_styles: dict[int, str] = field(default_factory=dict)
    """The number format of each cell style that shows a date."""
    epoch: dt.datetime = CALENDAR_WINDOWS_1900
    shared_formulas: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Formulas filled down or across, by number: their text and the cell they were written in."""


def read_workbook(archive: zipfile.ZipFile) -> Workbook:
    found = Workbook()
    names = set(archive.namelist())
    book = etree.fromstring(archive.read("xl/workbook.xml"), _parser())
    properties = book.find(f"{_MAIN}workbookPr")
    if properties is not None and properties.get("date1904", "").lower() in ("1", "true"):
        found.epoch = CALENDAR_MAC_1904
    targets = _relationships(archive, "xl/_rels/workbook.xml.rels")
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_RELATIONSHIPS}id", ""))
        if target is not None and target in names:
            found.sheets[sheet.get("name", "")] = target
    if "xl/sharedStrings.xml" in names:
        with archive.open("xl/sharedStrings.xml") as stream:
            for _event, item in etree.iterparse(stream, tag=f"{_MAIN}si", resolve_entities=False, no_network=True):
                found.shared.append(shown_text(item))
                item.clear()
    if "xl/styles.xml" in names:
        found.date_styles = _date_styles(etree.fromstring(archive.read("xl/styles.xml"), _parser()))
    return found


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    try:
        rels = etree.fromstring(archive.read(part), _parser())
    except KeyError:
        return {}
    targets = {}
    for relationship in rels.iter(f"{_PACKAGE_RELATIONSHIPS}Relationship"):
        target = relationship.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[relationship.get("Id", "")] = path
    return targets


def _date_styles(styles: etree._Element) -> dict[int, str]:
    formats: dict[int, str] = dict(BUILTIN_FORMATS)
    for number_format in styles.iter(f"{_MAIN}numFmt"):
        try:
            formats[int(number_format.get("numFmtId", ""))] = number_format.get("formatCode", "")
        except ValueError:
            continue
    found = {}
    cell_formats = styles.find(f"{_MAIN}cellXfs")
    for index, xf in enumerate(cell_formats if cell_formats is not None else []):
        try:
            code = formats.get(int(xf.get("numFmtId", "0")))
        except ValueError:
            continue
        if code is not None and is_date_format(code):
            found[index] = code
    return found


def shown_text(element: etree._Element) -> str:
    """The text of a string item or inline string: its runs, without phonetic guides."""
    return "".join(text.text or "" for text in element.iter(TEXT) if _outside_phonetic(text))


def _outside_phonetic(text: etree._Element) -> bool:
    parent = text.getparent()
    return parent is None or parent.tag != PHONETIC


@dataclass(frozen=True)
class DateCell:
    value: dt.datetime
    number_format: str


CellValue = str | DateCell


def iter_rows(archive: zipfile.ZipFile, part: str, book: Workbook, columns: set[int],
              first_row: int) -> Iterator[tuple[int, dict[int, CellValue]]]:
    """``(row number, {column: value})`` for each row from ``first_row`` on that holds anything
    in ``columns`` (numbered from 1), in the order the sheet holds them. The sheet is read only
    as far as the rows are taken."""
    number = 0
    with archive.open(part) as stream:
        for _event, row in etree.iterparse(stream, tag=ROW, resolve_entities=False, no_network=True):
            number = _row_number(row, number)
            if number >= first_row:
                values = _cells(row, book, columns)
                if values:
                    yield number, values
            row.clear()
            while row.getprevious() is not None:  # what iterparse keeps of rows already read
                parent = row.getparent()
                if parent is None:
                    break
                del parent[0]


def _row_number(row: etree._Element, previous: int) -> int:
    try:
        return int(row.get("r", ""))
    except ValueError:
        return previous + 1


def _cells(row: etree._Element, book: Workbook, columns: set[int]) -> dict[int, CellValue]:
    values: dict[int, CellValue] = {}
    column = 0
    for cell in row.iter(CELL):
        column = _column(cell.get("r", ""), column)
        if column in columns:
            value = _value(cell, book)
            if value != "":
                values[column] = value
    return values


def _column(reference: str, previous: int) -> int:
    match = _CELL_REFERENCE.match(reference)
    if match is None:
        return previous + 1
    number = 0
    for letter in match.group(1):
        number = number * 26 + ord(letter) - 64
    return number


def _value(cell: etree._Element, book: Workbook) -> CellValue:
    kind = cell.get("t", "n")
    formula = cell.find(FORMULA)
    if formula is not None:
        written = _formula(formula, cell.get("r", ""), book)
        if written:
            return written
    if kind == "inlineStr":
        inline = cell.find(INLINE)
        return shown_text(inline) if inline is not None else ""
    value = cell.findtext(VALUE)
    if value is None or value == "":
        return ""
    if kind == "s":
        try:
            return book.shared[int(value)]
        except (ValueError, IndexError):
            return ""
    if kind == "b":
        return "TRUE" if value.strip() in ("1", "true") else "FALSE"
    if kind == "d":
        try:
            return DateCell(dt.datetime.fromisoformat(value.rstrip("Z")), _format(cell, book) or "yyyy-mm-dd")
        except ValueError:
            return value
    if kind in ("str", "e"):
        return value
    return _number(value, _format(cell, book), book)


def _formula(formula: etree._Element, where: str, book: Workbook) -> str:
    """A formula's text, starting with =. A formula filled down or across is written once, and
    each cell it was filled into names it by number: the text is worked out for that cell."""
    text = "=" + (formula.text or "")
    if formula.get("t") != "shared":
        return text if formula.text else ""
    number = formula.get("si", "")
    if formula.text:
        book.shared_formulas[number] = (text, where)
        return text
    if number in book.shared_formulas:
        first, origin = book.shared_formulas[number]
        try:
            translated: str = Translator(first, origin).translate_formula(where)
        except (ValueError, TypeError):
            return first
        return translated
    return ""


def _format(cell: etree._Element, book: Workbook) -> str | None:
    try:
        return book.date_styles.get(int(cell.get("s", "0")))
    except ValueError:
        return None


def _number(value: str, date_format: str | None, book: Workbook) -> CellValue:
    try:
        number = int(value) if _WHOLE_NUMBER.match(value) else float(value)
    except ValueError:
        return value
    if date_format is not None:
        try:
            moment = from_excel(number, book.epoch)
        except (OverflowError, ValueError, TypeError):
            return "#VALUE!"  # as openpyxl: a date serial outside what dates can be
        if isinstance(moment, dt.datetime):
            return DateCell(moment, date_format)
        if isinstance(moment, dt.date):
            return DateCell(dt.datetime.combine(moment, dt.time()), date_format)
        return str(moment)
    if isinstance(number, float) and number.is_integer():
        return str(int(number))
    return str(number)
