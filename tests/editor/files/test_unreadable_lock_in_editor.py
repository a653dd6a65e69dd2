"""A lock file the editor cannot read (a colleague's, on a shared drive) counts as someone having
the plan open: the user is asked, in plain words, and can open it read-only."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from actionplan import lock as lock_module
from actionplan.lock import PlanLock
from editor.files.prompter import locked_box, replace_locked_box
from editor.files.questions import LockChoice
from tests.editor.file_host import Host, close_quietly, make_host, write_plan

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[Host]:
    made = make_host(qtbot)
    yield made
    close_quietly(made)


def test_a_lock_that_cannot_be_read_is_asked_about(host: Host, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   qtbot: QtBot) -> None:
    plan = write_plan(tmp_path / "plan.actionplan")
    lock_path = PlanLock.path_for(plan)
    lock_path.write_bytes(b'{"format": "hmpps-action-plan-lock"}')
    real_open = os.open

    def refuse_the_lock(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        # Root reads anything: refuse as the system refuses a colleague's private file.
        if Path(path) == lock_path and not flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(lock_module.os, "open", refuse_the_lock)
    host.prompter.script("ask_locked", LockChoice.READ_ONLY)
    assert host.files.open_plan(plan)
    ((name, info),) = host.prompter.questions("ask_locked")
    assert name == "plan.actionplan"
    assert not info.known
    assert host.document.read_only

    box = locked_box(None, name, info)
    qtbot.addWidget(box)
    assert box.text() == "“plan.actionplan” may be open in another editor."
    assert box.informativeText().startswith(
        "Someone may have it open, but the lock file that says who could not be read. It may belong to a "
        "colleague whose access to the folder is not the same as yours.")
    box.grab().save(str(tmp_path / "unreadable-lock.png"))
    replace_box = replace_locked_box(None, name, info)
    qtbot.addWidget(replace_box)
    assert replace_box.text() == "“plan.actionplan” may be open in another editor."
