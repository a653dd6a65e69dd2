"""``python main.py report PLAN -o OUT.docx|OUT.xlsx|OUT.csv [--as-of DATE] [--due-soon-days N]``:
where every action stands on a day, from the plan as saved on disk. Exit 0 when written, 2 when
the plan cannot be read, the report cannot be written or an option is not understood; the
reason is given on one line."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from actionplan.file_errors import PlanFileError
from actionplan.safe_writing import is_same_file
from actionplan.storage import load_plan
from actionplan.target_date import DATE_EXAMPLE, format_long_date, parse_calendar_date
from actionplan.tracking import DUE_SOON_DAYS, plan_standing
from actionplan.work import Work
from commandline.progress_line import progress_line
from exporters.errors import ExportError
from exporters.progress_export import export_progress_report
from exporters.progress_rows import ProgressOptions

EXIT_OK = 0
EXIT_CANNOT_READ_OR_WRITE = 2
MAX_DUE_SOON_DAYS = 3660


def _say(message: str) -> int:
    print(f"Error: {' '.join(message.split())}", file=sys.stderr)
    return EXIT_CANNOT_READ_OR_WRITE


def as_of_date(typed: str | None, today: dt.date) -> tuple[dt.date | None, str | None]:
    """The day the report is for: what ``--as-of`` says, typed as people type dates, or today."""
    if typed is None:
        return today, None
    value, reason = parse_calendar_date(typed)
    if value is not None:
        return value, None
    shown = " ".join(typed.split())
    if not shown:
        return None, f"--as-of needs a date, like {DATE_EXAMPLE}."
    return None, f"--as-of “{shown}” is not a date. {reason}"


def due_soon_days(typed: str | None) -> tuple[int | None, str | None]:
    if typed is None:
        return DUE_SOON_DAYS, None
    text = typed.strip()
    if not (text.isascii() and text.isdigit()) or int(text) > MAX_DUE_SOON_DAYS:
        return None, (f"--due-soon-days “{' '.join(typed.split())}” is not a number of days from 0 to "
                      f"{MAX_DUE_SOON_DAYS:,}, like {DUE_SOON_DAYS}.")
    return int(text), None


def run_report(args: argparse.Namespace, today: dt.date | None = None) -> int:
    as_of, problem = as_of_date(args.as_of, today or dt.date.today())
    if as_of is None:
        return _say(problem or "")
    days, problem = due_soon_days(args.due_soon_days)
    if days is None:
        return _say(problem or "")
    if is_same_file(args.plan, args.output):
        return _say("The report would replace the plan it is made from. Choose another output file with -o.")
    with progress_line() as work:
        return _report(args, ProgressOptions(as_of=as_of, due_soon_days=days), work)


def _report(args: argparse.Namespace, options: ProgressOptions, work: Work) -> int:
    work.step(0.0, "Reading the plan")
    try:
        plan = load_plan(args.plan)
    except PlanFileError as error:
        return _say(error.message)
    output = Path(args.output)
    try:
        export_progress_report(plan, output, options, work)
    except ExportError as error:
        return _say(error.message)
    as_of, days = options.as_of, options.due_soon_days
    print(f"Wrote the progress report for {format_long_date(as_of)} to {output}.")
    print(plan_standing(plan, as_of, days).describe() + ".")
    return EXIT_OK
