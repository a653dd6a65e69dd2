"""Open the editor, or run the command named on the command line without loading Qt."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from actionplan_editor.streams import ensure_standard_streams, use_own_taskbar_button

HELP_OPTIONS = ("-h", "--help")


def main(argv: Sequence[str], prog: str | None = None) -> int:
    """Run the application with ``argv`` (without the program's own name)."""
    from commandline.commands import is_command, run

    prog = prog or program_name()
    arguments = list(argv)
    if arguments and arguments[0] in HELP_OPTIONS:
        print(help_text(prog), end="")
        return 0
    if is_command(arguments):
        return run(arguments, prog=prog)
    # Start-up makes a few hundred thousand objects that live as long as the editor; collecting
    # garbage among them while they are made only slows the start. The editor turns collection
    # back on once its window is up (editor.app.settle_memory).
    gc.disable()
    use_own_taskbar_button()
    from editor.app import run_editor

    return run_editor(arguments, prog)


def console_main() -> int:
    """The ``actionplan`` program: commands, or the editor when none is named."""
    return main(sys.argv[1:])


def editor_main() -> int:
    """The ``actionplan-editor`` program, started from a shortcut with no console on Windows:
    the same as ``actionplan``, and it still prints when started from a command prompt."""
    ensure_standard_streams()
    return main(sys.argv[1:])


def program_name() -> str:
    return Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "actionplan"


def help_text(prog: str) -> str:
    """What ``--help`` prints: how to open the editor, with its options, and every command."""
    from commandline.commands import build_parser
    from editor.arguments import add_editor_arguments  # no Qt: only the options

    parser = build_parser(prog)
    parser.usage = (f"{prog} [PLAN] [--sample] [--screenshot OUT.png] [--quit-when-ready]\n"
                    f"       {prog} COMMAND ...\n"
                    f"       {prog} --version")
    add_editor_arguments(parser.add_argument_group("opening the editor (when no command is named)"))
    parser.epilog = (f"Run '{prog} COMMAND --help' for a command's own options. Commands never load Qt, "
                     "so they start fast and run where there is no screen.")
    return parser.format_help()
