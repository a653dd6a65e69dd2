"""The table's five columns, as the published Word table has them, and the data roles the
table's cells answer beyond Qt's own."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt


class Column(IntEnum):
    REC_NO = 0
    CONCERN = 1
    ACTION = 2
    OWNER = 3
    TARGET = 4

    @property
    def heading(self) -> str:
        return _HEADINGS[self]

    @property
    def field(self) -> str:
        return _FIELDS[self]

    @property
    def is_concern_column(self) -> bool:
        return self in (Column.REC_NO, Column.CONCERN)


_HEADINGS = {
    Column.REC_NO: "Rec No",
    Column.CONCERN: "Concerns",
    Column.ACTION: "Response action taken/planned",
    Column.OWNER: "Responsible owner",
    Column.TARGET: "Target date",
}
_FIELDS = {
    Column.REC_NO: "reference",
    Column.CONCERN: "text",
    Column.ACTION: "text",
    Column.OWNER: "owner",
    Column.TARGET: "target",
}
COLUMN_FOR_FIELD = {
    ("concern", "reference"): Column.REC_NO,
    ("concern", "text"): Column.CONCERN,
    ("action", "text"): Column.ACTION,
    ("action", "owner"): Column.OWNER,
    ("action", "target"): Column.TARGET,
}

CONCERN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
IS_SECTION_ROLE = Qt.ItemDataRole.UserRole + 3
TARGET_ROLE = Qt.ItemDataRole.UserRole + 4
"""The ``TargetDate`` of an action's target cell (EditRole gives its text)."""
FINDINGS_ROLE = Qt.ItemDataRole.UserRole + 5
