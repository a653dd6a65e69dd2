"""A small benchmark harness: each ``benchmarks/bench_*.py`` module has a ``benchmarks()``
function returning ``Benchmark`` objects; ``python -m benchmarks.run`` times them all."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Benchmark:
    name: str
    """What is measured, in words: "open a 10,000-action plan"."""
    target: str
    """The target in words: "under 0.5 s"."""
    limit_seconds: float | None
    """The figure that passes, compared with the median; None when the target is not a time."""
    run: Callable[[], object]
    """One timed run. Set-up belongs in ``setup``."""
    setup: Callable[[], object] | None = None
    repeat: int = 5
    measure: Callable[[], Result] | None = None
    """A custom measurement (memory, a subprocess's own timing) instead of timing ``run``."""
    notes: list[str] = field(default_factory=list)


@dataclass
class Result:
    benchmark: Benchmark
    median_seconds: float | None
    best_seconds: float | None
    shown: str
    """The figure as printed in the table."""
    passed: bool


def time_it(benchmark: Benchmark) -> Result:
    if benchmark.measure is not None:
        return benchmark.measure()
    if benchmark.setup is not None:
        benchmark.setup()
    times = []
    for _ in range(benchmark.repeat):
        start = time.perf_counter()
        benchmark.run()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    passed = benchmark.limit_seconds is None or median < benchmark.limit_seconds
    return Result(benchmark, median, min(times), format_seconds(median), passed)


def format_seconds(seconds: float) -> str:
    if seconds < 0.001:
        return f"{seconds * 1_000_000:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"
