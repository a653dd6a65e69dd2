"""``main.py report``: the progress report from the plan on disk; exit 0 when written, 2 with the
reason on one line otherwise."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from docx2python import docx2python
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.storage import save_plan
from commandline.commands import run
from commandline.report import MAX_DUE_SOON_DAYS, as_of_date, due_soon_days, run_report
from tests.exporters.progress_plans import plan_with_progress

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.actionplan"
    save_plan(plan_with_progress(), path)
    return path


def one_line_error(captured: pytest.CaptureFixture[str]) -> str:
    err = captured.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith("Error: ")
    return err.strip()


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".csv"])
def test_each_format_is_written_from_the_plan_on_disk(
    plan_file: Path, tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / f"progress{suffix}"
    assert run(["report", str(plan_file), "-o", str(out), "--as-of", "4 December 2026"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"Wrote the progress report for 4 December 2026 to {out}.",
        "6 actions: 2 complete, 1 on track, 2 due soon, 1 overdue.",
    ]
    if suffix == ".docx":
        with docx2python(out) as document:
            assert document.core_properties["title"] == "Action plan progress: HMP & YOI Stoke Heath, 4 December 2026"
    elif suffix == ".xlsx":
        sheet = openpyxl.load_workbook(out)["Actions"]
        assert [row[0].value for row in sheet.iter_rows(min_row=2)] == [1, 1, 2, 3, 3, 3]
    else:
        with out.open(encoding="utf-8-sig", newline="") as stream:
            assert [row["Position"] for row in csv.DictReader(stream)] == [
                "Due soon", "Complete", "Complete", "Overdue", "On track", "Due soon"]


@pytest.mark.parametrize("typed", ["4 December 2026", "4/12/2026", "04/12/2026", "2026-12-04", "4 Dec 2026",
                                   "4th December 2026", "4-Dec-2026"])
def test_the_as_of_date_is_typed_as_people_type_dates(typed: str) -> None:
    assert as_of_date(typed, dt.date(2000, 1, 1)) == (dt.date(2026, 12, 4), None)


def test_without_as_of_the_report_is_for_today(plan_file: Path, tmp_path: Path) -> None:
    args = argparse.Namespace(plan=str(plan_file), output=str(tmp_path / "progress.csv"), as_of=None,
                              due_soon_days=None)
    assert run_report(args, today=dt.date(2027, 2, 1)) == 0
    with (tmp_path / "progress.csv").open(encoding="utf-8-sig", newline="") as stream:
        assert [row["Position"] for row in csv.DictReader(stream)].count("Overdue") == 3


def test_today_is_the_default_when_run(plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["report", str(plan_file), "-o", str(tmp_path / "progress.docx")]) == 0
    today = dt.date.today()
    assert f"for {today.day} {today:%B} {today.year} to" in capsys.readouterr().out


@pytest.mark.parametrize(("typed", "why"), [
    ("31/02/2026", "--as-of “31/02/2026” is not a date. That day does not exist in that month."),
    ("December 2026", "--as-of “December 2026” is not a date. Enter the day as well as the month and year"),
    ("4/12/26", "--as-of “4/12/26” is not a date. Write the year in full"),
    ("tomorrow", "--as-of “tomorrow” is not a date. Enter a date, like 15 December 2026."),
    ("", "--as-of needs a date, like 15 December 2026."),
])
def test_an_as_of_that_is_not_a_date_is_refused_on_one_line(
    plan_file: Path, tmp_path: Path, typed: str, why: str, capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "progress.docx"
    assert run(["report", str(plan_file), "-o", str(out), f"--as-of={typed}"]) == 2
    assert one_line_error(capsys).startswith(f"Error: {why}")
    assert not out.exists()


@pytest.mark.parametrize("typed", ["-3", "soon", "4.5", "99999"])
def test_due_soon_days_that_are_not_days_are_refused(
    plan_file: Path, tmp_path: Path, typed: str, capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "progress.docx"
    assert run(["report", str(plan_file), "-o", str(out), f"--due-soon-days={typed}"]) == 2
    assert "is not a number of days from 0 to 3,660, like 45." in one_line_error(capsys)
    assert not out.exists()


def test_due_soon_days_change_what_is_due_soon(plan_file: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["report", str(plan_file), "-o", str(tmp_path / "p.csv"), "--as-of", "4/12/2026",
                "--due-soon-days", "0"]) == 0
    assert "6 actions: 2 complete, 3 on track, 1 overdue." in capsys.readouterr().out


def test_a_plan_that_cannot_be_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damaged = tmp_path / "damaged.actionplan"
    damaged.write_text('{"format": "hmpps-action-plan", "schema_version": 1, "plan": {"conc', encoding="utf-8")
    out = tmp_path / "progress.docx"
    assert run(["report", str(damaged), "-o", str(out)]) == 2
    assert "“damaged.actionplan” is damaged or is not a plan file" in one_line_error(capsys)
    assert run(["report", str(tmp_path / "missing.actionplan"), "-o", str(out)]) == 2
    assert "could not be found" in one_line_error(capsys)
    assert not out.exists()


def test_an_output_that_cannot_be_written(plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["report", str(plan_file), "-o", str(tmp_path / "gone" / "progress.xlsx")]) == 2
    assert one_line_error(capsys) == f"Error: The folder “{tmp_path / 'gone'}” does not exist. Choose another folder."
    assert run(["report", str(plan_file), "-o", str(tmp_path / "progress.pdf")]) == 2
    assert "must end in .docx, .xlsx or .csv" in one_line_error(capsys)
    assert [path.name for path in tmp_path.iterdir()] == ["plan.actionplan"]  # nothing half-written


def test_the_report_never_replaces_the_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan_file = tmp_path / "plan.csv"  # a plan file is a plan whatever its name
    save_plan(plan_with_progress(), plan_file)
    before = plan_file.read_bytes()
    assert run(["report", str(plan_file), "-o", str(tmp_path / "." / "plan.csv")]) == 2
    assert one_line_error(capsys) == ("Error: The report would replace the plan it is made from. Choose another "
                                      "output file with -o.")
    assert plan_file.read_bytes() == before


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.text(max_size=25))
def test_any_as_of_gives_a_date_or_one_reason(typed: str) -> None:
    value, reason = as_of_date(typed, dt.date(2026, 12, 4))
    assert (value is None) != (reason is None)
    if reason is not None:
        assert "\n" not in reason
        assert reason.startswith("--as-of")


@settings(max_examples=80, deadline=None)
@given(typed=st.one_of(st.text(max_size=8), st.integers(-10, 5000).map(str)))
def test_any_due_soon_days_gives_a_number_of_days_or_one_reason(typed: str) -> None:
    days, reason = due_soon_days(typed)
    assert (days is None) != (reason is None)
    if days is not None:
        assert 0 <= days <= MAX_DUE_SOON_DAYS
        assert days == int(typed)
    else:
        assert reason is not None
        assert reason.startswith("--due-soon-days")
        assert "\n" not in reason


def test_the_command_runs_as_a_program_without_qt(plan_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "progress.docx"
    code = ("import sys, runpy; sys.argv = ['main.py', 'report', sys.argv[1], '-o', sys.argv[2], '--as-of', "
            "'04/12/2026']\ntry:\n    runpy.run_path('main.py', run_name='__main__')\nexcept SystemExit as done:\n"
            "    assert 'PySide6' not in sys.modules\n    raise")
    result = subprocess.run([sys.executable, "-c", code, str(plan_file), str(out)], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.exists()
    assert "--as-of DATE" in subprocess.run([sys.executable, "main.py", "report", "--help"], cwd=ROOT,
                                            capture_output=True, text=True, timeout=60).stdout
