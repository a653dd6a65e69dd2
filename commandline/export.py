"""``python main.py export PLAN -o OUT.docx|OUT.pdf|OUT.odt``: exit 0 when written, 1 when the
plan has errors (and no ``--allow-errors``), 2 when the plan or template cannot be read or the
output cannot be written. Problems are reported on one line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from actionplan.file_errors import PlanFileError
from actionplan.safe_writing import is_same_file
from actionplan.storage import load_plan
from actionplan.work import Work
from commandline.progress_line import progress_line
from exporters.docx_export import errors_in
from exporters.errors import ExportError, PlanHasErrors
from exporters.export import export_plan
from exporters.options import ExportOptions, Layout
from exporters.outside_links import outside_links_note
from exporters.selfcheck import check_docx

EXIT_OK = 0
EXIT_PLAN_HAS_ERRORS = 1
EXIT_CANNOT_READ_OR_WRITE = 2


def _say(message: str) -> None:
    print(f"Error: {' '.join(message.split())}", file=sys.stderr)


def run_export(args: argparse.Namespace) -> int:
    if is_same_file(args.plan, args.output):
        _say("The output file would replace the plan being exported. Choose another output file with -o.")
        return EXIT_CANNOT_READ_OR_WRITE
    with progress_line() as work:
        return _export(args, work)


def _export(args: argparse.Namespace, work: Work) -> int:
    work.step(0.0, "Reading the plan")
    try:
        plan = load_plan(args.plan)
    except PlanFileError as error:
        _say(error.message)
        return EXIT_CANNOT_READ_OR_WRITE
    work.step(0.05, "Checking the plan")
    errors = errors_in(plan)
    options = ExportOptions(
        layout=Layout(args.layout),
        merge_concern_cells=bool(getattr(args, "merge_concern_cells", False)),
        draft=bool(errors) and bool(args.allow_errors),
        template=Path(args.template) if getattr(args, "template", None) else None,
    )
    output = Path(args.output)
    try:
        export_plan(plan, output, options, errors, work)
    except PlanHasErrors as error:
        _say(error.message + " Fix them, or use --allow-errors to export a DRAFT.")
        return EXIT_PLAN_HAS_ERRORS
    except ExportError as error:
        _say(error.message)
        return EXIT_CANNOT_READ_OR_WRITE
    draft = " as a DRAFT" if options.draft else ""
    print(f"Exported {output}{draft}.")
    note = outside_links_note(options.template)
    if note:
        print(f"Note: {note}")
    if output.suffix.lower() == ".docx":
        work.step(0.95, "Checking the document for accessibility")
        report = check_docx(output, options.layout)
        for finding in report.problems:
            print(finding.describe())
    return EXIT_OK
