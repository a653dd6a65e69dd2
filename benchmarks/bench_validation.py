"""Validation speed: the whole of a 10,000-action plan, and one keystroke at that size."""

from __future__ import annotations

import itertools

from actionplan.changes import PlanChange
from actionplan.model import Action, Plan
from actionplan.spelling import SpellChecker
from actionplan.validation import PlanValidator, validate
from benchmarks.generate import make_plan
from benchmarks.harness import Benchmark

SIZE = 10_000


class _Typing:
    """Types into one action in the middle of a big plan, one character per run."""

    def __init__(self, field: str, suffixes: tuple[str, ...]) -> None:
        self.field = field
        self.suffixes = itertools.cycle(suffixes)
        self.plan: Plan | None = None
        self.validator: PlanValidator | None = None
        self.action: Action | None = None
        self.original = ""

    def setup(self) -> None:
        self.plan = make_plan(SIZE)
        self.validator = PlanValidator(self.plan)
        concern = self.plan.concerns[len(self.plan.concerns) // 2]
        self.action = concern.actions[0]
        self.original = getattr(self.action, self.field)

    def keystroke(self) -> None:
        assert self.action is not None
        assert self.validator is not None
        setattr(self.action, self.field, self.original + next(self.suffixes))
        self.validator.update(PlanChange(action_ids=frozenset({self.action.id}), fields=frozenset({self.field})))


def benchmarks() -> list[Benchmark]:
    big: dict[str, Plan] = {}
    text = _Typing("text", (" a", " ab", " abc", " ab"))
    abbreviation = _Typing("text", (" Q", " QI", " QIG (see key concern 3)", " QI"))
    owner = _Typing("owner", (" x", ""))
    spelling = SpellChecker()
    return [
        Benchmark(
            name=f"validate a {SIZE:,}-action plan from scratch",
            target="under 1 s", limit_seconds=1.0,
            setup=lambda: big.setdefault("plan", make_plan(SIZE)),
            run=lambda: validate(big["plan"]),
        ),
        Benchmark(
            name=f"validate a {SIZE:,}-action plan from scratch, with spelling (check command)",
            target="under 2 s", limit_seconds=2.0,
            setup=lambda: big.setdefault("plan", make_plan(SIZE)),
            run=lambda: validate(big["plan"], spelling=spelling),
        ),
        Benchmark(
            name=f"re-validate after one keystroke in an action ({SIZE:,} actions)",
            target="under 5 ms", limit_seconds=0.005, setup=text.setup, run=text.keystroke, repeat=200,
        ),
        Benchmark(
            name=f"re-validate after a keystroke that changes an abbreviation or cross-reference ({SIZE:,} actions)",
            target="under 5 ms", limit_seconds=0.005, setup=abbreviation.setup, run=abbreviation.keystroke,
            repeat=100,
        ),
        Benchmark(
            name=f"re-validate after one keystroke in an owner ({SIZE:,} actions)",
            target="under 5 ms", limit_seconds=0.005, setup=owner.setup, run=owner.keystroke, repeat=200,
        ),
        *editor_benchmarks(),
    ]


class _EditorTyping:
    """A keystroke in the editor: the undo command, the adapter's update and the problems list."""

    def setup(self) -> None:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from editor.checks.problems_panel import ProblemsPanel
        from editor.checks.validation_adapter import ValidationAdapter
        from editor.edits.document import PlanDocument

        self.app = QApplication.instance() or QApplication([])
        self.document = PlanDocument(make_plan(SIZE))
        self.adapter = ValidationAdapter(self.document)
        self.panel = ProblemsPanel(self.adapter, lambda *_: None)
        concern = self.document.plan.concerns[len(self.document.plan.concerns) // 2]
        self.concern_id, self.action = concern.id, concern.actions[0]
        self.typed = 0

    def keystroke(self) -> None:
        from editor.edits.commands import FieldRef, SetField

        self.typed += 1
        ref = FieldRef(self.concern_id, self.action.id, "text")
        self.document.undo_stack.push(SetField(self.document, ref, self.action.text + "x", merge_key="typing"))
        self.panel.refresh()  # what the panel's timer does after a burst of typing


def editor_benchmarks() -> list[Benchmark]:
    typing = _EditorTyping()
    return [Benchmark(
        name=f"editor: keystroke to updated findings and problems list ({SIZE:,} actions)",
        target="under 16 ms (one frame)", limit_seconds=0.016, setup=typing.setup, run=typing.keystroke,
        repeat=50,
    )]
