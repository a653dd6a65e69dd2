"""Starting the application: ``--help`` lists the editor's options and every command without
loading Qt, every way in (``main.py``, ``python -m actionplan_editor``) runs the same program,
a windowed start with nowhere to print still prints, and ``--sample`` opens the user's own copy
of the shipped sample plan."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import resources
from actionplan import APP_NAME, __version__
from actionplan.paths import sample_plan_copy

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path = ROOT, **environment: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          timeout=120, check=False, env={**os.environ, **environment})


def test_help_lists_the_editor_s_options_and_every_command_without_loading_qt() -> None:
    script = ("import sys\nfrom actionplan_editor.launch import main\ncode = main(['--help'], prog='actionplan')\n"
              "print('Qt loaded' if any(m.startswith('PySide6') for m in sys.modules) else 'no Qt')\n")
    result = run("-c", script)
    assert result.returncode == 0, result.stderr
    shown = result.stdout
    assert shown.startswith("usage: actionplan [PLAN] [--sample] [--screenshot OUT.png] [--quit-when-ready]\n")
    assert "       actionplan COMMAND ...\n" in shown
    for option in ("PLAN ", "--sample", "--screenshot OUT.png", "--quit-when-ready", "--version"):
        assert option in shown, option
    for command in ("check", "export", "import"):
        assert f"\n    {command} " in shown, command
    assert f"{APP_NAME} {__version__}" in shown
    assert shown.rstrip().endswith("no Qt")


@pytest.mark.parametrize("start", [["main.py"], ["-m", "actionplan_editor"]])
def test_every_way_in_runs_the_same_program(start: list[str], tmp_path: Path) -> None:
    version = run(*start, "--version")
    assert version.stdout.strip() == f"{APP_NAME} {__version__}"
    shown = run(*start, "--help").stdout
    assert "--screenshot OUT.png" in shown
    assert "\n    export " in shown
    sample = tmp_path / "sample.actionplan"
    sample.write_bytes(resources.read_bytes(resources.SAMPLE_PLAN))
    checked = run(*start, "check", str(sample))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.startswith("0 errors")


def test_a_command_s_own_help_names_the_program_it_was_started_as() -> None:
    shown = run("-m", "actionplan_editor", "export", "--help").stdout
    assert shown.startswith("usage: python -m actionplan_editor export ")


def test_a_windowed_start_with_nowhere_to_print_still_prints() -> None:
    # pythonw, and the standalone ActionPlanEditor.exe, start with no standard streams at all.
    script = ("import sys\nsys.stdout = sys.stderr = None\n"
              "from actionplan_editor.streams import ensure_standard_streams\nensure_standard_streams()\n"
              "from actionplan_editor.launch import main\n"
              "code = main(['check', 'no-such-plan.actionplan'])\n"
              "main(['--help'])\n"
              "main(['--version'])  # argparse prints, then exits 0\n")
    result = run("-c", script)
    assert result.stderr == ""  # no traceback: everything went to the null device
    assert result.returncode == 0


def test_the_sample_is_copied_once_and_a_changed_copy_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACTIONPLAN_DATA_DIR", str(tmp_path))
    copy = sample_plan_copy()
    assert copy.parent.parent == tmp_path
    assert copy.read_bytes() == resources.read_bytes(resources.SAMPLE_PLAN)
    copy.write_bytes(copy.read_bytes().replace(b"Ashvale", b"Ashdale"))
    assert sample_plan_copy() == copy
    assert b"Ashdale" in copy.read_bytes()


@pytest.mark.slow
def test_the_editor_opens_the_sample_plan(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    result = run("main.py", "--sample", "--screenshot", str(shot), QT_QPA_PLATFORM="offscreen",
                 ACTIONPLAN_DATA_DIR=str(tmp_path / "data"), ACTIONPLAN_CONFIG_DIR=str(tmp_path / "config"))
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 10_000
    assert (tmp_path / "data" / "sample" / resources.SAMPLE_PLAN).read_bytes() == resources.read_bytes(
        resources.SAMPLE_PLAN)
