"""Row heights for the plan table, measured lazily: only rows that come into view are sized,
and each concern's rows are measured once until their text, the column widths or the zoom
change. A concern's text spans its action rows, so its last row grows when the concern's text
is taller than its actions together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

from editor.plan_table_model import Column, PlanTableModel, Row

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

_H_PADDING = 5
_V_PADDING = 4
_ICON_SPACE = 22
_LOOK_AHEAD = 300
"""Pixels below the viewport measured too, so scrolling a little never shows unsized rows."""


class RowHeights:
    """Sizes a ``QTableView``'s rows from its ``PlanTableModel`` as they come into view."""

    def __init__(self, view: QTableView, model: PlanTableModel) -> None:
        self.view = view
        self.model = model
        self._cache: dict[str, list[int]] = {}
        self._sized: set[int] = set()
        self._metrics: QFontMetrics | None = None

    # Invalidating ------------------------------------------------------------------------

    def forget_all(self) -> None:
        """Column widths or the font changed: every row must be measured again."""
        self._cache.clear()
        self._sized.clear()
        self._metrics = None

    def layout_changed(self) -> None:
        """Rows were rebuilt: cached measurements still hold, but no row is sized."""
        self._sized.clear()

    def forget_rows(self, rows: list[int]) -> None:
        for number in rows:
            row = self.model.row(number)
            if row.concern is not None:
                self._cache.pop(row.concern.id, None)
                start = self._block_start(number)
                self._sized.difference_update(range(start, start + row.span))

    # Sizing ------------------------------------------------------------------------------

    def size_visible(self) -> None:
        """Size the rows in view (and a little below), keeping the top row where it was."""
        count = self.model.rowCount()
        if count == 0:
            return
        view = self.view
        top = max(0, view.rowAt(0))
        offset = view.rowViewportPosition(top)
        limit = view.viewport().height() + _LOOK_AHEAD
        number = self._block_start(top)
        while number < count:
            number = self._size_block(number)
            if view.rowViewportPosition(number - 1) > limit:
                break
        drift = view.rowViewportPosition(top) - offset
        if drift:
            bar = view.verticalScrollBar()
            bar.setValue(bar.value() + drift)

    def _size_block(self, number: int) -> int:
        """Size the rows of the concern (or section) at ``number``; return the next row."""
        row = self.model.row(number)
        span = 1 if row.is_section else row.span
        if number not in self._sized:
            heights = self._heights(number, row, span)
            header = self.view.verticalHeader()
            for offset, height in enumerate(heights):
                if header.sectionSize(number + offset) != height:
                    header.resizeSection(number + offset, height)
            self._sized.update(range(number, number + span))
        return number + span

    def _heights(self, number: int, row: Row, span: int) -> list[int]:
        if row.concern is None:
            return [self._text_height(number, Column.REC_NO, self.model.section_heading(row.category),
                                      full_width=True)]
        cached = self._cache.get(row.concern.id)
        if cached is not None and len(cached) == span:
            return cached
        heights = [self._action_row_height(number + offset) for offset in range(span)]
        concern_height = max(
            self._text_height(number, Column.CONCERN, row.concern.text),
            self._text_height(number, Column.REC_NO, self.model.reference(row.concern)),
        )
        shortfall = concern_height - sum(heights)
        if shortfall > 0:
            heights[-1] += shortfall
        self._cache[row.concern.id] = heights
        return heights

    def _action_row_height(self, number: int) -> int:
        row = self.model.row(number)
        return max(
            self._text_height(number, column, self.model.cell_text(row, column))
            for column in (Column.ACTION, Column.OWNER, Column.TARGET)
        )

    def _text_height(self, number: int, column: Column, text: str, full_width: bool = False) -> int:
        view = self.view
        width = view.viewport().width() if full_width else view.columnWidth(column)
        width -= 2 * _H_PADDING
        if not full_width and self.model.findings_at(self.model.index(number, column)):
            width -= _ICON_SPACE
        if self._metrics is None:
            self._metrics = QFontMetrics(view.font())  # made once per font, not once per cell
        metrics = self._metrics
        if not text:
            return metrics.height() + 2 * _V_PADDING
        bounds = metrics.boundingRect(QRect(0, 0, max(width, 20), 1_000_000), Qt.TextFlag.TextWordWrap, text)
        return bounds.height() + 2 * _V_PADDING

    def _block_start(self, number: int) -> int:
        row = self.model.row(number)
        if row.concern is None or row.first:
            return number
        first = self.model.first_row_of_concern(row.concern.id)
        return number if first is None else first
