"""The progress report as a spreadsheet: one row for each action with every field, for the plan's
keeper to sort, filter and pass on. Excel (.xlsx) or CSV (.csv), with the same columns.

- Dates are real dates in Excel (a month target is the month's last day, shown as the month),
  and ISO dates (2026-12-04) in CSV, which Excel reads as dates.
- Safe from formula injection: text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return is never taken as a formula. In Excel it is a text cell (with Excel's own "quote
  prefix", so editing it keeps it text); in CSV it is written after a single quote.
- CSV is UTF-8 with a byte order mark, so Excel reads every character right.
- Nothing in the file says when it was made, so the same plan and day give the same file.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.writer.excel import ExcelWriter

from actionplan.model import ORGANISATION, Era, Plan
from actionplan.target_date import TargetDate, TargetKind, format_long_date
from actionplan.text import clean_text
from actionplan.tracking import plan_standing
from actionplan.work import NO_WORK, Work
from exporters.progress_rows import (
    ActionProgress,
    ProgressOptions,
    all_actions,
    judgement_words,
    plan_progress,
)
from exporters.reproducible_zip import ReproducibleZip


@dataclass(frozen=True)
class Month:
    """A target of a month and year: in Excel its last day shown as the month, in CSV the words."""

    target: TargetDate

    @property
    def last_day(self) -> dt.date:
        day = self.target.last_day()
        assert day is not None, "a month target has a last day"
        return day

    def words(self) -> str:
        return self.target.format()


Value = str | int | dt.date | Month | None
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet could take as the start of a formula (OWASP's list)."""
DATE_FORMAT = "d mmmm yyyy"
MONTH_FORMAT = "mmmm yyyy"
_STEP_EVERY = 500
"""Rows written between two reports of progress."""
EXCEL_CELL_LIMIT = 32_767
"""The most characters an Excel cell holds."""
CUT_SHORT = " … (cut short: the whole text is in the plan)"


@dataclass(frozen=True)
class Column:
    heading: str
    value: Callable[[ActionProgress], Value]
    width: int = 14
    """In Excel's character widths."""
    wrap: bool = False


def _update_field(read: Callable[[Any], Value]) -> Callable[[ActionProgress], Value]:
    def value(action: ActionProgress) -> Value:
        update = action.latest_update
        return read(update) if update is not None else None

    return value


def _target(target: TargetDate) -> Value:
    """A date target as a date, a month as a ``Month``, and the rest (Completed, Ongoing, text
    that was not understood) in words."""
    if target.kind is TargetKind.NOT_SET:
        return None
    if target.kind is TargetKind.MONTH:
        return Month(target)
    if target.kind is TargetKind.DATE:
        return target.last_day()
    return target.format()


def columns(era: Era) -> list[Column]:
    noun = era.item_noun().capitalize()
    found = [
        Column("Rec No", lambda a: _number_or_text(a.rec_no), 8),
        Column("Section", lambda a: a.section, 18),
        Column(noun, lambda a: a.concern.text, 40, wrap=True),
    ]
    if era is Era.RECOMMENDATIONS:
        found.append(Column("Agreement", lambda a: a.concern.agreement.label if a.concern.agreement else None, 14))
    found += [
        Column("Action", lambda a: a.action.text, 50, wrap=True),
        Column("Owner", lambda a: a.action.owner, 20),
        Column("Lead", lambda a: a.action.lead, 20),
        Column("Target date", lambda a: _target(a.target), 16),
        Column("Original target date", lambda a: _target(a.original_target), 16),
        Column("Target revisions", lambda a: len(a.action.target_revisions), 10),
        Column("Reason for latest revision", lambda a: a.latest_revision_reason or None, 30, wrap=True),
        Column("Status", lambda a: a.action.status.label, 13),
        Column("Position", lambda a: a.position.words, 11),
        Column("Latest update", _update_field(lambda u: u.text), 50, wrap=True),
        Column("Latest update date", _update_field(lambda u: u.on), 16),
        Column("Latest update by", _update_field(lambda u: u.author), 20),
        Column("Updates", lambda a: len(a.action.updates), 9),
        Column("Evidence needed", lambda a: a.action.evidence_needed, 30, wrap=True),
        Column("Evidence held", lambda a: len(a.action.evidence), 9),
        Column("Self-assessed progress", lambda a: judgement_words(a.concern.self_assessment), 20),
        Column("HMIP judgement", lambda a: judgement_words(a.concern.hmip_judgement), 20),
    ]
    return found


_MOST_DIGITS = 15
"""A spreadsheet keeps 15 significant digits: a longer number would lose some (and Python refuses
to read one of thousands of digits at all)."""


def _number_or_text(reference: str) -> Value:
    """An automatic Rec No as a number, which a spreadsheet sorts as one; a manual one as written."""
    if (len(reference) <= _MOST_DIGITS and reference.isascii() and reference.isdigit()
            and str(int(reference)) == reference):
        return int(reference)
    return reference


def rows(plan: Plan, options: ProgressOptions) -> tuple[list[Column], list[list[Value]]]:
    """The headings' columns and, for each action in plan order, its values."""
    found = columns(plan.details.era)
    actions = all_actions(plan_progress(plan, options))
    return found, [[_clean(column.value(action)) for column in found] for action in actions]


