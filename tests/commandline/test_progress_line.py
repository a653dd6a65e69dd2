"""A command that takes more than a second shows what it is doing on a terminal, and nothing
when its output goes to a pipe or a file."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import time
from pathlib import Path

import pytest

from actionplan.storage import save_plan
from benchmarks.generate import make_plan
from commandline import progress_line as module
from commandline.progress_line import progress_line

ROOT = Path(__file__).resolve().parents[2]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_quick_task_shows_nothing() -> None:
    out = Terminal()
    with progress_line(out) as work:
        work.step(0.5, "Checking the plan")
    assert out.getvalue() == ""


def test_a_slow_task_says_what_it_is_doing_and_wipes_the_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "SHOW_AFTER_SECONDS", 0.05)
    monkeypatch.setattr(module, "EVERY_SECONDS", 0.02)
    out = Terminal()
    with progress_line(out) as work:
        work.step(0.4, "Making the PDF with LibreOffice")
        time.sleep(0.2)
    written = out.getvalue()
    assert "Making the PDF with LibreOffice… 40%" in written
    assert written.endswith("\r\x1b[2K")


def test_nothing_when_standard_error_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "SHOW_AFTER_SECONDS", 0.0)
    out = io.StringIO()
    with progress_line(out) as work:
        work.step(0.4, "Checking the plan")
        time.sleep(0.1)
    assert out.getvalue() == ""


@pytest.mark.skipif(os.name == "nt", reason="needs a pseudo-terminal")
def test_check_on_a_terminal_and_through_a_pipe(tmp_path: Path) -> None:
    plan = tmp_path / "large.actionplan"
    save_plan(make_plan(5_000), plan)
    command = [sys.executable, str(ROOT / "main.py"), "check", str(plan)]
    environment = {**os.environ, "ACTIONPLAN_PROGRESS_AFTER": "0"}
    piped = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, env=environment)
    assert "Checking the plan…" not in piped.stderr  # quiet in a pipe
    controller, follower = pty.openpty()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=follower, env=environment)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    process.wait(timeout=300)
    os.close(controller)
    assert b"Checking the plan\xe2\x80\xa6" in seen or b"Reading the plan\xe2\x80\xa6" in seen
