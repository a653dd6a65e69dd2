"""Two editor processes and one plan: the second is told who has it open, and since when."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest
from pytestqt.qtbot import QtBot

from actionplan.lock import PlanLock
from editor.files.questions import LockChoice
from tests.editor.file_host import Host, close_quietly, make_host, write_plan

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.slow


class OtherEditor:
    """A real editor process, run by a colleague called Sam Patel, holding a plan open."""

    def __init__(self, plan: Path, folder: Path) -> None:
        self.commands = folder / "commands.txt"
        config = folder / "sam-config"
        config.mkdir()
        (config / "settings.ini").write_text("[user]\nname=Sam Patel\n", encoding="utf-8")
        environment = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "ACTIONPLAN_CONFIG_DIR": str(config),
            "ACTIONPLAN_DATA_DIR": str(folder / "sam-data"),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.editor.editor_driver", "hold", str(plan), str(self.commands)],
            cwd=ROOT, env=environment, stdout=subprocess.PIPE, text=True,
        )
        assert self.read_line() == "ready"

    def read_line(self, timeout: float = 60) -> str:
        stdout: IO[str] | None = self.process.stdout
        assert stdout is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = stdout.readline().strip()
            if line:
                return line
            assert self.process.poll() is None, "the other editor stopped"
        raise AssertionError("the other editor did not answer")

    def tell(self, command: str) -> str:
        with self.commands.open("a", encoding="utf-8") as stream:
            stream.write(command + "\n")
        return self.read_line()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        if self.process.stdout:
            self.process.stdout.close()


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    return write_plan(tmp_path / "shared" / "plan.actionplan")


@pytest.fixture
def sam(plan_file: Path, tmp_path: Path) -> Iterator[OtherEditor]:
    editor = OtherEditor(plan_file, tmp_path)
    yield editor
    editor.stop()


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[Host]:
    made = make_host(qtbot)
    made.settings.set_user_name("Jane Smith")
    made.files.lock.user_name = "Jane Smith"
    yield made
    close_quietly(made)


def test_second_editor_is_told_who_and_opens_read_only(host: Host, sam: OtherEditor, plan_file: Path) -> None:
    host.prompter.script("ask_locked", LockChoice.READ_ONLY)
    assert host.files.open_plan(plan_file)
    _name, info = host.prompter.questions("ask_locked")[0]
    assert info.user == "Sam Patel"
    assert info.pid == sam.process.pid
    assert host.document.read_only
    assert "Sam Patel" in host.files.banner.label.text()
    # Sam's lock stays; when Sam closes, it goes.
    assert sam.tell("close") == "closed"
    sam.process.wait(timeout=30)
    assert PlanLock.read(plan_file) is None


def test_taking_over_makes_the_first_editor_read_only(host: Host, sam: OtherEditor, plan_file: Path) -> None:
    host.prompter.script("ask_locked", LockChoice.TAKE_OVER)
    assert host.files.open_plan(plan_file)
    assert not host.document.read_only
    info = PlanLock.read(plan_file)
    assert info is not None
    assert info.user == "Jane Smith"
    assert sam.tell("refresh") == "read_only=True"
    # Sam closing does not remove Jane's lock.
    assert sam.tell("close") == "closed"
    sam.process.wait(timeout=30)
    assert PlanLock.read(plan_file) == info


def test_a_crashed_editors_lock_is_cleared_without_asking(host: Host, sam: OtherEditor, plan_file: Path) -> None:
    sam.process.send_signal(signal.SIGKILL)
    sam.stop()
    assert PlanLock.read(plan_file) is not None
    assert host.files.open_plan(plan_file)
    assert host.prompter.questions("ask_locked") == []
    assert not host.document.read_only
    info = PlanLock.read(plan_file)
    assert info is not None
    assert info.pid == os.getpid()
