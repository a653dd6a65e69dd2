"""For the update form tests: a realistic plan with leads and earlier progress, and filling in a
sent form with openpyxl as a lead would in Excel, including what people do to spreadsheets."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from actionplan.model import Plan
from actionplan.progress import ActionStatus
from actionplan.recording import record_update, revise_target
from actionplan.storage import load_plan
from actionplan.target_date import TargetDate
from actionplan.update_forms import ACTIONS_SHEET, ID_HEADING

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample-plan.actionplan"
LEADS = ("Priya Shah, Head of Safety", "Tom Evans, Head of Residence", "Grace Okafor, Head of Security",
         "Dan Hughes, Head of Learning")
SENT_ON = dt.date(2027, 3, 1)


def realistic_plan(progress_on: dt.date = dt.date(2027, 2, 1)) -> Plan:
    """The sample plan (8 concerns, 24 actions) with leads on most actions (every fifth has
    none, so goes to its owner) and some progress already recorded on ``progress_on``."""
    plan = load_plan(SAMPLE)
    for number, (_concern, action) in enumerate(plan.all_actions()):
        if number % 5 != 4:
            action.lead = LEADS[number % len(LEADS)]
        if number % 3 == 0:
            record_update(action, progress_on, "Sam Keeper", "Work has started.", ActionStatus.IN_PROGRESS)
        if number == 6:
            revise_target(action, TargetDate.of_month(2027, 5), "Contractor delayed", progress_on, "Sam Keeper")
    return plan


@dataclass(frozen=True)
class Formatted:
    """A cell value with the number format a person gave its cell, kept with it when rows are
    sorted or columns moved."""

    value: object
    number_format: str


@dataclass
class FormSheet:
    """The actions sheet as plain lists, to change as a person would, then written back."""

    headings: list[str]
    rows: list[list[object]]

    def column(self, heading: str) -> int:
        return self.headings.index(heading)

    def index_of(self, action_id: str) -> int:
        id_column = self.column(ID_HEADING) if ID_HEADING in self.headings else 0
        return next(number for number, row in enumerate(self.rows) if row[id_column] == action_id)

    def answer(self, action_id: str, heading: str, value: object, number_format: str | None = None) -> None:
        cell = value if number_format is None else Formatted(value, number_format)
        self.rows[self.index_of(action_id)][self.column(heading)] = cell

    def sort_by(self, heading: str, reverse: bool = False) -> None:
        column = self.column(heading)
        self.rows.sort(key=lambda row: str(row[column] or ""), reverse=reverse)

    def sort_visible_only(self, heading: str, reverse: bool = False) -> None:
        """Sort as a person does who selects only the columns they can see: the hidden id
        column stays where it was."""
        id_column = self.column(ID_HEADING)
        ids = [row[id_column] for row in self.rows]
        self.sort_by(heading, reverse)
        for row, action_id in zip(self.rows, ids, strict=True):
            row[id_column] = action_id

    def move_column(self, heading: str, to: int) -> None:
        column = self.column(heading)
        self.headings.insert(to, self.headings.pop(column))
        for row in self.rows:
            row.insert(to, row.pop(column))

    def insert_column(self, at: int, heading: str, fill: object = None) -> None:
        self.headings.insert(at, heading)
        for row in self.rows:
            row.insert(at, fill)

    def rename(self, heading: str, new: str) -> None:
        self.headings[self.column(heading)] = new


def edit_form(path: Path, change: Callable[[Workbook, FormSheet], None],
              saved: dt.datetime | None = None) -> None:
    """Open the form as a lead would, let ``change`` edit it, save it (stamped as last saved at
    ``saved``, as Excel records it)."""
    workbook = load_workbook(path)
    sheet = workbook[ACTIONS_SHEET]
    values = [[Formatted(cell.value, cell.number_format) if isinstance(cell.value, dt.datetime) else cell.value
               for cell in row] for row in sheet.iter_rows()]
    form = FormSheet([str(value or "") for value in values[0]], [row for row in values[1:]])
    change(workbook, form)
    sheet.delete_rows(1, sheet.max_row)
    sheet.append(form.headings)
    for number, row in enumerate(form.rows, start=2):
        sheet.append([cell.value if isinstance(cell, Formatted) else cell for cell in row])
        for column, cell in enumerate(row, start=1):
            if isinstance(cell, Formatted):
                sheet.cell(number, column).number_format = cell.number_format
    workbook.save(path)
    if saved is not None:
        stamp_saved(path, saved)


def stamp_saved(path: Path, when: dt.datetime) -> None:
    """Set the workbook's own last-saved time (docProps/core.xml), which openpyxl always sets
    to now on saving."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    core = parts["docProps/core.xml"].decode()
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    parts["docProps/core.xml"] = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                        rf"\g<1>{stamp}\g<2>", core).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
