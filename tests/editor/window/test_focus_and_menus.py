"""Focus stays where a person can see it when the structure changes, the structure menu reads
naturally, and closing the window with the inspector's owner list open is quiet."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from actionplan.model import Plan
from editor.edits import commands
from editor.edits.document import PlanDocument
from editor.files.questions import SaveChanges
from editor.table.columns import Column
from editor.window.main_window import MainWindow
from tests.editor.file_host import make_host
from tests.editor.table_fixtures import activate, small_plan

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "This plugin does not support")

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
KEY_CONCERN_ROW = 5
"""Rows: Priority concerns, concern 1 (two actions), concern 2, Key concerns, concern 3."""
# Screenshots for a person to look at; HELPER_EVIDENCE chooses where.
EVIDENCE = Path(os.environ.get("HELPER_EVIDENCE", Path(tempfile.gettempdir()) / "actionplan-test-screens"))


def select(window: MainWindow, row: int, column: Column) -> None:
    window.table.select_cell(window.table.model().index(row, column))


def click_into_inspector_owner(qtbot: QtBot, window: MainWindow) -> QLineEdit:
    line = window.inspector.owner.lineEdit()
    assert line is not None
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(10, line.height() // 2))
    assert QApplication.focusWidget() in (line, window.inspector.owner)
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # typing replaces the owner
    return line


# Focus after structural changes ----------------------------------------------------------

@pytest.mark.parametrize(("key", "category"), [(Qt.Key.Key_P, "priority"), (Qt.Key.Key_K, "key")])
def test_adding_a_concern_from_the_inspector_owner_field_gives_focus_to_the_new_concern(
    qtbot: QtBot, window: MainWindow, key: Qt.Key, category: str
) -> None:
    select(window, 1, Column.OWNER)
    line = click_into_inspector_owner(qtbot, window)
    qtbot.keyClick(line, key, CTRL_SHIFT)
    concerns = window.document.plan.concerns
    assert len(concerns) == 4
    assert QApplication.focusWidget() is window.table
    assert window.inspector.action_box.isHidden()
    # What is typed next goes into the new concern's cell, not into a hidden field.
    for char in "Staff shortages":  # each key to wherever focus is, as a keyboard does
        qtbot.keyClicks(QApplication.focusWidget(), char)
    assert window.table.state() == QAbstractItemView.State.EditingState
    editor = QApplication.focusWidget()
    assert editor is not None
    assert window.table.isAncestorOf(editor)
    assert window.document.plan.details.establishment == "HMP Testing"
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    new = next(c for c in window.document.plan.concerns if c.text == "Staff shortages")
    assert new.category.value == category


def test_hiding_the_field_with_focus_hands_focus_to_the_table(qtbot: QtBot, window: MainWindow) -> None:
    select(window, 1, Column.OWNER)
    click_into_inspector_owner(qtbot, window)
    select(window, KEY_CONCERN_ROW, Column.CONCERN)  # the key concern: no action, so the action fields hide
    assert window.inspector.action_box.isHidden()
    assert QApplication.focusWidget() is window.table


def test_a_field_that_stays_shown_keeps_focus(qtbot: QtBot, window: MainWindow) -> None:
    select(window, 1, Column.OWNER)
    line = click_into_inspector_owner(qtbot, window)
    select(window, 2, Column.OWNER)  # another action: the same fields stay shown
    assert QApplication.focusWidget() in (line, window.inspector.owner)


def test_adding_an_action_from_the_inspector_gives_focus_to_its_cell(qtbot: QtBot, window: MainWindow) -> None:
    select(window, 1, Column.ACTION)
    window.inspector.action_text.setFocus()
    qtbot.keyClick(window.inspector.action_text, Qt.Key.Key_A, CTRL_SHIFT)
    assert len(window.document.plan.concerns[0].actions) == 3
    assert QApplication.focusWidget() is window.table
    assert window.table.currentIndex().column() == Column.ACTION


# Menu words ------------------------------------------------------------------------------

def plan_menu_texts(window: MainWindow) -> list[str]:
    return [a.text().replace("&", "") for a in window.menus["plan"].actions() if not a.isSeparator()]


def test_structure_menu_reads_naturally_for_an_action_and_a_concern(qtbot: QtBot, window: MainWindow) -> None:
    select(window, 1, Column.ACTION)
    texts = plan_menu_texts(window)
    for words in ("Add priority concern", "Add key concern", "Add action", "Duplicate action", "Delete action",
                  "Move action up", "Move action down", "Move concern to key concerns"):
        assert words in texts
    select(window, 1, Column.CONCERN)
    texts = plan_menu_texts(window)
    for words in ("Duplicate concern", "Delete concern", "Move concern up", "Move concern down"):
        assert words in texts
    select(window, KEY_CONCERN_ROW, Column.CONCERN)
    assert "Move concern to priority concerns" in plan_menu_texts(window)
    # Shortcuts are kept, and each tooltip names the action as the menu does, with its keys.
    structure = window.structure
    assert structure.move_up.shortcut().toString() == "Ctrl+Shift+Up"
    assert structure.move_down.shortcut().toString() == "Ctrl+Shift+Down"
    assert structure.delete.shortcut().toString() == "Ctrl+Del"
    assert structure.change_category.shortcut().toString() == "Ctrl+Shift+M"
    assert structure.move_up.toolTip() == "Move concern up (Ctrl+Shift+Up)"
    assert structure.change_category.toolTip() == "Move concern to priority concerns (Ctrl+Shift+M)"


def test_structure_menu_with_nothing_selected_has_short_words() -> None:
    main = MainWindow(PlanDocument(Plan()))
    try:
        texts = plan_menu_texts(main)
        assert "Move up" in texts
        assert "Change category" in texts
        assert "C&hange category" in [a.text() for a in main.menus["plan"].actions()]
        assert not any(text.endswith(" up action") for text in texts)
    finally:
        main.deleteLater()


def test_structure_menu_picture(qtbot: QtBot, window: MainWindow) -> None:
    select(window, 1, Column.ACTION)
    menu = window.menus["plan"]
    menu.popup(window.mapToGlobal(QPoint(100, 30)))
    qtbot.waitExposed(menu)
    EVIDENCE.mkdir(parents=True, exist_ok=True)
    menu.grab().save(str(EVIDENCE / "structure-menu-action.png"))
    menu.hide()
    select(window, 1, Column.CONCERN)
    menu.popup(window.mapToGlobal(QPoint(100, 30)))
    qtbot.waitExposed(menu)
    menu.grab().save(str(EVIDENCE / "structure-menu-concern.png"))
    menu.hide()


# Closing with the owner list open --------------------------------------------------------

def _flush() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


@pytest.mark.parametrize("which", ["completions", "list"])
def test_closing_the_window_with_the_inspector_owner_list_open_is_quiet(
    qtbot: QtBot, which: str, no_leftover_widgets: None
) -> None:
    main = MainWindow(PlanDocument(small_plan()))
    host = make_host(qtbot, main)
    activate(qtbot, main)
    select(main, 1, Column.OWNER)
    line = click_into_inspector_owner(qtbot, main)
    owner = main.inspector.owner
    qtbot.keyClicks(line, "Gov")
    if which == "list":
        owner.showPopup()
        assert owner.view().isVisible()
    else:
        qtbot.waitUntil(lambda: owner.completer().popup().isVisible())
        qtbot.keyClick(owner.completer().popup(), Qt.Key.Key_Down)
    typed = main.document.plan.concerns[0].actions[0].owner
    host.prompter.script("ask_save_changes", SaveChanges.DONT_SAVE)
    assert main.close()
    main.deleteLater()
    _flush()  # pytest-qt fails the test on any exception raised in a slot meanwhile
    assert typed in ("Gov", "Governor")


def test_an_owner_signal_while_the_inspector_is_taken_apart_changes_nothing(
    qtbot: QtBot, document: PlanDocument
) -> None:
    """The cause of a traceback at exit: the owner combo (with its list open) said its text
    changed while the inspector was being deleted, after its concern fields had gone. The
    inspector pushed the owner, heard the edit and reloaded the deleted concern fields."""
    from editor.panes.inspector import Inspector

    inspector = Inspector(document)
    concern = document.plan.concerns[0]
    inspector.show_item(concern.id, concern.actions[0].id)
    owner = inspector.owner
    owner.lineEdit().setText("Gov")
    inspector.action_text.destroyed.connect(lambda: owner.setEditText("Governor"))
    inspector.deleteLater()
    _flush()  # pytest-qt fails the test on an exception raised in a slot meanwhile
    assert document.plan.concerns[0].actions[0].owner == "Gov"
    assert document.undo_stack.count() == 1


@pytest.mark.parametrize("column", [Column.OWNER, Column.TARGET, Column.ACTION])
def test_a_structural_shortcut_in_an_empty_action_row_keeps_what_was_typed(
    qtbot: QtBot, window: MainWindow, column: Column
) -> None:
    """Keeping the cell adds the action; the rows rebuilt under the editor must not make the
    table keep it a second time (Qt warned that the editor did not belong to the view)."""
    table = window.table
    row = table.plan_model.first_row_of_concern(window.document.plan.concerns[2].id)
    assert row is not None
    table.select_cell(table.model().index(row, column))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    for char in "May 2027" if column is Column.TARGET else "Governor":
        qtbot.keyClicks(QApplication.focusWidget(), char)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_K, CTRL_SHIFT)
    _flush()
    key_concerns = [c for c in window.document.plan.concerns if c.category.value == "key"]
    assert len(key_concerns) == 2
    action = key_concerns[0].actions[0]
    assert str(action.target if column is Column.TARGET else getattr(action, column.field)) in ("May 2027", "Governor")
    assert window.focusWidget() is table
    assert QApplication.activePopupWidget() is None  # no completion list left over the table


@pytest.mark.parametrize("redo_keys", [
    (Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
])
def test_undo_and_redo_keys_work_from_the_table(
    qtbot: QtBot, window: MainWindow, redo_keys: tuple[Qt.Key, Qt.KeyboardModifier]
) -> None:
    """Ctrl+Y did nothing: the standard Redo key and Ctrl+Y were the same key twice."""
    activate(qtbot, window)
    window.table.setFocus()
    stack = window.document.undo_stack
    window.structure.add_key.trigger()
    count = len(window.document.plan.concerns)
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.document.plan.concerns) == count - 1
    qtbot.keyClick(window.table, *redo_keys)
    assert len(window.document.plan.concerns) == count
    assert not stack.canRedo()


def test_tab_from_a_concerns_last_target_goes_to_the_next_concern_not_the_heading(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A keyboard user who tabbed onto a heading lost what they typed next (found by a
    colleague trying the editor for the first time)."""
    activate(qtbot, window)
    model = window.table.model()
    assert window.table.plan_model.row(4).is_section  # "Key concerns"
    last_target = model.index(3, Column.TARGET)
    window.table.select_cell(last_target)
    window.table.edit(last_target)
    QApplication.processEvents()
    editor = QApplication.focusWidget()
    assert editor is not None
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    QApplication.processEvents()
    assert window.table.currentIndex().row() == 5
    qtbot.keyClick(QApplication.focusWidget() or window.table, Qt.Key.Key_Backtab)
    QApplication.processEvents()
    assert window.table.currentIndex().row() == 3


