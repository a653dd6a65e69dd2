"""The export dialogs: choosing the format, layout and template; offering a draft when the plan
has errors; and the result, with the accessibility self-check and "Open the exported file"."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from actionplan.validation import Finding
from editor.common.readable_hints import make_placeholders_readable
from editor.common.screen_fit import fit_to_screen
from exporters.libreoffice import WORD_PDF_HELP
from exporters.options import Layout

if TYPE_CHECKING:  # the self-check (and lxml) load with the first export, not at start-up
    from exporters.selfcheck import Finding as CheckFinding
    from exporters.selfcheck import Report

FORMATS = {
    ".docx": "Word document",
    ".pdf": "PDF, tagged for accessibility",
    ".odt": "OpenDocument text",
}
"""Each format's name. The export dialog shows it with its suffix; a file dialog's filter adds
the pattern itself ("Word document (*.docx)"), so the name must not carry the suffix too."""
LIBREOFFICE_NEEDED = "PDF and ODT need LibreOffice, which is not installed. " + WORD_PDF_HELP
MAX_ERRORS_LISTED = 8


@dataclass(frozen=True)
class ExportChoice:
    """What the user chose in the export dialog."""

    suffix: str = ".docx"
    layout: Layout = Layout.ACCESSIBLE
    merge_concern_cells: bool = False
    template: Path | None = None


class ExportOptionsDialog(QDialog):
    """Format, layout and Word template. The layout explains what each choice means for
    accessibility, so nobody picks the classic layout without knowing."""

    def __init__(self, choice: ExportChoice, parent: QWidget | None = None, *,
                 libreoffice_installed: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export plan")
        self.setMinimumWidth(540)
        # A dialog is a window of its own and does not take the main window's readable hints.
        make_placeholders_readable(self)
        self._template: Path | None = choice.template
        layout = QVBoxLayout(self)
        layout.addWidget(self._format_group(libreoffice_installed))
        layout.addWidget(self._layout_group())
        layout.addWidget(self._template_group())
        # Room the wrapped explanations leave over goes above the buttons, not inside a group.
        layout.addStretch(1)
        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton("Choose file and export…", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.set_choice(choice)

    def _format_group(self, libreoffice_installed: bool) -> QGroupBox:
        group = QGroupBox("Format", self)
        column = QVBoxLayout(group)
        self.format_buttons: dict[str, QRadioButton] = {}
        self._formats = QButtonGroup(self)
        for suffix, label in FORMATS.items():
            button = QRadioButton(f"{label} ({suffix})", group)
            button.setEnabled(suffix == ".docx" or libreoffice_installed)
            self.format_buttons[suffix] = button
            self._formats.addButton(button)
            column.addWidget(button)
        if not libreoffice_installed:
            note = QLabel(LIBREOFFICE_NEEDED, group)
            note.setWordWrap(True)
            column.addWidget(note)
        return group

    def _layout_group(self) -> QGroupBox:
        group = QGroupBox("Layout", self)
        column = QVBoxLayout(group)
        self.accessible_button = QRadioButton("Accessible (recommended)", group)
        self.classic_button = QRadioButton("Classic", group)
        self.merge_box = QCheckBox("Merge each concern cell down over its actions", group)
        self._layouts = QButtonGroup(self)
        for button in (self.accessible_button, self.classic_button):
            self._layouts.addButton(button)
        column.addWidget(self.accessible_button)
        column.addWidget(_note("One table for each section and one row for each action, with no empty or "
                               "merged cells. Meets the GOV.UK accessibility rules.", group))
        column.addWidget(self.classic_button)
        column.addWidget(_note("Looks exactly like older published plans. Its empty and merged cells break "
                               "the GOV.UK accessibility rules; the check after export lists them.", group))
        column.addWidget(self.merge_box)
        self.classic_button.toggled.connect(self.merge_box.setEnabled)
        return group

    def _template_group(self) -> QGroupBox:
        group = QGroupBox("Word template", self)
        row = QHBoxLayout(group)
        self.template_field = QLineEdit(group)
        self.template_field.setReadOnly(True)
        self.template_field.setPlaceholderText("Standard GOV.UK template")
        self.template_field.setAccessibleName("Word template")
        choose = QPushButton("Choose…", group)
        choose.clicked.connect(self._choose_template)
        self.standard_button = QPushButton("Use standard", group)
        self.standard_button.clicked.connect(lambda: self.set_template(None))
        row.addWidget(self.template_field, 1)
        row.addWidget(choose)
        row.addWidget(self.standard_button)
        return group

    def _choose_template(self) -> None:
        folder = str(self._template.parent) if self._template else str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(self, "Choose a Word template", folder, "Word document (*.docx)")
        if chosen:
            self.set_template(Path(chosen))

    def set_template(self, template: Path | None) -> None:
        self._template = template
        self.template_field.setText(str(template) if template else "")
        self.standard_button.setEnabled(template is not None)

    def set_choice(self, choice: ExportChoice) -> None:
        button = self.format_buttons.get(choice.suffix, self.format_buttons[".docx"])
        (button if button.isEnabled() else self.format_buttons[".docx"]).setChecked(True)
        classic = choice.layout is Layout.CLASSIC
        (self.classic_button if classic else self.accessible_button).setChecked(True)
        self.merge_box.setChecked(choice.merge_concern_cells)
        self.merge_box.setEnabled(classic)
        self.set_template(choice.template)

    def choice(self) -> ExportChoice:
        suffix = next(s for s, button in self.format_buttons.items() if button.isChecked())
        classic = self.classic_button.isChecked()
        return ExportChoice(suffix, Layout.CLASSIC if classic else Layout.ACCESSIBLE,
                            classic and self.merge_box.isChecked(), self._template)


def _note(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setIndent(24)
    return label


def draft_offer_box(parent: QWidget | None, errors: list[Finding], noun: str = "concern") -> QMessageBox:
    """The plan has errors: name them, and offer to export a draft marked DRAFT."""
    count = len(errors)
    box = QMessageBox(parent)
    box.setWindowTitle("Plan has errors")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setText(f"This plan has {count} {'error' if count == 1 else 'errors'}, so it can only be exported "
                "as a draft. The draft says DRAFT at the top of every page.")
    lines = [f"• {error.location.describe(noun)}: {error.message}" for error in errors[:MAX_ERRORS_LISTED]]
    if count > MAX_ERRORS_LISTED:
        lines.append(f"…and {count - MAX_ERRORS_LISTED} more. The Problems list shows them all.")
    box.setInformativeText("\n".join(lines))
    draft = box.addButton("Export as a draft", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(draft)
    box.setEscapeButton(cancel)
    return box


class ExportResultDialog(QDialog):
    """Where the file went, what the accessibility self-check found, and a way to open it."""

    def __init__(self, path: Path, report: Report | None, *, draft: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle("Export finished")
        layout = QVBoxLayout(self)
        marked = " It is marked DRAFT." if draft else ""
        self.summary = QLabel(f"The plan was exported to “{path.name}” in the folder {path.parent}.{marked}", self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        if report is not None:
            verdict = ("The accessibility check found no problems." if not report.problems
                       else "The accessibility check found:" if not report.passed
                       else "The accessibility check found only what this layout does on purpose:")
            layout.addWidget(QLabel(verdict, self))
            self.findings = QListWidget(self)
            self.findings.setAccessibleName("Accessibility check")
            self.findings.addItems([finding.describe() for finding in _problems_first(report)])
            layout.addWidget(self.findings)
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton("Open the exported file", QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open_button.clicked.connect(self.open_file)
        close.clicked.connect(self.accept)
        layout.addWidget(buttons)
        self.open_button.setDefault(True)
        fit_to_screen(self, QSize(640, 360))

    def open_file(self) -> bool:
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))
        if not opened:
            self.summary.setText(f"“{self.path.name}” could not be opened: no program on this computer opens "
                                 f"{self.path.suffix} files. It is in the folder {self.path.parent}.")
        return bool(opened)


def _problems_first(report: Report) -> list[CheckFinding]:
    return sorted(report.findings, key=lambda finding: (finding.ok, finding.known_breach))

