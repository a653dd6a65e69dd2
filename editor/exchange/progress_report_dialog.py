"""File ▸ Export progress report…: the format, the day the report is for (today unless changed),
and how near a target counts as due soon; then where to save, asked by the controller."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from actionplan.target_date import format_long_date
from actionplan.tracking import DUE_SOON_DAYS
from editor.common.readable_hints import make_placeholders_readable
from editor.panes.date_field import OptionalDateEdit

FORMATS = {
    ".docx": ("Word document", "A report to read or send on: counts, what is overdue or due soon, and "
              "every concern with its actions. Meets the GOV.UK accessibility rules."),
    ".xlsx": ("Excel workbook", "One row for each action with every field, to sort and filter."),
    ".csv": ("CSV (comma-separated values)", "The same rows as the workbook, for other programs."),
}
"""Each format's name (a file dialog's filter adds the pattern) and what it is for."""
MAX_DUE_SOON_DAYS = 3660


@dataclass(frozen=True)
class ReportChoice:
    """What the person chose: the format by its suffix, the day, and the due-soon window."""

    suffix: str = ".docx"
    as_of: dt.date | None = None
    """None means today."""
    due_soon_days: int = DUE_SOON_DAYS


class ProgressReportDialog(QDialog):
    """Asks for the format, the day and the due-soon window. A day that is not a date is
    explained under the box, and the dialog stays open until it is one."""

    def __init__(self, choice: ReportChoice, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export progress report")
        self.setMinimumWidth(520)
        make_placeholders_readable(self)
        self._today = today or dt.date.today()
        layout = QVBoxLayout(self)
        intro = QLabel("Where every action stands on a day, worked out from its status and latest target date. "
                       "The report is made from the plan as it is in this window, including anything not yet "
                       "saved.", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self._format_group())
        layout.addWidget(self._day_group())
        layout.addStretch(1)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton("Choose file and save…", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.save_button.setDefault(True)
        self.set_choice(choice)
        # The message under a date that is not one takes room the dialog did not have.
        self.as_of_field.picker.editingFinished.connect(self._fit_contents)

    def _format_group(self) -> QGroupBox:
        group = QGroupBox("Format", self)
        column = QVBoxLayout(group)
        self.format_buttons: dict[str, QRadioButton] = {}
        self._formats = QButtonGroup(self)
        for suffix, (name, purpose) in FORMATS.items():
            button = QRadioButton(f"{name} ({suffix})", group)
            button.setAccessibleDescription(purpose)
            self.format_buttons[suffix] = button
            self._formats.addButton(button)
            column.addWidget(button)
            note = QLabel(purpose, group)
            note.setWordWrap(True)
            note.setIndent(24)
            column.addWidget(note)
        return group

    def _day_group(self) -> QGroupBox:
        group = QGroupBox("Day", self)
        form = QFormLayout(group)
        self.as_of_field = OptionalDateEdit("Where actions stand on", group)
        # Left empty, the report is for today, and the box says so.
        self.as_of_field.picker.setPlaceholderText(f"Today, {format_long_date(self._today)}")
        self.as_of_field.clear_button.setText("Today")
        self.as_of_field.clear_button.setAccessibleName("Make the report for today")
        self.as_of_field.clear_button.setToolTip("Make the report for today")
        form.addRow("Where actions stand on:", self.as_of_field)
        self.due_soon_box = QSpinBox(group)
        self.due_soon_box.setRange(0, MAX_DUE_SOON_DAYS)
        self.due_soon_box.setSuffix(" days")
        self.due_soon_box.setAccessibleName("Due soon if the target date is within this many days")
        form.addRow("Due soon if the target date is within:", self.due_soon_box)
        return group

    def set_choice(self, choice: ReportChoice) -> None:
        self.format_buttons.get(choice.suffix, self.format_buttons[".docx"]).setChecked(True)
        self.as_of_field.set_date(choice.as_of or self._today)
        self.due_soon_box.setValue(choice.due_soon_days)

    def choice(self) -> ReportChoice:
        suffix = next(s for s, button in self.format_buttons.items() if button.isChecked())
        return ReportChoice(suffix, self.as_of_field.date() or self._today, self.due_soon_box.value())

    def accept(self) -> None:
        self.as_of_field.commit_pending_edits()
        if self.as_of_field.problem() is not None:  # said under the box; the dialog stays open
            self._fit_contents()
            self.as_of_field.picker.setFocus()
            return
        super().accept()

    def _fit_contents(self) -> None:
        layout = self.layout()
        if layout is None:
            return
        needed = layout.heightForWidth(self.width()) if layout.hasHeightForWidth() else self.sizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)
