"""Update forms for the 10,000-action plan, against issue 19's targets (each well under 5 s):
sending one form per lead (20 leads, 500 actions each), and reading back the 20 forms, every
row answered, into the preview; then recording every answer.

The forms are filled in once, in set-up, with openpyxl as a lead's Excel would save them: a new
status and an update on every row, a revised target on one row in five, evidence on one in ten.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from openpyxl import load_workbook

from actionplan.model import Plan
from actionplan.returned_forms import Proposal, apply, propose
from actionplan.update_forms import ACTIONS_SHEET, SendTo
from benchmarks.generate import make_plan
from benchmarks.harness import Benchmark, Result, format_seconds
from exporters.update_forms import HEADINGS, send_update_forms
from importers.update_forms import read_returned_form

ACTIONS = 10_000
LEADS = 20
SENT_ON = dt.date(2026, 12, 1)
READ_ON = dt.date(2026, 12, 20)
_FOLDER = Path(tempfile.mkdtemp(prefix="bench-forms-"))


class Round:
    """The plan with its leads, and its forms sent and filled in, made once."""

    def __init__(self) -> None:
        self._plan: Plan | None = None
        self._returned: list[Path] | None = None

    def plan(self) -> Plan:
        if self._plan is None:
            plan = make_plan(ACTIONS)
            for number, (_concern, action) in enumerate(plan.all_actions()):
                action.lead = f"Lead {number % LEADS + 1}"
            self._plan = plan
        return self._plan

    def send(self, folder: Path) -> list[Path]:
        sent = send_update_forms(self.plan(), folder, SendTo.LEAD, sent_on=SENT_ON, plan_file="big.actionplan")
        assert len(sent.forms) == LEADS
        return [form.path for form in sent.forms]

    def returned(self) -> list[Path]:
        if self._returned is None:
            self._returned = [fill(path) for path in self.send(_FOLDER / "returned")]
        return self._returned


def fill(path: Path) -> Path:
    workbook = load_workbook(path)
    sheet = workbook[ACTIONS_SHEET]
    column = {heading: number for number, heading in enumerate(HEADINGS, start=1)}
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row, column["New status"], ("In progress", "done", "complete", "Ongoing")[row % 4])
        sheet.cell(row, column["Progress update"], f"Row {row}: training booked for all staff on the wing; "
                                                   "attendance checked at the weekly meeting.")
        if row % 5 == 0:
            sheet.cell(row, column["Revised target date"], "June 2027")
            sheet.cell(row, column["Reason for new date"], "Contractor started late")
        if row % 10 == 0:
            sheet.cell(row, column["Evidence"], "Minutes of the safety meeting, shared drive")
    workbook.save(path)
    return path


ROUND = Round()
_SENT = iter(range(1_000_000))


def send_all() -> None:
    ROUND.send(_FOLDER / f"sent-{next(_SENT)}")


def read_all() -> Proposal:
    forms = [read_returned_form(path) for path in ROUND.returned()]
    proposal = propose(ROUND.plan(), forms, READ_ON, "big.actionplan")
    assert len(proposal.changes()) == ACTIONS, proposal.summary()
    return proposal


def _recording(limit: float) -> Benchmark:
    """Recording every answer, on a fresh copy of the plan each time (the copy is not timed)."""

    def measure() -> Result:
        proposal = read_all()
        times = []
        for _ in range(3):
            plan = ROUND.plan().model_copy(deep=True)
            start = time.perf_counter()
            apply(plan, proposal)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        return Result(benchmark, median, min(times), format_seconds(median), median < limit)

    benchmark = Benchmark(f"update forms: record the 10,000 answers read ({LEADS} forms)", f"under {limit:g} s",
                          limit, lambda: None, measure=measure)
    return benchmark


def benchmarks() -> list[Benchmark]:
    return [
        Benchmark(f"update forms: send forms for a 10,000-action plan ({LEADS} leads)", "under 5 s", 5.0, send_all,
                  setup=ROUND.plan, repeat=3),
        Benchmark(f"update forms: read back {LEADS} forms covering all 10,000 actions, to the preview",
                  "under 5 s", 5.0, read_all, setup=ROUND.returned, repeat=3),
        _recording(2.0),
    ]
