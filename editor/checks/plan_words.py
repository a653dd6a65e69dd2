"""The plan's own word list: words every colleague's editor accepts for this plan.

"Add to dictionary" teaches one person's computer; a word added here travels with the plan
file, so a local place name or a contractor's name is accepted wherever the plan is opened.
The list also counts as spelled out for the abbreviation check.
"""

from __future__ import annotations

from actionplan.changes import PlanChange
from editor.edits.commands import PlanCommand
from editor.edits.document import PlanDocument

WORD_LIST_FIELD = "word_list"
WORD_LIST_CHANGE = PlanChange(details=True, fields=frozenset({WORD_LIST_FIELD}))


def in_word_list(words: list[str], word: str) -> bool:
    return word.strip().lower() in {known.lower() for known in words}


class AddToPlanWords(PlanCommand):
    def __init__(self, document: PlanDocument, word: str) -> None:
        super().__init__(document, f"Add “{word}” to the plan’s word list")
        self.before = list(document.plan.word_list)
        self.after = self.before if in_word_list(self.before, word) else sorted(
            [*self.before, word.strip()], key=str.lower)

    def _do(self) -> PlanChange:
        self.plan.word_list = list(self.after)
        return WORD_LIST_CHANGE

    def _undo(self) -> PlanChange:
        self.plan.word_list = list(self.before)
        return WORD_LIST_CHANGE


def changes_word_list(change: object) -> bool:
    return isinstance(change, PlanChange) and WORD_LIST_FIELD in change.fields
