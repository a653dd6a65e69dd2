"""``python main.py import IN.docx -o OUT.actionplan``.

Exit 0 with the import report on standard error; exit 2 with the reason on one line when the
file cannot be imported or the plan cannot be saved.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from actionplan.storage import FILE_SUFFIX, PlanFileError, save_plan
from importers.docx_import import import_docx
from importers.errors import DocxImportError

EXIT_OK = 0
EXIT_CANNOT_IMPORT = 2


def run_import(args: argparse.Namespace) -> int:
    source = Path(args.docx)
    output = Path(args.output)
    if output.suffix.lower() != FILE_SUFFIX:
        return _fail(f"The output file must end in {FILE_SUFFIX}: {output.name}")
    if output.resolve() == source.resolve():
        return _fail("The output file would replace the Word document being imported.")
    try:
        result = import_docx(source)
    except DocxImportError as error:
        return _fail(error.message)
    try:
        save_plan(result.plan, output)
    except PlanFileError as error:
        return _fail(_without_editor_advice(error.message))
    print(result.report.format(), file=sys.stderr)
    print(f"Saved {output}", file=sys.stderr)
    return EXIT_OK


# The editor's advice after a failed save, and what to do instead on the command line.
_COMMAND_LINE_ADVICE = (
    (" Your work is still open.", ""),
    ("Close it there and save again, or use Save As to save a copy.",
     "Close it there and try again, or choose another output file with -o."),
    ("Free some space or use Save As to save somewhere else.",
     "Free some space or choose another output file with -o."),
    ("Use Save As to choose another folder.", "Choose another output file with -o."),
    ("Use Save As to save under another name.", "Choose another output file with -o."),
    ("Use Save As to save a copy.", "Choose another output file with -o."),
)


def _without_editor_advice(message: str) -> str:
    """The save message with the editor's advice (Save As, "your work is still open") turned
    into advice for the command line, which has neither."""
    for editor_words, command_line_words in _COMMAND_LINE_ADVICE:
        message = message.replace(editor_words, command_line_words)
    return message


def _fail(message: str) -> int:
    print(f"Error: {' '.join(message.split())}", file=sys.stderr)
    return EXIT_CANNOT_IMPORT
