"""Export a plan to whichever format the file name asks for: .docx, .pdf or .odt."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from actionplan.model import Plan
from actionplan.safe_writing import is_same_file
from actionplan.validation import Finding
from actionplan.work import NO_WORK, Work
from exporters import libreoffice
from exporters.docx_export import docx_bytes, errors_in
from exporters.errors import ExportError, PlanHasErrors
from exporters.files import write_output
from exporters.options import ExportOptions
from exporters.outside_links import outside_links_note
from exporters.selfcheck import Finding as CheckFinding
from exporters.selfcheck import Report, check_docx

FORMATS = {".docx": "Word document", ".pdf": "PDF", ".odt": "OpenDocument text"}


def export_plan(plan: Plan, path: Path | str, options: ExportOptions | None = None,
                errors: list[Finding] | None = None, work: Work = NO_WORK) -> Path:
    """Write ``plan`` to ``path`` in the format its suffix names. Raises ``ExportError``.
    ``errors`` are the plan's errors when the caller has them already (``errors_in``): checking
    a 10,000-action plan again costs a second or more. ``work`` hears how far it has got and
    can cancel it (``Cancelled``), before anything is written."""
    path = Path(path)
    _export(plan, path, options or ExportOptions(), errors, work)
    return path


def export_and_check(plan: Plan, path: Path | str, options: ExportOptions | None = None,
                     errors: list[Finding] | None = None, work: Work = NO_WORK) -> tuple[Path, Report]:
    """Export like ``export_plan``, then run the accessibility self-check on the Word document
    the file was made from (a PDF or ODT is converted from it)."""
    path = Path(path)
    options = options or ExportOptions()
    document = _export(plan, path, options, errors, work)
    work.step(0.95, "Checking the document for accessibility")
    report = check_docx(io.BytesIO(document), options.layout)
    note = outside_links_note(options.template)
    if note:
        report.findings.append(CheckFinding("Template", ok=True, message=note))
    return path, report


def table_rows(plan: Plan) -> int:
    """Roughly how many rows the document's tables have: one an action, one a concern."""
    return plan.action_count + len(plan.concerns)


def _export(plan: Plan, path: Path, options: ExportOptions, errors: list[Finding] | None, work: Work) -> bytes:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(f"“{path.name}” must end in .docx, .pdf or .odt, so the format is clear.")
    if options.template is not None and is_same_file(options.template, path):
        raise ExportError(f"“{path.name}” is the template this export is built on, so the export cannot replace "
                          "it. Choose another name to export to.")
    if errors is None:
        work.step(0.05, "Checking the plan")
        errors = errors_in(plan)
    if errors and not options.draft:
        raise PlanHasErrors(errors, plan.details.era.item_noun())
    work.step(0.2, "Writing the Word document")
    document = docx_bytes(plan, options, error_count=len(errors))
    if suffix == ".docx":
        work.step(0.9, f"Saving “{path.name}”")
        write_output(path, document)
        return document
    with tempfile.TemporaryDirectory(prefix="actionplan-export-") as folder:
        # A fixed name: the export's own may be too long once ".docx" replaces ".pdf".
        source = Path(folder) / "plan.docx"
        source.write_bytes(document)
        out = Path(folder) / "out"
        out.mkdir()
        work.step(0.4, f"Making the {suffix[1:].upper()} with LibreOffice")
        converted = libreoffice.convert(source, suffix, out, timeout=libreoffice.time_limit(table_rows(plan)),
                                        work=work)
        work.step(0.9, f"Saving “{path.name}”")
        write_output(path, converted.read_bytes())
    return document
