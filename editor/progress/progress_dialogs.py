"""The two small forms progress needs: adding a piece of evidence, and revising a target (a new
date and, always, the reason for it; a date that has passed only once confirmed). Each keeps its
OK button off until what it needs is there, and says what is missing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from actionplan import clock
from actionplan.model import Action
from actionplan.target_date import TargetDate, format_long_date, parse_target
from editor.common.readable_hints import hint_label, make_placeholders_readable
from editor.progress.evidence_links import link_to_keep
from editor.table.target_date_editor import describe
from editor.table.text_editor import PlanTextEdit


@dataclass(frozen=True)
class NewEvidence:
    description: str
    link: str
    """A web link, or a file path, relative to the plan's folder when inside it."""


@dataclass(frozen=True)
class NewTarget:
    target: TargetDate
    reason: str


def _buttons(dialog: QDialog, ok_words: str) -> tuple[QDialogButtonBox, QPushButton]:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, dialog)
    ok = buttons.addButton(ok_words, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setDefault(True)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok


class EvidenceDialog(QDialog):
    """Add evidence: what it is, and a web link or a file (chosen, or its path pasted)."""

    def __init__(self, plan_folder: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan_folder = plan_folder
        self.setWindowTitle("Add evidence")
        self.description = QLineEdit(self)
        self.description.setAccessibleName("What the evidence is")
        self.description.setPlaceholderText("For example: minutes of the March safety meeting")
        self.link = QLineEdit(self)
        self.link.setAccessibleName("Web link or file")
        self.link.setPlaceholderText("A web address, or a file: choose it or paste its path")
        self.choose = QPushButton("&Choose file…", self)
        self.choose.clicked.connect(self._choose_file)
        where = ("Files in the plan's folder, or in a folder inside it, are kept relative to it, so the "
                 "folder can be moved or shared as a whole." if plan_folder is not None else
                 "Save the plan first to keep files beside it relative to its folder.")
        self.hint = hint_label(where, self)
        self.missing = hint_label("", self)  # why Add evidence is not ready: a hint, not an error
        buttons, self.ok = _buttons(self, "&Add evidence")
        self._lay_out(buttons)
        self.description.textChanged.connect(self._check)
        self.link.textChanged.connect(self._check)
        make_placeholders_readable(self)
        self._check()

    def _lay_out(self, buttons: QDialogButtonBox) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("&What it is", self.description)
        row = QHBoxLayout()
        row.addWidget(self.link, 1)
        row.addWidget(self.choose)
        label = QLabel("&Link or file (optional)", self)
        label.setBuddy(self.link)
        form.addRow(label, row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.missing)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _choose_file(self) -> None:
        start = str(self.plan_folder or Path.home())
        chosen, _ = QFileDialog.getOpenFileName(self, "Choose the evidence file", start, "All files (*)")
        if chosen:
            self.set_file(Path(chosen))

    def set_file(self, path: Path) -> None:
        self.link.setText(link_to_keep(str(path), self.plan_folder))
        if not self.description.text().strip():
            self.description.setText(path.stem)

    def _check(self) -> None:
        ready = bool(self.description.text().strip() or self.link.text().strip())
        self.ok.setEnabled(ready)
        self.missing.setText("" if ready else "To add it, say what the evidence is, or give its link or file.")
        self.missing.setVisible(not ready)

    def evidence(self) -> NewEvidence:
        return NewEvidence(" ".join(self.description.text().split()), link_to_keep(self.link.text(), self.plan_folder))


class RevisedTargetDialog(QDialog):
    """Revise a target: the new date, typed as in the target editor, and the reason (needed:
    the progress review asks why a date moved). A date that has already passed is warned of,
    and kept only once the box under the warning is ticked."""

    def __init__(self, action: Action, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.today = today or clock.today()
        self.setWindowTitle("Revise target")
        now = action.current_target().format() or "not set"
        published = action.target.format() or "not set"
        words = f"Published target: {published}."
        if action.target_revisions:
            words += f" Revised since to {now}."
        self.current = QLabel(words, self)
        self.current.setWordWrap(True)
        self.typed = QLineEdit(self)
        self.typed.setAccessibleName("New target date")
        self.typed.setPlaceholderText("For example March 2027, or 31 March 2027")
        self.understood = hint_label("", self)
        self.reason = PlanTextEdit(self)
        self.reason.setAccessibleName("Why the target is revised")
        self.reason.setPlaceholderText("For example: the contractor could not start until May")
        self.reason.setMaximumHeight(90)
        self.past = QLabel(self)
        self.past.setWordWrap(True)
        self.past.setStyleSheet("font-weight: bold")
        self.confirm_past = QCheckBox("&Yes, revise it to a date that has passed", self)
        self.missing = hint_label("", self)
        buttons, self.ok = _buttons(self, "&Revise target")
        self._lay_out(buttons)
        self.typed.textChanged.connect(lambda _text: self.confirm_past.setChecked(False))  # confirm each date
        self.typed.textChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        self.confirm_past.toggled.connect(self._check)
        make_placeholders_readable(self)
        self._check()

    def _lay_out(self, buttons: QDialogButtonBox) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.current)
        form.addRow("&New target", self.typed)
        form.addRow(self.understood)
        form.addRow(self.past)
        form.addRow(self.confirm_past)
        form.addRow("Re&ason (needed)", self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.missing)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def new_target(self) -> NewTarget:
        return NewTarget(parse_target(self.typed.text())[0], self.reason.text().strip())

    def _check(self) -> None:
        target, reason = parse_target(self.typed.text())
        self.understood.setText(describe(target, reason) if self.typed.text().strip() else "")
        last_day = target.last_day()
        passed = last_day is not None and last_day < self.today
        self.past.setText(f"{target.format()} has already passed (today is {format_long_date(self.today)})."
                          if passed else "")
        self.past.setVisible(passed)
        self.confirm_past.setVisible(passed)
        missing = []
        if not target.has_date:
            missing.append("a new target: a month and year, or a date")
        if not any(character.isalnum() for character in self.reason.text()):  # words, not a dash
            missing.append("the reason")
        if missing:
            words = f"To revise the target, add {' and '.join(missing)}."
        elif passed and not self.confirm_past.isChecked():
            words = "To revise the target to a date that has passed, tick the box to confirm it."
        else:
            words = ""
        self.ok.setEnabled(not words)
        self.missing.setText(words)
        self.missing.setVisible(bool(words))
