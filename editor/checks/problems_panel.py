"""The problems panel: every finding in the plan, filtered by severity and rule. Clicking one
selects its cell; a warning can be dismissed (with an optional reason) or restored, undoably.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from actionplan.validation import RULES, Finding, Severity
from actionplan.validation.dismissals import dismissal_for
from editor.checks.validation_adapter import ValidationAdapter
from editor.edits.commands import ACTION_FIELD_NAMES, CONCERN_FIELD_NAMES, DETAILS_FIELD_NAMES
from editor.edits.dismissal_commands import DismissWarning, RestoreWarning

ModelIndex = QModelIndex | QPersistentModelIndex
Reveal = Callable[[str | None, str | None, str], None]
AskReason = Callable[[Finding], str | None]
"""Asks why a warning is being dismissed: the reason ("" for none), or None to cancel."""

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
_HEADINGS = ("Severity", "Where", "Problem")
_DISMISSED_COLOUR = QColor(110, 110, 110)


_ACTION_FIELDS = {**ACTION_FIELD_NAMES, "text": "response"}
_CONCERN_FIELDS = {**CONCERN_FIELD_NAMES, "text": "concern text", "actions": "actions"}


def describe_place(finding: Finding, noun: str = "concern") -> str:
    """"Concern 3, action 2: responsible owner" in words ("Recommendation 1.12, action 2..." in
    a recommendations-era plan, whose ``Era.item_noun`` is ``noun``)."""
    location = finding.location
    if location.action_id is not None:
        names = _ACTION_FIELDS
    elif location.concern_id is not None:
        names = _CONCERN_FIELDS
    else:
        names = DETAILS_FIELD_NAMES
    field = names.get(location.field, location.field)
    place = location.describe(noun)
    return f"{place}: {field}" if field else place


class FindingsModel(QAbstractTableModel):
    """The findings shown in the panel, one per row."""

    def __init__(self, adapter: ValidationAdapter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.adapter = adapter
        self.shown: list[Finding] = []
        self._dismissed: set[tuple[str, str, str]] = set()

    def set_findings(self, findings: list[Finding], dismissed: set[tuple[str, str, str]]) -> bool:
        if findings == self.shown and dismissed == self._dismissed:
            return False
        self.beginResetModel()
        self.shown = findings
        self._dismissed = dismissed
        self.endResetModel()
        return True

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADINGS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADINGS[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.shown):
            return None
        finding = self.shown[index.row()]
        dismissed = finding.key in self._dismissed and finding.severity is Severity.WARNING
        if role == FINDING_ROLE:
            return finding
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(finding, index.column(), dismissed)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(finding)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return _icon(finding.severity)
        if role == Qt.ItemDataRole.ForegroundRole and dismissed:
            return _DISMISSED_COLOUR
        return None

    def _text(self, finding: Finding, column: int, dismissed: bool) -> str:
        if column == 0:
            word = "Error" if finding.severity is Severity.ERROR else "Warning"
            return f"{word} (dismissed)" if dismissed else word
        if column == 1:
            return describe_place(finding, self.adapter.document.plan.details.era.item_noun())
        dismissal = dismissal_for(self.adapter.document.plan, finding) if dismissed else None
        if dismissal is not None and dismissal.reason:
            return f"{finding.message} Dismissed: {dismissal.reason}"
        return finding.message

    def _tooltip(self, finding: Finding) -> str:
        lines = [f"{RULES[finding.rule].title}: {finding.message}", f"Why it matters: {finding.why}"]
        dismissal = dismissal_for(self.adapter.document.plan, finding)
        if dismissal is not None and finding.severity is Severity.WARNING:
            reason = dismissal.reason or "no reason given"
            lines.append(f"Dismissed ({reason}).")
        return "\n".join(lines)


def _icon(severity: Severity) -> Any:
    icon = (QStyle.StandardPixmap.SP_MessageBoxCritical if severity is Severity.ERROR
            else QStyle.StandardPixmap.SP_MessageBoxWarning)
    return QApplication.style().standardIcon(icon)


class TopAlignedDelegate(QStyledItemDelegate):
    """Draws each cell from the top: in a tall row (a long, wrapped message) the severity icon
    and words stay level with the first line of the problem instead of floating in the middle."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        super().initStyleOption(option, index)
        option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        option.decorationAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def ask_reason_in_dialog(parent: QWidget) -> AskReason:
    def ask(finding: Finding) -> str | None:
        text, ok = QInputDialog.getText(
            parent, "Dismiss warning",
            f"{finding.message}\n\nWhy is this fine? (optional, saved in the plan)")
        return text if ok else None
    return ask


