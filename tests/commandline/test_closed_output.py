"""``main.py check PLAN | head``: when whatever reads the output stops early, each command stops
quietly, with no BrokenPipeError traceback (issue 15, item 15)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from actionplan.storage import load_plan
from tests.fixtures import build_docx_fixtures as fixtures

ROOT = Path(__file__).resolve().parents[2]
PLAN = fixtures.EXAMPLE_PLANS["stoke-heath-2026"]
pytestmark = [pytest.mark.timeout(60), pytest.mark.skipif(os.name == "nt", reason="POSIX pipes")]


def _run_with_reader_gone(args: list[str], *, closed: str = "stdout") -> tuple[int, str]:
    """Run main.py with the read end of its standard output (or error) closed before it writes,
    as ``| head`` leaves it once head has read enough. Returns the exit code and what it said on
    the other stream."""
    pipe_read, pipe_write = os.pipe()
    os.close(pipe_read)  # nobody will read: every write to the pipe fails
    other = subprocess.PIPE
    streams = {"stdout": pipe_write, "stderr": other} if closed == "stdout" else {"stdout": other, "stderr": pipe_write}
    try:
        process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, text=True, **streams)
    finally:
        os.close(pipe_write)
    out, err = process.communicate(timeout=50)
    return process.returncode, (err if closed == "stdout" else out) or ""


@pytest.mark.parametrize("args", [["check", str(PLAN)], ["check", "--json", str(PLAN)]])
def test_check_stops_quietly_when_its_reader_goes(args: list[str]) -> None:
    code, said = _run_with_reader_gone(args)
    assert "Traceback" not in said
    assert "BrokenPipeError" not in said
    assert code == 141


def test_export_stops_quietly_and_the_document_is_written(tmp_path: Path) -> None:
    out = tmp_path / "plan.docx"
    code, said = _run_with_reader_gone(["export", str(PLAN), "-o", str(out), "--allow-errors"])
    assert "Traceback" not in said
    assert code == 141
    assert out.stat().st_size > 0


def test_import_stops_quietly_and_the_plan_is_saved(tmp_path: Path, fixture_documents: dict) -> None:
    source, fixture = fixture_documents["stoke-heath-2026-rows"]
    out = tmp_path / "plan.actionplan"
    code, said = _run_with_reader_gone(["import", str(source), "-o", str(out)], closed="stderr")
    assert said == ""
    assert code == 141
    assert len(load_plan(out).concerns) == len(fixture.plan.concerns)
