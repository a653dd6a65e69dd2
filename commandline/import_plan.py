"""``python main.py import IN.docx -o OUT.actionplan``.

Exit 0 with the import report on standard error; exit 2 with the reason on one line when the
file cannot be imported or the plan cannot be saved.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from actionplan.file_errors import PlanFileError, PlanSaveError
from actionplan.safe_writing import is_same_file
from actionplan.storage import FILE_SUFFIX, save_plan
from commandline.progress_line import progress_line
from importers.docx_import import import_docx
from importers.errors import DocxImportError

EXIT_OK = 0
EXIT_CANNOT_IMPORT = 2


def run_import(args: argparse.Namespace) -> int:
    source = Path(args.docx)
    output = Path(args.output)
    if output.suffix.lower() != FILE_SUFFIX:
        return _fail(f"The output file must end in {FILE_SUFFIX}: {output.name}")
    if is_same_file(output, source):
        return _fail("The output file would replace the Word document being imported. Choose another output "
                     "file with -o.")
    with progress_line() as work:
        work.step(0.0, f"Reading “{source.name}”")
        try:
            result = import_docx(source)
        except DocxImportError as error:
            return _fail(error.message)
        work.step(0.9, f"Saving “{output.name}”")
    try:
        save_plan(result.plan, output)
    except PlanSaveError as error:
        return _fail(error.command_line_message)  # no Save As here
    except PlanFileError as error:
        return _fail(error.message)
    print(result.report.format(), file=sys.stderr)
    print(f"Saved {output}", file=sys.stderr)
    return EXIT_OK


def _fail(message: str) -> int:
    print(f"Error: {' '.join(message.split())}", file=sys.stderr)
    return EXIT_CANNOT_IMPORT
