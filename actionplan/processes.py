"""Which editor process on which computer: shared by recovery copies and plan locks."""

from __future__ import annotations

import os
import socket
import sys


def this_host() -> str:
    return socket.gethostname() or "this computer"


def same_host(host: str) -> bool:
    # Windows computer names are not case-sensitive, and some tools report them in capitals.
    return host.casefold() == this_host().casefold()


def pid_is_running(pid: int) -> bool:
    """True when a process with this id is running on this computer."""
    if pid <= 0:
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
    except OSError:
        return False
    return True


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
