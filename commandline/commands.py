"""The command line's commands: ``check``, ``export``, ``import``, ``report`` and ``updates``
(send and read update forms). Nothing on these paths imports Qt.

``main.py`` imports this module on every start, the editor's too, so each command imports what
it needs only when it runs.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from actionplan import APP_NAME, __version__

COMMANDS = ("check", "export", "import", "report", "updates")
EXIT_OK = 0
EXIT_INTERRUPTED = 130
"""What a shell reports for a program stopped by Ctrl+C."""
EXIT_OUTPUT_CLOSED = 141
"""What a shell reports for a program stopped because its reader went away (128 + SIGPIPE)."""


def is_command(argv: Sequence[str]) -> bool:
    """True when ``argv`` asks for the command line rather than the editor."""
    return bool(argv) and (argv[0] in COMMANDS or argv[0] in ("--version", "-V", "--help", "-h"))


def build_parser(prog: str = "main.py") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description=f"{APP_NAME} {__version__}: draft, check and export HMIP inspection action plans. "
        f"With no command, opens the editor ({prog} [PLAN]).",
    )
    parser.add_argument("--version", "-V", action="version", version=f"{APP_NAME} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="list the problems in a plan")
    check.add_argument("plan", metavar="PLAN", help="an .actionplan file")
    check.add_argument("--json", action="store_true", help="print the findings as JSON")
    check.set_defaults(handler=_run_check)

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
    imported.add_argument("--replace", action="store_true",
                          help="replace OUT.actionplan if it exists (the plan there now is kept as a .bak copy)")
    imported.set_defaults(handler=_run_import)

    report = commands.add_parser("report", help="report where each action stands (Word, Excel or CSV)")
    report.add_argument("plan", metavar="PLAN", help="an .actionplan file")
    report.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.docx, OUT.xlsx or OUT.csv")
    # Read as text and checked by the command, so a date that is not one gets a one-line message.
    report.add_argument("--as-of", metavar="DATE",
                        help="the day the report is for, like 4 December 2026 or 04/12/2026 (default: today)")
    report.add_argument("--due-soon-days", metavar="N",
                        help="an action is due soon when its target falls within N days (default: 45)")
    report.set_defaults(handler=_run_report)

    from commandline.updates import add_commands

    add_commands(commands)
    return parser


def run(argv: Sequence[str], prog: str = "main.py") -> int:
    parser = build_parser(prog)
    args = parser.parse_args(list(argv))
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    from commandline.showable import showable_output

    try:
        with showable_output():  # text from a plan may hold terminal escape codes
            code: int = args.handler(args)
        sys.stdout.flush()  # output sent to a pipe waits in a buffer: a closed pipe shows here
    except BrokenPipeError:
        # The reader stopped early (``check PLAN | head``): that is no fault, so stop quietly.
        _send_the_rest_nowhere()
        return EXIT_OUTPUT_CLOSED
    except KeyboardInterrupt:
        # Ctrl+C: every file is written whole or not at all, so there is nothing to tidy.
        print("\nStopped. Nothing was written.", file=sys.stderr)
        return EXIT_INTERRUPTED
    return code


def _send_the_rest_nowhere() -> None:
    # Python flushes standard output again as it exits and would complain about the closed pipe.
    nowhere = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a stream with no file behind it
            os.dup2(nowhere, stream.fileno())


def _run_check(args: argparse.Namespace) -> int:
    from commandline.check import run_check

    return run_check(args)


def _run_export(args: argparse.Namespace) -> int:
    from commandline.export import run_export

    return int(run_export(args))


def _run_import(args: argparse.Namespace) -> int:
    from commandline.import_plan import run_import

    return int(run_import(args))


def _run_report(args: argparse.Namespace) -> int:
    from commandline.report import run_report

    return run_report(args)
