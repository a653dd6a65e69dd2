"""``python -m actionplan_editor [PLAN | COMMAND ...]``."""

from __future__ import annotations

import sys

from actionplan_editor.launch import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], prog="python -m actionplan_editor"))
