"""The table model answers a painting delegate's one ``multiData`` call exactly as it answers
``data`` role by role: text, alignment, bold Rec No, section tint, and the marks of findings."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QModelRoleData, QModelRoleDataSpan, Qt
from PySide6.QtGui import QBrush, QFont, QIcon
from pytestqt.qtbot import QtBot

from actionplan.validation.findings import Finding, Location, Severity
from benchmarks.generate import make_plan
from editor.edits.document import PlanDocument
from editor.table.columns import ACTION_ID_ROLE, CONCERN_ID_ROLE, FINDINGS_ROLE, IS_SECTION_ROLE, TARGET_ROLE
from editor.table.plan_table_model import PlanTableModel

ROLES = [
    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole, CONCERN_ID_ROLE, ACTION_ID_ROLE, IS_SECTION_ROLE, TARGET_ROLE,
    FINDINGS_ROLE,
]


class SomeFindings:
    """Every third cell has a finding, alternately an error and a warning."""

    def findings_for(self, concern_id: str | None, action_id: str | None, field: str) -> list[Finding]:
        key = hash((concern_id, action_id, field)) % 3
        if key:
            return []
        severity = Severity.ERROR if hash(field) % 2 else Severity.WARNING
        return [Finding("rule", severity, "Something is wrong.", Location(concern_id, action_id, field))]


def _comparable(value: object) -> object:
    if isinstance(value, QBrush):
        return ("brush", value.color().name())
    if isinstance(value, QFont):
        return ("font", value.bold())
    if isinstance(value, QIcon):
        return ("icon", value.cacheKey())
    if isinstance(value, Qt.AlignmentFlag):
        return int(value)
    return value


def test_multidata_answers_as_data_does(qtbot: QtBot) -> None:
    model = PlanTableModel(PlanDocument(make_plan(40, seed=5)))
    model.set_findings_source(SomeFindings())
    checked = 0
    for number in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(number, column)
            for role in ROLES:
                one = QModelRoleData(int(role))
                model.multiData(index, QModelRoleDataSpan(one))
                assert _comparable(one.data()) == _comparable(model.data(index, role)), (number, column, role)
                checked += 1
    assert checked > 1000
    nowhere = QModelRoleData(int(Qt.ItemDataRole.DisplayRole))
    model.multiData(QModelIndex(), QModelRoleDataSpan(nowhere))
    assert nowhere.data() is None
