"""A recommendations-era plan answers main recommendations and recommendations, not priority
and key concerns: the Plan menu, the inspector, the status bar and the empty table's guidance
say so, and follow the era when it changes (an undoable change in Plan details)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from actionplan.model import Category, Concern, Era, Plan
from actionplan.validation.findings import Finding, Location, Severity
from editor.checks.problems_panel import describe_place
from editor.edits import commands, structure
from editor.edits.document import PlanDocument
from editor.table.columns import Column
from editor.window.main_window import MainWindow
from tests.editor.table_fixtures import activate

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "This plugin does not support")

# Screenshots for a person to look at; HELPER_EVIDENCE chooses where.
EVIDENCE = Path(os.environ.get("HELPER_EVIDENCE", Path(tempfile.gettempdir()) / "actionplan-test-screens"))


def set_era(window: MainWindow, era: Era) -> None:
    combo = window.details.era
    combo.setCurrentIndex(combo.findData(era.value))
    assert window.document.plan.details.era is era


def select(window: MainWindow, row: int, column: Column) -> None:
    window.table.select_cell(window.table.model().index(row, column))


def plan_menu_texts(window: MainWindow) -> list[str]:
    menu = window.menus["plan"]
    menu.aboutToShow.emit()
    return [action.text().replace("&", "") for action in menu.actions() if not action.isSeparator()]


def test_menus_inspector_and_counts_use_the_era_words_and_follow_undo(window: MainWindow, qtbot: QtBot) -> None:
    select(window, 1, Column.CONCERN)
    structure, inspector = window.structure, window.inspector
    assert structure.add_priority.text().replace("&", "") == "Add priority concern"
    assert structure.change_category.text().replace("&", "") == "Move concern to key concerns"
    assert window.counts_label.text() == "2 priority concerns, 1 key concern, 3 actions"

    set_era(window, Era.RECOMMENDATIONS)
    texts = plan_menu_texts(window)
    assert "Add main recommendation" in texts
    assert "Add recommendation" in texts
    assert "Duplicate recommendation" in texts
    assert "Move recommendation to other recommendations" in texts
    assert not [text for text in texts if "concern" in text.lower()]
    assert structure.add_priority.toolTip() == "Add main recommendation (Ctrl+Shift+P)"
    assert inspector.heading.text() == "Main recommendation 1, action 1 of 2"
    assert inspector.concern_box.title() == "Recommendation"
    assert [inspector.category.itemText(i) for i in range(inspector.category.count())] == \
        ["Main recommendation", "Recommendation"]
    assert inspector.category.currentText() == "Main recommendation"
    assert window.counts_label.text() == "2 main recommendations, 1 recommendation, 3 actions"

    select(window, 5, Column.CONCERN)  # the key concern, now a recommendation
    assert structure.change_category.text().replace("&", "") == "Move recommendation to main recommendations"
    assert inspector.heading.text() == "Recommendation 3"

    EVIDENCE.mkdir(parents=True, exist_ok=True)
    window.resize(1200, 760)
    QApplication.processEvents()
    window.grab().save(str(EVIDENCE / "era-recommendations-window.png"))
    window.undo_action.trigger()  # the era goes back
    assert window.document.plan.details.era is Era.CONCERNS
    assert structure.add_priority.text().replace("&", "") == "Add priority concern"
    assert structure.change_category.text().replace("&", "") == "Move concern to priority concerns"
    assert inspector.heading.text() == "Key concern 3"
    assert inspector.concern_box.title() == "Concern"
    assert window.counts_label.text() == "2 priority concerns, 1 key concern, 3 actions"


def test_the_category_combo_still_changes_the_category(window: MainWindow, qtbot: QtBot) -> None:
    set_era(window, Era.RECOMMENDATIONS)
    select(window, 1, Column.CONCERN)
    combo = window.inspector.category
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    drugs = next(c for c in window.document.plan.concerns if c.text.startswith("Drugs"))
    assert drugs.category is Category.KEY
    assert window.inspector.heading.text().startswith("Recommendation ")


def test_an_empty_recommendations_plan_says_so(qtbot: QtBot, no_leftover_widgets: None) -> None:
    window = MainWindow(PlanDocument(Plan()))
    try:
        activate(qtbot, window)
        assert window.table.empty_plan_lines()[:3] == [
            "This plan has no concerns yet.", "Add a priority concern: press Ctrl+Shift+P",
            "Add a key concern: press Ctrl+Shift+K"]
        set_era(window, Era.RECOMMENDATIONS)
        lines = window.table.empty_plan_lines()
        assert lines[:3] == ["This plan has no recommendations yet.",
                             "Add a main recommendation: press Ctrl+Shift+P",
                             "Add a recommendation: press Ctrl+Shift+K"]
        assert window.table.accessibleDescription().startswith("This plan has no recommendations yet.")
        assert window.counts_label.text() == "0 main recommendations, 0 recommendations, 0 actions"
        EVIDENCE.mkdir(parents=True, exist_ok=True)
        window.resize(1100, 700)
        QApplication.processEvents()
        window.grab().save(str(EVIDENCE / "era-empty-recommendations-plan.png"))
        qtbot.keyClick(window.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        assert window.inspector.heading.text() == "Main recommendation 1"
        window.grab().save(str(EVIDENCE / "era-first-main-recommendation.png"))
    finally:
        window.document.undo_stack.clear()
        window.close()
        window.deleteLater()


def test_the_concern_column_heading_follows_the_era(window: MainWindow) -> None:
    model = window.table.model()

    def heading() -> str:
        return model.headerData(Column.CONCERN, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)

    assert heading() == "Concerns"
    set_era(window, Era.RECOMMENDATIONS)
    assert heading() == "Recommendation"
    window.undo_action.trigger()
    assert heading() == "Concerns"


def test_undo_texts_and_problem_places_use_the_plans_words(window: MainWindow) -> None:
    set_era(window, Era.RECOMMENDATIONS)
    stack = window.document.undo_stack
    concern = window.document.plan.concerns[0]
    structure.delete_concerns(window.document, [concern.id])
    assert stack.undoText() == "Delete recommendation"
    stack.undo()
    stack.push(commands.ChangeCategory(window.document, concern.id, Category.KEY))
    assert stack.undoText() == "Make recommendation"
    stack.undo()
    stack.push(commands.AddConcerns(window.document, [Concern(), Concern()], Category.PRIORITY))
    assert stack.undoText() == "Add 2 main recommendations"
    stack.undo()
    finding = Finding("owner-missing", Severity.ERROR, "Name an owner.",
                      Location(concern.id, "a1", "owner", "S45", 2))
    assert describe_place(finding, window.document.plan.details.era.item_noun()) == (
        "Recommendation S45, action 2: responsible owner")
    assert describe_place(finding) == "Concern S45, action 2: responsible owner"
