"""Tracking progress at 10,000 actions, each with months of realistic tracking
(``generate.add_progress``: leads, monthly updates, evidence, revised targets, judgements),
against the issue's targets:

- Switching from the drafting view to the progress view takes well under a second of work
  beyond what the drafting view already costs: under 0.25 s, from View > Progress view to an
  idle window that has painted (the progress rows laid out, filtered and drawn, the inspector's
  section opened). Switching back, which lets the progress rows go, is timed too.
- Filtering (Overdue on, then Due soon, a lead, a status, Show all) takes under 0.25 s each, to
  an idle, painted window with the summary line updated.
- Recording an update in the progress view (one undo step: the row, the checks, the inspector's
  section and the summary line follow) takes under 100 ms: a click, not a keystroke.
- Opening the window on that plan (the drafting view, as before) is timed for comparison: the
  progress view adds nothing to it while it is hidden.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from typing import Any

from actionplan.model import Plan
from benchmarks.generate import PROGRESS_AS_OF, add_progress, make_plan
from benchmarks.harness import Benchmark, Result, format_seconds

AS_OF = PROGRESS_AS_OF


def tracked_plan(actions: int = 10_000, seed: int = 1) -> Plan:
    """A generated plan with months of realistic tracking (``generate.add_progress``)."""
    return add_progress(make_plan(actions, seed=seed), seed=seed)


class TrackedWindow:
    """The main window over the tracked plan, made once, as of ``AS_OF``."""

    def __init__(self) -> None:
        self._window: Any = None
        self.opening_seconds = 0.0

    @property
    def window(self) -> Any:
        if self._window is None:
            from PySide6.QtWidgets import QApplication

            from editor.app import make_application, settle_memory
            from editor.edits.document import PlanDocument
            from editor.window.main_window import MainWindow

            os.environ["ACTIONPLAN_TODAY"] = AS_OF.isoformat()
            make_application([])
            plan = tracked_plan()
            start = time.perf_counter()
            self._window = MainWindow(PlanDocument(plan))
            self._window.resize(1400, 900)
            self._window.show()
            QApplication.processEvents()
            self.opening_seconds = time.perf_counter() - start
            self._window.views.settings.set_user_name("Benchmark")
            settle_memory()
        return self._window


_TRACKED = TrackedWindow()


def _to_idle(do: Callable[[], object]) -> float:
    """Seconds from ``do`` to an idle window that has painted what changed (as in
    ``bench_editor``: the offscreen window paints what was updated as events are processed)."""
    from PySide6.QtWidgets import QApplication

    assert _TRACKED.window is not None  # made before the clock starts
    start = time.perf_counter()
    do()
    QApplication.processEvents()
    return time.perf_counter() - start


def _result(benchmark: Benchmark, times: list[float], extra: str = "") -> Result:
    median = statistics.median(times)
    assert benchmark.limit_seconds is not None
    shown = f"{format_seconds(median)} (worst {format_seconds(max(times))} of {len(times)}{extra})"
    return Result(benchmark, median, min(times), shown, median < benchmark.limit_seconds)


def _measure_switching(to_progress: Benchmark, back: Benchmark) -> tuple[Result, Result]:
    views = _TRACKED.window.views
    there, home = [], []
    for _ in range(5):
        there.append(_to_idle(views.progress_action.trigger))
        home.append(_to_idle(views.drafting_action.trigger))
    opening = f"; opening the window on the drafting view: {format_seconds(_TRACKED.opening_seconds)}"
    return _result(to_progress, there, opening), _result(back, home)


_SWITCH_RESULTS: dict[str, Result] = {}


def _switch_result(which: str, to_progress: Benchmark, back: Benchmark) -> Result:
    if not _SWITCH_RESULTS:
        _SWITCH_RESULTS["there"], _SWITCH_RESULTS["back"] = _measure_switching(to_progress, back)
    return _SWITCH_RESULTS[which]


def _measure_filtering(benchmark: Benchmark) -> Result:
    views = _TRACKED.window.views
    views.show_progress()
    bar = views.progress.filter_bar
    steps: list[Callable[[], object]] = [
        lambda: bar.overdue.setChecked(True),
        lambda: bar.due_soon.setChecked(True),
        lambda: bar.lead.setCurrentIndex(3),
        lambda: bar.status.setCurrentIndex(bar.status.findText("In progress")),
        bar.clear_filter,
    ]
    times = [_to_idle(step) for _ in range(3) for step in steps]
    shown = views.progress.summary.text()
    assert shown.startswith("10,000 actions:"), shown
    return _result(benchmark, times)


def _measure_recording(benchmark: Benchmark) -> Result:
    window = _TRACKED.window
    views = window.views
    views.show_progress()
    times = []
    for number in range(10):
        row = views.progress.filtered.source_row(4_000 + number * 300)
        views.progress.select_action(row.action.id)
        times.append(_to_idle(lambda row=row: views.recorder.add_update(row.action.id, "Benchmark update.")))
    return _result(benchmark, times)


def benchmarks() -> list[Benchmark]:
    to_progress = Benchmark("progress view: switch to the progress view, 10,000 tracked actions", "under 250 ms",
                            0.25, run=lambda: None)
    back = Benchmark("progress view: switch back to the drafting view, 10,000 tracked actions", "under 250 ms",
                     0.25, run=lambda: None)
    to_progress.measure = lambda: _switch_result("there", to_progress, back)
    back.measure = lambda: _switch_result("back", to_progress, back)
    filtering = Benchmark("progress view: filter (overdue, due soon, a lead, a status, show all), 10,000 tracked actions",
                          "under 250 ms each", 0.25, run=lambda: None)
    filtering.measure = lambda: _measure_filtering(filtering)
    recording = Benchmark("progress view: record an update in the progress view, 10,000 tracked actions",
                          "under 100 ms", 0.1, run=lambda: None)
    recording.measure = lambda: _measure_recording(recording)
    return [to_progress, back, filtering, recording]
