"""Export a plan to whichever format the file name asks for: .docx, .pdf or .odt."""

from __future__ import annotations

import tempfile
from pathlib import Path

from actionplan.model import Plan
from exporters import libreoffice
from exporters.docx_export import docx_bytes, errors_in
from exporters.errors import ExportError, PlanHasErrors
from exporters.files import write_output
from exporters.options import ExportOptions

FORMATS = {".docx": "Word document", ".pdf": "PDF", ".odt": "OpenDocument text"}


def export_plan(plan: Plan, path: Path | str, options: ExportOptions | None = None) -> Path:
    """Write ``plan`` to ``path`` in the format its suffix names. Raises ``ExportError``."""
    path = Path(path)
    options = options or ExportOptions()
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(f"“{path.name}” must end in .docx, .pdf or .odt, so the format is clear.")
    errors = errors_in(plan)
    if errors and not options.draft:
        raise PlanHasErrors(errors)
    document = docx_bytes(plan, options, error_count=len(errors))
    if suffix == ".docx":
        write_output(path, document)
        return path
    with tempfile.TemporaryDirectory(prefix="actionplan-export-") as folder:
        source = Path(folder) / (path.stem + ".docx")
        source.write_bytes(document)
        out = Path(folder) / "out"
        out.mkdir()
        converted = libreoffice.convert(source, suffix, out)
        write_output(path, converted.read_bytes())
    return path
