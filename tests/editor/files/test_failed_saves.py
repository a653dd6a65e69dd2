"""Every way a save can fail gets a clear message, keeps the work in memory and offers Save As.

Each failure is simulated where the operating system would report it (tests run as root, so
file permissions alone cannot make a folder unwritable)."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from actionplan import safe_writing
from actionplan.storage import load_plan
from editor.window.main_window import MainWindow
from tests.editor.file_host import Host, close_quietly, make_host, write_plan


@pytest.fixture(params=["stand-in window", "main window"])
def host(qtbot: QtBot, request: pytest.FixtureRequest) -> Iterator[Host]:
    """Each test runs twice: on a small window with only the file handling, where a failure
    points at the file handling alone, and on the real main window users have."""
    made = make_host(qtbot, MainWindow() if request.param == "main window" else None)
    yield made
    close_quietly(made)


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    return write_plan(tmp_path / "shared drive" / "plan.actionplan")


def fail_in(folder: Path, error: OSError, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    """Make one step of saving fail, for files in ``folder`` only, as the OS would."""
    if where == "create":
        real_mkstemp = tempfile.mkstemp

        def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
            if Path(kwargs.get("dir", "")) == folder:
                raise error
            return real_mkstemp(*args, **kwargs)

        monkeypatch.setattr(safe_writing.tempfile, "mkstemp", mkstemp)
    elif where == "write":
        real_fsync = os.fsync

        def fsync(descriptor: int) -> None:
            if Path(os.readlink(f"/proc/self/fd/{descriptor}")).parent == folder:
                raise error
            real_fsync(descriptor)

        monkeypatch.setattr(safe_writing.os, "fsync", fsync)
    else:
        real_replace: Callable[[Path, Path], None] = safe_writing._replace

        def replace(source: Path, target: Path) -> None:
            if target.parent == folder:
                raise error
            real_replace(source, target)

        monkeypatch.setattr(safe_writing, "_replace", replace)


FAILURES = {
    "read-only folder": (PermissionError(errno.EACCES, "Permission denied"), "create", "cannot save in that folder"),
    "full disk": (OSError(errno.ENOSPC, "No space left on device"), "write", "the disk is full"),
    "locked by Word": (
        PermissionError(errno.EACCES, "The process cannot access the file because it is being used by another process"),
        "replace", "open in another program",
    ),
}


@pytest.mark.parametrize("failure", FAILURES)
def test_failed_save_keeps_the_work_and_save_as_rescues_it(
    host: Host, plan_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    error, where, words = FAILURES[failure]
    host.files.open_plan(plan_file)
    host.type_action_text("A morning's work")
    before = plan_file.read_bytes()
    fail_in(plan_file.parent, error, monkeypatch, where)
    rescue = tmp_path / "my documents" / "rescued.actionplan"
    rescue.parent.mkdir()
    host.prompter.script("offer_save_as", True).script("choose_save_path", rescue)

    assert host.files.save()

    (message,) = host.prompter.questions("offer_save_as")[0]
    assert "“plan.actionplan” could not be saved" in message
    assert words in message
    assert plan_file.read_bytes() == before
    assert load_plan(rescue).concerns[0].actions[0].text == "A morning's work"
    assert host.document.path == rescue
    assert not host.document.is_modified()


@pytest.mark.parametrize("failure", FAILURES)
def test_failed_save_declined_leaves_everything_in_memory(
    host: Host, plan_file: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    error, where, _words = FAILURES[failure]
    host.files.open_plan(plan_file)
    host.type_action_text("Not lost")
    fail_in(plan_file.parent, error, monkeypatch, where)
    host.prompter.script("offer_save_as", False)
    assert not host.files.save()
    assert host.action_text() == "Not lost"
    assert host.document.is_modified()
    assert host.document.path == plan_file
    # Nothing half-written is left beside the user's file.
    assert sorted(path.name for path in plan_file.parent.iterdir()) == [".plan.actionplan.lock", "plan.actionplan"]


def test_folder_that_has_gone(qtbot: QtBot, host: Host, plan_file: Path, tmp_path: Path) -> None:
    host.files.open_plan(plan_file)
    host.type_action_text("Still mine")
    shutil.rmtree(plan_file.parent)
    rescue = tmp_path / "rescued.actionplan"
    host.prompter.script("offer_save_as", True).script("choose_save_path", rescue)
    # The watcher also notices the file has gone, and says so.
    host.prompter.script("show_error", None)
    assert host.files.save()
    (message,) = host.prompter.questions("offer_save_as")[0]
    assert "the folder “shared drive” could not be found" in message
    assert load_plan(rescue).concerns[0].actions[0].text == "Still mine"
    qtbot.wait(500)


def test_a_failure_on_save_as_too_offers_save_as_again(
    host: Host, plan_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    host.files.open_plan(plan_file)
    host.type_action_text("Persistent")
    fail_in(plan_file.parent, OSError(errno.ENOSPC, "No space left on device"), monkeypatch, "write")
    also_full = plan_file.parent / "second try.actionplan"
    works = tmp_path / "works.actionplan"
    host.prompter.script("offer_save_as", True, True).script("choose_save_path", also_full, works)
    assert host.files.save()
    assert len(host.prompter.questions("offer_save_as")) == 2
    assert host.document.path == works
    assert not also_full.exists()
