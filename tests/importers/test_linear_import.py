"""Import time grows in step with the input (issue 22).

Each test times the same work at a size and at four times that size and allows eight times the
time: linear work takes about four, work that grows with the square of the input sixteen. The
inputs are the shapes that were quadratic: one action or concern cut by page breaks into a row
for every table row, stacked actions cut mid-sentence, a cell whose paragraph marks were all
deleted, and one concern pasted as thousands of wrapped lines. Each size is timed at its best
of three runs, so a pause on a shared machine does not count.

Run against the importer as it was (``oracle/``), the first five fail, at 15× to 30×. The last
two are ordinary shapes end to end, a paste of many concerns and a Word plan read from its XML,
at sizes small enough for a test: they held before too, and guard the whole path.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

from actionplan.model import Plan
from benchmarks.import_inputs import report_text, write_word_plan
from importers.docx_import import import_docx
from importers.plan_builder import PlanBuilder
from importers.plan_table import PlanRow
from importers.report import ImportReport
from importers.report_paste import split_concerns
from importers.wordml import Cell, Paragraph

BOUND = 8.0
_WORDS = ("the", "prison", "will", "review", "staff", "weekly", "and", "of", "self-", "harm", "wing", "data")


def _best_of_three(run: Callable[[], object]) -> float:
    times = []
    for _ in range(3):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def _assert_linear(make: Callable[[int], Callable[[], object]], size: int) -> None:
    small, large = make(size), make(4 * size)
    small_time, large_time = _best_of_three(small), _best_of_three(large)
    ratio = large_time / small_time
    assert ratio < BOUND, f"{size:,}: {small_time:.3f} s, {4 * size:,}: {large_time:.3f} s ({ratio:.1f}×)"


def _text(rng: random.Random, words: int = 40) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words))


def _builder_run(rows: list[PlanRow]) -> Callable[[], object]:
    def run() -> Plan:
        builder = PlanBuilder(Plan(), ImportReport())
        for row in rows:
            builder.add_row(row)
        return builder.finish()

    return run


def _first_row() -> PlanRow:
    return PlanRow("row 1", rec=["1."], concern=["Staff training was"], response=["The prison will"],
                   owners=["Governor"], targets=["December 2026"])


def test_an_action_cut_into_a_row_for_every_table_row_is_joined_in_linear_time() -> None:
    def make(size: int) -> Callable[[], object]:
        rng = random.Random(size)
        rest = [PlanRow(f"row {n}", response=[_text(rng) + rng.choice(("", ".", ":"))]) for n in range(size)]
        return _builder_run([_first_row(), *rest])

    _assert_linear(make, 1_000)


def test_a_concern_cut_into_a_row_for_every_table_row_is_joined_in_linear_time() -> None:
    def make(size: int) -> Callable[[], object]:
        rng = random.Random(size)
        rest = [PlanRow(f"row {n}", concern=[_text(rng) + rng.choice(("", ".", ";"))]) for n in range(size)]
        return _builder_run([_first_row(), *rest])

    _assert_linear(make, 1_000)


def test_stacked_actions_cut_mid_sentence_are_joined_in_linear_time() -> None:
    def make(size: int) -> Callable[[], object]:
        rng = random.Random(size)
        stacked = PlanRow("row 2", response=["First.", "Second"], owners=["Governor", "Head of Safety"],
                          targets=["May 2026", "June 2026"])
        cut = PlanRow("row 3", response=[*(_text(rng, 10) for _ in range(size)), "Third.", "Fourth."],
                      owners=["Governor", "Governor"], targets=["May 2026", "June 2026"])
        return _builder_run([_first_row(), stacked, cut])

    _assert_linear(make, 2_000)


def test_paragraphs_whose_marks_were_deleted_are_joined_in_linear_time() -> None:
    def make(size: int) -> Callable[[], object]:
        rng = random.Random(size)
        cell = Cell(0, 1, [Paragraph(_text(rng, 10), mark_deleted=True) for _ in range(size)])
        return lambda: cell.lines

    _assert_linear(make, 5_000)


def test_one_concern_pasted_as_thousands_of_wrapped_lines_is_split_in_linear_time() -> None:
    def make(size: int) -> Callable[[], object]:
        text = report_text(size, one_concern=True)
        return lambda: split_concerns(text, is_word=lambda word: len(word) % 3 != 0)

    _assert_linear(make, 2_000)


def test_pasted_concerns_are_split_in_linear_time() -> None:
    def make(size: int) -> Callable[[], object]:
        text = report_text(size, seed=1)
        return lambda: split_concerns(text, is_word=lambda word: len(word) % 3 != 0)

    _assert_linear(make, 2_000)


def test_a_word_plan_of_continuation_rows_imports_in_linear_time(tmp_path: Path) -> None:
    def make(size: int) -> Callable[[], object]:
        path = write_word_plan(tmp_path / f"{size}.docx", "continuations", size, new_concern=0.0)
        return lambda: import_docx(path)

    _assert_linear(make, 300)
