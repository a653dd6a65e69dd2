"""The layers in pyproject.toml's import-linter contracts hold on the tree, and break on a
deliberately wrong import: the core reaching up to the exporters, Qt in the importers, a lower
room of the editor importing the window, one room importing a sibling (the inspector reaching
into the progress room, which the window wires into it instead), the shipped resources reaching
up to the core, and the command line reaching up to the launcher."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("actionplan", "actionplan_editor", "commandline", "editor", "exporters", "importers", "resources")


def lint_imports(folder: Path) -> subprocess.CompletedProcess[str]:
    command = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(command), "--no-cache"], cwd=folder, capture_output=True, text=True, timeout=300,
        env={"PYTHONPATH": str(folder), "PATH": "/usr/bin:/bin"}, check=False,
    )


def test_the_contracts_hold_on_the_tree() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "wrong_import", "broken"),
    [
        ("actionplan/text.py", "from exporters import options", "actionplan.text -> exporters.options"),
        ("importers/dates.py", "import PySide6.QtCore", "importers.dates -> PySide6"),
        ("editor/table/row_heights.py", "from editor.window import main_window",
         "editor.table.row_heights -> editor.window.main_window"),
        ("exporters/options.py", "from importers import dates", "exporters.options -> importers.dates"),
        ("editor/panes/inspector.py", "from editor.progress import progress_panel",
         "editor.panes.inspector -> editor.progress.progress_panel"),
        ("resources/__init__.py", "from actionplan import spelling", "resources -> actionplan.spelling"),
        ("commandline/check.py", "import actionplan_editor.launch", "commandline.check -> actionplan_editor.launch"),
    ],
)
def test_a_wrong_import_breaks_a_contract(tmp_path: Path, module: str, wrong_import: str, broken: str) -> None:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    with (tmp_path / module).open("a", encoding="utf-8") as file:
        file.write(f"\n{wrong_import}  # deliberately wrong\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert broken in result.stdout, result.stdout
