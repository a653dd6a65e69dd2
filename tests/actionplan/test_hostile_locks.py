"""Lock files damaged or planted by hand: opening the plan never crashes or hangs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from actionplan.lock import LockInfo, PlanLock, PlanLocked
from actionplan.processes import pid_is_running, this_host

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "ashvale.actionplan"
    path.write_text("{}")
    return path


def _lock_document(**changes: object) -> bytes:
    document: dict[str, object] = {"format": "hmpps-action-plan-lock", "user": "Sam Patel", "host": this_host(),
                                   "pid": 4242, "since": "2026-01-01T00:00:00+00:00"}
    document.update(changes)
    return json.dumps(document).encode()


@pytest.mark.parametrize("pid", [10**30, -(10**30), 2**31, 2**63])
def test_a_huge_process_id_is_nobody(pid: int) -> None:
    assert not pid_is_running(pid)


@pytest.mark.parametrize("changes", [
    {"pid": 10**30},
    {"pid": -5},
    {"since": "0001-01-01T00:00:00+14:00"},
    {"since": "9999-12-31T23:59:59-14:00"},
    {"since": 5},
    {"since": "soon"},
])
def test_a_lock_with_impossible_values_does_not_stop_the_plan_opening(plan_path: Path,
                                                                      changes: dict[str, object]) -> None:
    lock_path = PlanLock.path_for(plan_path)
    lock_path.write_bytes(_lock_document(**changes))
    old = (datetime.now(UTC) - timedelta(hours=1)).timestamp()
    os.utime(lock_path, (old, old))
    lock = PlanLock.acquire(plan_path, "Alex Jones")
    assert lock.written
    assert PlanLock.read(plan_path) == lock.info


def test_true_is_not_a_process_id() -> None:
    assert LockInfo.from_json(_lock_document(pid=True)) is None


def test_taking_over_a_folder_in_place_of_the_lock(plan_path: Path) -> None:
    PlanLock.path_for(plan_path).mkdir()
    with pytest.raises(PlanLocked) as raised:
        PlanLock.acquire(plan_path, "Alex Jones")
    assert "could not be read" in raised.value.message
    lock = PlanLock.acquire(plan_path, "Alex Jones", take_over=True)
    assert lock.written


def test_taking_over_a_full_folder_in_place_of_the_lock_opens_without_one(plan_path: Path) -> None:
    PlanLock.path_for(plan_path).mkdir()
    (PlanLock.path_for(plan_path) / "something").write_text("x")
    lock = PlanLock.acquire(plan_path, "Alex Jones", take_over=True)
    assert not lock.written
    assert "could not be written" in lock.problem


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="zombies are a Linux matter here")
def test_own_lock_left_by_an_editor_killed_with_kill_9_is_cleared(plan_path: Path) -> None:
    # Killed but not yet collected by whatever started it: the process id still answers.
    editor = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from actionplan.lock import PlanLock; "
         "PlanLock.acquire(sys.argv[1], 'Sam Patel'); print('LOCKED', flush=True); time.sleep(60)",
         str(plan_path)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert editor.stdout is not None
        assert editor.stdout.readline().strip() == "LOCKED"
        os.kill(editor.pid, signal.SIGKILL)
        for _ in range(100):
            if Path(f"/proc/{editor.pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                break
            subprocess.run([sys.executable, "-c", "pass"], check=True)  # let it die
        lock = PlanLock.acquire(plan_path, "Sam Patel")
        assert lock.written
        assert lock.info.pid == os.getpid()
    finally:
        editor.kill()
        editor.wait()


@pytest.fixture
def tokyo_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset")
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("since", ["9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+00:00"])
def test_a_lock_from_the_ends_of_the_calendar_is_not_shown_in_local_time(plan_path: Path, tokyo_time: None,
                                                                         since: str) -> None:
    # 31 December 9999 in UTC is already the year 10000 in Tokyo: saying who had it open crashed.
    PlanLock.path_for(plan_path).write_bytes(_lock_document(host="ANOTHER-PC", since=since))
    assert PlanLock.read(plan_path) is None  # damaged: no holder
    with pytest.raises(PlanLocked) as raised:  # written a moment ago, so left alone a little while
        PlanLock.acquire(plan_path, "Alex Jones")
    assert "could not be read" in raised.value.message
