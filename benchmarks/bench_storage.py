"""Opening and saving plan files, against the issue's targets.

Targets for a 10,000-action plan: open (read, parse and validate) and save each take under
0.5 s, and under 5 times plain ``json.loads`` plus ``json.dumps`` of the same file. A
200-action plan (a large real plan) should open and save in well under a tenth of a second.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from actionplan.model import Plan
from actionplan.storage import load_plan, save_plan
from benchmarks.generate import make_plan
from benchmarks.harness import Benchmark, Result, format_seconds

RATIO_LIMIT = 5.0
REPEAT = 7


class PlanOnDisk:
    """A generated plan saved in a private folder, made once and shared by the benchmarks."""

    def __init__(self, actions: int) -> None:
        self.actions = actions
        self._plan: Plan | None = None
        self.folder = Path(tempfile.mkdtemp(prefix="bench-storage-"))
        self.path = self.folder / f"plan-{actions}.actionplan"

    @property
    def plan(self) -> Plan:
        if self._plan is None:
            self._plan = make_plan(self.actions, seed=self.actions)
            save_plan(self._plan, self.path)
        return self._plan

    def open(self) -> None:
        load_plan(self.path)

    def save(self) -> None:
        save_plan(self.plan, self.path)

    def plain_json(self) -> None:
        """The baseline: what the file costs to read and write as bare JSON."""
        json.dumps(json.loads(self.path.read_bytes()))


def _time_once(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def _measure_ratio(benchmark: Benchmark, plan: PlanOnDisk, run: Callable[[], object]) -> Result:
    _ = plan.plan
    run()
    plan.plain_json()  # warm up both
    ours: list[float] = []
    baseline: list[float] = []
    for _ in range(REPEAT):  # interleaved, so a busy machine slows both alike
        ours.append(_time_once(run))
        baseline.append(_time_once(plan.plain_json))
    ratio = statistics.median(ours) / statistics.median(baseline)
    size = plan.path.stat().st_size / (1024 * 1024)
    shown = (f"{ratio:.1f}× ({format_seconds(statistics.median(ours))} against "
             f"{format_seconds(statistics.median(baseline))} for json.loads + json.dumps of the "
             f"{size:.1f} MB file)")
    return Result(benchmark, None, None, shown, ratio < RATIO_LIMIT)


def _against_json(action: str, plan: PlanOnDisk, run: Callable[[], object]) -> Benchmark:
    benchmark = Benchmark(f"{action} a {plan.actions:,}-action plan, against plain JSON",
                          f"under {RATIO_LIMIT:.0f}× json.loads + json.dumps", None, run)
    benchmark.measure = lambda: _measure_ratio(benchmark, plan, run)
    return benchmark


def benchmarks() -> list[Benchmark]:
    big, small = PlanOnDisk(10_000), PlanOnDisk(200)
    found: list[Benchmark] = []
    for plan, limit in ((big, 0.5), (small, 0.1)):
        words = f"{plan.actions:,}-action plan"
        found.append(Benchmark(f"open a {words} (read, parse, validate)", f"under {limit} s", limit,
                               plan.open, setup=lambda plan=plan: plan.plan, repeat=REPEAT))
        found.append(Benchmark(f"save a {words} (atomic, fsync, backup)", f"under {limit} s", limit,
                               plan.save, setup=lambda plan=plan: plan.plan, repeat=REPEAT))
    found.append(_against_json("open", big, big.open))
    found.append(_against_json("save", big, big.save))
    return found