class ProblemsPanel(QWidget):
    """Lists every finding; follows the adapter, refreshing once per burst of edits."""

    def __init__(self, adapter: ValidationAdapter, reveal: Reveal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.adapter = adapter
        self.reveal = reveal
        self.ask_reason: AskReason = ask_reason_in_dialog(self)
        self.setAccessibleName("Problems")
        self.model = FindingsModel(adapter, self)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        # One refresh per burst of typing: rebuilding the list of a 10,000-action plan takes ~10 ms.
        self._refresh_timer.setInterval(100)
        self._refresh_timer.timeout.connect(self.refresh)
        self._build()
        adapter.findings_changed.connect(self._refresh_timer.start)
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._build_filters())
        self.view = QTableView(self)
        self.view.setAccessibleName("Problems list")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setItemDelegate(TopAlignedDelegate(self.view))
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.clicked.connect(self._go_to)
        self.view.activated.connect(self._go_to)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.view, 1)
        layout.addLayout(self._build_buttons())

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.severity_filter = QComboBox(self)
        self.severity_filter.setAccessibleName("Show severity")
        self.severity_filter.addItem("Errors and warnings", None)
        self.severity_filter.addItem("Errors only", Severity.ERROR.value)
        self.severity_filter.addItem("Warnings only", Severity.WARNING.value)
        self.rule_filter = QComboBox(self)
        self.rule_filter.setAccessibleName("Show rule")
        self.rule_filter.addItem("All rules", None)
        for rule in RULES.values():
            self.rule_filter.addItem(rule.title, rule.id)
        self.show_dismissed = QCheckBox("Show &dismissed", self)
        self.show_dismissed.setAccessibleName("Show dismissed warnings")
        for control in (self.severity_filter, self.rule_filter):
            control.currentIndexChanged.connect(lambda _i: self.refresh())
            row.addWidget(control)
        self.show_dismissed.toggled.connect(lambda _on: self.refresh())
        row.addWidget(self.show_dismissed)
        row.addStretch(1)
        return row

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.summary = QLabel(self)
        self.summary.setAccessibleName("Problems shown")
        self.dismiss_button = QPushButton("D&ismiss warning…", self)
        self.dismiss_button.setToolTip("Hide this warning on this item; the reason is saved in the plan")
        self.dismiss_button.setAccessibleName("Dismiss warning")
        self.dismiss_button.clicked.connect(self.dismiss_current)
        self.restore_button = QPushButton("&Restore warning", self)
        self.restore_button.setAccessibleName("Restore warning")
        self.restore_button.clicked.connect(self.restore_current)
        row.addWidget(self.summary, 1)
        row.addWidget(self.dismiss_button)
        row.addWidget(self.restore_button)
        return row

    # Showing ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.current_finding()
        severity = self.severity_filter.currentData()
        rule = self.rule_filter.currentData()
        everything = self.adapter.findings(include_dismissed=self.show_dismissed.isChecked())
        # Errors first, each kind in the plan's order: an error stops the plan being sent, and
        # under a few warnings in a short list it went unseen.
        findings = sorted(
            (f for f in everything
             if (severity is None or f.severity.value == severity) and (rule is None or f.rule == rule)),
            key=lambda finding: finding.severity is not Severity.ERROR,
        )
        dismissed = {(d.rule, d.item_id, d.field) for d in self.adapter.document.plan.dismissals}
        if self.model.set_findings(findings, dismissed) and keep is not None and keep in findings:
            self.view.selectRow(findings.index(keep))
        self.summary.setText(_shown(len(findings), total=len(everything)))
        self._update_buttons()

    def current_finding(self) -> Finding | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        finding = index.data(FINDING_ROLE)
        return finding if isinstance(finding, Finding) else None

    def select_finding(self, finding: Finding) -> None:
        if finding in self.model.shown:
            self.view.selectRow(self.model.shown.index(finding))

    def _update_buttons(self) -> None:
        finding = self.current_finding()
        warning = finding is not None and finding.severity is Severity.WARNING
        dismissed = warning and finding is not None and self.adapter.is_dismissed(finding)
        self.dismiss_button.setEnabled(warning and not dismissed and not self.adapter.document.read_only)
        self.restore_button.setEnabled(dismissed and not self.adapter.document.read_only)

    def _go_to(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE)
        if isinstance(finding, Finding):
            location = finding.location
            field = "text" if location.field == "actions" else location.field
            self.reveal(location.concern_id, location.action_id, field)

    # Dismissing ------------------------------------------------------------------------------

    def dismiss_current(self) -> None:
        finding = self.current_finding()
        if finding is None or finding.severity is not Severity.WARNING:
            return
        reason = self.ask_reason(finding)
        if reason is not None:
            self.adapter.document.undo_stack.push(DismissWarning(self.adapter.document, finding, reason))

    def restore_current(self) -> None:
        finding = self.current_finding()
        if finding is not None and self.adapter.is_dismissed(finding):
            self.adapter.document.undo_stack.push(RestoreWarning(self.adapter.document, finding))


def _shown(count: int, total: int) -> str:
    if total == 0:
        return "No problems found. The plan is ready to export."
    if count == 0:
        return "No problems match these filters"
    return f"{count:,} problem{'' if count == 1 else 's'} shown"
