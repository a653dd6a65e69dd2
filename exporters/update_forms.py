"""Write update forms: one plain Excel workbook (.xlsx) per lead (or owner), holding just their
actions, for them to fill in on their own laptop without this editor.

Each workbook has a short instruction sheet, then one row per action with what the lead needs
to see and the five columns they fill in (``actionplan.update_forms.Answer``). The action's id
sits in a hidden first column, so rows can be sorted, filtered or moved and still find their
action; a very hidden sheet and the workbook's custom properties record the plan, the day it
was sent and to whom. No cell holds a formula: text starting with = is written as text.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties

from actionplan import APP_NAME
from actionplan.fields import new_id
from actionplan.model import Action, Plan
from actionplan.target_date import format_long_date
from actionplan.tracking import DUE_SOON_DAYS, Position, position
from actionplan.update_forms import (
    ACTIONS_SHEET,
    DETAILS_SHEET,
    ID_HEADING,
    INSTRUCTIONS_SHEET,
    STATUS_CHOICES,
    Answer,
    FormIdentity,
    FormToSend,
    SendTo,
    Shown,
    form_file_name,
    forms_to_send,
)
from actionplan.work import NO_WORK, Cancelled, Work
from exporters.errors import ExportError
from exporters.files import folder_message, write_output

MAX_CELL_CHARACTERS = 32_767
"""Excel's limit for one cell."""
LINE_POINTS = 15.0
"""One line of 11-point Calibri, Excel's default row height."""
ANSWER_LINES = 4
"""Every action row is at least this tall, leaving room to type an answer."""
MAX_ROW_POINTS = 409.0
"""Excel's tallest row."""

_WIDTHS: dict[str, float] = {
    ID_HEADING: 18, Shown.REC_NO: 8, Shown.CONCERN: 34, Shown.ACTION: 50, Shown.OWNER: 18,
    Shown.CURRENT_TARGET: 15, Shown.STATUS: 15, Shown.LATEST_UPDATE: 36, Shown.EVIDENCE_NEEDED: 26,
    Answer.NEW_STATUS: 15, Answer.PROGRESS_UPDATE: 48, Answer.EVIDENCE: 32, Answer.REVISED_TARGET: 17,
    Answer.REASON: 32,
}
HEADINGS: tuple[str, ...] = (ID_HEADING, *(shown.value for shown in Shown), *(answer.value for answer in Answer))
_ANSWER_HEADINGS = frozenset(answer.value for answer in Answer)

_TOP = Alignment(wrap_text=True, vertical="top")
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TO_READ = PatternFill("solid", fgColor="E7E6E6")
_TO_FILL_IN = PatternFill("solid", fgColor="FFF2CC")
_PLAIN = Font(name="Calibri", size=11)
_BOLD = Font(name="Calibri", size=11, bold=True)
_TITLE = Font(name="Calibri", size=14, bold=True)


@dataclass(frozen=True)
class SentForm:
    name: str
    path: Path
    actions: int


@dataclass(frozen=True)
class SentForms:
    folder: Path
    forms: list[SentForm]
    notes: list[str]

    def describe(self) -> str:
        """“8 forms saved in …, for 24 actions.”"""
        count, actions = len(self.forms), sum(form.actions for form in self.forms)
        if not count:
            return "No action matches, so no form was made."
        return (f"{count} form{'' if count == 1 else 's'} saved in “{self.folder}”, for {actions} "
                f"action{'' if actions == 1 else 's'}.")


def send_update_forms(plan: Plan, folder: Path, send_to: SendTo = SendTo.LEAD,
                      only: Iterable[Position] | None = None, sent_on: dt.date | None = None,
                      plan_file: str = "", return_to: str = "", work: Work = NO_WORK) -> SentForms:
    """Write one form per recipient into ``folder`` (made if need be), never over an existing
    file: a name already taken gets a number. Raises ``ExportError`` when a form cannot be
    written; the forms written before it stay. Raises ``Cancelled`` when ``work`` is cancelled,
    after taking away the forms this call wrote (and the folder, if it made it and it is empty)."""
    day = sent_on or dt.date.today()
    chosen = forms_to_send(plan, send_to, day, only)
    references = plan.references()
    made_folder = not folder.exists()
    _make_folder(folder)
    sent: list[SentForm] = []
    try:
        for number, form in enumerate(chosen.forms):
            work.step(number / max(1, len(chosen.forms)), f"Making the form for {form.name}")
            identity = FormIdentity(new_id(), form.name, day, send_to, plan.details.establishment, plan_file)
            path = _free_path(folder / form_file_name(form.name))
            write_output(path, update_form_bytes(form, identity, references, return_to))
            sent.append(SentForm(form.name, path, len(form.actions)))
        work.step(1.0)
    except Cancelled:
        _take_away(sent, folder if made_folder else None)
        raise
    return SentForms(folder, sent, chosen.left_out)


