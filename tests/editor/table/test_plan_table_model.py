"""The table adapter: layout like the Word table, edits through undo, findings as data roles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from actionplan.model import Category, Concern
from actionplan.target_date import TargetDate
from actionplan.validation.findings import Finding, Location, Severity
from editor.edits import structure
from editor.edits.document import PlanDocument
from editor.table.columns import ACTION_ID_ROLE, FINDINGS_ROLE, TARGET_ROLE, Column
from editor.table.plan_table_model import PlanTableModel
from editor.table.table_rows import layout_rows

pytestmark = pytest.mark.usefixtures("qapp")


def texts(model: PlanTableModel, column: Column) -> list[str]:
    return [model.index(row, column).data() or "" for row in range(model.rowCount())]


def test_rows_follow_the_word_table(document: PlanDocument) -> None:
    model = PlanTableModel(document)
    assert texts(model, Column.REC_NO) == ["Priority concerns", "1", "1", "2", "Key concerns", "3"]
    assert texts(model, Column.ACTION)[1:4] == ["Search more cells.", "Train staff.", "Recruit an analyst."]
    assert texts(model, Column.TARGET)[1:4] == ["December 2026", "Completed", "March 2027"]
    assert [r.span for r in model.rows() if r.first] == [2, 1, 1]
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headings == ["Rec No", "Concerns", "Response action taken/planned", "Responsible owner", "Target date"]


def test_empty_sections_still_have_their_heading() -> None:
    rows = layout_rows([])
    assert [r.category for r in rows] == [Category.PRIORITY, Category.KEY]


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester, document: PlanDocument) -> None:
    model = PlanTableModel(document)
    qtmodeltester.check(model, force_py=True)
    structure.add_concern(document, Category.KEY)
    structure.add_action(document, document.plan.concerns[0].id)
    structure.delete_concerns(document, [document.plan.concerns[1].id])
    model.setData(model.index(1, Column.OWNER), "Deputy Governor")
    document.undo_stack.undo()
    qtmodeltester.check(model, force_py=True)


def test_set_data_pushes_an_undo_command(document: PlanDocument) -> None:
    model = PlanTableModel(document)
    index = model.index(1, Column.OWNER)
    assert model.setData(index, "Deputy Governor")
    assert document.plan.concerns[0].actions[0].owner == "Deputy Governor"
    assert document.undo_stack.count() == 1
    assert model.setData(index, "Deputy Governor")
    assert document.undo_stack.count() == 1  # nothing changed, nothing to undo
    document.undo_stack.undo()
    assert index.data() == "Head of Security"


def test_target_cell_parses_text_and_gives_the_target(document: PlanDocument) -> None:
    model = PlanTableModel(document)
    index = model.index(2, Column.TARGET)
    model.setData(index, "31/03/2027")
    assert index.data() == "31 March 2027"
    assert index.data(TARGET_ROLE) == TargetDate.parse("31 March 2027")


def test_rec_no_edits_the_manual_reference(document: PlanDocument) -> None:
    model = PlanTableModel(document)
    model.setData(model.index(3, Column.REC_NO), "S45")
    assert texts(model, Column.REC_NO) == ["Priority concerns", "1", "1", "S45", "Key concerns", "3"]
    assert model.index(3, Column.REC_NO).data(Qt.ItemDataRole.EditRole) == "S45"
    assert model.index(1, Column.REC_NO).data(Qt.ItemDataRole.EditRole) == ""


def test_typing_into_a_concern_without_actions_adds_its_first_action(document: PlanDocument) -> None:
    model = PlanTableModel(document)
    key_row = model.rowCount() - 1
    assert model.index(key_row, Column.ACTION).data(ACTION_ID_ROLE) is None
    model.setData(model.index(key_row, Column.OWNER), "Governor")
    concern = document.plan.in_category(Category.KEY)[0]
    assert [a.owner for a in concern.actions] == ["Governor"]
    assert model.index(key_row, Column.OWNER).data() == "Governor"


def test_sections_are_not_editable_and_read_only_stops_edits(document: PlanDocument) -> None:
    model = PlanTableModel(document)
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(1, Column.ACTION)) & Qt.ItemFlag.ItemIsEditable
    document.set_read_only(True)
    assert not model.flags(model.index(1, Column.ACTION)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(1, Column.ACTION), "changed")


def test_only_changed_rows_are_reported(document: PlanDocument) -> None:
    model = PlanTableModel(document)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, _roles=(): changed.append((top.row(), bottom.row())))
    model.setData(model.index(3, Column.ACTION), "Recruit two analysts.")
    assert changed == [(3, 3)]


class FakeFindings:
    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings

    def findings_for(self, concern_id: str | None, action_id: str | None, field: str) -> list[Finding]:
        return [f for f in self.findings if (f.location.concern_id, f.location.action_id, f.location.field)
                == (concern_id, action_id, field)]


def test_findings_show_as_background_tooltip_and_icon(document: PlanDocument) -> None:
    model = PlanTableModel(document)
    concern = document.plan.concerns[0]
    action = concern.actions[0]
    error = Finding("owner-missing", Severity.ERROR, "Add an owner.", Location(concern.id, action.id, "owner"))
    warning = Finding("vague", Severity.WARNING, "Say what will change.", Location(concern.id, None, "text"))
    refreshed: list[object] = []
    model.dataChanged.connect(lambda *args: refreshed.append(args))
    model.set_findings_source(FakeFindings([error, warning]))
    assert refreshed
    owner = model.index(1, Column.OWNER)
    assert owner.data(Qt.ItemDataRole.ToolTipRole) == "Error: Add an owner."
    assert owner.data(Qt.ItemDataRole.BackgroundRole).color().red() > 240
    assert owner.data(Qt.ItemDataRole.DecorationRole) is not None
    assert owner.data(FINDINGS_ROLE) == [error]
    assert model.index(1, Column.CONCERN).data(Qt.ItemDataRole.ToolTipRole) == "Warning: Say what will change."
    assert model.index(2, Column.OWNER).data(Qt.ItemDataRole.ToolTipRole) is None


def test_drop_moves_actions_and_concerns(document: PlanDocument) -> None:
    model = PlanTableModel(document)
    first = document.plan.concerns[0]
    moving = first.actions[0]
    data = model.mimeData([model.index(1, Column.ACTION)])
    # Dropped on the second concern's action row: goes before that action.
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(3, Column.ACTION))
    assert document.plan.concerns[1].actions[0] is moving
    concern_data = model.mimeData([model.index(model.rowCount() - 1, Column.CONCERN)])
    assert model.dropMimeData(concern_data, Qt.DropAction.MoveAction, -1, -1, model.index(0, 0))
    assert document.plan.concerns[0].text == "Visits started late."
    assert document.plan.concerns[0].category is Category.PRIORITY


def test_index_for_fields(document: PlanDocument) -> None:
    model = PlanTableModel(document)
    concern: Concern = document.plan.concerns[1]
    action = concern.actions[0]
    assert (model.index_for(concern.id, action.id, "target").row(), model.index_for(concern.id, action.id, "target").column()) == (3, Column.TARGET)
    assert model.index_for(concern.id, None, "reference").column() == Column.REC_NO
    assert not model.index_for(None, None, "establishment").isValid()
