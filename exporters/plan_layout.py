"""The body of an exported plan, in the template's order, as WordprocessingML text.

Front matter (organisation, heading, dates, introduction, establishment), then the action
table: one table per section in the accessible layout, or one table like the published plans
in the classic layout.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from actionplan.model import ORGANISATION, Action, Agreement, Category, Concern, Era, Plan
from actionplan.target_date import format_long_date
from actionplan.text import clean_text
from exporters import wordml
from exporters.options import ExportOptions, Layout
from exporters.row_height import TextMetrics, row_height
from exporters.wordml import Cell

TABLE_STYLE = "ActionPlanTable"
NOT_SET = "Not set"
NO_ACTIONS = "No actions yet"
"""In the response cell of a concern with no actions, where an action with no text says Not set."""

CONCERN_HEADINGS = (
    "1. Rec No", "2. Concerns", "3. Response Action Taken/Planned", "4. Responsible Owner", "5. Target Date",
)
RECOMMENDATION_HEADINGS = (
    "1. Rec No", "2. Recommendation", "3. Agreed/Partly Agreed/Not Agreed",
    "4. Response Action Taken/Planned", "5. Responsible Owner", "6. Target Date",
)
# Shares of the text width: a narrow Rec No, a wide response.
CONCERN_SHARES = (7, 22, 42, 14, 15)
RECOMMENDATION_SHARES = (7, 20, 14, 30, 14, 15)

# The recommendations era's Term | Definition table. The terms are the words the agreement
# column shows; the definitions follow HMPPS's template of that era (see DOMAIN.md: SMART is
# "Specific, Measurable, Achievable, Realistic and Time-bound", and actions "should be specific
# enough to be tracked for progress").
DEFINITIONS = (
    (Agreement.AGREED.label,
     "All of the recommendation is agreed with, can be achieved and is affordable. The response "
     "should clearly explain how the recommendation will be achieved, with timescales. Actions "
     "should be as SMART (Specific, Measurable, Achievable, Realistic and Time-bound) as possible. "
     "Actions should be specific enough to be tracked for progress."),
    (Agreement.PARTLY_AGREED.label,
     "Only part of the recommendation is agreed with, is achievable, affordable and will be "
     "implemented. This might be because of commissioning, policy, operational or affordability "
     "reasons. The response must state clearly which part of the recommendation will be "
     "implemented, with SMART actions that can be tracked for progress, and why the rest will not."),
    (Agreement.NOT_AGREED.label,
     "The recommendation is not agreed and will not be implemented. This might be because of "
     "commissioning, policy, operational or affordability reasons. The response must state "
     "clearly why the recommendation is not agreed."),
)

# Room kept free on each page beyond the measured rows, for a page header that runs into the
# text area and for the difference between one word processor's layout and another's.
_SPARE_SHARE_OF_PAGE = 0.05


@dataclass(frozen=True)
class Page:
    """The text area of the page, from the template's section properties, in twips."""

    text_width: int
    text_height: int
    bullet_num_id: str | None = None
    """The numbering of the template's List Bullet style."""
    metrics: TextMetrics = TextMetrics()
    """The type a table cell is set in, for measuring rows."""


def body_xml(plan: Plan, options: ExportOptions, page: Page) -> str:
    numbering = wordml.bullet_numbering(page.bullet_num_id)
    parts = list(front_matter(plan, numbering))
    if plan.details.era is Era.RECOMMENDATIONS:
        parts.append(definitions_table(page, numbering))
    parts.append(wordml.paragraph(runs=wordml.run("Action plan", caps=True), style="Heading2"))
    parts.append(wordml.paragraph(runs=wordml.run("ESTABLISHMENT: ", bold=True)
                                  + wordml.run(plan.details.establishment)))
    table = ActionTable(plan, page, numbering)
    if options.layout is Layout.ACCESSIBLE:
        parts.extend(table.accessible())
    else:
        parts.append(table.classic(merge=options.merge_concern_cells))
    return "".join(parts)


# Front matter --------------------------------------------------------------------------------


