"""The problems list: in a tall row (a long message, wrapped) the severity icon and word sit
level with the first line of the problem, not in the middle of the row."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from actionplan.target_date import TargetDate
from editor.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _icon_top(window: MainWindow, row: int) -> tuple[int, int]:
    """The first pixel row of the icon painted in a Severity cell, and the cell's top."""
    view = window.validation.panel.view
    rect = view.visualRect(view.model().index(row, 0))
    image = view.viewport().grab().toImage()
    for y in range(rect.top(), rect.bottom()):
        for x in range(rect.left(), rect.left() + 24):
            colour = image.pixelColor(x, y)
            if colour.saturation() > 120 and colour.value() > 100:  # the icon's red or amber
                return y, rect.top()
    raise AssertionError("no icon painted")


def test_severity_icon_stays_at_the_top_of_a_tall_row(window: MainWindow, qtbot: QtBot) -> None:
    document = window.document
    document.plan.concerns[0].actions[0].target = TargetDate.not_set()
    document.replace(document.plan, None)
    panel = window.validation.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    view = panel.view
    window.validation.dock.show()
    view.setRowHeight(0, 120)
    QApplication.processEvents()
    icon_top, cell_top = _icon_top(window, 0)
    assert icon_top - cell_top <= 8  # level with the first line, not 50 pixels down
