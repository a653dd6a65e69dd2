"""F6 and Shift+F6 move the keyboard between the table, the inspector or plan details, and the
problems list; Esc in plan details goes back to the table."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from editor.table.text_editor import PlanTextEdit
from editor.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

SHIFT = Qt.KeyboardModifier.ShiftModifier


def focus() -> QWidget | None:
    return QApplication.focusWidget()


def within(container: QWidget) -> bool:
    widget = focus()
    return widget is not None and (widget is container or container.isAncestorOf(widget))


def f6(qtbot: QtBot, shift: bool = False) -> None:
    widget = focus()
    assert widget is not None
    qtbot.keyClick(widget, Qt.Key.Key_F6, SHIFT if shift else Qt.KeyboardModifier.NoModifier)


def test_f6_cycles_table_inspector_problems_and_back(window: MainWindow, qtbot: QtBot) -> None:
    table = window.table
    concern = window.document.plan.concerns[0]
    window.reveal(concern.id, concern.actions[0].id, "text")  # the inspector has something to show
    assert within(table)
    f6(qtbot)
    assert within(window.inspector_dock)
    assert focus() is not window.inspector_dock  # a control in it, ready for typing
    f6(qtbot)
    assert focus() is window.validation.panel.view
    f6(qtbot)
    assert focus() is table
    f6(qtbot, shift=True)
    assert focus() is window.validation.panel.view
    f6(qtbot, shift=True)
    assert within(window.inspector_dock)
    f6(qtbot, shift=True)
    assert focus() is table


def test_f6_goes_to_plan_details_when_that_tab_is_in_front(window: MainWindow, qtbot: QtBot) -> None:
    window.details_dock.raise_()
    QApplication.processEvents()
    f6(qtbot)
    assert focus() is window.details.establishment
    assert tab_in_front(window) == "Plan details"
    # Esc in the form goes back to the table, and the inspector comes back to the front.
    qtbot.keyClick(window.details.establishment, Qt.Key.Key_Escape)
    assert focus() is window.table
    QApplication.processEvents()
    assert tab_in_front(window) == "Inspector"


def tab_in_front(window: MainWindow) -> str:
    """Which of the inspector and plan details, tabbed together, is in front."""
    for bar in window.findChildren(QTabBar):
        names = [bar.tabText(number) for number in range(bar.count())]
        if "Inspector" in names and bar.isVisible():
            return bar.tabText(bar.currentIndex())
    raise AssertionError("no tabs for the inspector and plan details")


def test_esc_from_the_plan_details_introduction_returns_to_the_table(window: MainWindow, qtbot: QtBot) -> None:
    window.details_dock.raise_()
    window.details.introduction.setFocus()
    assert isinstance(focus(), PlanTextEdit)
    qtbot.keyClick(window.details.introduction, Qt.Key.Key_Escape)
    assert focus() is window.table


def test_a_pane_gets_back_the_control_that_last_had_the_focus(window: MainWindow, qtbot: QtBot) -> None:
    window.details_dock.raise_()
    QApplication.processEvents()
    window.details.era.setFocus()
    window.table.setFocus()
    f6(qtbot)
    assert focus() is window.details.era


def test_hidden_panes_are_skipped(window: MainWindow, qtbot: QtBot) -> None:
    window.validation.dock.hide()
    window.inspector_dock.hide()
    window.details_dock.hide()
    f6(qtbot)
    assert focus() is window.table


def test_f6_while_typing_in_a_cell_keeps_the_typing(window: MainWindow, qtbot: QtBot) -> None:
    plan = window.document.plan
    window.table.setCurrentIndex(window.table.plan_model.index_for(plan.concerns[0].id, None, "text"))
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    editor = focus()
    assert isinstance(editor, PlanTextEdit)
    qtbot.keyClicks(editor, " More.")
    f6(qtbot)
    assert within(window.inspector_dock)
    assert plan.concerns[0].text == "Drugs were too freely available. More."


def test_f6_is_in_the_view_menu(window: MainWindow) -> None:
    texts = {a.text().replace("&", ""): a.shortcut().toString() for a in window.menus["view"].actions()}
    assert texts["Next pane"] == "F6"
    assert texts["Previous pane"] == "Shift+F6"


def test_escape_in_the_problems_list_returns_to_the_table(window: MainWindow, qtbot: QtBot) -> None:
    view = window.validation.panel.view
    view.setFocus()
    assert focus() is view
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert focus() is window.table


def test_f6_to_an_inspector_with_nothing_to_show_focuses_the_inspector_itself(window: MainWindow, qtbot: QtBot) -> None:
    window.table.setCurrentIndex(window.table.plan_model.index(0, 0))  # a section row
    f6(qtbot)
    assert within(window.inspector_dock)
    f6(qtbot)
    assert focus() is window.validation.panel.view


# The inspector keeps following the table after F6 (issue 15, item 1) ---------------------------

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _type(qtbot: QtBot, text: str) -> None:
    for character in text:  # the first letter opens the cell's editor; the rest go into it
        qtbot.keyClicks(focus(), character)


def _click_concern(qtbot: QtBot, window: MainWindow, number: int) -> None:
    from editor.table.columns import Column

    model = window.table.plan_model
    row = model.first_row_of_concern(window.document.plan.concerns[number].id)
    assert row is not None
    rect = window.table.visualRect(model.index(row, Column.CONCERN))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.wait(30)  # an event loop turn: labels deleted later are deleted now


@pytest.fixture
def two_new_concerns(qtbot: QtBot) -> MainWindow:
    """A new plan; Ctrl+Shift+P, "Alpha.", Ctrl+Enter; Ctrl+Shift+K, "Beta.", Ctrl+Enter: two
    concerns with no actions yet, as every plan pasted from a report starts."""
    from actionplan.model import Plan
    from editor.edits.document import PlanDocument
    from tests.editor.table_fixtures import activate

    window = MainWindow(PlanDocument(Plan()))
    qtbot.addWidget(window)
    activate(qtbot, window)
    for keys, text in ((Qt.Key.Key_P, "Alpha."), (Qt.Key.Key_K, "Beta.")):
        qtbot.keyClick(window.table, keys, CTRL_SHIFT)
        _type(qtbot, text)
        qtbot.keyClick(focus(), Qt.Key.Key_Return, CTRL)
    assert [c.text for c in window.document.plan.concerns] == ["Alpha.", "Beta."]
    return window


def test_after_f6_the_inspector_still_follows_the_table_and_edits_the_right_concern(
        two_new_concerns: MainWindow, qtbot: QtBot) -> None:
    window = two_new_concerns
    alpha, beta = window.document.plan.concerns
    _click_concern(qtbot, window, 0)
    f6(qtbot)
    _click_concern(qtbot, window, 1)
    assert window.inspector.concern_text.text() == "Beta."
    _click_concern(qtbot, window, 0)
    assert window.inspector.concern_id == alpha.id
    assert window.inspector.concern_text.text() == "Alpha."
    # Typing in the inspector changes the concern selected in the table, and only that one.
    window.inspector.concern_text.setFocus()
    qtbot.keyClick(window.inspector.concern_text, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(window.inspector.concern_text, " More.")
    qtbot.waitUntil(lambda: window.document.plan.concerns[0].text == "Alpha. More.")
    assert beta.text == "Beta."


@pytest.mark.parametrize("move", [(Qt.Key.Key_M, "section"), (Qt.Key.Key_Up, "up")], ids=["make-key", "move-up"])
def test_after_f6_moving_a_concern_keeps_the_inspector_following(
        two_new_concerns: MainWindow, qtbot: QtBot, move: tuple[Qt.Key, str]) -> None:
    window = two_new_concerns
    _click_concern(qtbot, window, 1)
    f6(qtbot)
    _click_concern(qtbot, window, 1)
    qtbot.keyClick(window.table, move[0], CTRL_SHIFT)
    qtbot.wait(30)
    for number, text in enumerate(("Alpha.", "Beta.")):
        concern = next(c for c in window.document.plan.concerns if c.text == text)
        _click_concern(qtbot, window, window.document.plan.concerns.index(concern))
        assert window.inspector.concern_id == concern.id, number
        assert window.inspector.concern_text.text() == text


def test_no_code_walks_the_focus_chain_through_pyside() -> None:
    """``nextInFocusChain()`` and ``previousInFocusChain()`` make PySide treat each widget they
    return as owned by the one asked; deleting one then marks others deleted (see
    ``pane_navigation._first_focusable``)."""
    import re
    from pathlib import Path

    import editor

    root = Path(editor.__file__).parent
    call = re.compile(r"\.(next|previous)InFocusChain\(")
    walkers = [str(path.relative_to(root)) for path in root.rglob("*.py")
               if call.search(path.read_text(encoding="utf-8"))]
    assert walkers == []


def test_the_inspector_keeps_following_the_table_after_its_problems_change(window: MainWindow, qtbot: QtBot) -> None:
    """Found with random keys: the inspector's problem labels were deleted and made again on each
    change, and PySide then let go of the inspector's own field labels; from then on the
    inspector stopped following the table (its heading named one concern, its fields another)."""
    from editor.table.columns import Column

    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    table = window.table
    table.select_cell(table.model().index(1, Column.ACTION))
    for key, modifiers in ((Qt.Key.Key_F2, None), (Qt.Key.Key_Right, None), (Qt.Key.Key_P, ctrl_shift),
                           (Qt.Key.Key_P, ctrl_shift), ("x", None), (Qt.Key.Key_Return, None), ("x", None),
                           (Qt.Key.Key_F6, None)):
        widget = focus()
        assert widget is not None
        if isinstance(key, str):
            qtbot.keyClicks(widget, key)
        else:
            qtbot.keyClick(widget, key, modifiers or Qt.KeyboardModifier.NoModifier)
        QApplication.processEvents()
    table.select_cell(table.model().index(1, Column.ACTION))
    QApplication.processEvents()
    concern = window.document.plan.concerns[0]
    assert window.inspector.heading.text() == "Priority concern 1, action 1 of 2"
    assert window.inspector.concern_text.toPlainText() == concern.text
    assert window.inspector.action_text.toPlainText() == concern.actions[0].text


# The inspector by keyboard ---------------------------------------------------------------------


@pytest.mark.parametrize(("column_name", "field"), [("OWNER", "owner"), ("ACTION", "action_text"),
                                                     ("REC_NO", "reference"), ("CONCERN", "concern_text")])
def test_f6_to_the_inspector_lands_on_the_field_of_the_current_cell(
        window: MainWindow, qtbot: QtBot, column_name: str, field: str) -> None:
    from editor.table.columns import Column

    table = window.table
    table.select_cell(table.model().index(1, Column[column_name]))
    table.setFocus()
    f6(qtbot)
    expected = getattr(window.inspector, field)
    assert focus() is expected or expected.isAncestorOf(focus())
    # A real field shows that it has the focus (a caret, a frame), and it is in view.
    assert focus() is not window.inspector
    assert not focus().visibleRegion().isEmpty()


def test_f6_to_the_target_date_lands_in_its_text(window: MainWindow, qtbot: QtBot) -> None:
    from editor.table.columns import Column

    window.table.select_cell(window.table.model().index(1, Column.TARGET))
    window.table.setFocus()
    f6(qtbot)
    assert focus() is window.inspector.target.line_edit()


def test_f6_to_an_empty_inspector_frames_its_heading(window: MainWindow, qtbot: QtBot) -> None:
    window.table.setCurrentIndex(window.table.plan_model.index(0, 0))  # a section row
    f6(qtbot)
    heading = window.inspector.heading
    assert focus() is heading
    assert heading.hasFocus()
    assert "QLabel:focus" in heading.styleSheet()


def test_esc_in_the_inspector_returns_to_the_table(window: MainWindow, qtbot: QtBot) -> None:
    from editor.table.columns import Column

    table = window.table
    table.select_cell(table.model().index(1, Column.ACTION))
    table.setFocus()
    f6(qtbot)
    assert focus() is window.inspector.action_text
    qtbot.keyClicks(window.inspector.action_text, " Weekly.")
    qtbot.keyClick(window.inspector.action_text, Qt.Key.Key_Escape)
    assert focus() is table
    assert table.currentIndex().row() == 1  # still on the same cell
    assert window.document.plan.concerns[0].actions[0].text.endswith(" Weekly.")  # typing kept


def test_an_action_added_with_ctrl_shift_a_and_typed_in_closes_on_esc(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QAbstractItemView

    from editor.table.columns import Column

    table = window.table
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    for first_key in ("typing", Qt.Key.Key_F2, Qt.Key.Key_Return):
        table.select_cell(table.model().index(1, Column.ACTION))
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_A, ctrl_shift)
        if first_key == "typing":
            qtbot.keyClicks(table, "Check")
        else:
            qtbot.keyClick(table, first_key)
            qtbot.keyClicks(focus(), "Check")
        assert table.state() == QAbstractItemView.State.EditingState
        qtbot.wait(400)  # the typing has reached the plan
        qtbot.keyClick(focus(), Qt.Key.Key_Escape)
        assert table.state() != QAbstractItemView.State.EditingState
        assert focus() is table
