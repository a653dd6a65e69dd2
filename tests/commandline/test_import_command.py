"""``python main.py import IN.docx -o OUT.actionplan`` through the real entry point."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from actionplan.lock import LockInfo, PlanLock
from actionplan.processes import this_host
from actionplan.storage import load_plan
from tests.fixtures import build_docx_fixtures as fixtures
from tests.importers.conftest import plan_content

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.timeout(60)


def run_main(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=ROOT, check=False, timeout=50)


def test_import_writes_the_plan_and_reports_on_standard_error(tmp_path: Path, fixture_documents: dict) -> None:
    source, fixture = fixture_documents["stoke-heath-2026-stacked"]
    output = tmp_path / "stoke-heath.actionplan"
    done = run_main("import", str(source), "-o", str(output))
    assert done.returncode == 0
    assert done.stdout == ""
    assert done.stderr.splitlines()[0] == (
        "Imported 12 concerns and 46 actions from stoke-heath-2026-stacked.docx. Check 1 warning, 1 guess."
    )
    assert "Warning: Table 1, row 10: Concern 7 has no text." in done.stderr
    assert plan_content(load_plan(output)) == plan_content(fixture.plan)
    assert "PySide6" not in done.stderr


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"plain text", "Error: “plan.docx” is not a Word document (.docx)."),
        (b"PK\x03\x04broken", "Error: “plan.docx” is damaged"),
    ],
)
def test_bad_file_exits_2_with_one_line(tmp_path: Path, content: bytes, reason: str) -> None:
    source = tmp_path / "plan.docx"
    source.write_bytes(content)
    output = tmp_path / "out.actionplan"
    done = run_main("import", str(source), "-o", str(output))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert done.stderr.startswith(reason)
    assert not output.exists()


def test_wrong_output_suffix(tmp_path: Path) -> None:
    plan = fixtures.load_plan(fixtures.EXAMPLE_PLANS["east-sutton-park-2024"])
    source = fixtures.build(plan, fixtures.Layout(), tmp_path / "plan.docx")
    done = run_main("import", str(source), "-o", str(tmp_path / "plan.json"))
    assert done.returncode == 2
    assert done.stderr.strip() == "Error: The output file must end in .actionplan: plan.json"


def test_unwritable_output_exits_2(tmp_path: Path) -> None:
    plan = fixtures.load_plan(fixtures.EXAMPLE_PLANS["east-sutton-park-2024"])
    source = fixtures.build(plan, fixtures.Layout(), tmp_path / "plan.docx")
    done = run_main("import", str(source), "-o", str(tmp_path / "missing" / "plan.actionplan"))
    assert done.returncode == 2
    assert done.stderr.strip() == ("Error: “plan.actionplan” could not be saved because the folder “missing” "
                                   "could not be found. Choose another output file with -o.")


def _existing_plan(tmp_path: Path, fixture_documents: dict) -> tuple[Path, Path, bytes]:
    source, _ = fixture_documents["stoke-heath-2026-stacked"]
    output = tmp_path / "existing.actionplan"
    output.write_bytes(b'{"not": "replaced"}')
    return source, output, output.read_bytes()


def test_an_existing_plan_is_not_replaced_without_replace(tmp_path: Path, fixture_documents: dict) -> None:
    source, output, before = _existing_plan(tmp_path, fixture_documents)
    done = run_main("import", str(source), "-o", str(output))
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "Error: “existing.actionplan” already exists. Nothing was imported. To replace it, run again with "
        "--replace: the plan there now is kept as existing.actionplan.bak."
    )
    assert output.read_bytes() == before


def test_replace_keeps_the_plan_there_before(tmp_path: Path, fixture_documents: dict) -> None:
    source, output, before = _existing_plan(tmp_path, fixture_documents)
    done = run_main("import", str(source), "--replace", "-o", str(output))
    assert done.returncode == 0, done.stderr
    assert "kept as existing.actionplan.bak" in done.stderr
    assert (tmp_path / "existing.actionplan.bak").read_bytes() == before
    assert load_plan(output).concerns


def test_replace_respects_the_plans_lock(tmp_path: Path, fixture_documents: dict) -> None:
    source, output, before = _existing_plan(tmp_path, fixture_documents)
    holder = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        info = LockInfo("Sam Patel", this_host(), holder.pid, dt.datetime.now(dt.UTC))
        PlanLock.path_for(output).write_bytes(info.to_json())
        done = run_main("import", str(source), "--replace", "-o", str(output))
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 2
    assert "is open by Sam Patel" in done.stderr
    assert output.read_bytes() == before


@pytest.mark.parametrize("kind", ["folder", "pipe"])
def test_a_folder_or_pipe_is_never_the_output(tmp_path: Path, fixture_documents: dict, kind: str) -> None:
    source, _ = fixture_documents["stoke-heath-2026-stacked"]
    output = tmp_path / "odd.actionplan"
    if kind == "folder":
        output.mkdir()
    else:
        if not hasattr(os, "mkfifo"):
            pytest.skip("no pipes here")
        os.mkfifo(output)
    done = run_main("import", str(source), "--replace", "-o", str(output))
    assert done.returncode == 2
    assert "is not a file that a plan can be saved over" in done.stderr
    assert output.is_dir() if kind == "folder" else output.is_fifo()
