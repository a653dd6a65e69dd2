"""Validation in the real main window: cell marks, the problems panel, dismissals, counts,
the inspector's problems and spelling."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from actionplan.model import Plan
from actionplan.paths import config_dir
from actionplan.spelling import SpellChecker
from actionplan.storage import load_plan, save_plan
from actionplan.validation import Finding, Severity
from editor.checks.problems_panel import describe_place
from editor.checks.validation_ui import ValidationUi
from editor.edits.document import PlanDocument
from editor.table.columns import FINDINGS_ROLE, Column
from editor.window.main_window import MainWindow
from tests.editor.table_fixtures import _flush_deletes, activate, small_plan

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
needs_dictionary = pytest.mark.skipif(not SpellChecker().available, reason="no en-GB dictionary here")


def panel_rules(window: MainWindow) -> list[str]:
    return [finding.rule for finding in window.validation.panel.model.shown]


def owner_index(window: MainWindow, concern: int = 0, action: int = 0):  # type: ignore[no-untyped-def]
    plan = window.document.plan
    target = plan.concerns[concern]
    return window.table.plan_model.index_for(target.id, target.actions[action].id, "owner")


def test_error_appears_when_an_owner_is_cleared_and_clears_on_undo(window: MainWindow, qtbot: QtBot) -> None:
    assert "owner-missing" not in panel_rules(window)
    index = owner_index(window)
    assert window.table.plan_model.setData(index, "")  # what the owner editor does on Enter
    qtbot.waitUntil(lambda: "owner-missing" in panel_rules(window))
    # Already there: the key concern with no actions and three plan dates not set.
    assert window.validation.counts_label.text().startswith("5 errors")
    findings: list[Finding] = index.data(FINDINGS_ROLE)
    assert [f.rule for f in findings] == ["owner-missing"]
    assert "Add a responsible owner" in index.data(Qt.ItemDataRole.ToolTipRole)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: "owner-missing" not in panel_rules(window))
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    assert window.validation.counts_label.text().startswith("4 errors")


def test_errors_and_warnings_are_marked_differently(window: MainWindow, qtbot: QtBot) -> None:
    model = window.table.plan_model
    model.setData(owner_index(window, 0, 0), "")
    model.setData(owner_index(window, 0, 1), "Governor Governor")
    qtbot.waitUntil(lambda: "owner-multiple" in panel_rules(window))
    error_cell, warning_cell = owner_index(window, 0, 0), owner_index(window, 0, 1)
    error_brush = error_cell.data(Qt.ItemDataRole.BackgroundRole)
    warning_brush = warning_cell.data(Qt.ItemDataRole.BackgroundRole)
    assert error_brush.color() != warning_brush.color()
    assert error_cell.data(Qt.ItemDataRole.DecorationRole).cacheKey() != warning_cell.data(
        Qt.ItemDataRole.DecorationRole).cacheKey()
    assert warning_cell.data(Qt.ItemDataRole.ToolTipRole).startswith("Warning:")
    # A concern with no actions is marked on its concern text.
    key = window.document.plan.concerns[2]
    concern_cell = model.index(model.first_row_of_concern(key.id) or 0, Column.CONCERN)
    assert "Error:" in concern_cell.data(Qt.ItemDataRole.ToolTipRole)


def test_clicking_a_finding_selects_its_cell(window: MainWindow, qtbot: QtBot) -> None:
    window.table.plan_model.setData(owner_index(window, 1, 0), "")
    panel = window.validation.panel
    qtbot.waitUntil(lambda: "owner-missing" in panel_rules(window))
    row = panel_rules(window).index("owner-missing")
    view = panel.view
    view.scrollTo(panel.model.index(row, 1))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(panel.model.index(row, 2)).center())
    current = window.table.currentIndex()
    assert current == owner_index(window, 1, 0)
    assert window.table.selectionModel().isSelected(current)


def test_filters_by_severity_and_rule(window: MainWindow, qtbot: QtBot) -> None:
    window.table.plan_model.setData(owner_index(window, 0, 1), "Governor Governor")
    panel = window.validation.panel
    qtbot.waitUntil(lambda: "owner-multiple" in panel_rules(window))
    panel.severity_filter.setCurrentIndex(panel.severity_filter.findData(Severity.ERROR.value))
    assert {f.severity for f in panel.model.shown} == {Severity.ERROR}
    panel.severity_filter.setCurrentIndex(0)
    panel.rule_filter.setCurrentIndex(panel.rule_filter.findData("owner-multiple"))
    assert panel_rules(window) == ["owner-multiple"]
    assert panel.summary.text() == "1 problem shown"
    panel.rule_filter.setCurrentIndex(panel.rule_filter.findData("spelling"))
    assert panel.summary.text() == "No problems match these filters"


def test_a_plan_with_no_problems_is_called_ready(qtbot: QtBot) -> None:
    plan = load_plan(Path(__file__).parents[3] / "resources" / "sample-plan.actionplan")
    main = MainWindow(PlanDocument(plan))
    qtbot.addWidget(main)
    qtbot.waitUntil(lambda: main.validation.panel.summary.text().startswith("No problems found"))
    assert "ready to export" in main.validation.panel.summary.text()


def test_a_new_empty_plan_is_not_called_ready(qtbot: QtBot, no_leftover_widgets: None) -> None:
    main = MainWindow(PlanDocument(Plan()))
    activate(qtbot, main)
    try:
        panel = main.validation.panel
        assert not panel.summary.text().startswith("No problems found")
        assert panel_rules(main) == ["plan-empty", "establishment-missing", *["date-missing"] * 4]
        assert main.validation.counts_label.text().startswith("6 errors")
        places = [describe_place(f) for f in panel.model.shown]
        assert places == ["Plan: concerns", "Plan details: establishment", "Plan details: submission date",
                          "Plan details: inspection first day", "Plan details: inspection last day",
                          "Plan details: publication date"]
        assert panel.model.shown[0].message == "Add the concerns from the inspection report."
    finally:
        _close(main)


def test_clicking_no_concerns_goes_to_the_table(qtbot: QtBot, no_leftover_widgets: None) -> None:
    main = MainWindow(PlanDocument(Plan()))
    activate(qtbot, main)
    try:
        main.details.establishment.setFocus()
        view = main.validation.panel.view
        index = main.validation.panel.model.index(0, 2)
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
        qtbot.waitUntil(main.table.hasFocus)
        # Adding a concern there answers it.
        main.structure.add_priority.trigger()
        qtbot.waitUntil(lambda: "plan-empty" not in panel_rules(main))
        main.document.undo_stack.undo()
        qtbot.waitUntil(lambda: "plan-empty" in panel_rules(main))
    finally:
        _close(main)


@pytest.mark.parametrize(("row", "field"), [(2, "submitted"), (3, "inspection_start"), (4, "inspection_end"),
                                            (5, "published")])
def test_clicking_a_missing_date_goes_to_its_box(qtbot: QtBot, no_leftover_widgets: None, row: int,
                                                 field: str) -> None:
    main = MainWindow(PlanDocument(Plan()))
    activate(qtbot, main)
    try:
        main.validation.dock.show()
        view = main.validation.panel.view
        index = main.validation.panel.model.index(row, 2)
        view.scrollTo(index)
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
        box = main.details.dates[field]
        qtbot.waitUntil(box.picker.hasFocus)
        assert main.details_dock.isVisible()
        # Typing the date there clears the problem.
        qtbot.keyClicks(box.picker, "15/12/2026")
        qtbot.keyClick(box.picker, Qt.Key.Key_Return)
        assert getattr(main.document.plan.details, field) == dt.date(2026, 12, 15)
        qtbot.waitUntil(lambda: panel_rules(main).count("date-missing") == 3)
    finally:
        _close(main)


@pytest.fixture
def ongoing_plan_file(tmp_path: Path) -> Path:
    plan = small_plan()
    plan.concerns[0].actions[0].target = "Ongoing"
    path = tmp_path / "plan.actionplan"
    save_plan(plan, path)
    return path


def _open(qtbot: QtBot, path: Path) -> MainWindow:
    window = MainWindow(PlanDocument(load_plan(path), path))
    activate(qtbot, window)
    return window


def _close(window: MainWindow) -> None:
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    _flush_deletes()


def test_dismissed_warning_stays_dismissed_after_save_and_reopen(
        ongoing_plan_file: Path, qtbot: QtBot, no_leftover_widgets: None) -> None:
    window = _open(qtbot, ongoing_plan_file)
    panel = window.validation.panel
    [warning] = [f for f in panel.model.shown if f.rule == "target-ongoing-only"]
    panel.select_finding(warning)
    panel.ask_reason = lambda _finding: "Checked at every monthly safety meeting"
    assert panel.dismiss_button.isEnabled()
    QTest.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "target-ongoing-only" not in panel_rules(window))
    counts = window.validation.counts_label.text()
    assert counts.endswith("(1 dismissed)")
    assert window.document.is_modified()
    save_plan(window.document.plan, ongoing_plan_file)
    _close(window)

    reopened = _open(qtbot, ongoing_plan_file)
    try:
        assert "target-ongoing-only" not in panel_rules(reopened)
        assert reopened.validation.counts_label.text() == counts
        reopened.validation.panel.show_dismissed.setChecked(True)
        assert "target-ongoing-only" in panel_rules(reopened)
        [dismissal] = reopened.document.plan.dismissals
        assert dismissal.reason == "Checked at every monthly safety meeting"
    finally:
        _close(reopened)


def test_dismissing_is_undoable_and_errors_cannot_be_dismissed(window: MainWindow, qtbot: QtBot) -> None:
    window.table.plan_model.setData(owner_index(window, 0, 1), "Governor Governor")
    panel = window.validation.panel
    qtbot.waitUntil(lambda: "owner-multiple" in panel_rules(window))
    error = next(f for f in panel.model.shown if f.severity is Severity.ERROR)
    panel.select_finding(error)
    assert not panel.dismiss_button.isEnabled()
    warning = next(f for f in panel.model.shown if f.rule == "owner-multiple")
    panel.select_finding(warning)
    panel.ask_reason = lambda _finding: ""
    panel.dismiss_current()
    qtbot.waitUntil(lambda: "owner-multiple" not in panel_rules(window))
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: "owner-multiple" in panel_rules(window))
    assert window.document.plan.dismissals == []


def test_inspector_shows_the_selected_items_problems(window: MainWindow, qtbot: QtBot) -> None:
    index = owner_index(window, 1, 0)
    window.table.plan_model.setData(index, "")
    window.table.select_cell(index)
    inspector = window.inspector
    qtbot.waitUntil(lambda: inspector.problems_box.isVisible())
    expected = window.validation.adapter.item_findings(window.document.plan.concerns[1].actions[0].id)
    assert inspector.problems_box.title() == f"Problems ({len(expected)})"
    texts = [inspector.problems.itemAt(i).widget().text() for i in range(inspector.problems.count())]
    assert any("Add a responsible owner" in text for text in texts)


@pytest.fixture
def spelling_window(window: MainWindow, qtbot: QtBot) -> MainWindow:
    index = owner_index(window, 0, 0)
    window.table.select_cell(index)
    editor = window.inspector.action_text
    editor.setFocus()
    editor.selectAll()
    QTest.keyClicks(editor, "Staff will recieve training")
    qtbot.waitUntil(lambda: window.document.plan.concerns[0].actions[0].text == "Staff will recieve training")
    return window


def _underlined(editor_block_formats: list[QTextCharFormat.UnderlineStyle]) -> bool:
    return QTextCharFormat.UnderlineStyle.SpellCheckUnderline in editor_block_formats


@needs_dictionary
def test_spelling_is_underlined_with_a_menu_of_suggestions(spelling_window: MainWindow, qtbot: QtBot) -> None:
    window = spelling_window
    editor = window.inspector.action_text
    block = editor.document().firstBlock()
    styles = {(r.start, r.length): r.format.underlineStyle() for r in block.layout().formats()}
    assert styles.get((11, 7)) == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    qtbot.waitUntil(lambda: "spelling" in panel_rules(window))
    cursor = QTextCursor(block)
    cursor.setPosition(13)
    point = editor.cursorRect(cursor).center()
    menu = window.validation.spelling.build_menu(editor, point)
    texts = [action.text() for action in menu.actions()]
    assert texts[0] == "receive"
    assert "Add to dictionary" in texts
    assert "Ignore" in texts
    add = next(action for action in menu.actions() if action.text() == "Add to dictionary")
    add.trigger()
    menu.deleteLater()
    assert (config_dir() / "dictionary.txt").read_text(encoding="utf-8") == "recieve\n"
    qtbot.waitUntil(lambda: "spelling" not in panel_rules(window))
    styles = [r.format.underlineStyle() for r in editor.document().firstBlock().layout().formats()]
    assert not _underlined(styles)


@needs_dictionary
def test_a_word_added_to_the_plans_word_list_is_saved_in_the_plan_and_undoable(
        spelling_window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    window = spelling_window
    editor = window.inspector.action_text
    cursor = QTextCursor(editor.document().firstBlock())
    cursor.setPosition(13)
    menu = window.validation.spelling.build_menu(editor, editor.cursorRect(cursor).center())
    add = next(action for action in menu.actions() if action.text() == "Add to this plan’s word list")
    add.trigger()
    menu.deleteLater()
    assert window.document.plan.word_list == ["recieve"]
    qtbot.waitUntil(lambda: "spelling" not in panel_rules(window))
    assert not (config_dir() / "dictionary.txt").exists()  # the user's own dictionary is untouched
    styles = [r.format.underlineStyle() for r in editor.document().firstBlock().layout().formats()]
    assert not _underlined(styles)
    path = tmp_path / "plan.actionplan"
    save_plan(window.document.plan, path)
    assert load_plan(path).word_list == ["recieve"]
    window.undo_action.trigger()
    assert window.document.plan.word_list == []
    qtbot.waitUntil(lambda: "spelling" in panel_rules(window))
    styles = [r.format.underlineStyle() for r in editor.document().firstBlock().layout().formats()]
    assert _underlined(styles)


@needs_dictionary
def test_choosing_a_suggestion_fixes_the_word(spelling_window: MainWindow, qtbot: QtBot) -> None:
    window = spelling_window
    editor = window.inspector.action_text
    cursor = QTextCursor(editor.document().firstBlock())
    cursor.setPosition(13)
    menu = window.validation.spelling.build_menu(editor, editor.cursorRect(cursor).center())
    menu.actions()[0].trigger()
    menu.deleteLater()
    qtbot.waitUntil(lambda: window.document.plan.concerns[0].actions[0].text == "Staff will receive training")
    assert window.validation.spelling.misspelling_at(editor, QPoint(2, 2)) is None


def test_without_a_dictionary_the_status_bar_says_spelling_is_off(window: MainWindow) -> None:
    checker = SpellChecker(language="xx_NOWHERE")
    ui = ValidationUi(window.validation.views, checker)
    assert ui.spelling_label.text().startswith("Spelling is off:")
    assert ui.spelling_label.isVisibleTo(window)
    assert "owner-missing" not in [f.rule for f in ui.adapter.findings()]  # the rest works on


@needs_dictionary
def test_table_cell_editors_underline_spelling(window: MainWindow, qtbot: QtBot) -> None:
    from editor.checks.spelling_highlighter import SpellingHighlighter
    from editor.table.text_editor import PlanTextEdit

    plan = window.document.plan
    index = window.table.plan_model.index_for(plan.concerns[0].id, plan.concerns[0].actions[0].id, "text")
    window.table.select_cell(index)
    window.table.edit(index)
    qtbot.waitUntil(lambda: isinstance(window.table.focusWidget(), PlanTextEdit))
    editor = window.table.focusWidget()
    assert isinstance(editor.property("spelling_highlighter"), SpellingHighlighter)
    editor.setPlainText("Staff will recieve training.")
    formats = editor.document().firstBlock().layout().formats()
    assert [(r.start, r.length) for r in formats
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline] == [(11, 7)]


def test_a_rec_no_typed_in_the_inspector_that_is_not_a_reference_is_warned_about(
        window: MainWindow, qtbot: QtBot) -> None:
    concern = window.document.plan.concerns[0]
    window.reveal(concern.id, None, "reference")
    field = window.inspector.reference
    field.setFocus()
    qtbot.keyClicks(field, "Mr Smith")
    assert concern.reference == "Mr Smith"
    qtbot.waitUntil(lambda: "reference-unusual" in panel_rules(window))
    cell = window.table.plan_model.index_for(concern.id, None, "reference")
    assert "does not look like a Rec No" in cell.data(Qt.ItemDataRole.ToolTipRole)
    from PySide6.QtWidgets import QLabel

    shown = [label.text() for label in window.inspector.problems_box.findChildren(QLabel)]
    assert any("“Mr Smith” does not look like a Rec No" in text for text in shown)
    # A reference from the report is fine.
    field.selectAll()
    qtbot.keyClicks(field, "S45")
    qtbot.waitUntil(lambda: "reference-unusual" not in panel_rules(window))
