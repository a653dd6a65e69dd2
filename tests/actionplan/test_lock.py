"""Plan locks: who has a plan open, stale locks after a crash, two real processes."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from actionplan import lock as lock_module
from actionplan.lock import STALE_AFTER, LockInfo, PlanLock, PlanLocked
from actionplan.processes import pid_is_running, process_started_at, this_host

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "ashvale.actionplan"
    path.write_text("{}")
    return path


@pytest.fixture
def london_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset")
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def write_lock(plan_path: Path, info: LockInfo, age: timedelta = timedelta(0)) -> None:
    path = PlanLock.path_for(plan_path)
    path.write_bytes(info.to_json())
    stamp = (datetime.now(UTC) - age).timestamp()
    os.utime(path, (stamp, stamp))


def a_dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    assert not pid_is_running(process.pid)
    return process.pid


def test_describe_in_local_time(london_time: None) -> None:
    info = LockInfo("Sam Patel", "LAPTOP-12", 4242, datetime(2026, 6, 22, 13, 5, tzinfo=UTC))
    assert info.describe() == "Sam Patel on LAPTOP-12 since 22 June 2026 at 14:05"
    winter = LockInfo("Sam Patel", "LAPTOP-12", 4242, datetime(2026, 12, 1, 9, 30, tzinfo=UTC))
    assert winter.describe() == "Sam Patel on LAPTOP-12 since 1 December 2026 at 09:30"


def test_lock_file_sits_beside_the_plan(plan_path: Path) -> None:
    assert PlanLock.path_for(plan_path) == plan_path.parent / ".ashvale.actionplan.lock"


def test_acquire_read_release(plan_path: Path) -> None:
    assert PlanLock.read(plan_path) is None
    lock = PlanLock.acquire(plan_path, "Sam Patel")
    assert lock.written
    info = PlanLock.read(plan_path)
    assert info == lock.info
    assert info is not None
    assert (info.user, info.host, info.pid) == ("Sam Patel", this_host(), os.getpid())
    assert info.since.tzinfo is not None
    assert abs(datetime.now(UTC) - info.since) < timedelta(seconds=5)
    lock.release()
    assert PlanLock.read(plan_path) is None
    assert not PlanLock.path_for(plan_path).exists()
    assert sorted(p.name for p in plan_path.parent.iterdir()) == ["ashvale.actionplan"]
    lock.release()  # twice is harmless


def test_a_lock_held_by_this_process_counts_as_ours(plan_path: Path) -> None:
    first = PlanLock.acquire(plan_path, "Sam Patel")
    second = PlanLock.acquire(plan_path, "Sam Patel")
    assert second.written
    assert second.info == first.info


def test_live_lock_on_another_computer_is_refused(plan_path: Path, london_time: None) -> None:
    since = datetime(2026, 6, 22, 13, 5, tzinfo=UTC)
    theirs = LockInfo("Sam Patel", "LAPTOP-12", 4242, since)
    write_lock(plan_path, theirs, age=timedelta(minutes=4))
    with pytest.raises(PlanLocked) as caught:
        PlanLock.acquire(plan_path, "Alex Jones")
    assert caught.value.info == theirs
    assert caught.value.message == (
        "“ashvale.actionplan” is open by Sam Patel on LAPTOP-12 since 22 June 2026 at 14:05. "
        "If you both change it, one of you will lose your changes."
    )
    assert PlanLock.read(plan_path) == theirs  # untouched


def test_silent_lock_on_another_computer_is_stale(plan_path: Path) -> None:
    theirs = LockInfo("Sam Patel", "LAPTOP-12", 4242, datetime(2026, 6, 22, 13, 5, tzinfo=UTC))
    write_lock(plan_path, theirs, age=STALE_AFTER + timedelta(minutes=1))
    lock = PlanLock.acquire(plan_path, "Alex Jones")
    assert PlanLock.read(plan_path) == lock.info
    assert lock.info.user == "Alex Jones"


def test_is_stale() -> None:
    now = datetime.now(UTC)
    other = LockInfo("Sam", "SOMEWHERE-ELSE", os.getpid(), now)
    assert not PlanLock.is_stale(other, now - timedelta(minutes=9))
    assert PlanLock.is_stale(other, now - timedelta(minutes=11))
    here_alive = LockInfo("Sam", this_host().upper(), os.getpid(), now)
    assert not PlanLock.is_stale(here_alive, now - timedelta(days=3))  # no heartbeat needed here
    here_dead = LockInfo("Sam", this_host(), a_dead_pid(), now)
    assert PlanLock.is_stale(here_dead, now)


def test_lock_left_by_a_crash_on_this_computer_is_cleared(plan_path: Path) -> None:
    write_lock(plan_path, LockInfo("Sam Patel", this_host(), a_dead_pid(), datetime.now(UTC)))
    lock = PlanLock.acquire(plan_path, "Alex Jones")
    assert PlanLock.read(plan_path) == lock.info


def test_take_over(plan_path: Path) -> None:
    theirs = LockInfo("Sam Patel", "LAPTOP-12", 4242, datetime.now(UTC))
    write_lock(plan_path, theirs)
    lock = PlanLock.acquire(plan_path, "Alex Jones", take_over=True)
    assert PlanLock.read(plan_path) == lock.info


def test_release_leaves_a_lock_someone_else_took_over(plan_path: Path) -> None:
    lock = PlanLock.acquire(plan_path, "Sam Patel")
    theirs = LockInfo("Alex Jones", "LAPTOP-7", 99, datetime.now(UTC))
    write_lock(plan_path, theirs)
    assert not lock.is_ours()
    lock.refresh()
    lock.release()
    assert PlanLock.read(plan_path) == theirs


def test_refresh_is_a_heartbeat(plan_path: Path) -> None:
    lock = PlanLock.acquire(plan_path, "Sam Patel")
    old = (datetime.now(UTC) - timedelta(minutes=30)).timestamp()
    os.utime(lock.path, (old, old))
    lock.refresh()
    assert time.time() - lock.path.stat().st_mtime < 60
    lock.path.unlink()  # someone deleted it by hand
    lock.refresh()
    assert PlanLock.read(plan_path) == lock.info


def test_unreadable_lock(plan_path: Path) -> None:
    path = PlanLock.path_for(plan_path)
    path.write_bytes(b"")  # being written this instant, or damaged
    assert PlanLock.read(plan_path) is None
    with pytest.raises(PlanLocked, match="may be open in another editor: its lock file"):
        PlanLock.acquire(plan_path, "Alex Jones")
    old = (datetime.now(UTC) - timedelta(minutes=2)).timestamp()
    os.utime(path, (old, old))
    lock = PlanLock.acquire(plan_path, "Alex Jones")  # long since damaged: cleared
    assert PlanLock.read(plan_path) == lock.info


@pytest.mark.parametrize("data", [b"{}", b"[]", b"\xff", b'{"format": "hmpps-action-plan-lock"}',
                                  b'{"format": "hmpps-action-plan-lock", "user": "a", "host": "b", '
                                  b'"pid": "1", "since": "2026-06-22T14:05:00+00:00"}',
                                  b'{"format": "hmpps-action-plan-lock", "user": "a", "host": "b", '
                                  b'"pid": 1, "since": "2026-06-22T14:05:00"}'])
def test_damaged_lock_content_reads_as_none(plan_path: Path, data: bytes) -> None:
    PlanLock.path_for(plan_path).write_bytes(data)
    assert PlanLock.read(plan_path) is None


def test_read_only_folder_opens_without_a_lock(plan_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if os.name != "nt" and os.geteuid() != 0:
        plan_path.parent.chmod(0o555)
    else:  # root writes anywhere: make the refusal happen as it would for a user
        def refuse(*args: Any, **kwargs: Any) -> Any:
            raise PermissionError(errno.EACCES, "Permission denied")
        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    try:
        lock = PlanLock.acquire(plan_path, "Sam Patel")
    finally:
        plan_path.parent.chmod(0o755)
    assert not lock.written
    assert "could not be written" in lock.problem
    assert not lock.path.exists()
    lock.refresh()
    lock.release()


def test_folder_without_hard_links_falls_back(plan_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(*args: Any) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")
    monkeypatch.setattr(lock_module.os, "link", no_links)
    lock = PlanLock.acquire(plan_path, "Sam Patel")
    assert PlanLock.read(plan_path) == lock.info
    with pytest.raises(PlanLocked):
        _acquire_as_another_process(plan_path, monkeypatch)


def _acquire_as_another_process(plan_path: Path, monkeypatch: pytest.MonkeyPatch) -> PlanLock:
    monkeypatch.setattr(lock_module.os, "getpid", lambda: 1)  # pid 1 is always running
    return PlanLock.acquire(plan_path, "Alex Jones")


# Two real processes --------------------------------------------------------------------

_HOLDER = """
import sys
from pathlib import Path
from actionplan.lock import PlanLock
lock = PlanLock.acquire(Path(sys.argv[1]), "Sam Patel")
print("locked" if lock.written else "not written", flush=True)
sys.stdin.read()
"""

_SECOND = """
import sys
from pathlib import Path
from actionplan.lock import PlanLock, PlanLocked
try:
    lock = PlanLock.acquire(Path(sys.argv[1]), "Alex Jones")
