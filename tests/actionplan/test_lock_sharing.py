"""Locks on a shared drive: colleagues can read them, a lock nobody can read still counts as
held, and odd files in the lock's place (a pipe, a huge file) neither hang nor fill memory."""

from __future__ import annotations

import os
import pickle
import tempfile
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from actionplan import safe_writing
from actionplan.lock import LockInfo, PlanLock, PlanLocked

COLLEAGUE = 65534  # "nobody": a user who is not the one who made the lock


def as_colleague(work: Callable[[], Any]) -> Any:
    """Run ``work`` in a child process as another user, as a colleague's editor on the same
    shared drive would, and return what it returned (or raised)."""
    if not hasattr(os, "fork") or os.geteuid() != 0:
        pytest.skip("needs to switch users: runs as root on Linux")
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        os.close(reading)
        try:
            os.setgid(COLLEAGUE)
            os.setuid(COLLEAGUE)
            try:
                outcome: Any = ("returned", work())
            except PlanLocked as locked:  # handed back to the test to judge
                outcome = ("locked", (locked.message, locked.info))
            os.write(writing, pickle.dumps(outcome))
        finally:
            os._exit(0)
    os.close(writing)
    with os.fdopen(reading, "rb") as stream:
        data = stream.read()
    os.waitpid(child, 0)
    return pickle.loads(data)


@pytest.fixture
def shared_plan() -> Iterator[Path]:
    """A plan in a folder everyone may write, like a team's shared drive. Not under pytest's
    own temporary folder, which only its owner may enter."""
    with tempfile.TemporaryDirectory(prefix="shared-drive-") as made:
        folder = Path(made)
        folder.chmod(0o777)
        plan = folder / "ashvale.actionplan"
        plan.write_text("{}")
        plan.chmod(0o666)
        yield plan


def try_to_open(plan: Path) -> Callable[[], Any]:
    def work() -> Any:
        lock = PlanLock.acquire(plan, "Alex Jones")
        return lock.written, lock.problem
    return work


def test_the_lock_gets_the_permissions_any_new_file_gets(shared_plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lock = PlanLock.acquire(shared_plan, "Sam Patel")
    assert lock.path.stat().st_mode & 0o777 == 0o666 & ~safe_writing._UMASK
    lock.release()
    monkeypatch.setattr(safe_writing, "_UMASK", 0o027)
    lock = PlanLock.acquire(shared_plan, "Sam Patel")
    assert lock.path.stat().st_mode & 0o777 == 0o640


def test_a_colleague_is_told_who_has_the_plan_open(shared_plan: Path) -> None:
    PlanLock.acquire(shared_plan, "Sam Patel")
    kind, outcome = as_colleague(try_to_open(shared_plan))
    assert kind == "locked", outcome
    _message, info = outcome
    assert info.user == "Sam Patel"


def test_a_lock_a_colleague_cannot_read_counts_as_held(shared_plan: Path) -> None:
    mine = PlanLock.acquire(shared_plan, "Sam Patel")
    mine.path.chmod(0o600)  # as earlier versions made every lock
    kind, outcome = as_colleague(try_to_open(shared_plan))
    assert kind == "locked", outcome
    message, info = outcome
    assert not info.known
    assert message == (
        "“ashvale.actionplan” may be open in another editor: its lock file, which says who has it open, "
        "could not be read. If you both change it, one of you will lose your changes.")
    kind, held_by = as_colleague(lambda: PlanLock.read(shared_plan))
    assert kind == "returned"
    assert held_by is not None
    assert not held_by.known

    def take_over() -> Any:
        lock = PlanLock.acquire(shared_plan, "Alex Jones", take_over=True)
        return lock.written, PlanLock.read(shared_plan)

    kind, (written, now) = as_colleague(take_over)
    assert written
    assert now.user == "Alex Jones"


@pytest.mark.timeout(20)
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_in_the_locks_place_does_not_hang(shared_plan: Path) -> None:
    lock_path = PlanLock.path_for(shared_plan)
    os.mkfifo(lock_path)
    assert PlanLock.read(shared_plan) is None
    with pytest.raises(PlanLocked):  # new: perhaps being made this instant
        PlanLock.acquire(shared_plan, "Sam Patel")
    old = (datetime.now(UTC) - timedelta(minutes=5)).timestamp()
    os.utime(lock_path, (old, old))
    lock = PlanLock.acquire(shared_plan, "Sam Patel")  # long since left behind: cleared
    assert lock.written
    assert PlanLock.read(shared_plan) == lock.info


def test_a_huge_lock_file_is_not_read_whole(shared_plan: Path) -> None:
    lock_path = PlanLock.path_for(shared_plan)
    with lock_path.open("wb") as stream:
        stream.truncate(1024**3)  # sparse: takes no room on the disk
    tracemalloc.start()
    try:
        assert PlanLock.read(shared_plan) is None
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024**2


def test_an_unknown_holder_is_described_plainly() -> None:
    info = LockInfo.unknown(datetime.now(UTC))
    assert not info.known
    assert LockInfo.from_json(LockInfo("Sam", "PC", 1, datetime.now(UTC)).to_json()).known  # type: ignore[union-attr]
