"""Keeps the open plan's findings up to date as the user edits, for the table, the problems
panel, the inspector and the status bar.

It owns one ``PlanValidator`` and follows ``PlanDocument``: each ``edited(PlanChange)``
re-checks only what changed; ``plan_replaced`` checks the new plan from scratch.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from actionplan.changes import PlanChange
from actionplan.spelling import SpellChecker
from actionplan.validation import Counts, Finding, PlanValidator
from editor.checks.plan_words import changes_word_list
from editor.common.day_watcher import DayWatcher
from editor.edits.document import PlanDocument

SPELLING_RULE_LIMIT = 1_000
"""Up to this many actions the problems panel lists spelling too (checked once on opening,
then only the edited text). Bigger plans keep the underlines in the editors, which check
only the text on screen, so that opening stays quick."""


class ValidationAdapter(QObject):
    """The findings of ``document.plan``; also the table model's findings source."""

    findings_changed = Signal()

    def __init__(self, document: PlanDocument, spelling: SpellChecker | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.spelling = spelling if spelling is not None else SpellChecker(document.plan.word_list)
        self.validator = PlanValidator(document.plan, self._usable_spelling())
        self._learn_names_for_underlines()
        document.edited.connect(self._on_edited)
        document.plan_replaced.connect(self._on_plan_replaced)
        self.day = DayWatcher(parent=self)
        self.day.new_day.connect(self._on_new_day)  # overdue actions are found again

    def _usable_spelling(self) -> SpellChecker | None:
        small = self.document.plan.action_count <= SPELLING_RULE_LIMIT
        return self.spelling if self.spelling.available and small else None

    # Following the document ------------------------------------------------------------------

    def _on_edited(self, change: object) -> None:
        if changes_word_list(change):
            # Rare, and taking a word away can make any text misspelt again: check everything.
            self.spelling.set_plan_words(self.document.plan.word_list)
            self.validator.reset(self.document.plan)
        elif isinstance(change, PlanChange):
            self.validator.update(change)
        else:  # an edit that did not say what it changed: check everything
            self.validator.reset(self.document.plan)
        self.findings_changed.emit()

    def _on_plan_replaced(self) -> None:
        self.spelling.set_plan_words(self.document.plan.word_list)
        self.validator.spelling = self._usable_spelling()
        self.validator.reset(self.document.plan)
        self._learn_names_for_underlines()
        self.findings_changed.emit()

    def _on_new_day(self) -> None:
        self.validator.reset(self.document.plan)
        self.findings_changed.emit()

    def _learn_names_for_underlines(self) -> None:
        # The validator learns the plan's names when it checks spelling; for a big plan it does
        # not, but the underlines in the editors still should not mark "Novus".
        if self.validator.spelling is None and self.spelling.available:
            for concern in self.document.plan.concerns:
                self.spelling.learn_names(concern.text)
                for action in concern.actions:
                    self.spelling.learn_names(action.text)

    def spelling_changed(self) -> None:
        """A word was added to the dictionary or ignored: re-check the texts with spelling findings."""
        self.validator.recheck_rule("spelling")
        self.findings_changed.emit()

    # Reading ---------------------------------------------------------------------------------

    def findings_for(self, concern_id: str | None, action_id: str | None, field: str) -> list[Finding]:
        """The findings shown in one table cell (the table model's findings hook)."""
        if action_id is not None:
            return self.validator.findings_for(action_id, field)
        if concern_id is None:
            return self.validator.findings_for("details", field)
        found = self.validator.findings_for(concern_id, field)
        if field == "text":
            # "This concern has no actions" has no cell of its own: show it on the concern.
            found += self.validator.findings_for(concern_id, "actions")
        return found

    def findings(self, include_dismissed: bool = False) -> list[Finding]:
        return self.validator.findings(include_dismissed=include_dismissed)

    def item_findings(self, item_id: str) -> list[Finding]:
        return self.validator.findings_for(item_id)

    def is_dismissed(self, finding: Finding) -> bool:
        return self.validator.is_dismissed(finding)

    def counts(self) -> Counts:
        return self.validator.counts()
