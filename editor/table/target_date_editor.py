"""The target date editor: type a target, or choose a month and year, an exact date, Completed,
Completed and ongoing, Ongoing or Not set.

Typing is parsed with ``actionplan.target_date.parse_target``: the line under the box says how
it was understood, or why it could not be. Enter (or Tab) keeps it, Esc cancels.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from actionplan.target_date import MONTH_NAMES, TargetDate, TargetKind, parse_target
from editor.common.readable_hints import hint_label, make_placeholders_readable, show_as_error
from editor.table.cell_typing import NOT_UNDERSTOOD_PAUSE_MS

_CHOICES = (
    (TargetKind.MONTH, "Month and year"),
    (TargetKind.DATE, "Exact date"),
    (TargetKind.COMPLETED, "Completed"),
    (TargetKind.COMPLETED_AND_ONGOING, "Completed and ongoing"),
    (TargetKind.ONGOING, "Ongoing"),
    (TargetKind.NOT_SET, "Not set"),
)
_KIND_IDS = {kind: number for number, (kind, _) in enumerate(_CHOICES)}


_NOT_UNDERSTOOD_HINT = (
    "Write a month and year (December 2026), a date (31 March 2027), "
    "Completed, Completed and ongoing, or Ongoing."
)


KEEP_TYPING = "Keep typing: a month and year (December 2026), a date, Completed or Ongoing."


def describe(target: TargetDate, reason: str | None) -> str:
    """The line under the box: how the typing was understood, or that it was not, and why."""
    if reason or not target.is_recognised:
        return f"Not understood. {reason or _NOT_UNDERSTOOD_HINT}"
    if target.kind is TargetKind.NOT_SET:
        return "No target date"
    return f"Understood as: {target.format()}"


class TargetDateEditor(QFrame):
    """Edits one ``TargetDate``. ``target()`` is what the person chose or typed."""

    changed = Signal()
    chosen = Signal()
    """Enter in the typing box: a table cell keeps the target and closes."""

    def __init__(self, parent: QWidget | None = None, in_cell: bool = False) -> None:
        super().__init__(parent)
        self._in_cell = in_cell
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setAccessibleName("Target date")
        self._updating = False
        self._pause = QTimer(self, singleShot=True, interval=NOT_UNDERSTOOD_PAUSE_MS)
        self._pause.timeout.connect(self._refresh)
        self._typed = QLineEdit(self)
        self._typed.setAccessibleName("Type a target date")
        self._typed.setPlaceholderText("For example December 2026, or Completed")
        make_placeholders_readable(self)
        self._feedback = QLabel(self)
        self._feedback.setWordWrap(True)
        self._feedback.setAccessibleName("How the target date was understood")
        self._kinds = QButtonGroup(self)
        self._month = QComboBox(self)
        self._month.addItems(list(MONTH_NAMES))
        self._month.setAccessibleName("Month")
        self._year = QSpinBox(self)
        self._year.setRange(2000, 2100)
        self._year.setAccessibleName("Year")
        self._date = QDateEdit(self)
        self._date.setCalendarPopup(True)
        self._date.setDisplayFormat("d MMMM yyyy")
        self._date.setAccessibleName("Exact date")
        self._lay_out()
        self._connect()
        self.setFocusProxy(self._typed)
        self.set_target(TargetDate.not_set())

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._typed)
        layout.addWidget(self._feedback)
        grid = QGridLayout()
        # In a table cell the editor floats over the table and may be wide: month and year sit
        # beside their choice. In the inspector it must fit a narrow pane (a 1366-pixel laptop
        # screen at 125% leaves it about 320 pixels): they sit under it, indented.
        beside = self._in_cell
        if not beside:
            style = self.style()
            grid.setColumnMinimumWidth(0, style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth)
                                       + style.pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing))
            grid.setColumnStretch(1, 1)
        row = 0
        for number, (kind, label) in enumerate(_CHOICES):
            button = QRadioButton(label, self)
            button.setAccessibleName(label)
            self._kinds.addButton(button, number)
            if beside:
                grid.addWidget(button, row, 0)
            else:
                grid.addWidget(button, row, 0, 1, 3)
                row += 1 if kind in (TargetKind.MONTH, TargetKind.DATE) else 0
            column = 1
            if kind is TargetKind.MONTH:
                grid.addWidget(self._month, row, column)
                grid.addWidget(self._year, row, column + 1)
            elif kind is TargetKind.DATE:
                grid.addWidget(self._date, row, column, 1, 2)
            row += 1
        layout.addLayout(grid)
        if self._in_cell:
            # Not a disabled label: that was too faint to read, and screen readers call it unavailable.
            layout.addWidget(hint_label("Enter keeps the target date. Esc cancels.", self))

    def _connect(self) -> None:
        # Every change of the text is read again, however it came (typing, a choice, a cell
        # loaded): the line under the box never describes an earlier text.
        self._typed.textChanged.connect(lambda _text: self._refresh(typing=self._typed.isModified()))
        self._typed.textEdited.connect(lambda _text: self.changed.emit())
        self._typed.returnPressed.connect(self.chosen)
        self._kinds.idClicked.connect(lambda _id: self._from_choices())
        self._month.currentIndexChanged.connect(lambda _i: self._choose(TargetKind.MONTH))
        self._year.valueChanged.connect(lambda _v: self._choose(TargetKind.MONTH))
        self._date.dateChanged.connect(lambda _d: self._choose(TargetKind.DATE))

    # Reading and writing -----------------------------------------------------------------

    def target(self) -> TargetDate:
        return parse_target(self._typed.text())[0]

    def reason(self) -> str | None:
        return parse_target(self._typed.text())[1]

    def set_target(self, target: TargetDate) -> None:
        self._typed.setText(target.format())
        self._refresh()  # the same text again sends no textChanged

    def line_edit(self) -> QLineEdit:
        return self._typed

    def feedback(self) -> str:
        return self._feedback.text()

    # Reacting ----------------------------------------------------------------------------

    def _refresh(self, typing: bool = False) -> None:
        """``typing``: the person is typing, so a text not understood yet ("Dec") is not called
        wrong until they pause, as the plan does not flag it until then either."""
        target, reason = parse_target(self._typed.text())
        self._show(target, reason)
        understood = reason is None and target.is_recognised
        if typing and not understood:
            self._feedback.setText(KEEP_TYPING)
            show_as_error(self._feedback, False)
            self._pause.start()
        else:
            self._pause.stop()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter that the box, the month, the year or a choice passed up ends here: in a table
        # cell it has kept the target and closed the editor, and must not reach the table,
        # which would open the editor again.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            if self._in_cell:
                self.chosen.emit()
            return
        super().keyPressEvent(event)

    def _choose(self, kind: TargetKind) -> None:
        if self._updating:
            return
        button = self._kinds.button(_KIND_IDS[kind])
        button.setChecked(True)
        self._from_choices()

    def _from_choices(self) -> None:
        if self._updating:
            return
        kind = _CHOICES[self._kinds.checkedId()][0] if self._kinds.checkedId() >= 0 else TargetKind.NOT_SET
        target = self._target_of(kind)
        self._typed.setText(target.format())
        self._refresh()
        self.changed.emit()

    def _target_of(self, kind: TargetKind) -> TargetDate:
        if kind is TargetKind.MONTH:
            return TargetDate.of_month(self._year.value(), self._month.currentIndex() + 1)
        if kind is TargetKind.DATE:
            chosen = self._date.date()
            return TargetDate.of_date(dt.date(chosen.year(), chosen.month(), chosen.day()))
        return TargetDate.of_kind(kind)

    def _show(self, target: TargetDate, reason: str | None) -> None:
        """Make the choices and the feedback line agree with ``target``."""
        self._updating = True
        try:
            understood = reason is None and target.is_recognised
            self._feedback.setText(describe(target, reason))
            show_as_error(self._feedback, not understood)
            kind_id = _KIND_IDS.get(target.kind, -1)
            self._check(kind_id)
            day = target.first_day() or dt.date.today()
            self._month.setCurrentIndex(day.month - 1)
            self._year.setValue(day.year)
            self._date.setDate(QDate(day.year, day.month, day.day))
        finally:
            self._updating = False

    def _check(self, kind_id: int) -> None:
        if kind_id < 0:
            # Typed text not understood: no choice matches it.
            self._kinds.setExclusive(False)
            for button in self._kinds.buttons():
                button.setChecked(False)
            self._kinds.setExclusive(True)
        else:
            self._kinds.button(kind_id).setChecked(True)
