"""A 1024 by 700 screen: the table's narrow columns keep their words on one line, the response
column takes the rest, the side docks shrink; the keyboard shortcuts fit; file filters read
plainly."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QTableWidget
from pytestqt.qtbot import QtBot

from editor.exchange import export_controller, import_controller
from editor.exchange.export_dialog import ExportChoice, ExportOptionsDialog
from editor.table.columns import Column
from editor.window.main_window import MainWindow
from editor.window.shortcuts import SHORTCUTS
from editor.window.shortcuts_dialog import ShortcutsDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _settle(main: MainWindow, width: int, height: int) -> None:
    main.resize(width, height)
    for _ in range(3):
        QApplication.processEvents()


def _fits_on_one_line(main: MainWindow, column: Column, text: str) -> bool:
    metrics = main.table.fontMetrics()
    return metrics.horizontalAdvance(text) + 10 <= main.table.columnWidth(column)


@pytest.mark.parametrize(("width", "height"), [(1024, 700), (1280, 800), (1920, 1080)])
def test_target_dates_fit_and_the_response_column_takes_the_rest(
    window: MainWindow, width: int, height: int
) -> None:
    _settle(window, width, height)
    table = window.table
    for text in ("30 September 2027", "Completed and ongoing"):
        assert _fits_on_one_line(window, Column.TARGET, text)
    assert _fits_on_one_line(window, Column.OWNER, "Head of Security")
    widths = {column: table.columnWidth(column) for column in Column}
    assert sum(widths.values()) <= table.viewport().width()  # no sideways scrolling
    assert widths[Column.ACTION] == max(widths.values())
    assert not table.horizontalScrollBar().isVisible()


def test_zooming_in_keeps_the_target_date_on_one_line(window: MainWindow, qtbot: QtBot) -> None:
    _settle(window, 1024, 700)
    for _ in range(3):
        qtbot.keyClick(window.table, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.table.point_size() >= 12
    assert _fits_on_one_line(window, Column.TARGET, "Completed and ongoing")
    assert _fits_on_one_line(window, Column.TARGET, "30 September 2027")


def test_headings_wrap_rather_than_being_cut_off(window: MainWindow) -> None:
    _settle(window, 1024, 700)
    table = window.table
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    action = Column.ACTION
    if metrics.horizontalAdvance(action.heading) > table.columnWidth(action) - 14:
        assert header.height() >= 2 * metrics.height()


def test_the_side_docks_give_the_table_room_on_a_small_screen(qtbot: QtBot, no_leftover_widgets: None) -> None:
    from editor.edits.document import PlanDocument
    from tests.editor.table_fixtures import _flush_deletes, small_plan

    main = MainWindow(PlanDocument(small_plan()))
    main.resize(1024, 700)
    main.show()
    qtbot.waitExposed(main)
    try:
        QApplication.processEvents()
        assert main.inspector_dock.width() <= 320
        assert main.table.width() >= 650
        main.details_dock.raise_()
        QApplication.processEvents()
        assert main.details_dock.minimumSizeHint().width() <= 300
    finally:
        main.close()
        main.deleteLater()
        _flush_deletes()


# Keyboard shortcuts --------------------------------------------------------------------------


def test_shortcuts_are_a_two_column_table_that_fits_a_small_screen(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.show_shortcuts()
    assert isinstance(dialog, ShortcutsDialog)
    qtbot.waitExposed(dialog)
    table = dialog.findChild(QTableWidget)
    assert table is not None
    assert [table.horizontalHeaderItem(c).text() for c in range(2)] == ["Action", "Keys"]
    assert dialog.width() <= 1024 - 60
    assert dialog.height() <= 700 - 60
    assert dialog.width() >= 600  # not the narrow, long message box it was
    keys = {table.item(r, 1).text() for r in range(table.rowCount()) if table.item(r, 1) is not None}
    assert {k for k, _ in SHORTCUTS} == keys
    # Every line is readable without scrolling sideways.
    assert table.horizontalScrollBar().maximum() == 0
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_shortcuts_list_names_the_window_s_own_keys(window: MainWindow) -> None:
    listed = " ".join(keys for keys, _ in SHORTCUTS)
    actions = [*window.structure.all(), window.panes.next_action, window.panes.previous_action, window.find_action]
    for action in actions:
        if action is None:
            continue
        key = action.shortcut().toString()
        assert key.replace("Del", "Delete").split("+")[0] in listed, action.text()
    assert "F6 / Shift+F6" in listed


# File filters --------------------------------------------------------------------------------


def test_export_and_import_filters_name_the_type_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    asked: list[str] = []

    def fake_save(_parent: object, _title: str, _path: str, file_filter: str) -> tuple[str, str]:
        asked.append(file_filter)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    prompter = export_controller.QtExportPrompter(None)
    for suffix in (".docx", ".pdf", ".odt"):
        prompter.choose_path(tmp_path / f"plan{suffix}")
    assert asked == ["Word document (*.docx)", "PDF, tagged for accessibility (*.pdf)",
                     "OpenDocument text (*.odt)"]
    assert import_controller.WORD_FILTER.split(";;")[0] == "Word document (*.docx)"


def test_the_export_dialog_still_names_each_format_with_its_suffix(qtbot: QtBot) -> None:
    dialog = ExportOptionsDialog(ExportChoice(), None, libreoffice_installed=True)
    qtbot.addWidget(dialog)
    labels = [button.text() for button in dialog.format_buttons.values()]
    assert labels == ["Word document (.docx)", "PDF, tagged for accessibility (.pdf)", "OpenDocument text (.odt)"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(width=st.integers(min_value=0, max_value=5000), points=st.integers(min_value=7, max_value=36))
def test_column_widths_keep_every_minimum_and_use_the_whole_width(window: MainWindow, width: int, points: int) -> None:
    table = window.table
    table.set_point_size(points)
    minimum = {column: table.minimum_column_width(column) for column in Column}
    widths = table.column_widths(width)
    assert all(widths[column] >= minimum[column] for column in Column)
    if width >= sum(minimum.values()):
        assert sum(widths.values()) == width  # nothing cut off, nothing left over
        assert widths[Column.ACTION] >= widths[Column.CONCERN]
    else:
        assert widths == minimum  # too narrow: the table scrolls sideways instead


def test_dock_sizes_saved_last_time_are_kept(qtbot: QtBot, no_leftover_widgets: None) -> None:
    from editor.edits.document import PlanDocument
    from tests.editor.table_fixtures import _flush_deletes, small_plan

    first = MainWindow(PlanDocument(small_plan()))
    first.resize(1600, 900)
    first.show()
    qtbot.waitExposed(first)
    first.resizeDocks([first.inspector_dock], [600], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    saved = first.inspector_dock.width()
    state = first.saveState()
    first.close()
    second = MainWindow(PlanDocument(small_plan()))
    try:
        second.resize(1600, 900)
        assert second.restoreState(state)
        second.show()
        qtbot.waitExposed(second)
        for _ in range(3):
            QApplication.processEvents()
        assert abs(second.inspector_dock.width() - saved) <= 4
    finally:
        for main in (first, second):
            main.close()
            main.deleteLater()
        _flush_deletes()
