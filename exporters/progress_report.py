"""The progress report as a Word document: where every action stands on one day, for the plan's
keeper, the Governor's team and the board. Not the published plan, which never changes.

    progress_docx_bytes(plan, ProgressOptions(as_of=dt.date(2026, 12, 4)))

Accessible as GOV.UK asks: a Title property matching the main heading, en-GB, heading styles in
order, Arial 12pt from the template, tables whose header row repeats and whose cells are never
merged or empty, and positions always in words. The body is written as WordprocessingML text
(``wordml``) and put into the package unparsed, so a 10,000-action plan stays quick; every part
carries the report's day, so the same plan and day always give the same file.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from actionplan.model import ORGANISATION, Era, Plan
from actionplan.progress import IrpJudgement
from actionplan.target_date import TargetDate, format_long_date
from actionplan.text import clean_text
from actionplan.tracking import (
    POSITIONS_IN_ORDER,
    Position,
    Standing,
    hmip_judged,
    self_assessed,
)
from actionplan.work import NO_WORK, Work
from exporters import template_styles, wordml
from exporters.docx_export import LANGUAGE, open_template, page_of
from exporters.plan_layout import TABLE_STYLE, Page, format_date_range
from exporters.progress_rows import (
    ActionProgress,
    ConcernProgress,
    ProgressOptions,
    SectionProgress,
    all_actions,
    in_position,
    judgement_words,
    plan_progress,
)
from exporters.reproducible_zip import ReproducibleZip
from exporters.row_height import row_height
from exporters.wordml import Cell

NOT_SET = "Not set"
NOT_RECORDED = "Not recorded"
_BODY_MARKER = "<!--progress-report-body-->"
_STEP_EVERY = 50
"""Concerns written between two reports of progress."""
_SPARE_SHARE_OF_PAGE = 0.05
"""Room kept free on a page beyond a measured row (see ``plan_layout``)."""

# Shares of the text width for each table.
_STANDING_SHARES = (22, 13, 13, 13, 13, 13, 13)
_JUDGEMENT_SHARES = (40, 30, 30)
_CHASE_SHARES = (8, 33, 15, 13, 31)
_CONCERN_SHARES = (24, 12, 10, 10, 10, 25, 9)


def report_title(plan: Plan, as_of: dt.date) -> str:
    """The main heading and the Title property: "Action plan progress: HMP Stoke Heath, 4 December 2026"."""
    name = plan.details.establishment.strip()
    where = f": {name}" if name else ""
    return f"Action plan progress{where}, {format_long_date(as_of)}"


def progress_docx_bytes(plan: Plan, options: ProgressOptions, work: Work = NO_WORK) -> bytes:
    document = open_template(None)
    template_styles.ensure_styles(document)
    page = page_of(document, template_styles.bullet_num_id(document))
    _set_properties(document, plan, options.as_of)
    _leave_room_for_body(document)
    shell = io.BytesIO()
    document.save(shell)
    body = body_xml(plan, options, page, work)
    work.step(0.8, "Packing the Word document")
    return _package(shell.getvalue(), body, options.as_of)


def body_xml(plan: Plan, options: ProgressOptions, page: Page, work: Work = NO_WORK) -> str:
    return "".join(_Report(plan, options, page, work).parts())


# The package ----------------------------------------------------------------------------------


def _leave_room_for_body(document: Document) -> None:
    """Empty the template's body, leaving a marker where the report's body goes."""
    body = document.element.body
    section = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not section:
            body.remove(child)
    marker = etree.Comment(_BODY_MARKER[4:-3])
    if section is not None:
        section.addprevious(marker)
    else:
        body.append(marker)


def _package(shell: bytes, body: str, as_of: dt.date) -> bytes:
    """The template package python-docx wrote, with the body put in and every entry stamped with
    the report's day."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(shell)) as source, ReproducibleZip(out, as_of) as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                data = data.replace(_BODY_MARKER.encode(), body.encode("utf-8"), 1)
            target.writestr(name, data)
    return out.getvalue()


def _set_properties(document: Document, plan: Plan, as_of: dt.date) -> None:
    # The report's own day, not the moment it was made: the same plan and day give the same file.
    day = dt.datetime(as_of.year, as_of.month, as_of.day)
    properties = document.core_properties
    properties.title = report_title(plan, as_of)
    where = plan.details.establishment.strip() or "the establishment"
    properties.subject = f"Progress against the action plan for {where}"
    properties.author = ORGANISATION
    properties.last_modified_by = ORGANISATION
    properties.language = LANGUAGE
    properties.keywords = "HMIP, inspection, action plan, progress"
    properties.category = "Progress report"
    properties.content_status = "Final"
    properties.revision = 1
    properties.created = day
    properties.modified = day
    element = getattr(properties, "_element", None)
    if element is not None:
        for name in ("dc:description", "cp:lastPrinted", "cp:version", "dc:identifier"):
            for found in element.findall(qn(name)):
                element.remove(found)


