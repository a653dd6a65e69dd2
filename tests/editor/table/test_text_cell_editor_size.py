"""A text cell editor starts at its cell's height (at least three lines) and grows with its
text within the table, instead of a fixed 120 px that covered the next row or section heading
while a one-line cell was edited."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from editor.table.columns import Column
from editor.table.delegates import MIN_TEXT_EDITOR_LINES
from editor.table.text_editor import PlanTextEdit
from editor.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "This plugin does not support")

ONE_LINE_ROW = 3
"""'Recruit an analyst.', the row just above the Key concerns heading."""


def open_text_cell(window: MainWindow, qtbot: QtBot, row: int) -> PlanTextEdit:
    table = window.table
    table.select_cell(table.model().index(row, Column.ACTION))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, PlanTextEdit)
    return editor


def lines_tall(editor: PlanTextEdit) -> float:
    return editor.height() / editor.fontMetrics().lineSpacing()


def test_a_one_line_cell_opens_three_lines_tall_not_120_px(window: MainWindow, qtbot: QtBot) -> None:
    table = window.table
    editor = open_text_cell(window, qtbot, ONE_LINE_ROW)
    assert editor.y() == table.rowViewportPosition(ONE_LINE_ROW)
    assert MIN_TEXT_EDITOR_LINES <= lines_tall(editor) < MIN_TEXT_EDITOR_LINES + 1.5
    assert editor.height() < 120
    heading_bottom = table.rowViewportPosition(ONE_LINE_ROW + 2) + table.rowHeight(ONE_LINE_ROW + 2)
    assert editor.geometry().bottom() < heading_bottom, "the row below the heading stays in sight"
    assert not editor.verticalScrollBar().isVisible()


def test_the_editor_grows_as_lines_are_typed_before_the_row_does(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_text_cell(window, qtbot, ONE_LINE_ROW)
    start = editor.height()
    for number in range(2, 9):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, f"Line {number}.")
    # With the text, not only once the row grows.
    assert editor.height() > start
    assert lines_tall(editor) >= 8
    QApplication.processEvents()  # the scroll bar settles after the resize
    assert not editor.verticalScrollBar().isVisible()
    assert window.table.viewport().rect().contains(editor.geometry())
    editor.setPlainText("Short again.")
    qtbot.waitUntil(lambda: window.table.rowHeight(ONE_LINE_ROW) < 40, timeout=3000)
    qtbot.waitUntil(lambda: editor.height() < 120, timeout=3000)


def test_a_very_long_text_stays_inside_the_table_and_scrolls(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1000, 600)
    editor = open_text_cell(window, qtbot, ONE_LINE_ROW)
    editor.setPlainText("\n".join(f"Line {n}." for n in range(80)))
    viewport = window.table.viewport()
    qtbot.waitUntil(lambda: editor.height() == viewport.height(), timeout=3000)
    assert viewport.rect().contains(editor.geometry())
