"""Import time grows in step with the input (issue 22): a Word plan of 5,000 and of 25,000
table rows, and 2,000 and 8,000 lines of report text pasted as concerns.

Each size is measured in the shapes that once made it grow with the square of the input: one
action cut by page breaks into a continuation row for every table row (``continuations``) and
one concern wrapped over every pasted line; and in ordinary shapes: a row an action, numbered
concerns of a few lines. (A plan exported by this project is measured at 5,000 rows only: at
25,000 its XML passes the 16 MB an import reads.) The
growth rows compare the larger size with the smaller: linear time gives about 5× for the
Word plans and 4× for the paste; the target allows 8×.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.harness import Benchmark, Result, format_seconds
from benchmarks.import_inputs import report_text, write_word_plan
from importers.docx_import import import_docx
from importers.report_paste import split_concerns

_FOLDER = Path(tempfile.mkdtemp(prefix="bench-import-linear-"))
_TIMES: dict[str, float] = {}


def _word_plan(shape: str, rows: int) -> Path:
    path = _FOLDER / f"{shape}-{rows}.docx"
    if not path.exists():
        write_word_plan(path, shape, rows, new_concern=0.0 if shape == "continuations" else 0.01)
    return path


def _timed(key: str, limit: float, run: Callable[[], object], setup: Callable[[], object]) -> Callable[[], Result]:
    """One run, its time kept for the growth row: the slow shapes before the fix took minutes."""

    def measure() -> Result:
        setup()
        started = time.perf_counter()
        run()
        elapsed = time.perf_counter() - started
        _TIMES[key] = elapsed
        return Result(benchmarks_by_key[key], elapsed, elapsed, format_seconds(elapsed), elapsed < limit)

    return measure


benchmarks_by_key: dict[str, Benchmark] = {}


def _import(shape: str, rows: int, limit: float, what: str) -> Benchmark:
    key = f"docx-{shape}-{rows}"
    benchmark = Benchmark(f"import a .docx of {rows:,} table rows ({what})", f"under {limit:g} s", limit,
                          lambda: None)
    benchmark.measure = _timed(key, limit, lambda: import_docx(_word_plan(shape, rows)),
                               lambda: _word_plan(shape, rows))
    benchmarks_by_key[key] = benchmark
    return benchmark


def _paste(lines: int, limit: float, one_concern: bool) -> Benchmark:
    key = f"paste-{'one' if one_concern else 'many'}-{lines}"
    text = report_text(lines, one_concern=one_concern)
    what = "one concern wrapped over every line" if one_concern else "numbered concerns, some very long"
    benchmark = Benchmark(f"paste concerns: split {lines:,} lines of report text ({what})", f"under {limit:g} s",
                          limit, lambda: None)
    benchmark.measure = _timed(key, limit, lambda: split_concerns(text, is_word=_is_word), lambda: None)
    benchmarks_by_key[key] = benchmark
    return benchmark


def _is_word(word: str) -> bool:
    # A stand-in for the dictionary, so the figure is the splitting's own, not enchant's.
    return len(word) % 3 != 0


def _growth(small: str, large: str, what: str, bound: float = 8.0) -> Benchmark:
    def measure() -> Result:
        ratio = _TIMES[large] / _TIMES[small]
        shown = (f"{ratio:.1f}× ({format_seconds(_TIMES[small])} to {format_seconds(_TIMES[large])})")
        return Result(benchmark, None, None, shown, ratio < bound)

    benchmark = Benchmark(f"growth: {what}", f"under {bound:g}×", None, lambda: None, measure=measure)
    return benchmark


def benchmarks() -> list[Benchmark]:
    return [
        _import("exported", 5_000, 5.0, "a plan exported by this project, one row an action"),
        _import("rows", 5_000, 5.0, "one row an action, a concern every hundred rows"),
        _import("rows", 25_000, 25.0, "one row an action, a concern every hundred rows"),
        _growth("docx-rows-5000", "docx-rows-25000", "rows, 25,000 against 5,000"),
        _import("continuations", 5_000, 5.0, "one action cut by a page break at every row"),
        _import("continuations", 25_000, 25.0, "one action cut by a page break at every row"),
        _growth("docx-continuations-5000", "docx-continuations-25000", "continuation rows, 25,000 against 5,000"),
        _paste(2_000, 1.0, one_concern=True),
        _paste(8_000, 4.0, one_concern=True),
        _growth("paste-one-2000", "paste-one-8000", "one pasted concern, 8,000 lines against 2,000"),
        _paste(2_000, 1.0, one_concern=False),
        _paste(8_000, 4.0, one_concern=False),
        _growth("paste-many-2000", "paste-many-8000", "pasted concerns, 8,000 lines against 2,000"),
    ]
