"""Import a Word action plan (.docx) into a plan, with a report of what could not be placed.

``import_docx(path)`` returns the plan and an ``ImportReport``. Bad files raise one
``DocxImportError`` subclass each (see ``importers.errors``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from actionplan.model import Category, Era, Plan
from importers.errors import NoActionPlanTable
from importers.plan_builder import PlanBuilder
from importers.plan_details import DetailsReader
from importers.plan_table import (
    Column,
    ColumnMap,
    find_header,
    header_words,
    is_definitions_table,
    read_row,
    section_label,
    section_of,
)
from importers.report import TRACKED_CHANGES, ImportReport, NoteKind, shorten
from importers.safe_zip import open_docx
from importers.wordml import Block, Paragraph, Table, body_blocks, has_tracked_changes, list_style_ids


@dataclass(frozen=True)
class ImportResult:
    plan: Plan
    report: ImportReport


def import_docx(path: Path | str) -> ImportResult:
    """Read the Word action plan at ``path``."""
    path = Path(path)
    parts = open_docx(path)
    report = ImportReport(source=path.name)
    if has_tracked_changes(parts.document):
        report.add(NoteKind.WARNING, "The whole document", TRACKED_CHANGES)
    reader = _DocumentReader(report)
    for block in body_blocks(parts.document, list_style_ids(parts.styles)):
        reader.read(block)
    if reader.columns is None:
        raise NoActionPlanTable(
            path,
            f"{path.name} has no action plan table. The importer looks for a table with the columns "
            "Rec No, Concerns, Response, Responsible Owner and Target Date.",
        )
    return ImportResult(reader.finish(), report)


class _DocumentReader:
    """Walks the document's paragraphs and tables in order."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        self.details = DetailsReader(report)
        self.plan = Plan()
        self.builder = PlanBuilder(self.plan, report)
        self.columns: ColumnMap | None = None
        self.header_rows: set[tuple[str, ...]] = set()
        """The header rows found so far: only a row that repeats one is a header further on."""
        self.text_since_table = False
        self.paragraphs = 0
        self.tables = 0

    def read(self, block: Block) -> None:
        if isinstance(block, Table):
            self.tables += 1
            self._table(block)
            self.text_since_table = False
        else:
            self.text_since_table = self.text_since_table or bool(block.text.strip())
            self.paragraphs += 1
            self._paragraph(block)

    def _where_paragraph(self) -> str:
        place = "before the table" if self.columns is None else "after a table"
        return f"Paragraph {self.paragraphs} ({place})"

    def _paragraph(self, paragraph: Paragraph) -> None:
        where = self._where_paragraph()
        text = paragraph.text.strip()
        section = section_of_text(text)
        if section is not None:
            self.builder.set_section(section, where)
            return
        if self.details.read(text, where):
            return
        if _is_closing_line(text):
            return
        self.report.add(NoteKind.NOT_IMPORTED, where, "Text outside the action plan table has no place in "
                        "the plan.", text)

    def _table(self, table: Table) -> None:
        self.details.in_introduction = False
        if is_definitions_table(table):
            return  # the fixed Agreed / Partly agreed / Not agreed definitions
        # A table that runs on from the plan table has the real header row again, or none: a
        # row there that merely uses the headings' words is plan text.
        runs_on = self.columns is not None and not self.text_since_table
        header = find_header(table, self.header_rows if runs_on else None)
        first_row = 0
        if header is not None:
            self.columns, header_row = header
            self.header_rows.add(header_words(table.rows[header_row]))
            first_row = header_row + 1
            self._note_the_era()
            self._note_rows_above(table, header_row)
        elif self._continues_plan_table(table):
            self.report.add(NoteKind.GUESSED, f"Table {self.tables}", "A table with no header row, read as the "
                            "rest of the action plan table broken across pages.")
        else:
            self._not_a_plan_table(table)
            return
        columns = self.columns
        assert columns is not None
        if table.width < columns.width:
            columns = columns.right_aligned(table.width)
        for index, row in enumerate(table.rows[first_row:], start=first_row + 1):
            where = f"Table {self.tables}, row {index}"
            if row.deleted or header_words(row) in self.header_rows:
                continue  # the header row repeated on a later page
            section = section_of(row)
            if section is not None:
                self.builder.set_section(section, where)
                continue
            plan_row = read_row(row, columns, where)
            if not plan_row.is_empty:
                self.builder.add_row(plan_row)
        if Column.AGREEMENT in columns.columns:
            self.plan.details.era = Era.RECOMMENDATIONS

    def _note_the_era(self) -> None:
        assert self.columns is not None
        if Column.AGREEMENT not in self.columns.columns:
            return
        self.plan.details.era = Era.RECOMMENDATIONS
        if not self.builder.saw_section and not self.plan.concerns:
            # Until a "Main recommendations" row says otherwise, a recommendation is an ordinary
            # one: many plans of that era list them all with no section rows.
            self.builder.category = Category.KEY

    def _continues_plan_table(self, table: Table) -> bool:
        # A table broken across pages follows the last one with nothing but blank lines between,
        # and keeps at least the response, owner and date columns.
        if self.columns is None or self.text_since_table:
            return False
        return table.width == self.columns.width or 3 <= table.width < self.columns.width

    def _note_rows_above(self, table: Table, header_row: int) -> None:
        for index, row in enumerate(table.rows[:header_row], start=1):
            text = " ".join(cell.text for cell in row.cells).strip()
            if text and not self.details.read(text, f"Table {self.tables}, row {index}"):
                self.report.add(NoteKind.NOT_IMPORTED, f"Table {self.tables}, row {index}", "A row above the "
                                "table's header has no place in the plan.", text)

    def _not_a_plan_table(self, table: Table) -> None:
        text = " | ".join(cell.text for row in table.rows for cell in row.cells if cell.text)
        if text:
            self.report.add(NoteKind.NOT_IMPORTED, f"Table {self.tables}", "This table is not the action plan "
                            "table, so it was not imported.", shorten(text))

    def finish(self) -> Plan:
        self.builder.finish()
        era = self.plan.details.era
        details = self.details.finish("The introduction")
        if era is Era.RECOMMENDATIONS:
            details.era = era
        self.plan.details = details
        if self.plan.details.era is Era.CONCERNS and self.plan.concerns and not self.builder.saw_section:
            self.report.add(NoteKind.WARNING, "The action plan table", "No Priority concerns or Key concerns row "
                            "was found, so every concern was imported as a priority concern.")
        self.plan.put_in_display_order()
        self.report.concerns = len(self.plan.concerns)
        self.report.actions = self.plan.action_count
        return self.plan


def section_of_text(text: str) -> str | None:
    """``priority`` or ``key`` for a section heading between tables, in either era."""
    return section_label(text)


def _is_closing_line(text: str) -> bool:
    return text.lower() in ("end of document", "end")
