"""Drive the real main window from the keyboard: create a plan, add concerns and actions, edit
through each delegate, move, delete and undo, checking the plan after every step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from actionplan.model import Category, Plan
from actionplan.target_date import TargetDate
from editor.edits.document import PlanDocument
from editor.table.columns import Column
from editor.table.owner_editor import OwnerComboBox
from editor.table.target_date_editor import TargetDateEditor
from editor.table.text_editor import PlanTextEdit
from editor.window.main_window import MainWindow
from tests.editor.table_fixtures import _flush_deletes, activate, small_plan

# The offscreen platform cannot raise windows or grab the keyboard for popups; it says so.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def editor_widget(main: MainWindow) -> object:
    return QApplication.focusWidget()


def current(main: MainWindow) -> tuple[int, int]:
    index = main.table.currentIndex()
    return index.row(), index.column()


def test_build_a_plan_from_the_keyboard(qtbot: QtBot, no_leftover_widgets: None) -> None:
    main = MainWindow(PlanDocument(Plan()))
    activate(qtbot, main)
    table = main.table
    plan = main.document.plan
    try:
        # Add a priority concern and type its text.
        qtbot.keyClick(table, Qt.Key.Key_P, CTRL_SHIFT)
        assert [c.category for c in plan.concerns] == [Category.PRIORITY]
        assert current(main) == (1, Column.CONCERN)
        qtbot.keyClick(table, Qt.Key.Key_Return)
        text_editor = QApplication.focusWidget()
        assert isinstance(text_editor, PlanTextEdit)
        qtbot.keyClicks(text_editor, "Drugs were too freely available.")
        qtbot.keyClick(text_editor, Qt.Key.Key_Return, CTRL)
        assert plan.concerns[0].text == "Drugs were too freely available."
        assert table.state() != QAbstractItemView.State.EditingState

        # Add an action and type a dash list; Enter continues the list, Tab finishes.
        qtbot.keyClick(table, Qt.Key.Key_A, CTRL_SHIFT)
        assert len(plan.concerns[0].actions) == 1
        assert current(main) == (1, Column.ACTION)
        qtbot.keyClick(table, Qt.Key.Key_F2)
        text_editor = QApplication.focusWidget()
        assert isinstance(text_editor, PlanTextEdit)
        qtbot.keyClicks(text_editor, "Search more:")
        qtbot.keyClick(text_editor, Qt.Key.Key_Return)
        qtbot.keyClicks(text_editor, "- cells")
        qtbot.keyClick(text_editor, Qt.Key.Key_Return)
        qtbot.keyClicks(text_editor, "visitors")
        qtbot.keyClick(text_editor, Qt.Key.Key_Tab)
        assert plan.concerns[0].actions[0].text == "Search more:\n- cells\n- visitors"

        # Tab moved on to the owner cell and opened the owner combo box.
        owner_editor = QApplication.focusWidget()
        while owner_editor is not None and not isinstance(owner_editor, OwnerComboBox):
            owner_editor = owner_editor.parentWidget()
        assert isinstance(owner_editor, OwnerComboBox)
        assert "Head of Security" in [owner_editor.itemText(i) for i in range(owner_editor.count())]
        qtbot.keyClicks(QApplication.focusWidget(), "Head of Sec")
        qtbot.keyClicks(QApplication.focusWidget(), "urity")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        assert plan.concerns[0].actions[0].owner == "Head of Security"

        # The target date editor parses what is typed.
        table.setCurrentIndex(table.model().index(1, Column.TARGET))
        qtbot.keyClick(table, Qt.Key.Key_F2)
        date_editor = table.findChild(TargetDateEditor)
        assert date_editor is not None
        qtbot.keyClicks(date_editor.line_edit(), "dec 2026")
        assert date_editor.feedback() == "Understood as: December 2026"
        qtbot.keyClick(date_editor.line_edit(), Qt.Key.Key_Return)
        assert plan.concerns[0].actions[0].target == TargetDate.of_month(2026, 12)
        assert table.model().index(1, Column.TARGET).data() == "December 2026"

        # A key concern, moved up into the priority section, then deleted and brought back.
        qtbot.keyClick(table, Qt.Key.Key_K, CTRL_SHIFT)
        assert [c.category for c in plan.concerns] == [Category.PRIORITY, Category.KEY]
        key_id = plan.concerns[1].id
        qtbot.keyClick(table, Qt.Key.Key_Up, CTRL_SHIFT)
        assert [c.category for c in plan.concerns] == [Category.PRIORITY, Category.PRIORITY]
        assert plan.concerns[1].id == key_id
        qtbot.keyClick(table, Qt.Key.Key_Up, CTRL_SHIFT)
        assert plan.concerns[0].id == key_id
        assert table.model().index(1, Column.REC_NO).data() == "1"
        qtbot.keyClick(table, Qt.Key.Key_Delete, CTRL)
        assert [c.text for c in plan.concerns] == ["Drugs were too freely available."]
        qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
        assert plan.concerns[0].id == key_id

        # Undo everything: an empty plan again, and clean.
        while main.document.undo_stack.canUndo():
            main.document.undo_stack.undo()
        assert main.document.plan == Plan()
        assert not main.isWindowModified()
    finally:
        main.close()
        main.deleteLater()
        _flush_deletes()


def test_title_shows_file_name_and_modified_marker(window: MainWindow, tmp_path: object) -> None:
    from pathlib import Path

    assert window.windowTitle() == "Untitled plan[*] — Action Plan Editor"
    window.document.replace(small_plan(), Path("stoke-heath.actionplan"))
    assert window.windowTitle() == "stoke-heath.actionplan[*] — Action Plan Editor"
    assert not window.isWindowModified()
    window.table.model().setData(window.table.model().index(1, Column.OWNER), "Governor")
    assert window.isWindowModified()
    window.document.undo_stack.undo()
    assert not window.isWindowModified()


def test_status_bar_counts(window: MainWindow) -> None:
    assert window.counts_label.text() == "2 priority concerns, 1 key concern, 3 actions"
    window.structure.add_key.trigger()
    assert window.counts_label.text() == "2 priority concerns, 2 key concerns, 3 actions"


def test_menus_are_there_for_others_to_extend(window: MainWindow) -> None:
    assert set(window.menus) == {"file", "edit", "view", "plan", "help"}
    plan_texts = [a.text().replace("&", "") for a in window.menus["plan"].actions()]
    assert "Add priority concern" in plan_texts
    assert "Add key concern" in plan_texts


def test_reveal_selects_the_cell_or_opens_the_details(window: MainWindow) -> None:
    concern = window.document.plan.concerns[1]
    window.reveal(concern.id, concern.actions[0].id, "target")
    assert current(window) == (3, Column.TARGET)
    assert window.inspector.action_id == concern.actions[0].id
    window.reveal(None, None, "published")
    assert window.details_dock.isVisible()
    assert window.details.dates["published"].picker.hasFocus()


def test_zoom_changes_the_table_text_size(window: MainWindow, qtbot: QtBot) -> None:
    before = window.table.point_size()
    qtbot.keyClick(window.table, Qt.Key.Key_Equal, CTRL)
    assert window.table.point_size() == before + 1
    qtbot.keyClick(window.table, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(window.table, Qt.Key.Key_Minus, CTRL)
    assert window.table.point_size() == before - 1
    qtbot.keyClick(window.table, Qt.Key.Key_0, CTRL)
    assert window.table.point_size() == before


def test_escape_cancels_an_edit(window: MainWindow, qtbot: QtBot) -> None:
    table = window.table
    table.setCurrentIndex(table.model().index(1, Column.ACTION))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    text_editor = QApplication.focusWidget()
    assert isinstance(text_editor, PlanTextEdit)
    qtbot.keyClicks(text_editor, " and more")
    qtbot.keyClick(text_editor, Qt.Key.Key_Escape)
    assert window.document.plan.concerns[0].actions[0].text == "Search more cells."
    assert window.document.undo_stack.count() == 0


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QTableView

    kinds = (QLineEdit, QPlainTextEdit, QComboBox, QDateEdit, QTableView, QAbstractButton)
    unnamed = []
    for widget in window.findChildren(object):
        if isinstance(widget, kinds) and not widget.accessibleName():
            parent = widget.parentWidget()
            # A combo box's own line edit is named through its owner, and Qt names the
            # inner parts of its own controls (calendar, spin box) itself.
            if isinstance(widget, QLineEdit) and isinstance(parent, QComboBox):
                continue
            if widget.objectName().startswith("qt_") or isinstance(parent, QLineEdit):
                continue
            unnamed.append((type(widget).__name__, widget.objectName(), widget.toolTip()))
    assert unnamed == [], "\n".join(map(str, unnamed))


# Help ------------------------------------------------------------------------------------------


def _help_action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    return next(a for a in window.menus["help"].actions() if a.text().replace("&", "") == text)


def test_help_about_names_the_version(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMessageBox

    from actionplan import __version__

    _help_action(window, "About Action Plan Editor").trigger()
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert f"Action Plan Editor, version {__version__}" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())


def test_help_explains_smart_actions_in_plain_words(window: MainWindow, qtbot: QtBot) -> None:
    import re

    from actionplan.validation import style
    from actionplan.validation.parsing import TextScan
    from editor.window.help_dialogs import SmartGuidanceDialog

    _help_action(window, "Writing SMART actions").trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SmartGuidanceDialog))
    qtbot.waitExposed(dialog)
    text = dialog.text.toPlainText()
    for heading in ("Specific", "Measurable", "Achievable and realistic", "Time-bound", "Owned", "Relevant"):
        assert heading in text
    assert "role, not a person" in text
    assert "“Ongoing” on its own" in text
    # It keeps to the GOV.UK style the editor asks of the plan.
    for paragraph in [" ".join(p.split()) for p in re.split(r"\n+", text) if p.strip()]:
        scan = TextScan(paragraph)
        assert style.words_to_avoid_problem(paragraph, scan) is None, paragraph
        assert style.long_sentence_problem(paragraph, scan) is None, paragraph
    assert dialog.width() <= 1024 - 16
    assert dialog.height() <= 700 - 40
    assert window.show_smart_guidance() is dialog  # asked again, the same one comes forward
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
