"""Starting the editor: ``main.py`` loads only what the editor needs, the window opens a plan
named on the command line, and garbage collection is back on (with start-up's objects out of
its way) once the window is up."""

from __future__ import annotations

import gc
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from editor.app import settle_memory
from tests.editor.file_host import write_plan

ROOT = Path(__file__).resolve().parents[2]


def python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          check=True, timeout=120).stdout


def test_the_command_line_module_loads_no_command_until_it_runs() -> None:
    loaded = python(
        "import sys, commandline.commands;"
        "print(sorted(m for m in sys.modules if m.startswith(('actionplan.', 'commandline.', 'exporters', 'importers', 'PySide6'))))"
    )
    assert loaded.strip() == "['commandline.commands']"


def test_check_still_works_from_main(tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "plan.actionplan")
    result = subprocess.run([sys.executable, "main.py", "check", str(plan)], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode in (0, 1)
    assert re.search(r"^\d+ errors?, \d+ warnings?", result.stdout, re.MULTILINE), result.stdout


@pytest.mark.slow
def test_the_editor_opens_a_plan_from_the_command_line_and_reports_ready(tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "plan.actionplan")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "main.py", str(plan), "--quit-when-ready"], cwd=ROOT, env=environment,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ready in ")


def test_settle_memory_turns_collection_back_on_and_freezes_what_start_up_made() -> None:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        settle_memory()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        if not was_enabled:
            gc.disable()
