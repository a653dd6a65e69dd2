"""Write a progress report in the format its file name asks for: Word (.docx), Excel (.xlsx) or
CSV (.csv). The file is written whole or not at all (``exporters.files``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from actionplan.model import Plan
from actionplan.work import NO_WORK, Work
from exporters.errors import ExportError
from exporters.files import write_output
from exporters.progress_report import progress_docx_bytes
from exporters.progress_rows import ProgressOptions
from exporters.progress_sheet import csv_bytes, xlsx_bytes

REPORT_FORMATS = {".docx": "Word document", ".xlsx": "Excel workbook", ".csv": "CSV (comma-separated values)"}
"""Each format's name, without its suffix (a file dialog's filter adds the pattern)."""

_WRITERS: dict[str, Callable[[Plan, ProgressOptions, Work], bytes]] = {
    ".docx": progress_docx_bytes,
    ".xlsx": xlsx_bytes,
    ".csv": csv_bytes,
}


def progress_report_bytes(plan: Plan, suffix: str, options: ProgressOptions, work: Work = NO_WORK) -> bytes:
    writer = _WRITERS.get(suffix.lower())
    if writer is None:
        raise ExportError(f"A progress report is a .docx, .xlsx or .csv file, not “{suffix}”.")
    return writer(plan, options, work)


def export_progress_report(plan: Plan, path: Path | str, options: ProgressOptions, work: Work = NO_WORK) -> Path:
    """Write the progress report of ``plan`` to ``path``. Raises ``ExportError`` with a message.
    ``work`` hears how far it has got and can cancel it (``Cancelled``) before anything is written."""
    path = Path(path)
    if path.suffix.lower() not in _WRITERS:
        raise ExportError(f"“{path.name}” must end in .docx, .xlsx or .csv, so the format is clear.")
    work.step(0.0, f"Writing the {REPORT_FORMATS[path.suffix.lower()].split(' (')[0]}")
    data = progress_report_bytes(plan, path.suffix, options, work)
    work.step(0.95, f"Saving “{path.name}”")
    write_output(path, data)
    return path
