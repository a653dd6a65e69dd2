"""The progress view on a 1024 by 700 laptop with the inspector open, and on a wide screen: the
filter bar carries on on a second line rather than cutting its labels, and every column stays
in view with its heading readable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from editor.progress.progress_model import ProgressColumn
from editor.window.main_window import MainWindow
from tests.editor.progress.test_progress_view_in_window import to_progress

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def shown_in(widget: QWidget, within: QWidget) -> QRect:
    return QRect(widget.mapTo(within, widget.rect().topLeft()), widget.size())


def at_size(window: MainWindow, qtbot: QtBot, width: int, height: int) -> None:
    window.resize(width, height)
    to_progress(window, qtbot)
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize(("width", "height"), [(1024, 700), (1400, 900)])
def test_the_filter_bar_and_every_column_fit(tracking: MainWindow, qtbot: QtBot, width: int, height: int) -> None:
    at_size(tracking, qtbot, width, height)
    view = tracking.views.progress
    bar = view.filter_bar
    pieces = [w for w in bar.findChildren(QWidget) if isinstance(w, QLabel | QComboBox | QCheckBox | QPushButton)]
    assert len(pieces) == 9
    for piece in pieces:
        assert piece.isVisible()
        assert bar.rect().contains(shown_in(piece, bar)), f"{piece.accessibleName() or piece.text()} is cut"
        assert piece.width() >= piece.minimumSizeHint().width(), f"{piece.accessibleName()} is squeezed"
        if isinstance(piece, QLabel | QCheckBox | QPushButton):
            assert piece.width() >= piece.sizeHint().width(), f"{piece.text()} is cut"
    assert bar.height() >= bar.heightForWidth(bar.width())
    table = view.table
    widths = [table.columnWidth(column) for column in ProgressColumn]
    assert tracking.size().width() == width
    assert sum(widths) <= table.viewport().width(), (widths, table.viewport().width())  # nothing out of view
    assert not table.horizontalScrollBar().isVisible()
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in ProgressColumn:
        words = str(table.model().headerData(column, Qt.Orientation.Horizontal))
        longest = max(metrics.horizontalAdvance(word) for word in words.replace("/", "/ ").split())
        assert longest <= table.columnWidth(column) - 8, f"{words!r} does not fit its column"
    lines = {piece.mapTo(bar, piece.rect().topLeft()).y() for piece in (bar.overdue, bar.clear)}
    if width >= 1400:
        assert len(lines) == 1  # all on one line where there is room
