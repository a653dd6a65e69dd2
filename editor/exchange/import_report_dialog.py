"""The import report, shown after File ▸ Import Word plan…: what was read, what the importer
had to guess, and what it left out, grouped and in plain words.

The dialog is not modal, so the user can keep it open beside the plan while checking it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from actionplan.model import Category, Era, Plan
from actionplan.target_date import format_long_date
from editor.common.screen_fit import fit_to_screen
from importers.report import TRACKED_CHANGES, ImportNote, ImportReport, NoteKind, shorten

NOT_FOUND = "Not found: add it under Plan ▸ Plan details"
# The words the Plan details form uses for each era.
TEMPLATE_NAMES = {
    Era.CONCERNS: "Concerns (from May 2022)",
    Era.RECOMMENDATIONS: "Recommendations (before May 2022)",
}
TRACKED_CHANGES_ADVICE = (
    "The document has changes made with Track Changes that nobody has accepted or rejected. "
    "They were read as if accepted: inserted text is in the plan, deleted text is not. If that is "
    "wrong, accept or reject the changes in Word, save the document and import it again."
)
_GROUPS = (
    (NoteKind.WARNING, "Warnings", ("warning", "warnings"),
     "Things about the document you should know before you use the plan."),
    (NoteKind.GUESSED, "Guesses to check", ("guess", "guesses"),
     "This text is in the plan, but the importer had to guess where it belongs. Check each place."),
    (NoteKind.NOT_IMPORTED, "Text not imported", ("piece of text not imported", "pieces of text not imported"),
     "This text is in the Word document but not in the plan. Copy it across by hand if you need it."),
)


@dataclass(frozen=True)
class ReportEntry:
    """One note, or several notes that say the same thing about different places."""

    places: tuple[str, ...]
    message: str
    text: str = ""

    @property
    def where(self) -> str:
        if len(self.places) == 1:
            return self.places[0]
        return f"In {len(self.places)} places: {', '.join(self.places)}"


@dataclass(frozen=True)
class ReportSection:
    title: str
    explanation: str
    entries: list[ReportEntry] = field(default_factory=list)
    nouns: tuple[str, str] = ("", "")
    """How the headline counts the notes: singular and plural."""

    @property
    def notes(self) -> int:
        """How many notes the section holds: a grouped entry counts each of its places."""
        return sum(len(entry.places) for entry in self.entries)

    @property
    def heading(self) -> str:
        return f"{self.title} ({self.notes})" if self.entries else self.title


@dataclass(frozen=True)
class ReadableReport:
    """The import report arranged for a person: a headline, what was read, then the notes."""

    headline: str
    facts: list[tuple[str, str]]
    sections: list[ReportSection]

    def as_text(self) -> str:
        lines = [self.headline, "", "What was read"]
        lines += [f"- {label}: {value}" for label, value in self.facts]
        for section in self.sections:
            lines += ["", section.heading, section.explanation]
            for entry in section.entries:
                lines.append(f"- {entry.where}: {entry.message}")
                if entry.text:
                    lines.append(f"  “{entry.text}”")
        return "\n".join(lines)

    def as_html(self) -> str:
        parts = ["<h3>What was read</h3>", "<table cellspacing='0' cellpadding='3'>"]
        for label, value in self.facts:
            style = " style='color:#b00020'" if value == NOT_FOUND else ""
            parts.append(f"<tr><td><b>{_e(label)}</b></td><td{style}>{_e(value)}</td></tr>")
        parts.append("</table>")
        for section in self.sections:
            parts.append(f"<h3>{_e(section.heading)}</h3><p>{_e(section.explanation)}</p>")
            if section.entries:
                parts.append("<ul>")
                parts += [_entry_html(entry) for entry in section.entries]
                parts.append("</ul>")
        return "".join(parts)


def readable_report(plan: Plan, report: ImportReport) -> ReadableReport:
    sections = report_sections(report)
    return ReadableReport(headline(report, sections), plan_facts(plan), sections)


def headline(report: ImportReport, sections: list[ReportSection]) -> str:
    """``Imported 12 concerns and 46 actions from plan.docx. Check: tracked changes, 6 guesses.``"""
    found = f"Imported {_count(report.concerns, 'concern')} and {_count(report.actions, 'action')}"
    found += f" from {report.source}." if report.source else "."
    if not sections:
        return f"{found} Everything in the document was placed in the plan."
    checks = [
        f"{section.notes} {section.nouns[section.notes != 1]}" if section.entries else section.title.lower()
        for section in sections
    ]
    return f"{found} Please check: {', '.join(checks)}."


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def plan_facts(plan: Plan) -> list[tuple[str, str]]:
    """What was read, as label and value: the counts, then each plan detail or that it is missing."""
    details = plan.details
    priority = len(plan.in_category(Category.PRIORITY))
    key = len(plan.in_category(Category.KEY))
    return [
        ("Concerns", f"{len(plan.concerns)} ({priority} priority, {key} key)"),
        ("Actions", str(plan.action_count)),
        ("Establishment", details.establishment or NOT_FOUND),
        ("Action plan submitted", format_long_date(details.submitted) if details.submitted else NOT_FOUND),
        ("Inspection dates", _inspection(plan)),
        ("Report published", format_long_date(details.published) if details.published else NOT_FOUND),
        ("Template", TEMPLATE_NAMES[details.era]),
    ]


def _inspection(plan: Plan) -> str:
    start, end = plan.details.inspection_start, plan.details.inspection_end
    if start is None and end is None:
        return NOT_FOUND
    first = format_long_date(start) if start else "first day not found"
    last = format_long_date(end) if end else "last day not found"
    return f"{first} to {last}"


def report_sections(report: ImportReport) -> list[ReportSection]:
    """Tracked changes first (it affects everything), then warnings, guesses and text left out.
    Only the groups that have something in them."""
    sections = []
    if report.has_tracked_changes:
        sections.append(ReportSection("Tracked changes", TRACKED_CHANGES_ADVICE))
    for kind, title, nouns, explanation in _GROUPS:
        notes = [note for note in report.of_kind(kind) if note.message != TRACKED_CHANGES]
        if notes:
            sections.append(ReportSection(title, explanation, group_notes(notes), nouns))
    return sections


def group_notes(notes: list[ImportNote]) -> list[ReportEntry]:
    """Notes saying the same thing (a table broken over ten pages) become one entry listing the
    places, in the order first seen."""
    places: dict[tuple[str, str], list[str]] = {}
    for note in notes:
        places.setdefault((note.message, shorten(note.text) if note.text else ""), []).append(note.where)
    return [ReportEntry(tuple(where), message, text) for (message, text), where in places.items()]


def _entry_html(entry: ReportEntry) -> str:
    quoted = f"<br><i>“{_e(entry.text)}”</i>" if entry.text else ""
    return f"<li><b>{_e(entry.where)}</b>: {_e(entry.message)}{quoted}</li>"


def _e(text: str) -> str:
    return html.escape(text, quote=False)


class ImportReportDialog(QDialog):
    """Shows a ``ReadableReport`` with Copy to clipboard and Close."""

    def __init__(self, readable: ReadableReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.readable = readable
        self.setWindowTitle("Import report")
        self.setAccessibleName("Import report")
        self.headline = QLabel(f"<b>{_e(readable.headline)}</b>", self)
        self.headline.setWordWrap(True)
        # Labels keep their text as their accessible name, so screen readers read what they say.
        self.headline.setAccessibleDescription("Summary")
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unsaved = QLabel("The imported plan is not saved yet: once you have checked it, choose File ▸ Save to keep it.", self)
        self.unsaved.setWordWrap(True)
        self.unsaved.setAccessibleDescription("Save reminder")
        self.details = QTextBrowser(self)
        self.details.setAccessibleName("Import report details")
        self.details.setAccessibleDescription("What was read, warnings, guesses and text not imported")
        self.details.setHtml(readable.as_html())
        self.copied = QLabel("", self)
        self.copied.setWordWrap(True)
        self.copied.setAccessibleDescription("Copy result")
        self._build_buttons()
        self._lay_out()
        fit_to_screen(self, QSize(780, 600))

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton("&Copy to clipboard", self)
        self.copy_button.setAccessibleName("Copy the report to the clipboard")
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName("Close the report")
        self.close_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.buttons.rejected.connect(self.reject)

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.unsaved)
        layout.addWidget(self.details, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.copied, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.setTabOrder(self.details, self.copy_button)
        self.setTabOrder(self.copy_button, self.close_button)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.readable.as_text())
        self.copied.setText("The report is on the clipboard: paste it into an email or a document.")