def test_typing_on_a_heading_changes_nothing_and_says_why(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window)
    before = window.document.plan.model_copy(deep=True)
    window.table.select_cell(window.table.model().index(4, 0))
    qtbot.keyClicks(window.table, "Dr")  # Qt would jump to "Drugs were…" and then edit it
    qtbot.keyClicks(QApplication.focusWidget() or window.table, "ugs again")
    QApplication.processEvents()
    assert window.table.currentIndex().row() == 4
    assert window.document.plan == before
    assert window.statusBar().currentMessage().startswith("Press Enter to add a key concern here")


def test_undoing_a_delete_goes_to_what_came_back(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window)
    plan = window.document.plan
    train = plan.concerns[0].actions[1]  # "Train staff.", row 2
    window.table.select_cell(window.table.model().index(2, Column.ACTION))
    window.structure.delete.trigger()
    QApplication.processEvents()
    window.table.select_cell(window.table.model().index(5, Column.ACTION))  # somewhere else
    window.undo_action.trigger()
    QApplication.processEvents()
    current = window.table.currentIndex()
    assert current.row() == 2
    assert window.table.plan_model.row(current.row()).action is train
    # Undoing a plain edit does not move the table.
    window.table.select_cell(window.table.model().index(5, Column.ACTION))
    window.document.undo_stack.push(commands.SetField(
        window.document, commands.FieldRef(plan.concerns[0].id, train.id, "owner"), "Deputy Governor"))
    window.undo_action.trigger()
    assert window.table.currentIndex().row() == 5


