"""Action Plan Editor: ``python main.py [PLAN]`` opens the editor; ``python main.py check|export|import``
runs the command line without loading Qt."""

from __future__ import annotations

import gc
import sys


def main(argv: list[str]) -> int:
    from commandline.commands import is_command, run

    if is_command(argv):
        return run(argv)
    # Start-up makes a few hundred thousand objects that live as long as the editor; collecting
    # garbage among them while they are made only slows the start. The editor turns collection
    # back on once its window is up (editor.app.settle_memory).
    gc.disable()
    from editor.app import run_editor

    return run_editor(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
