"""Read a returned update form (.xlsx) into a ``ReturnedForm``: who and which plan it was sent
for, and what each row answered. What the answers would change is
``actionplan.returned_forms``'s to work out.

Forms come back having been through other people's Excel, so nothing is taken on trust:
- the file is checked before it is parsed (``importers.workbook_checks``);
- openpyxl finds the sheet, its headings and the form's own details, and the answers' rows are
  read straight from the sheet's XML (``importers.sheet_rows``), which is many times quicker;
- the sheet and its columns are found by their headings, matched loosely, so sorted, filtered,
  moved, widened, slightly renamed or added columns and sheets do not matter;
- a cell starting with = is read as the text typed, never worked out as a formula;
- dates Excel stored as dates are kept as dates, shown with or without a day as in the cell.

``read_returned_form`` never raises: a file that cannot be read comes back with ``problem``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from actionplan.clock import plausible_moment
from actionplan.form_answers import AnsweredRow, CellAnswer, ReturnedForm, TypedDate
from actionplan.update_forms import ACTIONS_SHEET, DETAILS_SHEET, ID_HEADING, Answer, FormIdentity, Shown
from importers import sheet_rows
from importers.workbook_checks import UnusableWorkbook, check_workbook

MAX_COLUMNS = 80
"""Headings are looked for this far across; a form has 14 columns."""
HEADING_ROWS = 30
"""Headings are looked for this far down, in case rows were added above them."""
MAX_ROWS = 60_000
"""The most rows read from one form: six times the largest plan we have seen."""
CHECKED = (Shown.REC_NO, Shown.ACTION, Shown.STATUS, Shown.CURRENT_TARGET)
"""Columns shown for people to read that are read back too, only to check each row against its
action and to notice answers typed in the wrong column."""
MAX_ANSWER_CHARACTERS = 32_767
"""Excel's own limit for one cell."""
MATCH_THRESHOLD = 0.82
SURE_HEADINGS = 6
"""A row with this many headings is the heading row: no row of answers looks like that."""
MAX_HEADING_CHARACTERS = 60
"""Longer text in a cell is an answer or an action, not a heading."""

_ID_KEY = "id"
_HEADINGS: dict[str, tuple[str, ...]] = {
    _ID_KEY: (ID_HEADING, "action id", "id"),
    **{shown.name: (shown.value,) for shown in Shown},
    Answer.NEW_STATUS.name: (Answer.NEW_STATUS.value, "updated status", "status now"),
    Answer.PROGRESS_UPDATE.name: (Answer.PROGRESS_UPDATE.value, "update", "progress", "update on progress"),
    Answer.EVIDENCE.name: (Answer.EVIDENCE.value, "evidence provided", "evidence held"),
    Answer.REVISED_TARGET.name: (Answer.REVISED_TARGET.value, "new target date", "new target", "revised date",
                                 "new date"),
    Answer.REASON.name: (Answer.REASON.value, "reason", "reason for change", "why"),
}
_STOP_WORDS = frozenset({"the", "a", "an", "of", "for", "on", "to", "your", "please", "here", "optional", "if", "any",
                         "do", "not", "change"})
_ACTION_ID = re.compile(r"^[0-9a-f]{16}$")


def read_returned_form(path: Path) -> ReturnedForm:
    """The form at ``path``, or a ``ReturnedForm`` whose ``problem`` says why it cannot be read."""
    name = path.name
    try:
        check_workbook(path)
        return _read(path)
    except UnusableWorkbook as error:
        return ReturnedForm.unreadable(name, error.message)
    except MemoryError:
        return ReturnedForm.unreadable(name, f"“{name}” is too large to read.")
    except Exception:  # noqa: BLE001 - openpyxl can raise anything on a damaged or hostile workbook
        # No error names here: "XMLSyntaxError" tells a person nothing they can act on.
        return ReturnedForm.unreadable(name, f"“{name}” could not be read: it looks like an Excel workbook but is "
                                             "damaged, or was made by a program other than Excel. Ask for it to be "
                                             "saved in Excel and sent again.")


def _read(path: Path) -> ReturnedForm:
    with path.open("rb") as stream, warnings.catch_warnings(), zipfile.ZipFile(path) as archive:
        # openpyxl warns about parts of Excel's files it does not keep; none matter here.
        warnings.simplefilter("ignore")
        workbook = load_workbook(stream, read_only=True, data_only=False, keep_links=False)
        try:
            return _read_workbook(path.name, workbook, archive)
        finally:
            workbook.close()


