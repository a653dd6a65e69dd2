"""Undoable dismissing and restoring of one warning on one item."""

from __future__ import annotations

from actionplan.changes import PlanChange
from actionplan.model import Dismissal
from actionplan.validation import RULES, Finding, with_dismissal, without_dismissal
from editor.edits.commands import PlanCommand
from editor.edits.document import PlanDocument


class _SetDismissals(PlanCommand):
    def __init__(self, document: PlanDocument, text: str, after: list[Dismissal]) -> None:
        super().__init__(document, text)
        self.before = list(document.plan.dismissals)
        self.after = after

    def _do(self) -> PlanChange:
        self.plan.dismissals = list(self.after)
        return PlanChange()  # no text changed: findings stay, only what is shown

    def _undo(self) -> PlanChange:
        self.plan.dismissals = list(self.before)
        return PlanChange()


class DismissWarning(_SetDismissals):
    """Hide one warning on one item, with an optional reason. Errors cannot be dismissed."""

    def __init__(self, document: PlanDocument, finding: Finding, reason: str = "") -> None:
        after = with_dismissal(document.plan.dismissals, finding, reason)
        super().__init__(document, f"Dismiss warning “{RULES[finding.rule].title}”", after)


class RestoreWarning(_SetDismissals):
    def __init__(self, document: PlanDocument, finding: Finding) -> None:
        after = without_dismissal(document.plan.dismissals, *finding.key)
        super().__init__(document, f"Restore warning “{RULES[finding.rule].title}”", after)
