"""How wide each table column is: the narrow columns keep their usual words on one line, and
the two text columns share the rest much as the Word table does, the response column taking
what is left."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from editor.table.columns import Column

_SHARES = {Column.CONCERN: 0.30, Column.ACTION: 0.42, Column.OWNER: 0.15, Column.TARGET: 0.13}
"""Each column's share of a wide table; narrow tables keep the minimums below."""
_WIDEST_TEXT = {
    Column.REC_NO: ("Rec No", "S45.12"),
    Column.OWNER: ("Head of Security",),
    Column.TARGET: ("30 September 2027", "Completed and ongoing"),
}
"""What must fit on one line, at the current zoom: the narrow columns never go below it."""
_WORD_COLUMNS_MIN_EM = {Column.CONCERN: 8, Column.ACTION: 12}
"""The two text columns share what is left, but never narrower than this many line heights."""
_CELL_PADDING = 14
_MARK_SPACE = 22
"""Room for a finding's icon in a cell, so a marked target date still fits."""


def minimum_width(column: Column, metrics: QFontMetrics, header_metrics: QFontMetrics) -> int:
    """The narrowest ``column`` may be at the font's size: Rec No, owner and target date keep
    their usual words on one line; the text columns keep a readable measure."""
    if column in _WORD_COLUMNS_MIN_EM:
        return metrics.height() * _WORD_COLUMNS_MIN_EM[column]
    widest = max(metrics.horizontalAdvance(text) for text in _WIDEST_TEXT[column])
    if column is Column.REC_NO:  # too narrow to wrap its heading
        widest = max(widest, header_metrics.horizontalAdvance(column.heading))
    marks = _MARK_SPACE if column is Column.TARGET else 0  # a marked owner may wrap
    return widest + _CELL_PADDING + marks


def share_width(minimum: dict[Column, int], width: int) -> dict[Column, int]:
    """Share ``width`` between the columns, keeping each column's ``minimum``; the response
    column takes what is left."""
    widths = dict(minimum)
    for column in (Column.OWNER, Column.TARGET):
        widths[column] = max(widths[column], int(width * _SHARES[column]))
    # Their shares never squeeze the text columns below their minimums.
    excess = sum(widths.values()) - width
    for column in (Column.OWNER, Column.TARGET):
        give = max(0, min(excess, widths[column] - minimum[column]))
        widths[column] -= give
        excess -= give
    rest = width - widths[Column.REC_NO] - widths[Column.OWNER] - widths[Column.TARGET]
    concern_share = _SHARES[Column.CONCERN] / (_SHARES[Column.CONCERN] + _SHARES[Column.ACTION])
    concern = min(int(rest * concern_share), rest - widths[Column.ACTION])
    widths[Column.CONCERN] = max(widths[Column.CONCERN], concern)
    widths[Column.ACTION] = max(widths[Column.ACTION], rest - widths[Column.CONCERN])
    return widths
