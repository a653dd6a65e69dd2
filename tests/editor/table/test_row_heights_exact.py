"""Row heights are what full text layout gives, cell by cell: the shortcuts row sizing takes
(one-line texts not laid out, short texts measured once per width) change no height.

The reference is the plain measure: ``QFontMetrics.boundingRect`` with word wrap for every
cell, as row sizing did before the shortcuts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from actionplan.model import Plan
from actionplan.storage import load_plan
from benchmarks.generate import make_plan
from editor.edits.document import PlanDocument
from editor.table.columns import Column
from editor.table.plan_table_view import PlanTableView
from editor.table.row_heights import _H_PADDING, _ICON_SPACE, _V_PADDING, RowHeights
from editor.table.table_rows import Row

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def reference_height(heights: RowHeights, number: int, column: Column, text: str, full_width: bool = False) -> int:
    view = heights.view
    width = view.viewport().width() if full_width else view.columnWidth(column)
    width -= 2 * _H_PADDING
    if not full_width:
        width -= _ICON_SPACE
    metrics = QFontMetrics(view.font())
    if not text:
        return metrics.height() + 2 * _V_PADDING
    bounds = metrics.boundingRect(QRect(0, 0, max(width, 20), 1_000_000), Qt.TextFlag.TextWordWrap, text)
    return bounds.height() + 2 * _V_PADDING


def reference_block(heights: RowHeights, number: int, row: Row) -> list[int]:
    model = heights.model
    if row.concern is None:
        return [reference_height(heights, number, Column.REC_NO, model.section_heading(row.category), True)]
    rows = [max(reference_height(heights, number + offset, column, model.cell_text(model.row(number + offset), column))
                for column in (Column.ACTION, Column.OWNER, Column.TARGET))
            for offset in range(row.span)]
    concern = max(reference_height(heights, number, Column.CONCERN, row.concern.text),
                  reference_height(heights, number, Column.REC_NO, model.reference(row.concern)))
    if concern > sum(rows):
        rows[-1] += concern - sum(rows)
    return rows


def every_block(view: PlanTableView) -> list[tuple[int, list[int], list[int]]]:
    """(first row, heights row sizing gives, reference heights) for every concern and section."""
    heights = view.row_heights
    model = view.plan_model
    found = []
    number = 0
    while number < model.rowCount():
        row = model.row(number)
        span = 1 if row.is_section else row.span
        found.append((number, heights._heights(number, row, span), reference_block(heights, number, row)))
        number += span
    return found


def _view(qtbot: QtBot, plan: Plan, width: int) -> PlanTableView:
    view = PlanTableView(PlanDocument(plan))
    qtbot.addWidget(view)
    view.resize(width, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


PLANS = {
    "stoke heath": lambda: load_plan(FIXTURES / "stoke-heath-2026.actionplan"),
    "east sutton park": lambda: load_plan(FIXTURES / "east-sutton-park-2024.actionplan"),
    "generated": lambda: make_plan(300, seed=7),
}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_heights_match_full_layout_at_several_widths_and_zooms(qtbot: QtBot, name: str) -> None:
    plan = PLANS[name]()
    view = _view(qtbot, plan, 900)
    checked = 0
    for width in (640, 900, 1400):
        view.resize(width, 700)
        view.fit_columns()
        for size in (7, 9, 12, 20):
            view.set_point_size(size)
            for number, got, expected in every_block(view):
                assert got == expected, (name, width, size, number)
                checked += 1
    assert checked > 50


def test_visible_rows_are_resized_to_the_reference(qtbot: QtBot) -> None:
    """Through the view: the rows on screen get exactly the reference heights."""
    view = _view(qtbot, make_plan(200, seed=3), 1000)
    view.row_heights.size_visible()
    heights = view.row_heights
    last = view.rowAt(view.viewport().height() - 1)
    number = 0
    while number <= last:
        row = view.plan_model.row(number)
        span = 1 if row.is_section else row.span
        expected = reference_block(heights, number, row)
        assert [view.rowHeight(number + offset) for offset in range(span)] == expected
        number += span


_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=32, max_codepoint=126),
        st.sampled_from(list("\n\t’“”–—éàñ£€…\u00a0\u200b\u2028ğ中😀")),
    ),
    max_size=90,
)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, column_width=st.integers(min_value=10, max_value=500), size=st.sampled_from([7, 9, 11, 16]))
def test_any_text_measures_as_full_layout(qapp: object, text: str, column_width: int, size: int) -> None:
    view = _shared_view()
    if round(view.font().pointSizeF()) != size:
        view.set_point_size(size)
    view.setColumnWidth(Column.OWNER, column_width)
    heights = view.row_heights
    number = next(n for n, row in enumerate(view.plan_model.rows()) if row.action is not None)
    for _ in range(2):  # the second time from what was remembered
        assert heights._text_height(Column.OWNER, text) == reference_height(heights, number, Column.OWNER, text)


_SHARED: list[PlanTableView] = []


def _shared_view() -> PlanTableView:
    if not _SHARED:
        view = PlanTableView(PlanDocument(make_plan(20, seed=1)))
        view.resize(900, 500)
        view.show()
        _SHARED.append(view)
    return _SHARED[0]


@pytest.fixture(autouse=True, scope="module")
def _close_shared() -> object:
    yield
    for view in _SHARED:
        view.close()
        view.deleteLater()
    _SHARED.clear()
