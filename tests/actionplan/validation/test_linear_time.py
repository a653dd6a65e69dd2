"""No check takes more than linear time in the text it reads (issue 16, item 4).

A cell of 80,000 capital letters once took 5 s to check and a 50 MB one would have run for days,
because a pattern backtracked over the whole run from every place in it. Here every field of a
plan (action, owner, target date, concern, establishment, introduction) holds 1,000,000
characters of one kind of awkward text, and the whole check, spelling included, must finish in a
few seconds. Each kind is one that made a pattern backtrack before, or could: a pattern that took
time in the square of the length would take hours here, so the limit is far from the linear
times (under 3 s each on the 2-core development machine, most under 1 s) and not a benchmark.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from actionplan.model import Action, Concern, Plan, PlanDetails
from actionplan.spelling import SpellChecker
from actionplan.target_date import TargetDate, parse_calendar_date
from actionplan.validation import PlanValidator

SIZE = 1_000_000
LIMIT_SECONDS = 10.0


def _repeat(piece: str) -> Callable[[int], str]:
    return lambda size: (piece * (size // len(piece) + 1))[:size]


def _between(before: str, run: str, after: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        middle = size - len(before) - len(after)
        return before + (run * (middle // len(run) + 1))[:middle] + after

    return make


KINDS: dict[str, Callable[[int], str]] = {
    # The kinds issue 16 names.
    "capitals": _repeat("A"),
    "capitals then a digit": _between("", "A", "1"),
    "one long word": _repeat("a"),
    "no spaces": _repeat("ab.cd,ef;gh-ij/kl"),
    "many sentences": _repeat("Word. "),
    "full stops": _repeat("."),
    "punctuation": _repeat("!?.,;:()'\"&"),
    "digits": _repeat("1"),
    "dashes": _repeat("-"),
    "spaced dashes": _repeat(" – "),
    "one repeated word": _repeat("review "),
    # Runs that patterns backtracked through, found by the audit.
    "at signs": _repeat("@"),
    "at signs and stops": _repeat("a@b."),
    "web addresses": _repeat("http://"),
    "capitals and ampersands": _between("", "A&", "1"),
    "capital, small letters, capital, digit": _between("A", "a", "A1"),
    "abbreviations in brackets": _repeat("QIG (x) "),
    "shouting": _repeat("THE QIG WILL MEET "),
    "white space after see": _between("see", " ", "x"),
    "white space after see concern": _between("see concern", " ", "x"),
    "a long list of concerns": _between("see concern 1", ", 2", ""),
    "white space after drive": _between("drive", " ", "x"),
    "white space after an owner": _between("Governor", " ", "x"),
    "white space before a stop": _between("Word", " ", ". Next"),
    "vague verbs, each measured": _repeat("will review weekly "),
    "vague verbs, one outcome at the end": _between("", "will review ", " to reduce"),
    "initials": _repeat("A. "),
    "titles": _repeat("Mr "),
    "new lines and dashes": _repeat("\n- "),
    "ordinals and ranges": _repeat("1st-2nd "),
    "years": _repeat("2025-2026-"),
    "many names": _repeat("Novus and Stoke "),
}


@pytest.fixture(scope="module")
def spelling() -> SpellChecker:
    return SpellChecker()


@pytest.mark.timeout(120)
@pytest.mark.parametrize("kind", list(KINDS))
def test_a_million_characters_are_checked_in_a_few_seconds(kind: str, spelling: SpellChecker) -> None:
    text = KINDS[kind](SIZE)
    assert len(text) == SIZE
    started = time.process_time()  # this process's own time: the machine is shared
    action = Action(text=text, owner=text, target=TargetDate.parse(text))
    plan = Plan(details=PlanDetails(establishment=text, introduction=text),
                concerns=[Concern(text=text, actions=[action])])
    validator = PlanValidator(plan, spelling if spelling.available else None)
    findings = validator.findings()
    parse_calendar_date(text)
    elapsed = time.process_time() - started
    assert findings  # it did check: a million characters of one kind always find something
    assert elapsed < LIMIT_SECONDS, f"{kind}: {elapsed:.1f} s"
