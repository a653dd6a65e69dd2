"""Find the action-plan table's columns and turn each Word table row into a ``PlanRow``.

Columns are found by their header words, so plans with an agreement column, a missing Rec No
column or columns in another order still import. A table with no header that follows an
action-plan table is the same table broken across pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from actionplan.model import Category, Era
from importers.wordml import Cell, Row, Table


class Column(StrEnum):
    REC = "Rec No"
    CONCERN = "Concern"
    AGREEMENT = "Agreement"
    RESPONSE = "Response"
    OWNER = "Responsible owner"
    TARGET = "Target date"


NOT_SET = "Not set"
NO_ACTIONS = "No actions yet"
"""The exporter's placeholder in the response cell of a concern with no actions."""
# Cells whose plain "Not set" means no value: nobody's owner, target or agreement is called that.
# In a concern or response cell only the exporter's marked placeholder means no value, so an
# action a person wrote as "Not set" keeps its words.
_NOT_SET_MEANS_EMPTY = frozenset({"owners", "targets", "agreement"})
_NUMBERING = re.compile(r"^\s*\d+[.)]?\s*")
_CONTINUED = re.compile(r"^.{0,40}\((?:continued|cont(?:'d|inued)?\.?)\)$", re.IGNORECASE)


_REC_HEADING = re.compile(r"(?:rec|ref)(?:\.|s)?(?:\s*(?:no\.?|number|ref\.?))?|no\.?|number")
# What an agreement cell says ("Agreed"), as opposed to the column's heading.
_AGREEMENT_VALUES = frozenset({"agreed", "partlyagreed", "partiallyagreed", "notagreed", "accepted",
                               "partlyaccepted", "notaccepted", "rejected"})


def column_for_heading(heading: str) -> Column | None:
    words = _NUMBERING.sub("", heading).strip().lower().rstrip(":").strip()
    if not words or len(words) > 60:  # a heading is a few words, not a sentence of plan text
        return None
    if is_continued_marker(words) or re.sub(r"[^a-z]", "", words) in _AGREEMENT_VALUES:
        return None  # plan text that happens to contain a heading's word
    if _REC_HEADING.fullmatch(words):
        return Column.REC
    if "concern" in words or "recommendation" in words:
        return Column.CONCERN
    if "agree" in words or "accepted" in words:
        return Column.AGREEMENT
    if "owner" in words or "responsib" in words:
        return Column.OWNER
    if "target" in words or "date" in words or "timescale" in words:
        return Column.TARGET
    if "response" in words or "action" in words:
        return Column.RESPONSE
    return None


@dataclass
class ColumnMap:
    """Which grid column holds what."""

    columns: dict[Column, int]
    width: int

    def right_aligned(self, width: int) -> ColumnMap:
        # A broken-off table that lost its leading empty columns keeps the last ones.
        shift = self.width - width
        return ColumnMap({c: i - shift for c, i in self.columns.items() if i - shift >= 0}, width)


def header_map(row: Row) -> ColumnMap | None:
    """The column map if ``row`` reads as an action-plan header row: three or more cells are
    column headings, and no cell reads as plan text. A concern, action or owner that happens to
    use a heading's word ("Concerns raised by prisoners…") sits beside a Rec No, a date or a
    sentence that is no heading."""
    found: dict[Column, int] = {}
    for cell in row.cells:
        text = " ".join(cell.text.split())
        if not text:
            continue
        column = column_for_heading(text)
        if column is None:
            if not _could_name_another_column(text):
                return None
        elif column not in found:
            found[column] = cell.column
    if len(found) >= 3 and (Column.CONCERN in found or Column.RESPONSE in found):
        return ColumnMap(found, max(c.column + c.span for c in row.cells))
    return None


def _could_name_another_column(text: str) -> bool:
    # The heading of a column the plan has no place for ("Progress", "RAG status"): a few words
    # and no numbers, unlike a Rec No, a date or a sentence of plan text.
    words = _NUMBERING.sub("", text)
    return bool(words) and len(words.split()) <= 4 and not any(character.isdigit() for character in words)


def header_words(row: Row) -> tuple[str, ...]:
    """The header row's text, to know it again where it is repeated."""
    return tuple(" ".join(cell.text.split()).lower() for cell in row.cells)


