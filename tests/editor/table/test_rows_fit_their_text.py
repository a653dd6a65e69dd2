"""Every row is tall enough for every cell's text, measured independently of the table's own
sizing: with Qt's style, as the delegate paints the cell (its text rectangle, beside a problem
mark when there is one). After pasting concerns, after restoring a recovery copy, and at any
zoom or column width, whether or not the checks have caught up yet."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from actionplan.model import Action, Category, Concern, Plan
from editor.edits.document import PlanDocument
from editor.exchange.paste_concerns_dialog import ConcernPaster
from editor.table.columns import Column
from editor.table.plan_table_view import PlanTableView
from editor.window.main_window import MainWindow
from importers.report_paste import split_concerns
from tests.editor.table_fixtures import activate

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

SENTENCE = ("Prisoners did not have enough time out of cell, and too many were locked up during the "
            "working day without purposeful activity, which added to frustration and tension on "
            "the wings and in the segregation unit. ")
LENGTHS = range(40, 190, 2)
"""Enough lengths that some text ends just where a problem mark pushes a word onto a new line."""
REPORT = "Priority concerns\n" + "\n".join(f"{n}. {SENTENCE[:length]}" for n, length in enumerate(LENGTHS, start=1))


def cut_cells(view: PlanTableView) -> list[tuple[int, Column, int, int]]:
    """(row, column, height the text needs, height it has) for each cell whose text does not
    fit, laid out as the style lays it out for painting; page by page, as a person scrolls."""
    cut: list[tuple[int, Column, int, int]] = []
    bar = view.verticalScrollBar()
    bar.setValue(0)
    while True:
        view.row_heights.size_visible()
        cut += [cell for cell in _cut_in_view(view) if cell not in cut]
        if bar.value() >= bar.maximum():
            return cut
        bar.setValue(bar.value() + bar.pageStep())


def _cut_in_view(view: PlanTableView) -> list[tuple[int, Column, int, int]]:
    model = view.plan_model
    cut = []
    top, bottom = view.rowAt(0), view.rowAt(view.viewport().height() - 1)
    for number in range(max(top, 0), (bottom if bottom >= 0 else model.rowCount() - 1) + 1):
        row = model.row(number)
        if row.concern is None:
            continue
        columns = [Column.ACTION, Column.OWNER, Column.TARGET]
        if row.first:
            columns += [Column.REC_NO, Column.CONCERN]
        for column in columns:
            index = model.index(number, column)
            option = QStyleOptionViewItem()
            view.initViewItemOption(option)
            view.itemDelegateForIndex(index).initStyleOption(option, index)
            option.rect = view.visualRect(index)  # a concern's cell spans its rows
            text = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
            need = option.fontMetrics.boundingRect(
                QRect(0, 0, text.width(), 1_000_000), int(Qt.TextFlag.TextWordWrap), option.text).height()
            if need > text.height():
                cut.append((number, column, need, text.height()))
    return cut


def settle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.wait(50)
    window.table.row_heights.size_visible()
    qtbot.wait(700)  # the checks, and the marks they bring, arrive after a pause
    window.table.row_heights.size_visible()


def fill_the_window(qtbot: QtBot, window: MainWindow) -> None:
    """A plan with more rows than the window shows: its scroll bar is already there, so the
    next plan shown or rows added do not change the columns' widths (which measures every row
    again and would hide a row measured too early)."""
    window.document.replace(Plan(concerns=[
        Concern(text="Staff did not always challenge poor behaviour.", category=Category.KEY,
                actions=[Action(text="Training for all staff.", owner="Governor", target="Completed")])
        for _ in range(30)]), None)
    settle(qtbot, window)


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(PlanDocument(Plan()))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    activate(qtbot, window)
    return window


def test_pasted_concerns_fit_once_their_problem_marks_appear(window: MainWindow, qtbot: QtBot) -> None:
    # A plan that already fills the window, so the pasted concerns are measured where they
    # land, at the top, as they arrive: before the checks have marked them.
    fill_the_window(qtbot, window)
    paster = ConcernPaster(window, window.document, window.validation.adapter.spelling, window.reveal)
    paster.add(list(split_concerns(REPORT).concerns))  # as Add in the paste dialog does
    settle(qtbot, window)
    assert any(window.table.plan_model.cell_findings(n, Column.CONCERN) for n in range(3))  # marks shown
    assert cut_cells(window.table) == []


def test_a_restored_plan_fits(window: MainWindow, qtbot: QtBot) -> None:
    fill_the_window(qtbot, window)
    concerns = [Concern(text=SENTENCE[:length], category=Category.KEY, actions=[Action(text=SENTENCE[:length])])
                for length in LENGTHS]
    window.document.replace(Plan(concerns=concerns), None)  # as Restore does
    settle(qtbot, window)
    assert cut_cells(window.table) == []


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(width=st.integers(900, 1900), zoom=st.integers(-3, 6), lengths=st.lists(st.integers(1, 380), min_size=3, max_size=8))
def test_rows_fit_at_any_zoom_and_width(window: MainWindow, qtbot: QtBot, width: int, zoom: int,
                                        lengths: list[int]) -> None:
    text = SENTENCE * 2
    concerns = [Concern(text=text[:n], category=Category.KEY,
                        actions=[Action(text=text[: n // 2], owner="Head of Education, Skills and Work")])
                for n in lengths]
    window.document.replace(Plan(concerns=concerns), None)
    window.resize(width, 800)
    window.table.reset_zoom()
    for _ in range(abs(zoom)):
        (window.table.zoom_in if zoom > 0 else window.table.zoom_out)()
    settle(qtbot, window)
    assert cut_cells(window.table) == []