def _take_away(sent: list[SentForm], made_folder: Path | None) -> None:
    """Remove forms written by a cancelled send: every one is new (names are never reused)."""
    for form in sent:
        form.path.unlink(missing_ok=True)
    if made_folder is not None:
        with contextlib.suppress(OSError):  # only when empty: anything else in it is not ours
            made_folder.rmdir()


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise ExportError(f"“{folder}” is a file, not a folder. Choose a folder for the forms.") from None
    except OSError as error:
        raise ExportError(folder_message(folder / "form.xlsx", error)) from None


def _free_path(path: Path) -> Path:
    """``path``, or ``NAME (2).xlsx``… when it is taken: a form returned into the same folder
    must never be written over."""
    number = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
        number += 1
    return candidate


def update_form_bytes(form: FormToSend, identity: FormIdentity, references: dict[str, str],
                      return_to: str = "") -> bytes:
    """The workbook for one recipient, as bytes. ``references`` is ``Plan.references()``."""
    workbook = Workbook(write_only=True)
    workbook.properties.title = f"Progress update - {identity.sent_to}"
    workbook.properties.creator = APP_NAME
    _instructions(workbook, form, identity, return_to)
    _actions(workbook, form, identity.sent_on, references)
    _details(workbook, identity)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


# Sheets ---------------------------------------------------------------------------------------------


def _instructions(workbook: Workbook, form: FormToSend, identity: FormIdentity, return_to: str) -> None:
    sheet = workbook.create_sheet(INSTRUCTIONS_SHEET)
    sheet.column_dimensions["A"].width = 110
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    count = len(form.actions)
    whose = "you lead" if identity.sent_by is SendTo.LEAD else "you are the responsible owner for"
    back = f"to {return_to}" if return_to else "to the person who sent it to you"
    lines = [
        (f"Progress update for {identity.sent_to}", _TITLE),
        (f"Sent on {format_long_date(identity.sent_on)} from {identity.describe_plan()}.", None),
        (f"The sheet “{ACTIONS_SHEET}” has one row for each action {whose}: {count} "
         f"action{'' if count == 1 else 's'}. For each one, fill in the columns with a yellow heading:", None),
        (f"{Answer.NEW_STATUS}: choose {', '.join(STATUS_CHOICES[:-1])} or {STATUS_CHOICES[-1]} from the list. "
         "Leave it empty if the status has not changed.", None),
        (f"{Answer.PROGRESS_UPDATE}: what has been done since the last update, in a sentence or two.", None),
        (f"{Answer.EVIDENCE}: what shows the work is done, such as minutes, a report or a link, and where it "
         "is kept.", None),
        (f"{Answer.REVISED_TARGET}: only if the target must move. Write a month and year (June 2027) or a date "
         "(30 June 2027), with the year in full.", None),
        (f"{Answer.REASON}: why the target must move.", None),
        ("Leave a row empty if there is nothing new. You can sort and filter the rows, widen columns, and add "
         "columns or sheets of your own.", None),
        ("Please do not copy the rows into another workbook, and keep the form as an Excel Workbook (.xlsx), "
         "not .xls or .csv: it holds hidden details that say which action each row is.", None),
        (f"When you have finished, save the form and email it back {back}.", _BOLD),
    ]
    for number, (text, font) in enumerate(lines, start=1):
        cell = _cell(sheet, text)
        cell.alignment = _TOP
        if font is not None:
            cell.font = font
        size = font.size if font is not None and font.size else 11
        sheet.row_dimensions[number].height = row_height([(text, 110.0 * 11 / size)], 1) * size / 11
        sheet.append([cell])


def _actions(workbook: Workbook, form: FormToSend, as_of: dt.date, references: dict[str, str]) -> None:
    sheet = workbook.create_sheet(ACTIONS_SHEET)
    for number, heading in enumerate(HEADINGS, start=1):
        column = sheet.column_dimensions[get_column_letter(number)]
        column.width = _WIDTHS[heading]
        if heading in _ANSWER_HEADINGS:
            # The columns to fill in take what is typed as text, so Excel does not turn
            # "Mar 2027" into a date; as column styles, every cell typed into takes them.
            column.number_format = "@"
            column.alignment = _TOP
    sheet.column_dimensions["A"].hidden = True
    last_row = len(form.actions) + 1
    last_column = get_column_letter(len(HEADINGS))
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{last_column}{last_row}"
    status_column = get_column_letter(HEADINGS.index(Answer.NEW_STATUS) + 1)
    choices = DataValidation(type="list", formula1=f'"{",".join(STATUS_CHOICES)}"', allow_blank=True,
                             showErrorMessage=True, errorStyle="warning", errorTitle="New status",
                             error=f"Choose one of: {', '.join(STATUS_CHOICES)}.")
    choices.add(f"{status_column}2:{status_column}{max(last_row, 2)}")
    sheet.data_validations.append(choices)
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.row_dimensions[1].height = row_height([(heading, _WIDTHS[heading]) for heading in HEADINGS[1:]], 1)
    sheet.append([_heading(sheet, heading) for heading in HEADINGS])
    styles = _CellStyles(workbook, sheet, len(HEADINGS) - len(Answer))
    widths = [_WIDTHS[heading] for heading in HEADINGS]
    for number, (concern, action) in enumerate(form.actions, start=2):
        shown = [action.id, references.get(concern.id, ""), concern.text, action.text, action.owner,
                 _current_target(action), _status(action, as_of), _latest_update(action), action.evidence_needed]
        sheet.row_dimensions[number].height = row_height(list(zip(shown[1:], widths[1:], strict=False)), ANSWER_LINES)
        sheet.append(styles.row(shown))


