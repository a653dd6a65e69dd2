"""The table keeps each cell's findings between paints (a page asks for them hundreds of times);
they must still follow every change of findings, rows and text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from actionplan.validation import Finding, Location, Severity
from editor.edits import commands
from editor.edits.document import PlanDocument
from editor.table import cell_marks
from editor.table.columns import FINDINGS_ROLE, Column
from editor.table.plan_table_model import PlanTableModel
from tests.editor.table.test_plan_table_model import FakeFindings


class CountingFindings(FakeFindings):
    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(findings)
        self.asked = 0

    def findings_for(self, concern_id: str | None, action_id: str | None, field: str) -> list[Finding]:
        self.asked += 1
        return super().findings_for(concern_id, action_id, field)


def owner_error(document: PlanDocument, action_number: int = 0) -> Finding:
    concern = document.plan.concerns[0]
    action = concern.actions[action_number]
    return Finding("owner-missing", Severity.ERROR, "Add an owner.", Location(concern.id, action.id, "owner"))


def test_painting_a_cell_looks_its_findings_up_once(qapp: object, document: PlanDocument) -> None:
    model = PlanTableModel(document)
    source = CountingFindings([owner_error(document)])
    model.set_findings_source(source)
    owner = model.index(1, Column.OWNER)
    for role in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole):
        assert owner.data(role) is not None
    assert source.asked == 1


def test_new_findings_show_after_refresh(qapp: object, document: PlanDocument) -> None:
    model = PlanTableModel(document)
    source = FakeFindings([])
    model.set_findings_source(source)
    owner = model.index(1, Column.OWNER)
    assert owner.data(Qt.ItemDataRole.BackgroundRole) is None
    source.findings = [owner_error(document)]
    model.refresh_findings()
    assert owner.data(FINDINGS_ROLE) == source.findings
    source.findings = []
    model.refresh_findings()
    assert owner.data(Qt.ItemDataRole.DecorationRole) is None


def test_findings_follow_an_edit_and_a_move(document: PlanDocument) -> None:
    model = PlanTableModel(document)
    error = owner_error(document, action_number=1)
    model.set_findings_source(FakeFindings([error]))
    assert model.index(2, Column.OWNER).data(FINDINGS_ROLE) == [error]
    assert model.index(1, Column.OWNER).data(FINDINGS_ROLE) == []
    # The action with the finding moves up a row: its mark goes with it.
    concern = document.plan.concerns[0]
    document.undo_stack.push(commands.MoveAction(document, concern.actions[1].id, concern.id, 0))
    assert model.index(1, Column.OWNER).data(FINDINGS_ROLE) == [error]
    assert model.index(2, Column.OWNER).data(FINDINGS_ROLE) == []


def test_rows_the_paint_never_asks_about_cost_nothing(document: PlanDocument) -> None:
    model = PlanTableModel(document)
    source = CountingFindings([owner_error(document)])
    model.set_findings_source(source)
    owner = model.index(1, Column.OWNER)
    assert owner.data(Qt.ItemDataRole.ForegroundRole) is None
    assert owner.data(Qt.ItemDataRole.CheckStateRole) is None
    assert source.asked == 0


def cells_changed(model: PlanTableModel) -> list[tuple[int, int, int, int]]:
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda top, bottom, _roles=(): changed.append((top.row(), top.column(), bottom.row(), bottom.column()))
    )
    return changed


def test_an_edit_repaints_only_the_edited_cell(qapp: object, document: PlanDocument) -> None:
    model = PlanTableModel(document)
    changed = cells_changed(model)
    model.setData(model.index(1, Column.OWNER), "Governor")
    assert changed == [(1, Column.OWNER, 1, Column.OWNER)]
    changed.clear()
    model.setData(model.index(1, Column.CONCERN), "Drugs were far too easy to get.")
    assert changed == [(1, Column.CONCERN, 1, Column.CONCERN)]


def test_a_refresh_repaints_only_cells_whose_findings_changed(qapp: object, document: PlanDocument) -> None:
    model = PlanTableModel(document)
    source = FakeFindings([])
    model.set_findings_source(source)
    for row in range(model.rowCount()):  # as a paint does
        for column in Column:
            model.index(row, column).data(Qt.ItemDataRole.BackgroundRole)
    changed = cells_changed(model)
    source.findings = [owner_error(document)]
    model.refresh_findings()
    assert changed == [(1, Column.OWNER, 1, Column.OWNER)]
    assert model.index(1, Column.OWNER).data(FINDINGS_ROLE) == source.findings
    changed.clear()
    model.refresh_findings()  # nothing new
    assert changed == []


def test_after_scrolling_far_a_refresh_repaints_everything(qapp: object, document: PlanDocument,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cell_marks, "TRACKED_CELLS", 4)
    model = PlanTableModel(document)
    source = FakeFindings([])
    model.set_findings_source(source)
    for row in range(model.rowCount()):
        for column in Column:
            model.index(row, column).data(Qt.ItemDataRole.BackgroundRole)
    changed = cells_changed(model)
    source.findings = [owner_error(document)]
    model.refresh_findings()
    assert changed == [(0, 0, model.rowCount() - 1, len(Column) - 1)]
    assert model.index(1, Column.OWNER).data(FINDINGS_ROLE) == source.findings
