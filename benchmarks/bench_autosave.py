"""Autosave of a 10,000-action plan: the GUI-thread part (must never block typing for more than
16 ms) and the whole trip from an edit to a recovery copy on disk."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from actionplan.model import Plan
from actionplan.recovery import RecoveryStore
from actionplan.storage import plan_to_bytes
from benchmarks.generate import make_plan
from benchmarks.harness import Benchmark, Result, format_seconds

ACTIONS = 10_000
FRAME = 0.016
RUNS = 7


def _edit(plan: Plan, run: int) -> None:
    concern = plan.concerns[run % len(plan.concerns)]
    concern.actions[0].text += f" Edit {run}."


def _slices(plan: Plan, snapshotter: object) -> tuple[float, float, bytes]:
    """Run one snapshot the way the autosaver does, in slices. Returns the longest slice, the
    total and the bytes."""
    from editor.files.autosave import SLICE_SECONDS, run_slice
    from editor.files.plan_snapshot import PlanSnapshotter

    assert isinstance(snapshotter, PlanSnapshotter)
    job = snapshotter.steps(plan)
    longest = total = 0.0
    while True:
        started = time.perf_counter()
        data = run_slice(job, SLICE_SECONDS)
        spent = time.perf_counter() - started
        longest, total = max(longest, spent), total + spent
        if data is not None:
            return longest, total, data


def _gui_thread_after_an_edit(benchmark: Benchmark) -> Result:
    from editor.files.plan_snapshot import PlanSnapshotter

    plan = make_plan(ACTIONS)
    snapshotter = PlanSnapshotter()
    snapshotter.snapshot(plan)
    longest_slices, totals = [], []
    for run in range(RUNS):
        _edit(plan, run)
        longest, total, _ = _slices(plan, snapshotter)
        longest_slices.append(longest)
        totals.append(total)
    worst = max(longest_slices)
    shown = (f"longest pause {format_seconds(worst)}; GUI work in all "
             f"{format_seconds(statistics.median(totals))}")
    return Result(benchmark, worst, min(longest_slices), shown, worst < FRAME)


def _gui_thread_first_copy(benchmark: Benchmark) -> Result:
    from editor.files.plan_snapshot import PlanSnapshotter

    plan = make_plan(ACTIONS)
    longest_slices, totals = [], []
    for _ in range(3):
        longest, total, _ = _slices(plan, PlanSnapshotter())
        longest_slices.append(longest)
        totals.append(total)
    worst = max(longest_slices)
    shown = (f"longest pause {format_seconds(worst)}; GUI work in all "
             f"{format_seconds(statistics.median(totals))}")
    return Result(benchmark, worst, min(longest_slices), shown, worst < FRAME)


def _whole_plan_at_once(benchmark: Benchmark) -> Result:
    plan = make_plan(ACTIONS)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        plan_to_bytes(plan)
        times.append(time.perf_counter() - started)
    median = statistics.median(times)
    return Result(benchmark, median, min(times), format_seconds(median), True)


def _edit_to_copy_on_disk(benchmark: Benchmark) -> Result:
    """The real Autosaver in an event loop: from an edit to the copy on disk. That includes the
    pause in typing the autosaver waits for on purpose (PAUSE_MS)."""
    from PySide6.QtWidgets import QApplication

    from editor.edits.commands import FieldRef, SetField
    from editor.edits.document import PlanDocument
    from editor.files.autosave import PAUSE_MS, Autosaver

    app = QApplication.instance() or QApplication([])
    plan = make_plan(ACTIONS)
    with tempfile.TemporaryDirectory() as folder:
        store = RecoveryStore(Path(folder))
        document = PlanDocument(plan, Path(folder) / "plan.actionplan")
        autosaver = Autosaver(document, store)
        concern = plan.concerns[0]
        ref = FieldRef(concern.id, concern.actions[0].id, "text")
        totals, writes = [], []
        copies: list[bool] = []
        autosaver.copy_requested.connect(lambda: copies.append(True))
        for run in range(RUNS):
            started = time.perf_counter()
            document.undo_stack.push(SetField(document, ref, f"Edit {run}", merge_key=run))
            while len(copies) <= run:
                app.processEvents()
                time.sleep(0.001)
            autosaver.writer.wait()
            totals.append(time.perf_counter() - started)
            writes.append(autosaver.writer.last_write_seconds)
        longest = autosaver.longest_slice_seconds
        autosaver.close()
        document.undo_stack.clear()
    median = statistics.median(totals)
    shown = (f"{format_seconds(median)}, of which the {PAUSE_MS} ms wait for a pause in typing; "
             f"writing {format_seconds(statistics.median(writes))} on the worker thread; "
             f"longest GUI pause {format_seconds(longest)}")
    return Result(benchmark, median, min(totals), shown, longest < FRAME)


def benchmarks() -> list[Benchmark]:
    def custom(name: str, target: str, measure: object) -> Benchmark:
        benchmark = Benchmark(name, target, None, run=lambda: None)
        benchmark.measure = lambda: measure(benchmark)  # type: ignore[operator]
        return benchmark

    return [
        custom("autosave after one edit, 10,000 actions: GUI thread", "no pause over 16 ms",
               _gui_thread_after_an_edit),
        custom("first autosave after opening, 10,000 actions: GUI thread", "no pause over 16 ms",
               _gui_thread_first_copy),
        custom("edit to recovery copy on disk, 10,000 actions", "no GUI pause over 16 ms",
               _edit_to_copy_on_disk),
        custom("for comparison: whole plan serialised at once, 10,000 actions", "(why it is sliced)",
               _whole_plan_at_once),
    ]