except PlanLocked as locked:
    print("LOCKED", locked.info.user, "|", locked.message)
else:
    print("ACQUIRED", lock.info.user)
    lock.release()
"""


def _second_process(plan_path: Path) -> str:
    done = subprocess.run([sys.executable, "-c", _SECOND, str(plan_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=True)
    return done.stdout.strip()


@pytest.mark.timeout(120)
def test_two_processes(plan_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(plan_path)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        answer = _second_process(plan_path)
        assert answer.startswith("LOCKED Sam Patel | “ashvale.actionplan” is open by Sam Patel on ")
        with pytest.raises(PlanLocked):
            PlanLock.acquire(plan_path, "Alex Jones")
    finally:
        holder.kill()  # SIGKILL: no chance to release the lock
        holder.wait()
    # The holder crashed: its lock is still on disk, but stale.
    left = PlanLock.read(plan_path)
    assert left is not None
    assert left.pid == holder.pid
    assert PlanLock.is_stale(left, datetime.now(UTC))
    assert _second_process(plan_path) == "ACQUIRED Alex Jones"
    assert PlanLock.read(plan_path) is None


_RACER = """
import sys, time
from pathlib import Path
from actionplan.lock import PlanLock, PlanLocked
plan, go = Path(sys.argv[1]), Path(sys.argv[2])
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
try:
    PlanLock.acquire(plan, sys.argv[3])
    print("ACQUIRED", flush=True)
