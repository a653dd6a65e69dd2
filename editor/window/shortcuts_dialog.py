"""Help > Keyboard shortcuts: a two-column table (what it does | keys), grouped by topic, that
fits on a 1024 by 700 screen."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.common.screen_fit import fit_to_screen
from editor.window.shortcuts import SHORTCUT_GROUPS

PREFERRED_SIZE = QSize(760, 600)


class ShortcutsDialog(QDialog):
    """Lists every keyboard shortcut; read-only, closed with Esc, Enter or Close."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        self.table = _shortcuts_table(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, PREFERRED_SIZE)


def _shortcuts_table(parent: QWidget) -> QTableWidget:
    rows = sum(1 + len(entries) for _group, entries in SHORTCUT_GROUPS)
    table = QTableWidget(rows, 2, parent)
    table.setAccessibleName("Keyboard shortcuts")
    table.setHorizontalHeaderLabels(["Action", "Keys"])
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    bold = QFont(table.font())
    bold.setBold(True)
    row = 0
    for group, entries in SHORTCUT_GROUPS:
        heading = QTableWidgetItem(group)
        heading.setFont(bold)
        heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
        table.setItem(row, 0, heading)
        table.setSpan(row, 0, 1, 2)
        row += 1
        for keys, meaning in entries:
            table.setItem(row, 0, _cell(meaning))
            table.setItem(row, 1, _cell(keys))
            row += 1
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setFont(bold)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setCurrentCell(1, 0)  # the first shortcut, not a group heading
    return table


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return item
