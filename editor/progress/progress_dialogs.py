"""The two small forms progress needs: adding a piece of evidence, and revising a target (a new
date and, always, the reason for it). Each keeps its OK button off until what it needs is there,
and says what is missing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
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

from actionplan.model import Action
from actionplan.target_date import TargetDate, parse_target
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
    the progress review asks why a date moved)."""

    def __init__(self, action: Action, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.missing = hint_label("", self)
        buttons, self.ok = _buttons(self, "&Revise target")
        self._lay_out(buttons)
        self.typed.textChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        make_placeholders_readable(self)
        self._check()

    def _lay_out(self, buttons: QDialogButtonBox) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.current)
        form.addRow("&New target", self.typed)
        form.addRow(self.understood)
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
        missing = []
        if not target.has_date:
            missing.append("a new target: a month and year, or a date")
        if not self.reason.text().strip():
            missing.append("the reason")
        self.ok.setEnabled(not missing)
        self.missing.setText(f"To revise the target, add {' and '.join(missing)}." if missing else "")
        self.missing.setVisible(bool(missing))
