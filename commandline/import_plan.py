"""``python main.py import IN.docx -o OUT.actionplan``.

Exit 0 with the import report on standard error; exit 2 with the reason on one line when the
file cannot be imported or the plan cannot be saved.

An existing plan is never replaced unless ``--replace`` is given, and then only when nobody
has it open, and the plan there before is kept as ``<name>.bak``. Something that is not a
file (a folder, a pipe) is never replaced.
"""

from __future__ import annotations

import argparse
import getpass
import os
import stat
import sys
from pathlib import Path

from actionplan.file_errors import PlanFileError, PlanSaveError
from actionplan.lock import PlanLock, PlanLocked
from actionplan.safe_writing import backup_path, is_same_file
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
    refusal = _cannot_replace(output, replace=bool(getattr(args, "replace", False)))
    if refusal:
        return _fail(refusal)
    with progress_line() as work:
        work.step(0.0, f"Reading “{source.name}”")
        try:
            result = import_docx(source)
        except DocxImportError as error:
            return _fail(error.message)
        work.step(0.9, f"Saving “{output.name}”")
    try:
        lock = PlanLock.acquire(output, _user())
    except PlanLocked as error:
        return _fail(f"{error.message} Nothing was saved: close it there first, or choose another output file.")
    try:
        refusal = _cannot_replace(output, replace=bool(getattr(args, "replace", False)))
        if refusal:  # made meanwhile, while the Word document was read
            return _fail(refusal)
        replacing = os.path.lexists(output)
        save_plan(result.plan, output)
    except PlanSaveError as error:
        return _fail(error.command_line_message)  # no Save As here
    except PlanFileError as error:
        return _fail(error.message)
    finally:
        lock.release()
    print(result.report.format(), file=sys.stderr)
    kept = f" (the plan there before is kept as {backup_path(output).name})" if replacing else ""
    print(f"Saved {output}{kept}", file=sys.stderr)
    return EXIT_OK


def _cannot_replace(output: Path, *, replace: bool) -> str:
    """Why ``output`` must not be written, or "" when it may be."""
    try:
        mode = output.stat().st_mode
    except FileNotFoundError:
        return ""
    except (OSError, ValueError):
        mode = None
    if mode is None or not stat.S_ISREG(mode):
        return (f"“{output.name}” is not a file that a plan can be saved over (it may be a folder). "
                "Nothing was imported. Choose another output file with -o.")
    if not replace:
        return (f"“{output.name}” already exists. Nothing was imported. To replace it, run again with "
                f"--replace: the plan there now is kept as {backup_path(output).name}.")
    return ""


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def _fail(message: str) -> int:
    print(f"Error: {' '.join(message.split())}", file=sys.stderr)
    return EXIT_CANNOT_IMPORT
