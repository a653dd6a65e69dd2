"""Wires validation into the main window: marks in the table, the problems dock, the counts in
the status bar, the inspector's problems and spelling underlines in the text editors.

The main window calls ``install_validation(CheckedViews(...))`` once, naming the parts the
checks show in; everything else happens here. Nothing here imports the window.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QStyledItemDelegate, QWidget

from actionplan.spelling import SpellChecker
from actionplan.validation import RULES, Finding, Severity
from editor.checks.plan_words import AddToPlanWords, changes_word_list, in_word_list
from editor.checks.problems_panel import ProblemsPanel, describe_place
from editor.checks.spelling_highlighter import SpellingSupport
from editor.checks.validation_adapter import ValidationAdapter
from editor.panes.inspector import Inspector
from editor.table.columns import Column
from editor.table.delegates import TextDelegate
from editor.table.plan_table_view import PlanTableView

Reveal = Callable[[str | None, str | None, str], None]
"""Go to a concern's or action's field (or a plan details field, with no concern)."""


@dataclass(frozen=True)
class CheckedViews:
    """Where the checks show: the window (its status bar and a dock for the Problems list), the
    table and its cell editors, the inspector, the View menu, and how to go to a problem."""

    window: QMainWindow
    table: PlanTableView
    inspector: Inspector
    delegates: Mapping[Column, QStyledItemDelegate]
    view_menu: QMenu
    reveal: Reveal


class ValidationUi(QObject):
    """The validation parts of one main window."""

    def __init__(self, views: CheckedViews, spelling: SpellChecker | None = None) -> None:
        super().__init__(views.window)
        self.views = views
        self.window = views.window
        self.table = views.table
        self.inspector = views.inspector
        document = views.table.document
        self.adapter = ValidationAdapter(document, spelling, self)
        self.spelling = SpellingSupport(self.adapter.spelling, self.adapter.spelling_changed, self,
                                        add_to_plan=self._add_to_plan_words)
        document.edited.connect(self._on_edited)
        self.table.plan_model.set_findings_source(self.adapter)
        self.adapter.findings_changed.connect(self.table.plan_model.refresh_findings)
        self.panel = ProblemsPanel(self.adapter, self._reveal, self.window)
        self.dock = _problems_dock(views, self.panel)
        self._build_status_bar()
        self._attach_spelling()
        self.adapter.findings_changed.connect(self.update_counts)
        self.adapter.findings_changed.connect(self.show_inspector_problems)
        self.inspector.item_changed.connect(lambda *_: self.show_inspector_problems())
        self._problem_labels: list[QLabel] = []
        self.update_counts()
        self.show_inspector_problems()

    def _reveal(self, concern_id: str | None, action_id: str | None, field: str) -> None:
        if concern_id is None and field == "concerns":
            # "The plan has no concerns": they are added in the table, not in the plan details.
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.views.reveal(concern_id, action_id, field)

    def current_errors(self) -> list[Finding]:
        """The plan's errors, as the checks know them now (dismissed or not)."""
        return [finding for finding in self.adapter.findings(include_dismissed=True)
                if finding.severity is Severity.ERROR]

    # Status bar ------------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.window.statusBar()
        self.counts_label = QLabel(self.window)
        self.counts_label.setAccessibleName("Errors and warnings")
        self.counts_label.setToolTip("Open the problems list: View > Problems")
        bar.addPermanentWidget(self.counts_label)
        # In the status bar whether or not it has anything to say: a label left loose in the
        # window sat over the File, Edit and View menus and swallowed their clicks.
        self.spelling_label = QLabel(self.window)
        self.spelling_label.setAccessibleName("Spelling")
        bar.addPermanentWidget(self.spelling_label)
        if self.adapter.spelling.available:
            self.spelling_label.hide()
        else:
            self.spelling_label.setText(self.adapter.spelling.reason)

    def update_counts(self) -> None:
        counts = self.adapter.counts()
        text = f"{_count(counts.errors, 'error')}, {_count(counts.warnings, 'warning')}"
        if counts.dismissed:
            text += f" ({counts.dismissed:,} dismissed)"
        self.counts_label.setText(text)

    # Inspector -------------------------------------------------------------------------------

    def show_inspector_problems(self) -> None:
        """The selected item's problems, in labels that are kept and reused, never deleted:
        taking them out of the layout and deleting them (on every change of item) made PySide
        let go of the inspector's own field labels too, and the inspector then stopped following
        the table, showing one item while edits went to another."""
        inspector = self.inspector
        findings = [f for item_id in (inspector.concern_id, inspector.action_id) if item_id
                    for f in self.adapter.item_findings(item_id)]
        noun = self.adapter.document.plan.details.era.item_noun()
        labels = self._problem_labels
        while len(labels) < len(findings):
            labels.append(_problem_label(inspector.problems_box))
            inspector.problems.addWidget(labels[-1])
        for label, finding in zip(labels, findings, strict=False):
            _describe(label, finding, noun)
        for number, label in enumerate(labels):
            label.setVisible(number < len(findings))
        inspector.problems_box.setTitle(f"Problems ({len(findings)})" if findings else "Problems")
        inspector.problems_box.setVisible(bool(findings))

    # Spelling --------------------------------------------------------------------------------

    def _add_to_plan_words(self, word: str) -> None:
        document = self.adapter.document
        if not document.read_only and not in_word_list(document.plan.word_list, word):
            document.undo_stack.push(AddToPlanWords(document, word))

    def _on_edited(self, change: object) -> None:
        if changes_word_list(change):
            self.spelling.rehighlight_all()

    def _attach_spelling(self) -> None:
        inspector = self.inspector
        for editor in (inspector.concern_text, inspector.action_text):
            self.spelling.attach(editor)
        for delegate in self.views.delegates.values():
            if isinstance(delegate, TextDelegate):
                delegate.editor_created.connect(self.spelling.attach)


def install_validation(views: CheckedViews, spelling: SpellChecker | None = None) -> ValidationUi:
    return ValidationUi(views, spelling)


def _problems_dock(views: CheckedViews, panel: ProblemsPanel) -> QDockWidget:
    window = views.window
    dock = QDockWidget("Problems", window)
    dock.setObjectName("problems")
    dock.setAccessibleName("Problems")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    # The table is the work; the list of problems is a glance, so it starts short.
    window.resizeDocks([dock], [190], Qt.Orientation.Vertical)
    toggle = dock.toggleViewAction()
    toggle.setText("&Problems")
    views.view_menu.addAction(toggle)
    return dock


def _problem_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def _describe(label: QLabel, finding: Finding, noun: str) -> None:
    word = "Error" if finding.severity is Severity.ERROR else "Warning"
    label.setText(f"<b>{word}</b> ({_escape(describe_place(finding, noun))}): {_escape(finding.message)}")
    label.setToolTip(f"{RULES[finding.rule].title}. Why it matters: {finding.why}")
    label.setAccessibleName(f"{word}: {finding.message}")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
