"""How a cell with findings looks: a red (error) or amber (warning) tint, the messages as its
tooltip and an icon. The model asks a ``FindingsSource`` (the editor's validation adapter)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from actionplan.validation.findings import Finding, Severity
from editor.table.columns import FINDINGS_ROLE

ERROR_TINT = QColor(253, 226, 226)
WARNING_TINT = QColor(255, 243, 205)
SECTION_TINT = QColor(222, 226, 230)


class FindingsSource(Protocol):
    def findings_for(self, concern_id: str | None, action_id: str | None, field: str) -> list[Finding]: ...


FINDING_ROLES = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole,
                  Qt.ItemDataRole.DecorationRole, FINDINGS_ROLE]
FINDING_ROLES_SET = frozenset(FINDING_ROLES)
FINDING_INTS = frozenset(int(role) for role in FINDING_ROLES)
_ICONS: dict[bool, QIcon] = {}


def finding_data(findings: list[Finding], role: int) -> Any:
    if role == FINDINGS_ROLE:
        return findings
    if not findings:
        return None
    has_error = any(f.severity is Severity.ERROR for f in findings)
    if role == Qt.ItemDataRole.BackgroundRole:
        return QBrush(ERROR_TINT if has_error else WARNING_TINT)
    if role == Qt.ItemDataRole.ToolTipRole:
        # "Why it matters" comes from the rule (empty for hand-made findings).
        return "\n".join(f"{f.severity.value.capitalize()}: {f.message}" + (f" Why it matters: {f.why}" if f.why else "")
                         for f in findings)
    return _icon(has_error)


def _icon(error: bool) -> QIcon:
    if error not in _ICONS:
        style = QApplication.style()
        pixmap = QStyle.StandardPixmap.SP_MessageBoxCritical if error else QStyle.StandardPixmap.SP_MessageBoxWarning
        _ICONS[error] = style.standardIcon(pixmap)
    return _ICONS[error]


TRACKED_CELLS = 1500
"""About three screens of cells; comparing them after an edit costs a millisecond or two."""


class ShownFindings:
    """The findings each recently painted cell shows, by (row, column): a paint asks for them
    twice per cell, and a refresh repaints only the cells whose findings changed."""

    def __init__(self, look_up: Callable[[int, int], list[Finding]]) -> None:
        self._look_up = look_up
        self._cells: dict[tuple[int, int], list[Finding]] = {}
        self.untracked = False
        """Cells were painted and then forgotten: the next refresh repaints everything."""

    def forget_cells(self) -> None:
        self._cells.clear()

    def shown(self, number: int, column: int) -> list[Finding]:
        key = (number, column)
        found = self._cells.get(key)
        if found is None:
            if len(self._cells) >= TRACKED_CELLS:
                # Scrolled far: stop comparing cells long out of view; repaint all next time.
                self._cells.clear()
                self.untracked = True
            found = self._cells[key] = self._look_up(number, column)
        return found

    def changed_cells(self) -> list[tuple[int, int]] | None:
        """After new findings: the cells whose marks changed, or None when every cell must be
        repainted."""
        if self.untracked:
            self._cells.clear()
            self.untracked = False
            return None
        changed = []
        for key, shown in self._cells.items():
            found = self._look_up(*key)
            if found != shown:
                self._cells[key] = found
                changed.append(key)
        return changed