def _clean(value: Value) -> Value:
    if isinstance(value, str):
        # An unrecognised target is kept word for word; nothing else needs it, but it is cheap.
        value = clean_text(value)
        return value if value.strip() else None
    return value


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


# CSV ------------------------------------------------------------------------------------------


def csv_bytes(plan: Plan, options: ProgressOptions, work: Work = NO_WORK) -> bytes:
    found, values = rows(plan, options)
    work.step(0.5)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column.heading for column in found])
    for row in values:
        writer.writerow([_csv_value(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_value(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Month):
        return value.words()
    return "'" + value if looks_like_formula(value) else value


# Excel ----------------------------------------------------------------------------------------


def xlsx_bytes(plan: Plan, options: ProgressOptions, work: Work = NO_WORK) -> bytes:
    found, values = rows(plan, options)
    work.step(0.1)
    workbook = Workbook(write_only=True)
    _set_properties(workbook, plan, options.as_of)
    sheet: WriteOnlyWorksheet = workbook.create_sheet("Actions")
    _lay_out(sheet, found, len(values))
    cells = _CellMaker(sheet)
    sheet.append([cells.heading(column.heading) for column in found])
    for number, row in enumerate(values, start=1):
        sheet.append([cells.make(value, column.wrap) for column, value in zip(found, row, strict=True)])
        if number % _STEP_EVERY == 0:  # often enough for Cancel, rarely enough to cost nothing
            work.step(0.1 + 0.8 * number / len(values))
    _about_sheet(workbook, plan, options)
    buffer = io.BytesIO()
    ExcelWriter(workbook, ReproducibleZip(buffer, options.as_of)).save()
    return buffer.getvalue()


def _lay_out(sheet: WriteOnlyWorksheet, found: Sequence[Column], count: int) -> None:
    # A write-only sheet takes its columns, frozen row and filter before any row is written.
    for number, column in enumerate(found, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(found))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    sheet.print_title_rows = "1:1"


class _CellMaker:
    """Cells for one sheet, each kind styled once: setting a style on every cell took most of
    the time for a large plan, so each cell takes a copy of a styled pattern cell's style."""

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        self.sheet = sheet
        self._patterns: dict[tuple[bool, str | None, bool], WriteOnlyCell] = {}

    def heading(self, text: str) -> WriteOnlyCell:
        cell = self.text(text, wrap=False)
        cell.font = Font(bold=True)
        return cell

    def make(self, value: Value, wrap: bool) -> WriteOnlyCell:
        if isinstance(value, str):
            return self.text(value, wrap)
        if isinstance(value, Month):
            # Held as the month's last day, the day the target passes; shown as the plan says it.
            return self._styled(WriteOnlyCell(self.sheet, value.last_day), wrap, MONTH_FORMAT)
        number_format = DATE_FORMAT if isinstance(value, dt.date) else None
        return self._styled(WriteOnlyCell(self.sheet, value), wrap, number_format)

    def text(self, text: str, wrap: bool) -> WriteOnlyCell:
        if len(text) > EXCEL_CELL_LIMIT:
            text = text[:EXCEL_CELL_LIMIT - len(CUT_SHORT)] + CUT_SHORT
        cell = WriteOnlyCell(self.sheet, text)
        # Text whatever it starts with: openpyxl takes a value starting "=" as a formula.
        cell.data_type = "s"
        # With a formula's start, Excel's quote prefix keeps it text when someone edits the cell.
        return self._styled(cell, wrap, None, quote=looks_like_formula(text))

    def _styled(self, cell: WriteOnlyCell, wrap: bool, number_format: str | None, *,
                quote: bool = False) -> WriteOnlyCell:
        key = (wrap, number_format, quote)
        pattern = self._patterns.get(key)
        if pattern is None:
            pattern = WriteOnlyCell(self.sheet, None)
            pattern.alignment = Alignment(wrap_text=wrap, vertical="top")
            if number_format is not None:
                pattern.number_format = number_format
            pattern.quotePrefix = quote
            self._patterns[key] = pattern
        cell._style = copy.copy(pattern._style)
        return cell


def _about_sheet(workbook: Workbook, plan: Plan, options: ProgressOptions) -> None:
    sheet: WriteOnlyWorksheet = workbook.create_sheet("About this report")
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 70
    facts = [
        ("Establishment", plan.details.establishment.strip() or "Not set"),
        ("Positions on", format_long_date(options.as_of)),
        ("Due soon", f"Target date by {format_long_date(options.due_soon_until)} "
                     f"(within {options.due_soon_days} days)"),
        ("Actions", plan_standing(plan, options.as_of, options.due_soon_days).describe()),
        ("Made by", ORGANISATION),
    ]
    cells = _CellMaker(sheet)
    sheet.append([cells.heading("What"), cells.heading("Value")])
    for label, value in facts:
        sheet.append([cells.text(label, wrap=False), cells.text(value, wrap=True)])


def _set_properties(workbook: Workbook, plan: Plan, as_of: dt.date) -> None:
    day = dt.datetime(as_of.year, as_of.month, as_of.day)
    name = plan.details.establishment.strip()
    properties = workbook.properties
    properties.title = f"Action plan progress{': ' + name if name else ''}, {format_long_date(as_of)}"
    properties.creator = ORGANISATION
    properties.lastModifiedBy = ORGANISATION
    properties.language = "en-GB"
    properties.created = day
    properties.modified = day