def find_header(table: Table, known: set[tuple[str, ...]] | None = None) -> tuple[ColumnMap, int] | None:
    """The column map and the header row's index, looking at the first few rows. With ``known``
    header rows, only a row that repeats one of them counts."""
    for index, row in enumerate(table.rows[:3]):
        if known is not None and header_words(row) not in known:
            continue
        found = header_map(row)
        if found:
            return found, index
    return None


def is_definitions_table(table: Table) -> bool:
    """The recommendations era's Term | Definition table explaining Agreed and Not agreed."""
    if not table.rows:
        return False
    first = [cell.text.strip().lower() for cell in table.rows[0].cells]
    return first[:2] == ["term", "definition"]


def section_of(row: Row) -> str | None:
    """``priority`` or ``key`` for a section row, whichever column holds the label."""
    texts = {cell.text.strip() for cell in row.cells if cell.text.strip()}
    if len(texts) != 1:
        return None
    return section_label(texts.pop())


def _section_labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for category in Category:
        for era in Era:
            labels[category.heading_in(era).lower()] = category.value
        labels[category.singular] = category.value
    # Names the recommendations era's reports used for their first tier, and for the rest.
    labels.update(dict.fromkeys(("key recommendations", "key concerns and recommendations"), Category.PRIORITY.value))
    labels.update(dict.fromkeys(("other recommendations", "further recommendations"), Category.KEY.value))
    return labels


_SECTION_LABELS = _section_labels()


def section_label(text: str) -> str | None:
    """``priority`` or ``key`` for a section's label in either era ("Priority concerns", "Main
    recommendations", "Recommendations"), in any case, with or without a closing colon."""
    return _SECTION_LABELS.get(" ".join(text.lower().rstrip(":. ").split()))


def is_continued_marker(text: str) -> bool:
    """"Concern 1 (continued)": the accessible layout's words for an otherwise empty cell."""
    return bool(_CONTINUED.match(" ".join(text.split())))


@dataclass
class PlanRow:
    where: str
    rec: list[str] = field(default_factory=list)
    concern: list[str] = field(default_factory=list)
    concern_merged: bool = False
    agreement: list[str] = field(default_factory=list)
    response: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    unplaced: list[Cell] = field(default_factory=list)
    """Cells in columns the plan has no place for."""
    not_set: set[Column] = field(default_factory=set)
    """Cells that say outright they have no value ("Not set"), as an exporter writes them."""
    no_actions: bool = False
    """The response cell says the concern has no actions."""

    @property
    def is_empty(self) -> bool:
        parts = (self.rec, self.concern, self.agreement, self.response, self.owners, self.targets)
        return (not any(line for part in parts for line in part) and not any(c.text for c in self.unplaced)
                and not self.not_set and not self.no_actions)

    @property
    def is_a_whole_action(self) -> bool:
        """The row says outright that its response, owner or target is not set: it was written
        as an action of its own, so it is never the rest of the row above."""
        return bool(self.not_set & {Column.RESPONSE, Column.OWNER, Column.TARGET})


def read_row(row: Row, columns: ColumnMap, where: str) -> PlanRow:
    result = PlanRow(where)
    used: set[int] = set()
    for column, index in columns.columns.items():
        cell = row.cell_at(index)
        if cell is None or id(cell) in used:
            continue
        used.add(id(cell))
        lines = [] if cell.continues_merge else cell.lines
        placeholder = "" if cell.continues_merge else cell.placeholder
        if column is Column.REC and is_continued_marker(" ".join(lines)):
            lines = []
        if placeholder == NO_ACTIONS and column is Column.RESPONSE:
            lines, result.no_actions = [], True
        elif placeholder or (_ATTRIBUTES[column] in _NOT_SET_MEANS_EMPTY and [x for x in lines if x] == [NOT_SET]):
            lines = []
            result.not_set.add(column)
        _store(result, column, lines)
        if column is Column.CONCERN:
            result.concern_merged = cell.continues_merge
    result.unplaced = [cell for cell in row.cells if id(cell) not in used and not cell.continues_merge]
    return result


_ATTRIBUTES = {
    Column.REC: "rec",
    Column.CONCERN: "concern",
    Column.AGREEMENT: "agreement",
    Column.RESPONSE: "response",
    Column.OWNER: "owners",
    Column.TARGET: "targets",
}


def _store(row: PlanRow, column: Column, lines: list[str]) -> None:
    setattr(row, _ATTRIBUTES[column], lines)