def front_matter(plan: Plan, numbering: str = "") -> Iterator[str]:
    details = plan.details
    yield wordml.paragraph(runs=wordml.run(ORGANISATION, bold=True, size_half_points=28))
    yield wordml.paragraph(plan.title(), style="Heading1")
    yield wordml.paragraph(f"Action Plan Submitted: {_date_or_not_set(details.submitted)}")
    inspection = format_date_range(details.inspection_start, details.inspection_end)
    yield wordml.paragraph(f"A response to the HMIP Inspection: {inspection}")
    yield wordml.paragraph(f"Report published: {_date_or_not_set(details.published)}")
    # Shown in capitals as in the template, but stored in sentence case so screen readers say
    # the word rather than spelling it out.
    yield wordml.paragraph(runs=wordml.run("Introduction", caps=True), style="Heading2")
    yield wordml.text_paragraphs(details.introduction, numbering)


def _date_or_not_set(value: dt.date | None) -> str:
    return format_long_date(value) if value else NOT_SET.lower()


def format_date_range(start: dt.date | None, end: dt.date | None) -> str:
    """GOV.UK style: ``23 February to 5 March 2026``, ``2 to 6 March 2020``."""
    if start is None and end is None:
        return NOT_SET.lower()
    if start is None or end is None or start == end:
        return format_long_date(start or end)  # type: ignore[arg-type]
    last = format_long_date(end)
    if start.year != end.year:
        return f"{format_long_date(start)} to {last}"
    if start.month != end.month:
        return f"{start.day} {start.strftime('%B')} to {last}"
    return f"{start.day} to {last}"


def definitions_table(page: Page, numbering: str = "") -> str:
    widths = _widths((20, 80), page.text_width)
    heading = [Cell(wordml.paragraph(runs=wordml.run(name, bold=True))) for name in ("Term", "Definition")]
    rows = [wordml.row_xml(heading, widths, header=True)]
    rows += [wordml.row_xml([_text_cell(term, numbering), _text_cell(meaning, numbering)], widths)
             for term, meaning in DEFINITIONS]
    return wordml.table_xml(rows, widths, style=TABLE_STYLE, caption="What the agreement terms mean",
                            description="Each term used in the agreement column, and its definition.")


# The action table ----------------------------------------------------------------------------


def _text_cell(text: str, numbering: str = "") -> Cell:
    return Cell(wordml.text_paragraphs(text, numbering) if text.strip() else "<w:p/>")


def _plain_cell(text: str) -> Cell:
    """A cell for a short field (Rec No, owner, target): never a list, never left empty."""
    return Cell(wordml.plain_paragraphs(text) if text.strip() else wordml.placeholder(NOT_SET))