# Access keys -----------------------------------------------------------------------------

def _access_keys(window: MainWindow) -> list[str]:
    texts = [a.text() for a in window.menus["plan"].actions() if not a.isSeparator()]
    assert all(text.count("&") == 1 for text in texts), texts
    return [text[text.index("&") + 1].lower() for text in texts]


@pytest.mark.parametrize("era", ["concerns", "recommendations"])
@pytest.mark.parametrize(("row", "column"), [(0, Column.REC_NO), (1, Column.ACTION), (1, Column.CONCERN),
                                             (KEY_CONCERN_ROW, Column.CONCERN)])
def test_every_plan_menu_item_has_its_own_access_key(window: MainWindow, era: str, row: int, column: Column) -> None:
    from actionplan.model import Era
    from editor.edits.commands import FieldRef

    if era == "recommendations":
        window.document.undo_stack.push(commands.SetField(window.document, FieldRef(None, None, "era"),
                                                          Era.RECOMMENDATIONS))
    select(window, row, column)
    keys = _access_keys(window)
    assert len(keys) == len(set(keys)), keys


def test_alt_p_then_a_adds_an_action_from_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    select(window, 1, Column.ACTION)
    window.table.setFocus()
    menu = window.menus["plan"]
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: not menu.isVisible())
    assert len(window.document.plan.concerns[0].actions) == 3
    assert window.table.currentIndex().column() == Column.ACTION


