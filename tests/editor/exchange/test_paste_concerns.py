"""Edit ▸ Paste concerns from report… in the real main window: the live preview, Add as one undo
step, and the concerns landing in the right sections."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from actionplan.model import Category
from editor.exchange.paste_concerns_dialog import (
    ConcernPaster,
    PasteConcernsDialog,
    add_pasted_concerns,
    describe_count,
    hyphenation_check,
)
from editor.window.main_window import MainWindow
from importers.report_paste import split_concerns
from tests.editor.file_host import close_quietly, make_host

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

REPORT_TEXT = """\
Priority concerns
1. Leaders had not done enough to reduce the high levels of self-
harm among prisoners, and too many were held in segrega-
tion for long periods.
2. Too many prisoners were locked in their cells for most of the
day, and the regime was often curtailed at short notice.
12
Key concerns
3. Staff did not always challenge poor behaviour, and the use of
force was not always well governed.
4. Rehabili-
tation work was limited and few prisoners had a sentence plan.
Page 13 of 40
5. Prisoners could not get enough time in the open air.
6. The library was often closed.
"""
PASTED_PRIORITY = [
    "Leaders had not done enough to reduce the high levels of self-harm among prisoners, and too many "
    "were held in segregation for long periods.",
    "Too many prisoners were locked in their cells for most of the day, and the regime was often "
    "curtailed at short notice.",
]
PASTED_KEY = [
    "Staff did not always challenge poor behaviour, and the use of force was not always well governed.",
    "Rehabilitation work was limited and few prisoners had a sentence plan.",
    "Prisoners could not get enough time in the open air.",
    "The library was often closed.",
]


@pytest.fixture
def paster(qtbot: QtBot, window: MainWindow) -> Iterator[ConcernPaster]:
    """The paster installed in the real window the way the editor installs it."""
    from editor.window.import_menu import install_import

    host = make_host(qtbot, window)
    yield install_import(window, host.files).paste
    close_quietly(host)


def menu_action(window: MainWindow) -> QAction:
    return next(a for a in window.menus["edit"].actions() if a.text() == "&Paste concerns from report…")


def open_dialog(window: MainWindow, paster: ConcernPaster, clipboard: str = "") -> PasteConcernsDialog:
    QGuiApplication.clipboard().setText(clipboard)
    menu_action(window).trigger()
    assert paster.dialog is not None
    assert paster.dialog.isVisible()
    return paster.dialog


def texts(window: MainWindow, category: Category) -> list[str]:
    return [concern.text for concern in window.document.plan.in_category(category)]


def cell(dialog: PasteConcernsDialog, row: int, column: int) -> str:
    model = dialog.preview.model()
    return str(model.data(model.index(row, column)))


def wait_for_preview(qtbot: QtBot, dialog: PasteConcernsDialog, count_text: str) -> None:
    qtbot.waitUntil(lambda: dialog.count_label.text() == count_text, timeout=3000)


def test_paste_from_the_clipboard_adds_every_concern_in_one_undo_step(
    qtbot: QtBot, window: MainWindow, paster: ConcernPaster
) -> None:
    priority_before = texts(window, Category.PRIORITY)
    key_before = texts(window, Category.KEY)
    undo_steps = window.document.undo_stack.count()
    dialog = open_dialog(window, paster, REPORT_TEXT)

    assert dialog.text_box.toPlainText() == REPORT_TEXT
    assert dialog.count_label.text() == "6 concerns will be added: 2 priority, 4 key"
    assert dialog.preview_model.rowCount() == 6
    assert [cell(dialog, row, 0) for row in range(6)] == ["Priority"] * 2 + ["Key"] * 4
    assert cell(dialog, 3, 2) == PASTED_KEY[1]
    assert "“12”" in dialog.ignored_label.text()
    assert "“Page 13 of 40”" in dialog.ignored_label.text()
    assert dialog.add_button.text() == "&Add 6 concerns"

    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    assert texts(window, Category.PRIORITY) == priority_before + PASTED_PRIORITY
    assert texts(window, Category.KEY) == key_before + PASTED_KEY
    assert window.document.undo_stack.count() == undo_steps + 1
    assert window.document.is_modified()
    first = window.document.plan.in_category(Category.PRIORITY)[len(priority_before)]
    current = window.table.plan_model.row(window.table.currentIndex().row())
    assert current.concern is not None
    assert current.concern.id == first.id
    assert "Added 6 concerns" in window.statusBar().currentMessage()

    window.undo_action.trigger()
    assert texts(window, Category.PRIORITY) == priority_before
    assert texts(window, Category.KEY) == key_before
    window.redo_action.trigger()
    assert texts(window, Category.PRIORITY) == priority_before + PASTED_PRIORITY
    assert texts(window, Category.KEY) == key_before + PASTED_KEY
    qtbot.waitUntil(lambda: paster.dialog is None)


def test_typing_updates_the_preview_after_a_pause(qtbot: QtBot, window: MainWindow, paster: ConcernPaster) -> None:
    dialog = open_dialog(window, paster)
    assert not dialog.add_button.isEnabled()
    assert dialog.preview_model.rowCount() == 0
    dialog.text_box.setFocus()
    QTest.keyClicks(dialog.text_box, "S45 Visits often started late")
    wait_for_preview(qtbot, dialog, "1 concern will be added: 1 priority")
    assert cell(dialog, 0, 1) == "S45"
    assert dialog.add_button.isEnabled()
    QTest.keyClick(dialog.text_box, Qt.Key.Key_Return)
    QTest.keyClicks(dialog.text_box, "S46 Too few prisoners had work")
    wait_for_preview(qtbot, dialog, "2 concerns will be added: 2 priority")

    QTest.mouseClick(dialog.key, Qt.MouseButton.LeftButton)
    assert dialog.count_label.text() == "2 concerns will be added: 2 key"
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    added = window.document.plan.in_category(Category.KEY)[-2:]
    assert [(c.reference, c.text) for c in added] == [("S45", "Visits often started late"),
                                                      ("S46", "Too few prisoners had work")]


def test_ctrl_v_replaces_what_came_from_the_clipboard(qtbot: QtBot, window: MainWindow, paster: ConcernPaster) -> None:
    dialog = open_dialog(window, paster, "some unrelated text")
    dialog.text_box.setFocus()
    QGuiApplication.clipboard().setText(REPORT_TEXT)
    QTest.keySequence(dialog.text_box, QKeySequence.StandardKey.Paste)
    assert dialog.text_box.toPlainText() == REPORT_TEXT
    wait_for_preview(qtbot, dialog, "6 concerns will be added: 2 priority, 4 key")


def test_cancel_adds_nothing(qtbot: QtBot, window: MainWindow, paster: ConcernPaster) -> None:
    before = window.document.plan.model_copy(deep=True)
    dialog = open_dialog(window, paster, REPORT_TEXT)
    QTest.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert window.document.plan == before
    assert not window.document.undo_stack.canUndo()


def test_keyboard_alone_reaches_every_control(qtbot: QtBot, window: MainWindow, paster: ConcernPaster) -> None:
    dialog = open_dialog(window, paster, REPORT_TEXT.split("Key concerns")[0].replace("Priority concerns", ""))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.text_box)
    visited = [QApplication.focusWidget()]
    QTest.keyClick(dialog.text_box, Qt.Key.Key_Tab)
    visited.append(QApplication.focusWidget())
    QTest.keyClick(dialog.priority, Qt.Key.Key_Right)  # arrows move between the two sections
    visited.append(QApplication.focusWidget())
    assert dialog.count_label.text() == "2 concerns will be added: 2 key"
    for _ in range(2):
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [dialog.text_box, dialog.priority, dialog.key, dialog.preview, dialog.add_button]
    for control in (dialog.text_box, dialog.priority, dialog.key, dialog.preview, dialog.add_button,
                    dialog.cancel_button):
        assert control.accessibleName(), control
    for label in (dialog.count_label, dialog.ignored_label):
        assert not label.accessibleName()  # a screen reader reads the label's own words
        assert label.accessibleDescription()
    QTest.keyClick(dialog.add_button, Qt.Key.Key_Space)
    assert texts(window, Category.KEY)[-2:] == PASTED_PRIORITY


def test_escape_closes_the_dialog(qtbot: QtBot, window: MainWindow, paster: ConcernPaster) -> None:
    dialog = open_dialog(window, paster, REPORT_TEXT)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: paster.dialog is None)
    assert not window.document.undo_stack.canUndo()


def test_read_only_turns_the_action_off(window: MainWindow, paster: ConcernPaster) -> None:
    window.document.set_read_only(True)
    assert not menu_action(window).isEnabled()
    paster.open_dialog()
    assert paster.dialog is None
    window.document.set_read_only(False)
    assert menu_action(window).isEnabled()


def test_line_end_hyphens_use_the_spelling_dictionary(window: MainWindow) -> None:
    spelling = window.validation.adapter.spelling
    if not spelling.available:
        pytest.skip(spelling.reason)
    is_word = hyphenation_check(spelling)
    text = "1. Rehabili-\ntation and resettle-\nment work, self-\nharm reviews and well-\nbeing checks."
    result = split_concerns(text, is_word=is_word)
    assert result.concerns[0].text == "Rehabilitation and resettlement work, self-harm reviews and wellbeing checks."


def test_describe_count() -> None:
    result = split_concerns("Key concerns\n1. One.\n2. Two.")
    assert describe_count(result) == "2 concerns will be added: 2 key"
    assert describe_count(split_concerns("")).startswith("No concerns found yet")


_LINES = st.one_of(
    st.sampled_from(["Priority concerns", "Key concerns", "KEY CONCERNS:", "12", "Page 3 of 40", ""]),
    st.builds(lambda n, words: f"{n}. {words}", st.integers(1, 40),
              st.text(st.characters(whitelist_categories=("Ll", "Lu", "Zs")), min_size=1, max_size=40)),
    st.text(st.characters(whitelist_categories=("Ll", "Lu", "Zs", "Pd", "Po")), max_size=60),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(_LINES, max_size=12), key=st.booleans())
def test_preview_matches_what_add_adds(qtbot: QtBot, window: MainWindow, lines: list[str], key: bool) -> None:
    document = window.document
    before = document.plan.model_copy(deep=True)
    dialog = PasteConcernsDialog(None, window, "\n".join(lines))
    try:
        if key:
            dialog.key.setChecked(True)
        expected = split_concerns("\n".join(lines), Category.KEY if key else Category.PRIORITY)
        assert dialog.pasted == expected
        assert dialog.preview_model.rowCount() == len(expected.concerns)
        assert dialog.add_button.isEnabled() == bool(expected.concerns)
        added = add_pasted_concerns(document, dialog.pasted.concerns)
        assert len(document.plan.concerns) == len(before.concerns) + len(added)
        assert [c.category for c in document.plan.concerns] == sorted(
            (c.category for c in document.plan.concerns), key=lambda c: c is Category.KEY)
        if added:
            document.undo_stack.undo()
        assert document.plan == before
    finally:
        dialog.deleteLater()


def test_preview_model_passes_the_model_tester(qtmodeltester: ModelTester, qtbot: QtBot) -> None:
    dialog = PasteConcernsDialog(None, None, REPORT_TEXT)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.preview_model, force_py=True)  # type: ignore[no-untyped-call]
    model = dialog.preview_model
    assert model.data(model.index(1, 2), Qt.ItemDataRole.ToolTipRole) == PASTED_PRIORITY[1]
    assert "S45" in model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def test_a_long_preview_is_replaced_as_the_text_changes(qtbot: QtBot) -> None:
    """(The time this takes is in benchmarks/bench_import.py.)"""
    text = "\n".join(f"{number}. Leaders had not done enough to reduce self-\nharm among prisoners in\nsegregation."
                     for number in range(1, 301))
    dialog = PasteConcernsDialog(None, None, text)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text_box.setPlainText(text + "\n301. One more.")
    dialog.update_preview()
    QApplication.processEvents()
    assert dialog.preview_model.rowCount() == 301
    assert cell(dialog, 300, 2) == "One more."
    assert cell(dialog, 0, 2) == "Leaders had not done enough to reduce self-harm among prisoners in segregation."


def test_a_concern_that_only_just_fits_its_cell_wraps_rather_than_being_cut_short(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QHeaderView

    concern = "Rehabilitation work was limited and few prisoners had a sentence plan."
    dialog = PasteConcernsDialog(None, None, f"1. {concern}")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.preview
    # As on a 1024 by 700 screen: the Concern column a few pixels wider than the text, but not
    # wide enough once the cell's padding is taken off.
    view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
    view.setColumnWidth(2, view.fontMetrics().horizontalAdvance(concern) + 10)
    QApplication.processEvents()
    assert view.rowHeight(0) >= 2 * view.fontMetrics().lineSpacing()
