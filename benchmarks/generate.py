"""Realistic plans of any size, for benchmarks and stress tests.

``python -m benchmarks.generate 10000 -o big.actionplan`` writes one to disk.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

from actionplan.model import Action, Category, Concern, Plan, PlanDetails
from actionplan.storage import save_plan
from actionplan.target_date import TargetDate

_CONCERN_TEXTS = (
    "Drugs, particularly psychoactive substances, were too freely available.",
    "Rates of recorded self-harm were very high. There was not enough prison-wide work to "
    "address the reasons for this.",
    "Leaders had not ensured that all prisoners had sufficient access to their allocated "
    "activities.",
    "Too many cells were small and cramped, particularly when two prisoners were sharing.",
    "Too often, visits started late, which was a source of frustration for prisoners and "
    "their visitors.",
    "Key work remained disappointing and did not support progression.",
)
_ACTION_TEXTS = (
    "The prison will implement a daily recording sheet for visit start and finish times. "
    "Any late start will be reported to the manager in charge.",
    "A monthly security training session will be held for all staff. Attendance will be "
    "monitored through the monthly senior leadership meeting.",
    "The safety team will recruit an analyst to identify trends in self-harm data. Findings "
    "will be reported to the weekly safety intervention meeting.",
    "The prison will agree an annual delivery plan with the learning and skills partner:\n"
    "- progression routes for every learner\n- functional skills in maths and English\n"
    "- monthly review through the Quality Improvement Group (QIG)",
    "Prisoners identified as in need will receive key worker support through a minimum of "
    "fortnightly contact, recorded on the case notes system.",
)
_OWNERS = ("Governor", "Governor", "Governor", "Head of Safety", "HMPPS Estates",
           "Head of Education, Skills and Work", "Governor and Milton Keynes (education provider)")


def make_plan(actions: int, concerns: int | None = None, seed: int = 0) -> Plan:
    """A plan with ``actions`` actions spread over ``concerns`` concerns (about one concern for
    every seven actions, a third of them priority concerns, when not given)."""
    rng = random.Random(seed)
    concern_count = concerns or max(1, min(actions, round(actions / 7)))
    priority_count = max(1, concern_count // 3)
    plan = Plan(details=PlanDetails(
        establishment="HMP & YOI Example",
        submitted=dt.date(2026, 6, 22),
        inspection_start=dt.date(2026, 2, 23),
        inspection_end=dt.date(2026, 3, 5),
        published=dt.date(2026, 6, 1),
    ))
    for index in range(concern_count):
        category = Category.PRIORITY if index < priority_count else Category.KEY
        plan.concerns.append(Concern(category=category, text=rng.choice(_CONCERN_TEXTS)))
    for index in range(actions):
        concern = plan.concerns[index % concern_count]
        concern.actions.append(Action(
            text=rng.choice(_ACTION_TEXTS),
            owner=rng.choice(_OWNERS),
            target=_target(rng),
        ))
    return plan


def _target(rng: random.Random) -> TargetDate:
    roll = rng.random()
    if roll < 0.15:
        return TargetDate.parse("Completed")
    if roll < 0.2:
        return TargetDate.parse("Completed and ongoing")
    return TargetDate.of_month(2026 + rng.randint(0, 1), rng.randint(1, 12))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("actions", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--concerns", type=int)
    args = parser.parse_args()
    save_plan(make_plan(args.actions, args.concerns), args.output, keep_backup=False)


if __name__ == "__main__":
    main()