except PlanLocked as locked:
    print("LOCKED", locked.info.user, flush=True)
sys.stdin.read()
"""


@pytest.mark.timeout(120)
def test_only_one_of_several_racing_editors_gets_the_lock(plan_path: Path) -> None:
    go = plan_path.parent / "go"
    racers = [
        subprocess.Popen([sys.executable, "-c", _RACER, str(plan_path), str(go), f"Editor {n}"], cwd=ROOT,
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for n in range(5)
    ]
    try:
        for racer in racers:
            assert racer.stdout is not None
            assert racer.stdout.readline().strip() == "ready"
        go.touch()
        answers = []
        for racer in racers:
            assert racer.stdout is not None
            answers.append(racer.stdout.readline().strip())
    finally:
        for racer in racers:
            racer.kill()
            racer.wait()
    assert answers.count("ACQUIRED") == 1, answers
    winner = f"Editor {answers.index('ACQUIRED')}"
    assert sorted(a for a in answers if a != "ACQUIRED") == [f"LOCKED {winner}"] * 4


@pytest.mark.skipif(process_started_at(os.getpid()) is None, reason="process start times unknown here")
def test_a_reused_process_id_does_not_keep_a_crashed_lock_alive(plan_path: Path) -> None:
    newcomer = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        now = datetime.now(UTC)
        # A lock taken an hour ago by a process that crashed; its id now belongs to a program
        # that started a moment ago.
        crashed = LockInfo("Sam Patel", this_host(), newcomer.pid, now - timedelta(hours=1))
        assert PlanLock.is_stale(crashed, now)
        write_lock(plan_path, crashed)
        lock = PlanLock.acquire(plan_path, "Alex Jones")
        assert PlanLock.read(plan_path) == lock.info
        # The same process id, locked after that program started, is a live lock.
        assert not PlanLock.is_stale(LockInfo("Sam Patel", this_host(), newcomer.pid, datetime.now(UTC)), now)
    finally:
        newcomer.kill()
        newcomer.wait()
