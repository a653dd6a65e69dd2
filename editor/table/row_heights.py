"""Row heights for the plan table, measured lazily: only rows that come into view are sized,
and each concern's rows are measured once until their text, the column widths or the zoom
change. A concern's text spans its action rows, so its last row grows when the concern's text
is taller than its actions together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QFontMetricsF

from editor.table.columns import Column
from editor.table.plan_table_model import PlanTableModel
from editor.table.table_rows import Row

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

_H_PADDING = 5
_V_PADDING = 4
_ICON_SPACE = 22
_LOOK_AHEAD = 300
"""Pixels below the viewport measured too, so scrolling a little never shows unsized rows."""
_ONE_LINE = "Hg"
_SHORT_TEXT = 60
_SHORT_TEXTS_KEPT = 5000
"""Measured once per font: the height of one line of text."""


class RowHeights:
    """Sizes a ``QTableView``'s rows from its ``PlanTableModel`` as they come into view."""

    def __init__(self, view: QTableView, model: PlanTableModel) -> None:
        self.view = view
        self.model = model
        self._cache: dict[str, list[int]] = {}
        self._sized: set[int] = set()
        self._metrics: QFontMetrics | None = None
        self._line_height = 0
        self._narrowest = 0.0
        """The narrowest ASCII character's width: longer texts cannot be on one line."""
        self._short_heights: dict[tuple[str, int], int] = {}

    # Invalidating ------------------------------------------------------------------------

    def forget_all(self) -> None:
        """Column widths or the font changed: every row must be measured again."""
        self._cache.clear()
        self._sized.clear()
        self._metrics = None

    def layout_changed(self) -> None:
        """Rows were rebuilt: cached measurements still hold, but no row is sized."""
        self._sized.clear()

    def forget_concerns(self, concern_ids: list[str]) -> None:
        """These concerns' rows changed (their actions, or their Rec No): measure them again."""
        for concern_id in concern_ids:
            self._cache.pop(concern_id, None)

    def forget_rows(self, rows: list[int]) -> None:
        for number in rows:
            row = self.model.row(number)
            if row.concern is not None:
                self._cache.pop(row.concern.id, None)
                start = self.block_start(number)
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
        number = self.block_start(top)
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
            return [self._text_height(Column.REC_NO, self.model.section_heading(row.category),
                                      full_width=True)]
        cached = self._cache.get(row.concern.id)
        if cached is not None and len(cached) == span:
            return cached
        heights = [self._action_row_height(number + offset) for offset in range(span)]
        concern_height = max(
            self._text_height(Column.CONCERN, row.concern.text),
            self._text_height(Column.REC_NO, self.model.reference(row.concern)),
        )
        shortfall = concern_height - sum(heights)
        if shortfall > 0:
            heights[-1] += shortfall
        self._cache[row.concern.id] = heights
        return heights

    def _action_row_height(self, number: int) -> int:
        row = self.model.row(number)
        return max(
            self._text_height(column, self.model.cell_text(row, column))
            for column in (Column.ACTION, Column.OWNER, Column.TARGET)
        )

    def _text_height(self, column: Column, text: str, full_width: bool = False) -> int:
        view = self.view
        width = view.viewport().width() if full_width else view.columnWidth(column)
        width -= 2 * _H_PADDING
        if not full_width:
            # Room for a problem mark whether or not the cell has one now: marks come and go
            # as the checks catch up with typing, pasting or a restored plan, and a row sized
            # without one would cut off the words its mark pushes onto another line.
            width -= _ICON_SPACE
        width = max(width, 20)
        metrics = self._font_metrics()
        if not text:
            return metrics.height() + 2 * _V_PADDING
        short = len(text) <= _SHORT_TEXT
        if short:
            # Owners and target dates repeat down the table: each is measured once per width.
            known = self._short_heights.get((text, width))
            if known is not None:
                return known
        if len(text) * self._narrowest < width and self._on_one_line(text, width):
            height = self._line_height + 2 * _V_PADDING
        else:
            bounds = metrics.boundingRect(QRect(0, 0, width, 1_000_000), Qt.TextFlag.TextWordWrap, text)
            height = bounds.height() + 2 * _V_PADDING
        if short:
            if len(self._short_heights) >= _SHORT_TEXTS_KEPT:
                self._short_heights.clear()
            self._short_heights[(text, width)] = height
        return height

    def _font_metrics(self) -> QFontMetrics:
        if self._metrics is None:
            self._metrics = metrics = QFontMetrics(self.view.font())  # once per font, not per cell
            self._line_height = metrics.boundingRect(QRect(0, 0, 10_000, 1_000_000), Qt.TextFlag.TextWordWrap,
                                                     _ONE_LINE).height()
            exact = QFontMetricsF(self.view.font())
            self._narrowest = min(exact.horizontalAdvance(chr(code)) for code in range(32, 127))
            self._short_heights.clear()
        return self._metrics

    def _on_one_line(self, text: str, width: int) -> bool:
        """Whether ``text`` surely fits on one line of the table's own font, so its height is
        one line's without laying it out (most owners, dates and short texts). Anything in
        doubt (a line break, a tab, a width within two pixels, or any character outside
        ASCII, which may be drawn from a taller fallback font even when the table's font
        claims it: "中" takes a 20-pixel line where "Hg" takes 19) is measured in full."""
        if not (text.isascii() and text.isprintable()):
            return False
        metrics = self._metrics
        assert metrics is not None
        return metrics.horizontalAdvance(text) < width - 1

    def block_start(self, number: int) -> int:
        """The first row of the concern (or section) that row ``number`` is in."""
        row = self.model.row(number)
        if row.concern is None or row.first:
            return number
        first = self.model.first_row_of_concern(row.concern.id)
        return number if first is None else first
