"""The command line: ``check``, ``export`` and ``import``. Nothing on these paths imports Qt.

``main.py`` imports this module on every start, the editor's too, so each command imports what
it needs only when it runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from actionplan import APP_NAME, __version__

if TYPE_CHECKING:
    from actionplan.spelling import SpellChecker

COMMANDS = ("check", "export", "import")
EXIT_OK = 0
EXIT_PLAN_HAS_ERRORS = 1
EXIT_CANNOT_READ = 2


def is_command(argv: Sequence[str]) -> bool:
    """True when ``argv`` asks for the command line rather than the editor."""
    return bool(argv) and (argv[0] in COMMANDS or argv[0] in ("--version", "-V", "--help", "-h"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description=f"{APP_NAME}: draft, check and export HMIP inspection action plans. "
        "With no command, opens the editor (main.py [PLAN] [--screenshot OUT.png]).",
    )
    parser.add_argument("--version", "-V", action="version", version=f"{APP_NAME} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="list the problems in a plan")
    check.add_argument("plan", metavar="PLAN", help="an .actionplan file")
    check.add_argument("--json", action="store_true", help="print the findings as JSON")
    check.set_defaults(handler=run_check)

    export = commands.add_parser("export", help="export a plan as Word, PDF or ODT")
    export.add_argument("plan", metavar="PLAN", help="an .actionplan file")
    export.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.docx, OUT.pdf or OUT.odt")
    export.add_argument("--layout", choices=("accessible", "classic"), default="accessible")
    export.add_argument("--merge-concern-cells", action="store_true",
                        help="classic layout: merge each concern cell down over its actions")
    export.add_argument("--template", metavar="DOCX", help="use this organisation's .docx styles")
    export.add_argument("--allow-errors", action="store_true",
                        help="export a plan with errors as a DRAFT")
    export.set_defaults(handler=_run_export)

    imported = commands.add_parser("import", help="import a Word action plan (.docx)")
    imported.add_argument("docx", metavar="IN.docx")
    imported.add_argument("-o", "--output", required=True, metavar="OUT.actionplan")
    imported.set_defaults(handler=_run_import)
    return parser


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    code: int = args.handler(args)
    return code


def fail(message: str) -> int:
    """Print a one-line reason a file could not be used, and return exit code 2."""
    print(f"Error: {' '.join(message.split())}", file=sys.stderr)
    return EXIT_CANNOT_READ


def run_check(args: argparse.Namespace) -> int:
    from actionplan.storage import PlanFileError, load_plan
    from actionplan.validation import PlanValidator, Severity

    try:
        plan = load_plan(args.plan)
    except PlanFileError as error:
        return fail(error.message)
    validator = PlanValidator(plan, _spell_checker(plan.word_list))
    findings = validator.findings()
    noun = plan.details.era.item_noun()
    if args.json:
        print(json.dumps([finding.to_json(noun) for finding in findings], indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            print(f"{finding.severity.value}: {finding.location.describe(noun)}: {finding.message} [{finding.rule}]")
        errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        warnings = len(findings) - errors
        dismissed = validator.counts().dismissed
        hidden = f" ({dismissed} dismissed, not counted)" if dismissed else ""
        print(f"{_count(errors, 'error')}, {_count(warnings, 'warning')}{hidden}.")
    has_errors = any(finding.severity is Severity.ERROR for finding in findings)
    return EXIT_PLAN_HAS_ERRORS if has_errors else EXIT_OK


def _spell_checker(plan_words: list[str]) -> SpellChecker | None:
    from actionplan.spelling import SpellChecker

    spelling = SpellChecker(plan_words)
    if not spelling.available:
        print(f"Note: {spelling.reason}", file=sys.stderr)
        return None
    return spelling


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _run_export(args: argparse.Namespace) -> int:
    from exporters.cli import run_export

    return int(run_export(args))


def _run_import(args: argparse.Namespace) -> int:
    from importers.cli import run_import

    return int(run_import(args))