# The body -------------------------------------------------------------------------------------


def _widths(shares: Sequence[int], text_width: int) -> list[int]:
    total = sum(shares)
    widths = [text_width * share // total for share in shares]
    widths[list(shares).index(max(shares))] += text_width - sum(widths)
    return widths


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"


class _Report:
    def __init__(self, plan: Plan, options: ProgressOptions, page: Page, work: Work = NO_WORK) -> None:
        self.plan = plan
        self.work = work
        self.options = options
        self.page = page
        self.era = plan.details.era
        self.noun = self.era.item_noun()
        self.numbering = wordml.bullet_numbering(page.bullet_num_id)
        self.sections = plan_progress(plan, options)
        self.actions = all_actions(self.sections)
        self._concern_count = max(1, sum(len(section.concerns) for section in self.sections))
        self._concerns_done = 0
        header = page.metrics.line_height * 2 + page.metrics.cell_margin_height + page.metrics.paragraph_spacing
        self._room_for_a_row = page.text_height * (1 - _SPARE_SHARE_OF_PAGE) - header

    def parts(self) -> Iterator[str]:
        yield from self.opening()
        yield from self.where_actions_stand()
        yield from self.review_of_progress()
        yield from self.to_chase(Position.OVERDUE)
        yield from self.to_chase(Position.DUE_SOON)
        for section in self.sections:
            yield from self.section(section)

    # Opening and summary

    def opening(self) -> Iterator[str]:
        as_of = format_long_date(self.options.as_of)
        yield wordml.paragraph(runs=wordml.run(ORGANISATION, bold=True, size_half_points=28))
        yield wordml.paragraph(report_title(self.plan, self.options.as_of), style="Heading1")
        yield wordml.paragraph(
            f"This report shows where each action in the action plan stands on {as_of}. It is worked out "
            "from each action's status and latest target date. It is not the published action plan.")
        yield wordml.paragraph(
            f"An action is overdue when its latest target date has passed and it is not complete. It is due "
            f"soon when its latest target date falls in the next {_count(self.options.due_soon_days, 'day')}, "
            f"by {format_long_date(self.options.due_soon_until)}. A target of a month runs to the month's end.")
        details = self.plan.details
        if details.inspection_start or details.inspection_end:
            yield wordml.paragraph(
                f"Inspection: {format_date_range(details.inspection_start, details.inspection_end)}.")
        if details.submitted:
            yield wordml.paragraph(f"Action plan submitted: {format_long_date(details.submitted)}.")

    def where_actions_stand(self) -> Iterator[str]:
        yield wordml.paragraph("Where actions stand", style="Heading2")
        total = self._standing(self.actions)
        yield wordml.paragraph(_sentence(total.describe()), keep_next=True)
        headings = ("Actions", *(where.words for where in POSITIONS_IN_ORDER), "Total")
        widths = _widths(_STANDING_SHARES, self.page.text_width)
        rows = [self._header(headings, widths)]
        for section in self.sections:
            rows.append(self._standing_row(f"In {section.heading.lower()}", self._standing(section.actions()), widths))
        rows.append(self._standing_row("All actions", total, widths))
        yield self._table(rows, widths, "Where actions stand",
                          "The number of actions in each position, for each section and for the whole plan.")

    @staticmethod
    def _standing(actions: list[ActionProgress]) -> Standing:
        return Standing(Counter(action.position for action in actions))

    def _standing_row(self, label: str, counts: Standing, widths: list[int]) -> str:
        figures = [f"{counts[where]:,}" for where in POSITIONS_IN_ORDER] + [f"{counts.total:,}"]
        return wordml.row_xml([_cell(label), *(_cell(figure) for figure in figures)], widths)

    def review_of_progress(self) -> Iterator[str]:
        concerns = [concern.concern for section in self.sections for concern in section.concerns]
        plural = self.era.item_noun(plural=True)
        yield wordml.paragraph("Independent Review of Progress (IRP)", style="Heading2")
        yield wordml.paragraph(
            f"About 8 to 12 months after the inspection, HM Inspectorate of Prisons (HMIP) reviews progress on "
            f"some of the {plural}. It judges each on a four-point scale.")
        own = self_assessed(concerns)
        if own.judged:
            line = own.describe("Self-assessed", self.noun)
            left = len(concerns) - own.judged
            extra = f" ({_count(left, self.noun)} not yet assessed)" if left else ""
            yield wordml.paragraph(f"{line}{extra}.")
        else:
            yield wordml.paragraph(f"Self-assessed: no {self.noun} has been assessed yet.")
        theirs = hmip_judged(concerns)
        if theirs.judged:
            yield wordml.paragraph(_sentence(theirs.describe("HMIP", self.noun)), keep_next=True)
        else:
            yield wordml.paragraph("HMIP: no judgements recorded yet.", keep_next=True)
        widths = _widths(_JUDGEMENT_SHARES, self.page.text_width)
        rows = [self._header(("Judgement", "Self-assessed", "HMIP"), widths)]
        for judgement in (*reversed(IrpJudgement), None):
            own_count = sum(1 for concern in concerns if concern.self_assessment == judgement)
            their_count = sum(1 for concern in concerns if concern.hmip_judgement == judgement)
            label = judgement.label if judgement is not None else "Not judged"
            rows.append(wordml.row_xml([_cell(label), _cell(_count(own_count, self.noun)),
                                        _cell(_count(their_count, self.noun))], widths))
        yield self._table(rows, widths, "Progress judgements",
                          f"How many {plural} the establishment and HMIP judged at each level of progress.")

    # Actions to chase

    def to_chase(self, where: Position) -> Iterator[str]:
        found = in_position(self.sections, where)
        overdue = where is Position.OVERDUE
        yield wordml.paragraph("Overdue actions" if overdue else "Actions due soon", style="Heading2")
        if not found:
            yield wordml.paragraph("No action is overdue." if overdue else
                                   f"No action is due by {format_long_date(self.options.due_soon_until)}.")
            return
        count = _count(len(found), "action")
        verb = "is" if len(found) == 1 else "are"
        order = "" if len(found) == 1 else ", the longest overdue first" if overdue else ", the soonest first"
        due = "overdue" if overdue else f"due by {format_long_date(self.options.due_soon_until)}"
        yield wordml.paragraph(f"{count} {verb} {due}{order}.", keep_next=True)
        widths = _widths(_CHASE_SHARES, self.page.text_width)
        rows = [self._header(("Rec No", "Action", "Lead (or owner)", "Target date", "Latest update"), widths)]
        for action in found:
            cells = [
                (_cell(action.rec_no), action.rec_no),
                self._action_text(action),
                self._lead(action),
                self._target(action),
                self._latest_update(action),
            ]
            rows.append(self._row(cells, widths))
        caption = "Overdue actions" if overdue else "Actions due soon"
        yield self._table(rows, widths, caption,
                          f"{caption}: each with its Rec No, who leads it, its latest target date and latest update.")

    # Each concern

    def section(self, section: SectionProgress) -> Iterator[str]:
        yield wordml.paragraph(section.heading, style="Heading2")
        counts = self._standing(section.actions())
        yield wordml.paragraph(_sentence(f"{section.heading}: {counts.describe()}"), keep_next=True)
        for concern in section.concerns:
            yield from self.concern(concern)
            self._done_one()

    def _done_one(self) -> None:
        # Heard every few concerns: often enough for Cancel, rarely enough to cost nothing.
        self._concerns_done += 1
        if self._concerns_done % _STEP_EVERY == 0:
            self.work.step(0.1 + 0.7 * self._concerns_done / self._concern_count)

    def concern(self, concern: ConcernProgress) -> Iterator[str]:
        yield wordml.paragraph(concern.heading, style="Heading3")
        # The heading, the concern and its summary stay with the first row of its table.
        text = concern.concern.text
        yield _kept_paragraphs(text, self.numbering) if text.strip() else wordml.paragraph(
            f"The {self.noun} text is not set.", keep_next=True)
        judgements = (f"Self-assessed progress: {judgement_words(concern.concern.self_assessment)}. "
                      f"HMIP judgement: {judgement_words(concern.concern.hmip_judgement)}.")
        if self.era is Era.RECOMMENDATIONS:
            agreement = concern.concern.agreement
            judgements = f"Agreement: {agreement.label if agreement else NOT_SET}. {judgements}"
        yield wordml.paragraph(judgements, keep_next=bool(concern.actions))
        if not concern.actions:
            yield wordml.paragraph("No actions yet.")
            return
        yield wordml.paragraph(_sentence(self._standing(concern.actions).describe()), keep_next=True)
        widths = _widths(_CONCERN_SHARES, self.page.text_width)
        headings = ("Action", "Lead (or owner)", "Target date", "Status", "Position", "Latest update", "Evidence")
        rows = [self._header(headings, widths)]
        for action in concern.actions:
            status = action.action.status.label
            cells = [
                self._action_text(action),
                self._lead(action),
                self._target(action),
                (_cell(status), status),
                (_cell(action.position.words), action.position.words),
                self._latest_update(action),
                self._evidence(action),
            ]
            rows.append(self._row(cells, widths))
        heading = concern.heading
        yield self._table(rows, widths, f"Actions for {heading[0].lower()}{heading[1:]}",
                          f"Each action for {heading[0].lower()}{heading[1:]} with who leads it, its latest target "
                          "date, status, position, latest update and the evidence held.")

    # Cells: each with the text it holds, for measuring its row

    def _action_text(self, action: ActionProgress) -> tuple[Cell, str]:
        text = action.action.text
        if not text.strip():
            return _cell(NOT_SET), NOT_SET
        return Cell(wordml.text_paragraphs(text, self.numbering)), text

    @staticmethod
    def _lead(action: ActionProgress) -> tuple[Cell, str]:
        who, is_lead = action.lead_or_owner
        if not who:
            return _cell(NOT_SET), NOT_SET
        if is_lead:
            return _cell(who), who
        lines = [who, "(owner; no lead named)"]
        return _cells(lines), "\n".join(lines)

    @staticmethod
    def _target(action: ActionProgress) -> tuple[Cell, str]:
        lines = [_target_words(action.target)]
        if action.revised:
            lines.append(f"Originally {_target_words(action.original_target)}")
        return _cells(lines), "\n".join(lines)

    def _latest_update(self, action: ActionProgress) -> tuple[Cell, str]:
        update = action.latest_update
        if update is None:
            return _cell(NOT_RECORDED), NOT_RECORDED
        when = format_long_date(update.on) + (f", {update.author}" if update.author.strip() else "")
        heading = wordml.paragraph(runs=wordml.run(when, bold=True))
        if not update.text.strip():
            return Cell(heading + wordml.paragraph("No text given.")), f"{when}\nNo text given."
        return Cell(heading + wordml.text_paragraphs(update.text, self.numbering)), f"{when}\n{update.text}"

    @staticmethod
    def _evidence(action: ActionProgress) -> tuple[Cell, str]:
        held = len(action.action.evidence)
        return _cell("None" if held == 0 else _count(held, "item")), "None"

    # Rows and tables

    def _header(self, headings: Sequence[str], widths: list[int]) -> str:
        cells = [Cell(wordml.paragraph(runs=wordml.run(heading, bold=True))) for heading in headings]
        return wordml.row_xml(cells, widths, header=True)

    def _row(self, cells: Sequence[tuple[Cell, str]], widths: list[int]) -> str:
        # A row kept whole that is taller than a page is cut off at its foot, so only a row that
        # surely fits is kept whole (see ``row_height``).
        fits = row_height([text for _, text in cells], widths, self.page.metrics) <= self._room_for_a_row
        return wordml.row_xml([cell for cell, _ in cells], widths, cant_split=fits)

    @staticmethod
    def _table(rows: list[str], widths: list[int], caption: str, description: str) -> str:
        return wordml.table_xml(rows, widths, style=TABLE_STYLE, caption=caption, description=description) + "<w:p/>"


def _cell(text: str) -> Cell:
    return Cell(wordml.paragraph(text))


def _cells(lines: Sequence[str]) -> Cell:
    return Cell("".join(wordml.paragraph(line) for line in lines))


def _kept_paragraphs(text: str, numbering: str) -> str:
    """``text`` as paragraphs (``- item`` lines as bullets), each kept with the next."""
    parts = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if wordml.is_bullet(line):
            parts.append(f'<w:p><w:pPr><w:pStyle w:val="{wordml.BULLET_STYLE}"/><w:keepNext/>{numbering}</w:pPr>'
                         f"{wordml.run(wordml.bullet_text(line))}</w:p>")
        else:
            parts.append(wordml.paragraph(line, keep_next=True))
    return "".join(parts)


def _target_words(target: TargetDate) -> str:
    # An unrecognised target is kept word for word, so it has not been through clean-up.
    words = clean_text(target.format()).strip()
    return " ".join(words.split()) if words else NOT_SET


def _sentence(text: str) -> str:
    return text if text.endswith(".") else text + "."
