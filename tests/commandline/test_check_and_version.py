"""The ``check`` command and ``--version``, run as a person would: ``python main.py ...``."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from actionplan import APP_NAME, __version__
from actionplan.migrations import SCHEMA_VERSION
from actionplan.model import Action, Category, Concern, Plan, PlanDetails
from actionplan.storage import save_plan

ROOT = Path(__file__).resolve().parents[2]
MAIN = ROOT / "main.py"


def run_main(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MAIN), *map(str, args)],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )


def good_action(**changes: Any) -> Action:
    fields: dict[str, Any] = {
        "text": "The safer custody team will review every self-harm case within 72 hours. Progress "
                "will be monitored through the monthly safety meeting.",
        "owner": "Head of Safety",
        "target": "Completed",
    }
    fields.update(changes)
    return Action(**fields)


def plan_with(*actions: Action) -> Plan:
    return Plan(
        details=PlanDetails(establishment="HMP Ashvale", inspection_start=dt.date(2026, 2, 23),
                            inspection_end=dt.date(2026, 3, 5), published=dt.date(2026, 6, 1),
                            submitted=dt.date(2026, 6, 22)),
        concerns=[Concern(category=Category.PRIORITY, text="Self-harm was high.", actions=list(actions))],
    )


def test_version() -> None:
    done = run_main("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"{APP_NAME} {__version__}"


def test_no_errors_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "good.actionplan"
    save_plan(plan_with(good_action()), path)
    done = run_main("check", path, "--json")
    findings = json.loads(done.stdout)
    assert [f for f in findings if f["severity"] == "error"] == []
    assert done.returncode == 0, done.stderr


def test_warnings_alone_still_exit_0(tmp_path: Path) -> None:
    path = tmp_path / "warnings.actionplan"
    save_plan(plan_with(good_action(target="Ongoing")), path)
    done = run_main("check", path, "--json")
    findings = json.loads(done.stdout)
    assert findings
    assert {f["severity"] for f in findings} == {"warning"}
    assert done.returncode == 0


def test_missing_owner_and_target_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "errors.actionplan"
    plan = plan_with(good_action(), good_action(owner=""), good_action(target=""))
    save_plan(plan, path)
    done = run_main("check", path)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert any(line.startswith("error: Concern 1, action 2:") and "[owner-missing]" in line for line in lines)
    assert any(line.startswith("error: Concern 1, action 3:") and "[target-missing]" in line for line in lines)
    assert done.stderr.count("Traceback") == 0


def test_json_shape(tmp_path: Path) -> None:
    path = tmp_path / "errors.actionplan"
    plan = plan_with(good_action(), good_action(owner=""))
    plan.concerns[0].reference = "S45"
    save_plan(plan, path)
    done = run_main("check", path, "--json")
    assert done.returncode == 1
    findings = json.loads(done.stdout)
    assert isinstance(findings, list)
    for finding in findings:
        assert {"rule", "severity", "message", "location"} <= finding.keys()
        assert finding["severity"] in ("error", "warning")
        assert isinstance(finding["message"], str)
        assert finding["message"]
    owner = next(f for f in findings if f["rule"] == "owner-missing")
    concern, action = plan.concerns[0], plan.concerns[0].actions[1]
    assert owner["severity"] == "error"
    assert owner["location"]["concern"] == "S45"
    assert owner["location"]["concern_id"] == concern.id
    assert owner["location"]["action"] == 2
    assert owner["location"]["action_id"] == action.id
    assert owner["location"]["field"] == "owner"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "could not be found"),
        (b"Dear Governor", "could not be read as a plan"),
        (b'{"format": "something-else"}', "is not an action plan file"),
        (json.dumps({"format": "hmpps-action-plan", "schema_version": SCHEMA_VERSION + 1}).encode(),
         "newer version"),
        (json.dumps({"format": "hmpps-action-plan", "schema_version": SCHEMA_VERSION,
                     "plan": {"concerns": [{"category": "urgent"}]}}).encode(), "concern 1, category"),
    ],
)
def test_unreadable_file_exits_2_with_one_line(tmp_path: Path, content: bytes | None, reason: str) -> None:
    path = tmp_path / "bad.actionplan"
    if content is not None:
        path.write_bytes(content)
    done = run_main("check", path, "--json")
    assert done.returncode == 2
    assert done.stdout == ""
    error_lines = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert len(error_lines) == 1
    assert reason in error_lines[0]
    assert "bad.actionplan" in error_lines[0]
    assert "Traceback" not in done.stderr


def test_folder_exits_2(tmp_path: Path) -> None:
    done = run_main("check", tmp_path)
    assert done.returncode == 2
    assert "is a folder" in done.stderr
    assert "Traceback" not in done.stderr


def test_check_does_not_import_qt(tmp_path: Path) -> None:
    path = tmp_path / "good.actionplan"
    save_plan(plan_with(good_action()), path)
    script = (
        "import sys, runpy\n"
        f"sys.argv = ['main.py', 'check', {str(path)!r}]\n"
        "try:\n"
        f"    runpy.run_path({str(MAIN)!r}, run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "assert not any(name.startswith('PySide6') for name in sys.modules), 'Qt was imported'\n"
        "print('no Qt')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.stdout.strip().endswith("no Qt"), done.stderr
