"""Which processes are running: the ground truth for stale locks and live recovery copies."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from actionplan.processes import owner_is_running, pid_is_running, process_started_at, same_host, this_host


def test_this_process_is_running() -> None:
    assert pid_is_running(os.getpid())
    assert owner_is_running(os.getpid(), datetime.now(UTC))


def test_finished_and_impossible_processes_are_not_running() -> None:
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    assert not pid_is_running(finished.pid)
    assert not owner_is_running(finished.pid, datetime.now(UTC))
    assert not pid_is_running(0)
    assert not pid_is_running(-5)


def test_host_names_compare_without_case() -> None:
    assert same_host(this_host().upper())
    assert same_host(this_host().lower())
    assert not same_host(this_host() + "-other")


@pytest.mark.skipif(process_started_at(os.getpid()) is None, reason="process start times unknown here")
def test_start_time_of_a_new_process() -> None:
    before = datetime.now(UTC)
    child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        started = process_started_at(child.pid)
        assert started is not None
        assert before - timedelta(seconds=2) <= started <= datetime.now(UTC) + timedelta(seconds=2)
        assert not owner_is_running(child.pid, before - timedelta(minutes=5))  # id reused
        assert owner_is_running(child.pid, datetime.now(UTC))
    finally:
        child.kill()
        child.wait()
    assert process_started_at(child.pid) is None
