"""Validation speed: the whole of a 10,000-action plan, and one keystroke at that size."""

from __future__ import annotations

import itertools
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from actionplan.changes import PlanChange
from actionplan.model import Action, Plan
from actionplan.spelling import SpellChecker
from actionplan.storage import save_plan
from actionplan.validation import PlanValidator, validate
from benchmarks.generate import make_plan
from benchmarks.harness import Benchmark, Result, format_seconds

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
        check_command_benchmark(),
        *editor_benchmarks(),
    ]


ROOT = Path(__file__).resolve().parents[1]
CHECK_RUNS = 7
BASELINE_RUNS = 3


def check_command_benchmark() -> Benchmark:
    """``python main.py check`` on the stress plan as a user runs it: a new process each time,
    imports, reading the file, opening the dictionary, every rule with spelling, printing. Timed
    against the python-docx baseline of bench_export (the same 10,000 rows written the plain
    python-docx way, in this process) in the same run, as the machine's speed varies."""
    name = f"check command on a {SIZE:,}-action plan, whole process, against the python-docx baseline"

    def measure() -> Result:
        from benchmarks.bench_export import plan_of, python_docx_baseline

        folder = Path(tempfile.mkdtemp(prefix="bench-check-"))
        path = folder / "stress.actionplan"
        save_plan(make_plan(SIZE), path, keep_backup=False)
        command = [sys.executable, str(ROOT / "main.py"), "check", str(path)]
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=False)  # warm the disk cache
        checks = [_timed(lambda: subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=False))
                  for _ in range(CHECK_RUNS)]
        plan_of(SIZE)
        baseline_run = python_docx_baseline(SIZE)
        baselines = [_timed(baseline_run) for _ in range(BASELINE_RUNS)]
        check, baseline = statistics.median(checks), statistics.median(baselines)
        shown = (f"{format_seconds(check)} (best {format_seconds(min(checks))}) vs {format_seconds(baseline)} "
                 f"for the python-docx baseline: 1/{baseline / check:.1f} of it")
        return Result(benchmark, check, min(checks), shown, check < 1.0 and check <= baseline / 8)

    benchmark = Benchmark(name, "under 1 s, and at most 1/8 of the baseline", None, lambda: None, measure=measure)
    return benchmark


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


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