def _read_workbook(name: str, workbook: Workbook, archive: zipfile.ZipFile) -> ReturnedForm:
    identity = _identity(workbook)
    modified = workbook.properties.modified
    # A time the workbook could not really have been saved at is no time at all.
    saved_at = modified if isinstance(modified, dt.datetime) and plausible_moment(modified) is not None else None
    found = _find_headings(workbook)
    if found is None:
        return ReturnedForm(name, identity, saved_at=saved_at, problem=(
            f"“{name}” has no sheet with the form’s columns (such as “{ID_HEADING}” and “{Answer.PROGRESS_UPDATE}”), "
            "so nothing could be read from it. It may not be an update form, or the columns were deleted."))
    rows, notes = _read_rows(found, archive)
    return ReturnedForm(name, identity, tuple(rows), saved_at, notes=tuple(found.notes() + notes))


# The form's own details ---------------------------------------------------------------------------


def _identity(workbook: Workbook) -> FormIdentity | None:
    for sheet in workbook.worksheets:
        if sheet.title.strip().casefold() == DETAILS_SHEET.casefold():
            pairs = {_text(key): _text(value)
                     for key, value in sheet.iter_rows(max_row=50, max_col=2, values_only=True) if key}
            found = FormIdentity.from_pairs(pairs)
            if found is not None:
                return found
    # The sheet was deleted, or the form rebuilt: the workbook's properties keep a copy.
    return FormIdentity.from_pairs({prop.name: _text(prop.value) for prop in workbook.custom_doc_props.props})


# Finding the sheet and its columns ----------------------------------------------------------------


@dataclass
class _Headings:
    sheet: Any
    row: int
    columns: dict[str, int]
    """Zero-based column of each heading found, by key (``id``, or a ``Shown``/``Answer`` name)."""

    def notes(self) -> list[str]:
        missing = [answer.value for answer in Answer if answer.name not in self.columns]
        if not missing:
            return []
        names = ", ".join(f"“{heading}”" for heading in missing)
        return [f"The column{'s' if len(missing) > 1 else ''} {names} {'were' if len(missing) > 1 else 'was'} not "
                "found in this form, so nothing was read from "
                f"{'them' if len(missing) > 1 else 'it'}."]


def _find_headings(workbook: Workbook) -> _Headings | None:
    best: tuple[tuple[int, int, int], _Headings] | None = None
    for sheet in workbook.worksheets:
        if sheet.title.strip().casefold() == DETAILS_SHEET.casefold():
            continue
        sheet.reset_dimensions()  # a sheet may claim a million rows it does not have
        found = _headings_in(sheet)
        if found is None:
            continue
        answers = sum(1 for answer in Answer if answer.name in found.columns)
        rank = (int(_ID_KEY in found.columns), answers, int(sheet.title.strip() == ACTIONS_SHEET))
        if best is None or rank > best[0]:
            best = (rank, found)
    return best[1] if best is not None else None


def _headings_in(sheet: Any) -> _Headings | None:
    best: _Headings | None = None
    for number, values in enumerate(sheet.iter_rows(max_row=HEADING_ROWS, max_col=MAX_COLUMNS, values_only=True),
                                    start=1):
        columns = match_headings([_text(value) for value in values])
        answers = [key for key in columns if key in Answer.__members__]
        if not answers or len(columns) < 3:
            continue
        if best is None or len(columns) > len(best.columns):
            best = _Headings(sheet, number, columns)
        if len(columns) >= SURE_HEADINGS:
            break
    if best is not None and _ID_KEY not in best.columns:
        column = _column_of_ids(best)
        if column is not None:
            best.columns[_ID_KEY] = column
    return best if best is not None and _ID_KEY in best.columns else None


def match_headings(cells: Sequence[str]) -> dict[str, int]:
    """Which column holds which heading, by key: each heading goes to the column most like it,
    best matches first, so "Status" and "New status" each find their own."""
    scored = []
    for column, cell in enumerate(cells):
        if not cell.strip() or len(cell) > MAX_HEADING_CHARACTERS:
            continue
        exact = _EXACT.get(_words(cell))
        if exact is not None:  # as written: no other heading can be more like it
            scored.append((1.0, -column, exact, column))
            continue
        for key, names in _HEADINGS.items():
            score = max(_likeness(cell, name) for name in names)
            if score >= MATCH_THRESHOLD:
                scored.append((score, -column, key, column))
    scored.sort(reverse=True)
    found: dict[str, int] = {}
    for _score, _order, key, column in scored:
        if key not in found and column not in found.values():
            found[key] = column
    return found


def _likeness(typed: str, heading: str) -> float:
    typed_words, heading_words = _words(typed), _words(heading)
    if not typed_words or not heading_words:
        return 0.0
    if typed_words == heading_words:
        return 1.0
    shared = len(set(typed_words) & set(heading_words)) / len(set(typed_words) | set(heading_words))
    if shared >= MATCH_THRESHOLD:
        return shared
    matcher = SequenceMatcher(None, " ".join(typed_words), " ".join(heading_words))
    return max(shared, matcher.ratio() if matcher.real_quick_ratio() >= MATCH_THRESHOLD else 0.0)


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    words = re.findall(r"[a-z0-9]+", text.casefold())
    return tuple(word[:-1] if len(word) > 3 and word.endswith("s") else word
                 for word in words if word not in _STOP_WORDS)


