"""Every way a save can fail gets one plain message from the core, and the old file stays whole.

Each failure is simulated where the operating system would report it: tests run as root, so
permissions alone cannot make a folder unwritable, and Windows' sharing violations (a plan open
in Word or a sync tool) are PermissionErrors carrying ``winerror`` 32 or 33.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from actionplan import safe_writing
from actionplan.file_errors import PlanSaveError
from actionplan.model import Action, Concern, Plan
from actionplan.safe_writing import backup_path, is_locked_by_another_program
from actionplan.storage import load_plan, save_plan
from commandline import commands as cli


def small_plan(owner: str = "Governor") -> Plan:
    plan = Plan()
    plan.details.establishment = "HMP Ashvale"
    plan.details.inspection_start, plan.details.inspection_end = dt.date(2026, 2, 23), dt.date(2026, 3, 5)
    plan.details.published, plan.details.submitted = dt.date(2026, 6, 1), dt.date(2026, 6, 22)
    plan.concerns.append(Concern(text="Drugs were too easy to get.", actions=[
        Action(text="Search every cell weekly.", owner=owner, target="Dec 2026"),
    ]))
    return plan


def windows_error(winerror: int, filename: str | None = None, filename2: str | None = None) -> PermissionError:
    """What Windows raises when another program holds the file: EACCES with a winerror."""
    error = PermissionError(errno.EACCES, "The process cannot access the file because it is being used "
                            "by another process", filename, None, filename2)
    error.winerror = winerror  # type: ignore[attr-defined]  # only set by Python on Windows
    return error


def fail_creating(error: OSError) -> Callable[..., Any]:
    def mkstemp(*args: Any, **kwargs: Any) -> Any:
        raise error
    return mkstemp


def fail_replacing(error: OSError, only: str | None = None) -> Callable[[Path, Path], None]:
    real = safe_writing._replace

    def replace(source: Path, target: Path) -> None:
        if only is None or target.name == only:
            raise error
        real(source, target)
    return replace


LOCKED = (
    "“plan.actionplan” could not be saved because it is open in another program, such as Word or a "
    "sync tool. Close it there and save again, or use Save As to save a copy."
)

FAILURES: dict[str, tuple[str, Callable[[Path], OSError], str]] = {
    "read-only folder": (
        "create", lambda path: PermissionError(errno.EACCES, "Permission denied"),
        "“plan.actionplan” could not be saved because you cannot save in that folder. "
        "Use Save As to choose another folder.",
    ),
    "disk full": (
        "write", lambda path: OSError(errno.ENOSPC, "No space left on device"),
        "“plan.actionplan” could not be saved because the disk is full. "
        "Free some space or use Save As to save somewhere else.",
    ),
    "sharing violation on replace": ("replace", lambda path: windows_error(32, str(path)), LOCKED),
    "lock violation on replace": ("replace", lambda path: windows_error(33, str(path)), LOCKED),
    # Word opens without sharing reads too: copying the old file to the backup fails first.
    "sharing violation reading for the backup": ("read", lambda path: windows_error(32, str(path)), LOCKED),
    # Some drives and sync clients say only "access denied" when the target is held open.
    "access denied on replace of a writable file": (
        "replace", lambda path: PermissionError(errno.EACCES, "Permission denied", str(path)), LOCKED,
    ),
    "read-only drive": (
        "create", lambda path: OSError(errno.EROFS, "Read-only file system"),
        "“plan.actionplan” could not be saved because that drive is read-only. "
        "Use Save As to choose another folder.",
    ),
}


def arrange(where: str, error: OSError, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if where == "create":
        monkeypatch.setattr(tempfile, "mkstemp", fail_creating(error))
    elif where == "write":
        def fsync(descriptor: int) -> None:
            raise error
        monkeypatch.setattr(os, "fsync", fsync)
    elif where == "read":
        real_open = Path.open

        def open_(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            if self == path and mode == "rb" and error.winerror is not None:  # type: ignore[attr-defined]
                # The newer-version check reads the head first; let that through once.
                if getattr(open_, "calls", 0) >= 1:
                    raise error
                open_.calls = 1  # type: ignore[attr-defined]
            return real_open(self, mode, *args, **kwargs)
        monkeypatch.setattr(Path, "open", open_)
    else:
        monkeypatch.setattr(safe_writing, "_replace", fail_replacing(error))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("failure", FAILURES)
def test_each_failure_has_its_plain_message_and_the_old_file_is_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    where, make_error, message = FAILURES[failure]
    path = tmp_path / "plan.actionplan"
    save_plan(small_plan(), path)
    save_plan(small_plan("Deputy Governor"), path)
    before, backup_before = path.read_bytes(), backup_path(path).read_bytes()
    arrange(where, make_error(path), path, monkeypatch)
    with pytest.raises(PlanSaveError) as caught:
        save_plan(small_plan("Someone else"), path)
    assert caught.value.message == message
    assert caught.value.path == path
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert load_plan(path).concerns[0].actions[0].owner == "Deputy Governor"
    assert backup_path(path).read_bytes() in (backup_before, before)
    assert leftovers(tmp_path) == []


def test_folder_gone(tmp_path: Path) -> None:
    folder = tmp_path / "shared drive"
    folder.mkdir()
    path = folder / "plan.actionplan"
    save_plan(small_plan(), path)
    shutil.rmtree(folder)
    with pytest.raises(PlanSaveError) as caught:
        save_plan(small_plan("Someone else"), path)
    assert caught.value.message == (
        "“plan.actionplan” could not be saved because the folder “shared drive” could not be found. "
        "Use Save As to choose another folder."
    )
    assert not folder.exists()


def test_a_locked_backup_copy_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.actionplan"
    save_plan(small_plan(), path)
    before = path.read_bytes()
    backup = backup_path(path)
    error = windows_error(32, str(tmp_path / ".plan.actionplan.bak.abcdefgh.tmp"), str(backup))
    monkeypatch.setattr(safe_writing, "_replace", fail_replacing(error, only=backup.name))
    with pytest.raises(PlanSaveError) as caught:
        save_plan(small_plan("Someone else"), path)
    assert caught.value.message == (
        "“plan.actionplan” could not be saved because its backup copy, “plan.actionplan.bak”, is open in "
        "another program or is read-only. Close it there and save again, or use Save As to save a copy."
    )
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_a_sharing_violation_wins_over_the_read_only_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.actionplan"
    save_plan(small_plan(), path)
    monkeypatch.setattr(safe_writing, "_replace", fail_replacing(windows_error(32, str(path))))
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)
    with pytest.raises(PlanSaveError) as caught:
        save_plan(small_plan("Someone else"), path)
    assert caught.value.message == LOCKED


@pytest.mark.parametrize(("error", "locked"), [
    (windows_error(32), True),
    (windows_error(33), True),
    (windows_error(5), False),  # plain access denied: could be the folder's permissions
    (PermissionError(errno.EACCES, "Permission denied"), False),
    (OSError(errno.ENOSPC, "No space left on device"), False),
])
def test_is_locked_by_another_program(error: OSError, locked: bool) -> None:
    assert is_locked_by_another_program(error) is locked


def test_command_line_import_gives_the_same_words_when_the_plan_is_open_in_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from exporters.docx_export import export_docx
    from exporters.options import ExportOptions

    source = tmp_path / "plan.docx"
    export_docx(small_plan(), source, ExportOptions())
    output = tmp_path / "plan.actionplan"
    save_plan(small_plan("Deputy Governor"), output)
    before = output.read_bytes()
    monkeypatch.setattr(safe_writing, "_replace", fail_replacing(windows_error(32, str(output))))
    assert cli.run(["import", str(source), "--replace", "-o", str(output)]) == 2
    # The editor's words, with command-line advice instead of Save As.
    said = LOCKED.replace("Close it there and save again, or use Save As to save a copy.",
                          "Close it there and try again, or choose another output file with -o.")
    assert said != LOCKED
    assert capsys.readouterr().err.strip() == f"Error: {said}"
    assert output.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_no_temporary_file_is_left_by_any_failure_of_the_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.actionplan"
    save_plan(small_plan(), path)
    real_mkstemp = tempfile.mkstemp
    made: list[str] = []

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        handle, name = real_mkstemp(*args, **kwargs)
        made.append(name)
        return handle, name
    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(safe_writing, "_replace", fail_replacing(OSError(errno.EIO, "Input/output error")))
    with pytest.raises(PlanSaveError, match="input/output error"):
        save_plan(small_plan("Someone else"), path)
    assert len(made) == 2  # the new plan and the backup copy
    assert leftovers(tmp_path) == []
