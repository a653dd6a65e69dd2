"""``main.py updates send`` and ``main.py updates read`` through the real entry point."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from actionplan.lock import PlanLock
from actionplan.storage import load_plan, save_plan
from actionplan.tracking import Position, position
from actionplan.update_forms import ACTIONS_SHEET
from tests.update_form_helpers import FormSheet, edit_form, realistic_plan

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.timeout(120)


def run_main(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=ROOT, check=False, timeout=100)


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "ashvale.actionplan"
    # The command line dates what it reads today, so the progress already held is older.
    save_plan(realistic_plan(dt.date.today() - dt.timedelta(days=30)), path)
    return path


def test_send_writes_one_form_per_lead_and_lists_them(plan_file: Path, tmp_path: Path) -> None:
    done = run_main("updates", "send", str(plan_file), "-o", str(tmp_path / "forms"))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "Progress update - Priya Shah, Head of Safety.xlsx: 5 actions for Priya Shah, Head of Safety" in lines
    assert "Note: 4 actions have no lead, so they go to the responsible owner." in lines
    assert lines[-1].startswith("8 forms saved in")
    assert len(list((tmp_path / "forms").glob("*.xlsx"))) == 8
    assert "PySide6" not in done.stderr


def test_send_by_owner_only_some_positions(plan_file: Path, tmp_path: Path) -> None:
    done = run_main("updates", "send", str(plan_file), "-o", str(tmp_path / "forms"), "--by", "owner",
                    "--only", "overdue,due-soon")
    assert done.returncode == 0, done.stderr
    plan = load_plan(plan_file)
    owners = {action.owner for _c, action in plan.all_actions()
              if position(action, dt.date.today()) in (Position.OVERDUE, Position.DUE_SOON)}
    forms = sorted(path.name for path in (tmp_path / "forms").glob("*.xlsx"))
    assert forms == sorted(f"Progress update - {owner}.xlsx" for owner in owners)
    for path in (tmp_path / "forms").glob("*.xlsx"):
        statuses = [row[6] for row in load_workbook(path)[ACTIONS_SHEET].iter_rows(min_row=2, values_only=True)]
        assert all(status.endswith(("(overdue)", "(due soon)")) for status in statuses)


@pytest.mark.parametrize(("args", "message"), [
    (["--only", "late"], "Error: --only: “late” is not one of overdue, due-soon, on-track, no-date, complete."),
    (["--by", "person"], "invalid choice: 'person'"),
])
def test_send_refuses_words_it_does_not_know(plan_file: Path, tmp_path: Path, args: list[str], message: str) -> None:
    done = run_main("updates", "send", str(plan_file), "-o", str(tmp_path / "forms"), *args)
    assert done.returncode == 2
    assert message in done.stderr
    assert not (tmp_path / "forms").exists()


def test_send_from_a_plan_that_cannot_be_read(tmp_path: Path) -> None:
    done = run_main("updates", "send", str(tmp_path / "gone.actionplan"), "-o", str(tmp_path / "forms"))
    assert done.returncode == 2
    assert "could not be found" in done.stderr


def filled(plan_file: Path, tmp_path: Path) -> list[Path]:
    run_main("updates", "send", str(plan_file), "-o", str(tmp_path / "forms"))
    plan = load_plan(plan_file)
    first = [action for _c, action in plan.all_actions() if action.lead.startswith("Priya")][0]
    path = tmp_path / "forms" / "Progress update - Priya Shah, Head of Safety.xlsx"

    def fill(_workbook: Workbook, form: FormSheet) -> None:
        form.answer(first.id, "New status", "done")
        form.answer(first.id, "Progress update", "All staff trained.")
        form.answer(first.id, "Revised target date", "31/03/27")

    edit_form(path, fill)
    bad = tmp_path / "forms" / "Progress update - old.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    return [path, bad]


def test_read_shows_what_would_change_and_changes_nothing(plan_file: Path, tmp_path: Path) -> None:
    forms = filled(plan_file, tmp_path)
    before = plan_file.read_bytes()
    done = run_main("updates", "read", str(plan_file), *map(str, forms))
    assert done.returncode == 1, done.stderr  # something could not be used
    out = done.stdout
    assert out.startswith("2 forms read. 1 answer will be recorded on 1 action: 1 update, 1 status change, "
                          "0 revised targets, 0 evidence items. 1 row with something that cannot be used. "
                          "1 form could not be read.")
    assert "Status: In progress → Complete" in out
    assert "Not used: Revised target date “31/03/27” was not understood" in out
    assert "Progress update - old.xls: not read." in out
    assert "4 rows have nothing filled in." in out
    assert "Nothing has been changed. Run again with --apply" in out
    assert plan_file.read_bytes() == before


def test_read_with_apply_records_once_and_keeps_the_plan_before(plan_file: Path, tmp_path: Path) -> None:
    forms = filled(plan_file, tmp_path)
    before = plan_file.read_bytes()
    done = run_main("updates", "read", str(plan_file), *map(str, forms), "--apply")
    assert done.returncode == 1, done.stderr
    assert ("Recorded 1 answer on 1 action and saved ashvale.actionplan (the version before is kept as "
            "ashvale.actionplan.bak).") in done.stdout
    assert (tmp_path / "ashvale.actionplan.bak").read_bytes() == before
    plan = load_plan(plan_file)
    updated = [action for _c, action in plan.all_actions() if action.latest_update()
               and action.latest_update().text == "All staff trained."]  # type: ignore[union-attr]
    assert len(updated) == 1
    assert not PlanLock.path_for(plan_file).exists()
    again = run_main("updates", "read", str(plan_file), str(forms[0]), "--apply")
    assert again.returncode == 1  # the two-digit year is still refused
    assert "Nothing new to record." in again.stdout
    assert load_plan(plan_file) == plan


def test_read_with_apply_refuses_a_plan_open_elsewhere(plan_file: Path, tmp_path: Path) -> None:
    forms = filled(plan_file, tmp_path)
    lock = PlanLock.acquire(plan_file, "Sam Keeper")  # this test process has it open, as an editor would
    try:
        before = plan_file.read_bytes()
        done = run_main("updates", "read", str(plan_file), str(forms[0]), "--apply")
        assert done.returncode == 2
        assert "is open by Sam Keeper" in done.stderr
        assert "Nothing was recorded" in done.stderr
        assert plan_file.read_bytes() == before
    finally:
        lock.release()


def test_read_prints_control_characters_from_a_form_as_codes(plan_file: Path, tmp_path: Path) -> None:
    run_main("updates", "send", str(plan_file), "-o", str(tmp_path / "forms"))
    first = [action for _c, action in load_plan(plan_file).all_actions() if action.lead.startswith("Priya")][0]
    path = tmp_path / "forms" / "Progress update - Priya Shah, Head of Safety.xlsx"

    def fill(_workbook: Workbook, form: FormSheet) -> None:
        # 0x9b starts an escape sequence on some terminals; U+202E turns the rest of the line round.
        form.answer(first.id, "Revised target date", "soon\x9b2J\u202eretfa")

    edit_form(path, fill)
    done = run_main("updates", "read", str(plan_file), str(path))
    assert "Not used: Revised target date “soon\\u009b2J\\u202eretfa” was not understood" in done.stdout
    assert "\x9b" not in done.stdout
    assert "\u202e" not in done.stdout
