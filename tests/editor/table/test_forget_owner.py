"""A remembered owner (typed before, kept in the settings) can be forgotten from the owner
lists: Delete on the highlighted name, or its context menu. This plan's owners and the
standard ones cannot."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from editor.table.columns import Column
from editor.table.owner_editor import FORGET_HINT, OwnerComboBox
from editor.table.owners import owner_offer, remember_owner, typed_owners
from editor.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "This plugin does not support")

MISTYPED = "Head of Secuirty"
# Screenshots for a person to look at; HELPER_EVIDENCE chooses where.
EVIDENCE = Path(os.environ.get("HELPER_EVIDENCE", Path(tempfile.gettempdir()) / "actionplan-test-screens"))


def row_of(view: QAbstractItemView, owner: str) -> QModelIndex:
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data() == owner:
            return index
    raise AssertionError(f"{owner} is not offered")


def offered(view: QAbstractItemView) -> list[str]:
    model = view.model()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def open_owner_cell(qtbot: QtBot, window: MainWindow) -> OwnerComboBox:
    table = window.table
    index = table.model().index(1, Column.OWNER)
    table.select_cell(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.indexWidget(index)
    assert isinstance(editor, OwnerComboBox)
    return editor


def test_only_owners_typed_before_can_be_forgotten(window: MainWindow) -> None:
    remember_owner(MISTYPED)
    remember_owner("Head of Security")  # also in the plan
    plan = window.document.plan
    assert owner_offer(plan)[1] == {MISTYPED}
    assert MISTYPED in owner_offer(plan)[0]


def test_delete_in_the_cell_list_forgets_a_remembered_owner(qtbot: QtBot, window: MainWindow) -> None:
    remember_owner(MISTYPED)
    editor = open_owner_cell(qtbot, window)
    editor.showPopup()
    view = editor.view()
    assert view.isVisible()
    # The list is wide enough for the longest name, though the cell is narrower.
    assert view.viewport().width() >= view.sizeHintForColumn(0) > editor.width()
    index = row_of(view, MISTYPED)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == FORGET_HINT
    view.setCurrentIndex(index)
    EVIDENCE.mkdir(parents=True, exist_ok=True)
    qtbot.wait(50)  # let the inspector lay itself out, as it has before a person sees it
    window.grab().save(str(EVIDENCE / "owner-list-remembered-name.png"))
    view.window().grab().save(str(EVIDENCE / "owner-list-popup.png"))
    with qtbot.waitSignal(editor.forgotten) as forgotten:
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert forgotten.args == [MISTYPED]
    assert MISTYPED not in offered(view)
    assert MISTYPED not in typed_owners()
    # What is in the cell is untouched, and nothing was edited.
    assert editor.owner() == "Head of Security"
    assert window.document.undo_stack.count() == 0
    # Not offered again in the next cell opened either.
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    again = open_owner_cell(qtbot, window)
    assert again.findText(MISTYPED) == -1


def test_delete_on_a_standard_or_plan_owner_does_nothing(qtbot: QtBot, window: MainWindow) -> None:
    editor = open_owner_cell(qtbot, window)
    editor.showPopup()
    view = editor.view()
    for owner in ("Governor", "Head of Security"):
        index = row_of(view, owner)
        assert index.data(Qt.ItemDataRole.ToolTipRole) != FORGET_HINT
        view.setCurrentIndex(index)
        qtbot.keyClick(view, Qt.Key.Key_Delete)
        assert owner in offered(view)
        assert editor.forget_menu(index) is None


def test_delete_in_the_inspector_completions_forgets_the_highlighted_name(qtbot: QtBot, window: MainWindow) -> None:
    remember_owner(MISTYPED)
    remember_owner("Head of Visits")
    window.table.select_cell(window.table.model().index(1, Column.ACTION))  # the inspector reloads its lists
    owner = window.inspector.owner
    line = owner.lineEdit()
    assert line is not None
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "Secuir")
    popup = owner.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert offered(popup) == [MISTYPED]
    qtbot.keyClick(popup, Qt.Key.Key_Down)  # highlight it
    assert popup.currentIndex().data() == MISTYPED
    qtbot.keyClick(popup, Qt.Key.Key_Delete)
    assert MISTYPED not in typed_owners()
    assert "Head of Visits" in typed_owners()
    assert owner.findText(MISTYPED) == -1
    # Delete with nothing highlighted still deletes a character of what is typed.
    line.setText("Head of Visits")
    line.setCursorPosition(0)
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    assert line.text() == "ead of Visits"
    assert "Head of Visits" in typed_owners()


def test_the_context_menu_offers_forget_for_a_remembered_name(qtbot: QtBot, window: MainWindow) -> None:
    remember_owner(MISTYPED)
    editor = open_owner_cell(qtbot, window)
    editor.showPopup()
    view = editor.view()
    menu = editor.forget_menu(row_of(view, MISTYPED))
    assert menu is not None
    actions = menu.actions()
    assert [a.text() for a in actions] == [f"Forget “{MISTYPED}”"]
    menu.popup(view.viewport().mapToGlobal(QPoint(10, 10)))
    qtbot.waitExposed(menu)
    menu.grab().save(str(EVIDENCE / "owner-forget-menu.png"))
    actions[0].trigger()
    menu.close()
    assert MISTYPED not in offered(view)
    assert MISTYPED not in typed_owners()
    assert QApplication.activePopupWidget() is not menu