def _widths(shares: tuple[int, ...], text_width: int) -> list[int]:
    total = sum(shares)
    widths = [text_width * share // total for share in shares]
    widths[shares.index(max(shares))] += text_width - sum(widths)
    return widths


class ActionTable:
    """The plan's concerns and actions as table rows, in either layout."""

    def __init__(self, plan: Plan, page: Page, numbering: str = "") -> None:
        self.plan = plan
        self.numbering = numbering
        self.recommendations = plan.details.era is Era.RECOMMENDATIONS
        headings = RECOMMENDATION_HEADINGS if self.recommendations else CONCERN_HEADINGS
        shares = RECOMMENDATION_SHARES if self.recommendations else CONCERN_SHARES
        self.headings = headings
        self.widths = _widths(shares, page.text_width)
        self.references = plan.references()
        self.metrics = page.metrics
        header = row_height(headings, self.widths, self.metrics, bold=True)
        self._room_for_a_row = page.text_height * (1 - _SPARE_SHARE_OF_PAGE) - header

    # Sections

    def sections(self) -> list[tuple[str, list[Concern]]]:
        """Each category that has concerns, under its heading: priority and key concerns, or in
        the recommendations era main recommendations and the rest, so categories survive."""
        era = self.plan.details.era
        return [
            (category.heading_in(era), concerns)
            for category in (Category.PRIORITY, Category.KEY)
            if (concerns := self.plan.in_category(category))
        ]

    def header_row(self) -> str:
        cells = [Cell(wordml.paragraph(runs=wordml.run(heading, bold=True))) for heading in self.headings]
        return wordml.row_xml(cells, self.widths, header=True)

    # Layouts

    def accessible(self) -> Iterator[str]:
        for heading, concerns in self.sections():
            yield wordml.paragraph(heading, style="Heading3", keep_next=True)
            rows = [self.header_row()]
            for concern in concerns:
                rows.extend(self._concern_rows(concern, repeat_concern=True, keep_whole=True))
            yield wordml.table_xml(rows, self.widths, style=TABLE_STYLE, caption=heading,
                                   description=self._description(heading))
            yield "<w:p/>"

    def classic(self, *, merge: bool) -> str:
        rows = [self.header_row()]
        columns = len(self.widths)
        for heading, concerns in self.sections():
            section = Cell(wordml.paragraph(runs=wordml.run(heading, bold=True), keep_next=True), span=columns)
            rows.append(wordml.row_xml([section], self.widths))
            for concern in concerns:
                # The published plans let a long row run on to the next page; kept whole, such rows
                # left pages half empty.
                rows.extend(self._concern_rows(concern, repeat_concern=False, merge=merge, keep_whole=False))
        return wordml.table_xml(rows, self.widths, style=TABLE_STYLE, caption="Action plan",
                                description=self._description("Action plan"))

    def _description(self, heading: str) -> str:
        subject = "recommendation" if self.recommendations else "concern"
        return f"{heading}: each {subject} with the actions taken or planned, their responsible owner and target date."

    # Rows

    def _concern_rows(self, concern: Concern, *, repeat_concern: bool, keep_whole: bool,
                      merge: bool = False) -> Iterator[str]:
        reference = self.references[concern.id]
        actions: list[Action | None] = list(concern.actions) or [None]
        for index, action in enumerate(actions):
            first = index == 0
            rec_no, concern_cell = self._concern_cells(concern, reference, first, repeat_concern, merge)
            cells = [rec_no, concern_cell]
            texts = [reference, concern.text if first else self._continued(reference)]
            if self.recommendations:
                # The agreement belongs to the recommendation, so it merges down with it.
                cells.append(Cell(self._agreement(concern).paragraphs if first or repeat_concern else "<w:p/>",
                                  vertical_merge=concern_cell.vertical_merge))
                texts.append(concern.agreement.label if concern.agreement else NOT_SET)
            # An unrecognised target is kept word for word, so it has not been through clean-up.
            owner, target = (action.owner, clean_text(action.target.format())) if action else ("", "")
            cells += [self._response_cell(action), _plain_cell(owner), _plain_cell(target)]
            texts += [action.text if action else NO_ACTIONS, owner, target]
            whole = keep_whole and self._fits_on_a_page(texts)
            yield wordml.row_xml(cells, self.widths, cant_split=whole)

    def _concern_cells(self, concern: Concern, reference: str, first: bool, repeat: bool,
                       merge: bool) -> tuple[Cell, Cell]:
        if first:
            merged = "restart" if merge and len(concern.actions) > 1 else None
            return (Cell(_plain_cell(reference).paragraphs, vertical_merge=merged),
                    Cell(self._concern_text(concern), vertical_merge=merged))
        if repeat:
            return _plain_cell(reference), _plain_cell(self._continued(reference))
        merged = "continue" if merge else None
        return Cell("<w:p/>", vertical_merge=merged), Cell("<w:p/>", vertical_merge=merged)

    @staticmethod
    def _agreement(concern: Concern) -> Cell:
        return _plain_cell(concern.agreement.label if concern.agreement else "")

    def _response_cell(self, action: Action | None) -> Cell:
        if action is None:
            return Cell(wordml.placeholder(NO_ACTIONS))
        if not action.text.strip():
            return Cell(wordml.placeholder(NOT_SET))
        return Cell(wordml.text_paragraphs(action.text, self.numbering))

    def _concern_text(self, concern: Concern) -> str:
        if not concern.text.strip():
            return wordml.placeholder(NOT_SET)
        return wordml.text_paragraphs(concern.text, self.numbering)

    def _continued(self, reference: str) -> str:
        noun = "Recommendation" if self.recommendations else "Concern"
        return f"{noun} {reference} (continued)"

    def _fits_on_a_page(self, texts: list[str]) -> bool:
        # A row kept whole that is taller than a page is cut off at the foot of the page, by
        # LibreOffice and Word alike, and its last lines are lost; so only a row that surely fits
        # is kept whole, and any other may split.
        return row_height(texts, self.widths, self.metrics) <= self._room_for_a_row
