"""The table's rows, laid out from the plan as the Word table has them: a section row, then one
row per action (one row for a concern with no actions yet). Pure Python: no Qt here, so the
layout can be compared and tested on its own."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from actionplan.model import Action, Category, Concern


@dataclass(slots=True)
class Row:
    """One table row: a section heading, or one action of a concern (``action`` is None for a
    concern with no actions yet). ``span`` is the concern's row count, on its first row."""

    category: Category
    concern: Concern | None = None
    action: Action | None = None
    action_number: int = 0
    first: bool = False
    span: int = 1

    @property
    def is_section(self) -> bool:
        return self.concern is None


def layout_rows(concerns: Sequence[Concern]) -> list[Row]:
    """The rows for concerns in display order, each section headed even when empty."""
    rows: list[Row] = []
    for category in (Category.PRIORITY, Category.KEY):
        rows.append(Row(category))
        for concern in concerns:
            if concern.category is not category:
                continue
            span = max(1, len(concern.actions))
            if not concern.actions:
                rows.append(Row(category, concern, None, 0, True, 1))
            for number, action in enumerate(concern.actions, start=1):
                rows.append(Row(category, concern, action, number, number == 1, span))
    return rows


def same_row(a: Row, b: Row) -> bool:
    return (a.concern is b.concern and a.action is b.action and a.span == b.span and a.first == b.first
            and a.action_number == b.action_number and a.category is b.category)


def changed_block(old: list[Row], new: list[Row]) -> tuple[int, int, int]:
    """Where ``new`` differs from ``old``: the first row that differs, and where the rows that
    stay the same to the end begin in ``old`` and in ``new``."""
    shorter = min(len(old), len(new))
    first = next((n for n, a, b in zip(range(shorter), old, new, strict=False) if not same_row(a, b)), shorter)
    tail = shorter - first
    same_at_end = next((n for n, a, b in zip(range(tail), reversed(old), reversed(new), strict=False)
                        if not same_row(a, b)), tail)
    return first, len(old) - same_at_end, len(new) - same_at_end


def block_start(rows: list[Row], number: int) -> int:
    """The first row of the concern (or section) that row ``number`` belongs to."""
    while number > 0 and rows[number].concern is not None and not rows[number].first:
        number -= 1
    return number


def block_end(rows: list[Row], number: int) -> int:
    """The row after the concern (or section) that row ``number`` belongs to; a number past
    the last row stays where it is."""
    if number >= len(rows):
        return len(rows)
    start = block_start(rows, number)
    row = rows[start]
    return start + (1 if row.concern is None else row.span)