def test_every_menu_s_commands_have_access_keys_of_their_own(qtbot: QtBot) -> None:
    from editor.window.import_menu import install_import
    from tests.editor.file_host import close_quietly

    host = make_host(qtbot, MainWindow(PlanDocument(small_plan())))
    window = host.window
    assert isinstance(window, MainWindow)
    install_import(window, host.files)
    try:
        for name, menu in window.menus.items():
            menu.aboutToShow.emit()
            texts = [a.text() for a in menu.actions() if not a.isSeparator() and a.isVisible()]
            keys = [text[text.index("&") + 1].lower() for text in texts if "&" in text]
            assert len(keys) == len(texts), (name, texts)
            assert len(keys) == len(set(keys)), (name, texts)
    finally:
        close_quietly(host)


def test_every_menu_title_takes_a_click(qtbot: QtBot) -> None:
    """Found by a new user: File, Edit and View did not open with the mouse, because a loose,
    empty label (the spelling note, when spelling works) sat over the left of the menu bar."""

    from actionplan.model import Plan
    from editor.edits.document import PlanDocument
    from editor.files.installing import install_file_handling
    from editor.window.import_menu import install_import
    from tests.editor.table_fixtures import activate

    window = MainWindow(PlanDocument(Plan()))
    qtbot.addWidget(window)
    files = install_file_handling(window, window.document)
    install_import(window, files)
    activate(qtbot, window)
    bar = window.menuBar()
    titles = [action for action in bar.actions() if action.menu() is not None]
    assert [action.text() for action in titles][:3] == ["&File", "&Edit", "&View"]
    for action in titles:
        middle = bar.actionGeometry(action).center()
        assert window.childAt(bar.mapTo(window, middle)) is bar, action.text()
    file_menu = titles[0].menu()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(titles[0]).center())
    qtbot.waitUntil(file_menu.isVisible, timeout=2000)
    file_menu.hide()