def _current_target(action: Action) -> str:
    current = action.current_target()
    words = current.format() if current.is_set else "Not set"
    return f"{words} (revised)" if action.target_revisions else words


def _status(action: Action, as_of: dt.date) -> str:
    where = position(action, as_of, DUE_SOON_DAYS)
    label = action.status.label
    return f"{label} ({where.words.lower()})" if where in (Position.OVERDUE, Position.DUE_SOON) else label


def _latest_update(action: Action) -> str:
    latest = action.latest_update()
    if latest is None:
        return ""
    who = f", {latest.author}" if latest.author else ""
    text = latest.text or (f"Status set to {latest.status.label}." if latest.status else "")
    return f"{format_long_date(latest.on)}{who}: {text}"


def _details(workbook: Workbook, identity: FormIdentity) -> None:
    sheet = workbook.create_sheet(DETAILS_SHEET)
    sheet.sheet_state = "veryHidden"
    sheet.append([_cell(sheet, "About this form"), _cell(sheet, "Used to read the form back. Do not change.")])
    for key, value in identity.as_pairs():
        sheet.append([_cell(sheet, key), _cell(sheet, value)])
        if value:
            workbook.custom_doc_props.append(StringProperty(name=key, value=value))


# Cells ------------------------------------------------------------------------------------------------


def row_height(cells: list[tuple[str, float]], at_least: int) -> float:
    """Points for a row tall enough for each text wrapped in its column width (Excel's
    character units). Spreadsheet programs do not all fit rows to wrapped text by themselves.
    Reckons a little wide, so text is never cut short."""
    lines = at_least
    for text, width in cells:
        per_line = max(1.0, width * 1.05)
        needed = sum(max(1, -(-int(len(paragraph) * 1.1) // int(per_line))) for paragraph in text.split("\n"))
        lines = max(lines, needed)
    return min(MAX_ROW_POINTS, lines * LINE_POINTS + 3)



def _clean(text: str) -> str:
    clean: str = ILLEGAL_CHARACTERS_RE.sub("", text)
    return clean if len(clean) <= MAX_CELL_CHARACTERS else clean[: MAX_CELL_CHARACTERS - 1] + "…"


_FORMULA_STARTS = ("=", "+", "-", "@")


def _cell(sheet: object, text: str, style: str | None = None) -> WriteOnlyCell:
    """A text cell: never a formula, whatever it starts with."""
    clean = _clean(text)
    cell = WriteOnlyCell(sheet, clean)
    cell.data_type = "s"
    if style is not None:
        cell.style = style  # first: a named style replaces every part of the look
    if clean.startswith(_FORMULA_STARTS):
        cell.quotePrefix = True  # Excel keeps it as text even when the cell is edited
    return cell


def _heading(sheet: object, heading: str) -> WriteOnlyCell:
    cell = _cell(sheet, heading)
    cell.font = _BOLD
    cell.alignment = _TOP
    cell.border = _BOX
    cell.fill = _TO_FILL_IN if heading in _ANSWER_HEADINGS else _TO_READ
    return cell


class _CellStyles:
    """Rows of cells with wrapped text at the top of the cell.

    Styling a cell costs several look-ups, ten times the cost of writing it, so each column's
    cell is styled once and given each row's text in turn: a write-only sheet writes a row out
    as it is appended, before the next row changes the cells. Empty cells are not written.
    """

    SHOWN = "Form text"

    def __init__(self, workbook: Workbook, sheet: object, shown_columns: int) -> None:
        self.sheet = sheet
        workbook.add_named_style(NamedStyle(self.SHOWN, font=_PLAIN, alignment=_TOP))
        self.shown = [self._styled(self.SHOWN) for _ in range(shown_columns)]

    def _styled(self, style: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet, None)
        cell.style = style
        return cell

    def row(self, shown: list[str]) -> list[WriteOnlyCell | None]:
        cells: list[WriteOnlyCell | None] = []
        for cell, text in zip(self.shown, shown, strict=True):
            if not text:
                cells.append(None)
            elif text.startswith(_FORMULA_STARTS):
                cells.append(_cell(self.sheet, text, self.SHOWN))  # a style of its own: see _cell
            else:
                cell.value = _clean(text)
                cell.data_type = "s"
                cells.append(cell)
        return cells
