"""A date picker that can also be "Not set", showing dates in GOV.UK style (22 June 2026)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QToolButton, QWidget

NOT_SET_TEXT = "Not set"
# The earliest date stands for "not set": QDateEdit shows its special value text there.
_NOT_SET_DATE = QDate(1900, 1, 1)


class OptionalDateEdit(QWidget):
    """A ``QDateEdit`` with a calendar and a Clear button; ``date()`` is None when not set."""

    date_changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picker = QDateEdit(self)
        self.picker.setCalendarPopup(True)
        self.picker.setDisplayFormat("d MMMM yyyy")
        self.picker.setMinimumDate(_NOT_SET_DATE)
        self.picker.setSpecialValueText(NOT_SET_TEXT)
        self.picker.setAccessibleName(label)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("Clear")
        self.clear_button.setAccessibleName(f"Clear {label.lower()}")
        self.clear_button.setToolTip(f"Make the {label.lower()} not set")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.picker)
        self.picker.dateChanged.connect(lambda _d: self.date_changed.emit())
        self.clear_button.clicked.connect(lambda: self.set_date(None))

    def date(self) -> dt.date | None:
        chosen = self.picker.date()
        if chosen == _NOT_SET_DATE:
            return None
        return dt.date(chosen.year(), chosen.month(), chosen.day())

    def set_date(self, value: dt.date | None) -> None:
        wanted = _NOT_SET_DATE if value is None else QDate(value.year, value.month, value.day)
        if self.picker.date() != wanted:
            self.picker.setDate(wanted)
        calendar = self.picker.calendarWidget()
        if value is None and calendar is not None:
            # Open the calendar on today, not on 1900, when nothing is set yet.
            today = dt.date.today()
            calendar.setCurrentPage(today.year, today.month)
