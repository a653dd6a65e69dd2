"""Which editor process on which computer: shared by recovery copies and plan locks."""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path


def this_host() -> str:
    return socket.gethostname() or "this computer"


def same_host(host: str) -> bool:
    # Windows computer names are not case-sensitive, and some tools report them in capitals.
    return host.casefold() == this_host().casefold()


MAX_PID = 2**31 - 1
"""No system gives out a process id above this: a bigger one (from a damaged file) is nobody."""


def pid_is_running(pid: int) -> bool:
    """True when a process with this id is running on this computer. A process that has ended
    but not yet been collected by its parent (a zombie, after ``kill -9``) is not running."""
    if pid <= 0 or pid > MAX_PID:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_pid_is_running(pid)
    try:
        os.kill(pid, 0)  # signal 0 only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists but belongs to another user
    except (OSError, OverflowError):
        return False
    return not _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    """True when ``pid`` has ended and only waits for its parent to collect it (Linux only)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        state = stat.rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError, ValueError):
        return False
    return state in ("Z", "X")


def owner_is_running(pid: int, since: datetime) -> bool:
    """True when process ``pid`` is running and could be the one that was running at
    ``since`` (it did not start later, which would mean the id was reused)."""
    if not pid_is_running(pid):
        return False
    started = process_started_at(pid)
    # Clocks and tick counts are coarse: allow a little slack before calling it a new process.
    return started is None or started <= since + timedelta(seconds=2)


def process_started_at(pid: int) -> datetime | None:
    """When the running process ``pid`` started (aware UTC), or None when it cannot be told.

    Process ids are reused: a lock or recovery copy left by a crash can name a pid that now
    belongs to another program. A process that started after the lock was taken is not its
    owner."""
    with contextlib.suppress(Exception):  # best effort: any failure means "cannot tell"
        if sys.platform == "win32":
            return _windows_started_at(pid)
        if sys.platform.startswith("linux"):
            return _linux_started_at(pid)
    return None


def _linux_started_at(pid: int) -> datetime | None:
    stat = Path(f"/proc/{pid}/stat").read_text()
    # The command name (field 2) can hold spaces and brackets: count fields after the last ")".
    ticks = int(stat.rsplit(")", 1)[1].split()[19])
    boot = next(int(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines()
                if line.startswith("btime "))
    return datetime.fromtimestamp(boot + ticks / os.sysconf("SC_CLK_TCK"), UTC)


if sys.platform == "win32":
    import ctypes

    _QUERY_LIMITED_INFORMATION = 0x1000
    _STILL_ACTIVE = 259

    def _windows_pid_is_running(pid: int) -> bool:
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return False
            return bool(code.value == _STILL_ACTIVE)
        finally:
            kernel32.CloseHandle(handle)

    def _windows_started_at(pid: int) -> datetime | None:
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            return None
        try:
            created, exited, kernel, user = (ctypes.c_ulonglong() for _ in range(4))
            if not kernel32.GetProcessTimes(handle, ctypes.byref(created), ctypes.byref(exited),
                                            ctypes.byref(kernel), ctypes.byref(user)):
                return None
            # FILETIME: 100-nanosecond intervals since 1 January 1601.
            return datetime.fromtimestamp(created.value / 10_000_000 - 11_644_473_600, UTC)
        finally:
            kernel32.CloseHandle(handle)
