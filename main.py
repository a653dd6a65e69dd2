"""Action Plan Editor: ``python main.py [PLAN]`` opens the editor; ``python main.py check|export|import``
runs the command line without loading Qt."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from actionplan.cli import is_command, run

    if is_command(argv):
        return run(argv)
    from editor.app import run_editor

    return run_editor(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
