"""Action Plan Editor from a checkout: ``python main.py [PLAN]`` opens the editor, and
``python main.py check|export|import ...`` runs a command without loading Qt. The standalone
folder's two programs start here too (``actionplan-editor.spec``)."""

from __future__ import annotations

import sys

from actionplan_editor.launch import main
from actionplan_editor.streams import ensure_standard_streams

if __name__ == "__main__":
    frozen = getattr(sys, "frozen", False)
    if frozen:
        ensure_standard_streams()  # the windowed ActionPlanEditor.exe starts with none
    sys.exit(main(sys.argv[1:], prog=None if frozen else "main.py"))
