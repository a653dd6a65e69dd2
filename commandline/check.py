"""``python main.py check PLAN [--json]``: list a plan's problems. Exit 0 when it has no errors, 1
when it has, 2 when the plan cannot be read."""

from __future__ import annotations

import argparse
import json
import sys
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from actionplan.spelling import SpellChecker

EXIT_OK = 0
EXIT_PLAN_HAS_ERRORS = 1
EXIT_CANNOT_READ = 2


def fail(message: str) -> int:
    """Print a one-line reason a file could not be used, and return exit code 2."""
    print(f"Error: {' '.join(message.split())}", file=sys.stderr)
    return EXIT_CANNOT_READ


def run_check(args: argparse.Namespace) -> int:
    # Opening the en-GB dictionary reads a few megabytes in Enchant's own code, which lets other
    # threads run: it is done beside reading the plan rather than after it.
    opening = _SpellCheckerOpening()
    from actionplan.file_errors import PlanFileError
    from actionplan.storage import read_plan
    from actionplan.validation import PlanValidator, Severity
    from commandline.progress_line import progress_line

    with progress_line() as work:
        work.step(0.0, "Reading the plan")
        try:
            loaded = read_plan(args.plan)
        except PlanFileError as error:
            return fail(error.message)
        plan = loaded.plan
        work.step(0.2, "Checking the plan")
        validator = PlanValidator(plan, opening.result(plan.word_list))
        findings = validator.findings()
    for repair in loaded.repairs:  # on standard error, so --json stays JSON
        print(f"Note: {' '.join(repair.split())}", file=sys.stderr)
    noun = plan.details.era.item_noun()
    if args.json:
        print(json.dumps([finding.to_json(noun) for finding in findings], indent=2, ensure_ascii=False))
    else:
        lines = [f"{finding.severity.value}: {finding.location.describe(noun)}: {finding.message} [{finding.rule}]"
                 for finding in findings]
        errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        warnings = len(findings) - errors
        dismissed = validator.counts().dismissed
        hidden = f" ({dismissed} dismissed, not counted)" if dismissed else ""
        lines.append(f"{_count(errors, 'error')}, {_count(warnings, 'warning')}{hidden}.")
        print("\n".join(lines))
    has_errors = any(finding.severity is Severity.ERROR for finding in findings)
    return EXIT_PLAN_HAS_ERRORS if has_errors else EXIT_OK


class _SpellCheckerOpening:
    """A SpellChecker being opened on another thread."""

    def __init__(self) -> None:
        self._checker: SpellChecker | None = None
        self._thread = threading.Thread(target=self._open, name="open-dictionary", daemon=True)
        self._thread.start()

    def _open(self) -> None:
        from actionplan.spelling import SpellChecker

        self._checker = SpellChecker()

    def result(self, plan_words: list[str]) -> SpellChecker | None:
        """The checker with the plan's own words, or None (and a note) when spelling is off."""
        self._thread.join()
        if self._checker is None:  # opening it failed: the thread said why on stderr
            from actionplan.spelling import SpellChecker

            self._checker = SpellChecker()
        spelling = self._checker
        spelling.set_plan_words(plan_words)
        if not spelling.available:
            print(f"Note: {spelling.reason}", file=sys.stderr)
            return None
        return spelling


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