_EXACT = {_words(names[0]): key for key, names in _HEADINGS.items()}


def _column_of_ids(found: _Headings) -> int | None:
    """The column holding action ids when its heading was renamed past recognising."""
    counts: dict[int, list[int]] = {}
    for values in found.sheet.iter_rows(min_row=found.row + 1, max_row=found.row + 200, max_col=MAX_COLUMNS,
                                        values_only=True):
        for column, value in enumerate(values):
            text = _text(value).strip()
            if text:
                tally = counts.setdefault(column, [0, 0])
                tally[0] += 1
                tally[1] += bool(_ACTION_ID.match(text))
    likely = [column for column, (filled, ids) in counts.items() if filled and ids >= 0.8 * filled
              and column not in found.columns.values()]
    return likely[0] if likely else None


# Rows ---------------------------------------------------------------------------------------------


def _read_rows(found: _Headings, archive: zipfile.ZipFile) -> tuple[list[AnsweredRow], list[str]]:
    """The rows below the headings that name an action or hold an answer."""
    book = sheet_rows.read_workbook(archive)
    part = book.sheets.get(found.sheet.title)
    id_column = found.columns[_ID_KEY] + 1
    answer_columns = {answer: found.columns[answer.name] + 1 for answer in Answer if answer.name in found.columns}
    shown_columns = {shown: found.columns[shown.name] + 1 for shown in CHECKED if shown.name in found.columns}
    wanted = {id_column, *answer_columns.values(), *shown_columns.values()}
    last = found.row + MAX_ROWS
    if part is not None:
        cells: Iterator[tuple[int, dict[int, Any]]] = sheet_rows.iter_rows(archive, part, book, wanted,
                                                                           found.row + 1)
    else:  # a package laid out in a way only openpyxl follows
        cells = _rows_by_openpyxl(found, wanted, last + 1)
    rows: list[AnsweredRow] = []
    notes: list[str] = []
    cut = False
    for number, values in cells:
        if number > last:
            notes.append(f"The form has more than {MAX_ROWS:,} rows; only the first {MAX_ROWS:,} were read.")
            break
        written = _answer_of(values.get(id_column))
        action_id = written.strip() if isinstance(written, str) else ""
        if action_id == ID_HEADING:
            continue  # the headings pasted again lower down
        answers: dict[Answer, CellAnswer] = {}
        for answer, column in answer_columns.items():
            value = _answer_of(values.get(column))
            if isinstance(value, str) and len(value) > MAX_ANSWER_CHARACTERS:
                value, cut = value[:MAX_ANSWER_CHARACTERS], True
            if value != "":
                answers[answer] = value
        if action_id or answers:
            shown = {item: _as_words(values.get(column)) for item, column in shown_columns.items()}
            rows.append(AnsweredRow(number, action_id, answers, {item: words for item, words in shown.items() if words}))
    if cut:
        notes.append(f"Some answers were longer than Excel allows ({MAX_ANSWER_CHARACTERS:,} characters) and were cut.")
    return rows, notes


def _rows_by_openpyxl(found: _Headings, wanted: set[int], last: int) -> Iterator[tuple[int, dict[int, Any]]]:
    for number, cells in enumerate(found.sheet.iter_rows(min_row=found.row + 1, max_row=last,
                                                         max_col=max(wanted)), start=found.row + 1):
        values = {column: _answer(cells[column - 1]) for column in wanted if column - 1 < len(cells)
                  and cells[column - 1].value is not None}
        if values:
            yield number, values


def _as_words(value: object) -> str:
    answer = _answer_of(value)
    return answer.words() if isinstance(answer, TypedDate) else answer.strip()[:MAX_ANSWER_CHARACTERS]


def _answer_of(value: object) -> CellAnswer:
    """A cell's answer, from either reader: text, or a date with whether it shows a day."""
    if isinstance(value, sheet_rows.DateCell):
        return TypedDate(value.value.date(), month_only=not _shows_day(value.number_format))
    if isinstance(value, TypedDate):
        return value
    return _text(value)


def _answer(cell: Any) -> CellAnswer:
    value = cell.value
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        return TypedDate(day, month_only=not _shows_day(getattr(cell, "number_format", "") or ""))
    return _text(value)


def _shows_day(number_format: str) -> bool:
    """True when a date cell's number format shows the day ("d mmmm yyyy"), false for "mmm-yy"."""
    bare = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", number_format.lower())
    return "d" in bare or bare in ("", "general")


def _text(value: object) -> str:
    """A cell's value as the text a person sees or typed. A formula is its own text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time | int | float):
        return value.isoformat() if isinstance(value, dt.date | dt.time) else str(value)
    text = getattr(value, "text", None)  # array and data-table formulas
    return text if isinstance(text, str) else str(value)
