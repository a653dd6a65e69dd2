"""Word export speed: 200 actions under 0.5 s, 10,000 under 5 s and linear, and no slower than
a plain python-docx baseline (``add_row`` and ``cell.text``) writing the same rows."""

from __future__ import annotations

import io
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import docx

from actionplan.model import Plan
from benchmarks.generate import make_plan
from benchmarks.harness import Benchmark, Result, format_seconds
from exporters.docx_export import export_docx
from exporters.options import ExportOptions, Layout

HEADINGS = ("1. Rec No", "2. Concerns", "3. Response Action Taken/Planned", "4. Responsible Owner", "5. Target Date")
_FOLDER = Path(tempfile.mkdtemp(prefix="bench-export-"))
_PLANS: dict[int, Plan] = {}


def plan_of(actions: int) -> Plan:
    if actions not in _PLANS:
        _PLANS[actions] = make_plan(actions)
    return _PLANS[actions]


def export(actions: int, layout: Layout = Layout.ACCESSIBLE) -> Callable[[], None]:
    def run() -> None:
        # Draft, so the timing never depends on what the validation rules think of the text.
        export_docx(plan_of(actions), _FOLDER / "plan.docx", ExportOptions(layout=layout, draft=True))

    return run


def python_docx_baseline(actions: int) -> Callable[[], None]:
    """The same classic rows written the obvious python-docx way."""

    def run() -> None:
        plan = plan_of(actions)
        document = docx.Document()
        table = document.add_table(rows=1, cols=len(HEADINGS))
        for cell, heading in zip(table.rows[0].cells, HEADINGS, strict=True):
            cell.text = heading
        references = plan.references()
        for concern in plan.in_display_order():
            for index, action in enumerate(concern.actions):
                cells = table.add_row().cells
                cells[0].text = references[concern.id] if index == 0 else ""
                cells[1].text = concern.text if index == 0 else ""
                cells[2].text = action.text
                cells[3].text = action.owner
                cells[4].text = action.target.format()
        document.save(io.BytesIO())

    return run


def _median(run: Callable[[], None], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _versus_baseline(actions: int, repeat: int) -> Benchmark:
    name = f"export {actions:,} actions vs python-docx baseline"

    def measure() -> Result:
        ours = _median(export(actions, Layout.CLASSIC), repeat)
        baseline = _median(python_docx_baseline(actions), repeat)
        shown = f"{format_seconds(ours)} vs {format_seconds(baseline)} ({baseline / ours:.0f}x faster)"
        return Result(benchmark, ours, ours, shown, ours <= baseline)

    benchmark = Benchmark(name, "no slower than the baseline", None, lambda: None, measure=measure)
    return benchmark


def _linear() -> Benchmark:
    def measure() -> Result:
        per_action = {n: _median(export(n), 3) / n for n in (2_500, 5_000, 10_000)}
        growth = per_action[10_000] / per_action[2_500]
        shown = " / ".join(f"{n:,}: {format_seconds(t * n)}" for n, t in per_action.items())
        shown += f"; time per action at 10,000 is {growth:.2f}x that at 2,500"
        return Result(benchmark, None, None, shown, growth < 1.5)

    benchmark = Benchmark("export time grows linearly (2,500, 5,000, 10,000 actions)",
                          "per-action time at 10,000 under 1.5x that at 2,500", None, lambda: None, measure=measure)
    return benchmark


def benchmarks() -> list[Benchmark]:
    return [
        Benchmark("export a 200-action plan to .docx (accessible)", "under 0.5 s", 0.5, export(200)),
        Benchmark("export a 200-action plan to .docx (classic)", "under 0.5 s", 0.5, export(200, Layout.CLASSIC)),
        Benchmark("export a 10,000-action plan to .docx (accessible)", "under 5 s", 5.0, export(10_000), repeat=3),
        Benchmark("export a 10,000-action plan to .docx (classic)", "under 5 s", 5.0, export(10_000, Layout.CLASSIC),
                  repeat=3),
        _linear(),
        _versus_baseline(200, 5),
        _versus_baseline(2_500, 1),
    ]
