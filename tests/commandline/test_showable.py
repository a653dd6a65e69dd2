"""Control characters from a plan or a form are printed as visible codes, never obeyed."""

from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

import pytest

from actionplan.storage import load_plan, save_plan
from commandline.commands import run
from commandline.progress_line import progress_line
from commandline.showable import ShowableStream, showable, showable_output
from tests.actionplan.validation.small_plans import make_plan


@pytest.mark.parametrize(("text", "shown"), [
    ("plain words", "plain words"),
    ("two\nlines\tand a tab", "two\nlines\tand a tab"),
    ("\x1b]0;title\x07", "\\u001b]0;title\\u0007"),
    ("back\rover", "back\\u000dover"),
    ("\x9b31m", "\\u009b31m"),
    ("abc\u202edef", "abc\\u202edef"),
    ("\x7f", "\\u007f"),
])
def test_showable(text: str, shown: str) -> None:
    assert showable(text) == shown


def test_check_prints_a_plan_with_direction_marks_and_leaves_the_plan_alone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = make_plan(action={"target": "Ongoing"})
    plan.concerns[0].reference = "1\u202e2"
    path = tmp_path / "plan.actionplan"
    save_plan(plan, path)
    run(["check", str(path)])
    out = capsys.readouterr().out
    assert "“1\\u202e2” does not look like a Rec No." in out
    assert "\u202e" not in out
    assert load_plan(path).concerns[0].reference == "1\u202e2"
    run(["check", str(path), "--json"])
    assert "“1\u202e2”" in json.loads(capsys.readouterr().out)[0]["message"]  # still valid JSON, same words


def test_streams_are_put_back_after_a_command() -> None:
    before = sys.stdout, sys.stderr
    with showable_output():
        assert isinstance(sys.stdout, ShowableStream)
    assert (sys.stdout, sys.stderr) == before


def test_the_progress_line_keeps_its_own_codes_and_shows_others(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACTIONPLAN_PROGRESS_AFTER", "0")
    raw = io.StringIO()
    with progress_line(ShowableStream(raw), force=True) as work:  # type: ignore[arg-type]
        work.step(0.5, "Reading “\x1b[2Jplan”")
        time.sleep(0.3)
    written = raw.getvalue()
    assert "\r\x1b[2KReading “\\u001b[2Jplan”…" in written
